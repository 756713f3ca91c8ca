import { dateToSerial } from "../../src/core/dates";
import { endDateFacts } from "../../src/core/endDates";
import { assessContract } from "../../src/core/contractAssessment";
import { escalationSummary } from "../../src/core/escalationSummary";
import type { DataQualityIssue, NormalisedRow, TypedValue } from "../../src/core/normalise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { levelSections, recentChangeLines, recentChanges, renderMarkdown, renderText, summaryJson } from "../../src/core/summaryRender";

// What a contract manager knows about a register that ratings alone get wrong: stand-in end dates,
// long-ended records nobody closed, and a summary too long to read.

const d = (y: number, m: number, day: number): number => dateToSerial(y, m, day) ?? NaN;
const AS_OF = d(2026, 11, 25);
let nextRow = 2;
const contract = (id: string, fields: Record<string, TypedValue>): NormalisedRow => ({ row: nextRow++, fields: { contractId: id, title: `Contract ${id}`, ...fields } });

describe("unknown is its own status", () => {
  test("a 31/12/2099 end date is Unrated with the reason, not Green in 27,000 days", () => {
    const rolling = contract("R", { endDate: d(2099, 12, 31), totalValue: 50_000 });
    const summary = escalationSummary({ contracts: [rolling] }, DEFAULT_SETTINGS, AS_OF);
    expect(summary.counts).toEqual({ red: 0, amber: 0, green: 0, unrated: 1 });
    expect(summary.unrated).toMatchObject([{ id: "R", reason: "No real end date: 31 Dec 2099 is a stand-in", value: 50_000 }]);
    const card = assessContract(rolling, {}, DEFAULT_SETTINGS, AS_OF);
    expect(card).toMatchObject({ rag: null, level: 0, daysToExpiry: null, endDateGap: "No real end date: 31 Dec 2099 is a stand-in" });
    expect(card.reasons).toEqual(["Unrated: no real end date: 31 Dec 2099 is a stand-in"]);
    expect(card.action).toBe("Record the real end date, so the contract can be rated");
  });

  test("every kind of unknown end date: blank, unreadable, fixed placeholder, the column's likely stand-in", () => {
    // 21 open-ended contracts share 01/01/2035 among 60 with varied real end dates.
    const real = Array.from({ length: 60 }, (_, i) => contract(`V-${i}`, { endDate: AS_OF + 400 + i * 7 }));
    const open = Array.from({ length: 21 }, (_, i) => contract(`O-${i}`, { endDate: d(2035, 1, 1), totalValue: 1000 * (i + 1) }));
    const blank = contract("B", { endDate: null });
    const unreadable = contract("U", { endDate: null });
    const epoch = contract("E", { endDate: d(1970, 1, 1) });
    const contracts = [...real, ...open, blank, unreadable, epoch];
    const issues: DataQualityIssue[] = [{ row: unreadable.row, column: "End", field: "endDate", value: "TBC", problem: "unparseable-date", message: "" }];
    const summary = escalationSummary({ contracts, endDates: endDateFacts(contracts, issues, true) }, DEFAULT_SETTINGS, AS_OF);
    const reason = (id: string): string | undefined => summary.unrated.find((c) => c.id === id)?.reason;
    expect(reason("O-0")).toBe("No real end date: 1 Jan 2035 is the end date of 21 of 82 contracts, likely a stand-in");
    expect(reason("B")).toBe("No end date");
    expect(reason("U")).toBe('No real end date: "TBC" is not a date');
    expect(reason("E")).toBe("No real end date: 1 Jan 1970 is a stand-in");
    expect(summary.counts).toEqual({ red: 0, amber: 0, green: 60, unrated: 24 });
    // Biggest by value first: the 21,000 open-ended contract leads.
    expect(summary.unrated[0]).toMatchObject({ id: "O-20", value: 21_000 });
    expect(renderText(summary)).toContain("Biggest by value: O-20 Contract O-20 (21,000); O-19 Contract O-19 (20,000)");
  });

  test("a known problem stays a problem: no end date but a milestone 40 days late is Red, the gap among its reasons", () => {
    const c = contract("M", { endDate: null });
    const milestone: NormalisedRow = { row: 900, fields: { contractId: "M", milestone: "Go-live", baselineDate: AS_OF - 40 } };
    const summary = escalationSummary({ contracts: [c], milestones: [milestone] }, DEFAULT_SETTINGS, AS_OF);
    expect(summary.counts.red).toBe(1);
    expect(summary.contracts[0].reasons).toEqual(['Milestone "Go-live" 40 days late (red above 30 days)', "No end date"]);
  });

  test("a register with no end date column is not an all-clear: every contract is unrated and the summary says so", () => {
    const contracts = [contract("T-1", { totalValue: 9_000_000 }), contract("T-2", { totalValue: 12 })];
    const summary = escalationSummary({ contracts, endDates: endDateFacts(contracts, [], false) }, DEFAULT_SETTINGS, AS_OF);
    const text = renderText(summary);
    expect(text).not.toContain("No contract needs escalating.\n2 contracts read: 2 live");
    expect(text).toContain("2 contracts read: 0 live (Red 0 · Amber 0 · Green 0) · 2 unrated.");
    expect(text).toContain("2 in a register with no end date column");
    expect(text).toContain("Biggest by value: T-1 Contract T-1 (9,000,000); T-2 Contract T-2 (12)");
  });
});

describe("stale records are triage, not escalation", () => {
  const ancient = contract("OLD", { endDate: AS_OF - 4071, totalValue: 80_000 });
  const lastYear = contract("RECENT", { endDate: AS_OF - 200 });
  const completed = contract("DONE", { endDate: AS_OF - 20, status: "Completed" });

  test("ended more than stale_after_days ago with no closing status: probably closed, never at level 3", () => {
    const summary = escalationSummary({ contracts: [ancient, lastYear, completed] }, DEFAULT_SETTINGS, AS_OF);
    expect(summary.contracts.map((c) => c.id)).toEqual(["RECENT"]);
    expect(summary.stale).toMatchObject([{ id: "OLD", reason: "Ended 3 Oct 2015, 4,071 days ago, with no closing status", value: 80_000 }]);
    expect(summary.staleContracts).toBe(1);
    const card = assessContract(ancient, {}, DEFAULT_SETTINGS, AS_OF);
    expect(card).toMatchObject({ level: 0, probablyClosed: true, escalateTo: "", action: "Confirm it has closed and mark it closed, or record its new end date" });
    expect(renderText(summary)).toContain("Probably closed — confirm: 1 contract ended more than 365 days ago with no closing status, worth 80,000 (on 3 Oct 2015): probably closed. Confirm, and mark it closed (set its status); it is not escalated.");
  });

  test("stale_after_days moves the line", () => {
    const summary = escalationSummary({ contracts: [ancient, lastYear] }, { ...DEFAULT_SETTINGS, staleAfterDays: 100 }, AS_OF);
    expect(summary.stale.map((c) => c.id)).toEqual(["OLD", "RECENT"]);
    expect(summary.contracts).toEqual([]);
  });

  test("a contract whose status says it is over is not told to escalate", () => {
    const card = assessContract(completed, {}, DEFAULT_SETTINGS, AS_OF);
    expect(card).toMatchObject({ closed: true, level: 0, rag: null, action: "", escalateTo: "" });
    expect(card.reasons).toEqual(['Closed: the register\'s status says "Completed"']);
  });
});

describe("the counts add up", () => {
  test("red + amber + green + unrated + probably closed + closed = contracts read", () => {
    const contracts = [
      contract("G", { endDate: AS_OF + 500 }),
      contract("A", { endDate: AS_OF + 150 }),
      contract("R", { endDate: AS_OF + 10 }),
      contract("U", { endDate: d(2099, 12, 31) }),
      contract("S", { endDate: AS_OF - 800 }),
      contract("C", { endDate: AS_OF - 10, status: "Terminated" }),
    ];
    const summary = escalationSummary({ contracts }, DEFAULT_SETTINGS, AS_OF);
    const { red, amber, green, unrated } = summary.counts;
    expect([red, amber, green, unrated, summary.staleContracts, summary.closedContracts]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(red + amber + green + unrated + summary.staleContracts + summary.closedContracts).toBe(summary.totalContracts);
    expect(renderText(summary)).toContain("6 contracts read: 3 live (Red 1 · Amber 1 · Green 1) · 1 unrated · 1 probably closed · 1 closed.");
  });
});

describe("a summary a head of service reads in two minutes", () => {
  // 60 contracts expired last month (level 3), 30 Red within 90 days (level 2), 5 Amber (level 1).
  const many = [
    ...Array.from({ length: 60 }, (_, i) => contract(`L3-${i + 1}`, { endDate: AS_OF - 10 - i, totalValue: 1000, department: i % 2 ? "Highways" : "Adult Social Care" })),
    ...Array.from({ length: 30 }, (_, i) => contract(`L2-${i + 1}`, { endDate: AS_OF + 10 + i, totalValue: 500, department: "Highways" })),
    ...Array.from({ length: 5 }, (_, i) => contract(`L1-${i + 1}`, { endDate: AS_OF + 150 + i, department: "Libraries" })),
  ];
  const summary = escalationSummary({ contracts: many }, DEFAULT_SETTINGS, AS_OF);

  test("each level lists up to the limit, then says how many more and what they hold", () => {
    const text = renderText(summary, { more: "`--limit 0` lists them all" });
    expect(text).toContain("Level 3 · Senior responsible owner / board: 60 contracts, worth 60,000");
    expect(text).toContain("  … and 35 more at level 3, worth 35,000 (`--limit 0` lists them all)");
    expect(text).toContain("  … and 5 more at level 2, worth 2,500");
    expect(text).not.toContain("more at level 1");
    expect(text.split("\n").filter((l) => /^ {2}\d+\. /.test(l))).toHaveLength(25 + 25 + 5);
    expect(renderText(summary, { limit: 0 }).split("\n").filter((l) => /^ {2}\d+\. /.test(l))).toHaveLength(95);
    // JSON is never cut.
    expect((summaryJson(summary) as { contracts: unknown[] }).contracts).toHaveLength(95);
    expect(text.split("\n").length).toBeLessThanOrEqual(110);
  });

  test("leads with what changed this week and the decisions due, overdue first", () => {
    const lines = renderText(summary).split("\n");
    expect(lines.slice(0, 8)).toEqual([
      "Escalation summary as of 25 Nov 2026",
      "95 contracts need attention: 60 at level 3 (Senior responsible owner / board), 30 at level 2 (Commercial lead / head of service), 5 at level 1 (Contract manager).",
      "95 contracts read: 95 live (Red 90 · Amber 5 · Green 0).",
      "Value at risk: 75,000: the whole-life value of the 90 contracts at level 2 or 3.",
      "",
      "Nothing changed in the last 7 days.",
      "",
      "Needs a decision (90):",
    ]);
    expect(recentChangeLines(summary)).toEqual([]);
    const soon = escalationSummary({ contracts: [contract("N", { endDate: AS_OF - 3 }), contract("W", { endDate: AS_OF + 88 }), contract("N", { endDate: AS_OF - 5 })] }, DEFAULT_SETTINGS, AS_OF);
    // Counted by contract (two lines share N), every one named.
    expect(recentChangeLines(soon)).toEqual(["2 contracts ended (N, N)", "1 contract came within 90 days of its end (W)"]);
    expect(recentChanges(soon).ended.map((c) => c.daysToExpiry)).toEqual([-5, -3]);
    // Overdue decisions lead, the most recently missed first; then the windows closing soonest.
    const decisions = renderText(summary).split("Needs a decision (90):\n")[1].split("\n").slice(0, 2);
    expect(decisions).toEqual([
      "  - L3-1 Contract L3-1: Expired 10 days ago with no replacement recorded: put a replacement or an exit in place now",
      "  - L3-2 Contract L3-2: Expired 11 days ago with no replacement recorded: put a replacement or an exit in place now",
    ]);
    const upcoming = renderText(escalationSummary({ contracts: many.filter((c) => String(c.fields.contractId).startsWith("L2")) }, DEFAULT_SETTINGS, AS_OF)).split("Needs a decision (30):\n")[1].split("\n")[0];
    expect(upcoming).toBe("  - L2-1 Contract L2-1: Expires 5 Dec 2026 in 10 days: re-procure or plan the exit");
  });

  test("--group-by department lists each level's contracts under their department, the most urgent contract's group first", () => {
    const sections = levelSections(summary, { groupBy: "department" });
    // L3-60, the longest expired, is Highways'.
    expect(sections[0].groups.map((g) => [g.name, g.count])).toEqual([["Highways", 30], ["Adult Social Care", 30]]);
    const text = renderText(summary, { groupBy: "department" });
    expect(text).toContain("  Adult Social Care: 30, 30,000 (12 listed)");
    expect(text).toContain("  Libraries: 5\n    91. [Amber] L1-1");
    const md = renderMarkdown(summary, { groupBy: "manager" });
    expect(md).toContain("### (no contract manager): 60, 60,000");
  });
});

describe("contracts sharing an ID", () => {
  test("a milestone that says which contract rates that contract only; one that cannot say rates both", () => {
    const north = contract("C-104", { title: "Lot 1 North", endDate: AS_OF + 500 });
    const south = contract("C-104", { title: "Lot 2 South", endDate: AS_OF + 500 });
    const late = (which: string | null): NormalisedRow => ({ row: 900, fields: { contractId: "C-104", milestone: "Mobilisation", baselineDate: AS_OF - 40, ...(which ? { whichContract: which } : {}) } });
    const one = escalationSummary({ contracts: [north, south], milestones: [late("Lot 2 South")] }, DEFAULT_SETTINGS, AS_OF);
    expect(one.contracts.map((c) => c.title)).toEqual(["Lot 2 South"]);
    expect(one.counts).toMatchObject({ red: 1, green: 1 });
    const both = escalationSummary({ contracts: [north, south], milestones: [late(null)] }, DEFAULT_SETTINGS, AS_OF);
    expect(both.contracts.map((c) => c.title)).toEqual(["Lot 1 North", "Lot 2 South"]);
  });
});

describe("an open Red risk is among the contract's reasons", () => {
  test("score 20 is said, highest first; a closed one and an Amber one are not", () => {
    const c = contract("K", { endDate: AS_OF + 60 });
    const risk = (name: string, likelihood: number, impact: number, status = "Open"): NormalisedRow => ({ row: 800, fields: { contractId: "K", risk: name, likelihood, impact, status } });
    const summary = escalationSummary({ contracts: [c], risks: [risk("Supplier insolvency", 4, 5), risk("TUPE dispute", 5, 5, "Closed"), risk("Late invoices", 2, 4), risk("Key staff leave", 3, 5)] }, DEFAULT_SETTINGS, AS_OF);
    expect(summary.contracts[0].reasons).toEqual([
      "Expires 24 Jan 2027, in 60 days (red at 90 or fewer)",
      "Decide by 28 Jul 2026 passed 120 days ago with no decision recorded (amber once passed)",
      'Open risk "Supplier insolvency" scores 20 of 25 (red at 15 or more)',
      'Open risk "Key staff leave" scores 15 of 25 (red at 15 or more)',
    ]);
  });
});
