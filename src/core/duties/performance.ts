import { addMonths } from "../dates";
import type { TrackerSettings } from "../settings";

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
  /** When the next assessment is due at the latest: 12 months after the last, or after the start when none is recorded; null when neither is known. */
  nextDue: number | null;
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

/**
 * The KPI duties of a contract over the s.52 value (the caller checks the value): at least
 * `kpiDutyMinimum` KPIs (s.52(1), three), and performance assessed against them at least every
 * `performanceAssessmentMonths` (s.71(2), 12 months). The last assessment is the latest KPI
 * `Assessed on`; with none, the first is due 12 months after the start date. Due means within
 * `dutyWarningDays` of the as-of date.
 * @example performanceCheck([{ name: "On time", attainment: 0.9, assessedOn: 45658 }], 45292, DEFAULT_SETTINGS, 46100).assessment → "overdue"
 */
export function performanceCheck(
  kpis: readonly RecordedKpi[],
  start: number | null,
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
  const from = lastAssessed ?? start;
  const due = from === null ? null : addMonths(from, settings.performanceAssessmentMonths);
  const nextDue = due?.ok ? due.value : null;
  const daysToDue = nextDue === null ? null : nextDue - asOf;
  const assessment = daysToDue === null ? "not known" : daysToDue < 0 ? "overdue" : daysToDue <= settings.dutyWarningDays ? "due" : "not due";
  return {
    kpiCount: names.size,
    kpisNeeded: settings.kpiDutyMinimum,
    lastAssessed,
    nextDue,
    daysToDue,
    assessment,
    suggestedRating: worst === null ? null : suggestedRating(worst.attainment, settings),
    worstAttainment: worst?.attainment ?? null,
    worstKpi: worst?.name ?? null,
  };
}
