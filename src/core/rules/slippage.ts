import { Result, fail, ok } from "../result";

/** A milestone's dates as serials; null where not known. */
export interface MilestoneDates {
  baseline: number;
  forecast: number | null;
  actual: number | null;
}

/**
 * Days late (+) or early (−): actual if given, else forecast, minus baseline. Without an actual,
 * a passed baseline means at least `asOf − baseline` late. Null when nothing says how it is going.
 * @example slippageDays({ baseline: 45700, forecast: null, actual: null }, 45712) → 12
 */
export function slippageDays(milestone: MilestoneDates, asOf: number): number | null {
  const { baseline, forecast, actual } = milestone;
  if (actual !== null) return actual - baseline;
  const overdue = asOf > baseline ? asOf - baseline : null;
  if (forecast === null) return overdue;
  const forecastSlip = forecast - baseline;
  return overdue !== null && overdue > forecastSlip ? overdue : forecastSlip;
}

/**
 * Slippage of the end as a fraction of the planned duration.
 * @example slippageFraction(45000, 45100, 45110) → ok(0.1)
 */
export function slippageFraction(start: number, baselineEnd: number, forecastEnd: number): Result<number> {
  const planned = baselineEnd - start;
  if (planned <= 0) return fail("The baseline end must be after the start date to measure slippage as a share of the plan");
  return ok((forecastEnd - baselineEnd) / planned);
}
