import { dateToSerial } from "../../../src/core/dates";
import { procurementDuties } from "../../../src/core/duties/procurementDuties";
import { suggestedRating } from "../../../src/core/duties/performance";
import type { NormalisedRow, TypedValue } from "../../../src/core/normalise";
import { DEFAULT_SETTINGS, readSettings } from "../../../src/core/settings";

// The Procurement Act 2023 duties on hand-made contracts: each rule, its edge, and the switch.
const d = (y: number, m: number, day: number): number => dateToSerial(y, m, day) ?? NaN;
const AS_OF = d(2026, 11, 25);
let nextRow = 2;
const row = (fields: Record<string, TypedValue>): NormalisedRow => ({ row: nextRow++, fields });
const contract = (id: string, fields: Record<string, TypedValue>): NormalisedRow =>
  row({ contractId: id, title: `Contract ${id}`, supplier: "Binco Ltd", startDate: d(2025, 4, 1), endDate: d(2028, 3, 31), ...fields });
const change = (id: string, status: string, valueImpact: number | null, newEndDate: number | null = null): NormalisedRow =>
  row({ contractId: id, status, valueImpact, newEndDate });
const kpi = (id: string, name: string, target: number, actual: number, assessedOn: number | null = null): NormalisedRow => row({ contractId: id, kpi: name, target, actual, assessedOn });

describe("contract change notices (s.75)", () => {
  test("approved changes over 10% of a services contract's value need a notice, with the figures", () => {
    const duties = procurementDuties({ contracts: [contract("S", { totalValue: 1_000_000, contractType: "Services" })], changes: [change("S", "Approved", 70_000), change("S", "Implemented", 50_000), change("S", "Rejected", 500_000)] }, DEFAULT_SETTINGS, AS_OF);
    expect(duties).toHaveLength(1);
    expect(duties[0]).toMatchObject({ kind: "changeNotice", section: "s.75", urgent: true, id: "S" });
    expect(duties[0].what).toBe("Changes approved add £120,000: 12% of £1,000,000 (limit 10% for services)");
  });

  test("works have 15%: 12% on a works contract needs none, 16% does", () => {
    const works = (id: string, up: number) => ({ contracts: [contract(id, { totalValue: 1_000_000, contractType: "Construction works" })], changes: [change(id, "Approved", up)] });
    expect(procurementDuties(works("W1", 120_000), DEFAULT_SETTINGS, AS_OF)).toEqual([]);
    expect(procurementDuties(works("W2", 160_000), DEFAULT_SETTINGS, AS_OF)[0].what).toContain("16% of £1,000,000 (limit 15% for works)");
  });

  test("exactly 10% is within s.75(2), and a contract of unknown type is held to 10%", () => {
    expect(procurementDuties({ contracts: [contract("E", { totalValue: 1_000_000 })], changes: [change("E", "Approved", 100_000)] }, DEFAULT_SETTINGS, AS_OF)).toEqual([]);
    const unknown = procurementDuties({ contracts: [contract("U", { totalValue: 1_000_000 })], changes: [change("U", "Approved", 110_000)] }, DEFAULT_SETTINGS, AS_OF);
    expect(unknown[0].what).toBe("Changes approved add £110,000: 11% of £1,000,000 (limit 10%, the lower one, as the contract type is not known)");
  });

  test("a decrease counts as an increase does", () => {
    const duties = procurementDuties({ contracts: [contract("D", { totalValue: 500_000, contractType: "Goods" })], changes: [change("D", "Approved", -60_000)] }, DEFAULT_SETTINGS, AS_OF);
    expect(duties[0].what).toBe("Changes approved take off £60,000: 12% of £500,000 (limit 10% for goods)");
  });

  test("proposed changes that would cross the threshold ask for a notice before they are made", () => {
    const duties = procurementDuties({ contracts: [contract("P", { totalValue: 1_000_000, contractType: "Services" })], changes: [change("P", "Approved", 60_000), change("P", "Proposed", 60_000)] }, DEFAULT_SETTINGS, AS_OF);
    expect(duties[0]).toMatchObject({ urgent: false, action: "Publish a contract change notice before making the proposed changes" });
    expect(duties[0].what).toContain("with those proposed, 12%");
  });

  test("a term extension past the maximum term (end date with its options) over 10% needs a notice", () => {
    // 1 Apr 2025 – 31 Mar 2028 with 1+1 options: maximum end 31 Mar 2029, four years.
    const c = contract("T", { totalValue: 1_000_000, extensionOptions: "1+1" });
    const within = procurementDuties({ contracts: [c], changes: [change("T", "Approved", 0, d(2029, 6, 30))] }, DEFAULT_SETTINGS, AS_OF);
    expect(within).toEqual([]);
    const past = procurementDuties({ contracts: [c], changes: [change("T", "Approved", 0, d(2029, 12, 31))] }, DEFAULT_SETTINGS, AS_OF);
    // The term alone moved: the line says the term, not "add £0: 0% of £1,000,000".
    expect(past[0].what).toBe("Term extended by 275 days, 18.8% of the maximum term (limit 10%)");
  });
});

describe("KPIs and performance assessments (ss.52, 71)", () => {
  test("over £5 million with two KPIs: fewer than three", () => {
    const c = contract("K", { totalValue: 6_000_000 });
    const duties = procurementDuties({ contracts: [c], kpis: [kpi("K", "On time", 100, 100, AS_OF - 10), kpi("K", "Complaints", 5, 5, AS_OF - 10)] }, DEFAULT_SETTINGS, AS_OF);
    expect(duties.map((x) => x.kind)).toEqual(["kpis"]);
    expect(duties[0].what).toBe("2 KPIs recorded for a contract worth £6,000,000: at least 3 are needed over £5,000,000");
  });

  test("£5 million exactly is not over the value; without a KPIs table nothing is said", () => {
    expect(procurementDuties({ contracts: [contract("F", { totalValue: 5_000_000 })], kpis: [] }, DEFAULT_SETTINGS, AS_OF)).toEqual([]);
    expect(procurementDuties({ contracts: [contract("N", { totalValue: 9_000_000 })] }, DEFAULT_SETTINGS, AS_OF)).toEqual([]);
  });

  test("an assessment 12 months after the last is overdue, with the rating the KPIs suggest", () => {
    const c = contract("A", { totalValue: 8_000_000, performanceRating: "Good" });
    const kpis = [kpi("A", "On time", 100, 96, d(2025, 11, 1)), kpi("A", "Fixed first visit", 90, 90, d(2025, 10, 1)), kpi("A", "Satisfaction", 80, 84, null)];
    const [duty] = procurementDuties({ contracts: [c], kpis }, DEFAULT_SETTINGS, AS_OF);
    expect(duty).toMatchObject({ kind: "assessment", urgent: true, suggestedRating: "Approaching target", confirmedRating: "Good", dueDate: d(2026, 11, 1) });
    expect(duty.what).toBe("Performance assessment overdue: by 1 Nov 2026 (24 days ago; last 1 Nov 2025); KPIs suggest Approaching target (worst: On time at 96%)");
  });

  test("with no assessment recorded the first is due 12 months after the start; due within the warning days", () => {
    const c = contract("B", { totalValue: 8_000_000, startDate: d(2025, 12, 10) });
    const kpis = ["One", "Two", "Three"].map((n) => kpi("B", n, 10, 10));
    const [duty] = procurementDuties({ contracts: [c], kpis }, DEFAULT_SETTINGS, AS_OF);
    expect(duty).toMatchObject({ kind: "assessment", urgent: false, dueDate: d(2026, 12, 10) });
    expect(duty.what).toContain("(in 15 days; none recorded)");
  });

  test("a contract ending before the 12 months are up is assessed on its end (s.71(2)(b)); once that is recorded nothing more is due", () => {
    const kpis = ["One", "Two", "Three"].map((n) => kpi("E", n, 10, 10, d(2026, 3, 1)));
    const [duty] = procurementDuties({ contracts: [contract("E", { totalValue: 8_000_000, endDate: d(2026, 12, 15) })], kpis }, DEFAULT_SETTINGS, AS_OF);
    expect(duty).toMatchObject({ kind: "assessment", urgent: false, dueDate: d(2026, 12, 15) });
    expect(duty.what).toBe("Performance assessment due: by 15 Dec 2026, when the contract ends (in 20 days; last 1 Mar 2026); KPIs suggest Good (worst: One at 100%)");
    const done = ["One", "Two", "Three"].map((n) => kpi("D", n, 10, 10, d(2026, 11, 20)));
    expect(procurementDuties({ contracts: [contract("D", { totalValue: 8_000_000, endDate: d(2026, 11, 15) })], kpis: done }, DEFAULT_SETTINGS, AS_OF)).toEqual([]);
    // An end before the start (a stand-in, a slip) says nothing of the term: the 12 months hold.
    const [slip] = procurementDuties({ contracts: [contract("S", { totalValue: 8_000_000, startDate: d(2025, 12, 10), endDate: d(2000, 1, 1) })], kpis: ["One", "Two", "Three"].map((n) => kpi("S", n, 10, 10)) }, DEFAULT_SETTINGS, AS_OF);
    expect(slip.dueDate).toBe(d(2026, 12, 10));
  });

  test("the suggested ratings follow the published descriptors over the RAG thresholds", () => {
    expect([1.02, 1, 0.97, 0.9, 0.79].map((a) => suggestedRating(a, DEFAULT_SETTINGS))).toEqual(["Good", "Good", "Approaching target", "Requires improvement", "Inadequate"]);
  });
});

describe("termination notices (s.80)", () => {
  test("a terminated contract has a notice due 30 days after its end date", () => {
    const [duty] = procurementDuties({ contracts: [contract("X", { status: "Terminated", endDate: AS_OF - 10 })] }, DEFAULT_SETTINGS, AS_OF);
    expect(duty).toMatchObject({ kind: "termination", section: "s.80", dueDate: AS_OF + 20, urgent: true });
    expect(duty.what).toBe("Terminated on 15 Nov 2026: termination notice due by 15 Dec 2026 (in 20 days)");
  });

  test("a notice recorded in the status, a live or completed contract, and 'termination pending' have none", () => {
    const contracts = [
      contract("Y1", { status: "Terminated - notice published", endDate: AS_OF - 10 }),
      contract("Y2", { status: "Completed", endDate: AS_OF - 10 }),
      contract("Y3", { status: "Termination pending", endDate: AS_OF + 100 }),
    ];
    expect(procurementDuties({ contracts }, DEFAULT_SETTINGS, AS_OF)).toEqual([]);
  });
});

describe("contracts under the older rules", () => {
  test("a contract that started before 24 February 2025 was procured before the Act: no duty is listed", () => {
    const old = contract("O", { startDate: d(2025, 2, 23), totalValue: 1_000_000, status: "Terminated", endDate: AS_OF - 5 });
    const first = contract("F", { startDate: d(2025, 2, 24), totalValue: 1_000_000, status: "Terminated", endDate: AS_OF - 5 });
    expect(procurementDuties({ contracts: [old, first] }, DEFAULT_SETTINGS, AS_OF).map((x) => x.id)).toEqual(["F"]);
  });

  test("the commencement date is Settings' act_commencement_date: moved earlier, a contract started before 24 February 2025 is listed; later, fewer are", () => {
    const terminated = (id: string, start: number): NormalisedRow => contract(id, { startDate: start, totalValue: 1_000_000, status: "Terminated", endDate: AS_OF - 5 });
    const contracts = [terminated("A", d(2024, 10, 27)), terminated("B", d(2024, 10, 28)), terminated("C", d(2025, 2, 24)), terminated("D", d(2025, 6, 30))];
    const listed = (rows: unknown[][]): string[] => {
      const settings = readSettings(rows);
      if (!settings.ok) throw new Error(settings.error);
      return procurementDuties({ contracts }, settings.value, AS_OF).map((x) => x.id).sort();
    };
    expect(listed([])).toEqual(["C", "D"]);
    expect(listed([["act_commencement_date", "2024-10-28"]])).toEqual(["B", "C", "D"]);
    expect(listed([["act_commencement_date", "01/04/2025"]])).toEqual(["D"]);
    expect(listed([["act_commencement_date", ""]])).toEqual(["C", "D"]);
  });
});

describe("Settings", () => {
  test("procurement_act_duties off says nothing; thresholds are the user's", () => {
    const contracts = [contract("X", { status: "Terminated", endDate: AS_OF - 10, totalValue: 1_000_000, contractType: "Goods" })];
    const off = readSettings([["procurement_act_duties", "off"]]);
    expect(off.ok && procurementDuties({ contracts }, off.value, AS_OF)).toEqual([]);
    const strict = readSettings([["change_value_goods_services_above", "5%"]]);
    const live = [contract("G", { totalValue: 1_000_000, contractType: "Goods" })];
    expect(strict.ok && procurementDuties({ contracts: live, changes: [change("G", "Approved", 60_000)] }, strict.value, AS_OF)[0].what).toContain("(limit 5% for goods)");
    expect(readSettings([["procurement_act_duties", "maybe"]])).toEqual({ ok: false, error: 'procurement_act_duties must be on or off, not "maybe"' });
  });
});
