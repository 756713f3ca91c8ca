import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readRegister } from "../src/cli/readRegister";
import { buildXlsx, row } from "../test/helpers/xlsxBuild";
import type { BenchCase } from "./measure";

// Reading .xlsx registers: the project's reader (cells from the sheet XML) beside exceljs, the
// library it replaced (issue 8: reading must not be slower than exceljs was), over the shared
// .xlsx register and a generated 100,000-row workbook as Excel writes one (shared strings, date
// and currency formats).
const REAL_XLSX = path.resolve(__dirname, "../../shared/data/real/uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-bench-read-"));

function generatedWorkbook(rows: number): string {
  const file = path.join(dir, `register-${rows}.xlsx`);
  if (fs.existsSync(file)) return file;
  const headers = ["Contract Ref", "Contract title", "Supplier", "Contract manager", "Department", "Tier", "Start date", "End date", "Notice period", "Extension options", "Annual value", "Total value", "Budget", "Spend to date", "Status", "Notes", "Category", "Procurement route", "Framework", "Postcode"];
  const strings: string[] = [...headers];
  const index = new Map(strings.map((s, i) => [s, i]));
  const shared = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const ref = (c: number, r: number): string => `${String.fromCharCode(65 + c)}${r}`;
  const parts: string[] = [row(1, headers.map((h, c) => `<c r="${ref(c, 1)}" t="s"><v>${shared(h)}</v></c>`).join(""))];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const text = ["AC-" + String(i).padStart(6, "0"), `Service ${i}, lot ${i % 9}`, ["Binco Ltd", "Shine Services", "Café Provisions"][i % 3], `Officer ${i % 97}`, "Highways", ["Gold", "Silver", "Bronze"][i % 3]];
    const cells = text.map((t, c) => `<c r="${ref(c, r)}" t="s"><v>${shared(t)}</v></c>`);
    cells.push(`<c r="${ref(6, r)}" s="1"><v>${43101 + (i % 2000)}</v></c>`, `<c r="${ref(7, r)}" s="1"><v>${45292 + (i % 2000)}</v></c>`);
    ["3 months", "1+1"].forEach((t, k) => cells.push(`<c r="${ref(8 + k, r)}" t="s"><v>${shared(t)}</v></c>`));
    [10000 + i * 13, 50000 + i * 51, 40000 + i * 50, 38000.5 + i].forEach((v, k) => cells.push(`<c r="${ref(10 + k, r)}" s="2"><v>${v}</v></c>`));
    ["Live", "Services", "Open", "AB1 2CD"].forEach((t, k) => cells.push(`<c r="${ref([14, 16, 17, 19][k], r)}" t="s"><v>${shared(t)}</v></c>`));
    parts.push(row(r, cells.join("")));
  }
  fs.writeFileSync(file, buildXlsx({ sheets: [{ name: "Register", cells: parts.join("") }], numFmts: { 164: "dd/mm/yyyy", 165: '"£"#,##0.00' }, cellXfs: [0, 164, 165], sharedStrings: strings }));
  return file;
}

async function readWithExcelJs(file: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  let cells = 0;
  book.eachSheet((sheet) => sheet.eachRow((r) => (cells += r.cellCount)));
  return cells;
}

export function readCases(): BenchCase[] {
  const generated = (): string => generatedWorkbook(100_000);
  return [
    { suite: "read", name: "the shared .xlsx register (2,960 rows)", rows: 2960, runs: 5, warmups: 1, run: () => readRegister(REAL_XLSX) },
    { suite: "read", name: "the shared .xlsx register, exceljs", rows: 2960, runs: 3, warmups: 1, run: () => readWithExcelJs(REAL_XLSX) },
    { suite: "read", name: "a generated 100,000-row .xlsx (20 columns)", rows: 100_000, runs: 3, warmups: 1, run: () => readRegister(generated()) },
    { suite: "read", name: "a generated 100,000-row .xlsx, exceljs", rows: 100_000, runs: 1, warmups: 0, run: () => readWithExcelJs(generated()) },
  ];
}
