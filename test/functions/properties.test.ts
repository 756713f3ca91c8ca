import fc from "fast-check";
import { endDateGap } from "../../src/core/endDates";
import * as functions from "../../src/functions/functions";

// Properties over arbitrary Excel-like input: no function throws, every result has the broadcast
// shape of its inputs, and every cell is a number, text or an Excel error with a message.
type CellFunction = (...args: unknown[]) => unknown[][];
const fn = (name: keyof typeof functions): CellFunction => functions[name] as unknown as CellFunction;

const excelError = fc.constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!").map((code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode));
const dateText = fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1890, max: 2110 })).map(([d, m, y]) => `${d}/${m}/${y}`);
const cell = fc.oneof(
  fc.integer({ min: -1000, max: 3_000_000 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: 36000, max: 60000 }),
  fc.string(),
  dateText,
  fc.constantFrom("", " ", "Red", "amber", "Green", "Gold", "3 months", "1+1", "2 x 12 months", "none", "2025-03-31", "31 March 2025", "TBC", "=1+1", "95%"),
  fc.boolean(),
  excelError,
);
const shape = fc.record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 4 }) });
const grid = (s: { rows: number; cols: number }): fc.Arbitrary<unknown[][]> => fc.array(fc.array(cell, { minLength: s.cols, maxLength: s.cols }), { minLength: s.rows, maxLength: s.rows });
// An argument as Excel passes it: a range (a 1×1 for a single cell) or null when left out.
const argument = (optional: boolean): fc.Arbitrary<unknown[][] | null> => {
  const range = shape.chain(grid);
  return optional ? fc.option(range, { nil: null, freq: 4 }) : range;
};
const thresholds = fc.option(
  fc.array(fc.tuple(fc.constantFrom("expiry_red_days", "kpi_red_below", "date_order", "bogus", "", "Name"), fc.oneof(fc.integer({ min: -5, max: 400 }), fc.string(), fc.constantFrom("dmy", "mdy"))), { maxLength: 4 }).map((rows) => rows.map(([n, v]) => [n, v])),
  { nil: null },
);

const broadcast = (args: readonly (unknown[][] | null)[]): { rows: number; cols: number } => ({
  rows: Math.max(1, ...args.map((a) => (a ? a.length : 1))),
  cols: Math.max(1, ...args.map((a) => (a ? a[0].length : 1))),
});

// Errors that were in the input pass through as they are; errors we raise must say why.
function checkCells(result: unknown[][], inputs: readonly unknown[]): void {
  const passedThrough = new Set(inputs.flatMap((a) => (Array.isArray(a) ? a.flat(2) : [])).filter((v) => v instanceof CustomFunctions.Error));
  for (const row of result) {
    for (const value of row) {
      if (value instanceof CustomFunctions.Error) {
        if (!passedThrough.has(value)) expect(["#VALUE!", "#N/A"]).toContain(value.code);
        if (value.code === "#VALUE!" && !passedThrough.has(value)) {
          expect(value.message ?? "").not.toBe("");
          expect(value.message ?? "").not.toMatch(/^Could not work this out/);
        }
        continue;
      }
      expect(["number", "string"]).toContain(typeof value);
      if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
    }
  }
}

// name, then which arguments are optional, then whether thresholds (not broadcast) come next, then
// whether an optional end date (broadcast) follows the thresholds.
const SIGNATURES: [keyof typeof functions, boolean[], boolean, boolean][] = [
  ["daysToExpiry", [false, true], false, false],
  ["noticeDate", [false, false], false, false],
  ["daysToNotice", [false, false, true], false, false],
  ["finalExpiry", [false, false], false, false],
  ["slippage", [false, false, true, true], false, false],
  ["slippagePct", [false, false, false], false, false],
  ["phase", [false, false, false, true, true], false, false],
  ["rag", [false, true, true, true], true, true],
  ["ragReason", [false, true, true, true], true, true],
  ["escalationLevel", [false, true, true], true, false],
];

beforeAll(() => jest.useFakeTimers({ now: new Date(2025, 2, 31) }));
afterAll(() => jest.useRealTimers());

describe.each(SIGNATURES)("%s", (name, optional, takesThresholds, takesEndDate) => {
  test("never throws; the result has the broadcast shape; every cell is a value or an error with a message", () => {
    fc.assert(
      fc.property(fc.tuple(...optional.map(argument)), thresholds, argument(true), (args, limits, end) => {
        const call = takesThresholds ? (takesEndDate ? [...args, limits, end] : [...args, limits]) : args;
        let result: unknown[][] = [];
        expect(() => {
          result = fn(name)(...call);
        }).not.toThrow();
        const expected = broadcast(takesEndDate ? [...args, end] : args);
        expect({ rows: result.length, cols: result[0].length }).toEqual(expected);
        expect(result.every((row) => row.length === expected.cols)).toBe(true);
        checkCells(result, call);
      }),
      { numRuns: 400 },
    );
  });
});

test("WORSTRAG gives one cell whatever it is given, its ranges arriving as Excel passes a repeating parameter: one array of them", () => {
  expect(fn("worstRag")([])).toEqual([[""]]);
  expect(fn("worstRag")(undefined)).toEqual([[""]]);
  fc.assert(
    fc.property(fc.array(shape.chain(grid), { minLength: 1, maxLength: 4 }), (ranges) => {
      const result = fn("worstRag")(ranges);
      expect({ rows: result.length, cols: result[0].length }).toEqual({ rows: 1, cols: 1 });
      checkCells(result, ranges);
    }),
    { numRuns: 400 },
  );
});

const serial = fc.integer({ min: 1, max: 2_958_465 });
// A real end date; the rest (31/12/2099 and later, 1900, 01/01/2000 …) stand in for none.
const realEnd = serial.filter((s) => endDateGap(s) === null);
const standIn = fc.oneof(fc.integer({ min: 1, max: 366 }), fc.integer({ min: 73050, max: 2_958_465 }), fc.constantFrom(1462, 1463, 25569, 36526));

test("DAYSTOEXPIRY(end, as_of) = −DAYSTOEXPIRY(as_of, end)", () => {
  fc.assert(fc.property(realEnd, realEnd, (a, b) => {
    const forward = fn("daysToExpiry")([[a]], [[b]])[0][0] as number;
    const backward = fn("daysToExpiry")([[b]], [[a]])[0][0] as number;
    expect(forward + backward).toBe(0);
  }));
});

test("NOTICEDATE with n days is the end date less n", () => {
  fc.assert(fc.property(fc.integer({ min: 40000, max: 2_958_465 }).filter((s) => endDateGap(s) === null), fc.integer({ min: 0, max: 3650 }), (end, days) => {
    expect(fn("noticeDate")([[end]], [[days]])).toEqual([[end - days]]);
  }));
});

test("an end date that stands in for none gives no expiry, notice or final expiry, and PHASE judges as with a blank end date", () => {
  fc.assert(
    fc.property(standIn, realEnd, fc.integer({ min: 0, max: 400 }), realEnd, (end, asOf, days, start) => {
      expect(endDateGap(end)).not.toBeNull();
      expect(fn("daysToExpiry")([[end]], [[asOf]])).toEqual([[""]]);
      expect(fn("noticeDate")([[end]], [[days]])).toEqual([[""]]);
      expect(fn("daysToNotice")([[end]], [[days]], [[asOf]])).toEqual([[""]]);
      expect(fn("finalExpiry")([[end]], [["1+1"]])).toEqual([[""]]);
      expect(fn("phase")([[start]], [[""]], [[end]], [[asOf]])).toEqual(fn("phase")([[start]], [[""]], [[""]], [[asOf]]));
    }),
  );
});

test("RAG given the end date: an expiry not known is never Green, and a known one is never Unrated", () => {
  const part = fc.option(fc.double({ min: -400, max: 400, noNaN: true }), { nil: null });
  const cellOf = (n: number | null): number | string => (n === null ? "" : n);
  fc.assert(
    fc.property(part, part, part, fc.oneof(standIn, fc.constant("")), (s, k, v, end) => {
      const kpi = cellOf(k === null ? null : Math.abs(k) / 100);
      expect(fn("rag")([[""]], [[cellOf(s)]], [[kpi]], [[cellOf(v)]], null, [[end]])[0][0]).not.toBe("Green");
      // Without it, the components alone (a milestone row): never Unrated.
      expect(fn("rag")([[""]], [[cellOf(s)]], [[kpi]], [[cellOf(v)]])[0][0]).not.toBe("Unrated");
      expect(fn("rag")([[400]], [[cellOf(s)]], [[kpi]], [[cellOf(v)]], null, [[end]])[0][0]).not.toBe("Green");
    }),
  );
  fc.assert(
    fc.property(fc.integer({ min: -5000, max: 5000 }), part, (days, s) => {
      expect(fn("rag")([[days]], [[cellOf(s)]])[0][0]).not.toBe("Unrated");
    }),
  );
});

test("RAG is never better than any single component on its own", () => {
  // Unrated ranks with Green: neither is a finding that needs acting on.
  const rank: Record<string, number> = { Red: 0, Amber: 1, Green: 2, Unrated: 2 };
  const part = fc.option(fc.double({ min: -400, max: 400, noNaN: true }), { nil: null });
  const cellOf = (n: number | null, scale = 1): number | string => (n === null ? "" : n / scale);
  fc.assert(fc.property(part, part, part, part, (d, s, k, v) => {
    const kpi = cellOf(k === null ? null : Math.abs(k), 100);
    const all = fn("rag")([[cellOf(d)]], [[cellOf(s)]], [[kpi]], [[cellOf(v, 1000)]])[0][0] as string;
    const alone = [
      fn("rag")([[cellOf(d)]])[0][0],
      fn("rag")([[""]], [[cellOf(s)]])[0][0],
      fn("rag")([[""]], null, [[kpi]])[0][0],
      fn("rag")([[""]], null, null, [[cellOf(v, 1000)]])[0][0],
    ].filter((x): x is string => x !== "");
    for (const status of alone) expect(rank[all]).toBeLessThanOrEqual(rank[status]);
  }));
});
