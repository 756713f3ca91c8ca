import { dateToSerial } from "../../src/core/dates";
import { detectMapping } from "../../src/core/mapping";
import { readTracker, summarise } from "../../src/features/trackerData";
import { previewWorkbook, sampleWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { SAMPLE_CONTRACT_COUNT, SAMPLE_SHEET } from "../../src/taskpane/preview/sampleRegister";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

// The preview's sample register: dates sit relative to today, so whichever day it is opened the
// wizard has the same things to show and the summary the same varied mix.

const DAYS = [new Date(2026, 10, 25), new Date(2027, 1, 28), new Date(2031, 6, 1)];

test.each(DAYS)("on %s the sample rates 7 red, 6 amber, 10 green and 2 unrated, with 1 probably closed and 1 completed contract left out", async (now) => {
  const pane = previewWorkbook(now);
  await pane.sample?.load();
  const { data } = await readTracker(pane.port, { now });
  const summary = summarise(data);
  expect(summary.totalContracts).toBe(SAMPLE_CONTRACT_COUNT);
  expect(summary.counts).toEqual({ red: 7, amber: 6, green: 10, unrated: 2 });
  expect(summary.closedContracts).toBe(1);
  // The rolling licence's 31 Dec 2099 is a stand-in and "TBC" no date: neither is Green.
  expect(summary.unrated.map((c) => [c.id, c.reason])).toEqual([
    ["NBC-C-0124", 'No real end date: "TBC" is not a date'],
    ["NBC-C-0125", "No real end date: 31 Dec 2099 is a stand-in"],
  ]);
  // Ended two years ago with no status: to confirm, not escalated.
  expect(summary.stale.map((c) => [c.id, c.status])).toEqual([["NBC-C-0127", ""]]);
  expect(summary.contracts.some((c) => c.id === "NBC-C-0127")).toBe(false);
  expect(summary.byLevel).toEqual({ 1: 5, 2: 3, 3: 5 });
  // One contract already has an open log entry at its level; another has been amber for 40 days.
  expect(summary.contracts.filter((c) => c.openEscalation !== null).map((c) => c.id)).toEqual(["NBC-C-0101"]);
  expect(summary.contracts.find((c) => c.id === "NBC-C-0112")?.level).toBe(2);
  expect(summary.contracts.every((c) => !/in -\d/.test(c.action))).toBe(true);
});

test("the register sits below a title block, in the council's own words, with one column the wizard should be asked about", async () => {
  const book = sampleWorkbook(dateToSerial(2026, 11, 25) ?? 0);
  expect(await book.activeSheet()).toBe(SAMPLE_SHEET);
  const used = await book.readUsedRange(SAMPLE_SHEET);
  const mapping = detectMapping(used.values);
  expect(mapping?.headerRow).toBe(3);
  expect(Object.keys(mapping?.fields ?? {})).toHaveLength(16);
  expect(mapping?.fields.department?.column).toBe("Directorate");
  expect(mapping?.fields.goLiveDate?.confidence).toBeLessThan(0.9);
  expect(mapping?.unmapped).toEqual(["Service Area", "Notes"]);
});

test("set-up finds the sample's data-quality problems: money as n/k, a duplicate reference, no end date, a placeholder date", async () => {
  const report = await previewWorkbook(new Date(2026, 10, 25)).setUp({});
  expect(report.rows).toBe(SAMPLE_CONTRACT_COUNT);
  expect(report.issues.map((i) => i.problem)).toEqual(["unparseable-money", "duplicate-id", "duplicate-id", "unparseable-date", "placeholder-date"]);
});

test("only the tables set-up creates are filled with the sample's rows; a second run adds nothing", async () => {
  const pane = previewWorkbook(new Date(2026, 10, 25));
  const report = await pane.setUp({ createTables: ["Milestones", "Escalations"] });
  expect(report.createdTables).toEqual(["Settings", "Milestones", "Escalations"]);
  const book = pane.port as MemoryWorkbook;
  expect(book.snapshot("Milestones").rows).toHaveLength(5);
  expect(book.snapshot("Escalations").rows).toHaveLength(3);
  expect(book.tables.has("Risks")).toBe(false);
  const again = await pane.setUp({ createTables: ["Milestones", "Escalations"] });
  expect(again.unchanged).toBe(true);
  expect(book.snapshot("Milestones").rows).toHaveLength(5);
});
