/**
 * The names the tracker's computed columns take in a Contracts table. A register may have columns
 * of its own named as the tracker's (`RAG`, `Days to expiry`): those stay the user's, untouched, and
 * the tracker's go beside them as `RAG (tracker)`, so every formula of the tracker reads the
 * tracker's own values, never a column the user typed.
 */
import { holdsHeader } from "../workbook/tableHeaders";

/** What marks the tracker's own column where the register has one of the same name. */
export const TRACKER_MARK = "tracker";

const marked = (header: string, n: number): string => `${header} (${TRACKER_MARK}${n > 1 ? ` ${n}` : ""})`;

/**
 * The name each computed column takes, by its canonical header. When set-up converts the register
 * (`settingUpNow`), every header of the table is the register's: a computed column it already has a
 * column of (as a table compares names: case and spaces around ignored) is named `… (tracker)` (or
 * `(tracker 2)` …, the first free). On later runs the names saved then hold; without them (a file
 * whose mapping was not saved with it), a `… (tracker)` column the table has is the tracker's.
 * @example computedColumnNames(["Ref", "rag"], true, {})("RAG") → "RAG (tracker)"
 */
export function computedColumnNames(headers: readonly string[], settingUpNow: boolean, saved: Readonly<Record<string, string>>): (header: string) => string {
  const names = new Map<string, string>();
  return (header) => {
    let name = names.get(header);
    if (name !== undefined) return name;
    if (!settingUpNow) name = saved[header] ?? (holdsHeader(headers, marked(header, 1)) ? marked(header, 1) : header);
    else if (!holdsHeader(headers, header)) name = header;
    else {
      let n = 1;
      while (holdsHeader(headers, marked(header, n))) n++;
      name = marked(header, n);
    }
    names.set(header, name);
    return name;
  };
}
