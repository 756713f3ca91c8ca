// A long register is held by convert a column at a time (ColumnRows) and its CSV values each held
// once (splitCsv): both are ways of holding the same cells, so what is read back must be exactly
// what the rows held, whatever their shape.
import fc from "fast-check";
import { splitCsv } from "../../src/cli/csvSplit";
import { ArrayRows, ColumnRows, heldRows } from "../../src/cli/registerRows";
import type { CellValue } from "../../src/workbook/port";

const cell: fc.Arbitrary<CellValue> = fc.oneof(fc.constant(null), fc.constant(""), fc.string({ maxLength: 20 }), fc.double({ noNaN: true }), fc.boolean());

describe("ColumnRows", () => {
  it("reads every row and column back as the rows held them: short rows stay short, blank rows stay blank", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }), fc.nat(31), (rows, from) => {
        const expected = new ArrayRows(rows.map((r) => [...r]));
        const held = ColumnRows.take(rows.map((r) => [...r]));
        expect(held.length).toBe(expected.length);
        expect(held.width).toBe(expected.width);
        for (let r = 0; r <= expected.length; r++) expect(held.row(r)).toEqual(expected.row(r));
        for (let c = 0; c <= expected.width; c++) expect(held.column(c, from)).toEqual(expected.column(c, from));
      }),
    );
  });

  it("reads a gap in an .xlsx row as a blank in its column, as the rows did", () => {
    const gappy: CellValue[] = ["C1"];
    gappy[2] = "31/03/2026";
    const held = ColumnRows.take([["Ref", "Title", "End"], gappy]);
    expect(held.column(1, 1)).toEqual([null]);
    expect(held.row(1)).toEqual(["C1", undefined, "31/03/2026"]);
  });

  it("takes the rows it is given (the array is left empty, so the rows can be let go)", () => {
    const rows: CellValue[][] = [["Ref"], ["C1"]];
    ColumnRows.take(rows);
    expect(rows).toEqual([]);
  });
});

describe("heldRows", () => {
  it("holds rows of about one length as columns", () => {
    const rows: CellValue[][] = [["Ref", "Title", "End"], ["C1", "Cleaning"], ["C2", "Catering", "31/03/2026"]];
    expect(heldRows(rows)).toBeInstanceOf(ColumnRows);
  });

  it("keeps rows as rows when one is far wider than the rest (columns as long as the register would be mostly empty), reading back the same", () => {
    const rows: CellValue[][] = [["Ref", "End"], ...Array.from({ length: 1000 }, (_, i) => [`C${i}`, "31/03/2026"])];
    rows.push(Array.from({ length: 5000 }, (_, i) => `note ${i}`));
    const expected = new ArrayRows(rows.map((r) => [...r]));
    const held = heldRows(rows);
    expect(held).not.toBeInstanceOf(ColumnRows);
    expect(held.width).toBe(5000);
    expect(held.row(1001)).toEqual(expected.row(1001));
    expect(held.column(1, 1)).toEqual(expected.column(1, 1));
  });
});

describe("splitCsv holding each repeated value once", () => {
  it("splits a column of a few repeated values and one of thousands of distinct ones into exactly their text", () => {
    const statuses = ["Live", "Expired", "Extended: awaiting sign-off", ""];
    const lines = Array.from({ length: 10_000 }, (_, i) => `AC-${String(i).padStart(7, "0")},${statuses[i % 4]},"Service ${i}, lot ${i % 9}",${(i * 7.5).toFixed(2)}`);
    const { rows } = splitCsv(`Ref,Status,Title,Value\n${lines.join("\n")}\n`, ",");
    expect(rows).toHaveLength(10_001);
    rows.slice(1).forEach((row, i) => {
      expect(row).toEqual([`AC-${String(i).padStart(7, "0")}`, statuses[i % 4], `Service ${i}, lot ${i % 9}`, (i * 7.5).toFixed(2)]);
    });
  });
});
