import { addMonths } from "../dates";
import type { NormalisedRow, TypedValue } from "../normalise";
import type { TrackerSettings } from "../settings";
import { dutyStanding } from "./scope";

/** The ratings of a contract performance notice (s.71(5); Procurement Regulations 2024 reg. 39), bar Other, which the user chooses. */
export type PerformanceRating = "Good" | "Approaching target" | "Requires improvement" | "Inadequate";

/** A KPI as the KPIs table records it, typed. */
export interface RecordedKpi {
  name: string;
  /** Actual ÷ target (target ÷ actual where lower is better); null where not measured. */
  attainment: number | null;
  /** When it was last assessed (an Excel serial); null where not recorded. */
  assessedOn: number | null;
}

/** What the KPI and assessment duties say of one contract. */
export interface PerformanceCheck {
  /** How many different KPIs are recorded, and how many the Act needs at least. */
  kpiCount: number;
  kpisNeeded: number;
  /** The latest Assessed on of its KPIs; null when none is recorded. */
  lastAssessed: number | null;
  /**
   * When the next assessment is due at the latest: 12 months after the last, or after the start
   * when none is recorded, or the contract's end where that comes first (s.71(2)(b): an assessment
   * on its end); null when neither the last nor the start is known, or once the assessment on the
   * end is recorded.
   */
  nextDue: number | null;
  /** The next assessment is the one on the contract's end: it ends before the 12 months are up. */
  dueAtEnd: boolean;
  /** Days from the as-of date to nextDue (negative once overdue). */
  daysToDue: number | null;
  /** Overdue, due within the warning days, or not yet. */
  assessment: "overdue" | "due" | "not due" | "not known";
  /** The rating the KPIs suggest, for the user to confirm; null with no KPI measured. */
  suggestedRating: PerformanceRating | null;
  /** The worst KPI's attainment behind the suggestion, and its name. */
  worstAttainment: number | null;
  worstKpi: string | null;
}

/**
 * The rating KPI attainment suggests, by the published descriptors (s.71; Procurement Regulations
 * 2024 reg. 39 and the Cabinet Office's guidance on KPIs): Good — meeting or exceeding the KPIs
 * (worst attainment at least kpi_amber_below, 100%); Approaching target — close to them (at least
 * kpi_red_below, 95%); Requires improvement — below them; Inadequate — significantly below
 * (under rating_inadequate_below, 80%). The worst KPI decides: one failing KPI is performance
 * below the KPIs. The user confirms or overrides it (Other is theirs alone to choose).
 * @example suggestedRating(0.97, DEFAULT_SETTINGS) → "Approaching target"
 */
export function suggestedRating(worstAttainment: number, settings: Pick<TrackerSettings, "kpiAmberBelow" | "kpiRedBelow" | "ratingInadequateBelow">): PerformanceRating {
  if (worstAttainment >= settings.kpiAmberBelow) return "Good";
  if (worstAttainment >= settings.kpiRedBelow) return "Approaching target";
  // A user's red threshold below the Inadequate one still leaves Requires improvement between them.
  if (worstAttainment >= Math.min(settings.ratingInadequateBelow, settings.kpiRedBelow)) return "Requires improvement";
  return "Inadequate";
}

/** A contract's term as the assessment duty reads it: its start and end dates (serials), null where not known. */
export interface ContractTerm {
  start: number | null;
  end: number | null;
}

/**
 * The KPI duties of a contract over the s.52 value (the caller checks the value): at least
 * `kpiDutyMinimum` KPIs (s.52(1), three), and performance assessed against them at least every
 * `performanceAssessmentMonths` (s.71(2)(a), 12 months) and on the contract's end (s.71(2)(b)). The
 * last assessment is the latest KPI `Assessed on`; with none, the first is due 12 months after the
 * start date. An end date before that is when the next is due; one before the last assessment or
 * the start says nothing of the term (a stand-in such as 01/01/2000), so it is not weighed. Due
 * means within `dutyWarningDays` of the as-of date.
 * @example performanceCheck([{ name: "On time", attainment: 0.9, assessedOn: 45658 }], { start: 45292, end: 47000 }, DEFAULT_SETTINGS, 46100).assessment → "overdue"
 */
export function performanceCheck(
  kpis: readonly RecordedKpi[],
  term: ContractTerm,
  settings: Pick<TrackerSettings, "kpiDutyMinimum" | "performanceAssessmentMonths" | "dutyWarningDays" | "kpiAmberBelow" | "kpiRedBelow" | "ratingInadequateBelow">,
  asOf: number,
): PerformanceCheck {
  const names = new Set<string>();
  let lastAssessed: number | null = null;
  let worst: { attainment: number; name: string } | null = null;
  for (const kpi of kpis) {
    names.add(kpi.name.trim().toLowerCase());
    if (kpi.assessedOn !== null && (lastAssessed === null || kpi.assessedOn > lastAssessed)) lastAssessed = kpi.assessedOn;
    if (kpi.attainment !== null && (worst === null || kpi.attainment < worst.attainment)) worst = { attainment: kpi.attainment, name: kpi.name };
  }
  const { nextDue, dueAtEnd } = nextAssessment(lastAssessed, term, settings.performanceAssessmentMonths);
  const daysToDue = nextDue === null ? null : nextDue - asOf;
  const assessment = daysToDue === null ? "not known" : daysToDue < 0 ? "overdue" : daysToDue <= settings.dutyWarningDays ? "due" : "not due";
  return {
    kpiCount: names.size,
    kpisNeeded: settings.kpiDutyMinimum,
    lastAssessed,
    nextDue,
    dueAtEnd,
    daysToDue,
    assessment,
    suggestedRating: worst === null ? null : suggestedRating(worst.attainment, settings),
    worstAttainment: worst?.attainment ?? null,
    worstKpi: worst?.name ?? null,
  };
}

/** s.71(2): 12 months after the last assessment (or the start), or the end where that is sooner; none once the end's assessment is recorded. */
function nextAssessment(lastAssessed: number | null, term: ContractTerm, months: number): { nextDue: number | null; dueAtEnd: boolean } {
  const from = lastAssessed ?? term.start;
  if (from === null) return { nextDue: null, dueAtEnd: false };
  // An end before the start is no end of this contract's term: a stand-in or a slip of the keyboard.
  const end = term.end !== null && (term.start === null || term.end > term.start) ? term.end : null;
  if (end !== null && lastAssessed !== null && lastAssessed >= end) return { nextDue: null, dueAtEnd: false };
  const due = addMonths(from, months);
  const yearly = due.ok ? due.value : null;
  if (end !== null && end > from && (yearly === null || end < yearly)) return { nextDue: end, dueAtEnd: true };
  return { nextDue: yearly, dueAtEnd: false };
}

/** What the KPI duties say of a contract they reach: the performance check, and the value that brought it over s.52's line. */
export interface KpiDuties extends PerformanceCheck {
  /** The contract's Total value, over `kpiDutyValueAbove`. */
  value: number;
}

const num = (v: TypedValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const text = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/** Attainment as the KPIs table's Attainment column gives it (actual ÷ target; target ÷ actual where lower is better). */
function attainment(kpi: Pick<NormalisedRow, "fields">): number | null {
  const target = num(kpi.fields.target);
  const actual = num(kpi.fields.actual);
  if (target === null || actual === null || target === 0 || actual === 0) return null;
  return kpi.fields.higherIsBetter === false ? target / actual : actual / target;
}

/**
 * The KPI duties of one contract (ss.52, 71) from its row and its rows of the KPIs table: how many
 * KPIs, when the next performance assessment is due and the rating the KPIs suggest (see
 * performanceCheck). Null where the duties do not reach it: Settings switch the Act's duties off
 * (`procurement_act_duties`), it was procured before the Act, its status says it was terminated or
 * closed, or its Total value is not known or not over `kpi_duty_value_above` (£5 million). The one
 * rule the pane's duties, the summary and the calendar's assessment dates all follow.
 * @example kpiDuties({ fields: { startDate: 45809, endDate: 47634, totalValue: 12_000_000 } }, [], DEFAULT_SETTINGS, 46351)?.nextDue → 46174 (1 Jun 2026: 12 months after the start)
 */
export function kpiDuties(contract: Pick<NormalisedRow, "fields">, kpis: readonly Pick<NormalisedRow, "fields">[], settings: TrackerSettings, asOf: number): KpiDuties | null {
  const f = contract.fields;
  if (!settings.procurementActDuties || dutyStanding(f, settings.actCommencementDate) !== "live") return null;
  const value = num(f.totalValue);
  if (value === null || value <= settings.kpiDutyValueAbove) return null;
  const recorded = kpis.map((k) => ({ name: text(k.fields.kpi) || "(unnamed)", attainment: attainment(k), assessedOn: num(k.fields.assessedOn) }));
  return { ...performanceCheck(recorded, { start: num(f.startDate), end: num(f.endDate) }, settings, asOf), value };
}
