import { dateToSerial } from "../../src/core/dates";
import { contractCard, riskRag } from "../../src/features/contractCard";
import { readPaneData } from "../../src/features/paneData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, REGISTER, buildTracker } from "./paneTracker";

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
    expect(card?.dates).toEqual({ daysToExpiry: 1222, noticeDate: null, daysToNotice: null, finalExpiry: AS_OF + 1222, phase: "Delivery", spendVariance: null });
  });

  test("says where the contract stands on the ladder, why, and what to do, as the escalation summary does", async () => {
    const { data, tables } = await pane();
    const card = contractCard(data, tables, 1);
    expect(card?.assessment).toMatchObject({
      rag: "Red",
      level: 2,
      escalateTo: "Commercial lead / head of service",
      reasons: ['Milestone "Data migration" 40 days late (red above 30 days)'],
      action: 'Milestone "Data migration" 40 days late: agree recovery plan with supplier',
      openEscalation: "ESC-1",
      daysInStatus: 3,
    });
    const first = contractCard(data, tables, 0);
    expect(first?.assessment.action).toBe("Notice date 15/10/2026 passed 41 days ago: decide now whether to extend, re-procure or exit");
  });

  test("lists its milestones with slippage and RAG, KPIs with attainment, risks scored, changes and escalations, matched by ID whatever its case", async () => {
    const { data, tables } = await pane();
    const card = contractCard(data, tables, 1);
    expect(card?.milestones.map((m) => [m.milestone, m.slippageDays, m.rag])).toEqual([
      ["Data migration", 40, "Red"],
      ["Go-live", 5, "Amber"], // its Contract ID reads "c-002 " in the Milestones table
    ]);
    expect(card?.kpis).toEqual([{ row: 2, kpi: "Uptime", target: 0.99, actual: 0.999, period: "Oct 2026", higherIsBetter: true, attainment: 0.999 / 0.99, rag: "Green" }]);
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
