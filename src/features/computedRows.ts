/**
 * What set-up writes in one register row's computed columns: each column's cached value (the
 * contract's status as the core works it out) and, in a native tracker, the row's own formula
 * where its text needs one. setUpTracker calls it for every row of a register it holds; the command
 * line's streaming convert calls it a row at a time, so a register of a million rows is rated by
 * the same rules without being held whole.
 */
import { contractStatus } from "../core/contractStatus";
import { EndDateFacts, endDateGap } from "../core/endDates";
import type { FieldColumns, TypedValue } from "../core/normalise";
import type { TrackerSettings } from "../core/settings";
import type { CellValue } from "../workbook/port";
import { ComputedColumnPlan, RegisterRow, computedValue } from "./trackerFormulas";

/** One row's computed cells, a value and a formula (null: the column's own) per column, in the columns' order. */
export interface ComputedRowCells {
  values: CellValue[];
  formulas: (string | null)[];
}

/**
 * The computed columns of a register's rows, worked out a row at a time, counting as it goes the
 * rows whose native formulas hold values read at set-up (for the note on each such column's header).
 * @example new ComputedRows(columns, fieldColumns, rules, asOf).row(cells, fields, undefined).values[0] → 365
 */
export class ComputedRows {
  private readonly ownRows: number[];
  private readonly readFields: Set<string>[];

  constructor(
    readonly columns: readonly ComputedColumnPlan[],
    private readonly fieldColumns: FieldColumns,
    private readonly rules: TrackerSettings,
    private readonly asOf: number,
  ) {
    this.ownRows = columns.map(() => 0);
    this.readFields = columns.map(() => new Set());
  }

  /**
   * One row: its cells as the table holds them, its normalised fields (undefined for a blank row,
   * which gets blank computed cells), and its end date as written where it could not be read.
   */
  row(cells: readonly CellValue[], fields: Record<string, TypedValue> | undefined, unreadableEnd: string | undefined): ComputedRowCells {
    // Each end date judged as the formulas judge it, by its own value (RAG is given the cell): an
    // unreadable one named as written. Not the column's likely stand-in, which no formula can see, and
    // a register with no end date column reads as blank end dates, as RAGREASON reads them.
    const ends: EndDateFacts = { hasColumn: true, standIn: null, unreadable: unreadableEnd === undefined ? NO_ROWS : new Map([[0, unreadableEnd]]) };
    const status = fields ? contractStatus(fields, { slippage: null, kpiAttainment: null }, this.rules, this.asOf, { endDateGap: endDateGap(fields.endDate, ends, 0) }) : null;
    const register: RegisterRow = {
      cell: (key) => {
        const at = this.fieldColumns[key]?.index;
        return at === undefined || at < 0 ? null : (cells[at] ?? null);
      },
      read: (key) => fields?.[key] ?? null,
    };
    const values: CellValue[] = [];
    const formulas: (string | null)[] = [];
    this.columns.forEach((c, k) => {
      values.push(status === null ? null : computedValue(status, c.shows));
      const own = c.native ? c.native.rowFormula(register) : null;
      formulas.push(own);
      if (own !== null && c.native) {
        this.ownRows[k]++;
        for (const f of c.native.readAtSetUp(register)) this.readFields[k].add(f);
      }
    });
    return { values, formulas };
  }

  /** The note on a native column's header saying which rows hold values read at set-up; undefined for a column whose formula reads every row. */
  note(k: number): string | undefined {
    const own = this.ownRows[k];
    if (own === 0) return undefined;
    const named = [...this.readFields[k]].map((f) => `"${f}"`).join(", ");
    return (
      `${own.toLocaleString("en-GB")} ${own === 1 ? "row holds" : "rows hold"} what the tracker read from ${named} when it was set up: ` +
      "Excel's own formulas read date cells and days as numbers, not text such as 31/03/2025, \"3 months\" or \"1+1\". " +
      "Change such a cell and its row keeps the value read then: type dates as dates and notice periods in days, then copy this column's formula into the row."
    );
  }

  /** The columns with rows holding values read at set-up, and how many rows. */
  readAtSetUp(): { column: string; rows: number }[] {
    return this.columns.flatMap((c, k) => (this.ownRows[k] > 0 ? [{ column: c.header, rows: this.ownRows[k] }] : []));
  }
}

const NO_ROWS: ReadonlyMap<number, string> = new Map();
