import { detectMapping, findHeaderRow, mapHeaders } from "../../src/core/mapping";
import { headerWords } from "../../src/core/headerMatch";
import { CONTRACTS, KPIS, MILESTONES } from "../../src/core/schema";

const fieldOf = (headers: string[], column: string): string | undefined =>
  Object.entries(mapHeaders(headers).fields).find(([, m]) => m?.column === column)?.[0];

test("headerWords splits any naming style", () => {
  expect(headerWords("Contract End Date (dd/mm/yyyy)")).toEqual(["contract", "end", "date"]);
  expect(headerWords("contract_end_date")).toEqual(["contract", "end", "date"]);
  expect(headerWords("contractEndDate")).toEqual(["contract", "end", "date"]);
  expect(headerWords("Contract\nEnd Date")).toEqual(["contract", "end", "date"]);
});

test.each(["Contract end date", "Expiry", "End", "expiry_date", "Contract End Date", "contractEndDate", "END DATE", "Expiry Date (dd/mm/yyyy)", "Contract expiry"])(
  "%p is the end date (PRODUCT.md)",
  (header) => {
    expect(fieldOf(["Ref", "Supplier", header], header)).toBe("endDate");
  },
);

test.each([
  ["Vendor", "supplier"], ["Successful Supplier", "supplier"], ["Awarded supplier", "supplier"], ["Contractor", "supplier"],
  ["Directorate", "department"], ["Service Area", "department"], ["Buyer", "department"], ["Division", "department"],
  ["Contract Manager", "contractManager"], ["Responsible Officer", "contractManager"], ["Commencement date", "startDate"],
  ["Contract Start", "startDate"], ["Go-live date", "goLiveDate"], ["Notice period (months)", "noticePeriod"],
  ["Extension options", "extensionOptions"], ["Annual Contract Value (£)", "annualValue"], ["Total contract value", "totalValue"],
  ["Contract Value £", "totalValue"], ["Spend to date", "spendToDate"], ["Contract Ref", "contractId"], ["Ref No.", "contractId"],
  ["Tier", "tier"], ["Contract Status", "status"], ["Contract Title", "title"], ["Description of services", "title"],
])("%p → %s", (header, field) => {
  expect(fieldOf(["Something else entirely", header], header)).toBe(field);
});

test("off-topic columns do not take a field because they share a word", () => {
  const mapping = mapHeaders(["Reference", "Supplier", "Supplier Address", "Supplier postcode", "Buyer", "Buyer Email", "Supplier is SME?"]);
  expect(mapping.fields.supplier?.column).toBe("Supplier");
  expect(mapping.fields.department?.column).toBe("Buyer");
  expect(mapping.unmapped).toEqual(["Supplier Address", "Supplier postcode", "Buyer Email", "Supplier is SME?"]);
});

test("each field takes one column and the better candidate wins", () => {
  const mapping = mapHeaders(["Description", "Title", "Value", "Contract value", "End", "Contract end date"]);
  expect(mapping.fields.title?.column).toBe("Title");
  expect(mapping.fields.totalValue?.column).toBe("Contract value");
  expect(mapping.fields.endDate?.column).toBe("Contract end date");
  const columns = Object.values(mapping.fields).map((m) => m?.index);
  expect(new Set(columns).size).toBe(columns.length);
});

test("an exact synonym is surer than a header with extra words", () => {
  const mapping = mapHeaders(["Expiry", "Supplier name trading as"]);
  expect(mapping.fields.endDate?.confidence).toBeGreaterThanOrEqual(0.95);
  expect(mapping.fields.supplier?.confidence).toBeLessThan(1);
  expect(mapping.fields.supplier?.confidence).toBeGreaterThanOrEqual(0.5);
});

test("a contract is not a misspelt contact, nor an awarded date a manager", () => {
  const mapping = mapHeaders(["Contract Date", "Date Contract Awarded", "contract_id"]);
  expect(mapping.fields.contractManager).toBeUndefined();
});

test("the header row is found under a title block and blank rows", () => {
  const rows = [
    ["Anytown Borough Council — Contract Register"],
    ["Updated 1 April 2025", null, null],
    [],
    ["Contract\nReference", "Contract Title", "Supplier", "Start Date", "End Date", "Annual Value"],
    ["AB/001", "Waste collection", "Binco Ltd", "01/04/2020", "31/03/2027", "£1,200,000"],
  ];
  expect(findHeaderRow(rows)).toBe(3);
  const mapping = detectMapping(rows);
  expect(mapping?.fields.contractId).toMatchObject({ column: "Contract Reference", index: 0, confidence: 1 });
  expect(mapping?.fields.annualValue?.column).toBe("Annual Value");
});

test("no header row in rows of numbers, or a single column", () => {
  expect(findHeaderRow([[1, 2, 3], [4, 5, 6]])).toBeNull();
  expect(findHeaderRow([["just a note"]])).toBeNull();
});

test("an empty column loses to a filled twin", () => {
  const rows = [["ID", "contract_end", "award_contract_end"], ["A", "", "2025-03-31"], ["B", "", "2026-01-01"]];
  expect(detectMapping(rows)?.fields.endDate?.column).toBe("award_contract_end");
});

test("registers nobody tuned for", () => {
  const nhs = mapHeaders(["Contract No.", "Contract Name", "Provider", "Care Group", "Contract Lead", "Commencement", "Expiry", "Extension Available", "Annual Contract Value", "RAG"]);
  expect(Object.fromEntries(Object.entries(nhs.fields).map(([k, v]) => [k, v?.column]))).toMatchObject({
    contractId: "Contract No.", title: "Contract Name", supplier: "Provider", contractManager: "Contract Lead",
    startDate: "Commencement", endDate: "Expiry", annualValue: "Annual Contract Value",
  });
  const usCity = mapHeaders(["Contract Number", "Vendor Name", "Department", "Description", "Begin Date", "End Date", "Contract Amount", "Buyer Phone Number"]);
  expect(Object.fromEntries(Object.entries(usCity.fields).map(([k, v]) => [k, v?.column]))).toMatchObject({
    contractId: "Contract Number", supplier: "Vendor Name", department: "Department", title: "Description",
    startDate: "Begin Date", endDate: "End Date", totalValue: "Contract Amount",
  });
  expect(usCity.unmapped).toContain("Buyer Phone Number");
});

test("milestone and KPI sheets map to their own tables", () => {
  const milestones = mapHeaders(["Contract ID", "Milestone", "Baseline", "Forecast", "Actual completion", "Owner"], MILESTONES);
  expect(Object.fromEntries(Object.entries(milestones.fields).map(([k, v]) => [k, v?.column]))).toEqual({
    contractId: "Contract ID", milestone: "Milestone", baselineDate: "Baseline", forecastDate: "Forecast", actualDate: "Actual completion", owner: "Owner",
  });
  const kpis = mapHeaders(["Contract", "KPI", "Target", "Actual", "Period"], KPIS);
  expect(kpis.fields.kpi?.column).toBe("KPI");
  expect(kpis.fields.target?.column).toBe("Target");
  expect(kpis.fields.actual?.column).toBe("Actual");
  expect(CONTRACTS.fields.length).toBe(18);
});
