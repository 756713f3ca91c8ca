import { parseExtensionOptions } from "./extensionOptions";
import type { TypedValue } from "./normalise";
import { parsePeriod } from "./periods";
import { escalationLevel, EscalationLevel, parseTier } from "./rules/escalation";
import { daysToExpiry, finalExpiry, noticeDate } from "./rules/expiry";
import { contractPhase, Phase } from "./rules/phase";
import { decideBySerial, leadTimeDays } from "./rules/decideBy";
import { SpendAgainstBudget, spendAgainstBudget, spendVariance as spendVarianceOnly } from "./rules/spend";
import { Rag, RagInputs, contractRag, contractRagReason } from "./rules/rag";
import { endDateGap as gapOf } from "./endDates";
import type { TrackerSettings } from "./settings";

/** What the tracker works out for one contract: the values of its computed columns. Null where not known. */
export interface ContractStatus {
  daysToExpiry: number | null;
  noticeDate: number | null;
  daysToNotice: number | null;
  finalExpiry: number | null;
  /** The date to decide whether to extend or re-procure (rules/decideBy), and days left to it (negative once passed). */
  decideBy: number | null;
  daysToDecide: number | null;
  phase: Phase | null;
  slippage: number | null;
  kpiAttainment: number | null;
  /** Spend over the budget profiled to date (rules/spend), a fraction; null where not known or not comparable. */
  spendVariance: number | null;
  /** The comparison behind spendVariance, or why there is none; null without a budget and a spend, and with `reason: false`. */
  spend: SpendAgainstBudget | null;
  /** Null is Unrated: nothing known, or an end date that is not real and nothing worse than Green (rules/rag contractRag). */
  rag: Rag | null;
  ragReason: string;
  /** Why the end date cannot be rated on (blank, unreadable, a stand-in), in words; null when it is a real date. */
  endDateGap: string | null;
  escalationLevel: EscalationLevel | null;
}

// Registers repeat the same few notice periods and extension texts: each is parsed once.
const MEMO_LIMIT = 10_000;
const periods = new Map<string, ReturnType<typeof parsePeriod>>();
const extensions = new Map<string, ReturnType<typeof parseExtensionOptions>>();
const tiers = new Map<string, ReturnType<typeof parseTier>>();
// `read` takes the key itself, so no closure is made per row (100,000 of them for the summary).
function memo<T>(cache: Map<string, T>, key: string, read: (text: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    value = read(key);
    cache.set(key, value);
  }
  return value;
}

const num = (v: TypedValue | undefined): number | null => (typeof v === "number" ? v : null);
const str = (v: TypedValue | undefined): string | null => (typeof v === "string" && v.trim() !== "" ? v : typeof v === "number" ? String(v) : null);

/**
 * The computed columns of one contract row, as the tracker's formulas give them.
 * @example contractStatus({ endDate: 45800 }, { slippage: null, kpiAttainment: null }, DEFAULT_SETTINGS, 45747).daysToExpiry → 53
 */
export function contractStatus(
  fields: Record<string, TypedValue>,
  related: { slippage: number | null; kpiAttainment: number | null },
  settings: TrackerSettings,
  asOf: number,
  /**
   * `reason: false` leaves out the RAG reason sentence, the spend comparison's figures and the
   * level without days in status; `phase: false` the phase and final expiry: for a caller that does
   * not show them (the escalation engine, over 100,000 contracts).
   * `endDateGap`: why the end date is not a real one, judged with the whole column (core/endDates);
   * left out, it is judged from the value alone. A contract with a gap has no expiry, notice date or phase.
   */
  options: { reason?: boolean; phase?: boolean; endDateGap?: string | null } = {},
): ContractStatus {
  const gap = options.endDateGap !== undefined ? options.endDateGap : gapOf(fields.endDate);
  const end = gap === null ? num(fields.endDate) : null;
  const noticeText = fields.noticePeriod;
  const period =
    noticeText === null || noticeText === undefined || noticeText === ""
      ? null
      : typeof noticeText === "number"
        ? parsePeriod(noticeText)
        : memo(periods, String(noticeText), parsePeriod);
  const notice = end !== null && period?.ok ? noticeDate(end, period.value) : null;
  const full = options.phase !== false;
  const extensionText = full ? str(fields.extensionOptions) : null;
  const extension = extensionText === null ? null : memo(extensions, extensionText, parseExtensionOptions);
  const final = !full || end === null ? null : extension === null ? end : extension.ok ? finalExpiry(end, extension.value) : null;
  const phase = full ? contractPhase({ start: num(fields.startDate), goLive: num(fields.goLiveDate), end }, asOf, settings.exitWindowDays) : null;
  const money = { budget: num(fields.budget), spendToDate: num(fields.spendToDate), start: num(fields.startDate), end };
  // The comparison's figures only for a caller that shows them; the engine needs the variance alone.
  const spend = options.reason === false ? null : spendAgainstBudget(money, asOf);
  const spendVariance = options.reason === false ? spendVarianceOnly(money, asOf) : spend === null ? null : spend.variance;
  const tierText = str(fields.tier);
  const tier = tierText === null ? null : memo(tiers, tierText, parseTier);
  // As CONTRACT.DECIDEBY reads the row: no date where its tier or notice period cannot be read (the cell shows #VALUE! saying so).
  const readable = (tierText === null || tier !== null) && (period === null || (period.ok && notice !== null && notice.ok));
  const decide = end === null || !readable ? Number.NaN : decideBySerial(end, notice?.ok ? notice.value : null, leadTimeDays(tier, settings));
  const decideDate = decide === decide ? decide : null;
  const noticeSerial = notice?.ok ? notice.value : null;
  const inputs: RagInputs = {
    daysToExpiry: end === null ? null : daysToExpiry(end, asOf),
    slippageDays: related.slippage,
    kpiAttainment: related.kpiAttainment,
    spendVariance,
    daysToDecide: decideDate === null ? null : decideDate - asOf,
    daysToNotice: noticeSerial === null ? null : noticeSerial - asOf,
  };
  const rag = contractRag(inputs, settings);
  return {
    daysToExpiry: inputs.daysToExpiry,
    noticeDate: noticeSerial,
    daysToNotice: inputs.daysToNotice ?? null,
    finalExpiry: final === null ? null : typeof final === "number" ? final : final.ok ? final.value : null,
    decideBy: decideDate,
    daysToDecide: inputs.daysToDecide ?? null,
    phase: phase?.ok ? phase.value : null,
    slippage: related.slippage,
    kpiAttainment: related.kpiAttainment,
    spendVariance,
    spend,
    rag,
    ragReason: options.reason === false ? "" : contractRagReason(inputs, settings, gap ?? undefined),
    endDateGap: gap,
    // The engine (reason: false) places contracts on the ladder itself, with days in status.
    escalationLevel: rag === null || options.reason === false ? null : escalationLevel({ rag, daysInStatus: 0, tier }, settings.escalationPersistDays),
  };
}
