import fc from "fast-check";
import { readDaysCell, readNumberCell } from "../../src/core/cellValues";
import { dateToSerial, formatSerial } from "../../src/core/dates";
import { endDateGap } from "../../src/core/endDates";
import { Result, fail, ok } from "../../src/core/result";
import { contractPhase } from "../../src/core/rules/phase";
import { RagInputs, UNRATED, contractRag, contractRagReason, ragReason as componentReason, ragStatus } from "../../src/core/rules/rag";
import { slippageDays } from "../../src/core/rules/slippage";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { setWorkbookSettings } from "../../src/features/workbookSettings";
import { asOfIn, dateIn, endIn, today } from "../../src/functions/cellArguments";
import { daysToExpiry, phase, rag, ragReason, slippage } from "../../src/functions/functions";
import { CellOutput, isExcelError, spill, toCell, valueError } from "../../src/functions/spill";
import { shownError } from "../../src/functions/cellErrors";

// DAYSTOEXPIRY, SLIPPAGE, PHASE and RAG read whole columns through bare-number readers (0 blank,
// NaN not a date) and build a message only for a cell that needs one. Here each is compared, cell
// by cell and message by message, with the same function written over the Result readers every
// other function uses (dateIn, endIn, asOfIn, readDaysCell …), over columns of every kind of cell
// a register holds, in both date orders.

const s = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? Number.NaN;
const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
const ref = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference);

// Cells as a register holds them: date serials (whole, with a time, at the limits), text dates in
// each shape and order, stand-ins, blanks, words, booleans, Excel errors and numbers that are not dates.
const dateCell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: s(2020, 1, 1), max: s(2030, 12, 31) }) },
  { weight: 1, arbitrary: fc.double({ min: 1, max: 2958466, noNaN: true }) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 2019, max: 2031 }), fc.constantFrom("/", "-", ".")).map(([d, m, y, sep]) => `${d}${sep}${m}${sep}${y}`) },
  { weight: 2, arbitrary: fc.integer({ min: s(2020, 1, 1), max: s(2030, 12, 31) }).map((serial) => formatSerial(serial, "iso")) },
  { weight: 1, arbitrary: fc.integer({ min: s(2020, 1, 1), max: s(2030, 12, 31) }).map((serial) => ` ${formatSerial(serial)} `) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      "", " ", null, 0, -1, 0.5, 59, 60, 61, 2958465, 2958466, 20250331, 20251301, 99999999, Number.NaN, "TBC", "31 March 2025", "29/02/1900", "29/02/2025",
      "31/12/2099", s(2099, 12, 31), s(2150, 1, 1), "01/01/2000", s(2000, 1, 1), s(1970, 1, 1), s(1904, 1, 1), 1, 366, "13/01/2026", "01/13/2026", "31/03/25",
      true, false, na, ref,
    ),
  },
);
const numberCell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -400, max: 800 }) },
  { weight: 2, arbitrary: fc.double({ min: -2, max: 3, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>("", " ", null, "12", " 1,200 ", "95%", "-3", "twelve", "12 days", true, Number.NaN, Infinity, -0.5, na, ref) },
);
const column = (cell: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[][]> => fc.array(cell.map((v) => [v]), { minLength: 1, maxLength: 40 });
// An as-of argument: one date for every row (as the tracker gives it), a column, or left out (today).
const asOfArgument = fc.oneof(dateCell.map((v) => [[v]]), column(dateCell), fc.constant(null));

const shown = (grid: unknown[][]): unknown[][] => grid.map((row) => row.map((v) => (isExcelError(v) ? `${v.code} ${v.message ?? ""}` : v)));

// ---- The same functions over the Result readers -------------------------------------------------

function daysToExpiryByResults(end_date: unknown, as_of: unknown): CellOutput[][] {
  const now = today();
  return spill([end_date, as_of], ([end, asOfValue]) => {
    const endDate = endIn(end);
    if (!endDate.ok || endDate.value === null) return toCell(endDate);
    const asOf = asOfIn(asOfValue, now);
    return asOf.ok ? endDate.value - asOf.value : toCell(asOf);
  });
}

function slippageByResults(b: unknown, f: unknown, a: unknown, as_of: unknown): CellOutput[][] {
  const now = today();
  return spill([b, f, a, as_of], ([bv, fv, av, asOfValue]) => {
    const baseline = dateIn(bv, "baseline date");
    if (!baseline.ok || baseline.value === null) return toCell(baseline);
    const forecast = dateIn(fv, "forecast date");
    if (!forecast.ok) return toCell(forecast);
    const actual = dateIn(av, "actual date");
    if (!actual.ok) return toCell(actual);
    const asOf = asOfIn(asOfValue, now);
    if (!asOf.ok) return toCell(asOf);
    return toCell(ok(slippageDays({ baseline: baseline.value, forecast: forecast.value, actual: actual.value }, asOf.value)));
  });
}

function phaseByResults(st: unknown, g: unknown, e: unknown, as_of: unknown, window: unknown): CellOutput[][] {
  const now = today();
  return spill([st, g, e, as_of, window], ([sv, gv, ev, asOfValue, w]) => {
    const start = dateIn(sv, "start date");
    if (!start.ok) return toCell(start);
    const goLive = dateIn(gv, "go-live date");
    if (!goLive.ok) return toCell(goLive);
    const end = endIn(ev);
    if (!end.ok) return toCell(end);
    const asOf = asOfIn(asOfValue, now);
    if (!asOf.ok) return toCell(asOf);
    const days = readDaysCell(w, "exit window");
    if (!days.ok) return toCell(days);
    if (days.value !== null && days.value < 0) return valueError(`The exit window ${days.value} must be zero or more days`);
    return toCell(contractPhase({ start: start.value, goLive: goLive.value, end: end.value }, asOf.value, days.value ?? DEFAULT_SETTINGS.exitWindowDays));
  });
}

function ragInputsByResults(values: readonly unknown[]): Result<RagInputs> {
  const [d, sl, k, v] = values;
  const days = readDaysCell(d, "days to expiry");
  if (!days.ok) return days;
  const slip = readDaysCell(sl, "slippage");
  if (!slip.ok) return slip;
  const kpi = readNumberCell(k, "KPI attainment");
  if (!kpi.ok) return kpi;
  if (kpi.value !== null && kpi.value < 0) return fail(`The KPI attainment ${kpi.value} cannot be negative (1 = 100% of target)`);
  const spend = readNumberCell(v, "spend variance");
  if (!spend.ok) return spend;
  return ok({ daysToExpiry: days.value, slippageDays: slip.value, kpiAttainment: kpi.value, spendVariance: spend.value });
}

function endGapByResults(value: unknown): string | null {
  const end = dateIn(value, "end date");
  if (end.ok) return endDateGap(end.value);
  return endDateGap(typeof value === "string" ? value : String(value));
}

function ragByResults(args: readonly unknown[], end_date: unknown, reason: boolean): CellOutput[][] {
  const settings = { ...DEFAULT_SETTINGS };
  const endGiven = end_date !== null;
  return spill(
    endGiven ? [...args, end_date] : args,
    (values) => {
      let row = values;
      let unknownEnd: string | undefined;
      if (endGiven) {
        const gap = endGapByResults(values[4]);
        if (gap !== null) {
          unknownEnd = gap;
          row = [null, values[1], values[2], values[3]];
        } else if (isExcelError(values[0])) return shownError(values[0]);
        else unknownEnd = "Days to expiry not given";
      }
      const inputs = ragInputsByResults(row);
      if (!inputs.ok) return valueError(inputs.error);
      if (reason) return unknownEnd === undefined ? componentReason(inputs.value, settings) : contractRagReason(inputs.value, settings, unknownEnd);
      return unknownEnd === undefined ? (ragStatus(inputs.value, settings) ?? "") : (contractRag(inputs.value, settings) ?? UNRATED);
    },
    endGiven ? [0] : [],
  );
}

// ---- The comparisons -----------------------------------------------------------------------------

describe.each(["dmy", "mdy"] as const)("the column readers give what the Result readers give, cell for cell (%s workbook)", (dateOrder) => {
  beforeAll(() => setWorkbookSettings({ ...DEFAULT_SETTINGS, dateOrder }));
  afterAll(() => setWorkbookSettings(DEFAULT_SETTINGS));
  const runs = { numRuns: 400 };

  test("DAYSTOEXPIRY", () => {
    fc.assert(
      fc.property(column(dateCell), asOfArgument, (ends, asOf) => {
        expect(shown(daysToExpiry(ends, asOf ?? undefined))).toEqual(shown(daysToExpiryByResults(ends, asOf)));
      }),
      runs,
    );
  });

  test("SLIPPAGE", () => {
    fc.assert(
      fc.property(column(dateCell), column(dateCell), fc.option(column(dateCell), { nil: null }), asOfArgument, (b, f, a, asOf) => {
        expect(shown(slippage(b, f, a ?? undefined, asOf ?? undefined))).toEqual(shown(slippageByResults(b, f, a, asOf)));
      }),
      runs,
    );
  });

  test("PHASE", () => {
    const window = fc.option(fc.oneof(numberCell.map((v) => [[v]]), column(numberCell)), { nil: null });
    fc.assert(
      fc.property(column(dateCell), column(dateCell), column(dateCell), asOfArgument, window, (st, g, e, asOf, w) => {
        expect(shown(phase(st, g, e, asOf ?? undefined, w ?? undefined))).toEqual(shown(phaseByResults(st, g, e, asOf, w)));
      }),
      runs,
    );
  });

  test("RAG and RAGREASON, with the end date and without", () => {
    fc.assert(
      fc.property(column(numberCell), column(numberCell), column(numberCell), column(numberCell), fc.option(column(dateCell), { nil: null }), (d, sl, k, v, end) => {
        const args = [d, sl, k, v];
        expect(shown(rag(d, sl, k, v, undefined, end ?? undefined))).toEqual(shown(ragByResults(args, end, false)));
        expect(shown(ragReason(d, sl, k, v, undefined, end ?? undefined))).toEqual(shown(ragByResults(args, end, true)));
      }),
      runs,
    );
  });
});

test("a whole column of text dates, every day of 2024–2026, reads as its serials", () => {
  const serials: number[] = [];
  for (let serial = s(2024, 1, 1); serial <= s(2026, 12, 31); serial++) serials.push(serial);
  const asOf = [[s(2025, 3, 31)]];
  const byText = daysToExpiry(serials.map((serial) => [formatSerial(serial)]), asOf);
  const byIso = daysToExpiry(serials.map((serial) => [formatSerial(serial, "iso")]), asOf);
  const expected = serials.map((serial) => [serial - s(2025, 3, 31)]);
  expect(byText).toEqual(expected);
  expect(byIso).toEqual(expected);
});
