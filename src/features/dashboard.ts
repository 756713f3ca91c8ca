/**
 * The portfolio dashboard of PRODUCT.md: contracts by RAG and by phase, what expires soon, notice
 * dates coming up and missed, decisions to extend or re-procure due in the next 90 days, the worst slipping milestones and the failing KPIs. Everything is
 * worked out from the typed data with the core rules, never read from computed cells: the
 * in-memory workbook does not calculate, and Excel may not have yet.
 */
import { contractsById } from "../core/contractNames";
import { contractStatus } from "../core/contractStatus";
import { assessContract, statusMeaning } from "../core/contractAssessment";
import { compareIds } from "../core/summaryRanking";
import { DECISIONS_WITHIN_DAYS } from "../core/summaryTypes";
import type { NormalisedRow } from "../core/normalise";
import { Tier, parseTier } from "../core/rules/escalation";
import type { Phase } from "../core/rules/phase";
import { Rag, ragStatus } from "../core/rules/rag";
import { slippageDays } from "../core/rules/slippage";
import type { TableSnapshot } from "../workbook/port";
import { ContractRef, closedStatus, contractRef, contractsHeaderRow, numberOf, textOf } from "./paneData";
import { TrackerData, summarise } from "./trackerData";

export interface DashboardOptions {
  /** The Contracts table as read, for each contract's place in its body; default: where the data says it is. */
  contractsTable?: Pick<TableSnapshot, "row">;
  /** The expiry lists, in days from the as-of date; default 30, 90 and 180. */
  expiryWindows?: readonly number[];
  /** How far ahead notice dates are listed; default 90 days. */
  noticeWindowDays?: number;
  /** How many slipping milestones to list; default 10. */
  topSlipping?: number;
}

/** A contract ending within a window. */
export interface ExpiringContract extends ContractRef {
  endDate: number;
  /** 0 when it ends on the as-of date. */
  daysToExpiry: number;
}

/** A contract whose notice date is coming up, or has passed with no decision recorded. */
export interface NoticeDue extends ContractRef {
  noticeDate: number;
  /** Negative once the notice date has passed. */
  daysToNotice: number;
  endDate: number;
}

/** A decision to extend or re-procure coming up: the contract's decide-by date (core/rules/decideBy). */
export interface DecisionDue extends ContractRef {
  decideBy: number;
  /** 0 when it falls on the as-of date. */
  daysToDecide: number;
  endDate: number;
  tier: Tier | null;
}

/** A late milestone, with the contract it belongs to. */
export interface SlippingMilestone {
  contractId: string;
  /** The contract's title, so a list can name it. */
  contractTitle: string;
  milestone: string;
  /** Days late: the Milestones table's Slippage. */
  slippageDays: number;
  /** The milestone's own RAG by the slippage thresholds: Amber or Red. */
  rag: Rag;
  /** True when it was met (late); false when it is still to come or overdue. */
  met: boolean;
  /** The contract's 1-based sheet row and 0-based place in the Contracts table's body. */
  row: number;
  bodyIndex: number;
  /** The milestone's own 1-based row on the Milestones sheet. */
  milestoneRow: number;
}

/** A KPI below its amber threshold, with the contract it measures. */
export interface KpiFailure {
  contractId: string;
  /** The contract's title, so a list can name it. */
  contractTitle: string;
  kpi: string;
  period: string;
  /** actual ÷ target (target ÷ actual where lower is better); 1 = 100%. */
  attainment: number;
  rag: Exclude<Rag, "Green">;
  row: number;
  bodyIndex: number;
  kpiRow: number;
}

export type PhaseOrUnknown = Phase | "Unknown";

/** Every phase, in the order of a contract's life; "Unknown" where the dates cannot say. */
export const PHASES: readonly PhaseOrUnknown[] = ["Not started", "Mobilisation", "Delivery", "Exit", "Expired", "Unknown"];

export interface Dashboard {
  asOf: number;
  /** Live contracts by RAG, exactly as the escalation summary counts them: Unrated has no real end date and nothing worse known. */
  rag: { red: number; amber: number; green: number; unrated: number };
  /** Live contracts by phase, every phase listed in PHASES order (zero counts too). */
  phases: { phase: PhaseOrUnknown; count: number }[];
  /** One list per window, soonest first; each includes the shorter windows' contracts. */
  expiring: { withinDays: number; contracts: ExpiringContract[] }[];
  notices: {
    withinDays: number;
    /** Notice dates from the as-of date to `withinDays` ahead, soonest first. */
    upcoming: NoticeDue[];
    /** Notice dates passed, contract not yet ended, no decision recorded in its status; longest overdue first. */
    missed: NoticeDue[];
  };
  /** Decide-by dates from the as-of date to `withinDays` ahead (90), soonest first; none whose status records a decision. */
  decisions: { withinDays: number; upcoming: DecisionDue[] };
  /** The worst late milestones of live contracts, most days late first. */
  slipping: SlippingMilestone[];
  /** KPIs of live contracts below the amber threshold, lowest attainment first. */
  kpiFailures: KpiFailure[];
  /** Rated or unrated: every contract read but the probably closed and the closed. */
  liveContracts: number;
  /**
   * Ended more than Settings' stale_after_days ago with no closing status: left out of the charts
   * and lists, as the summary lists them apart for the user to confirm.
   */
  probablyClosed: number;
  /** Contracts left out because their register status says they are over. */
  closedContracts: number;
}

/** Whether the engine counts the contract's notice date as missed (passed, not ended, no decision in its status). */
function noticeMissed(contract: NormalisedRow, data: TrackerData): boolean {
  return assessContract(contract, {}, data.settings, data.asOf, data.ladder, data.endDates, data.dateLocale).noticeMissed;
}

const byIdThenRow = (a: { id: string; row: number }, b: { id: string; row: number }): number => compareIds(a.id, b.id) || a.row - b.row;

/**
 * The dashboard of the tracker's data at its as-of date. Closed contracts (by their register
 * status) and probably-closed ones (ended long ago, no closing status) are left out everywhere, as
 * the escalation summary leaves them out of its counts; they are counted apart.
 * @example dashboard(data).expiring[0] → { withinDays: 30, contracts: [{ id: "C-001", daysToExpiry: 12, bodyIndex: 0, … }] }
 */
export function dashboard(data: TrackerData, options: DashboardOptions = {}): Dashboard {
  const headerRow = contractsHeaderRow(data, options.contractsTable);
  const windows = [...(options.expiryWindows ?? [30, 90, 180])].sort((a, b) => a - b);
  const noticeWindow = options.noticeWindowDays ?? 90;
  const isClosed = closedStatus(data);
  const { asOf, settings } = data;
  const summary = summarise(data);
  const probablyClosed = new Set(summary.stale.map((c) => c.row));

  const phaseCounts = new Map<PhaseOrUnknown, number>(PHASES.map((p) => [p, 0]));
  const expiring: ExpiringContract[] = [];
  const upcoming: NoticeDue[] = [];
  const missed: NoticeDue[] = [];
  const decisions: DecisionDue[] = [];
  // Live contracts by row object; a milestone or KPI goes to its own contract even where rows share an ID (core/contractNames).
  const live = new Map<NormalisedRow, ContractRef>();
  const index = contractsById(data.contracts);
  const liveOf = (related: NormalisedRow): ContractRef | undefined => index.contractsOf(related).map((c) => live.get(c)).find((ref) => ref !== undefined);
  let closed = 0;
  for (const contract of data.contracts) {
    if (isClosed(contract.fields.status)) {
      closed++;
      continue;
    }
    if (probablyClosed.has(contract.row)) continue;
    const ref = contractRef(contract, headerRow);
    live.set(contract, ref);
    const status = contractStatus(contract.fields, { slippage: null, kpiAttainment: null }, settings, asOf, { reason: false });
    const phase: PhaseOrUnknown = status.phase ?? "Unknown";
    phaseCounts.set(phase, (phaseCounts.get(phase) ?? 0) + 1);
    const end = numberOf(contract.fields.endDate);
    if (end === null || status.daysToExpiry === null) continue;
    if (status.daysToExpiry >= 0) expiring.push({ ...ref, endDate: end, daysToExpiry: status.daysToExpiry });
    const toDecide = status.daysToDecide;
    if (status.decideBy !== null && toDecide !== null && toDecide >= 0 && toDecide <= DECISIONS_WITHIN_DAYS && !statusMeaning(contract.fields.status).decided) {
      decisions.push({ ...ref, decideBy: status.decideBy, daysToDecide: toDecide, endDate: end, tier: parseTier(textOf(contract.fields.tier)) });
    }
    if (status.noticeDate === null || status.daysToNotice === null) continue;
    const notice: NoticeDue = { ...ref, noticeDate: status.noticeDate, daysToNotice: status.daysToNotice, endDate: end };
    if (status.daysToNotice >= 0 && status.daysToNotice <= noticeWindow) upcoming.push(notice);
    else if (status.daysToNotice < 0 && noticeMissed(contract, data)) missed.push(notice);
  }
  expiring.sort((a, b) => a.daysToExpiry - b.daysToExpiry || byIdThenRow(a, b));
  upcoming.sort((a, b) => a.daysToNotice - b.daysToNotice || byIdThenRow(a, b));
  missed.sort((a, b) => a.daysToNotice - b.daysToNotice || byIdThenRow(a, b));
  decisions.sort((a, b) => a.daysToDecide - b.daysToDecide || byIdThenRow(a, b));

  const slipping: SlippingMilestone[] = [];
  for (const m of data.milestones) {
    const contract = liveOf(m);
    const baseline = numberOf(m.fields.baselineDate);
    if (!contract || baseline === null) continue;
    const actual = numberOf(m.fields.actualDate);
    const slip = slippageDays({ baseline, forecast: numberOf(m.fields.forecastDate), actual }, asOf);
    if (slip === null || slip <= 0) continue;
    const rag = ragStatus({ daysToExpiry: null, slippageDays: slip, kpiAttainment: null, spendVariance: null }, settings) ?? "Green";
    slipping.push({ contractId: contract.id, contractTitle: contract.title, milestone: textOf(m.fields.milestone) || "(unnamed)", slippageDays: slip, rag, met: actual !== null, row: contract.row, bodyIndex: contract.bodyIndex, milestoneRow: m.row });
  }
  slipping.sort((a, b) => b.slippageDays - a.slippageDays || byIdThenRow({ id: a.contractId, row: a.milestoneRow }, { id: b.contractId, row: b.milestoneRow }));

  const kpiFailures: KpiFailure[] = [];
  for (const k of data.kpis) {
    const contract = liveOf(k);
    const attainment = kpiAttainment(k);
    if (!contract || attainment === null || attainment >= settings.kpiAmberBelow) continue;
    kpiFailures.push({
      contractId: contract.id,
      contractTitle: contract.title,
      kpi: textOf(k.fields.kpi) || "(unnamed)",
      period: textOf(k.fields.period),
      attainment,
      rag: attainment < settings.kpiRedBelow ? "Red" : "Amber",
      row: contract.row,
      bodyIndex: contract.bodyIndex,
      kpiRow: k.row,
    });
  }
  kpiFailures.sort((a, b) => a.attainment - b.attainment || byIdThenRow({ id: a.contractId, row: a.kpiRow }, { id: b.contractId, row: b.kpiRow }));

  return {
    asOf,
    rag: summary.counts,
    phases: PHASES.map((phase) => ({ phase, count: phaseCounts.get(phase) ?? 0 })),
    expiring: windows.map((withinDays) => ({ withinDays, contracts: expiring.filter((c) => c.daysToExpiry <= withinDays) })),
    notices: { withinDays: noticeWindow, upcoming, missed },
    decisions: { withinDays: DECISIONS_WITHIN_DAYS, upcoming: decisions },
    slipping: slipping.slice(0, options.topSlipping ?? 10),
    kpiFailures,
    liveContracts: data.contracts.length - closed - probablyClosed.size,
    probablyClosed: probablyClosed.size,
    closedContracts: closed,
  };
}

/**
 * A KPI's attainment as the KPIs table's Attainment column works it out: actual ÷ target, or
 * target ÷ actual where lower is better; null when either is missing or zero.
 * @example kpiAttainment({ row: 2, fields: { target: 100, actual: 90 } }) → 0.9
 */
export function kpiAttainment(kpi: NormalisedRow): number | null {
  const target = numberOf(kpi.fields.target);
  const actual = numberOf(kpi.fields.actual);
  if (target === null || actual === null || target === 0 || actual === 0) return null;
  // FALSE itself, as the formula's `=FALSE` and the escalation engine take it (text "FALSE" is not).
  return kpi.fields.higherIsBetter === false ? target / actual : actual / target;
}
