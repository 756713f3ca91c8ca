/** The fake behaves like Excel where the adapter depends on it; if these fail, the adapter's tests prove nothing. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read before load and sync on purpose, to show the fake throws where Excel throws. */
import { FakeExcel, FakeOfficeError } from "../helpers/fakeExcel";

function excelWith(rows: (string | number | null)[][] = []): FakeExcel {
  return FakeExcel.fromSheets({ Sheet1: rows });
}

describe("the fake Excel", () => {
  test("a property is readable only after load and sync, as in Office.js", async () => {
    const excel = excelWith([["a"]]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow("The property 'values' is not available");
      range.load("values");
      expect(() => range.values).toThrow(FakeOfficeError);
      await context.sync();
      expect(range.values).toEqual([["a"]]);
      expect(() => range.address).toThrow("The property 'address' is not available");
    });
  });

  test("writes apply at sync, in order, and a later load sees them", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [["x", 1]];
      expect(excel.values("Sheet1", "A1:B1")).toEqual([["", ""]]);
      range.load("values");
      range.values = [["y", 2]];
      await context.sync();
      expect(range.values).toEqual([["x", 1]]);
      expect(excel.values("Sheet1", "A1:B1")).toEqual([["y", 2]]);
    });
  });

  test("values are typed input: text that looks like a formula, number, date or boolean becomes one, unless it starts with an apostrophe", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:G1").values = [["=1+1", "+44 20", "-x", "@SUM(A1)", "00123", "TRUE", "2025-03-31"]];
      sheet.getRange("A2:C2").values = [["'=1+1", "'00123", "''quoted"]];
      await context.sync();
    });
    expect(["A1", "B1", "C1", "D1"].map((a) => excel.cell("Sheet1", a).formula)).toEqual(["=1+1", "=+44 20", "=-x", "=SUM(A1)"]);
    expect(excel.values("Sheet1", "E1:G1")).toEqual([[123, true, 45747]]);
    expect(excel.values("Sheet1", "A2:C2")).toEqual([["=1+1", "00123", "'quoted"]]);
    expect(excel.cell("Sheet1", "A2").formula).toBeUndefined();
  });

  test("one value fills a whole range; an array must match its shape", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
      (range as unknown as { formulas: string }).formulas = "=B1";
      await context.sync();
      range.values = [[1, 2]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(excel.cell("Sheet1", "A3").formula).toBe("=B1");
  });

  test("isNullObject is known after sync, and what is reached through a null object is null", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      const missing = context.workbook.tables.getItemOrNullObject("Nope");
      const body = missing.getDataBodyRange();
      body.load("rowCount");
      expect(() => missing.isNullObject).toThrow(FakeOfficeError);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(body.isNullObject).toBe(true);
      expect(context.workbook.worksheets.getItemOrNullObject("Sheet1")).toBeDefined();
    });
  });

  test("a failing action rejects the sync with Excel's code; what ran before it stays done", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      context.workbook.worksheets.add("New");
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "New"]);
  });

  test("a request over 5 MB is refused whole, and every trip is logged with its size", async () => {
    const excel = excelWith();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} `.padEnd(100, "x")]);
    await excel.run(async (context) => {
      context.workbook.worksheets.add("New");
      context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${big.length}`).values = big;
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(excel.model.sheets).toHaveLength(1);
    expect(excel.syncLog[0]).toMatchObject({ error: "RequestPayloadSizeLimitExceeded", cellsWritten: 60_000 });
    expect(excel.syncLog[0].requestBytes).toBeGreaterThan(6_000_000);
  });

  test("a table always has a data row, and gets header names Excel would give it", async () => {
    const excel = excelWith([["ID", "", "ID", 2025]]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.add("A1:D1", true).name = "T";
      await context.sync();
    });
    expect(excel.tableAddress("T")).toBe("A1:D2");
    expect(excel.values("Sheet1", "A1:D1")).toEqual([["ID", "Column2", "ID2", "2025"]]);
  });

  test("table rows are inserted: cells below the table move down instead of being overwritten", async () => {
    const excel = excelWith([["ID"], ["a"], [null], ["below"]]);
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true);
      table.rows.add(undefined, [["b"], ["c"]]);
      await context.sync();
    });
    expect(excel.values("Sheet1", "A1:A6")).toEqual([["ID"], ["a"], ["b"], ["c"], [""], ["below"]]);
  });

  test("collections list their items after load('items/…')", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      context.workbook.worksheets.add("Two");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/position");
      const count = sheets.getCount();
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([["Sheet1", 0], ["Two", 1]]);
      expect(count.value).toBe(2);
    });
  });

  test("a chart plots its source cells live, takes a title, point colours and a place over cells, and goes with its sheet", async () => {
    const excel = excelWith([["", "By RAG"], ["Red", 2], ["Amber", 5]]);
    excel.addSheet("Other");
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns");
      chart.title.text = "Contracts by RAG";
      chart.series.getItemAt(0).points.getItemAt(1).format.fill.setSolidColor("#FFC000");
      chart.load("top,left");
      await context.sync();
      // a new chart sits at the top left, over the cells it plots, at Excel's default 360 × 216 points
      expect([chart.top, chart.left]).toEqual([0, 0]);
      expect(excel.charts("Sheet1")[0].covers).toBe("A1:H15");
      chart.setPosition("D2", "G10");
      chart.load("top,left");
      await context.sync();
      expect([chart.top, chart.left]).toEqual([15, 144]);
      chart.left = 0;
      chart.series.getItemAt(1);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      (sheet.charts as unknown as { add(type: string, source: Excel.Range): void }).add("NoSuchChart", sheet.getRange("A1:B3"));
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    excel.sheet("Sheet1").setSlot(1, 1, 3);
    expect(excel.charts("Sheet1")).toEqual([
      {
        name: expect.any(String),
        type: "ColumnClustered",
        title: "Contracts by RAG",
        legendVisible: true,
        source: "Sheet1!A1:B3",
        covers: "A2:D10",
        series: [{ name: "By RAG", categories: ["Red", "Amber"], values: [3, 5], fills: [null, "#FFC000"] }],
      },
    ]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").delete();
      const again = context.workbook.worksheets.add("Sheet1");
      again.load("id");
      await context.sync();
      expect(again.id).not.toBe(excel.model.sheets[0].id);
    });
    expect(excel.charts("Sheet1")).toEqual([]);
  });

  test("a custom AutoFilter on a table column: a number criterion shows only numbers in range; clearFilters shows every row", async () => {
    const excel = excelWith([["ID", "Days"], ["a", 10], ["b", 200], ["c", "soon"], ["d", null], ["e", -5]]);
    await excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B6", true);
      table.name = "T";
      table.columns.getItem("Days").filter.applyCustomFilter(">=0", "<=180", "And");
      const criteria = table.columns.getItem("Days").filter;
      criteria.load("criteria");
      await context.sync();
      expect(criteria.criteria).toEqual({ filterOn: "Custom", criterion1: ">=0", criterion2: "<=180", operator: "And" });
    });
    expect(excel.visibleRows("T")).toEqual([0]);
    await excel.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.getItem("Days").filter.applyCustomFilter("<0", ">100", "Or");
      table.columns.getItem("ID").filter.applyCustomFilter("<>c");
      await context.sync();
    });
    expect(excel.filters("T")).toEqual({ ID: { filterOn: "Custom", criterion1: "<>c" }, Days: { filterOn: "Custom", criterion1: "<0", criterion2: ">100", operator: "Or" } });
    expect(excel.visibleRows("T")).toEqual([1, 4]);
    await excel.run(async (context) => {
      context.workbook.tables.getItem("T").clearFilters();
      await context.sync();
    });
    expect(excel.visibleRows("T")).toEqual([0, 1, 2, 3, 4]);
  });

  test("calculate is counted by type; an unknown type is refused", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      context.workbook.application.calculate("Full");
      context.workbook.application.calculate("Recalculate");
      await context.sync();
      (context.workbook.application as unknown as { calculate(type: string): void }).calculate("Everything");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(excel.calculations).toEqual(["Full", "Recalculate"]);
  });

  test("the selection: one block or several on the sheet in view; range.select() moves it and brings its sheet into view", async () => {
    const excel = excelWith();
    excel.addSheet("Other");
    expect(excel.selection()).toEqual({ sheet: "Sheet1", address: "A1" });
    excel.select("Other", "B3:C5");
    await excel.run(async (context) => {
      const one = context.workbook.getSelectedRange();
      one.load("address");
      await context.sync();
      expect(one.address).toBe("Other!B3:C5");
    });
    excel.select("Other", "B3", "A6:C6");
    await excel.run(async (context) => {
      const areas = context.workbook.getSelectedRanges();
      areas.load("address,areaCount");
      const items = areas.areas;
      items.load("items/rowIndex,items/rowCount");
      await context.sync();
      expect([areas.address, areas.areaCount]).toEqual(["Other!B3,Other!A6:C6", 2]);
      expect(items.items.map((r) => [r.rowIndex, r.rowCount])).toEqual([[2, 1], [5, 1]]);
      context.workbook.getSelectedRange();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidSelection" });
      context.workbook.worksheets.getItem("Sheet1").getRange("D4").select();
      await context.sync();
    });
    expect(excel.selection()).toEqual({ sheet: "Sheet1", address: "D4" });
  });

  test("bold and column widths are set on a range's format and read back for the whole range", async () => {
    const excel = excelWith();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").format.font.bold = true;
      sheet.getRange("B1:C1").format.columnWidth = 120;
      const mixed = sheet.getRange("A1:A2").format.font;
      mixed.load("bold");
      const widths = sheet.getRange("A1:C1").format;
      widths.load("columnWidth");
      const wide = sheet.getRange("B1:C1");
      wide.load("format/columnWidth,format/font/bold");
      await context.sync();
      expect([mixed.bold, widths.columnWidth, wide.format.columnWidth, wide.format.font.bold]).toEqual([null, null, 120, null]);
      sheet.getRange("A1").format.columnWidth = -1;
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect([excel.bold("Sheet1", "A1:B1"), excel.bold("Sheet1", "C1"), excel.columnWidth("Sheet1", "A"), excel.columnWidth("Sheet1", "C")]).toEqual([true, false, 48, 120]);
  });
});
