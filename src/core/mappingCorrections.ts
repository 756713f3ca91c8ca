import { FieldMatch, HeaderMapping, headerText } from "./mapping";
import { CONTRACTS, TableDefinition } from "./schema";

/**
 * What a user says about a mapping: field key → the header of the column that holds it, or null
 * for "not in this register". The wizard, the CLI's `--map`/`--mapping` and the workbook's saved
 * mapping all say it this way.
 */
export type MappingCorrections = Partial<Record<string, string | null>>;

/** A correction that names no field of the table, or no column of the register: the message is one line naming the valid ones. */
export class MappingError extends Error {}

/** A field the user's choice took a column from: it had `column` and now has none. */
export interface MappingMove {
  field: string;
  column: string;
  /** The field the user gave the column to. */
  to: string;
}

export interface CorrectedMapping extends HeaderMapping {
  /** Fields that lost their column to a user's choice (none when nothing moved). */
  moved: MappingMove[];
}

/** The `why` of a field the user chose the column of (FieldMatch.why): the wizard shows it as "Your choice". */
export const USER_CHOICE = "your choice";

const loose = (text: string): string => headerText(text).toLowerCase();
const keyWords = (text: string): string => text.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/**
 * The table's field a user named: its key (`contractId`) or its header (`Contract ID`), any case,
 * spaces or underscores. Throws MappingError naming the fields when it is none of them.
 * @example fieldNamed("contract id") → "contractId"; fieldNamed("totalvalue") → "totalValue"
 */
export function fieldNamed(name: string, table: TableDefinition = CONTRACTS): string {
  // `totalvalue`, `total value`, `Total_Value` and `totalValue` all name it.
  const compact = (text: string): string => keyWords(text).replace(/ /g, "");
  const wanted = compact(name);
  const field = table.fields.find((f) => compact(f.key) === wanted || compact(f.header) === wanted);
  if (!field) throw new MappingError(`"${name}" is not a field of ${table.name}: use one of ${table.fields.map((f) => f.key).join(", ")}`);
  return field.key;
}

/**
 * The column a user named among the register's headers: exactly, else on one line, else in any
 * case. -1 when none.
 * @example columnNamed(["Ref", "Contract\nEnd Date"], "contract end date") → 1
 */
export function columnNamed(headers: readonly string[], header: string): number {
  let index = headers.indexOf(header);
  if (index < 0) index = headers.findIndex((h) => headerText(h) === headerText(header));
  if (index < 0) index = headers.findIndex((h) => loose(h) === loose(header));
  return index;
}

/**
 * A detected mapping with the user's corrections applied: each corrected field takes the column
 * named (confidence 1, "your choice") or none; a field detection had put on that column loses it
 * and is listed in `moved`, so the caller can say so. Corrections are keyed by field key or header.
 * `missing: "skip"` ignores a correction naming a column the register no longer has, or a field
 * the table no longer has (a saved mapping after a column was renamed); `"error"` (the default)
 * throws MappingError naming the valid columns or fields. Two fields given the same column throw too.
 * @example applyCorrections(detected, ["Ref", "Title", "Ends"], { title: "Ref" }).moved → [{ field: "contractId", column: "Ref", to: "title" }]
 */
export function applyCorrections(
  mapping: HeaderMapping,
  headers: readonly string[],
  corrections: MappingCorrections | undefined,
  options: { table?: TableDefinition; missing?: "skip" | "error" } = {},
): CorrectedMapping {
  const table = options.table ?? CONTRACTS;
  const fields: Partial<Record<string, FieldMatch>> = { ...mapping.fields };
  const moved: MappingMove[] = [];
  const given = new Map<number, string>();
  for (const [name, header] of Object.entries(corrections ?? {})) {
    if (header === undefined) continue;
    const key = options.missing === "skip" ? table.fields.find((f) => f.key === name)?.key : fieldNamed(name, table);
    if (key === undefined) continue;
    if (header === null || header.trim() === "") {
      delete fields[key];
      continue;
    }
    const index = columnNamed(headers, header);
    if (index < 0) {
      if (options.missing === "skip") continue;
      const named = headers.filter((h) => h.trim() !== "").map((h) => `"${headerText(h)}"`);
      throw new MappingError(`There is no column "${header}" to map to ${key}: the columns are ${named.join(", ")}`);
    }
    const other = given.get(index);
    if (other !== undefined && other !== key) throw new MappingError(`The column "${headerText(headers[index])}" is given to both ${other} and ${key}: a column holds one field`);
    given.set(index, key);
    fields[key] = { column: headers[index], index, confidence: 1, why: USER_CHOICE };
  }
  for (const [key, match] of Object.entries(fields)) {
    if (!match || given.get(match.index) === undefined || given.get(match.index) === key) continue;
    moved.push({ field: key, column: match.column, to: given.get(match.index) ?? key });
    delete fields[key];
  }
  const used = new Set(Object.values(fields).map((m) => m?.index));
  const layout = mapping.layout === undefined ? {} : { layout: mapping.layout };
  return { headerRow: mapping.headerRow, ...layout, fields, unmapped: headers.filter((h, i) => h.trim() !== "" && !used.has(i)).map(headerText), moved };
}
