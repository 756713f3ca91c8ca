import * as fc from "fast-check";
import * as path from "path";
import { dateToSerial } from "../../src/core/dates";
import { readStatus } from "../../src/core/statusPhrases";
import { CLOSED, closingStatus, markClosed, planClosing } from "../../src/features/markClosed";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MAPPING_SETTING, readTracker, summarise } from "../../src/features/trackerData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { readCsv } from "../helpers/csv";
import { REAL } from "../helpers/registerTruth";

// Mark as closed: the contracts the summary calls probably closed get a closing status in their
// Status cell, keeping what the user typed there, as text; the register gains a Status column
// where it has none; nothing else in the workbook changes.

const AS_OF = dateToSerial(2026, 11, 25) ?? 0;
const AT = { asOf: AS_OF };

const HEADERS = ["Ref", "Contract title", "Provider", "Start date", "Expiry", "Total value", "Status"];
const REGISTER: CellValue[][] = [
  ["Anytown Council — contract register"],
  [],
  HEADERS,
  ["C-001", "Cleaning", "Binco Ltd", "01/04/2016", "31/03/2019", 10000, null],
  ["C-002", "Catering", "Food Co", "01/04/2017", "31/03/2020", 20000, "Live - to be replaced"],
  ["C-003", '=HYPERLINK("http://x","Gas")', "Gas plc", "01/04/2018", "31/03/2021", 30000, "=cmd|' /C calc'!A0"],
  ["C-004", "Parks", "Green Co", "01/04/2024", "30/04/2027", 40000, "Live"],
  ["C-005", "Old contract", "Shine Ltd", "01/04/2015", "31/03/2018", 1000, "Terminated"],
  // Two contracts typed with one reference: marked by row, only the one asked for changes.
  ["C-006", "Printing", "Inky Ltd", "01/04/2016", "31/03/2019", 5000, "Active"],
  ["C-006", "Post room", "Mail Ltd", "01/04/2016", "31/03/2019", 6000, "Active"],
];

async function tracker(rows: CellValue[][] = REGISTER): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: rows.map((r) => [...r]) });
  await setUpTracker(book, { asOf: AS_OF });
  return book;
}

const cells = (book: MemoryWorkbook, sheet: string) => (book.sheets.get(sheet) ?? []).map((line) => line.map((c) => ({ value: c.value, formula: c.formula })));

/** The probably-closed contracts of the summary, as the pane names them. */
async function stale(book: MemoryWorkbook) {
  const { data } = await readTracker(book, AT);
  return summarise(data).stale.map((c) => ({ row: c.row, id: c.id }));
}

test("a blank Status becomes Closed and typed text is kept after it, as text; then the summary counts them closed, not probably closed", async () => {
  const book = await tracker();
  const before = summarise((await readTracker(book, AT)).data);
  expect(before.stale.map((c) => c.id)).toEqual(["C-001", "C-006", "C-006", "C-002", "C-003"]);
  const targets = (await stale(book)).filter((t) => t.id !== "C-006");
  const plan = await planClosing(book, targets, AT);
  expect(plan).toMatchObject({ table: "Contracts", sheet: "Register", column: "Status", columnLetter: "G", addColumn: false, skipped: [] });
  expect(plan.writes.map((w) => [w.id, w.cell, w.before, w.after])).toEqual([
    ["C-001", "G4", null, "Closed"],
    ["C-002", "G5", "Live - to be replaced", "Closed (was: Live - to be replaced)"],
    ["C-003", "G6", "=cmd|' /C calc'!A0", "Closed (was: =cmd|' /C calc'!A0)"],
  ]);
  const untouched = cells(book, "Register");
  const report = await markClosed(book, plan, AT);
  expect(report).toEqual({ table: "Contracts", column: "Status", addedColumn: false, written: ["C-001", "C-002", "C-003"], closedNow: 3 });
  // Only the three Status cells changed, and none became a formula.
  const now = cells(book, "Register");
  const changed = new Set(["3,6", "4,6", "5,6"]);
  now.forEach((line, r) => line.forEach((cell, c) => changed.has(`${r},${c}`) || expect([r, c, cell]).toEqual([r, c, untouched[r]?.[c] ?? { value: null, formula: undefined }])));
  expect([3, 4, 5].map((r) => now[r][6])).toEqual(plan.writes.map((w) => ({ value: w.after, formula: undefined })));
  const after = summarise((await readTracker(book, AT)).data);
  expect(after.stale.map((c) => c.id)).toEqual(["C-006", "C-006"]);
  expect(after.closedContracts).toBe(before.closedContracts + 3);
  expect(after.staleContracts + after.closedContracts + after.counts.red + after.counts.amber + after.counts.green + after.counts.unrated).toBe(after.totalContracts);
});

test("whatever the Status said, the closing status reads as closed and keeps the old text", () => {
  // Words registers use, with the negations and phrasings the status reader turns round on.
  const word = fc.constantFrom("not", "no", "yet", "to be", "pending", "awaiting", "under way", "live", "active", "closed", "complete", "extended", "re-procurement", "notice given", "was", "(", ")", ":", "-", "=", "+", "@", "2027", "31/03/2027");
  const phrase = fc.oneof(fc.string(), fc.array(word, { maxLength: 8 }).map((w) => w.join(" ")));
  fc.assert(
    fc.property(phrase, (old) => {
      const status = closingStatus(old);
      expect(readStatus(status).class).toBe("closed");
      expect(status).toBe(old.trim() === "" ? CLOSED : `${CLOSED} (was: ${old.trim()})`);
    }),
    { numRuns: 2000 },
  );
  expect([closingStatus(null), closingStatus(45000), closingStatus(true)]).toEqual(["Closed", "Closed (was: 45000)", "Closed (was: TRUE)"]);
});

test("every status of the shared registers, closed this way, reads as closed", () => {
  const registers: [string, string][] = [
    ["act-gov-contracts/act_contracts_2025.csv", "status"],
    ["nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv", "Current Phase"],
    ["lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv", "status"],
    ["uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv", "contract_status"],
  ];
  const statuses = new Set<string>();
  for (const [file, column] of registers) {
    const [headers, ...rows] = readCsv(path.join(REAL, file));
    const at = headers.indexOf(column);
    expect(at).toBeGreaterThanOrEqual(0);
    for (const row of rows) statuses.add(row[at] ?? "");
  }
  expect(statuses.size).toBeGreaterThan(10);
  expect([...statuses].filter((s) => readStatus(closingStatus(s)).class !== "closed")).toEqual([]);
});

test("a contract already closed, or no longer at the row the pane read, is left alone with the reason", async () => {
  const book = await tracker();
  const plan = await planClosing(book, [{ row: 8, id: "C-005" }, { row: 4, id: "C-002" }, { row: 5, id: "c-002" }, { row: 5, id: "C-002" }], AT);
  expect(plan.writes.map((w) => w.id)).toEqual(["C-002"]);
  expect(plan.skipped).toEqual([
    { id: "C-005", reason: 'C-005 is already closed: its status says "Terminated"' },
    { id: "C-002", reason: "C-002 is no longer on row 4 of the Contracts table" },
  ]);
});

test("contracts that share an ID are marked by their row: only the one asked for changes", async () => {
  const book = await tracker();
  const [first] = (await stale(book)).filter((t) => t.id === "C-006");
  const report = await markClosed(book, await planClosing(book, [first], AT), AT);
  expect(report.closedNow).toBe(1);
  expect(book.snapshot("Contracts").rows.filter((r) => r[0] === "C-006").map((r) => r[6])).toEqual(["Closed (was: Active)", "Active"]);
});

test("if the register changed after the plan was shown, nothing is written and the message says what changed", async () => {
  const book = await tracker();
  const plan = await planClosing(book, await stale(book), AT);
  const table = book.snapshot("Contracts");
  book.cell("Register", table.row + 2, 6).value = "Extended to 2027";
  const untouched = cells(book, "Register");
  await expect(markClosed(book, plan, AT)).rejects.toThrow(/^Nothing was written: the register changed since you confirmed \(the status of C-002 now says "Extended to 2027"\)/);
  expect(cells(book, "Register")).toEqual(untouched);
});

describe("a register without a Status column", () => {
  const withoutStatus = (): CellValue[][] => REGISTER.map((r) => r.slice(0, 6));

  test("gets one at the right of the Contracts table, after the computed columns; later reads find it there", async () => {
    const book = await tracker(withoutStatus());
    const headers = book.snapshot("Contracts").headers;
    const plan = await planClosing(book, await stale(book), AT);
    expect(plan).toMatchObject({ column: "Status", addColumn: true, addedAfter: "Escalation level", columnLetter: "N" });
    expect(plan.writes.every((w) => w.before === null && w.after === CLOSED)).toBe(true);
    const untouched = cells(book, "Register");
    const report = await markClosed(book, plan, AT);
    expect(report).toMatchObject({ addedColumn: true, closedNow: plan.writes.length });
    const table = book.snapshot("Contracts");
    expect(table.headers).toEqual([...headers, "Status"]);
    // Every cell the user had is as it was; the new column holds Closed for the contracts marked.
    untouched.forEach((line, r) => line.forEach((cell, c) => expect([r, c, cells(book, "Register")[r][c]]).toEqual([r, c, cell])));
    expect(JSON.parse(book.settings.get(MAPPING_SETTING) ?? "{}").fields.status).toBe("Status");
    expect(summarise((await readTracker(book, AT)).data).stale).toEqual([]);
  });

  test("where the user said there is no status and a column is headed Status, the new one is headed Contract status", async () => {
    const rows = withoutStatus().map((r, i) => [...r, i === 2 ? "Status" : i > 2 ? "Paid" : null]);
    const book = MemoryWorkbook.fromSheets({ Register: rows });
    await setUpTracker(book, { asOf: AS_OF, corrections: { status: null } });
    const plan = await planClosing(book, await stale(book), AT);
    expect(plan).toMatchObject({ column: "Contract status", addColumn: true });
    await markClosed(book, plan, AT);
    expect(JSON.parse(book.settings.get(MAPPING_SETTING) ?? "{}").fields.status).toBe("Contract status");
    expect(book.snapshot("Contracts").rows.map((r) => r[6])).toEqual(rows.slice(3).map(() => "Paid"));
    expect(summarise((await readTracker(book, AT)).data).stale).toEqual([]);
  });

  test("refuses, writing nothing, when a cell to the right of the table holds something", async () => {
    const book = await tracker(withoutStatus());
    const table = book.snapshot("Contracts");
    book.cell("Register", table.row + 3, table.column + table.headers.length).value = "note to self";
    const untouched = cells(book, "Register");
    const plan = await planClosing(book, await stale(book), AT);
    await expect(markClosed(book, plan, AT)).rejects.toThrow('Cannot add column "Status": a cell to the right of the table is not empty');
    expect(cells(book, "Register")).toEqual(untouched);
  });
});

test("on a real register with no Status column (Contracts Finder awards, 2020), every probably-closed contract is marked closed and nothing else changes", async () => {
  const rows = readCsv(path.join(REAL, "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv"));
  const asOf = dateToSerial(2025, 6, 30) ?? 0;
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  await setUpTracker(book, { asOf });
  const before = summarise((await readTracker(book, { asOf })).data);
  expect(before.staleContracts).toBeGreaterThan(100);
  const untouched = cells(book, "Register");
  const plan = await planClosing(book, before.stale, { asOf });
  expect(plan).toMatchObject({ addColumn: true, column: "Status", skipped: [] });
  const report = await markClosed(book, plan, { asOf });
  expect(report.closedNow).toBe(before.staleContracts);
  const after = summarise((await readTracker(book, { asOf })).data);
  expect([after.staleContracts, after.closedContracts]).toEqual([0, before.closedContracts + before.staleContracts]);
  expect([after.counts, after.byLevel]).toEqual([before.counts, before.byLevel]);
  const now = cells(book, "Register");
  untouched.forEach((line, r) => line.forEach((cell, c) => expect([r, c, now[r][c]]).toEqual([r, c, cell])));
});
