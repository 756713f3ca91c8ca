import { dashboard } from "../../src/features/dashboard";
import { readPaneData } from "../../src/features/paneData";
import { runEscalationSummary } from "../../src/features/escalations";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, LOT_1_ROW, LOT_2_ROW, REGISTER, SHARED_ID_REGISTER, buildSharedIdTracker, buildTracker } from "./paneTracker";

// The dashboard over a hand-made tracker in the memory workbook, which calculates nothing: every
// number here is worked out by the core rules, as the pane shows it before Excel recalculates.

async function tracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await buildTracker(book);
  return book;
}

const ids = (list: readonly { id: string }[]): string[] => list.map((c) => c.id);

describe("the dashboard", () => {
  test("counts live contracts by RAG exactly as the escalation summary does, and by phase", async () => {
    const book = await tracker();
    const { data } = await readPaneData(book);
    const board = dashboard(data);
    expect(board.asOf).toBe(AS_OF);
    expect(board.rag).toEqual({ red: 5, amber: 2, green: 1, unrated: 1 });
    const run = await runEscalationSummary(book);
    expect(board.rag).toEqual(run.summary.counts);
    expect(board.phases).toEqual([
      { phase: "Not started", count: 1 },
      { phase: "Mobilisation", count: 1 },
      { phase: "Delivery", count: 2 },
      { phase: "Exit", count: 3 },
      { phase: "Expired", count: 1 },
      { phase: "Unknown", count: 1 },
    ]);
    // the terminated C-004 is in neither count
    expect({ live: board.liveContracts, probablyClosed: board.probablyClosed, closed: board.closedContracts }).toEqual({ live: 9, probablyClosed: 0, closed: 1 });
  });

  test("lists contracts ending within 30, 90 and 180 days, soonest first, with where each is", async () => {
    const { data } = await readPaneData(await tracker());
    const board = dashboard(data);
    expect(board.expiring.map((w) => [w.withinDays, ids(w.contracts)])).toEqual([
      [30, ["C-009"]],
      [90, ["C-009", "C-001"]],
      [180, ["C-009", "C-001", "C-005"]],
    ]);
    // C-001's title is text that looks like a formula: it comes through as the text it is
    expect(board.expiring[1].contracts[1]).toEqual({ id: "C-001", title: '=HYPERLINK("http://x","Cleaning")', supplier: "Binco Ltd", endDate: AS_OF + 51, daysToExpiry: 51, row: 4, bodyIndex: 0 });
    // the expired C-003 is not "expiring"
    expect(board.expiring[2].contracts.some((c) => c.id === "C-003")).toBe(false);
  });

  test("lists notice dates in the next 90 days, and missed ones unless the status records a decision", async () => {
    const { data } = await readPaneData(await tracker());
    const { notices } = dashboard(data);
    expect(notices.withinDays).toBe(90);
    expect(notices.upcoming).toEqual([{ id: "C-005", title: "Parks", supplier: "Green Co", row: 8, bodyIndex: 4, noticeDate: AS_OF + 66, daysToNotice: 66, endDate: AS_OF + 156 }]);
    // C-001's notice date passed 41 days ago; C-009's passed too, but its status says "Notice given"
    expect(notices.missed.map((n) => [n.id, n.daysToNotice])).toEqual([["C-001", -41]]);
  });

  test("lists the worst slipping milestones of live contracts, most days late first, at most ten", async () => {
    const { data } = await readPaneData(await tracker());
    const board = dashboard(data);
    expect(board.slipping.map((m) => [m.contractId, m.milestone, m.slippageDays, m.rag, m.met, m.bodyIndex])).toEqual([
      ["C-002", "Data migration", 40, "Red", false, 1],
      ["C-005", "Survey", 10, "Amber", true, 4],
      // equal slippage: by contract ID
      ["C-002", "Go-live", 5, "Amber", false, 1],
      ["C-005", "Handover plan", 5, "Amber", false, 4],
    ]);
    // on time (Mowing plan), on a closed contract (Old milestone) or on no contract (Ghost milestone): not listed
    expect(dashboard(data, { topSlipping: 2 }).slipping.map((m) => m.milestone)).toEqual(["Data migration", "Survey"]);
  });

  test("a slipping milestone of one of two lines sharing an ID opens that line's card", async () => {
    const book = MemoryWorkbook.fromSheets({ Register: SHARED_ID_REGISTER.map((r) => [...r]) });
    await buildSharedIdTracker(book);
    const { data } = await readPaneData(book);
    expect(dashboard(data).slipping.map((m) => [m.contractId, m.milestone, m.slippageDays, m.row, m.bodyIndex])).toEqual([
      ["C-104", "North mobilised", 40, LOT_1_ROW, 1],
      ["c-104", "South mobilised", 10, LOT_2_ROW, 3],
    ]);
  });

  test("keeps the ten worst when more are late", async () => {
    const book = await tracker();
    await book.appendRows("Milestones", Array.from({ length: 12 }, (_, i) => ["C-010", `Step ${i + 1}`, AS_OF - (i + 1), null, null, "Sam"]));
    const slipping = dashboard((await readPaneData(book)).data).slipping;
    expect(slipping).toHaveLength(10);
    expect(slipping.map((m) => `${m.milestone} ${m.slippageDays}`)).toEqual([
      "Data migration 40", "Step 12 12", "Step 11 11", "Survey 10", "Step 10 10", "Step 9 9", "Step 8 8", "Step 7 7", "Step 6 6", "Go-live 5", // ties go by contract ID: C-002 before C-005 and C-010
    ]);
  });

  test("lists KPIs below the amber threshold, lowest first, red below the red one", async () => {
    const { data } = await readPaneData(await tracker());
    expect(dashboard(data).kpiFailures).toEqual([
      { contractId: "C-008", contractTitle: "Waste", kpi: "Response time (hours)", period: "Oct 2026", attainment: 0.8, rag: "Red", row: 11, bodyIndex: 7, kpiRow: 4 },
      { contractId: "C-006", contractTitle: "Security", kpi: "Satisfaction", period: "Oct 2026", attainment: 0.97, rag: "Amber", row: 9, bodyIndex: 5, kpiRow: 3 },
    ]);
  });

  test("follows the Settings: thresholds, windows and the as-of date", async () => {
    const { data } = await readPaneData(await tracker(), { asOf: AS_OF + 20 });
    const board = dashboard(data, { expiryWindows: [60, 10], noticeWindowDays: 30 });
    expect(board.expiring.map((w) => [w.withinDays, ids(w.contracts)])).toEqual([
      [10, []],
      [60, ["C-001"]],
    ]);
    // 20 days on, C-009 has ended: it is expired, no longer expiring
    expect(board.phases.find((p) => p.phase === "Expired")?.count).toBe(2);
    expect(board.notices.upcoming).toEqual([]);
    const stricter = await readPaneData(await tracker());
    stricter.data.settings.kpiRedBelow = 0.98;
    expect(dashboard(stricter.data).kpiFailures.map((k) => k.rag)).toEqual(["Red", "Red"]);
  });

  test("contracts probably closed are counted apart and left out of the charts and lists, as the summary lists them apart", async () => {
    const book = await tracker();
    await book.appendRows("Milestones", [["C-003", "Final invoice", AS_OF - 20, null, null, "Sam"]]);
    await book.appendRows("KPIs", [["C-003", "Meals served hot", 100, 50, "Oct 2026", true]]);
    const now = dashboard((await readPaneData(book)).data);
    expect(now.slipping.map((m) => m.contractId)).toContain("C-003");
    expect(now.kpiFailures.map((k) => k.contractId)).toContain("C-003");
    // 400 days on, C-003 (ended 11/11/2026) and C-009 (ended 10/12/2026) ended more than a year ago with no closing status.
    const later = await readPaneData(book, { asOf: AS_OF + 400 });
    const board = dashboard(later.data);
    const run = await runEscalationSummary(book, { asOf: AS_OF + 400 });
    expect(run.summary.stale.map((c) => c.id)).toEqual(["C-003", "C-009"]);
    expect(board.probablyClosed).toBe(2);
    expect(board.rag).toEqual(run.summary.counts);
    const { red, amber, green, unrated } = board.rag;
    expect(board.liveContracts).toBe(red + amber + green + unrated);
    expect(board.liveContracts + board.probablyClosed + board.closedContracts).toBe(later.data.contracts.length);
    expect(board.phases.reduce((n, p) => n + p.count, 0)).toBe(board.liveContracts);
    expect(board.slipping.map((m) => m.contractId)).not.toContain("C-003");
    expect(board.kpiFailures.map((k) => k.contractId)).not.toContain("C-003");
    expect([...board.notices.missed, ...board.expiring.flatMap((w) => w.contracts)].map((c) => c.id)).not.toContain("C-009");
  });

  test("a contract's body index selects its row in the sheet", async () => {
    const book = await tracker();
    const { data, contractsTable } = await readPaneData(book);
    const item = dashboard(data, { contractsTable }).expiring[0].contracts[0];
    await book.selectTableCell(contractsTable.name, item.bodyIndex, "Ref");
    expect(book.selection).toMatchObject({ sheet: "Register", row: item.row - 1 });
    expect(book.snapshot("Contracts").rows[item.bodyIndex][0]).toBe(item.id);
  });
});
