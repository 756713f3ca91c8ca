import { contractStatus } from "../../../src/core/contractStatus";
import { dateToSerial } from "../../../src/core/dates";
import { decideBy, decideByStatus, leadTimeDays } from "../../../src/core/rules/decideBy";
import { contractRag, ragReason } from "../../../src/core/rules/rag";
import { DEFAULT_SETTINGS, readSettings } from "../../../src/core/settings";

const day = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;
const NO_RELATED = { slippage: null, kpiAttainment: null };

describe("leadTimeDays: the tier's re-procurement lead time from Settings", () => {
  test.each([
    ["Gold", 540],
    ["Silver", 270],
    ["Bronze", 120],
    [null, 180],
  ] as const)("%s → %i days", (tier, days) => {
    expect(leadTimeDays(tier, DEFAULT_SETTINGS)).toBe(days);
  });

  test("a workbook's Settings table sets its own", () => {
    const settings = readSettings([["Lead time gold days", 730], ["lead_time_default_days", "90"]]);
    expect(settings.ok && [leadTimeDays("Gold", settings.value), leadTimeDays(null, settings.value)]).toEqual([730, 90]);
    expect(readSettings([["lead_time_silver_days", "nine months"]])).toEqual({ ok: false, error: 'lead_time_silver_days must be a number of zero or more, not "nine months"' });
  });
});

describe("decideBy: the end date, or the earlier notice date, less the lead time", () => {
  test("from the end date when there is no notice period", () => {
    expect(decideBy(day(2028, 8, 1), null, 540)).toEqual({ ok: true, value: day(2027, 2, 8) });
  });

  test("from the notice date, which is earlier", () => {
    expect(decideBy(day(2028, 8, 1), day(2028, 5, 1), 270)).toEqual({ ok: true, value: day(2027, 8, 5) });
  });

  test("a lead time of 0 is the notice date itself", () => {
    expect(decideBy(day(2028, 8, 1), day(2028, 5, 1), 0)).toEqual({ ok: true, value: day(2028, 5, 1) });
  });

  test("before 1900: a one-line reason, not a wrong date", () => {
    expect(decideBy(day(1901, 3, 1), null, 540)).toEqual({ ok: false, error: "A lead time of 540 days before 01/03/1901 falls before 1900" });
  });
});

describe("decideByStatus: passed is Amber, Red from the notice date on", () => {
  test.each([
    [5, 60, 200, null],
    [0, 60, 200, null],
    [-1, 60, 200, "Amber"],
    [-21, null, 200, "Amber"],
    [-21, 1, 200, "Amber"],
    [-21, 0, 200, "Red"],
    [-21, -5, 30, "Red"],
    // Ended: its expiry speaks for it.
    [-400, -500, -3, null],
    [null, 0, 200, null],
  ] as const)("days to decide %p, to notice %p, to expiry %p → %p", (decide, notice, expiry, status) => {
    expect(decideByStatus(decide, notice, expiry)).toBe(status);
  });
});

describe("RAG weighs a passed decide-by date", () => {
  const inputs = { daysToExpiry: 400, slippageDays: null, kpiAttainment: null, spendVariance: null };
  test("a contract Green on expiry turns Amber once its decide-by date passes, Red from its notice date", () => {
    expect(contractRag({ ...inputs, daysToDecide: 3, daysToNotice: 100 }, DEFAULT_SETTINGS)).toBe("Green");
    expect(contractRag({ ...inputs, daysToDecide: -3, daysToNotice: 100 }, DEFAULT_SETTINGS)).toBe("Amber");
    expect(contractRag({ ...inputs, daysToDecide: -3, daysToNotice: 0 }, DEFAULT_SETTINGS)).toBe("Red");
    expect(ragReason({ ...inputs, daysToDecide: -3, daysToNotice: 100 }, DEFAULT_SETTINGS)).toBe("Decide-by date passed 3 days ago (amber once passed)");
  });
  test("left out, RAG is as it was (a milestone's RAG)", () => {
    expect(contractRag(inputs, DEFAULT_SETTINGS)).toBe("Green");
  });
});

describe("contractStatus: the Decide by and Days to decide columns", () => {
  const asOf = day(2026, 11, 25);
  test("by tier, from the notice date", () => {
    const s = contractStatus({ endDate: day(2028, 3, 31), noticePeriod: "6 months", tier: "gold" }, NO_RELATED, DEFAULT_SETTINGS, asOf);
    // Notice by 30 Sep 2027, less 540 days.
    expect([s.decideBy, s.daysToDecide]).toEqual([day(2026, 4, 8), day(2026, 4, 8) - asOf]);
    expect(s.rag).toBe("Amber");
  });
  test("no tier: the default lead time; no end date, no decide-by date", () => {
    expect(contractStatus({ endDate: day(2027, 12, 31) }, NO_RELATED, DEFAULT_SETTINGS, asOf).decideBy).toBe(day(2027, 12, 31) - 180);
    expect(contractStatus({ endDate: null, tier: "Gold" }, NO_RELATED, DEFAULT_SETTINGS, asOf).decideBy).toBeNull();
    expect(contractStatus({ endDate: day(2099, 12, 31), tier: "Gold" }, NO_RELATED, DEFAULT_SETTINGS, asOf).decideBy).toBeNull();
  });
  test("a tier or notice period CONTRACT.DECIDEBY cannot read gives no date, as its cell shows #VALUE!", () => {
    expect(contractStatus({ endDate: day(2027, 12, 31), tier: "Platinum" }, NO_RELATED, DEFAULT_SETTINGS, asOf).decideBy).toBeNull();
    expect(contractStatus({ endDate: day(2027, 12, 31), noticePeriod: "3 fortnights" }, NO_RELATED, DEFAULT_SETTINGS, asOf).decideBy).toBeNull();
  });
});
