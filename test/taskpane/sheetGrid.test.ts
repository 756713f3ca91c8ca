import { formatSerial } from "../../src/core/dates";
import { RAG_FILLS, ragFillOf } from "../../src/core/ragFills";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { sheetGrid } from "../../src/taskpane/preview/sheetGrid";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

// The preview's grid draws the in-memory workbook as Excel would: what each cell shows, which cells
// are a table's header or banded rows, the RAG fills, the selection, and it hears every change.

const NOW = new Date(2026, 10, 30);

async function sampleTracker(): Promise<MemoryWorkbook> {
  const pane = previewWorkbook(NOW);
  await pane.sample?.load();
  if (!(pane.port instanceof MemoryWorkbook)) throw new Error("the preview holds a memory workbook");
  return pane.port;
}

test("the sample register shows its dates and money as the register formats them, before and after set-up", async () => {
  const pane = previewWorkbook(NOW);
  const book = pane.port as MemoryWorkbook;
  const before = sheetGrid(book, "Contract register");
  const header = before.rows.find((r) => r.cells[0].text === "Contract Ref");
  const first = before.rows[before.rows.indexOf(header ?? before.rows[0]) + 1];
  expect(first.cells[7].text).toMatch(/^\d\d\/\d\d\/\d{4}$/);
  expect(first.cells[12].text).toMatch(/^£\d{1,3}(,\d{3})*$/);
  expect(first.cells[12].numeric).toBe(true);
  await pane.sample?.load();
  const after = sheetGrid(book, "Contract register");
  expect(after.rows[4].cells[7].text).toBe(first.cells[7].text);
});

test("the Contracts table's header row is styled, its body banded from the first row, and every RAG cell filled as Excel's rule fills it", async () => {
  const book = await sampleTracker();
  const grid = sheetGrid(book, "Contract register");
  const table = book.tables.get("Contracts");
  if (!table) throw new Error("set-up made Contracts");
  const headerRow = grid.rows.find((r) => r.row === table.row);
  expect(headerRow?.cells.every((c) => c.style === "header")).toBe(true);
  const body = grid.rows.filter((r) => r.row > table.row);
  expect(body).toHaveLength(table.rowCount);
  expect(body.map((r) => r.cells[0].style)).toEqual(body.map((_, i) => (i % 2 === 0 ? "band" : "body")));
  const rag = headerRow?.cells.findIndex((c) => c.text === "RAG") ?? -1;
  expect(rag).toBeGreaterThan(0);
  for (const line of body) {
    const cell = line.cells[rag];
    expect(cell.rag?.text).toBe(RAG_FILLS.find((f) => cell.text.toLowerCase().includes(f.text.toLowerCase()))?.text);
    expect(cell.formula).toMatch(/^=CONTRACT\.RAG\(/);
  }
  expect(new Set(body.map((r) => r.cells[rag].rag?.text))).toEqual(new Set(["Red", "Amber", "Green", "Unrated"]));
  // The RAG reason beside it says "red at 90" but is not a RAG column: no fill.
  expect(body.every((r) => r.cells[rag + 1].rag === undefined)).toBe(true);
  // Above the table, the register's title is a plain cell whose text runs on over the empty cells beside it.
  expect(grid.rows[0].cells[0].style).toBe("plain");
  expect(grid.rows[0].cells[0].spills).toBe(true);
  expect(headerRow?.cells.some((c) => c.spills)).toBe(false);
});

test("Excel's contains-text rule: any case, anywhere in the text, the first rule first; numbers and blanks get no fill", () => {
  expect(ragFillOf("Amber")?.text).toBe("Amber");
  expect(ragFillOf("GREEN")?.text).toBe("Green");
  expect(ragFillOf("Red/Amber")?.text).toBe("Red");
  expect(ragFillOf("Unrated")?.text).toBe("Unrated");
  for (const value of ["", "Blue", 3, null, true]) expect(ragFillOf(value)).toBeNull();
});

test("the selection is the grid's when on its sheet, and a filtered table's hidden rows are left out", async () => {
  const book = await sampleTracker();
  await book.selectTableCell("Contracts", 2, "Contract Ref");
  expect(sheetGrid(book, "Contract register").selected).toEqual({ row: 6, column: 0 });
  expect(sheetGrid(book, "Settings").selected).toBeNull();
  await book.filterTable("Contracts", "Days to expiry", { atMost: 90 });
  const shown = sheetGrid(book, "Contract register").rows.filter((r) => r.row > 3);
  expect(shown.length).toBe(book.visibleRows("Contracts").length);
  expect(shown.length).toBeLessThan(27);
});

test("every change a view of the workbook shows is told once, after it: set-up, a written sheet, a selection, a sheet brought into view", async () => {
  const pane = previewWorkbook(NOW);
  const book = pane.port as MemoryWorkbook;
  let told = 0;
  const stop = book.onWorkbookChanged(() => told++);
  await pane.sample?.load();
  await Promise.resolve();
  expect(told).toBeGreaterThan(0);
  const sheets = (): string[] => [...book.sheets.keys()];
  expect(sheets()).toContain("Milestones");
  told = 0;
  book.select("Contract register", 5, 0);
  book.select("Contract register", 6, 0);
  await Promise.resolve();
  expect(told).toBe(1);
  book.activate("Settings");
  await Promise.resolve();
  expect(told).toBe(2);
  // A form's new row (Add milestone appends to the Milestones table): told, and drawn.
  const before = sheetGrid(book, "Milestones").rows.length;
  await book.appendRows("Milestones", [["NBC-C-0101", "Mobilisation", 46300, 46300, null, "Priya Shah"]]);
  await Promise.resolve();
  expect(told).toBe(3);
  const after = sheetGrid(book, "Milestones").rows;
  expect(after).toHaveLength(before + 1);
  expect(after[after.length - 1].cells.slice(0, 3).map((c) => c.text)).toEqual(["NBC-C-0101", "Mobilisation", formatSerial(46300)]);
  expect(book.active).toBe("Settings");
  stop();
  book.activate("Milestones");
  await Promise.resolve();
  expect(told).toBe(3);
});
