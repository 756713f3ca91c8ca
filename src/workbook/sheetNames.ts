/**
 * Sheet names Excel accepts (MS-OI29500 §2.1.1288, ECMA-376 §18.2.19 sheet): at most 31 characters,
 * none of `[ ] : * ? / \`, not starting or ending with an apostrophe, not blank, not `History`
 * (reserved by Excel for change tracking), and unique in the workbook ignoring case.
 */
import { MAX_SHEET_NAME, cutText } from "./excelLimits";

const NOT_IN_SHEET_NAMES = /[[\]:*?/\\]/g;
const RESERVED = "history";

/** Sheet names compare ignoring case, as Excel compares them. */
export const sheetKey = (name: string): string => name.toLocaleLowerCase("en-GB");

/**
 * A sheet name Excel accepts made from any text (a file's name): characters a sheet name cannot
 * hold become spaces, apostrophes at either end go, it is cut to 31 characters without breaking an
 * emoji, and a blank or reserved result becomes `fallback`.
 * @example validSheetName("Q1 [draft]: contracts/2025 — all suppliers") → "Q1  draft   contracts 2025 — al"
 */
export function validSheetName(text: string, fallback = "Register"): string {
  const cleaned = cutText(text.replace(NOT_IN_SHEET_NAMES, " ").replace(/^'+|'+$/g, ""), MAX_SHEET_NAME).replace(/'+$/, "");
  return cleaned.trim() === "" || sheetKey(cleaned) === RESERVED ? fallback : cleaned;
}

/**
 * `name` if no sheet in `taken` has it (case ignored), else the first of `name 2`, `name 3` … that is
 * free, cut so the number still fits in 31 characters.
 * @example uniqueSheetName("Settings", ["settings"]) → "Settings 2"
 */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(sheetKey));
  if (!used.has(sheetKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = `${cutText(name, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(sheetKey(candidate))) return candidate;
  }
}

/**
 * The sheet name of a text register: its file name without the folder and extension, whatever the
 * extension's case (`REGISTER.CSV` is `REGISTER`), made valid.
 * @example sheetNameOfFile("exports/Contracts 2025.CSV") → "Contracts 2025"
 */
export function sheetNameOfFile(file: string): string {
  const base = file.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return validSheetName(dot > 0 ? base.slice(0, dot) : base);
}

/**
 * A sheet's name as a formula or defined name refers to it: in apostrophes, each of its own doubled.
 * @example quotedSheetName("Tracker Settings") → "'Tracker Settings'"; quotedSheetName("O'Neil") → "'O''Neil'"
 */
export const quotedSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;
