import { rowName } from "../core/contractNames";
import type { HeaderMapping } from "../core/mapping";
import type { TableName } from "../core/schema";

// A register with no Contract ID column: set-up runs on one only when the user has said so, and
// then names each contract by its sheet row (core/contractNames). What that means for the other
// tables is decided here, once, for set-up, the wizard and the command line.

/**
 * The tables whose rows name their contract by its Contract ID. Set-up does not create them for a
 * register keyed by row number: a milestone recorded against "Row 14" would belong to another
 * contract as soon as the register is sorted or a row inserted. The Escalations log is still
 * created: it is an audit trail of what was escalated when, and records "Row 14" as the contract
 * was named that day.
 */
export const LINKED_BY_ID: readonly TableName[] = ["Milestones", "KPIs", "Risks", "Changes"];

/** Why a table linked by ID is not created for a register keyed by row number, in the user's words. */
export const NEEDS_CONTRACT_ID = "their rows name a contract by its Contract ID, and a row number would point at another contract once the register is sorted";

/** Set-up refused: no column holds the Contract ID and the user has not said the register has none. */
export class NoContractIdError extends Error {
  constructor(sheet: string, firstRow: number) {
    super(
      `No column of the register on the sheet "${sheet}" holds the Contract ID: choose the column that does in the task pane's Set up, ` +
        `or tick there that this register has no contract IDs (each contract is then named by its row, such as "${rowName(firstRow)}")`,
    );
    this.name = "NoContractIdError";
  }
}

/**
 * Whether set-up may go on with this mapping: yes when a column holds the Contract ID, or when the
 * user has said the register has none (then contracts are keyed by row number). Throws
 * NoContractIdError otherwise, naming the sheet and the name the first contract would get.
 * @example contractIdDecision({ headerRow: 3, fields: {}, unmapped: [] }, true, "Register", 5) → { keyedByRow: true }
 */
export function contractIdDecision(mapping: Pick<HeaderMapping, "fields">, noContractIds: boolean, sheet: string, firstRow: number): { keyedByRow: boolean } {
  if (mapping.fields.contractId) return { keyedByRow: false };
  if (!noContractIds) throw new NoContractIdError(sheet, firstRow);
  return { keyedByRow: true };
}
