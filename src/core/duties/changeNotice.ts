import type { ContractType } from "../contractType";
import type { TrackerSettings } from "../settings";

/** A change as the Changes table records it, typed. */
export interface RecordedChange {
  /** Proposed, Approved, Rejected, Implemented (schema CHANGE_STATUSES), as written. */
  status: string;
  /** Change in value, in the contract's currency (negative for a saving); null where not given. */
  valueImpact: number | null;
  /** The end date the change sets (an Excel serial), where it changes the term. */
  newEndDate: number | null;
}

/** What the changes to one contract add up to, against its original value and maximum term. */
export interface ChangeNoticeCheck {
  /** Net value of the approved and implemented changes. */
  madeValue: number;
  /** … and of those only proposed. */
  proposedValue: number;
  /** madeValue over the original value (a fraction); null without an original value. */
  madeShare: number | null;
  /** made and proposed together over the original value. */
  withProposedShare: number | null;
  /** The s.75(2)(a) threshold used (a fraction), and the type it was chosen for (null: not known, goods and services' used). */
  valueThreshold: number;
  typeUsed: ContractType | null;
  /** Days the latest approved or implemented new end date runs past the maximum term's end; null when no change sets one. */
  termExtensionDays: number | null;
  /** termExtensionDays over the maximum term in days (a fraction); null without a start date. */
  termShare: number | null;
  /** Whether the made changes are past a threshold (a notice is likely needed), or the proposed ones would take them past it. */
  needed: boolean;
  wouldBeNeeded: boolean;
}

const MADE = /\b(approved|implemented|agreed|signed|complete|completed)\b/i;
const PROPOSED = /\b(proposed|requested|draft|pending|submitted|under review)\b/i;
const NOT_MADE = /\b(rejected|withdrawn|cancell?ed|declined|not approved)\b/i;

/**
 * Whether a contract's changes likely need a contract change notice (Procurement Act 2023 s.75):
 * s.75(2) exempts a modification that moves the estimated value by 10% or less (goods or
 * services) or 15% or less (works), or the term by 10% or less of the maximum term provided for
 * on award; s.75(4)–(5) take together modifications that could reasonably have been made
 * together, so the changes are added up (net, as value impacts are signed). The original value is
 * the register's whole-life Total value; the maximum term runs from the start date to the end date
 * with every extension option taken (Final expiry). A term extension is recorded as a change with a
 * New end date. Thresholds come from Settings; a contract of unknown type is held to the lower
 * (goods and services) one. Null when nothing is recorded to check.
 * @example changeNoticeCheck({ originalValue: 1_000_000, type: "services", start: 45658, maximumEnd: 46752 }, [{ status: "Approved", valueImpact: 120_000, newEndDate: null }], DEFAULT_SETTINGS)?.needed → true (12% > 10%)
 */
export function changeNoticeCheck(
  contract: { originalValue: number | null; type: ContractType | null; start: number | null; maximumEnd: number | null },
  changes: readonly RecordedChange[],
  settings: Pick<TrackerSettings, "changeValueGoodsServicesAbove" | "changeValueWorksAbove" | "changeTermAbove">,
): ChangeNoticeCheck | null {
  let made = 0;
  let proposed = 0;
  let latestEnd: number | null = null;
  let counted = 0;
  for (const change of changes) {
    if (NOT_MADE.test(change.status)) continue;
    const isMade = MADE.test(change.status);
    // A change with no status, or one we cannot read, is treated as proposed: nothing is counted as made that was not said to be.
    if (!isMade && !PROPOSED.test(change.status) && change.status.trim() !== "") continue;
    counted++;
    if (change.valueImpact !== null) {
      if (isMade) made += change.valueImpact;
      else proposed += change.valueImpact;
    }
    if (isMade && change.newEndDate !== null && (latestEnd === null || change.newEndDate > latestEnd)) latestEnd = change.newEndDate;
  }
  if (counted === 0) return null;
  const { originalValue, type, start, maximumEnd } = contract;
  const valueThreshold = type === "works" ? settings.changeValueWorksAbove : settings.changeValueGoodsServicesAbove;
  const share = (v: number): number | null => (originalValue !== null && originalValue > 0 ? v / originalValue : null);
  const madeShare = share(made);
  const withProposedShare = share(made + proposed);
  const termExtensionDays = latestEnd !== null && maximumEnd !== null ? latestEnd - maximumEnd : null;
  const termLength = start !== null && maximumEnd !== null && maximumEnd > start ? maximumEnd - start : null;
  const termShare = termExtensionDays !== null && termLength !== null ? termExtensionDays / termLength : null;
  const over = (s: number | null, limit: number): boolean => s !== null && Math.abs(s) > limit + 1e-9;
  const termOver = over(termShare, settings.changeTermAbove);
  const needed = over(madeShare, valueThreshold) || termOver;
  return {
    madeValue: round(made),
    proposedValue: round(proposed),
    madeShare,
    withProposedShare,
    valueThreshold,
    typeUsed: type,
    termExtensionDays,
    termShare,
    needed,
    wouldBeNeeded: !needed && over(withProposedShare, valueThreshold),
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;
