import { dateToSerial } from "../../src/core/dates";
import { escalationSummary } from "../../src/core/escalationSummary";
import { compareIds } from "../../src/core/summaryRanking";
import { DEFAULT_LADDER, ladderFromSettings } from "../../src/core/summaryTypes";
import type { NormalisedRow, TypedValue } from "../../src/core/normalise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { escapeHtml, renderHtml, renderMarkdown, renderText, summaryJson } from "../../src/core/summaryRender";

// The escalation engine on hand-made contracts, one for each rule of the ladder in PRODUCT.md:
// 0 Green; 1 Amber; 2 Red, or Amber for more than 30 days; 3 Red for more than 30 days, Red on a
// Gold contract, expired with no replacement, notice date missed.

const d = (y: number, m: number, day: number): number => dateToSerial(y, m, day) ?? NaN;
const AS_OF = d(2026, 11, 25);
let nextRow = 2;
const row = (fields: Record<string, TypedValue>): NormalisedRow => ({ row: nextRow++, fields });
const contract = (id: string, fields: Record<string, TypedValue>): NormalisedRow => row({ contractId: id, title: `Contract ${id}`, supplier: "Binco Ltd", contractManager: "Sam Patel", ...fields });

function one(c: NormalisedRow, related: { milestones?: NormalisedRow[]; kpis?: NormalisedRow[]; escalations?: NormalisedRow[] } = {}) {
  const summary = escalationSummary({ contracts: [c], ...related }, DEFAULT_SETTINGS, AS_OF);
  return summary.contracts[0] ?? null;
}

describe("the ladder", () => {
  test("0: a Green contract is not escalated", () => {
    expect(one(contract("G", { endDate: AS_OF + 400 }))).toBeNull();
  });

  test("1: Amber goes to the contract manager", () => {
    // Bronze: its decide-by date (120 days before the end) is today, not yet passed.
    const c = one(contract("A", { endDate: AS_OF + 120, tier: "Bronze" }));
    expect(c).toMatchObject({ level: 1, rag: "Amber", escalateTo: "Contract manager", daysToExpiry: 120 });
    expect(c?.reasons).toEqual(["Expires 25 Mar 2027, in 120 days (amber at 180 or fewer)"]);
    expect(c?.action).toBe("Expires 25 Mar 2027 in 120 days: start planning the re-procurement or exit");
  });

  test("2: Amber for more than 30 days steps up, counted from the open log entry", () => {
    const log = row({ escalationId: "ESC-1", contractId: "A", raisedAt: AS_OF - 40, level: 1, rag: "Amber", status: "Open" });
    const c = one(contract("A", { endDate: AS_OF + 120 }), { escalations: [log] });
    expect(c).toMatchObject({ level: 2, daysInStatus: 40, openEscalation: null });
    expect(c?.reasons).toContain("Amber for 40 days (more than 30)");
    // A resolved entry does not count, nor one logged at another status.
    const resolved = row({ escalationId: "ESC-2", contractId: "A", raisedAt: AS_OF - 40, level: 1, rag: "Amber", status: "Resolved" });
    const red = row({ escalationId: "ESC-3", contractId: "A", raisedAt: AS_OF - 40, level: 2, rag: "Red", status: "Open" });
    expect(one(contract("A", { endDate: AS_OF + 120 }), { escalations: [resolved] })).toMatchObject({ level: 1, daysInStatus: 0 });
    expect(one(contract("A", { endDate: AS_OF + 120 }), { escalations: [red] })).toMatchObject({ level: 1, daysInStatus: 0, openEscalation: "ESC-3" });
  });

  test("2: Red goes to the commercial lead", () => {
    const c = one(contract("R", { endDate: AS_OF + 60, extensionOptions: "1+1" }));
    expect(c).toMatchObject({ level: 2, rag: "Red", escalateTo: "Commercial lead / head of service" });
    expect(c?.action).toBe("Expires 24 Jan 2027 in 60 days: take up an extension option or re-procure");
  });

  test("3: Red for more than 30 days", () => {
    const log = row({ escalationId: "ESC-9", contractId: "R", raisedAt: AS_OF - 31, level: 2, rag: "Red", status: "In progress" });
    const c = one(contract("R", { endDate: AS_OF + 60 }), { escalations: [log] });
    expect(c).toMatchObject({ level: 3, escalateTo: "Senior responsible owner / board", openEscalation: null });
    expect(c?.reasons).toContain("Red for 31 days (more than 30)");
  });

  test("3: Red on a Gold-tier contract", () => {
    const c = one(contract("GOLD", { endDate: AS_OF + 60, tier: "gold" }));
    expect(c).toMatchObject({ level: 3, tier: "Gold" });
    expect(c?.reasons).toContain("Red on a Gold-tier contract");
  });

  test("3: expired with no replacement recorded", () => {
    const c = one(contract("X", { endDate: AS_OF - 14 }));
    expect(c).toMatchObject({ level: 3, daysToExpiry: -14 });
    expect(c?.reasons[0]).toBe("Expired 14 days ago (11 Nov 2026) with no replacement recorded");
    expect(c?.action).toBe("Expired 14 days ago with no replacement recorded: put a replacement or an exit in place now");
  });

  test("an expired contract whose status records an extension is Red, not level 3, and asks for the new end date", () => {
    const c = one(contract("X", { endDate: AS_OF - 14, status: "Extended to 2027" }));
    expect(c).toMatchObject({ level: 2, rag: "Red" });
    expect(c?.action).toBe('End date 11 Nov 2026 has passed and the status says "Extended to 2027": record the new end date, or mark it closed if it has ended');
  });

  test("3: notice date missed", () => {
    // Ends in 60 days with 3 months' notice: notice was due on 24 Oct 2026.
    const c = one(contract("N", { endDate: AS_OF + 60, noticePeriod: "3 months" }));
    expect(c).toMatchObject({ level: 3, noticeDate: d(2026, 10, 24), daysToNotice: -32 });
    expect(c?.reasons[0]).toBe("Notice date 24 Oct 2026 passed 32 days ago with no decision recorded");
    expect(c?.action).toBe("Notice date 24 Oct 2026 passed 32 days ago: decide now whether to extend, re-procure or exit");
    // Notice given: no longer missed, and the action is about the end date, not a notice date "in -32 days".
    const decided = one(contract("N", { endDate: AS_OF + 60, noticePeriod: "3 months", status: "Notice given" }));
    expect(decided).toMatchObject({ level: 2, action: "Expires 24 Jan 2027 in 60 days: re-procure or plan the exit" });
  });

  test("a notice date coming up is the action", () => {
    const c = one(contract("N", { endDate: AS_OF + 120, noticePeriod: "3 months" }));
    expect(c?.action).toBe("Notice date 25 Dec 2026 in 30 days: decide extend or re-procure");
  });

  test("a decision the status records is followed up, not asked for again; one it denies is still asked for", () => {
    const underWay = one(contract("N", { endDate: AS_OF + 120, noticePeriod: "3 months", status: "Re-procurement under way" }));
    expect(underWay?.action).toBe('Notice date 25 Dec 2026 in 30 days: the status says "Re-procurement under way": check it is on track for 25 Mar 2027');
    const notStarted = one(contract("N", { endDate: AS_OF + 120, noticePeriod: "3 months", status: "Re-procurement not started" }));
    expect(notStarted?.action).toBe("Notice date 25 Dec 2026 in 30 days: decide extend or re-procure");
    // Not extended: a missed notice date is still missed (level 3), not a decision to record.
    const notExtended = one(contract("N", { endDate: AS_OF + 60, noticePeriod: "3 months", status: "Not extended" }));
    expect(notExtended).toMatchObject({ level: 3 });
  });

  test("a live contract whose status is written in words that contain a closing one stays in the summary", () => {
    for (const status of ["Not complete", "Mobilisation not yet completed", "Live - to be replaced", "Not ended"]) {
      expect(one(contract("L", { endDate: AS_OF + 20, status }))).toMatchObject({ rag: "Red" });
    }
  });
});

describe("milestones, KPIs and spend", () => {
  test("a milestone 40 days late: named in the reason and the action", () => {
    const milestones = [
      row({ contractId: "M", milestone: "Data migration", baselineDate: AS_OF - 30, forecastDate: AS_OF + 10, actualDate: null }),
      row({ contractId: "m", milestone: "Go-live", baselineDate: AS_OF - 10, forecastDate: null, actualDate: AS_OF - 5 }),
      row({ contractId: "OTHER", milestone: "Not this one", baselineDate: AS_OF - 400, forecastDate: null, actualDate: null }),
    ];
    const c = one(contract("M", { endDate: AS_OF + 900 }), { milestones });
    expect(c).toMatchObject({ level: 2, rag: "Red", worstSlippage: 40, worstMilestone: "Data migration" });
    expect(c?.reasons).toEqual(['Milestone "Data migration" 40 days late (red above 30 days)']);
    expect(c?.action).toBe('Milestone "Data migration" 40 days late: agree recovery plan with supplier');
  });

  test("a KPI under target, lower-is-better KPIs read the other way round", () => {
    const kpis = [
      row({ contractId: "K", kpi: "Calls answered", target: 100, actual: 97, higherIsBetter: true }),
      row({ contractId: "K", kpi: "Response time (hours)", target: 4, actual: 5, higherIsBetter: false }),
    ];
    const c = one(contract("K", { endDate: AS_OF + 900 }), { kpis });
    expect(c).toMatchObject({ level: 2, rag: "Red", worstKpi: "Response time (hours)", kpiAttainment: 0.8 });
    expect(c?.reasons).toEqual(['KPI "Response time (hours)" at 80% of target (red below 95%)']);
    expect(c?.action).toBe('KPI "Response time (hours)" at 80% of target: agree a service improvement plan with the supplier');
  });

  test("spend over the budget profiled to date: halfway through the term, half the budget", () => {
    const c = one(contract("S", { startDate: AS_OF - 450, endDate: AS_OF + 450, budget: 100_000, spendToDate: 56_000 }));
    expect(c?.reasons).toEqual(["Spend 12% over the budget profiled to date (50% of the term gone) (red above 5%)"]);
    expect(c?.action).toBe("Spend 12% over the budget profiled to date (50% of the term gone): review spend and forecast with finance and the supplier");
  });

  test("spend is compared like with like: three months into a four-year term is not 73% under budget", () => {
    // 3 months of 48 gone: 1/16 of a 1.6m budget is 100,000; 430,000 spent is Red, not Green.
    const start = d(2026, 8, 25);
    const early = one(contract("E", { startDate: start, endDate: d(2030, 8, 24), budget: 1_600_000, spendToDate: 430_000 }));
    expect(early?.rag).toBe("Red");
    expect(early?.reasons[0]).toBe("Spend 326.5% over the budget profiled to date (6.3% of the term gone) (red above 5%)");
    // Without a start date the budget cannot be profiled: spend says nothing rather than compare with the whole budget…
    expect(one(contract("N", { endDate: d(2030, 8, 24), budget: 1_600_000, spendToDate: 430_000 }))).toBeNull();
    // …unless it already exceeds the whole budget: over by at least that much, even with no real end date.
    expect(one(contract("W", { endDate: d(2099, 12, 31), budget: 100_000, spendToDate: 200_000 }))?.reasons).toEqual(["Spend 100% over the whole budget (red above 5%)", "No real end date: 31 Dec 2099 is a stand-in"]);
  });
});

describe("the summary", () => {
  const contracts = [
    contract("C-1", { endDate: AS_OF + 400, totalValue: 1_000_000 }), // Green
    contract("C-2", { endDate: AS_OF + 120, totalValue: 200_000 }), // Amber, level 1
    contract("C-3", { endDate: AS_OF + 50, annualValue: 30_000 }), // Red, level 2
    contract("C-4", { endDate: AS_OF + 70, totalValue: 50_000 }), // Red, level 2, later than C-3
    contract("C-5", { endDate: AS_OF - 3, totalValue: 7_000 }), // expired: level 3
    contract("C-6", { endDate: AS_OF - 300, status: "Terminated" }), // closed: left out
    contract("C-7", { title: "No dates at all" }), // unrated
  ];
  const summary = escalationSummary({ contracts }, DEFAULT_SETTINGS, AS_OF);

  test("ranked by level, then RAG, then days to notice or expiry", () => {
    expect(summary.contracts.map((c) => [c.id, c.level, c.rag])).toEqual([
      ["C-5", 3, "Red"],
      ["C-3", 2, "Red"],
      ["C-4", 2, "Red"],
      ["C-2", 1, "Amber"],
    ]);
  });

  test("counts by RAG over live contracts, by level over escalated ones, and the value at risk", () => {
    expect(summary.counts).toEqual({ red: 3, amber: 1, green: 1, unrated: 1 });
    expect(summary.byLevel).toEqual({ 1: 1, 2: 2, 3: 1 });
    expect(summary.closedContracts).toBe(1);
    // Levels 2 and 3 only; whole-life value, else annual value: 7,000 + 30,000 (annual) + 50,000.
    expect(summary.valueAtRisk).toEqual({ totals: [{ currency: null, amount: 87_000 }], contracts: 3, contractsWithoutValue: 0, annualOnly: 1 });
  });

  test("JSON as the command line prints it: ISO dates, ranked contracts", () => {
    const json = summaryJson(summary) as { asOf: string; byLevel: Record<string, number>; contracts: { id: string; noticeDate: string | null }[] };
    expect(json).toMatchObject({
      asOf: "2026-11-25",
      contractsRead: 7,
      counts: { red: 3, amber: 1, green: 1, unrated: 1, probablyClosed: 0, closed: 1 },
      byLevel: { "1": 1, "2": 2, "3": 1 },
      valueAtRisk: { totals: [{ currency: null, amount: 87_000 }], contractsWithoutValue: 0, fromLevel: 2 },
      unrated: [{ id: "C-7", reason: "No end date" }],
    });
    expect(Object.keys(json.contracts[0])).toEqual(["id", "row", "title", "supplier", "department", "contractManager", "rag", "level", "decisionNeeded", "reasons", "value", "currency", "endDate", "daysToExpiry", "noticeDate", "decideBy", "daysToDecide", "worstSlippage", "action"]);
  });

  test("text says what needs attention", () => {
    const text = renderText(summary);
    expect(text).toContain("Escalation summary as of 25 Nov 2026");
    expect(text).toContain("4 contracts need attention: 1 at level 3 (Senior responsible owner / board), 2 at level 2 (Commercial lead / head of service), 1 at level 1 (Contract manager).");
    expect(text).toContain("7 contracts read: 5 live (Red 3 · Amber 1 · Green 1) · 1 unrated · 1 closed.");
    expect(text).toContain("Value at risk: 87,000: the whole-life value of the 3 contracts at level 2 or 3 (1 counted at its annual value, having no whole-life value).");
    expect(text).toContain("Level 3 · Senior responsible owner / board: 1 contract, worth 7,000\n  1. [Red] C-5 — Contract C-5 (Binco Ltd) · Sam Patel · 7,000: Expired 3 days ago");
    expect(text).toContain("Unrated: 1 contract is unrated, neither Green nor Red, for want of a real end date: 1 with no end date.");
  });

  test("the value at risk keeps each currency apart, shows its symbol, and is never a made-up 0", () => {
    const at = (currencies: (string | null)[], values: (number | null)[] = currencies.map(() => 1000)) =>
      escalationSummary(
        {
          contracts: currencies.map((currency, i) => {
            const c = contract(`V-${i}`, { endDate: AS_OF + 30, totalValue: values[i] });
            return currency ? { ...c, currencies: { totalValue: currency } } : c;
          }),
        },
        DEFAULT_SETTINGS,
        AS_OF,
      );
    const line = (s: ReturnType<typeof at>): string => renderText(s).split("\n").find((l) => l.startsWith("Value at risk")) ?? "";
    expect(line(at(["GBP", "GBP"], [1_234_000, 567]))).toBe("Value at risk: £1,234,567: the whole-life value of the 2 contracts at level 2 or 3.");
    expect(at(["GBP", "USD", "GBP"], [1000, 5000, 2000]).valueAtRisk?.totals).toEqual([{ currency: "USD", amount: 5000 }, { currency: "GBP", amount: 3000 }]);
    expect(line(at(["GBP", "USD", "GBP", null], [1000, 5000, 2000, 700]))).toBe("Value at risk: US$5,000 + £3,000 + 700 (currency not stated): the whole-life value of the 4 contracts at level 2 or 3.");
    expect(line(at([null, null], [1000, 2500.5]))).toBe("Value at risk: 3,501: the whole-life value of the 2 contracts at level 2 or 3.");
    expect(line(at(["EUR", null], [1000, null]))).toBe("Value at risk: €1,000: the whole-life value of the 2 contracts at level 2 or 3 (1 with no value given).");
    expect(line(at([null, null], [null, null]))).toBe("Value at risk: not known: no value is given for the 2 contracts at level 2 or 3.");
    const noColumn = escalationSummary({ contracts: [contract("N", { endDate: AS_OF + 30 })] }, DEFAULT_SETTINGS, AS_OF);
    expect(noColumn.valueAtRisk).toBeNull();
    expect(line(noColumn)).toBe("Value at risk: not known: the register has no value column.");
    expect(summaryJson(noColumn)).toMatchObject({ valueAtRisk: null });
    // Annual value stands in for a blank whole-life value, with its own currency.
    const annual = { ...contract("Y", { endDate: AS_OF + 30, totalValue: null, annualValue: 400 }), currencies: { annualValue: "EUR" } };
    expect(escalationSummary({ contracts: [annual] }, DEFAULT_SETTINGS, AS_OF).valueAtRisk?.totals).toEqual([{ currency: "EUR", amount: 400 }]);
  });

  test("ladder names come from Settings", () => {
    const ladder = ladderFromSettings([["ladder_level_3", "Director of Place"], ["expiry_red_days", 90], ["ladder_level_1", "  "]]);
    expect(ladder).toEqual({ ...DEFAULT_LADDER, 3: "Director of Place" });
    expect(escalationSummary({ contracts }, DEFAULT_SETTINGS, AS_OF, ladder).contracts[0].escalateTo).toBe("Director of Place");
  });
});

describe("cell text never becomes markup", () => {
  const hostile = contract("<b>X</b>", { title: "<img src=x onerror=alert(1)>", supplier: "=HYPERLINK(\"http://x\",\"y\")", contractManager: "| pipe *bold* [link](http://x)", endDate: AS_OF - 1 });
  const summary = escalationSummary({ contracts: [hostile] }, DEFAULT_SETTINGS, AS_OF, { ...DEFAULT_LADDER, 3: "<script>alert(1)</script>" });

  test("HTML escapes every piece of cell text, ladder names included", () => {
    const html = renderHtml(summary);
    expect(html).not.toMatch(/<img|<script|<b>X/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });

  test("Markdown keeps table cells and text inert", () => {
    const md = renderMarkdown(summary);
    expect(md).not.toContain("<img");
    expect(md).toContain("\\| pipe \\*bold\\* \\[link\\](http://x)");
    const tableRow = md.split("\n").find((l) => l.startsWith("| 1 |")) ?? "";
    expect(tableRow.split(/(?<!\\)\|/).length - 2).toBe(10);
  });
});

test("a contract ending today says so", () => {
  const summary = escalationSummary({ contracts: [contract("T", { endDate: AS_OF })] }, DEFAULT_SETTINGS, AS_OF);
  // Untiered: the decision was due 180 days before the end.
  expect(summary.contracts[0].reasons).toEqual(["Expires 25 Nov 2026, today (red at 90 or fewer)", "Decide by 29 May 2026 passed 180 days ago with no decision recorded (amber once passed)"]);
  expect(summary.contracts[0].action).toBe("Expires 25 Nov 2026 today: re-procure or plan the exit");
  expect(renderText(summary)).toContain("1. [Red] T — Contract T (Binco Ltd) · Sam Patel: Expires 25 Nov 2026 today: re-procure or plan the exit");
});

test("IDs compare as people read them: numbers by value, case ignored", () => {
  const ids = ["C-10", "c-9", "C-009b", "C-1", "A-100", "C-", "C-0010"];
  expect([...ids].sort(compareIds)).toEqual(["A-100", "C-", "C-1", "c-9", "C-009b", "C-10", "C-0010"]);
  expect(compareIds("ABC", "abc")).toBe(0);
});
