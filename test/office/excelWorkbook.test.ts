import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { a1 } from "../../src/office/excelEdits";
import { FakeExcel, FakeOfficeError, FakeRequestContext } from "../helpers/fakeExcel";
import { parseA1 } from "../helpers/fakeExcel/cells";
import { MARKER, REGISTER, REPORT_ROWS, REPORT_SHEET, REPORT_TABLE, describePortBehaviour, summaryReport } from "./portBehaviour";

describePortBehaviour("MemoryWorkbook", (sheets) => {
  const book = MemoryWorkbook.fromSheets(sheets);
  return {
    port: book,
    poke: (sheet, row, column, value) => {
      book.cell(sheet, row, column).value = value;
    },
    peek: (sheet, row, column) => book.sheets.get(sheet)?.[row]?.[column]?.value ?? null,
    formula: (sheet, row, column) => book.sheets.get(sheet)?.[row]?.[column]?.formula,
    numberFormat: (sheet, row, column) => book.sheets.get(sheet)?.[row]?.[column]?.numberFormat ?? "General",
    select: ({ sheet, row, column, rowCount, columnCount }) => book.select(sheet, row, column, rowCount, columnCount),
    // Memory tells listeners in a microtask: a timer's turn comes after it.
    eventsDelivered: () => new Promise((resolve) => setTimeout(resolve, 0)),
    selection: () => book.selection,
    visibleRows: (table) => book.visibleRows(table),
    recalculations: () => book.recalculations,
    charts: (sheet) => book.charts.filter((c) => c.sheet === sheet).map(({ title, points }) => ({ title, points })),
  };
});

describePortBehaviour("ExcelWorkbook over the fake Excel", (sheets) => {
  const excel = FakeExcel.fromSheets(sheets);
  return {
    port: new ExcelWorkbook(excel.run),
    poke: (sheet, row, column, value) => excel.sheet(sheet).setSlot(row, column, value === null || value === "" ? undefined : value),
    peek: (sheet, row, column) => {
      const value = excel.sheet(sheet).value(row, column);
      return value === "" ? null : value;
    },
    formula: (sheet, row, column) => excel.sheet(sheet).formula(row, column),
    numberFormat: (sheet, row, column) => excel.sheet(sheet).numberFormat(row, column),
    select: ({ sheet, row, column, rowCount, columnCount }) => excel.select(sheet, a1(row, column, rowCount, columnCount)),
    eventsDelivered: async () => {
      await excel.eventsDelivered();
      expect(excel.eventErrors).toEqual([]);
    },
    selection: () => {
      const { sheet, address } = excel.selection();
      const [first, ...others] = address.split(",");
      const rect = parseA1(first);
      if (rect === null || others.length > 0) throw new Error(`not one block: ${address}`);
      return { sheet, ...rect };
    },
    visibleRows: (table) => excel.visibleRows(table),
    recalculations: () => excel.calculations.length,
    charts: (sheet) =>
      excel.charts(sheet).map(({ title, series }) => ({
        title,
        points: (series[0]?.categories ?? []).map((label, i) => ({ label: String(label), value: series[0].values[i] as number, color: series[0].fills[i] ?? "" })),
      })),
  };
});

describe("ExcelWorkbook over the fake Excel", () => {
  let excel: FakeExcel;
  let book: ExcelWorkbook;
  beforeEach(async () => {
    excel = FakeExcel.fromSheets({ Register: REGISTER.map((r) => [...r]) });
    book = new ExcelWorkbook(excel.run);
    await book.convertToTable("Contracts", "Register", 2, 0, 4, 5);
    excel.clearLog();
  });

  test("running addRagFormat twice leaves four rules on the column, red, amber, green and unrated", async () => {
    await book.addRagFormat({ table: "Contracts", column: "Title" });
    await book.addRagFormat({ table: "Contracts", column: "Title" });
    const rules = excel.conditionalFormats("Register").map(({ address, type, rule, fill, font }) => ({ address, type, rule, fill, font }));
    expect(rules).toEqual([
      { address: "B4:B6", type: "ContainsText", rule: { operator: "Contains", text: "Red" }, fill: "#F8CBAD", font: "#9C0006" },
      { address: "B4:B6", type: "ContainsText", rule: { operator: "Contains", text: "Amber" }, fill: "#FFE699", font: "#7F6000" },
      { address: "B4:B6", type: "ContainsText", rule: { operator: "Contains", text: "Green" }, fill: "#C6EFCE", font: "#006100" },
      { address: "B4:B6", type: "ContainsText", rule: { operator: "Contains", text: "Unrated" }, fill: "#EDEDED", font: "#3B3B3B" },
    ]);
    // the rules grow with the table
    await book.appendRows("Contracts", [["C-004", "Red", "x", 1, 2]]);
    expect(excel.conditionalFormats("Register").map((cf) => cf.address)).toEqual(["B4:B7", "B4:B7", "B4:B7", "B4:B7"]);
  });

  test("a drop-down replaces the column's validation instead of stacking", async () => {
    await book.addDropDown({ table: "Contracts", column: "Supplier", choices: ["Gold", "Silver"] });
    await book.addDropDown({ table: "Contracts", column: "Supplier", choices: ["Gold", "Silver", "Bronze"] });
    expect(excel.validations("Register").map(({ address, rule }) => ({ address, rule }))).toEqual([{ address: "C4:C6", rule: { list: { inCellDropDown: true, source: "Gold,Silver,Bronze" } } }]);
    await expect(book.addDropDown({ table: "Contracts", column: "Supplier", choices: ["A, B"] })).rejects.toThrow('The choice "A, B" holds a comma');
  });

  test("formats and drop-downs name a missing table or column", async () => {
    await expect(book.addRagFormat({ table: "Nope", column: "RAG" })).rejects.toThrow('There is no table "Nope"');
    await expect(book.addDropDown({ table: "Contracts", column: "Tier", choices: ["Gold"] })).rejects.toThrow('The table "Contracts" has no column "Tier"');
  });

  test("a computed column checks the whole column it would take, header included, and changes nothing when refused", async () => {
    excel.sheet("Register").setSlot(2, 6, "note beside the header");
    const columns = [
      { header: "Days to expiry", formula: "=CONTRACT.DAYSTOEXPIRY([@[End date]],AsOf)" },
      { header: "RAG", formula: "=CONTRACT.RAG([@[Days to expiry]])" },
    ];
    await expect(book.appendComputedColumns("Contracts", columns)).rejects.toThrow('Cannot add column "RAG": a cell to the right of the table is not empty');
    expect(excel.tableAddress("Contracts")).toBe("A3:E6");
    expect(excel.values("Register", "F3:G3")).toEqual([["", "note beside the header"]]);
  });

  test("a computed column is one formula and one number format for the whole column", async () => {
    await book.appendComputedColumns("Contracts", [{ header: "Notice date", formula: "=CONTRACT.NOTICEDATE([@[End date]],\"3 months\")", numberFormat: "dd/mm/yyyy" }]);
    expect(excel.cell("Register", "F6")).toEqual({ value: "", formula: '=CONTRACT.NOTICEDATE([@[End date]],"3 months")', numberFormat: "dd/mm/yyyy" });
    expect(excel.syncLog).toHaveLength(2);
    expect(excel.syncLog[1].requestBytes).toBeLessThan(2000);
  });

  test("new rows carry a user's A1-style calculated column down, each row pointing at its own cells", async () => {
    const excel2 = FakeExcel.fromSheets({ S: [["Item", "Cost", "Cost with VAT"], ["a", 10, null], ["b", 20, null]] });
    excel2.sheet("S").setContent(1, 2, { value: 12, formula: "=B2*1.2" });
    excel2.sheet("S").setContent(2, 2, { value: 24, formula: "=B3*1.2" });
    const book2 = new ExcelWorkbook(excel2.run);
    await book2.convertToTable("Costs", "S", 0, 0, 3, 3);
    await book2.appendRows("Costs", [["c", 30, 999]]);
    expect(excel2.cell("S", "C4").formula).toBe("=B4*1.2");
  });

  test("an Excel error becomes a plain sentence naming the sheet and table", async () => {
    await expect(book.addTableSheet("Bad/Name", "Risks", ["ID"], [])).rejects.toThrow(/^Could not add the sheet "Bad\/Name" with the table "Risks": Excel did not accept it/);
    await expect(book.defineName("1 bad", "=1")).rejects.toThrow(/^Could not define the name "1 bad" as =1: Excel did not accept it/);
  });

  test("a failed table leaves no half-built sheet behind", async () => {
    await expect(book.addTableSheet("Risks", "Not a name", ["ID"], [["R-1"]])).rejects.toThrow('Could not add the sheet "Risks" with the table "Not a name"');
    expect(await book.sheetNames()).toEqual(["Register"]);
  });

  test("several new tables go in one trip after one check, with their formulas, drop-downs and RAG colours", async () => {
    await book.addTables([
      { sheet: "Settings", table: "Settings", headers: ["Name", "Value"], rows: [["as_of", { formula: "=TODAY()" }], ["exit_window_days", 180], ["note", "=not a formula"]] },
      {
        sheet: "Milestones",
        table: "Milestones",
        headers: ["Contract ID", "Milestone", "Status"],
        rows: [],
        computed: [{ header: "RAG", formula: '=IF([@Status]="Late","Red","Green")' }],
        dropDowns: [{ column: "Status", choices: ["On track", "Late"] }],
        ragColumn: "RAG",
      },
    ]);
    expect(excel.trips).toBe(2);
    expect(excel.cell("Settings", "B2").formula).toBe("=TODAY()");
    expect(excel.cell("Settings", "B4").value).toBe("=not a formula");
    expect(excel.cell("Settings", "B4").formula).toBeUndefined();
    expect(excel.tableAddress("Milestones")).toBe("A1:D2");
    expect(excel.cell("Milestones", "D2").formula).toBe('=IF([@Status]="Late","Red","Green")');
    expect(excel.validations("Milestones").map((v) => v.address)).toEqual(["C2"]);
    expect(excel.conditionalFormats("Milestones").map((f) => f.address)).toEqual(["D2", "D2", "D2", "D2"]);
    // Excel's blank row with only the table's formulas reads as no rows.
    expect((await book.readTables(["Milestones"])).get("Milestones")?.rows).toEqual([]);
  });

  test("new tables whose names are taken, or whose drop-down names no column, change nothing", async () => {
    await expect(book.addTables([{ sheet: "KPIs", table: "KPIs", headers: ["ID"], rows: [] }, { sheet: "Register", table: "Risks", headers: ["ID"], rows: [] }])).rejects.toThrow('A sheet named "Register" already exists');
    await expect(book.addTables([{ sheet: "KPIs", table: "KPIs", headers: ["ID"], rows: [], dropDowns: [{ column: "Status", choices: ["A"] }] }])).rejects.toThrow('The table "KPIs" has no column "Status"');
    expect(await book.sheetNames()).toEqual(["Register"]);
  });

  test("headers Excel would rename are refused up front", async () => {
    await expect(book.addTableSheet("Risks", "Risks", ["ID", "id"], [])).rejects.toThrow('The table "Risks" has two columns named "id"');
    await expect(book.addTableSheet("Risks", "Risks", ["ID", " "], [])).rejects.toThrow('Column 2 of the table "Risks" has no header');
  });

  test("names a repeated header in the user's range as Excel would, itself, as text; refuses a computed column already there", async () => {
    const excel2 = FakeExcel.fromSheets({ S: [["ID", "=Status", "=status"], ["C-1", "Open", "x"]] });
    const book2 = new ExcelWorkbook(excel2.run);
    await book2.convertToTable("T", "S", 0, 0, 2, 3);
    expect(excel2.values("S", "A1:C1")).toEqual([["ID", "=Status", "=status2"]]);
    await expect(book.appendComputedColumns("Contracts", [{ header: "title", formula: "=1" }])).rejects.toThrow('The table "Contracts" already has a column "title"');
    await expect(book.appendComputedColumns("Contracts", [{ header: "RAG", formula: "=1" }, { header: "RAG", formula: "=2" }])).rejects.toThrow('already has a column "RAG"');
  });

  test("a number Excel cannot hold is refused, naming where it is", async () => {
    await expect(book.appendRows("Contracts", [["C-9", "x", "y", Number.NaN, 1]])).rejects.toThrow('Row 1, column "End date" is NaN');
  });

  test("several tables are read together: one trip for their shape, one for their rows", async () => {
    await book.addTableSheet("Risks", "Risks", ["ID", "Risk"], [["C-001", "Late"], ["C-002", "Over budget"]]);
    await book.addTableSheet("KPIs", "KPIs", ["ID", "KPI"], [["C-001", "Response time"], ["C-003", "Uptime"]]);
    excel.clearLog();
    const sync = jest.spyOn(FakeRequestContext.prototype, "sync");
    const tables = await book.readTables(["Contracts", "Risks", "KPIs", "Milestones"]);
    expect([...tables.keys()]).toEqual(["Contracts", "Risks", "KPIs"]);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(excel.trips).toBe(2);
    sync.mockRestore();
  });

  test("a read that Excel refuses for its size is planned again with smaller trips", async () => {
    // Short rows first, then rows whose notes are 300 times longer: the estimate from the first trip is far too small.
    const rows: CellValue[][] = [];
    for (let i = 0; i < 3000; i++) rows.push([`C-${i}`, i < 1500 ? "ok" : "x".repeat(600)]);
    const big = FakeExcel.fromSheets({ Big: [["ID", "Notes"], ...rows] });
    big.payloadLimit = 400_000;
    const tight = new ExcelWorkbook(big.run, { tripBudget: 300_000, firstReadBytesPerCell: 8 });
    await tight.convertToTable("Big", "Big", 0, 0, rows.length + 1, 2);
    big.clearLog();
    const table = (await tight.readTables(["Big"])).get("Big");
    expect(table?.rows).toEqual(rows);
    expect(big.syncLog.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(big.syncLog.filter((s) => s.error === undefined).every((s) => s.responseBytes <= 400_000)).toBe(true);
  });

  test("saved settings written by other code as JSON come back as text", async () => {
    await excel.run(async (context) => {
      context.workbook.settings.add("legacy", { a: 1 });
      await context.sync();
    });
    expect(await book.loadSetting("legacy")).toBe('{"a":1}');
  });
});

describe("ExcelWorkbook: report sheets, filters and the selection over the fake Excel", () => {
  let excel: FakeExcel;
  let book: ExcelWorkbook;
  beforeEach(async () => {
    excel = FakeExcel.fromSheets({ Register: REGISTER.map((r) => [...r]) });
    book = new ExcelWorkbook(excel.run);
    await book.convertToTable("Contracts", "Register", 2, 0, 4, 5);
    excel.clearLog();
  });

  test("a report that fits one request takes two round trips, a replacement too: one to look, one to write", async () => {
    await book.writeReportSheet(summaryReport());
    expect(excel.trips).toBe(2);
    excel.clearLog();
    expect(await book.writeReportSheet(summaryReport())).toEqual({ replaced: true });
    expect(excel.trips).toBe(2);
    // a refusal looks and changes nothing
    excel.clearLog();
    await expect(book.writeReportSheet({ ...summaryReport(), sheet: "Register" })).rejects.toThrow('A sheet named "Register" already exists and was not written by the tracker');
    expect(excel.trips).toBe(1);
  });

  test("the chart is a clustered column chart of its (label, value) block, titled, coloured by point, beside the table and over none of its cells", async () => {
    const report = summaryReport();
    await book.writeReportSheet(report);
    const [chart, ...others] = excel.charts(REPORT_SHEET);
    expect(others).toEqual([]);
    expect(chart).toMatchObject({ type: "ColumnClustered", title: "Contracts by RAG", legendVisible: false, source: `${REPORT_SHEET}!G1:H4` });
    expect(excel.values(REPORT_SHEET, "G1:H4")).toEqual([["", "Contracts by RAG"], ["Red", 1], ["Amber", 1], ["Green", 0]]);
    expect(chart.series).toEqual([{ name: "Contracts by RAG", categories: ["Red", "Amber", "Green"], values: [1, 1, 0], fills: ["#C00000", "#FFC000", "#00B050"] }]);
    expect(chart.covers).toBe("J1:Q15");
    const covered = parseA1(chart.covers);
    const table = parseA1(excel.tableAddress(REPORT_TABLE));
    const heading = parseA1("A1:B2");
    for (const cells of [table, heading, parseA1("G1:H4")]) {
      if (covered === null || cells === null) throw new Error("bad address");
      const meets = covered.column < cells.column + cells.columnCount && cells.column < covered.column + covered.columnCount && covered.row < cells.row + cells.rowCount && cells.row < covered.row + covered.rowCount;
      expect(meets).toBe(false);
    }
  });

  test("the report's table has RAG colours on its RAG column, its number formats, a bold first heading row and readable widths", async () => {
    const long = "Facilities management and grounds maintenance";
    await book.writeReportSheet(summaryReport([...REPORT_ROWS, ["C-003", long, "Green", 400, 46500]]));
    expect(excel.tableAddress(REPORT_TABLE)).toBe("A4:E7");
    const rules = excel.conditionalFormats(REPORT_SHEET).map(({ address, rule, fill }) => ({ address, rule, fill }));
    expect(rules).toEqual([
      { address: "C5:C7", rule: { operator: "Contains", text: "Red" }, fill: "#F8CBAD" },
      { address: "C5:C7", rule: { operator: "Contains", text: "Amber" }, fill: "#FFE699" },
      { address: "C5:C7", rule: { operator: "Contains", text: "Green" }, fill: "#C6EFCE" },
      { address: "C5:C7", rule: { operator: "Contains", text: "Unrated" }, fill: "#EDEDED" },
    ]);
    expect(excel.cell(REPORT_SHEET, "E7")).toEqual({ value: 46500, numberFormat: "dd/mm/yyyy" });
    expect([excel.bold(REPORT_SHEET, "A1:B1"), excel.bold(REPORT_SHEET, "A2:B2"), excel.bold(REPORT_SHEET, "A4:E7")]).toEqual([true, false, false]);
    // Title fits its longest text; short columns keep at least Excel's default width.
    expect(excel.columnWidth(REPORT_SHEET, "B")).toBeGreaterThanOrEqual(Math.round((long.length * 7 + 5) * 0.75));
    expect(excel.columnWidth(REPORT_SHEET, "C")).toBeGreaterThanOrEqual(48);
    expect(excel.columnWidth(REPORT_SHEET, "C")).toBeLessThan(excel.columnWidth(REPORT_SHEET, "B"));
  });

  test("a heading label with a value beside it widens its column; a title alone on its row spills over instead", async () => {
    const label = "Value at risk across every live contract";
    const report = summaryReport();
    await book.writeReportSheet({ ...report, heading: [[`${MARKER} for the whole council, as of 25/11/2026, all directorates`], [label, 125000]] });
    expect(excel.columnWidth(REPORT_SHEET, "A")).toBe(Math.round((label.length * 7 + 5) * 0.75));
  });

  test("a 20,000-row report goes in trips under Excel on the web's 5 MB limit, each row where it belongs", async () => {
    // About 260 bytes a row, 5.2 MB in all: more than one request can carry.
    const notes = "Renewal under review with the commercial team; the supplier asked for a three-month extension while the new specification is agreed with the service, and legal are checking the break clause and the notice period";
    const rows: CellValue[][] = [];
    for (let i = 0; i < 20_000; i++) rows.push([`C${String(i).padStart(6, "0")}`, `${notes} (${i})`, ["Red", "Amber", "Green"][i % 3], i % 400, 46000 + (i % 900)]);
    await book.writeReportSheet(summaryReport(rows));
    expect(excel.trips).toBeGreaterThan(2);
    expect(excel.largestTrip).toBeLessThan(5_000_000);
    expect(excel.syncLog.every((s) => s.error === undefined)).toBe(true);
    expect(excel.tableAddress(REPORT_TABLE)).toBe("A4:E20004");
    expect(excel.values(REPORT_SHEET, "A5:E5")).toEqual([rows[0]]);
    expect(excel.values(REPORT_SHEET, "A20004:E20004")).toEqual([rows[19_999]]);
    expect(excel.conditionalFormats(REPORT_SHEET).map((cf) => cf.address)).toEqual(["C5:C20004", "C5:C20004", "C5:C20004", "C5:C20004"]);
    expect(excel.charts(REPORT_SHEET)[0].series[0].values).toEqual([6667, 6667, 6666]);
  });

  test("a write Excel refuses whole leaves the earlier report; one failing half-way leaves no half-written sheet", async () => {
    await book.writeReportSheet(summaryReport());
    const rows: CellValue[][] = Array.from({ length: 2000 }, (_, i) => [`C-${i}`, "x".repeat(100), "Red", i, 46000]);
    excel.payloadLimit = 100_000;
    await expect(book.writeReportSheet(summaryReport(rows))).rejects.toThrow(`Could not write the report sheet "${REPORT_SHEET}": the request was larger than Excel on the web accepts`);
    expect((await book.readTables([REPORT_TABLE])).get(REPORT_TABLE)?.rows).toEqual(REPORT_ROWS);

    excel.payloadLimit = 5_000_000;
    const small = new ExcelWorkbook(excel.run, { tripBudget: 60_000 });
    const sync = FakeRequestContext.prototype.sync;
    let calls = 0;
    const spy = jest.spyOn(FakeRequestContext.prototype, "sync").mockImplementation(function (this: FakeRequestContext) {
      calls += 1;
      if (calls === 3) return Promise.reject(new FakeOfficeError("GeneralException", "Something went wrong"));
      return sync.call(this);
    });
    try {
      await expect(small.writeReportSheet(summaryReport(rows))).rejects.toThrow(`Could not write the report sheet "${REPORT_SHEET}"`);
    } finally {
      spy.mockRestore();
    }
    expect(await book.sheetNames()).toEqual(["Register"]);
    expect(await book.tableNames()).toEqual([{ name: "Contracts", sheet: "Register" }]);
  });

  test("a report Excel would refuse is refused before anything is looked at or deleted", async () => {
    const report = summaryReport();
    await expect(book.writeReportSheet({ ...report, table: { ...report.table, name: "Escalation summary" } })).rejects.toThrow('"Escalation summary" cannot name a table');
    await expect(book.writeReportSheet({ ...report, table: { ...report.table, ragColumn: "Status" } })).rejects.toThrow(`The table "${REPORT_TABLE}" has no column "Status"`);
    await expect(book.writeReportSheet({ ...report, chart: { title: "By RAG", points: [{ label: "Red", value: 1, color: "red" }] } })).rejects.toThrow('The colour "red" of "Red"');
    await expect(book.writeReportSheet({ ...report, heading: [["Summary"]] })).rejects.toThrow(`must start with its marker "${MARKER}" in A1`);
    await expect(book.writeReportSheet({ ...report, marker: "" })).rejects.toThrow("needs a marker");
    expect(excel.trips).toBe(0);
  });

  test("a filter is Excel's own AutoFilter on the column, applied in one trip", async () => {
    await book.filterTable("Contracts", "End date", { atLeast: 0, atMost: 180 });
    expect(excel.filters("Contracts")).toEqual({ "End date": { filterOn: "Custom", criterion1: ">=0", criterion2: "<=180", operator: "And" } });
    expect(excel.trips).toBe(1);
    await book.filterTable("Contracts", "Value", { atMost: 1e21 });
    expect(excel.filters("Contracts")).toEqual({ Value: { filterOn: "Custom", criterion1: "<=1E+21" } });
    await book.filterTable("Contracts", "Value", null);
    expect(excel.filters("Contracts")).toEqual({});
    await expect(book.filterTable("Contracts", "Value", { atLeast: Number.NaN })).rejects.toThrow("A filter needs finite numbers; the lower bound is NaN");
  });

  test("recalculation is a full calculation in one trip", async () => {
    await book.recalculate();
    expect(excel.calculations).toEqual(["Full"]);
    expect(excel.trips).toBe(1);
  });

  test("every block of a Ctrl+click selection counts; reading it takes one trip, selecting a cell two", async () => {
    excel.select("Register", "B4", "A6:C6");
    expect(await book.selectedTableRows("Contracts")).toEqual([0, 2]);
    expect(excel.trips).toBe(1);
    excel.clearLog();
    await book.selectTableCell("Contracts", 1, "Title");
    expect(excel.selection()).toEqual({ sheet: "Register", address: "B5" });
    expect(excel.trips).toBe(2);
  });
});
