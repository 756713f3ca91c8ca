import * as path from "path";
import { detectMapping } from "../../src/core/mapping";
import { readCsv } from "../helpers/csv";
import { readXlsxSheet } from "../helpers/xlsx";

// The header mapping on every shared real register, checked against what each folder's README says
// the columns mean. The mapping was not tuned to these files; they test it.
const REAL = path.resolve(__dirname, "../../../shared/data/real");

interface Expected {
  file: string;
  sheet?: string;
  /** field → the column, or the columns the README allows (e.g. owner = `Division`, `Buyer Name`). */
  fields: Record<string, string | string[]>;
  /** Fields the register does not have, which must not be invented from other columns. */
  absent: string[];
}

const REGISTERS: Expected[] = [
  {
    file: "act-gov-contracts/act_contracts_2025.csv",
    fields: { contractId: "contract_number", title: "title", supplier: "suppliers", department: "directorate", startDate: "execution_date", endDate: "expiry_date", totalValue: "amount" },
    absent: ["extensionOptions"],
  },
  {
    file: "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv",
    fields: { contractId: "id", title: "title", supplier: "awarded_supplier", department: "organisation", totalValue: "awarded_value" },
    absent: ["startDate", "endDate"],
  },
  {
    file: "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv",
    fields: { contractId: "PID", title: "Project Name", department: "Managing Agency", startDate: "Design Start", endDate: "Forecast Completion", budget: "Budget Forecast", status: "Current Phase" },
    absent: [],
  },
  {
    file: "toronto-contracts/Awarded Contracts.csv",
    fields: { contractId: "Document Number", title: "Solicitation Document Description", supplier: "Successful Supplier", department: ["Division", "Buyer Name"], totalValue: "Award" },
    absent: ["startDate", "endDate"],
  },
  {
    file: "toronto-contracts/Non-Competitive Contracts.csv",
    fields: { contractId: "Workspace Number", supplier: "Supplier Name", department: "Division", totalValue: "Contract Amount" },
    absent: ["startDate", "endDate"],
  },
  {
    file: "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv",
    fields: { contractId: "Notice ID", title: "Award Title", supplier: "Supplier Name", department: "Buyer Name", startDate: "Contract Start Date", endDate: "Contract End Date", totalValue: "Award Value" },
    absent: ["extensionOptions", "contractManager"],
  },
  {
    file: "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv",
    fields: { contractId: "ocid", title: "tender_title", supplier: "supplier_names", department: "buyer_name", startDate: "award_contract_start", endDate: "award_contract_end", extensionOptions: "lot_renewal", totalValue: "award_value" },
    absent: [],
  },
  {
    file: "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx",
    sheet: "Sheet",
    fields: { contractId: "Procurement reference", title: "Title", supplier: "Supplier", department: "Buyer", contractManager: "Buyer Contact name", startDate: "Contract start date", endDate: "Contract end date", totalValue: "Value of contract" },
    absent: [],
  },
];

describe.each(REGISTERS)("$file", ({ file, sheet, fields, absent }) => {
  test("maps the columns its README names, and invents none", async () => {
    const full = path.join(REAL, file);
    const rows = file.endsWith(".xlsx") ? await readXlsxSheet(full, sheet) : readCsv(full);
    const mapping = detectMapping(rows);
    expect(mapping?.headerRow).toBe(0);
    const found = Object.fromEntries(Object.entries(mapping?.fields ?? {}).map(([k, v]) => [k, v?.column]));
    console.log(`${file}\n${Object.entries(mapping?.fields ?? {}).map(([k, v]) => `  ${k.padEnd(16)} ← ${v?.column} (${v?.confidence})`).join("\n")}\n  unmapped: ${mapping?.unmapped.join(" | ")}`);
    for (const [field, allowed] of Object.entries(fields)) {
      const options = Array.isArray(allowed) ? allowed : [allowed];
      expect({ field, column: options.includes(found[field] ?? "") ? options[0] : found[field] }).toEqual({ field, column: options[0] });
    }
    for (const field of absent) expect({ field, column: found[field] }).toEqual({ field, column: undefined });
  });
});
