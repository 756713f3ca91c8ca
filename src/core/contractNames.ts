import type { NormalisedRow, TypedValue } from "./normalise";

// How a contract is named and found, in one place: the summary, the dashboard, the contract card,
// the forms, the escalation log and the CLI all call a contract by the same name and match the
// rows of the other tables (Milestones, KPIs, the Escalations log …) to it by the same key. A
// register with no Contract ID column (the user said it has none), or a row whose ID cell is
// blank, names the contract by its sheet row, "Row 14", never by a blank or `undefined`.

const textOf = (value: TypedValue | undefined): string => (value === null || value === undefined ? "" : String(value).trim());

/**
 * What a contract is called wherever an ID is shown: its Contract ID as the register writes it
 * (trimmed), or `Row N` (its 1-based sheet row, as Excel shows it) where it has none.
 * @example contractName({ row: 14, fields: { contractId: " C-001 " } }) → "C-001"; contractName({ row: 14, fields: {} }) → "Row 14"
 */
export function contractName(contract: Pick<NormalisedRow, "row" | "fields">): string {
  return textOf(contract.fields.contractId) || rowName(contract.row);
}

/**
 * The name of a contract that has no ID: its sheet row.
 * @example rowName(14) → "Row 14"
 */
export function rowName(row: number): string {
  return `Row ${row}`;
}

/**
 * A contract's key, which rows of the other tables are matched on: its name, case ignored. A
 * contract with no ID is found by `Row N` in those tables (the Escalations log writes that name).
 * @example contractKey({ row: 14, fields: { contractId: "C-001" } }) → "c-001"; contractKey({ row: 14, fields: {} }) → "row 14"
 */
export function contractKey(contract: Pick<NormalisedRow, "row" | "fields">): string {
  return contractName(contract).toLowerCase();
}

/**
 * The key of the contract a row of another table (a milestone, a KPI, a log entry) belongs to: its
 * Contract ID cell, trimmed, case ignored; "" when blank (it belongs to none).
 * @example belongsTo({ row: 3, fields: { contractId: "Row 14" } }) → "row 14"
 */
export function belongsTo(related: Pick<NormalisedRow, "fields">): string {
  return keyOfName(related.fields.contractId);
}

/**
 * A name the user typed or a table holds, as keys compare: trimmed, case ignored; "" for blank.
 * @example keyOfName(" C-001 ") → "c-001"
 */
export function keyOfName(name: TypedValue | undefined): string {
  return textOf(name).toLowerCase();
}

/**
 * Rows of another table grouped by the contract they belong to (blank Contract IDs left out).
 * @example groupByContract([{ row: 2, fields: { contractId: "C-1" } }]).get("c-1")?.length → 1
 */
export function groupByContract<T extends Pick<NormalisedRow, "fields">>(rows: readonly T[] | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows ?? []) {
    const key = belongsTo(r);
    if (key === "") continue;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}
