import * as fs from "fs";
import { decodeText, parseCsv } from "../../src/cli/readRegister";

/** Reads a CSV file (UTF-8 or Windows-1252) into rows of fields, as the CLI does. */
export function readCsv(path: string): string[][] {
  return parseCsv(decodeText(fs.readFileSync(path)));
}

/** A CSV file as records keyed by header. */
export function readCsvRecords(path: string): Record<string, string>[] {
  const [headers, ...rows] = readCsv(path);
  return rows.filter((r) => r.some((v) => v !== "")).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ""])));
}
