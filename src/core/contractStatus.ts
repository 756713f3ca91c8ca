import { parseExtensionOptions } from "./extensionOptions";
import type { TypedValue } from "./normalise";
import { parsePeriod } from "./periods";
import { escalationLevel, EscalationLevel, parseTier } from "./rules/escalation";
import { daysToExpiry, finalExpiry, noticeDate } from "./rules/expiry";
import { contractPhase, Phase } from "./rules/phase";
import { Rag, RagInputs, ragReason, ragStatus } from "./rules/rag";
import type { TrackerSettings } from "./settings";

/** What the tracker works out for one contract: the values of its computed columns. Null where not known. */
export interface ContractStatus {
  daysToExpiry: number | null;
  noticeDate: number | null;
  daysToNotice: number | null;
  finalExpiry: number | null;
  phase: Phase | null;
  slippage: number | null;
  kpiAttainment: number | null;
  spendVariance: number | null;
  rag: Rag | null;
  ragReason: string;
  escalationLevel: EscalationLevel | null;
}

// Registers repeat the same few notice periods and extension texts: each is parsed once.
const MEMO_LIMIT = 10_000;
const periods = new Map<string, ReturnType<typeof parsePeriod>>();
const extensions = new Map<string, ReturnType<typeof parseExtensionOptions>>();
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    value = make();
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
   * `reason: false` leaves out the RAG reason sentence, `phase: false` the phase and final expiry,
   * for a caller that does not show them (the escalation engine, over 100,000 contracts).
   */
  options: { reason?: boolean; phase?: boolean } = {},
): ContractStatus {
  const end = num(fields.endDate);
  const noticeText = fields.noticePeriod;
  const period =
    noticeText === null || noticeText === undefined || noticeText === ""
      ? null
      : typeof noticeText === "number"
        ? parsePeriod(noticeText)
        : memo(periods, String(noticeText), () => parsePeriod(String(noticeText)));
  const notice = end !== null && period?.ok ? noticeDate(end, period.value) : null;
  const full = options.phase !== false;
  const extensionText = full ? str(fields.extensionOptions) : null;
  const extension = extensionText === null ? null : memo(extensions, extensionText, () => parseExtensionOptions(extensionText));
  const final = !full || end === null ? null : extension === null ? end : extension.ok ? finalExpiry(end, extension.value) : null;
  const phase = full ? contractPhase({ start: num(fields.startDate), goLive: num(fields.goLiveDate), end }, asOf, settings.exitWindowDays) : null;
  const budget = num(fields.budget);
  const spend = num(fields.spendToDate);
  const spendVariance = budget !== null && spend !== null && budget > 0 ? spend / budget - 1 : null;
  const inputs: RagInputs = {
    daysToExpiry: end === null ? null : daysToExpiry(end, asOf),
    slippageDays: related.slippage,
    kpiAttainment: related.kpiAttainment,
    spendVariance,
  };
  const rag = ragStatus(inputs, settings);
  const tier = str(fields.tier);
  return {
    daysToExpiry: inputs.daysToExpiry,
    noticeDate: notice?.ok ? notice.value : null,
    daysToNotice: notice?.ok ? notice.value - asOf : null,
    finalExpiry: final === null ? null : typeof final === "number" ? final : final.ok ? final.value : null,
    phase: phase?.ok ? phase.value : null,
    slippage: related.slippage,
    kpiAttainment: related.kpiAttainment,
    spendVariance,
    rag,
    ragReason: options.reason === false ? "" : ragReason(inputs, settings),
    escalationLevel: rag === null ? null : escalationLevel({ rag, daysInStatus: 0, tier: tier === null ? null : parseTier(tier) }, settings.escalationPersistDays),
  };
}
