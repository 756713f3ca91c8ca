import { DEFAULT_SETTINGS, SETTING_DEFINITIONS, readSettings } from "../../src/core/settings";

describe("readSettings", () => {
  test("no range gives PRODUCT.md's defaults", () => {
    expect(readSettings(null)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toMatchObject({ expiryRedDays: 90, expiryAmberDays: 180, slippageRedDays: 30, slippageAmberDays: 0, kpiRedBelow: 0.95, kpiAmberBelow: 1, spendRedAbove: 0.05, spendAmberAbove: 0, exitWindowDays: 180, escalationPersistDays: 30, dateOrder: "dmy" });
  });

  test("a Settings table with its header row, blanks and the non-threshold names", () => {
    const result = readSettings([
      ["Name", "Value"],
      ["expiry_red_days", 60],
      ["", ""],
      ["Expiry amber days", "120"],
      ["KPI-RED-BELOW", "90%"],
      ["date_order", "MDY"],
      ["as_of", 45747],
      ["ladder_level_3", "Board"],
      ["slippage_red_days", ""],
    ]);
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, expiryRedDays: 60, expiryAmberDays: 120, kpiRedBelow: 0.9, dateOrder: "mdy" } });
  });

  test("act_commencement_date: a date cell or a date as text, read in the range's date order wherever date_order is; blank keeps 24 Feb 2025", () => {
    const commencement = (rows: unknown[][]): number | string => {
      const result = readSettings(rows);
      return result.ok ? result.value.actCommencementDate : result.error;
    };
    expect(DEFAULT_SETTINGS.actCommencementDate).toBe(45712);
    expect(commencement([["act_commencement_date", 45593]])).toBe(45593);
    expect(commencement([["act_commencement_date", "2024-10-28"]])).toBe(45593);
    expect(commencement([["act_commencement_date", "28 October 2024"]])).toBe(45593);
    expect(commencement([["act_commencement_date", "01/04/2025"]])).toBe(45748);
    // Month first: the date order set anywhere in the range reads it, even after it.
    expect(commencement([["act_commencement_date", "04/01/2025"], ["date_order", "mdy"]])).toBe(45748);
    expect(commencement([["act_commencement_date", ""]])).toBe(45712);
    expect(commencement([["act_commencement_date", "soon"]])).toBe('act_commencement_date must be a date such as 2025-02-24, not "soon"');
    expect(commencement([["act_commencement_date", "31/02/2025"]])).toBe('act_commencement_date must be a date such as 2025-02-24, not "31/02/2025"');
    expect(commencement([["act_commencement_date", 0]])).toBe('act_commencement_date must be a date such as 2025-02-24, not "0"');
    expect(commencement([["act_commencement_date", true]])).toBe('act_commencement_date must be a date such as 2025-02-24, not "true"');
  });

  test("an unknown name lists the valid ones", () => {
    const result = readSettings([["expiry_redd_days", 60]]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('Unknown setting "expiry_redd_days"');
      for (const d of SETTING_DEFINITIONS) expect(result.error).toContain(d.name);
    }
  });

  test.each([
    [[["expiry_red_days", "soon"]], "expiry_red_days must be a number"],
    [[["expiry_red_days", -5]], "expiry_red_days must be a number of zero or more"],
    [[["date_order", "ymd"]], "date_order must be dmy or mdy"],
    [[["expiry_red_days", 200]], "expiry_amber_days must be at least expiry_red_days"],
    [[["slippage_amber_days", 40]], "slippage_red_days must be at least slippage_amber_days"],
    [[["kpi_red_below", 1.2]], "kpi_amber_below must be at least kpi_red_below"],
    [[["spend_amber_above", 0.1]], "spend_red_above must be at least spend_amber_above"],
    [[["expiry_red_days"]], "two-column range"],
    [[["expiry_red_days", 60, "x"]], "two-column range"],
  ])("%j is refused: %s", (rows, message) => {
    const result = readSettings(rows);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
