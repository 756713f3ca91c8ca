import { dateToSerial } from "../../src/core/dates";
import { readPaneData } from "../../src/features/paneData";
import { readSettingsForm, saveSettings } from "../../src/features/settingsEditor";
import { setUpTracker } from "../../src/features/setUpTracker";
import { setWorkbookSettings, workbookSettings } from "../../src/features/workbookSettings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, REGISTER } from "./paneTracker";

async function tracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await setUpTracker(book, { asOf: AS_OF });
  return book;
}

/** The Settings table's Value cell of a setting: its value and formula. */
function valueCell(book: MemoryWorkbook, name: string): { value: unknown; formula?: string } | undefined {
  const line = book.sheets.get("Settings")?.find((cells) => cells[0]?.value === name);
  return line?.[1] && { value: line[1].value, ...(line[1].formula ? { formula: line[1].formula } : {}) };
}

afterEach(() => setWorkbookSettings(DEFAULT_SETTINGS));

describe("the Settings view", () => {
  test("lists every setting in order with its value as shown for editing, its meaning and its row", async () => {
    const { tables } = await readPaneData(await tracker());
    const form = readSettingsForm(tables);
    expect(form.map((f) => [f.name, f.value, f.kind, f.row])).toEqual([
      ["expiry_red_days", "90", "number", 0],
      ["expiry_amber_days", "180", "number", 1],
      ["slippage_red_days", "30", "number", 2],
      ["slippage_amber_days", "0", "number", 3],
      ["kpi_red_below", "95", "number", 4],
      ["kpi_amber_below", "100", "number", 5],
      ["spend_red_above", "5", "number", 6],
      ["spend_amber_above", "0", "number", 7],
      ["exit_window_days", "180", "number", 8],
      ["escalation_persist_days", "30", "number", 9],
      ["stale_after_days", "365", "number", 10],
      ["date_order", "dmy", "dateOrder", 11],
      ["as_of", "25/11/2026", "date", 12],
      ["ladder_level_1", "Contract manager", "text", 13],
      ["ladder_level_2", "Commercial lead / head of service", "text", 14],
      ["ladder_level_3", "Senior responsible owner / board", "text", 15],
      ["lead_time_gold_days", "540", "number", 16],
      ["lead_time_silver_days", "270", "number", 17],
      ["lead_time_bronze_days", "120", "number", 18],
      ["lead_time_default_days", "180", "number", 19],
      ["procurement_act_duties", "on", "onOff", 20],
      ["change_value_goods_services_above", "10", "number", 21],
      ["change_value_works_above", "15", "number", 22],
      ["change_term_above", "10", "number", 23],
      ["kpi_duty_value_above", "5000000", "number", 24],
      ["kpi_duty_minimum", "3", "number", 25],
      ["performance_assessment_months", "12", "number", 26],
      ["termination_notice_days", "30", "number", 27],
      ["rating_inadequate_below", "80", "number", 28],
      ["duty_warning_days", "30", "number", 29],
      ["act_commencement_date", "24/02/2025", "fixedDate", 30],
    ]);
    // In a contract manager's words: days and percentages, labels and meanings, no table names or function names.
    expect(form[0]).toMatchObject({ label: "Expiry: red at or below", unit: "days", meaning: "A contract is Red when this many days or fewer are left before its end date, or it has ended" });
    expect(form[4]).toMatchObject({ label: "KPI attainment: red below", unit: "percent" });
    expect(form[8].meaning).not.toMatch(/PHASE|[a-z]_[a-z]/);
    for (const f of form) expect(`${f.label} ${f.meaning}`).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[A-Z]{4,}'s\b/);
    expect(readSettingsForm(undefined).map((f) => [f.name, f.value, f.row]).slice(11, 14)).toEqual([["date_order", "dmy", null], ["as_of", "", null], ["ladder_level_1", "Contract manager", null]]);
  });

  test("writes only the changed values into the Value cells, numbers as numbers and text as text; as_of keeps its formula", async () => {
    const book = await tracker();
    const form = readSettingsForm((await readPaneData(book)).tables);
    const values = Object.fromEntries(form.map((f) => [f.name, f.value]));
    const saved = await saveSettings(book, { ...values, expiry_red_days: "60", kpi_red_below: "90%", ladder_level_2: "=Head of commercial", exit_window_days: " 180 " });
    // Percentages are entered as the form shows them (95, or 95%) and held as the fraction the functions read.
    expect(saved).toEqual({ ok: true, changed: ["expiry_red_days", "kpi_red_below", "ladder_level_2"], settings: { ...DEFAULT_SETTINGS, expiryRedDays: 60, kpiRedBelow: 0.9 } });
    expect(valueCell(book, "expiry_red_days")).toEqual({ value: 60 });
    expect(valueCell(book, "kpi_red_below")).toEqual({ value: 0.9 });
    expect(valueCell(book, "ladder_level_2")).toEqual({ value: "=Head of commercial" });
    expect(valueCell(book, "exit_window_days")).toEqual({ value: 180 });
    expect(valueCell(book, "as_of")).toEqual({ value: AS_OF, formula: "=TODAY()" });
    // the tracker reads them back, and cell functions follow at once
    const { data } = await readPaneData(book);
    expect([data.settings.expiryRedDays, data.ladder[2]]).toEqual([60, "=Head of commercial"]);
    expect(workbookSettings().expiryRedDays).toBe(60);
    // saving the same again changes nothing
    expect(await saveSettings(book, { expiry_red_days: "60", kpi_red_below: "90" })).toMatchObject({ ok: true, changed: [] });
    expect(readSettingsForm((await readPaneData(book)).tables).find((f) => f.name === "kpi_red_below")?.value).toBe("90");
    expect(await saveSettings(book, { spend_red_above: "7.5%" })).toMatchObject({ ok: true, settings: { spendRedAbove: 0.075 } });
  });

  test("refuses what the tracker could not read, with a plain sentence by setting, and writes nothing", async () => {
    const book = await tracker();
    const before = JSON.stringify(book.snapshot("Settings"));
    expect(await saveSettings(book, { expiry_red_days: "abc", slippage_red_days: "-1", exit_window_days: "12.5", kpi_red_below: "0.9.5", date_order: "ymd", escalation_persist_days: "", as_of: "soon", ladder_level_1: "Anyone", nonsense: "1" })).toEqual({
      ok: false,
      errors: {
        nonsense: 'There is no setting "nonsense"',
        expiry_red_days: "Expiry: red at or below must be a whole number of days, such as 90",
        slippage_red_days: "Slippage: red above must be a whole number of days, such as 90",
        kpi_red_below: "KPI attainment: red below must be a percentage, such as 95%",
        exit_window_days: "Exit phase starts (days before the end date) must be a whole number of days, such as 90",
        escalation_persist_days: "Steps up the ladder after (days) must be a whole number of days, such as 90",
        date_order: "Date order must be day first (dmy) or month first (mdy)",
        as_of: "As of: enter a date such as 31/03/2026, or leave it blank for today",
      },
    });
    expect(JSON.stringify(book.snapshot("Settings"))).toBe(before);
  });

  test("amber must stay at least as wide as red: the setting changed carries the message", async () => {
    const book = await tracker();
    const why = "a contract turns amber before it turns red";
    expect(await saveSettings(book, { expiry_red_days: "200" })).toEqual({ ok: false, errors: { expiry_red_days: `Expiry: red at or below must be at most amber at or below (180 days): ${why}` } });
    expect(await saveSettings(book, { expiry_amber_days: "60" })).toEqual({ ok: false, errors: { expiry_amber_days: `Expiry: amber at or below must be at least red at or below (90 days): ${why}` } });
    // Both changed: said under the amber one. Percentages are said as percentages.
    expect(await saveSettings(book, { expiry_red_days: "100", expiry_amber_days: "95" })).toEqual({ ok: false, errors: { expiry_amber_days: `Expiry: amber at or below must be at least red at or below (100 days): ${why}` } });
    expect(await saveSettings(book, { kpi_red_below: "101" })).toEqual({ ok: false, errors: { kpi_red_below: `KPI attainment: red below must be at most amber below (100%): ${why}` } });
    expect(await saveSettings(book, { spend_red_above: "1%", spend_amber_above: "2" })).toEqual({ ok: false, errors: { spend_amber_above: `Spend over budget: amber above must be at most red above (1%): ${why}` } });
    expect(await saveSettings(book, { expiry_red_days: "200", expiry_amber_days: "365" })).toMatchObject({ ok: true, changed: ["expiry_red_days", "expiry_amber_days"] });
  });

  test("as_of becomes a fixed date only when the user gives one, read in the workbook's date order; cleared, it is today again", async () => {
    const book = await tracker();
    expect(await saveSettings(book, { as_of: "25/11/2026" })).toMatchObject({ ok: true, changed: [] });
    expect(valueCell(book, "as_of")).toEqual({ value: AS_OF, formula: "=TODAY()" });
    await saveSettings(book, { date_order: "MDY", as_of: "12/01/2026" });
    expect(valueCell(book, "date_order")).toEqual({ value: "mdy" });
    expect(valueCell(book, "as_of")).toEqual({ value: dateToSerial(2026, 12, 1) });
    expect(readSettingsForm(book.snapshot("Settings")).find((f) => f.name === "as_of")?.value).toBe("12/01/2026");
    expect((await readPaneData(book)).data.asOf).toBe(dateToSerial(2026, 12, 1));
    await saveSettings(book, { as_of: "" });
    expect(valueCell(book, "as_of")).toEqual({ value: null, formula: "=TODAY()" });
  });

  test("the Procurement Act's commencement date is a date the user can move: written as =DATE, read back by the duties, never blank or unreadable", async () => {
    const book = await tracker();
    // Set up as a real date in every locale's eyes: 24 Feb 2025, the Act's commencement.
    expect(valueCell(book, "act_commencement_date")).toEqual({ value: dateToSerial(2025, 2, 24), formula: "=DATE(2025,2,24)" });
    const field = readSettingsForm(book.snapshot("Settings")).find((f) => f.name === "act_commencement_date");
    expect(field).toMatchObject({ label: "Act duties for contracts starting from", kind: "fixedDate", value: "24/02/2025" });
    expect(field?.meaning).toMatch(/^A contract that started before this date was procured under the older rules/);
    // Under other rules (or in a test) a user moves it: read in the workbook's date order.
    expect(await saveSettings(book, { act_commencement_date: "28/10/2024" })).toMatchObject({ ok: true, changed: ["act_commencement_date"], settings: { actCommencementDate: dateToSerial(2024, 10, 28) } });
    expect(valueCell(book, "act_commencement_date")).toEqual({ value: dateToSerial(2024, 10, 28), formula: "=DATE(2024,10,28)" });
    expect((await readPaneData(book)).data.settings.actCommencementDate).toBe(dateToSerial(2024, 10, 28));
    // Blank or not a date: one line under the field, nothing written.
    const before = JSON.stringify(book.snapshot("Settings"));
    for (const typed of ["", "soon", "31/02/2025"]) {
      expect(await saveSettings(book, { act_commencement_date: typed })).toEqual({ ok: false, errors: { act_commencement_date: "Act duties for contracts starting from: enter a date such as 31/03/2026" } });
    }
    expect(JSON.stringify(book.snapshot("Settings"))).toBe(before);
    // Typed into the table itself, not a date: the pane, the ribbon and the command line say which setting to fix.
    const row = book.snapshot("Settings").rows.findIndex((r) => r[0] === "act_commencement_date");
    await book.updateTableCells("Settings", [{ row, column: "Value", value: "soon" }]);
    await expect(readPaneData(book)).rejects.toThrow('The Settings table needs fixing: act_commencement_date must be a date such as 2025-02-24, not "soon"');
  });

  test("a tracker set up before the commencement date was a setting shows the default, and saving adds its row as a date", async () => {
    const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
    await book.addTableSheet("Settings", "Settings", ["Name", "Value"], [["expiry_red_days", 90]]);
    await setUpTracker(book, { asOf: AS_OF });
    expect(readSettingsForm(book.snapshot("Settings")).find((f) => f.name === "act_commencement_date")).toMatchObject({ value: "24/02/2025", row: null });
    expect(await saveSettings(book, { act_commencement_date: "2024-10-28" })).toMatchObject({ ok: true, changed: ["act_commencement_date"] });
    expect(valueCell(book, "act_commencement_date")).toEqual({ value: dateToSerial(2024, 10, 28), formula: "=DATE(2024,10,28)" });
  });

  test("a setting the table lacks is added as a row; a missing Settings table is a plain message", async () => {
    const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
    await book.addTableSheet("Settings", "Settings", ["Name", "Value"], [["expiry_red_days", 90]]);
    await setUpTracker(book, { asOf: AS_OF });
    const form = readSettingsForm(book.snapshot("Settings"));
    expect(form.find((f) => f.name === "ladder_level_3")).toMatchObject({ value: "Senior responsible owner / board", row: null });
    expect(await saveSettings(book, { ladder_level_3: "Cabinet", expiry_red_days: "45" })).toMatchObject({ ok: true, changed: ["expiry_red_days", "ladder_level_3"] });
    expect(book.snapshot("Settings").rows).toEqual([["expiry_red_days", 45], ["ladder_level_3", "Cabinet"]]);
    await expect(saveSettings(MemoryWorkbook.fromSheets({ Sheet1: [] }), {})).rejects.toThrow("There is no Settings table yet: set the tracker up first (Contracts tab › Set up tracker)");
  });
});
