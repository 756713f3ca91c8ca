import * as path from "path";
import { CONTRACTS } from "../../src/core/schema";
import { layoutHeaderWords, LayoutMatch, matchLayout, recogniseLayout, STANDARD_LAYOUTS, StandardLayout } from "../../src/core/standardLayouts";
import { readCsv } from "../helpers/csv";
import { HeaderStyle, renameHeader, shuffleColumns, valuesFor, writeRegister } from "../helpers/standardLayouts";
import { readXlsxSheet } from "../helpers/xlsx";

const REAL = path.resolve(__dirname, "../../../shared/data/real");
const FIELD_KEYS = new Set(CONTRACTS.fields.map((f) => f.key));
const byName = (name: string): StandardLayout => {
  const layout = STANDARD_LAYOUTS.find((l) => l.name === name);
  if (!layout) throw new Error(`No layout ${name}`);
  return layout;
};
const fieldHeaders = (match: LayoutMatch | null, headers: readonly string[]): Record<string, string> =>
  Object.fromEntries(Object.entries(match?.fields ?? {}).map(([field, index]) => [field, index === undefined ? "" : headers[index]]));

describe("the layouts themselves", () => {
  test.each(STANDARD_LAYOUTS.map((l) => [l.name, l] as const))("%s cites its standard and fills only Contracts fields", (_, layout) => {
    expect(layout.source.length).toBeGreaterThan(40);
    for (const c of layout.columns) if (c.field !== null) expect(FIELD_KEYS).toContain(c.field);
    // Without a contract's ID, title or supplier a register tracks nothing: every layout gives those.
    const fields = new Set(layout.columns.map((c) => c.field));
    for (const key of ["contractId", "supplier", "totalValue"]) expect({ layout: layout.name, key, has: fields.has(key) }).toEqual({ layout: layout.name, key, has: true });
  });

  test("no two columns of a layout share a spelling, so a header names one column of it", () => {
    const clashes: string[] = [];
    for (const layout of STANDARD_LAYOUTS) {
      const owners = new Map<string, string>();
      for (const c of layout.columns) {
        for (const header of c.headers) {
          const key = [...layoutHeaderWords(header)].sort().join(" ");
          const owner = owners.get(key);
          if (owner !== undefined && owner !== c.headers[0]) clashes.push(`${layout.name}: "${header}" is also "${owner}"`);
          owners.set(key, c.headers[0]);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe("headers are compared by their words", () => {
  test.each([
    ["Contract_End\nDate", ["contract", "end", "date"]],
    ["contractEndDate", ["contract", "end", "date"]],
    ["CONTRACT END DATE", ["contract", "end", "date"]],
    ["Title of the Agreement", ["title", "agreement"]],
    ["Contract is suitable for SMEs?", ["contract", "suitable", "smes"]],
    ["awards/0/contractPeriod/startDate", ["awards", "0", "contract", "period", "start", "date"]],
    ["OJEUContractType", ["ojeu", "contract", "type"]],
    ["Supplier's contact name", ["supplier", "contact", "name"]],
  ])("%j → %j", (header, words) => {
    expect(layoutHeaderWords(header)).toEqual(words);
  });

  test("bare words leave out notes in brackets", () => {
    expect(layoutHeaderWords("Contract value (£, excl. VAT)", { bare: true })).toEqual(["contract", "value"]);
  });
});

describe.each(STANDARD_LAYOUTS.map((l) => [l.name, l] as const))("a register written out from %s", (_, layout) => {
  const register = writeRegister(layout, { rows: 12, seed: 5 });

  test("is recognised, and each field is the column the standard defines", () => {
    const match = recogniseLayout(register.headers);
    expect(match?.layout.name).toBe(layout.name);
    expect(match?.fields).toEqual(register.expected);
    expect(match?.share).toBe(1);
    expect(match?.known.size).toBe(register.headers.length);
  });

  test("its columns that are no tracker field are known and never a field", () => {
    const match = recogniseLayout(register.headers);
    const fieldColumns = new Set([...Object.values(match?.fields ?? {}), ...Object.values(match?.fallbacks ?? {}).flat()]);
    for (const index of register.notFields) {
      expect({ header: register.headers[index], known: match?.known.has(index), field: fieldColumns.has(index) }).toEqual({ header: register.headers[index], known: true, field: false });
    }
  });

  test.each([11, 12, 13])("is recognised the same with its columns shuffled (seed %i)", (seed) => {
    const shuffled = shuffleColumns(register, seed);
    const match = recogniseLayout(shuffled.headers);
    expect(match?.layout.name).toBe(layout.name);
    expect(match?.fields).toEqual(shuffled.expected);
  });

  test.each<HeaderStyle>(["lower", "upper", "snake", "camel"])("is recognised the same with its headers renamed (%s)", (style) => {
    const renamed = register.headers.map((h) => renameHeader(h, style));
    const match = recogniseLayout(renamed);
    expect(match?.layout.name).toBe(layout.name);
    expect(match?.fields).toEqual(register.expected);
  });
});

describe("the Local Government Transparency Code 2015 layout", () => {
  // The header row of an English council's register as the issue describes it.
  const council = [
    "Organisation name",
    "Effective Date",
    "Reference Number",
    "Title of the Agreement",
    "Description of goods and services",
    "Directorate / service responsible",
    "Contract start date",
    "Contract end date",
    "Last extension date",
    "Supplier name",
    "Supplier address county",
    "Contract value",
    "Irrecoverable VAT",
  ];

  test("takes the title, department and start date the Code defines, not the description, the council or the publication date", () => {
    const match = recogniseLayout(council);
    expect(match?.layout.name).toBe("Local Government Transparency Code 2015 contract register");
    expect(fieldHeaders(match, council)).toEqual({
      contractId: "Reference Number",
      title: "Title of the Agreement",
      department: "Directorate / service responsible",
      startDate: "Contract start date",
      endDate: "Contract end date",
      supplier: "Supplier name",
      totalValue: "Contract value",
    });
    expect(match?.fallbacks.title?.map((i) => council[i])).toEqual(["Description of goods and services"]);
  });

  test("knows the council's name, the publication date, the last extension date and the supplier's county as columns that are no field", () => {
    const match = recogniseLayout(council);
    const fields = new Set(Object.values(match?.fields ?? {}));
    for (const header of ["Organisation name", "Effective Date", "Last extension date", "Supplier address county", "Irrecoverable VAT"]) {
      const index = council.indexOf(header);
      expect({ header, known: match?.known.has(index), field: fields.has(index) }).toEqual({ header, known: true, field: false });
    }
    expect(match?.fields.extensionOptions).toBeUndefined();
  });

  test("is recognised from a few of the Code's own details, as its doc comment shows", () => {
    const headers = ["Organisation name", "Effective Date", "Reference Number", "Title of the Agreement", "Directorate / service responsible", "Review date"];
    expect(recogniseLayout(headers)?.fields.department).toBe(4);
    expect(recogniseLayout(headers)?.evidence).toEqual(["Effective Date", "Title of the Agreement", "Directorate / service responsible", "Review date"]);
  });

  test("the values a generated register holds are what the standard says: one council and one publication date on every row", () => {
    const register = writeRegister(byName("Local Government Transparency Code 2015 contract register"), { rows: 30, seed: 9 });
    const distinct = (header: string) => new Set(register.rows.map((r) => r[register.headers.indexOf(header)])).size;
    expect(distinct("Organisation name")).toBe(1);
    expect(distinct("Effective date")).toBe(1);
    expect(distinct("Reference number")).toBe(30);
    expect(register.rows[0][register.headers.indexOf("Contract start date")]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});

describe("registers written out for tests", () => {
  test("are the same for the same seed and differ for another, with unique references", () => {
    const layout = byName("Contracts Finder notices export");
    expect(writeRegister(layout, { rows: 8, seed: 4 })).toEqual(writeRegister(layout, { rows: 8, seed: 4 }));
    expect(writeRegister(layout, { rows: 8, seed: 4 }).rows).not.toEqual(writeRegister(layout, { rows: 8, seed: 5 }).rows);
    expect(new Set(valuesFor("code", 200, 1)).size).toBe(200);
    expect(new Set(valuesFor("constant", 50, 1)).size).toBe(1);
  });

  test("write each contract's end after its start", () => {
    const register = writeRegister(byName("Government of Canada proactive disclosure of contracts over $10,000"), { rows: 40, seed: 8 });
    const start = register.headers.indexOf("contract_period_start");
    const end = register.headers.indexOf("delivery_date");
    for (const row of register.rows) expect(row[end] > row[start]).toBe(true);
  });
});

describe("registers that follow no published layout", () => {
  test.each([
    [["Ref", "Title", "Supplier", "End date", "Value"]],
    [["Contract ID", "Contract title", "Supplier", "Department", "Contract manager", "Start date", "End date", "Extension options", "Notice period", "Annual value", "Total value", "Status"]],
    [["contract_id", "title", "supplier_name", "department", "start_date", "end_date", "contract_value", "status"]],
    [["Contract Reference", "Description", "Vendor", "Agency", "Start Date", "End Date", "Amount", "Buyer Name"]],
    // Two of one standard's phrases are not enough to call a register that standard's.
    [["Reference", "Title", "Supplier", "Review date", "Irrecoverable VAT", "Value"]],
  ])("%j is recognised as no layout", (headers) => {
    expect(recogniseLayout(headers)).toBeNull();
  });

  test("a decoy column of officers' job titles or a narrative is not made a layout's column", () => {
    const register = writeRegister(byName("City of Chicago contracts"), { rows: 5, seed: 2 });
    const headers = [...register.headers, "Officer Job Title", "Budget narrative"];
    const match = recogniseLayout(headers);
    expect(match?.known.has(headers.length - 1)).toBe(false);
    expect(match?.known.has(headers.length - 2)).toBe(false);
    expect(valuesFor("jobTitle", 3, 4)).toHaveLength(3);
  });
});

interface RealRegister {
  file: string;
  sheet?: string;
  layout: string | null;
  /** field → the column its README names. */
  fields: Record<string, string>;
  /** README fields the layout does not name (left to the general mapping). */
  notByLayout?: string[];
  /** Fields the register does not have. */
  absent?: string[];
}

// The shared real registers, against what each folder's README says the columns are.
const REAL_REGISTERS: RealRegister[] = [
  {
    file: "toronto-contracts/Awarded Contracts.csv",
    layout: "City of Toronto awarded contracts",
    fields: { contractId: "Document Number", title: "Solicitation Document Description", supplier: "Successful Supplier", department: "Division", totalValue: "Award" },
    absent: ["startDate", "endDate"],
  },
  {
    file: "toronto-contracts/Non-Competitive Contracts.csv",
    layout: "City of Toronto non-competitive contracts",
    fields: { contractId: "Workspace Number", supplier: "Supplier Name", department: "Division", totalValue: "Contract Amount" },
    absent: ["startDate", "endDate"],
  },
  {
    file: "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv",
    layout: "OCDS award notices, simple CSV template (Contracts Finder publishers)",
    fields: { contractId: "Notice ID", title: "Award Title", supplier: "Supplier Name", department: "Buyer Name", startDate: "Contract Start Date", endDate: "Contract End Date", totalValue: "Award Value" },
    absent: ["extensionOptions", "contractManager"],
  },
  {
    file: "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv",
    layout: "OCDS releases, flattened",
    fields: {
      contractId: "ocid",
      title: "tender_title",
      supplier: "supplier_names",
      department: "buyer_name",
      startDate: "award_contract_start",
      endDate: "award_contract_end",
      extensionOptions: "lot_renewal",
      totalValue: "award_value",
    },
  },
  {
    file: "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx",
    sheet: "Sheet",
    layout: "Contracts Finder notices export",
    fields: {
      contractId: "Procurement reference",
      title: "Title",
      supplier: "Supplier",
      department: "Buyer",
      contractManager: "Buyer Contact name",
      startDate: "Contract start date",
      endDate: "Contract end date",
      totalValue: "Value of contract",
    },
  },
  {
    file: "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv",
    layout: "Contracts Finder notices export",
    fields: { contractId: "id", title: "title", supplier: "awarded_supplier", totalValue: "awarded_value" },
    // The repository's ETL renamed organisationName to `organisation`, a word the export never uses alone.
    notByLayout: ["department"],
    absent: ["startDate", "endDate"],
  },
  { file: "act-gov-contracts/act_contracts_2025.csv", layout: null, fields: {} },
  { file: "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv", layout: null, fields: {} },
];

describe.each(REAL_REGISTERS)("the shared register $file", ({ file, sheet, layout, fields, notByLayout = [], absent = [] }) => {
  test(layout ? `is recognised as ${layout}, with the columns its README names` : "is recognised as no layout", async () => {
    const full = path.join(REAL, file);
    const rows = file.endsWith(".xlsx") ? await readXlsxSheet(full, sheet) : readCsv(full);
    const headers = rows[0].map((h) => (h === null || h === undefined ? "" : String(h)));
    const match = recogniseLayout(headers);
    expect(match?.layout.name ?? null).toBe(layout);
    if (match === null) return;
    const found = fieldHeaders(match, headers);
    expect(found).toEqual(expect.objectContaining(fields));
    for (const field of [...notByLayout, ...absent]) expect({ field, column: found[field] }).toEqual({ field, column: undefined });
    // Every other layout is further from it.
    for (const other of STANDARD_LAYOUTS.filter((l) => l.name !== layout)) expect(matchLayout(other, headers).evidence.length).toBeLessThan(match.evidence.length);
  });
});
