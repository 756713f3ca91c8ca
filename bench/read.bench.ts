import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readRegister } from "../src/cli/readRegister";
import { writeRegisterXlsx } from "./registerXlsx";
import type { BenchCase } from "./measure";

// Reading .xlsx registers: the project's reader (cells from the sheet XML) beside exceljs, the
// library it replaced (issue 8: reading must not be slower than exceljs was), over the shared
// .xlsx register and a generated 100,000-row workbook as Excel writes one (shared strings, date
// and currency formats).
const REAL_XLSX = path.resolve(__dirname, "../../shared/data/real/uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-bench-read-"));

function generatedWorkbook(rows: number): string {
  const file = path.join(dir, `register-${rows}.xlsx`);
  // The same 20-column register the command-line benchmarks read (bench/registerXlsx.ts).
  if (!fs.existsSync(file)) writeRegisterXlsx(file, rows);
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
