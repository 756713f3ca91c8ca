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
});
