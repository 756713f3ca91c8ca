/** The fake's events behave as Office.js's do where the adapter depends on them; if these fail, the selection tests prove nothing. */
import { FakeExcel } from "../helpers/fakeExcel";

function excelWith(): FakeExcel {
  const excel = FakeExcel.fromSheets({ Sheet1: [["a"]] });
  excel.addSheet("Other");
  return excel;
}

describe("the fake Excel's SelectionChanged event", () => {
  test("a handler counts once its context has synced, and is called after the selection changed, not inside the change", async () => {
    const excel = excelWith();
    const calls: string[] = [];
    await excel.run(async (context) => {
      context.workbook.onSelectionChanged.add(async () => {
        calls.push("called");
      });
      excel.select("Other", "B2");
      await excel.eventsDelivered();
      expect(calls).toEqual([]); // not registered until the sync
      await context.sync();
    });
    expect(excel.selectionHandlers).toBe(1);
    excel.select("Other", "C3");
    expect(calls).toEqual([]);
    await excel.eventsDelivered();
    expect(calls).toEqual(["called"]);
  });

  test("range.select() fires it too, and the handler reads where the cursor is in a batch of its own", async () => {
    const excel = excelWith();
    const seen: string[] = [];
    const whereTheCursorIs = (): Promise<string> =>
      excel.run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address");
        await context.sync();
        return cell.address;
      });
    await excel.run(async (context) => {
      context.workbook.onSelectionChanged.add(async (args) => {
        expect(args.workbook).toBe(context.workbook);
        seen.push(await whereTheCursorIs());
      });
      await context.sync();
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2:D4").select();
      await context.sync();
    });
    await excel.eventsDelivered();
    // several blocks selected with Ctrl: the cursor is in the last
    excel.select("Other", "A1:B2", "E5:F9");
    await excel.eventsDelivered();
    expect(seen).toEqual(["Sheet1!B2", "Other!E5"]);
    expect(excel.eventErrors).toEqual([]);
  });

  test("a handler is removed only through the context that added it", async () => {
    const excel = excelWith();
    let calls = 0;
    const handler = async (): Promise<void> => {
      calls++;
    };
    const added = await excel.run(async (context) => {
      const result = context.workbook.onSelectionChanged.add(handler);
      await context.sync();
      return result;
    });
    // removing through a fresh context finds no such handler there: it keeps firing
    await excel.run(async (context) => {
      context.workbook.onSelectionChanged.remove(handler);
      await context.sync();
    });
    excel.select("Other", "A1");
    await excel.eventsDelivered();
    expect([calls, excel.selectionHandlers]).toEqual([1, 1]);
    // Excel.run(context, …) with the context that added it removes it
    await excel.run(async (context) => {
      added.remove();
      await context.sync();
    }, added.context as unknown as Excel.RequestContext);
    excel.select("Other", "B1");
    await excel.eventsDelivered();
    expect([calls, excel.selectionHandlers]).toEqual([1, 0]);
  });

  test("what a handler throws is kept, as Excel logs it, and the other handlers still run", async () => {
    const excel = excelWith();
    let ran = false;
    await excel.run(async (context) => {
      context.workbook.onSelectionChanged.add(async () => {
        throw new Error("handler failed");
      });
      context.workbook.onSelectionChanged.add(async () => {
        ran = true;
      });
      await context.sync();
    });
    excel.select("Sheet1", "A2");
    await excel.eventsDelivered();
    expect(ran).toBe(true);
    expect(excel.eventErrors).toEqual([new Error("handler failed")]);
  });
});

describe("the fake Excel's TableCollection onChanged and onAdded events", () => {
  test("a table added, then its cells typed by the user or written by an add-in, are told later, by table id, with the part that changed", async () => {
    const excel = FakeExcel.fromSheets({ Settings: [["Name", "Value"], ["date_order", "dmy"]], Notes: [["a"]] });
    const told: { type: string; tableId: string; address?: string; changeType?: string }[] = [];
    let settingsId = "";
    await excel.run(async (context) => {
      context.workbook.tables.onChanged.add(async (args) => void told.push({ type: args.type, tableId: args.tableId, address: args.address, changeType: args.changeType }));
      context.workbook.tables.onAdded.add(async (args) => void told.push({ type: args.type, tableId: args.tableId }));
      await context.sync();
    });
    expect(excel.tableHandlers).toBe(2);
    await excel.run(async (context) => {
      const table = context.workbook.tables.add("Settings!A1:B2", true);
      table.name = "Settings";
      table.load("id");
      await context.sync();
      settingsId = table.id;
    });
    excel.edit("Settings", "B2", "mdy");
    excel.edit("Notes", "A1", "not a table");
    expect(told).toEqual([]); // told later, never inside the change
    await excel.eventsDelivered();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Settings").getRange("A2:C3").values = [["date_order", "dmy", "x"], ["as_of", 1, "y"]];
      context.workbook.tables.getItem("Settings").rows.add(undefined, [["exit_window_days", 90]]);
      await context.sync();
    });
    await excel.eventsDelivered();
    expect(told).toEqual([
      { type: "TableAdded", tableId: settingsId },
      { type: "TableChanged", tableId: settingsId, address: "B2", changeType: "RangeEdited" },
      // only the part of the write inside the table
      { type: "TableChanged", tableId: settingsId, address: "A2:B2", changeType: "RangeEdited" },
      { type: "TableChanged", tableId: settingsId, address: "A3:B3", changeType: "RowInserted" },
    ]);
    expect(excel.eventErrors).toEqual([]);
  });
});
