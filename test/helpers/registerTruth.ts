import * as path from "path";
import { readCsv } from "./csv";
import { readXlsxSheet } from "./xlsx";

/** Where the shared real registers are (beside the project, also in CI). */
export const REAL = path.resolve(__dirname, "../../../shared/data/real");

/** Every shared register file, relative to REAL: the set `convert` is tried on whole. */
export const SHARED_REGISTERS: readonly string[] = [
  "act-gov-contracts/act_contracts_2025.csv",
  "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv",
  "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv",
  "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx",
  "toronto-contracts/Non-Competitive Contracts.csv",
  "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv",
  "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv",
  "toronto-contracts/Awarded Contracts.csv",
];

/** A shared register and the columns its folder's README says hold each field. */
export interface RegisterTruth {
  file: string;
  sheet?: string;
  /** field → the column, or the columns the README allows (e.g. owner = `Division`, `Buyer Name`). */
  fields: Record<string, string | string[]>;
  /** Fields the register does not have, which must not be invented from other columns. */
  absent: string[];
}

/** What each shared register's README names. The mapping was not tuned to these files; they test it. */
export const REGISTER_TRUTH: readonly RegisterTruth[] = [
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

/** A register's rows as the CLI reads them: header row first. */
export async function readTruthRegister(truth: RegisterTruth): Promise<unknown[][]> {
  const full = path.join(REAL, truth.file);
  return truth.file.endsWith(".xlsx") ? await readXlsxSheet(full, truth.sheet) : readCsv(full);
}
