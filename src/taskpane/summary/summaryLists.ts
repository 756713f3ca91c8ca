import type { EscalationSummary, SummaryContract } from "../../core/escalationSummary";
import { DEFAULT_LIMIT, RECENT_DAYS, SummaryLayout, recentChanges } from "../../core/summaryRender";

/** Contracts a list in the summary view shows before "Show N more": the command line's and the copies' default. */
export const SHOWN_FIRST = DEFAULT_LIMIT;

/** Decisions shown before "Show N more": the text summary lists ten, then points to the level lists. */
export const DECISIONS_FIRST = 10;

/** How the copies for an email are cut: the default limit, and where the rest are. */
export const COPY_LAYOUT: SummaryLayout = { more: "the summary sheet lists them all" };

/**
 * The contracts that need a decision, the one whose window closes soonest first and the overdue
 * after them, as the text summary orders its "Needs a decision" list (core/summaryRender).
 * @example decisionsDue(summary)[0].action → "Notice date 24/12/2026 in 29 days: decide extend or re-procure"
 */
export function decisionsDue(summary: EscalationSummary): SummaryContract[] {
  const due = (c: SummaryContract): number => {
    const d = c.daysToNotice !== null && c.daysToNotice >= 0 ? c.daysToNotice : (c.daysToExpiry ?? 0);
    return d >= 0 ? d : 1e6 - d;
  };
  return summary.contracts.filter((c) => c.decisionNeeded).sort((a, b) => due(a) - due(b));
}

/** The week's changes in one sentence. @example changesLine(summary) → "Changed in the last 7 days: 1 contract ended (C-3)." */
export function changesLine(summary: EscalationSummary): string {
  const changes = recentChanges(summary);
  return changes.length ? `Changed in the last ${RECENT_DAYS} days: ${changes.join("; ")}.` : `Nothing changed in the last ${RECENT_DAYS} days.`;
}
