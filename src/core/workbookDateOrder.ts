import { DateOrder, dateOrderEvidence } from "./dates";
import type { FieldColumns } from "./normalise";
import type { FieldDefinition } from "./schema";

/**
 * The one day/month order a tracker's Settings (`date_order`) holds for a register, so the
 * CONTRACT functions read its text dates as `check` and `summary` do. A slash date whose first
 * number is over 12 (`13/01/2026`) can only be day-first, one whose second is (`01/13/2026`) only
 * month-first; the values of every mapped date column are counted, and the order more of them
 * prove wins. Where no value proves either (every date ambiguous, or stored as a date serial), the
 * fallback decides: the user's `--date-order`, else the workbook's own setting, else dmy.
 * Wherever a register's columns agree this is the order `dateOrdersFor` gives each of them; a
 * register whose columns prove different orders gets the order most of its dates need.
 * @example workbookDateOrder([["C1", "1/13/2026"]], { endDate: { column: "End", index: 1 } }, CONTRACTS.fields, "dmy") → "mdy"
 */
export function workbookDateOrder(rows: readonly (readonly unknown[])[], columns: FieldColumns, fields: readonly FieldDefinition[], fallback: DateOrder): DateOrder {
  return workbookDateOrderOfColumns((index) => rows.map((r) => r[index]), columns, fields, fallback);
}

/**
 * workbookDateOrder over a register read a column at a time (its 0-based index → the column's values).
 * @example workbookDateOrderOfColumns(() => ["1/13/2026"], { endDate: { column: "End", index: 1 } }, CONTRACTS.fields, "dmy") → "mdy"
 */
export function workbookDateOrderOfColumns(column: (index: number) => readonly unknown[], columns: FieldColumns, fields: readonly FieldDefinition[], fallback: DateOrder): DateOrder {
  const proved: Record<DateOrder, number> = { dmy: 0, mdy: 0 };
  for (const field of fields) {
    const at = columns[field.key]?.index;
    if (field.kind !== "date" || at === undefined || at < 0) continue;
    for (const value of column(at)) {
      const evidence = typeof value === "string" ? dateOrderEvidence(value) : null;
      if (evidence) proved[evidence]++;
    }
  }
  if (proved.dmy === proved.mdy) return fallback;
  return proved.dmy > proved.mdy ? "dmy" : "mdy";
}
