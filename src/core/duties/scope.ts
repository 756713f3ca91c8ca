// Which of the Procurement Act 2023 duties a contract can have at all, decided once for every duty
// and every place that lists them (the pane's duties, the summary, the calendar's assessment dates).
import type { TypedValue } from "../normalise";
import { readStatus, terminationStatus } from "../statusPhrases";

/**
 * Where a contract stands under the Act: procured before it (no duty); terminated (only its
 * termination notice, s.80, is owed); closed by its status otherwise (no duty); or live (every duty).
 */
export type DutyStanding = "before the Act" | "terminated" | "closed" | "live";

/**
 * A contract's standing under the Act from its Start date and Status. `actInForce` is the serial of
 * the day the Act came into force, Settings' `act_commencement_date` (core/settings
 * ACT_COMMENCEMENT_DATE: 24 Feb 2025); a contract that started before it was procured under the older
 * rules. A blank start date is taken as under the Act: a register that does not say cannot have the
 * duties waved away.
 * @example dutyStanding({ startDate: 45900, status: "Terminated early" }, 45712) → "terminated"
 */
export function dutyStanding(fields: Readonly<Record<string, TypedValue>>, actInForce: number): DutyStanding {
  const start = fields.startDate;
  if (typeof start === "number" && Number.isFinite(start) && start < actInForce) return "before the Act";
  const status = fields.status === null || fields.status === undefined ? "" : String(fields.status).trim();
  if (terminationStatus(status).terminated) return "terminated";
  if (status !== "" && readStatus(status).class === "closed") return "closed";
  return "live";
}
