/**
 * What every WorkbookPort must do, as a feature sees it. Run against the in-memory workbook and
 * against the Office adapter over the fake Excel, so the two cannot drift apart.
 */
import type { CellValue, ReportChart, ReportSheet, WorkbookPort } from "../../src/workbook/port";

/** A block of cells, 0-based. */
export interface CellsAt {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** A workbook under test, with a way to touch and inspect cells behind the port's back. */
export interface PortHarness {
  port: WorkbookPort;
  /** Puts a constant in a cell, as a user typing would (text stays text). */
  poke(sheet: string, row: number, column: number, value: CellValue): void;
  /** A cell's value as stored (null when empty). */
  peek(sheet: string, row: number, column: number): CellValue;
  /** A cell's formula, if it has one. */
  formula(sheet: string, row: number, column: number): string | undefined;
  /** A cell's number format ("General" when none). */
  numberFormat(sheet: string, row: number, column: number): string;
  /** Selects a block as the user would, bringing its sheet into view (selection listeners hear of it later). */
  select(cells: CellsAt): void;
  /** Resolves once selection listeners have been told of every change so far. */
  eventsDelivered(): Promise<void>;
  /** The user's selection now. */
  selection(): CellsAt | null;
  /** The data rows (0-based in the body) a table shows under its filters. */
  visibleRows(table: string): number[];
  /** How many times the workbook was recalculated. */
  recalculations(): number;
  /** The charts on a sheet, as titles and the points they plot. */
  charts(sheet: string): ReportChart[];
}

/** A register as users keep them: a title block, a blank row, then the header row. */
export const REGISTER: CellValue[][] = [
  ["Council contract register", null, null, null, null],
  [null, null, null, null, null],
  ["Contract ID", "Title", "Supplier", "End date", "Value"],
  ["C-001", "Cleaning", "Acme Ltd", 46022, 1200],
  ["C-002", "=HYPERLINK(\"http://x\")", "Beta & Sons", 46100, null],
  ["C-003", "Catering", "+44 Supplies", "31/12/2099", "£3,330"],
];

/** Text that Excel would turn into something else if typed: each must come back exactly. */
export const TRICKY_TEXT = ["=1+1", "+44 20 7946 0000", "-Minus Ltd", "@SUM(A1)", "00123", "TRUE", "(3728)", "31/12/2099", "50%", "'quoted", "=cmd|' /C calc'!A0"];

/** A1 of the tracker's report sheets. */
export const MARKER = "Escalation summary";
export const REPORT_SHEET = "Escalations 2026-11-25";
export const REPORT_TABLE = "EscalationSummary_20261125";
export const REPORT_HEADERS = ["Contract ID", "Title", "RAG", "Days to expiry", "Notice date"];
export const REPORT_ROWS: CellValue[][] = [
  ["C-001", "Cleaning", "Red", 12, 46000],
  ["C-002", "Catering", "Amber", 95, 46100],
];

/** An escalation summary as the feature writes it: heading, table with RAG colours and a date column, chart of RAG counts. */
export function summaryReport(rows: readonly CellValue[][] = REPORT_ROWS, title = `${MARKER} as of 25/11/2026`): ReportSheet {
  return {
    sheet: REPORT_SHEET,
    marker: MARKER,
    heading: [[title], ["Value at risk", 125000]],
    table: { name: REPORT_TABLE, headers: REPORT_HEADERS, rows, ragColumn: "RAG", numberFormats: { "Notice date": "dd/mm/yyyy" } },
    chart: {
      title: "Contracts by RAG",
      points: [
        { label: "Red", value: rows.filter((r) => r[2] === "Red").length, color: "#C00000" },
        { label: "Amber", value: rows.filter((r) => r[2] === "Amber").length, color: "#FFC000" },
        { label: "Green", value: rows.filter((r) => r[2] === "Green").length, color: "#00B050" },
      ],
    },
  };
}

const DAYS_TO_EXPIRY = { header: "Days to expiry", formula: "=CONTRACT.DAYSTOEXPIRY([@[End date]],AsOf)", numberFormat: "0" };

export function describePortBehaviour(name: string, make: (sheets: Record<string, CellValue[][]>) => PortHarness): void {
  describe(`${name}: the workbook port`, () => {
    let h: PortHarness;
    beforeEach(() => {
      h = make({ Register: REGISTER.map((r) => [...r]), Notes: [["a note"]] });
    });

    test("lists sheets in tab order and the sheet in view", async () => {
      expect(await h.port.sheetNames()).toEqual(["Register", "Notes"]);
      expect(await h.port.activeSheet()).toBe("Register");
    });

    test("reads the used range from its first used cell, blanks as null", async () => {
      expect(await h.port.readUsedRange("Register")).toEqual({ sheet: "Register", row: 0, column: 0, values: REGISTER });
      h.poke("Notes", 3, 2, "far away");
      expect(await h.port.readUsedRange("Notes")).toEqual({ sheet: "Notes", row: 0, column: 0, values: [["a note", null, null], [null, null, null], [null, null, null], [null, null, "far away"]] });
    });

    test("a missing sheet is a plain error", async () => {
      await expect(h.port.readUsedRange("Nope")).rejects.toThrow('There is no sheet "Nope"');
      await expect(h.port.convertToTable("T", "Nope", 0, 0, 2, 2)).rejects.toThrow('There is no sheet "Nope"');
    });

    test("converts a block to a table in place and reads it back; a missing table is absent", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      expect(await h.port.tableNames()).toEqual([{ name: "Contracts", sheet: "Register" }]);
      const tables = await h.port.readTables(["Contracts", "Missing"]);
      expect([...tables.keys()]).toEqual(["Contracts"]);
      expect(tables.get("Contracts")).toEqual({ name: "Contracts", sheet: "Register", row: 2, column: 0, headers: ["Contract ID", "Title", "Supplier", "End date", "Value"], rows: REGISTER.slice(3) });
      // every value stayed where it was
      expect((await h.port.readUsedRange("Register")).values).toEqual(REGISTER);
    });

    test("refuses a second table of the same name, or one over another table", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await expect(h.port.convertToTable("Contracts", "Notes", 0, 0, 1, 1)).rejects.toThrow('A table named "Contracts" already exists');
      await expect(h.port.convertToTable("Other", "Register", 3, 1, 2, 2)).rejects.toThrow('That range overlaps the table "Contracts"');
    });

    test("appends a computed column as a real formula, and rows that keep text as text", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await h.port.appendComputedColumns("Contracts", [DAYS_TO_EXPIRY]);
      expect(h.peek("Register", 2, 5)).toBe("Days to expiry");
      expect(h.formula("Register", 3, 5)).toBe(DAYS_TO_EXPIRY.formula);
      expect(h.formula("Register", 5, 5)).toBe(DAYS_TO_EXPIRY.formula);

      const added: CellValue[][] = TRICKY_TEXT.map((text, i) => [`C-1${i}`, text, text, 46000 + i, i % 2 === 0 ? null : i]);
      await h.port.appendRows("Contracts", added);
      const table = (await h.port.readTables(["Contracts"])).get("Contracts");
      expect(table?.headers).toEqual(["Contract ID", "Title", "Supplier", "End date", "Value", "Days to expiry"]);
      expect(table?.rows.slice(3)).toEqual(added.map((row) => [...row, null]));
      TRICKY_TEXT.forEach((text, i) => {
        expect(h.peek("Register", 6 + i, 1)).toBe(text);
        expect(h.formula("Register", 6 + i, 1)).toBeUndefined();
        // the calculated column carries on down the new rows
        expect(h.formula("Register", 6 + i, 5)).toBe(DAYS_TO_EXPIRY.formula);
      });
    });

    test("a computed column never overwrites a cell to the right of the table", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      h.poke("Register", 4, 5, "user's note");
      await expect(h.port.appendComputedColumns("Contracts", [DAYS_TO_EXPIRY])).rejects.toThrow('Cannot add column "Days to expiry": a cell to the right of the table is not empty');
      expect(h.peek("Register", 4, 5)).toBe("user's note");
      expect((await h.port.readTables(["Contracts"])).get("Contracts")?.headers).toHaveLength(5);
    });

    test("appends a blank column for values typed later: rows added after fill it, no formula, and a cell to its right is never overwritten", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await h.port.appendComputedColumns("Contracts", [DAYS_TO_EXPIRY]);
      await h.port.appendColumns("Contracts", ["Which contract"]);
      expect(h.peek("Register", 2, 6)).toBe("Which contract");
      expect([3, 4, 5].map((r) => [h.peek("Register", r, 6), h.formula("Register", r, 6)])).toEqual([[null, undefined], [null, undefined], [null, undefined]]);
      await h.port.appendRows("Contracts", [["C-9", "Cleaning", "Acme", 46000, 10, null, "=Lot 2"]]);
      const table = (await h.port.readTables(["Contracts"])).get("Contracts");
      expect(table?.headers).toEqual(["Contract ID", "Title", "Supplier", "End date", "Value", "Days to expiry", "Which contract"]);
      expect(h.peek("Register", 6, 6)).toBe("=Lot 2");
      expect(h.formula("Register", 6, 6)).toBeUndefined();
      expect(h.formula("Register", 6, 5)).toBe(DAYS_TO_EXPIRY.formula);
      await expect(h.port.appendColumns("Contracts", ["which contract"])).rejects.toThrow('The table "Contracts" already has a column "which contract"');
      h.poke("Register", 4, 7, "user's note");
      await expect(h.port.appendColumns("Contracts", ["Notes"])).rejects.toThrow('Cannot add column "Notes": a cell to the right of the table is not empty');
      expect(h.peek("Register", 4, 7)).toBe("user's note");
      expect((await h.port.readTables(["Contracts"])).get("Contracts")?.headers).toHaveLength(7);
    });

    test("adds an empty column for the user's own values; new rows leave it blank, and text written there stays text", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await h.port.appendColumns("Contracts", ["Status"]);
      const table = (await h.port.readTables(["Contracts"])).get("Contracts");
      expect(table?.headers).toEqual(["Contract ID", "Title", "Supplier", "End date", "Value", "Status"]);
      expect(table?.rows).toEqual(REGISTER.slice(3).map((row) => [...row, null]));
      expect(h.formula("Register", 3, 5)).toBeUndefined();
      await h.port.updateTableCells("Contracts", [{ row: 1, column: "Status", value: "=Closed (was: Live)" }]);
      expect([h.peek("Register", 4, 5), h.formula("Register", 4, 5)]).toEqual(["=Closed (was: Live)", undefined]);
      await h.port.appendRows("Contracts", [["C-004", "Printing", "Inky Ltd", 46200, 10, "Live"]]);
      expect((await h.port.readTables(["Contracts"])).get("Contracts")?.rows[3]).toEqual(["C-004", "Printing", "Inky Ltd", 46200, 10, "Live"]);
    });

    test("a blank column never takes a cell to the right of the table, nor a header the table has", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await expect(h.port.appendColumns("Contracts", ["title"])).rejects.toThrow('The table "Contracts" already has a column "title"');
      for (const row of [2, 5]) {
        h.poke("Register", row, 5, "user's note");
        await expect(h.port.appendColumns("Contracts", ["Status"])).rejects.toThrow('Cannot add column "Status": a cell to the right of the table is not empty');
        expect(h.peek("Register", row, 5)).toBe("user's note");
        h.poke("Register", row, 5, null);
      }
      expect((await h.port.readTables(["Contracts"])).get("Contracts")?.headers).toHaveLength(5);
      await expect(h.port.appendColumns("Missing", ["Status"])).rejects.toThrow('There is no table "Missing"');
    });

    test("a blank header gets the name Excel gives it; a repeated one is numbered as Excel numbers it, its note keeping what it said", async () => {
      h = make({ Register: [["Contract ID", null, "Notes", "End date"], ["C-001", "Cleaning", "a", 46022]], Other: [["ID", "Notes", "notes"], ["C-001", "a", "b"]] });
      await h.port.convertToTable("Contracts", "Register", 0, 0, 2, 4);
      expect((await h.port.readTables(["Contracts"])).get("Contracts")?.headers).toEqual(["Contract ID", "Column2", "Notes", "End date"]);
      expect((await h.port.readUsedRange("Register")).values[1]).toEqual(["C-001", "Cleaning", "a", 46022]);
      await h.port.convertToTable("Other", "Other", 0, 0, 2, 3);
      expect((await h.port.readTables(["Other"])).get("Other")?.headers).toEqual(["ID", "Notes", "notes2"]);
      expect((await h.port.readUsedRange("Other")).values).toEqual([["ID", "Notes", "notes2"], ["C-001", "a", "b"]]);
    });

    test("empty text to the right of the table (a CSV's trailing empty fields) is a blank cell, not the user's", async () => {
      h = make({ Register: [["Contract ID", "End date", ""], ["C-001", 46022, ""], ["C-002", 46100, ""]] });
      await h.port.convertToTable("Contracts", "Register", 0, 0, 3, 2);
      await h.port.appendComputedColumns("Contracts", [DAYS_TO_EXPIRY]);
      expect(h.formula("Register", 1, 2)).toBe(DAYS_TO_EXPIRY.formula);
    });

    test("a missing table is a plain error for writes", async () => {
      await expect(h.port.appendRows("Missing", [["x"]])).rejects.toThrow('There is no table "Missing"');
      await expect(h.port.appendComputedColumns("Missing", [DAYS_TO_EXPIRY])).rejects.toThrow('There is no table "Missing"');
    });

    test("adds a sheet holding a new table; text stays text, also in headers", async () => {
      const headers = ["Contract ID", "Risk", "=Score", "Owner"];
      const rows: CellValue[][] = TRICKY_TEXT.map((text, i) => [`C-00${i}`, text, i, i % 3 === 0 ? null : "Owner"]);
      const progress: [number, number][] = [];
      await h.port.addTableSheet("Risks", "Risks", headers, rows, (done, total) => progress.push([done, total]));
      expect(await h.port.sheetNames()).toEqual(["Register", "Notes", "Risks"]);
      expect(progress[progress.length - 1]).toEqual([rows.length, rows.length]);
      expect((await h.port.readTables(["Risks"])).get("Risks")).toEqual({ name: "Risks", sheet: "Risks", row: 0, column: 0, headers, rows });
      expect(h.formula("Risks", 0, 2)).toBeUndefined();
      expect(h.formula("Risks", 1, 1)).toBeUndefined();
      expect(await h.port.tableNames()).toEqual([{ name: "Risks", sheet: "Risks" }]);
    });

    test("refuses a sheet or table name already taken", async () => {
      await h.port.addTableSheet("Risks", "Risks", ["A"], []);
      await expect(h.port.addTableSheet("Risks", "Other", ["A"], [])).rejects.toThrow('A sheet named "Risks" already exists');
      await expect(h.port.addTableSheet("Risks 2", "Risks", ["A"], [])).rejects.toThrow('A table named "Risks" already exists');
    });

    test("a table made with no rows reads as empty, then takes appended rows", async () => {
      await h.port.addTableSheet("Log", "Escalations", ["Escalation ID", "Reason"], []);
      expect((await h.port.readTables(["Escalations"])).get("Escalations")?.rows).toEqual([]);
      await h.port.appendRows("Escalations", [["E-1", "=expired"], ["E-2", null]]);
      await h.port.appendRows("Escalations", [["E-3", "late"]]);
      expect((await h.port.readTables(["Escalations"])).get("Escalations")?.rows).toEqual([["E-1", "=expired"], ["E-2", null], ["E-3", "late"]]);
      expect((await h.port.readUsedRange("Log")).values).toHaveLength(4);
    });

    test("reads several tables at once, reporting progress to the end", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await h.port.addTableSheet("Risks", "Risks", ["ID", "Risk"], [["C-001", "Late"]]);
      const progress: [number, number][] = [];
      const tables = await h.port.readTables(["Risks", "Contracts", "Risks"], (done, total) => progress.push([done, total]));
      expect([...tables.keys()]).toEqual(["Risks", "Contracts"]);
      expect(tables.get("Risks")?.rows).toEqual([["C-001", "Late"]]);
      expect(progress[progress.length - 1]).toEqual([4, 4]);
    });

    test("defines and redefines names", async () => {
      expect(await h.port.definedNames()).toEqual([]);
      await h.port.defineName("AsOf", "=Settings!$B$2");
      await h.port.defineName("AsOf", "=Settings!$B$3");
      expect(await h.port.definedNames()).toEqual(["AsOf"]);
    });

    test("keeps settings as text in the workbook", async () => {
      expect(await h.port.loadSetting("headerMapping")).toBeNull();
      await h.port.saveSetting("headerMapping", '{"endDate":"Expiry"}');
      await h.port.saveSetting("headerMapping", '{"endDate":"End"}');
      expect(await h.port.loadSetting("headerMapping")).toBe('{"endDate":"End"}');
    });

    test("formats and drop-downs can be applied twice", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      for (let i = 0; i < 2; i++) {
        await h.port.addRagFormat({ table: "Contracts", column: "Title" });
        await h.port.addDropDown({ table: "Contracts", column: "Supplier", choices: ["Gold", "Silver", "Bronze"] });
      }
      expect((await h.port.readUsedRange("Register")).values).toEqual(REGISTER);
    });

    test("writes a report sheet: the heading from A1, one blank row, the table, its chart; and shows it", async () => {
      const report = summaryReport();
      expect(await h.port.writeReportSheet(report)).toEqual({ replaced: false });
      expect(await h.port.sheetNames()).toEqual(["Register", "Notes", REPORT_SHEET]);
      expect(await h.port.activeSheet()).toBe(REPORT_SHEET);
      expect([h.peek(REPORT_SHEET, 0, 0), h.peek(REPORT_SHEET, 1, 0), h.peek(REPORT_SHEET, 1, 1)]).toEqual([report.heading[0][0], "Value at risk", 125000]);
      expect(REPORT_HEADERS.map((_, c) => h.peek(REPORT_SHEET, 2, c))).toEqual(REPORT_HEADERS.map(() => null));
      expect((await h.port.readTables([REPORT_TABLE])).get(REPORT_TABLE)).toEqual({ name: REPORT_TABLE, sheet: REPORT_SHEET, row: 3, column: 0, headers: REPORT_HEADERS, rows: REPORT_ROWS });
      expect(h.numberFormat(REPORT_SHEET, 5, 4)).toBe("dd/mm/yyyy");
      expect(h.numberFormat(REPORT_SHEET, 5, 3)).toBe("General");
      expect(h.charts(REPORT_SHEET)).toEqual([report.chart]);
    });

    test("a second report replaces the first, and no other sheet changes", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await h.port.writeReportSheet(summaryReport());
      const before = { register: await h.port.readUsedRange("Register"), notes: await h.port.readUsedRange("Notes") };
      const again = summaryReport([["C-003", "Security", "Green", 400, 46500]], `${MARKER} run again`);
      expect(await h.port.writeReportSheet(again)).toEqual({ replaced: true });
      expect(await h.port.sheetNames()).toEqual(["Register", "Notes", REPORT_SHEET]);
      expect(h.peek(REPORT_SHEET, 0, 0)).toBe(`${MARKER} run again`);
      expect((await h.port.readTables([REPORT_TABLE])).get(REPORT_TABLE)?.rows).toEqual(again.table.rows);
      expect(h.peek(REPORT_SHEET, 5, 0)).toBeNull();
      expect(h.charts(REPORT_SHEET)).toEqual([again.chart]);
      expect(await h.port.tableNames()).toEqual([{ name: "Contracts", sheet: "Register" }, { name: REPORT_TABLE, sheet: REPORT_SHEET }]);
      expect(await h.port.readUsedRange("Register")).toEqual(before.register);
      expect(await h.port.readUsedRange("Notes")).toEqual(before.notes);
      // and a report with no rows reads as an empty table
      await h.port.writeReportSheet(summaryReport([]));
      expect((await h.port.readTables([REPORT_TABLE])).get(REPORT_TABLE)?.rows).toEqual([]);
    });

    test("a user's sheet of the report's name is refused and left as it was", async () => {
      const refusal = 'A sheet named "Notes" already exists and was not written by the tracker: rename it and run again';
      const onNotes = { ...summaryReport(), sheet: "Notes" };
      await expect(h.port.writeReportSheet(onNotes)).rejects.toThrow(refusal);
      // the marker anywhere but at the start of A1 does not make a sheet the tracker's
      h.poke("Notes", 0, 0, `My notes: ${MARKER}`);
      h.poke("Notes", 0, 1, MARKER);
      await expect(h.port.writeReportSheet(onNotes)).rejects.toThrow(refusal);
      h.poke("Notes", 0, 0, 42);
      await expect(h.port.writeReportSheet(onNotes)).rejects.toThrow(refusal);
      expect(await h.port.readUsedRange("Notes")).toEqual({ sheet: "Notes", row: 0, column: 0, values: [[42, MARKER]] });
      expect(await h.port.sheetNames()).toEqual(["Register", "Notes"]);
      expect(await h.port.tableNames()).toEqual([]);
      expect(h.charts("Notes")).toEqual([]);
    });

    test("a report whose table name is taken is refused before the earlier report is touched", async () => {
      await h.port.writeReportSheet(summaryReport());
      await h.port.convertToTable("Taken", "Register", 2, 0, 4, 5);
      const clashing = summaryReport([]);
      await expect(h.port.writeReportSheet({ ...clashing, table: { ...clashing.table, name: "Taken" } })).rejects.toThrow('A table named "Taken" already exists');
      expect((await h.port.readTables([REPORT_TABLE])).get(REPORT_TABLE)?.rows).toEqual(REPORT_ROWS);
      expect(await h.port.sheetNames()).toEqual(["Register", "Notes", REPORT_SHEET]);
    });

    test("a report's text lands as text: heading, headers, cells and chart labels", async () => {
      const headers = ["Contract ID", "=Title", "RAG", "+Days", "@Notice"];
      const rows: CellValue[][] = TRICKY_TEXT.map((text, i) => [`C-${i}`, text, "Red", i, text]);
      const report: ReportSheet = {
        sheet: REPORT_SHEET,
        marker: MARKER,
        heading: [[`${MARKER} =HYPERLINK("http://x")`], ["=HYPERLINK(\"x\")", "+cmd", "-2+3", "@SUM(A1)"]],
        table: { name: REPORT_TABLE, headers, rows, ragColumn: "RAG" },
        chart: { title: "=1+1", points: [{ label: "=Red", value: 1, color: "#C00000" }, { label: "-2+3", value: 2, color: "#FFC000" }] },
      };
      await h.port.writeReportSheet(report);
      report.heading.forEach((line, r) =>
        line.forEach((text, c) => {
          expect(h.peek(REPORT_SHEET, r, c)).toBe(text);
          expect(h.formula(REPORT_SHEET, r, c)).toBeUndefined();
        }),
      );
      expect((await h.port.readTables([REPORT_TABLE])).get(REPORT_TABLE)).toMatchObject({ headers, rows });
      TRICKY_TEXT.forEach((_, i) => expect(h.formula(REPORT_SHEET, 4 + i, 1)).toBeUndefined());
      expect(h.charts(REPORT_SHEET)).toEqual([report.chart]);
    });

    test("filters a table to a number range on one column, and shows every row again", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      expect(h.visibleRows("Contracts")).toEqual([0, 1, 2]);
      // End date: 46022, 46100 and the text "31/12/2099", which no number range shows
      await h.port.filterTable("Contracts", "End date", { atLeast: 46050 });
      expect(h.visibleRows("Contracts")).toEqual([1]);
      await h.port.filterTable("Contracts", "End date", { atMost: 46050 });
      expect(h.visibleRows("Contracts")).toEqual([0]);
      await h.port.filterTable("Contracts", "End date", { atLeast: 46000, atMost: 46200 });
      expect(h.visibleRows("Contracts")).toEqual([0, 1]);
      await h.port.filterTable("Contracts", "End date", {});
      expect(h.visibleRows("Contracts")).toEqual([0, 1]);
      // a filter on another column replaces the first (Value: 1200, blank, "£3,330" as text)
      await h.port.filterTable("Contracts", "Value", { atLeast: 0 });
      expect(h.visibleRows("Contracts")).toEqual([0]);
      await h.port.filterTable("Contracts", "Value", null);
      expect(h.visibleRows("Contracts")).toEqual([0, 1, 2]);
    });

    test("filters and selections name a missing table, column or row", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await expect(h.port.filterTable("Contracts", "Nope", { atLeast: 0 })).rejects.toThrow('The table "Contracts" has no column "Nope"');
      await expect(h.port.filterTable("Contracts", "Nope", null)).rejects.toThrow('The table "Contracts" has no column "Nope"');
      await expect(h.port.filterTable("Missing", "End date", null)).rejects.toThrow('There is no table "Missing"');
      await expect(h.port.selectedTableRows("Missing")).rejects.toThrow('There is no table "Missing"');
      await expect(h.port.selectTableCell("Missing", 0, "Title")).rejects.toThrow('There is no table "Missing"');
      await expect(h.port.selectTableCell("Contracts", 0, "Nope")).rejects.toThrow('The table "Contracts" has no column "Nope"');
      await expect(h.port.selectTableCell("Contracts", 3, "Title")).rejects.toThrow('The table "Contracts" has no row 4');
      await expect(h.port.selectTableCell("Contracts", -1, "Title")).rejects.toThrow('The table "Contracts" has no row 0');
    });

    test("the selected rows of a table are the body rows the selection touches", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      const rowsWith = async (row: number, column: number, rowCount = 1, columnCount = 1, sheet = "Register"): Promise<number[]> => {
        h.select({ sheet, row, column, rowCount, columnCount });
        return h.port.selectedTableRows("Contracts");
      };
      expect(await rowsWith(4, 1, 2, 3)).toEqual([1, 2]);
      expect(await rowsWith(2, 0, 1, 5)).toEqual([]); // the header row alone
      expect(await rowsWith(0, 0, 4, 1)).toEqual([0]); // from the title down into the first row
      expect(await rowsWith(3, 5, 3, 1)).toEqual([]); // beside the table
      expect(await rowsWith(6, 0)).toEqual([]); // below it
      expect(await rowsWith(0, 1, 1_048_576, 1)).toEqual([0, 1, 2]); // the whole column B
      expect(await rowsWith(3, 0, 3, 5, "Notes")).toEqual([]); // the same cells of another sheet
    });

    test("selects a cell of a table's body, bringing its sheet into view", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      h.select({ sheet: "Notes", row: 0, column: 0, rowCount: 1, columnCount: 1 });
      await h.port.selectTableCell("Contracts", 2, "Supplier");
      expect(h.selection()).toEqual({ sheet: "Register", row: 5, column: 2, rowCount: 1, columnCount: 1 });
      expect(await h.port.activeSheet()).toBe("Register");
      expect(await h.port.selectedTableRows("Contracts")).toEqual([2]);
    });

    test("an empty table has no rows to select", async () => {
      await h.port.addTableSheet("Log", "Escalations", ["Escalation ID", "Reason"], []);
      h.select({ sheet: "Log", row: 0, column: 0, rowCount: 3, columnCount: 2 });
      expect(await h.port.selectedTableRows("Escalations")).toEqual([]);
      await expect(h.port.selectTableCell("Escalations", 0, "Reason")).rejects.toThrow('The table "Escalations" has no row 1');
    });

    test("changes cells of a table's body in place: text stays text, a value replaces a formula, a formula cell is one", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await h.port.appendComputedColumns("Contracts", [DAYS_TO_EXPIRY]);
      const before = (await h.port.readUsedRange("Register")).values;
      await h.port.updateTableCells("Contracts", [
        { row: 0, column: "Title", value: "=1+1" },
        { row: 2, column: "Value", value: 99 },
        { row: 1, column: "supplier", value: null },
        { row: 1, column: "Days to expiry", value: 5 },
        { row: 2, column: "End date", value: { formula: "=TODAY()" } },
        ...TRICKY_TEXT.slice(1, 4).map((text, i) => ({ row: i, column: "Contract ID", value: text })),
      ]);
      expect([h.peek("Register", 3, 1), h.formula("Register", 3, 1)]).toEqual(["=1+1", undefined]);
      expect(h.peek("Register", 5, 4)).toBe(99);
      expect(h.peek("Register", 4, 2)).toBeNull();
      expect([h.peek("Register", 4, 5), h.formula("Register", 4, 5)]).toEqual([5, undefined]);
      expect(h.formula("Register", 5, 3)).toBe("=TODAY()");
      TRICKY_TEXT.slice(1, 4).forEach((text, i) => expect([h.peek("Register", 3 + i, 0), h.formula("Register", 3 + i, 0)]).toEqual([text, undefined]));
      // the other cells stay as they were, and so does the calculated column elsewhere
      const after = (await h.port.readUsedRange("Register")).values;
      const changed = new Set(["3,1", "5,4", "4,2", "4,5", "5,3", "3,0", "4,0", "5,0"]);
      after.forEach((line, r) => line.forEach((value, c) => changed.has(`${r},${c}`) || expect([r, c, value]).toEqual([r, c, before[r][c]])));
      expect(h.formula("Register", 3, 5)).toBe(DAYS_TO_EXPIRY.formula);
      await h.port.updateTableCells("Contracts", []);
    });

    test("checks every cell change before writing any: a missing table, column or row changes nothing", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      const ok = { row: 0, column: "Title", value: "changed" };
      await expect(h.port.updateTableCells("Missing", [ok])).rejects.toThrow('There is no table "Missing"');
      await expect(h.port.updateTableCells("Contracts", [ok, { row: 0, column: "Nope", value: 1 }])).rejects.toThrow('The table "Contracts" has no column "Nope"');
      await expect(h.port.updateTableCells("Contracts", [ok, { row: 3, column: "Title", value: 1 }])).rejects.toThrow('The table "Contracts" has no row 4');
      await expect(h.port.updateTableCells("Contracts", [ok, { row: -1, column: "Title", value: 1 }])).rejects.toThrow('The table "Contracts" has no row 0');
      expect(h.peek("Register", 3, 1)).toBe("Cleaning");
      await h.port.addTableSheet("Log", "Escalations", ["Escalation ID", "Reason"], []);
      await expect(h.port.updateTableCells("Escalations", [{ row: 0, column: "Reason", value: "x" }])).rejects.toThrow('The table "Escalations" has no row 1');
    });

    test("tells a listener where the selection moved, whoever moved it, until it stops listening", async () => {
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      const seen: [string, number, number][] = [];
      const other: [string, number, number][] = [];
      const stop = await h.port.onSelectionChanged((sheet, row, column) => seen.push([sheet, row, column]));
      const stopOther = await h.port.onSelectionChanged((sheet, row, column) => other.push([sheet, row, column]));
      expect(seen).toEqual([]);
      h.select({ sheet: "Register", row: 4, column: 1, rowCount: 2, columnCount: 3 });
      expect(seen).toEqual([]); // told later, not inside the change
      await h.eventsDelivered();
      expect(seen).toEqual([["Register", 4, 1]]);
      await h.port.selectTableCell("Contracts", 2, "Supplier");
      await h.eventsDelivered();
      expect(seen).toEqual([["Register", 4, 1], ["Register", 5, 2]]);
      h.select({ sheet: "Notes", row: 0, column: 0, rowCount: 1, columnCount: 1 });
      await h.eventsDelivered();
      expect(seen[2]).toEqual(["Notes", 0, 0]);
      await stop();
      await stop(); // stopping twice is harmless
      h.select({ sheet: "Register", row: 3, column: 0, rowCount: 1, columnCount: 1 });
      await h.eventsDelivered();
      expect(seen).toHaveLength(3);
      // the other listener still hears
      expect(other).toEqual([...seen, ["Register", 3, 0]]);
      await stopOther();
    });

    test("a listener stopped while a change is on its way is not told of it", async () => {
      const seen: string[] = [];
      const stop = await h.port.onSelectionChanged((sheet) => seen.push(sheet));
      h.select({ sheet: "Notes", row: 0, column: 0, rowCount: 1, columnCount: 1 });
      await stop();
      await h.eventsDelivered();
      expect(seen).toEqual([]);
    });

    test("tells a listener when the named table's cells change or a table of that name is added, not of other tables, until it stops", async () => {
      const heard: string[] = [];
      const stop = await h.port.onTableChanged("Settings", () => heard.push("Settings"));
      await h.port.convertToTable("Contracts", "Register", 2, 0, 4, 5);
      await h.port.updateTableCells("Contracts", [{ row: 0, column: "Title", value: "Window cleaning" }]);
      await h.eventsDelivered();
      expect(heard).toEqual([]);
      await h.port.addTables([{ sheet: "Settings", table: "Settings", headers: ["Name", "Value"], rows: [["date_order", "dmy"]] }]);
      await h.eventsDelivered();
      expect(heard.length).toBeGreaterThan(0);
      for (const change of [
        () => h.port.updateTableCells("Settings", [{ row: 0, column: "Value", value: "mdy" }]),
        () => h.port.appendRows("Settings", [["expiry_red_days", 60]]),
      ]) {
        heard.length = 0;
        await change();
        await h.eventsDelivered();
        expect(heard.length).toBeGreaterThan(0);
      }
      await stop();
      await stop(); // stopping twice is harmless
      heard.length = 0;
      await h.port.updateTableCells("Settings", [{ row: 0, column: "Value", value: "dmy" }]);
      await h.eventsDelivered();
      expect(heard).toEqual([]);
    });

    test("recalculates the workbook", async () => {
      expect(h.recalculations()).toBe(0);
      await h.port.recalculate();
      expect(h.recalculations()).toBe(1);
    });
  });
}
