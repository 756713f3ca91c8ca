import { dateToSerial } from "../../src/core/dates";
import { contractCard, riskRag } from "../../src/features/contractCard";
import { readPaneData } from "../../src/features/paneData";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, LOT_1_ROW, LOT_2_ROW, REGISTER, SHARED_ID_REGISTER, buildSharedIdTracker, buildTracker } from "./paneTracker";

async function pane(): Promise<Awaited<ReturnType<typeof readPaneData>>> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await buildTracker(book);
  return readPaneData(book);
}

describe("the contract card", () => {
  test("shows the register's own columns as the table shows them, and the key fields typed", async () => {
    const { data, tables } = await pane();
    const card = contractCard(data, tables, 1);
    expect(card).toMatchObject({ id: "C-002", title: "IT support", supplier: "+cmd Ltd", row: 5, bodyIndex: 1, closed: false });
    // header → value, in table order; the tracker's computed columns (RAG, Days to expiry …) are not among them
    expect(card?.fields).toEqual([
      { header: "Ref", value: "C-002" },
      { header: "Contract title", value: "IT support" },
      { header: "Provider", value: "+cmd Ltd" },
      { header: "Contract manager", value: "Jo Bloggs" },
      { header: "Tier", value: "Silver" },
      { header: "Start date", value: "01/04/2024" },
      { header: "Go-live date", value: null },
      { header: "Expiry", value: "31/03/2030" },
      { header: "Notice", value: null },
      { header: "Total value", value: 50000 },
      { header: "Status", value: "Live" },
    ]);
    expect(card?.key).toMatchObject({ contractManager: "Jo Bloggs", tier: "Silver", status: "Live", startDate: dateToSerial(2024, 4, 1), endDate: AS_OF + 1222, totalValue: 50000, noticePeriod: "" });
    // Silver, no notice period: decide 270 days before the end.
    expect(card?.dates).toEqual({ daysToExpiry: 1222, noticeDate: null, daysToNotice: null, finalExpiry: AS_OF + 1222, decideBy: AS_OF + 952, daysToDecide: 952, phase: "Delivery", spendVariance: null, spend: null });
  });

  test("says where the contract stands on the ladder, why, and what to do, as the escalation summary does", async () => {
    const { data, tables } = await pane();
    const card = contractCard(data, tables, 1);
    expect(card?.assessment).toMatchObject({
      rag: "Red",
      level: 2,
      escalateTo: "Commercial lead / head of service",
      // Its open Red risk (4 × 4) is among the reasons, though RAG weighs the milestone.
      reasons: ['Milestone "Data migration" 40 days late (red above 30 days)', 'Open risk "Supplier insolvency" scores 16 of 25 (red at 15 or more)'],
      action: 'Milestone "Data migration" 40 days late: agree recovery plan with supplier',
      openEscalation: "ESC-1",
      daysInStatus: 3,
    });
    const first = contractCard(data, tables, 0);
    expect(first?.assessment.action).toBe("Notice date 15 Oct 2026 passed 41 days ago: decide now whether to extend, re-procure or exit");
  });

  test("lists its milestones with slippage and RAG, KPIs with attainment, risks scored, changes and escalations, matched by ID whatever its case", async () => {
    const { data, tables } = await pane();
    const card = contractCard(data, tables, 1);
    expect(card?.milestones.map((m) => [m.milestone, m.slippageDays, m.rag])).toEqual([
      ["Data migration", 40, "Red"],
      ["Go-live", 5, "Amber"], // its Contract ID reads "c-002 " in the Milestones table
    ]);
    expect(card?.kpis).toEqual([{ row: 2, kpi: "Uptime", target: 0.99, actual: 0.999, period: "Oct 2026", higherIsBetter: true, attainment: 0.999 / 0.99, rag: "Green", percent: false }]);
    expect(card?.risks).toEqual([
      { row: 2, risk: "Supplier insolvency", likelihood: 4, impact: 4, score: 16, rag: "Red", owner: "Jo Bloggs", mitigation: "Monitor credit reports", status: "Open" },
      { row: 3, risk: '=HYPERLINK("x") key person leaves', likelihood: 2, impact: 3, score: 6, rag: "Green", owner: "Jo Bloggs", mitigation: "", status: "Mitigating" },
    ]);
    expect(card?.changes).toEqual([{ row: 2, changeId: "CHG-1", description: "Extra licences", valueImpact: 12000, requested: AS_OF - 10, status: "Approved", approvedBy: "Sam Patel", approvedOn: AS_OF - 5 }]);
    expect(card?.escalations.map((e) => [e.escalationId, e.level, e.status, e.raisedAt])).toEqual([["ESC-1", 2, "Open", AS_OF - 3]]);
    // another contract's rows are not on this card
    expect(contractCard(data, tables, 0)?.risks.map((r) => r.risk)).toEqual(["Strike"]);
  });

  test("a KPI where lower is better counts target ÷ actual", async () => {
    const { data, tables } = await pane();
    expect(contractCard(data, tables, { contractId: "c-008" })?.kpis).toMatchObject([{ kpi: "Response time (hours)", higherIsBetter: false, attainment: 0.8, rag: "Red" }]);
  });

  test("finds a contract by ID, case ignored; a blank or missing row, or an unknown ID, has no card", async () => {
    const { data, tables } = await pane();
    expect(contractCard(data, tables, { contractId: " c-005 " })?.bodyIndex).toBe(4);
    expect(contractCard(data, tables, { contractId: "C-999" })).toBeNull();
    expect(contractCard(data, tables, { contractId: "" })).toBeNull();
    expect(contractCard(data, tables, 10)).toBeNull();
    expect(contractCard(data, tables, -1)).toBeNull();
  });

  test("a closed contract says so; a contract with no dates has no phase", async () => {
    const { data, tables } = await pane();
    expect(contractCard(data, tables, 3)).toMatchObject({ id: "C-004", closed: true });
    expect(contractCard(data, tables, 6)?.dates.phase).toBeNull();
    expect(contractCard(data, tables, 6)?.assessment.rag).toBeNull();
  });

  test("works without Risks and Changes tables, and without their rows", async () => {
    const { data, tables } = await pane();
    const without = new Map([...tables].filter(([name]) => name !== "Risks" && name !== "Changes"));
    expect(contractCard(data, without, 1)).toMatchObject({ risks: [], changes: [] });
  });

  test("a risk's RAG is Red from 15, Amber from 8, else Green, as the Risks table's formula", () => {
    expect([25, 15, 14, 8, 7, 1, null].map(riskRag)).toEqual(["Red", "Red", "Amber", "Amber", "Green", "Green", null]);
  });
});

describe("the card of a contract whose ID another row shares", () => {
  async function shared(): Promise<Awaited<ReturnType<typeof readPaneData>>> {
    const book = MemoryWorkbook.fromSheets({ Register: SHARED_ID_REGISTER.map((r) => [...r]) });
    await buildSharedIdTracker(book);
    return readPaneData(book);
  }

  test("names the other rows with the ID, and what its records say to be its own", async () => {
    const { data, tables } = await shared();
    const lot2 = contractCard(data, tables, 3);
    // Its ID as its own row writes it.
    expect(lot2).toMatchObject({ id: "c-104", row: LOT_2_ROW, whichContract: "Cleaning – Lot 2 South" });
    expect(lot2?.sharesIdWith).toEqual([{ id: "C-104", title: "Cleaning – Lot 1 North", supplier: "Binco Ltd", row: LOT_1_ROW, bodyIndex: 1 }]);
    expect(contractCard(data, tables, 1)?.sharesIdWith.map((c) => c.row)).toEqual([LOT_2_ROW]);
    // Found by ID: the first line of it, with the warning all the same.
    expect(contractCard(data, tables, { contractId: "c-104" })?.row).toBe(LOT_1_ROW);
  });

  test("lists the records that say they are its own, and those giving only the ID marked with both rows", async () => {
    const { data, tables } = await shared();
    const lot1 = contractCard(data, tables, 1);
    const lot2 = contractCard(data, tables, 3);
    const both = [LOT_1_ROW, LOT_2_ROW];
    expect(lot1?.milestones.map((m) => [m.milestone, m.ambiguousRows])).toEqual([
      ["North mobilised", undefined],
      ["Deep clean", both],
      ["Handover", both], // "Lot 3" names neither line
    ]);
    expect(lot2?.milestones.map((m) => [m.milestone, m.ambiguousRows])).toEqual([
      ["South mobilised", undefined], // its Which contract gives the row, typed by hand
      ["Deep clean", both],
      ["Handover", both],
    ]);
    expect(lot1?.risks.map((r) => [r.risk, r.ambiguousRows])).toEqual([["Staff shortage", both]]);
    expect(lot2?.risks.map((r) => [r.risk, r.ambiguousRows])).toEqual([["Staff shortage", both]]);
    // Rated on its own milestones: North is 40 days late, South 10.
    expect(lot1?.assessment.worstSlippage).toBe(40);
    expect(lot2?.assessment.worstSlippage).toBe(10);
  });

  test("a contract whose ID is its own is as before: no warning, its records unmarked, whatever their Which contract says", async () => {
    const { data, tables } = await shared();
    const card = contractCard(data, tables, 0);
    expect(card).toMatchObject({ id: "C-101", sharesIdWith: [], whichContract: null });
    expect(card?.milestones.map((m) => m.milestone)).toEqual(["Menu agreed"]);
    expect(card?.risks).toEqual([{ row: 3, risk: "Food prices", likelihood: 2, impact: 2, score: 4, rag: "Green", owner: "Sam", mitigation: "", status: "Open" }]);
  });
});

describe("the card rates as a contract manager would", () => {
  // 25/11/2026: a rolling licence ending 31/12/2099, a contract ended in 2015 nobody closed, a
  // completed one, and a four-year contract three months in with a quarter of its budget spent.
  const REG: (string | number | null)[][] = [
    ["Ref", "Contract title", "Start date", "Expiry", "Budget", "Spend to date", "Status"],
    ["R-1", "Rolling licence", "01/04/2020", "31/12/2099", null, null, "Live"],
    ["R-2", "Old cleaning", "01/04/2012", "31/03/2015", null, null, ""],
    ["R-3", "Finished works", "01/04/2025", "31/10/2026", null, null, "Completed"],
    ["R-4", "New IT service", "25/08/2026", "24/08/2030", 1_600_000, 400_000, "Live"],
  ];
  const cards = async () => {
    const book = MemoryWorkbook.fromSheets({ Register: REG.map((r) => [...r]) });
    await setUpTracker(book, { asOf: AS_OF });
    const { data, tables } = await readPaneData(book);
    return (i: number) => contractCard(data, tables, i);
  };

  test("a stand-in end date is Unrated with the reason, not Green", async () => {
    const card = (await cards())(0);
    expect(card?.assessment).toMatchObject({ rag: null, level: 0, endDateGap: "No real end date: 31 Dec 2099 is a stand-in" });
    expect(card?.dates.daysToExpiry).toBeNull();
  });

  test("a record ended years ago is probably closed, not escalated; a completed one is not told to escalate", async () => {
    const card = await cards();
    expect(card(1)?.assessment).toMatchObject({ probablyClosed: true, level: 0, escalateTo: "" });
    expect(card(2)?.assessment).toMatchObject({ closed: true, level: 0, rag: null, action: "" });
  });

  test("spend is against the budget profiled to date: three months into four years, a quarter spent is far over", async () => {
    const spend = (await cards())(3)?.dates.spend;
    // 92 of the term's 1,460 days gone: about 1/16 of 1,600,000.
    expect(spend).toMatchObject({ elapsed: expect.closeTo(1 / 16, 2) });
    expect(spend && spend.variance !== null && Math.round(spend.profiledBudget)).toBe(Math.round((1_600_000 * 92) / 1460));
    expect(spend?.variance).toBeGreaterThan(2.9);
  });
});
