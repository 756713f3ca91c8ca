import type { DateOrder } from "../dates";

/**
 * What a published layout says a column holds. It lets the mapping check a register that claims a
 * layout against its values (an `Effective date` column is one date on every row), and lets tests
 * write a register the way its publishers do.
 */
export type LayoutValueKind =
  | "code"
  | "shortTitle"
  | "sentence"
  | "organisation"
  | "department"
  | "personName"
  | "date"
  | "time"
  | "money"
  | "currency"
  | "number"
  | "yesNo"
  | "status"
  | "category"
  // A Common Procurement Vocabulary code (`45000000-7`), whose division says goods, services or works.
  | "cpvCode"
  // Goods, services or works in words or codes (`Supplies`, `Works`, OCDS `services`).
  | "procurementCategory"
  | "place"
  | "postcode"
  | "address"
  | "url"
  | "email"
  | "phone"
  | "extensionText";

/** One column of a published layout. */
export interface LayoutColumn {
  /** Every spelling of the header the standard or its usual publishers use; the first is the standard's own. */
  readonly headers: readonly string[];
  /** The spellings among `headers` that only this standard uses: each one found is evidence a register follows it. */
  readonly telling: readonly string[];
  /**
   * The Contracts field the column fills (a key of schema.ts `CONTRACTS`), or null for a column of the
   * layout that is no tracker field and must never be mapped to one (the publisher's own name, the
   * date the register was published, a supplier's address, an SME flag).
   */
  readonly field: string | null;
  /** Where several columns of a layout fill one field, the lowest preference wins (1 before 2); the others are fallbacks. */
  readonly preference: number;
  readonly holds: LayoutValueKind;
  /** The same on every row of a register: the publisher's own name, the date the register was published. */
  readonly constant: boolean;
  /** Also names every header that begins with one of its spellings (`Supplier address` → `Supplier address line 1`, `… county`). */
  readonly family: boolean;
}

/** A published layout of a contract register: the standard that defines it and its columns, in the standard's order. */
export interface StandardLayout {
  readonly name: string;
  /** The standard, with the part, paragraph or section that lists the columns. */
  readonly source: string;
  /** How the layout's publishers write slash dates, when they write them at all. */
  readonly dateOrder?: DateOrder;
  readonly columns: readonly LayoutColumn[];
}

interface ColumnOptions {
  /** The spellings only this standard uses; `"every"` when all of them are. */
  telling?: readonly string[] | "every";
  preference?: number;
  constant?: boolean;
  family?: boolean;
}

/**
 * A layout column. Throws when a telling spelling is not one of its headers (a slip in a layout's
 * definition, caught when the module loads).
 * @example column("endDate", "date", ["Contract end date", "End date"]).preference → 1
 */
export function column(field: string | null, holds: LayoutValueKind, headers: readonly string[], options: ColumnOptions = {}): LayoutColumn {
  const telling = options.telling === "every" ? headers : (options.telling ?? []);
  const stray = telling.find((spelling) => !headers.includes(spelling));
  if (headers.length === 0 || stray !== undefined) throw new Error(`Layout column ${headers[0] ?? "(none)"}: telling spelling "${stray}" is not one of its headers`);
  if (options.family && field !== null) throw new Error(`Layout column ${headers[0]}: a family of headers cannot fill the field ${field}`);
  return {
    headers,
    telling,
    field,
    preference: options.preference ?? 1,
    holds,
    constant: options.constant ?? false,
    family: options.family ?? false,
  };
}
