/** AutoFilter on a table column: custom criteria such as `>=0` and `<=180`, and which rows they show. */
import type { FakeRequestContext } from "./context";
import type { Stored } from "./cells";
import { invalidArgument, notModelled } from "./errors";
import type { FilterModel, TableModel } from "./model";
import { FakeProxy } from "./proxy";

/** A table column: its table and position. */
export interface FilteredColumn {
  table: TableModel;
  index: number;
}

const CRITERION = /^(>=|<=|<>|>|<|=)?(.*)$/s;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Whether a cell meets one criterion as Excel's custom AutoFilter reads it: against a number, only numbers match. */
export function meetsCriterion(value: Stored | "", criterion: string): boolean {
  const [, operator = "=", operand] = CRITERION.exec(criterion) ?? [];
  if (NUMBER.test(operand.trim())) {
    if (typeof value !== "number") return operator === "<>";
    const n = Number(operand);
    switch (operator) {
      case ">=":
        return value >= n;
      case "<=":
        return value <= n;
      case ">":
        return value > n;
      case "<":
        return value < n;
      case "<>":
        return value !== n;
      default:
        return value === n;
    }
  }
  if (/[*?~]/.test(operand)) throw notModelled(`wildcards in the filter criterion "${criterion}"`);
  const same = String(value).toLowerCase() === operand.toLowerCase();
  if (operator === "=") return same;
  if (operator === "<>") return !same;
  throw notModelled(`text comparison "${criterion}"`);
}

export function meetsFilter(value: Stored | "", filter: FilterModel): boolean {
  const first = meetsCriterion(value, filter.criterion1);
  if (filter.criterion2 === undefined) return first;
  const second = meetsCriterion(value, filter.criterion2);
  return filter.operator === "Or" ? first || second : first && second;
}

/** Rows (0-based within the body) a table shows under its filters. */
export function visibleRows(table: TableModel): number[] {
  const rows: number[] = [];
  for (let r = 0; r < table.rowCount - 1; r++) {
    const shown = [...table.filters].every(([c, filter]) => meetsFilter(table.sheet.value(table.row + 1 + r, table.column + c), filter));
    if (shown) rows.push(r);
  }
  return rows;
}

export class FakeFilter extends FakeProxy<FilteredColumn> {
  constructor(context: FakeRequestContext, locate: () => FilteredColumn | null) {
    super(context, locate, "lazy", "Filter");
  }

  get criteria(): FilterModel {
    return this.read("criteria");
  }

  /** Shows rows meeting one criterion, or two joined by "And" / "Or"; replaces the column's filter. */
  applyCustomFilter(criteria1: string, criteria2?: string, oper?: "And" | "Or"): void {
    this.queue("applyCustomFilter", { criteria1, criteria2, oper }, ({ table, index }) => {
      if (typeof criteria1 !== "string" || criteria1 === "") throw invalidArgument("criteria1");
      if (criteria2 !== undefined && typeof criteria2 !== "string") throw invalidArgument("criteria2");
      if (oper !== undefined && oper !== "And" && oper !== "Or") throw invalidArgument(`operator "${String(oper)}"`);
      if (criteria2 !== undefined && oper === undefined) throw notModelled("applyCustomFilter with two criteria and no operator");
      table.filters.set(index, { filterOn: "Custom", criterion1: criteria1, ...(criteria2 !== undefined ? { criterion2: criteria2, operator: oper } : {}) });
    });
  }

  clear(): void {
    this.queue("clear", null, ({ table, index }) => table.filters.delete(index));
  }

  protected scalar(name: string, { table, index }: FilteredColumn): unknown {
    if (name === "criteria") {
      const filter = table.filters.get(index);
      if (filter === undefined) throw notModelled("the criteria of an unfiltered column");
      return { ...filter };
    }
    throw notModelled(`Filter.${name}`);
  }
}
