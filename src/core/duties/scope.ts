// Which of the Procurement Act 2023 duties a contract can have at all, decided once for every duty
// and every place that lists them (the pane's duties, the summary, the calendar's assessment dates).
import type { TypedValue } from "../normalise";
import { readStatus, terminationStatus } from "../statusPhrases";

/**
 * 24 February 2025, when the Act came into force (Procurement Act 2023 (Commencement No. 3 and
 * Transitional and Saving Provisions) Regulations 2024): a contract that started before it was
 * procured under the older rules, which the Act's notices do not reach.
 */
export const ACT_IN_FORCE = 45712;

/**
 * Where a contract stands under the Act: procured before it (no duty); terminated (only its
 * termination notice, s.80, is owed); closed by its status otherwise (no duty); or live (every duty).
 */
export type DutyStanding = "before the Act" | "terminated" | "closed" | "live";

/**
 * A contract's standing under the Act from its Start date and Status. A blank start date is taken
 * as under the Act: a register that does not say cannot have the duties waved away.
 * @example dutyStanding({ startDate: 45900, status: "Terminated early" }) → "terminated"
 */
export function dutyStanding(fields: Readonly<Record<string, TypedValue>>): DutyStanding {
  const start = fields.startDate;
  if (typeof start === "number" && Number.isFinite(start) && start < ACT_IN_FORCE) return "before the Act";
  const status = fields.status === null || fields.status === undefined ? "" : String(fields.status).trim();
  if (terminationStatus(status).terminated) return "terminated";
  if (status !== "" && readStatus(status).class === "closed") return "closed";
  return "live";
}
