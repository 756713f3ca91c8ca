import { spendAgainstBudget } from "../../../src/core/rules/spend";

// Spend to date against the budget profiled to date (a straight line over the term).
const START = 46000;
const END = START + 1000;

describe("spendAgainstBudget", () => {
  test("a quarter of the term gone: judged against a quarter of the budget", () => {
    const quarter = spendAgainstBudget({ budget: 400_000, spendToDate: 110_000, start: START, end: END }, START + 250);
    expect(quarter).toMatchObject({ profiledBudget: 100_000, elapsed: 0.25 });
    expect(quarter?.variance).toBeCloseTo(0.1);
    expect(spendAgainstBudget({ budget: 400_000, spendToDate: 80_000, start: START, end: END }, START + 250)?.variance).toBeCloseTo(-0.2);
  });

  test("after the end, the whole budget", () => {
    expect(spendAgainstBudget({ budget: 100, spendToDate: 150, start: START, end: END }, END + 400)).toEqual({ variance: 0.5, profiledBudget: 100, elapsed: 1 });
  });

  test("says why it cannot compare, rather than compare with the whole budget", () => {
    const at = (facts: Partial<Parameters<typeof spendAgainstBudget>[0]>, asOf = START + 10) =>
      spendAgainstBudget({ budget: 100, spendToDate: 10, start: START, end: END, ...facts }, asOf);
    expect(at({ start: null })).toEqual({ variance: null, why: "no start date to profile the budget over the term" });
    expect(at({ end: null })).toEqual({ variance: null, why: "no end date to profile the budget over the term" });
    expect(at({ budget: 0 })).toEqual({ variance: null, why: "the budget is zero" });
    expect(at({ end: START })).toEqual({ variance: null, why: "the end date is not after the start date" });
    expect(at({}, START)).toEqual({ variance: null, why: "the term has not begun" });
    expect(at({ budget: null })).toBeNull();
    // Spend beyond the whole budget is over, profile or not.
    expect(at({ start: null, spendToDate: 150 })).toEqual({ variance: 0.5, profiledBudget: 100, elapsed: 1, wholeBudget: true });
    expect(at({ spendToDate: 120 }, START)).toMatchObject({ variance: expect.closeTo(0.2), wholeBudget: true });
    expect(at({ spendToDate: null })).toBeNull();
  });
});
