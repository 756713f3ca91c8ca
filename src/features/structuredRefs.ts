/**
 * How the tracker's formulas name cells: a row's cell or a whole column of a table by its header, a
 * setting of the Settings table by its name, and the AsOf date. Its own module, imported by both
 * formula styles (trackerFormulas, nativeFormulas), so neither has to load the other first.
 */
import { DEFAULT_SETTINGS, settingNamed } from "../core/settings";

/** Excel escapes `[`, `]`, `#` and `'` inside a structured reference's column name with a `'`. @example escapeColumn("PO #") → "PO '#" */
export function escapeColumn(header: string): string {
  return header.replace(/['[\]#]/g, (ch) => `'${ch}`);
}

/** This row's cell in a column: `[@[End date]]`. */
export const thisRow = (header: string): string => `[@[${escapeColumn(header)}]]`;

/** A whole table column: `Milestones[Contract ID]`. */
export const column = (table: string, header: string): string => `${table}[${escapeColumn(header)}]`;

/** A setting's value from the Settings table, looked up by name so rows can move. */
export const setting = (name: string): string => `INDEX(Settings[Value],MATCH("${name}",Settings[Name],0))`;

/**
 * A threshold of the Settings table in Excel's own formulas, read as the CONTRACT functions read it
 * (core/settings readSettings): a blank value, or no row of that name, is the default; a number typed
 * as text (`60`, `90%`) is that number; other text is #VALUE!, as the functions give. Without LET
 * the lookup is written twice: once to ask whether it is blank, once for its value.
 * @example settingNumber("exit_window_days") → 'IF(IFERROR(TRIM(INDEX(…)&""),"")="",180,--TRIM(INDEX(…)&""))'
 */
export function settingNumber(name: string): string {
  const key = settingNamed(name)?.key;
  const fallback = key && key !== "dateOrder" ? DEFAULT_SETTINGS[key] : undefined;
  if (fallback === undefined) throw new Error(`${name} is not a numeric setting`);
  // `&""` reads a blank cell as "" (not 0) and a number as its text, which -- reads back.
  const text = `TRIM(${setting(name)}&"")`;
  return `IF(IFERROR(${text},"")="",${fallback},--${text})`;
}

/** The Settings table as the two-column thresholds range the CONTRACT functions take. */
export const THRESHOLDS = "Settings[[Name]:[Value]]";

/** The workbook name every computed column counts from. */
export const AS_OF = "AsOf";
export const AS_OF_FORMULA = `=${setting("as_of")}`;
