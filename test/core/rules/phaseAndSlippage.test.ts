import { dateToSerial } from "../../../src/core/dates";
import { contractPhase } from "../../../src/core/rules/phase";
import { slippageDays, slippageFraction } from "../../../src/core/rules/slippage";

const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number);
  const serial = dateToSerial(y, m, day);
  if (serial === null) throw new Error(iso);
  return serial;
};

describe("contractPhase", () => {
  const dates = { start: d("2025-01-01"), goLive: d("2025-04-01"), end: d("2026-12-31") };
  test.each([
    ["2024-12-31", "Not started"], ["2025-01-01", "Mobilisation"], ["2025-03-31", "Mobilisation"],
    ["2025-04-01", "Delivery"], ["2026-07-03", "Delivery"], ["2026-07-04", "Exit"],
    ["2026-12-31", "Exit"], ["2027-01-01", "Expired"],
  ])("on %s it is %s", (asOf, phase) => {
    expect(contractPhase(dates, d(asOf), 180)).toEqual({ ok: true, value: phase });
  });
  test("no go-live means no mobilisation", () => {
    expect(contractPhase({ ...dates, goLive: null }, d("2025-01-02"), 180)).toEqual({ ok: true, value: "Delivery" });
  });
  test("nothing known is blank; an end before the start is refused", () => {
    expect(contractPhase({ start: null, goLive: null, end: null }, d("2025-01-02"), 180)).toEqual({ ok: true, value: null });
    const r = contractPhase({ start: d("2025-01-01"), goLive: null, end: d("2024-01-01") }, d("2025-01-02"), 180);
    expect(r.ok ? "" : r.error).toBe("The end date 1 Jan 2024 is before the start date 1 Jan 2025");
  });
});

describe("slippageDays", () => {
  const baseline = d("2025-03-01");
  test.each([
    ["actual wins over forecast", { forecast: d("2025-03-20"), actual: d("2025-03-05") }, "2025-04-30", 4],
    ["early actual is negative", { forecast: null, actual: d("2025-02-25") }, "2025-04-30", -4],
    ["forecast before the baseline passes", { forecast: d("2025-03-13"), actual: null }, "2025-02-01", 12],
    ["passed baseline: at least as_of − baseline", { forecast: d("2025-03-05"), actual: null }, "2025-03-11", 10],
    ["passed baseline: the forecast if later", { forecast: d("2025-03-31"), actual: null }, "2025-03-11", 30],
    ["blank forecast after the baseline still slips", { forecast: null, actual: null }, "2025-03-11", 10],
  ])("%s", (_name, given, asOf, expected) => {
    expect(slippageDays({ baseline, ...given }, d(asOf))).toBe(expected);
  });
  test("blank when nothing is known and the baseline is ahead (or today)", () => {
    expect(slippageDays({ baseline, forecast: null, actual: null }, d("2025-02-01"))).toBeNull();
    expect(slippageDays({ baseline, forecast: null, actual: null }, baseline)).toBeNull();
  });
  test("slippageFraction", () => {
    expect(slippageFraction(d("2025-01-01"), d("2025-04-11"), d("2025-04-21"))).toEqual({ ok: true, value: 0.1 });
    expect(slippageFraction(d("2025-01-01"), d("2025-01-01"), d("2025-04-21")).ok).toBe(false);
  });
});
