import type { EscalationSummary } from "../../core/summaryTypes";
import { DEFAULT_LIMIT, RECENT_DAYS, SummaryLayout, decisionsDue, recentChangeLines } from "../../core/summaryRender";

/** Contracts a list in the summary view shows before "Show N more": the command line's and the copies' default. */
export const SHOWN_FIRST = DEFAULT_LIMIT;

/** Decisions shown before "Show N more": the text summary lists ten, then points to the level lists. */
export const DECISIONS_FIRST = 10;

/** How the copies for an email are cut: the default limit, and where the rest are. */
export const COPY_LAYOUT: SummaryLayout = { more: "the summary sheet lists them all" };

/** The contracts that need a decision, in the text summary's order (core/summaryRender). */
export { decisionsDue };

/** The week's changes in one sentence. @example changesLine(summary) → "Changed in the last 7 days: 1 contract ended (C-3)." */
export function changesLine(summary: EscalationSummary): string {
  const changes = recentChangeLines(summary);
  return changes.length ? `Changed in the last ${RECENT_DAYS} days: ${changes.join("; ")}.` : `Nothing changed in the last ${RECENT_DAYS} days.`;
}

/** Opens a contract's card from a summary list by its 1-based sheet row, as the dashboard's lists do. */
export type OpenFromSummary = (row: number, id: string) => void;
