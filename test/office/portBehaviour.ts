/**
 * What every WorkbookPort must do, as a feature sees it. Run against the in-memory workbook and
 * against the Office adapter over the fake Excel, so the two cannot drift apart.
 */
import type { CellValue, WorkbookPort } from "../../src/workbook/port";

/** A workbook under test, with a way to touch and inspect cells behind the port's back. */
export interface PortHarness {
  port: WorkbookPort;
  /** Puts a constant in a cell, as a user typing would (text stays text). */
  poke(sheet: string, row: number, column: number, value: CellValue): void;
  /** A cell's value as stored (null when empty). */
  peek(sheet: string, row: number, column: number): CellValue;
  /** A cell's formula, if it has one. */
  formula(sheet: string, row: number, column: number): string | undefined;
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
  });
}
