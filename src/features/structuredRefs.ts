/**
 * How the tracker's formulas name cells: a row's cell or a whole column of a table by its header, a
 * setting of the Settings table by its name, and the AsOf date. Its own module, imported by both
 * formula styles (trackerFormulas, nativeFormulas), so neither has to load the other first.
 */

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

/** The Settings table as the two-column thresholds range the CONTRACT functions take. */
export const THRESHOLDS = "Settings[[Name]:[Value]]";

/** The workbook name every computed column counts from. */
export const AS_OF = "AsOf";
export const AS_OF_FORMULA = `=${setting("as_of")}`;
