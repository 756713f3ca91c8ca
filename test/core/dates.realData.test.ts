import * as path from "path";
import { DateOrder, dateOrderEvidence, parseDateText } from "../../src/core/dates";
import { readCsv } from "../helpers/csv";
import { readXlsxSheet } from "../helpers/xlsx";

// Text-date parsing over every date column of every shared real register. The order of slash dates
// is decided per column from the evidence (a value like 25/03/2015 proves day-first), as the tracker
// does. Every value left unparsed must be something no person could read as a date.
const REAL = path.resolve(__dirname, "../../../shared/data/real");

interface DateColumn {
  file: string;
  sheet?: string;
  columns: string[];
}

const DATE_COLUMNS: DateColumn[] = [
  { file: "act-gov-contracts/act_contracts_2025.csv", columns: ["execution_date", "expiry_date"] },
  { file: "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv", columns: ["published_date", "deadline_date", "awarded_date"] },
  { file: "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv", columns: ["Date Reported As Of", "Design Start", "Forecast Completion"] },
  { file: "toronto-contracts/Awarded Contracts.csv", columns: ["Award Authority Obtained Date"] },
  { file: "toronto-contracts/Non-Competitive Contracts.csv", columns: ["Contract Date"] },
  { file: "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv", columns: ["Published Date", "Date Contract Awarded", "Contract Start Date", "Contract End Date"] },
  {
    file: "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv",
    columns: ["release_date", "tender_contract_start", "tender_contract_end", "award_date", "award_contract_start", "award_contract_end", "contract_date_signed", "contract_start", "contract_end"],
  },
  { file: "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx", sheet: "Sheet", columns: ["Published date", "Closing date", "Contract start date", "Contract end date", "Awarded date"] },
];

// What a person could not read as a date: placeholders for "none", and scraped cells that hold
// something else (money, a yes/no) because the row's columns shifted.
const NOT_A_DATE = [/^(n\/?a|none|tbc|tbd|-|null)$/i, /^£[\d,.]+$/, /^(yes|no)$/i, /^[^\d]*$/];

async function readColumns(entry: DateColumn): Promise<Map<string, unknown[]>> {
  const file = path.join(REAL, entry.file);
  const rows = entry.file.endsWith(".xlsx") ? await readXlsxSheet(file, entry.sheet) : readCsv(file);
  const headers = (rows[0] ?? []).map((h) => String(h ?? "").trim());
  const result = new Map<string, unknown[]>();
  for (const column of entry.columns) {
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`${entry.file} has no column "${column}"; it has ${headers.join(", ")}`);
    result.set(column, rows.slice(1).map((r) => r[index] ?? null));
  }
  return result;
}

function evidenceIn(values: readonly string[]): DateOrder | null {
  for (const v of values) {
    const evidence = dateOrderEvidence(v);
    if (evidence) return evidence;
  }
  return null;
}

const table: string[] = [];
afterAll(() => console.log(`Text dates in the shared real registers:\n${table.join("\n")}`));

describe.each(DATE_COLUMNS)("$file", (entry) => {
  test("every readable date parses; what is left could not be read as a date by anyone", async () => {
    const columns = await readColumns(entry);
    const textsOf = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === "string" && v.trim() !== "");
    // A column with no telling value (NYC's monthly 05/01/2014) follows what the file's other columns prove.
    const fileOrder = evidenceIn([...columns.values()].flatMap(textsOf)) ?? "dmy";
    for (const [column, values] of columns) {
      const texts = textsOf(values);
      const dates = values.filter((v) => v instanceof Date).length;
      const order = evidenceIn(texts) ?? fileOrder;
      const failures = texts.filter((t) => !parseDateText(t, order).ok);
      const total = texts.length + dates;
      const parsed = total - failures.length;
      table.push(`  ${entry.file} · ${column}: ${parsed}/${total} parsed${total ? ` (${((100 * parsed) / total).toFixed(1)}%)` : ""}, order ${order}${failures.length ? `, not dates: ${[...new Set(failures)].slice(0, 5).join(" | ")}` : ""}`);
      const readable = failures.filter((f) => !NOT_A_DATE.some((p) => p.test(f.trim())));
      expect({ column, readable }).toEqual({ column, readable: [] });
    }
  });
});
