/**
 * convert streams the register a row at a time; the tracker it writes is the very workbook the
 * in-memory set-up writes from the whole register (every part byte for byte), for generated
 * registers with title rows, blank rows inside and after, cells beyond the header, text dates in
 * either order, serials written as text, money, periods, duplicate IDs and blank IDs.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readRegister } from "../../src/cli/readRegister";
import { fieldColumns, findRegister } from "../../src/cli/register";
import { typeRegisterCells } from "../../src/cli/registerTypes";
import { writeTracker } from "../../src/cli/writeTracker";
import type { DateOrder } from "../../src/core/dates";
import { CONTRACTS } from "../../src/core/schema";
import { workbookDateOrder } from "../../src/core/workbookDateOrder";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { cli } from "../helpers/cli";
import { xlsxParts } from "../helpers/xlsxParts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-stream-"));

/** The tracker as set-up makes it from the whole register held in memory (convert before it streamed). */
async function inMemoryTracker(file: string, out: string, formulas: "contract" | "native", asOf: number): Promise<void> {
  const register = await readRegister(file);
  const found = findRegister(register);
  const book = MemoryWorkbook.fromSheets(Object.fromEntries(register.sheets));
  book.active = found.sheet;
  const order = workbookDateOrder(found.rows.slice(found.mapping.headerRow + 1), fieldColumns(found.mapping), CONTRACTS.fields, "dmy" as DateOrder);
  const typing = typeRegisterCells(book.sheets.get(found.sheet) ?? [], found, order);
  await setUpTracker(book, {
    sheet: found.sheet,
    mapping: found.mapping,
    asOf,
    fixedAsOf: true,
    dateOrder: typing.dateOrder,
    registerDateOrder: typing.dateOrder,
    createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"],
    formulas,
  });
  await writeTracker(book, out);
}

const cell = (values: readonly string[]) => fc.constantFrom(...values);
const row = fc.tuple(
  fc.oneof(cell(["C-1", "C-2", "C-3", " c-1 ", ""]), fc.integer({ min: 1, max: 99999 }).map((n) => `AC-${n}`)),
  cell(["Cleaning", "Catering, north", 'Say "hi"', ""]),
  cell(["31/03/2025", "03/25/2025", "2026-01-15", "45747", "TBC", "", "31/12/2099", "1/2/2027 14:30"]),
  cell(["3 months", "90 days", "6m", "", "1+1"]),
  cell(["£1,200.50", "1.234,50 €", "5000", "N/A", ""]),
  cell(["", "", "extra"]),
);

const register = fc.record({
  title: fc.boolean(),
  rows: fc.array(fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 0, maxLength: 30 }),
  trailingBlank: fc.nat({ max: 2 }),
  native: fc.boolean(),
});

test("the streamed tracker is the in-memory set-up's workbook, part for part", async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(register, async ({ title, rows, trailingBlank, native }) => {
      const lines = [
        ...(title ? ["Contract register 2025,,,,,", ",,,,,"] : []),
        "Contract ID,Title,End date,Notice period,Annual value,",
        ...rows.map((r) => (r === null ? ",,,,," : r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(","))),
        ...Array.from({ length: trailingBlank }, () => ",,,,,"),
      ];
      const file = path.join(dir, `r${n++}.csv`);
      fs.writeFileSync(file, lines.join("\r\n"));
      const expected = path.join(dir, `expected${n}.xlsx`);
      const streamed = path.join(dir, `streamed${n}.xlsx`);
      const formulas = native ? "native" : "contract";
      await inMemoryTracker(file, expected, formulas, 45747);
      const result = await cli("convert", file, "--out", streamed, "--as-of", "2025-03-31", "--formulas", formulas);
      expect(result.err).toBe("");
      expect(result.code).toBe(0);
      expect(Object.fromEntries(xlsxParts(streamed))).toEqual(Object.fromEntries(xlsxParts(expected)));
    }),
    { numRuns: 60 },
  );
}, 300_000);
