import { detectMapping } from "../../src/core/mapping";
import { seeded } from "../helpers/registerVariants";

// What a person would map at once, and what a header's words alone get wrong: each case is a kind
// of register column, written with generated values, so that no rule fits one file.

const random = seeded(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const ROWS = 40;
const column = (make: (row: number) => unknown): unknown[] => Array.from({ length: ROWS }, (_, i) => make(i));
const dates = column((i) => `${1 + (i % 28)}/${1 + (i % 12)}/20${26 + (i % 5)}`);
const amounts = column((i) => `£${(12_000 + i * 7_919).toLocaleString("en-GB")}`);
const refs = column((i) => `C-${1000 + i}`);
const titles = column((i) => `${pick(["Waste collection", "School meals", "Street lighting", "Legal services", "IT support", "Grounds maintenance"])} lot ${i + 1}`);
const suppliers = column(() => pick(["Binco Ltd", "Acme Services plc", "Brightlight LLP", "Greenspace CIC", "Northgate Systems"]));
const directorates = column((i) => ["Place", "People", "Resources"][i % 3]);
const services = column((i) => [["Waste", "Highways"], ["Schools", "Adult care"], ["Finance", "HR"]][i % 3][i % 2]);
// A dozen officers, each on several contracts: people's surnames seldom repeat.
const OFFICERS = ["Amira Okafor", "Ben Nguyen", "Carla Hughes", "Dev Patel", "Erin Kowalski", "Farid Evans", "Gwen Murphy", "Hugo Ahmed", "Isla Fraser", "Jon Osei", "Kate Lindqvist", "Liam Moreau"];
const people = column(() => pick(OFFICERS));
const prose = column((i) => `Budget pressures in year ${i % 4} mean the service will be reviewed at the mid-point and may be reduced in scope.`);

/** A register from named columns of values: header row, then rows. */
function register(columns: Record<string, unknown[]>): unknown[][] {
  const headers = Object.keys(columns);
  return [headers, ...Array.from({ length: ROWS }, (_, r) => headers.map((h) => columns[h][r]))];
}
const mapped = (columns: Record<string, unknown[]>): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(detectMapping(register(columns))?.fields ?? {}).map(([k, m]) => [k, m?.column]));

test("abbreviated and coded headers are mapped as a person would map them", () => {
  const found = mapped({ "PO #": refs, desc_brief: titles, vendor: suppliers, "Dir.": directorates, start_dt: dates, end_dt: dates.map((d) => String(d).replace("/20", "/20")), tot_amt: amounts, "Contract Mgr": people });
  expect(found).toMatchObject({ contractId: "PO #", title: "desc_brief", supplier: "vendor", department: "Dir.", startDate: "start_dt", endDate: "end_dt", totalValue: "tot_amt", contractManager: "Contract Mgr" });
});

test("prose is never money, whatever its header says", () => {
  const found = mapped({ Ref: refs, Title: titles, "Budget narrative": prose, "End date": dates });
  expect(found.budget).toBeUndefined();
  expect(mapped({ Ref: refs, Title: titles, "Budget narrative": prose, "Approved budget": amounts }).budget).toBe("Approved budget");
});

test("an officer's job title is neither the contract's title nor its manager", () => {
  const jobTitles = column(() => pick(["Procurement Specialist", "Senior Buyer", "Category Manager"]));
  const found = mapped({ Ref: refs, "Officer Job Title": jobTitles, Supplier: suppliers, Expiry: dates });
  expect(found.title).toBeUndefined();
  expect(found.contractManager).toBeUndefined();
  expect(mapped({ Ref: refs, "Officer Job Title": jobTitles, "Contract title": titles }).title).toBe("Contract title");
});

test("a column the same on every row is not the department, nor a date of the contract", () => {
  const council = column(() => "Anytown Borough Council");
  const published = column(() => "01/04/2025");
  const found = mapped({ "Organisation name": council, "Effective Date": published, Reference: refs, "Directorate / service responsible": directorates, "Contract start date": dates });
  expect(found.department).toBe("Directorate / service responsible");
  expect(found.startDate).toBe("Contract start date");
  expect(mapped({ "Organisation name": council, "Effective Date": published, Reference: refs }).startDate).toBeUndefined();
});

test("a column of dates is not the extension options, nor the notice period", () => {
  const found = mapped({ Ref: refs, "Last extension date": dates, "Notice date": dates, "Extension options": column((i) => ["2+1", "1 x 12 months", "None"][i % 3]) });
  expect(found.extensionOptions).toBe("Extension options");
  expect(found.noticePeriod).toBeUndefined();
  expect(mapped({ Ref: refs, "Last extension date": dates }).extensionOptions).toBeUndefined();
});

test("a supplier's address state or county, or a tax flag, is not the contract's status", () => {
  const found = mapped({ Ref: refs, "Supplier State": column(() => pick(["NY", "CA", "TX", "ON"])), State: column(() => pick(["NY", "CA", "TX"])), vat_exempt_status: column(() => pick(["Y", "N"])), Title: titles });
  expect(found.status).toBeUndefined();
  expect(found.supplier).toBeUndefined();
  expect(mapped({ Ref: refs, State: column(() => pick(["Live", "Expired", "Terminated", "Awarded"])) }).status).toBe("State");
});

test("names of people are not a department; the department column wins", () => {
  expect(mapped({ Ref: refs, Buyer: people, "Service area": directorates }).department).toBe("Service area");
  expect(mapped({ Ref: refs, Buyer: people, Title: titles }).department).toBeUndefined();
});

test("of two department columns, the unit the other contains is not the department", () => {
  expect(mapped({ Ref: refs, Team: services, Division: directorates }).department).toBe("Division");
  expect(mapped({ Ref: refs, Division: directorates, Team: services }).department).toBe("Division");
});

test("the mapping says why, in the user's words", () => {
  const fields = detectMapping(register({ Ref: refs, "End date": dates, "Contract value": amounts }))?.fields;
  expect(fields?.endDate?.why).toBe('header "End date"; dates in 100% of rows');
  expect(fields?.totalValue?.why).toBe('header "Contract value"; amounts in 100% of rows');
  expect(fields?.contractId?.why).toBe('header "Ref"; unique on 100% of rows');
});

test("of a value with tax and without, the value without tax is the contract's, in either order", () => {
  const withTax = amounts.map((a) => `£${(Number(String(a).replace(/[£,]/g, "")) * 1.2).toLocaleString("en-GB")}`);
  expect(mapped({ Ref: refs, "Value (inc VAT)": withTax, "Value (ex VAT)": amounts }).totalValue).toBe("Value (ex VAT)");
  expect(mapped({ Ref: refs, "Value ex GST": amounts, "Value inc GST": withTax }).totalValue).toBe("Value ex GST");
  expect(mapped({ Ref: refs, "Value (including VAT)": withTax }).totalValue).toBe("Value (including VAT)");
});

test("a header is read without the words that add nothing, and by its initials", () => {
  expect(mapped({ Ref: refs, "Department Name": directorates, Team: services }).department).toBe("Department Name");
  expect(mapped({ Ref: refs, TCV: amounts, ACV: amounts.map((a) => String(a).slice(0, -2)) })).toMatchObject({ totalValue: "TCV", annualValue: "ACV" });
  expect(mapped({ "Agreement Name": titles, Counterparty: suppliers, "Term Begin": dates, "Term End": dates, "Expended to date": amounts })).toMatchObject({
    title: "Agreement Name", supplier: "Counterparty", startDate: "Term Begin", endDate: "Term End", spendToDate: "Expended to date",
  });
});

test("a header giving two names (a bilingual register, `A / B`) is read as either", () => {
  expect(mapped({ "Cyfeirnod / Reference": refs, "Teitl / Title": titles, "Cyflenwr / Supplier": suppliers, "Dyddiad gorffen / End date": dates })).toMatchObject({
    contractId: "Cyfeirnod / Reference", title: "Teitl / Title", supplier: "Cyflenwr / Supplier", endDate: "Dyddiad gorffen / End date",
  });
});

test("a column of people under a bare `Name` is the contract manager, not the title", () => {
  const few = column((i) => ["Anna Lee", "Tom Evans", "Rui Costa"][i % 3]);
  expect(mapped({ Ref: refs, Name: few, Description: titles, "End date": dates })).toMatchObject({ title: "Description", contractManager: "Name" });
  expect(mapped({ Ref: refs, Name: titles, "End date": dates })).toMatchObject({ title: "Name" });
  expect(mapped({ Ref: refs, Name: titles, "End date": dates }).contractManager).toBeUndefined();
});

test("another thing's status, and a yes/no flag, are neither the contract's status nor its extension options", () => {
  const payment = column(() => pick(["Paid", "Pending", "Overdue"]));
  const certified = column(() => pick(["Certified MBE", "Not certified", "Certified WBE"]));
  const flags = column(() => pick(["Yes", "No"]));
  const found = mapped({ Ref: refs, Title: titles, "Payment Status": payment, "Certification Status": certified, "Auto-renew?": flags, "End date": dates });
  expect(found.status).toBeUndefined();
  expect(found.extensionOptions).toBeUndefined();
  expect(mapped({ Ref: refs, "Contract Status": column(() => pick(["Live", "Expired"])) }).status).toBe("Contract Status");
});

test("a count of renewals left is not said to hold periods", () => {
  const why = detectMapping(register({ Ref: refs, "Renewals": column((i) => String(i % 3)), "End date": dates }))?.fields.extensionOptions?.why ?? "";
  expect(why).not.toMatch(/periods/);
});

test("under a row of group headings, the row naming each column is the header row", () => {
  const rows = [["Contract", null, "Dates", null, "Value (£)", null], ["Ref", "Supplier", "Start", "End", "Annual", "Total"], ...Array.from({ length: ROWS }, (_, r) => [refs[r], suppliers[r], dates[r], dates[(r + 7) % ROWS], amounts[r], amounts[(r + 3) % ROWS]])];
  const mapping = detectMapping(rows);
  expect(mapping?.headerRow).toBe(1);
  expect(Object.fromEntries(Object.entries(mapping?.fields ?? {}).map(([k, m]) => [k, m?.column]))).toMatchObject({ contractId: "Ref", supplier: "Supplier", startDate: "Start", endDate: "End", totalValue: "Total" });
});

test("a register whose headers give each name again in brackets (`Teideal (Title)`) is found and mapped", () => {
  const found = mapped({ "Uimhir Thagartha (Reference No.)": refs, "Teideal (Title)": titles, "Soláthraí (Supplier)": suppliers, "Dáta Críochnaithe (End Date)": dates, "Roinn (Department)": directorates });
  expect(found).toMatchObject({ contractId: "Uimhir Thagartha (Reference No.)", title: "Teideal (Title)", supplier: "Soláthraí (Supplier)", endDate: "Dáta Críochnaithe (End Date)", department: "Roinn (Department)" });
});

test("titles written in capitals are titles, not people's names", () => {
  const capitalised = column((i) => `${pick(["Stormwater", "Street", "Uniform", "Janitorial", "Tree"])} ${pick(["Master Plan", "Resurfacing Program", "Rental", "Services", "Trimming"])} ${i % 7 === 0 ? "" : `Phase ${i % 4}`}`.trim());
  expect(mapped({ "Contract #": refs, Title: capitalised, Vendor: suppliers, "Expiration Date": dates }).title).toBe("Title");
});

test("a short form is read from the start of a word, not spread across it; an off-topic word is never a field", () => {
  const statuses = column(() => pick(["ACT", "EXP", "TRM", "PND", "Active", "Expired"]));
  const found = mapped({ ctr_no: refs, stat: statuses, tier_lvl: column((i) => String(1 + (i % 3))), "SME/VCSE": column(() => pick(["SME", "VCSE", "Neither"])) });
  expect(found.tier).toBe("tier_lvl");
  expect(found.status).toBe("stat");
});

test("a notice period is written as a period or days; a column of links is not one", () => {
  const links = column((i) => `https://www.find-tender.service.gov.uk/Notice/${1000 + i}`);
  expect(mapped({ Ref: refs, "PCS Notice": links, "End date": dates }).noticePeriod).toBeUndefined();
  expect(mapped({ Ref: refs, "Notice (days)": column((i) => String(30 + (i % 3) * 30)) }).noticePeriod).toBe("Notice (days)");
});

test("a field's usual name wins over another of its names, and `p.a.` is per annum", () => {
  expect(mapped({ Ref: refs, "Budget Holder": people, "Contract Manager": people.slice().reverse() }).contractManager).toBe("Contract Manager");
  expect(mapped({ Ref: refs, "Est. Value p.a.": amounts }).annualValue).toBe("Est. Value p.a.");
});

test("an End date column that is the same on every row is still the end date: call-offs under one framework all end on its day", () => {
  const ids = Array.from({ length: 30 }, (_, i) => `C-${i + 1}`);
  const titles = ids.map((id) => `Lot ${id}`);
  const ends = ids.map(() => "31/03/2025");
  expect(mapped({ "Contract ID": ids, Title: titles, "End Date": ends }).endDate).toBe("End Date");
});
