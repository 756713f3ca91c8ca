import { dateToSerial } from "../../src/core/dates";
import { contractCard } from "../../src/features/contractCard";
import { addMilestone, addRisk, logEscalation, recordChangeFor } from "../../src/features/forms";
import { readPaneData } from "../../src/features/paneData";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, LOT_1_ROW, LOT_2_ROW, REGISTER, SHARED_ID_REGISTER, buildSharedIdTracker, buildTracker } from "./paneTracker";

async function tracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await buildTracker(book);
  return book;
}

/** A register set up with Settings only: the forms must make the tables they need. */
async function bareTracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await setUpTracker(book, { asOf: AS_OF });
  return book;
}

const lastRow = (book: MemoryWorkbook, table: string): unknown[] => book.snapshot(table).rows.slice(-1)[0];
const formulasOfLastRow = (book: MemoryWorkbook, table: string): (string | undefined)[] => {
  const t = book.snapshot(table);
  return (book.sheets.get(t.sheet)?.[t.row + t.rows.length] ?? []).map((c) => c.formula);
};

describe("Add milestone", () => {
  test("says plainly what to fix, and adds nothing", async () => {
    const book = await tracker();
    const before = book.snapshot("Milestones").rows.length;
    expect(await addMilestone(book, { contractId: "", milestone: " ", baselineDate: "" })).toEqual({
      ok: false,
      errors: { contractId: "Contract ID: choose a contract", milestone: "Milestone: say what is to be achieved", baselineDate: "Baseline date: enter a date such as 31/03/2026" },
    });
    expect(await addMilestone(book, { contractId: "C-404", milestone: "Go", baselineDate: "31/02/2026", forecastDate: "soon", actualDate: "03/31/2026" })).toEqual({
      ok: false,
      errors: {
        contractId: 'Contract ID: there is no contract "C-404" in the Contracts table',
        baselineDate: 'Baseline date: "31/02/2026" is not a real date (no day 31 in month 2 of 2026)',
        forecastDate: "Forecast date: enter a date such as 31/03/2026",
        actualDate: 'Actual date: "03/31/2026" has no month 31: this workbook reads numeric dates day-first (dd/mm/yyyy)',
      },
    });
    expect(book.snapshot("Milestones").rows).toHaveLength(before);
  });

  test("appends one row laid out by the table's headers: dates as dates, text as text, the computed columns left to their formulas", async () => {
    const book = await tracker();
    const before = book.snapshot("Milestones").rows.length;
    const result = await addMilestone(book, { contractId: " c-001", milestone: "=HYPERLINK(\"x\") exit plan", baselineDate: "1 March 2026", forecastDate: "2026-12-01", owner: "+Sam" });
    expect(result).toEqual({ ok: true, table: "Milestones", bodyIndex: before, contractId: "C-001", slippageDays: (dateToSerial(2026, 12, 1) ?? 0) - (dateToSerial(2026, 3, 1) ?? 0), rag: "Red" });
    expect(book.snapshot("Milestones").headers).toEqual(["Contract ID", "Milestone", "Baseline date", "Forecast date", "Actual date", "Owner", "Slippage", "RAG"]);
    expect(lastRow(book, "Milestones").slice(0, 6)).toEqual(["C-001", '=HYPERLINK("x") exit plan', dateToSerial(2026, 3, 1), dateToSerial(2026, 12, 1), null, "+Sam"]);
    const formulas = formulasOfLastRow(book, "Milestones");
    expect(formulas.slice(0, 6)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(formulas[6]).toMatch(/^=CONTRACT\.SLIPPAGE\(/);
    // and the card shows it at once
    const { data, tables } = await readPaneData(book);
    expect(contractCard(data, tables, 0)?.milestones.map((m) => m.milestone)).toEqual(['=HYPERLINK("x") exit plan']);
  });

  test("reads dates in the Settings' order", async () => {
    const book = await tracker();
    await book.updateTableCells("Settings", [{ row: book.snapshot("Settings").rows.findIndex((r) => r[0] === "date_order"), column: "Value", value: "mdy" }]);
    expect(await addMilestone(book, { contractId: "C-001", milestone: "Exit", baselineDate: "31/03/2026" })).toEqual({
      ok: false,
      errors: { baselineDate: 'Baseline date: "31/03/2026" has no month 31: this workbook reads numeric dates month-first (mm/dd/yyyy)' },
    });
    expect(await addMilestone(book, { contractId: "C-001", milestone: "Exit", baselineDate: "" })).toMatchObject({ errors: { baselineDate: "Baseline date: enter a date such as 03/31/2026" } });
    await addMilestone(book, { contractId: "C-001", milestone: "Exit", baselineDate: "03/31/2026" });
    expect(lastRow(book, "Milestones")[2]).toBe(dateToSerial(2026, 3, 31));
  });

  test("follows a table whose columns the user moved or left out", async () => {
    const book = await bareTracker();
    await book.addTableSheet("Plan", "Milestones", ["Milestone", "Owner", "Contract ID", "Baseline date", "Notes"], [["Kick-off", "Jo", "C-002", AS_OF - 1, "fine"]]);
    await addMilestone(book, { contractId: "C-005", milestone: "Handover", baselineDate: "01/01/2027", forecastDate: "02/01/2027", owner: "Sam" });
    expect(lastRow(book, "Milestones")).toEqual(["Handover", "Sam", "C-005", dateToSerial(2027, 1, 1), null]);
  });

  test("creates the Milestones table as set-up would when the workbook has none", async () => {
    const book = await bareTracker();
    expect(book.tables.has("Milestones")).toBe(false);
    expect(await addMilestone(book, { contractId: "C-002", milestone: "Data migration", baselineDate: "26/10/2026" })).toMatchObject({ ok: true, table: "Milestones", bodyIndex: 0, slippageDays: 30, rag: "Amber" });
    expect(book.snapshot("Milestones")).toMatchObject({ sheet: "Milestones", headers: ["Contract ID", "Milestone", "Baseline date", "Forecast date", "Actual date", "Owner", "Slippage", "RAG"] });
    expect(book.snapshot("Milestones").rows[0].slice(0, 3)).toEqual(["C-002", "Data migration", dateToSerial(2026, 10, 26)]);
    expect(book.ragFormats).toContainEqual({ table: "Milestones", column: "RAG" });
  });
});

describe("Add risk", () => {
  test("likelihood and impact are whole numbers from 1 to 5; status one of the list", async () => {
    const book = await tracker();
    expect(await addRisk(book, { contractId: "C-001", risk: "", likelihood: "6", impact: "2.5", status: "maybe" })).toEqual({
      ok: false,
      errors: {
        risk: "Risk: say what might happen",
        likelihood: "Likelihood: a whole number from 1 to 5",
        impact: "Impact: a whole number from 1 to 5",
        status: "Status: choose Open, Mitigating or Closed",
      },
    });
    expect(await addRisk(book, { contractId: "C-001", risk: "Late", likelihood: "", impact: "0" })).toMatchObject({ errors: { likelihood: "Likelihood: a whole number from 1 to 5", impact: "Impact: a whole number from 1 to 5" } });
  });

  test("appends the risk with its Score and RAG formulas, and gives them back worked out", async () => {
    const book = await tracker();
    const result = await addRisk(book, { contractId: "C-003", risk: "-Supplier exits", likelihood: " 3 ", impact: "5", mitigation: "@Find a new supplier", status: "mitigating" });
    expect(result).toEqual({ ok: true, table: "Risks", bodyIndex: 3, contractId: "C-003", score: 15, rag: "Red" });
    expect(lastRow(book, "Risks").slice(0, 7)).toEqual(["C-003", "-Supplier exits", 3, 5, null, "@Find a new supplier", "Mitigating"]);
    expect(formulasOfLastRow(book, "Risks").slice(7)).toEqual([expect.stringMatching(/\*/), expect.stringMatching(/"Red"/)]);
    const { data, tables } = await readPaneData(book);
    expect(contractCard(data, tables, 2)?.risks).toMatchObject([{ risk: "-Supplier exits", score: 15, rag: "Red", status: "Mitigating" }]);
  });

  test("defaults to Open, and makes the Risks table with its drop-down when there is none", async () => {
    const book = await bareTracker();
    expect(await addRisk(book, { contractId: "C-010", risk: "Drought", likelihood: "2", impact: "4" })).toMatchObject({ ok: true, bodyIndex: 0, score: 8, rag: "Amber" });
    expect(book.snapshot("Risks").rows[0].slice(0, 7)).toEqual(["C-010", "Drought", 2, 4, null, null, "Open"]);
    expect(book.dropDowns).toContainEqual({ table: "Risks", column: "Status", choices: ["Open", "Mitigating", "Closed"] });
  });
});

describe("Record change", () => {
  test("records a change for a contract under a new Change ID, dated today unless told", async () => {
    const book = await tracker();
    const first = await recordChangeFor(book, { contractId: "C-002", description: "=cmd|' /C calc'!A0", valueImpact: "-£1,500" });
    expect(first).toEqual({ ok: true, table: "Changes", bodyIndex: 1, contractId: "C-002", changeId: "CHG-20261125-001" });
    expect(lastRow(book, "Changes")).toEqual(["CHG-20261125-001", "C-002", "=cmd|' /C calc'!A0", -1500, AS_OF, "Proposed", null, null, null]);
    const second = await recordChangeFor(book, { contractId: "c-002", description: "More", valueImpact: "12,000", status: "approved", requested: "01/11/2026", approvedBy: "Sam", approvedOn: "20/11/2026", newEndDate: "31/03/2031" });
    expect(second).toMatchObject({ ok: true, changeId: "CHG-20261125-002", bodyIndex: 2 });
    expect(lastRow(book, "Changes")).toEqual(["CHG-20261125-002", "C-002", "More", 12000, dateToSerial(2026, 11, 1), "Approved", "Sam", dateToSerial(2026, 11, 20), dateToSerial(2031, 3, 31)]);
  });

  test("refuses an amount, status or date it cannot read", async () => {
    const book = await tracker();
    expect(await recordChangeFor(book, { contractId: "C-002", description: "", valueImpact: "lots", status: "Done", approvedOn: "yesterday" })).toEqual({
      ok: false,
      errors: {
        description: "Description: say what changes",
        valueImpact: "Value impact: enter an amount such as 1,200 or -500",
        status: "Status: choose Proposed, Approved, Rejected or Implemented",
        approvedOn: "Approved on: enter a date such as 31/03/2026",
      },
    });
    expect(book.snapshot("Changes").rows).toHaveLength(1);
  });

  test("an approval is someone's, and never before the change was requested: each said under its field", async () => {
    const book = await tracker();
    // Approved with no approver; approved the day before it was asked for.
    expect(await recordChangeFor(book, { contractId: "C-002", description: "More", status: "Approved", requested: "20/11/2026", approvedOn: "19/11/2026" })).toEqual({
      ok: false,
      errors: {
        approvedBy: "Approved by: say who approved it (the status is Approved)",
        approvedOn: "Approved on: 19 Nov 2026 is before the request date, 20 Nov 2026",
      },
    });
    // Requested blank is the as-of date (25/11/2026): an approval dated earlier is refused too.
    expect(await recordChangeFor(book, { contractId: "C-002", description: "More", status: "Proposed", approvedOn: "01/11/2026" })).toMatchObject({
      ok: false,
      errors: { approvedOn: "Approved on: 1 Nov 2026 is before the request date, 25 Nov 2026" },
    });
    expect(book.snapshot("Changes").rows).toHaveLength(1);
    // The same day is fine, and a Proposed change needs no approver.
    expect(await recordChangeFor(book, { contractId: "C-002", description: "More", status: "Approved", requested: "20/11/2026", approvedBy: "Sam", approvedOn: "20/11/2026" })).toMatchObject({ ok: true });
    expect(await recordChangeFor(book, { contractId: "C-002", description: "Less", status: "Proposed" })).toMatchObject({ ok: true });
  });

  test("makes the Changes table when there is none", async () => {
    const book = await bareTracker();
    expect(await recordChangeFor(book, { contractId: "C-001", description: "Scope cut", valueImpact: "(2000)" })).toMatchObject({ ok: true, changeId: "CHG-20261125-001", bodyIndex: 0 });
    expect(book.snapshot("Changes").rows).toEqual([["CHG-20261125-001", "C-001", "Scope cut", -2000, AS_OF, "Proposed", null, null, null]]);
  });
});

describe("Log escalation", () => {
  test("level is 1, 2 or 3; a reason is needed", async () => {
    const book = await tracker();
    expect(await logEscalation(book, { contractId: "C-001", level: "4", reason: "", raisedBy: "Sam Patel" })).toEqual({
      ok: false,
      errors: { level: "Level: 1, 2 or 3", reason: "Reason: say why it is being escalated" },
    });
    expect(await logEscalation(book, { contractId: "C-001", level: "two", reason: "x", raisedBy: "Sam Patel" })).toMatchObject({ errors: { level: "Level: 1, 2 or 3" } });
  });

  test("says who raised it: a person's name is required, never the product's", async () => {
    const book = await tracker();
    for (const raisedBy of [undefined, "", "   "]) {
      expect(await logEscalation(book, { contractId: "C-001", level: "3", reason: "Notice date missed", raisedBy })).toEqual({ ok: false, errors: { raisedBy: "Raised by: say who is raising it" } });
    }
    expect(book.snapshot("Escalations").rows).toHaveLength(1);
  });

  test("logs it Open, raised today, with the contract's RAG, the ladder's owner and the recommended action unless given", async () => {
    const book = await tracker();
    const result = await logEscalation(book, { contractId: "C-001", level: "3", reason: "Notice date missed", raisedBy: " Priya Shah " });
    expect(result).toEqual({ ok: true, table: "Escalations", bodyIndex: 1, contractId: "C-001", escalationId: "ESC-20261125-001", level: 3, owner: "Senior responsible owner / board", recommended: 3 });
    expect(lastRow(book, "Escalations")).toEqual([
      "ESC-20261125-001", "C-001", AS_OF, "Priya Shah", 3, "Red", "Notice date missed",
      "Notice date 15 Oct 2026 passed 41 days ago: decide now whether to extend, re-procure or exit", "Senior responsible owner / board", "Open", null, null,
    ]);
    // A level below the one recommended is logged as chosen; the result says what was recommended.
    expect(await logEscalation(book, { contractId: "C-001", level: "1", reason: "Talk first", raisedBy: "Priya Shah" })).toMatchObject({ ok: true, level: 1, recommended: 3 });
    await logEscalation(book, { contractId: "C-010", level: "1", reason: "+Check", action: "=Call them", owner: "Jo", raisedBy: "Sam Patel" });
    expect(lastRow(book, "Escalations")).toEqual(["ESC-20261125-003", "C-010", AS_OF, "Sam Patel", 1, "Green", "+Check", "=Call them", "Jo", "Open", null, null]);
    const { data, tables } = await readPaneData(book);
    expect(contractCard(data, tables, 0)?.escalations.map((e) => e.escalationId)).toEqual(["ESC-20261125-001", "ESC-20261125-002"]);
  });
});

describe("a contract whose ID another row shares", () => {
  async function sharedTracker(): Promise<MemoryWorkbook> {
    const book = MemoryWorkbook.fromSheets({ Register: SHARED_ID_REGISTER.map((r) => [...r]) });
    await buildSharedIdTracker(book);
    return book;
  }
  const cards = async (book: MemoryWorkbook) => {
    const { data, tables } = await readPaneData(book);
    return { lot1: contractCard(data, tables, 1), lot2: contractCard(data, tables, 3), alone: contractCard(data, tables, 0) };
  };
  const cell = (book: MemoryWorkbook, table: string, header: string): unknown => {
    const t = book.snapshot(table);
    return t.rows[t.rows.length - 1][t.headers.indexOf(header)];
  };

  test("a risk, milestone, change or escalation added to one line goes to that line only, saying which in a Which contract column added for it", async () => {
    const book = await sharedTracker();
    const riskHeaders = book.snapshot("Risks").headers;
    expect(await addRisk(book, { contractId: "c-104", contractRow: LOT_2_ROW, risk: "Lift breaks down", likelihood: "4", impact: "4" })).toMatchObject({ ok: true, contractId: "c-104", whichContract: "Cleaning – Lot 2 South" });
    // Added at the right of the table the first time it is needed; the ID is written as the row writes it.
    expect(book.snapshot("Risks").headers).toEqual([...riskHeaders, "Which contract"]);
    expect([cell(book, "Risks", "Contract ID"), cell(book, "Risks", "Which contract")]).toEqual(["c-104", "Cleaning – Lot 2 South"]);
    expect(await addMilestone(book, { contractId: "C-104", contractRow: LOT_1_ROW, milestone: "North handover", baselineDate: "01/12/2026" })).toMatchObject({ ok: true, whichContract: "Cleaning – Lot 1 North" });
    expect(await recordChangeFor(book, { contractId: "C-104", contractRow: LOT_1_ROW, description: "Add a site" })).toMatchObject({ ok: true, changeId: "CHG-20261125-001", whichContract: "Cleaning – Lot 1 North" });
    expect(cell(book, "Changes", "Which contract")).toBe("Cleaning – Lot 1 North");
    expect(await logEscalation(book, { contractId: "c-104", contractRow: LOT_2_ROW, level: "2", reason: "Lift", raisedBy: "Sam Patel" })).toMatchObject({ ok: true, whichContract: "Cleaning – Lot 2 South" });

    const { lot1, lot2 } = await cards(book);
    const own = <T extends { ambiguousRows?: number[] }>(items: readonly T[] | undefined): T[] => (items ?? []).filter((i) => !i.ambiguousRows);
    expect(own(lot2?.risks).map((r) => r.risk)).toEqual(["Lift breaks down"]);
    expect(own(lot1?.risks)).toEqual([]);
    expect(own(lot1?.milestones).map((m) => m.milestone)).toEqual(["North mobilised", "North handover"]);
    expect(own(lot2?.milestones).map((m) => m.milestone)).toEqual(["South mobilised"]);
    expect([lot1?.changes.map((c) => c.description), lot2?.changes.map((c) => c.description)]).toEqual([["Add a site"], []]);
    expect([lot1?.escalations.length, lot2?.escalations.map((e) => e.reason)]).toEqual([0, ["Lift"]]);
    // The line's rating counts its own records, not its twin's.
    expect(lot2?.assessment.openEscalation).toMatch(/^ESC-/);
    expect(lot1?.assessment.openEscalation).toBeNull();
  });

  test("a new table made for the record has the column beside Contract ID", async () => {
    const book = MemoryWorkbook.fromSheets({ Register: SHARED_ID_REGISTER.map((r) => [...r]) });
    await setUpTracker(book, { asOf: AS_OF });
    expect(await addRisk(book, { contractId: "C-104", contractRow: LOT_1_ROW, risk: "Strike", likelihood: "2", impact: "5" })).toMatchObject({ ok: true, bodyIndex: 0 });
    expect(book.snapshot("Risks").headers).toEqual(["Contract ID", "Which contract", "Risk", "Likelihood", "Impact", "Owner", "Mitigation", "Status", "Score", "RAG"]);
    expect(book.snapshot("Risks").rows[0].slice(0, 3)).toEqual(["C-104", "Cleaning – Lot 1 North", "Strike"]);
    expect(book.dropDowns).toContainEqual({ table: "Risks", column: "Status", choices: ["Open", "Mitigating", "Closed"] });
  });

  test("without its row the form will not guess which line; a row that no longer holds the ID is refused", async () => {
    const book = await sharedTracker();
    const before = book.snapshot("Risks").rows.length;
    expect(await addRisk(book, { contractId: "C-104", risk: "Strike", likelihood: "2", impact: "5" })).toEqual({
      ok: false,
      errors: { contractId: 'Contract ID: rows 3 and 5 share the ID "C-104": choose the contract on its own row' },
    });
    expect(await addRisk(book, { contractId: "C-104", contractRow: 4, risk: "Strike", likelihood: "2", impact: "5" })).toEqual({
      ok: false,
      errors: { contractId: 'Contract ID: row 4 of the Contracts table no longer holds "C-104" (the table may have been sorted): choose the contract again' },
    });
    expect(book.snapshot("Risks").rows).toHaveLength(before);
  });

  test("a cell of the user's beside the table is never written over: the record is refused, saying what to do", async () => {
    const book = await sharedTracker();
    const risks = book.tables.get("Risks");
    const right = (risks?.column ?? 0) + (risks?.columnCount ?? 0);
    (book.sheets.get("Risks") ?? [])[1][right] = { value: "my note" };
    const result = addRisk(book, { contractId: "C-104", contractRow: LOT_1_ROW, risk: "Strike", likelihood: "2", impact: "5" });
    await expect(result).rejects.toThrow(/^The Risks table needs a "Which contract" column .*a cell to the right of the table is not empty\): clear the cells just right of the table, or add a column headed "Which contract" to it yourself$/);
    expect(book.sheets.get("Risks")?.[1][right]?.value).toBe("my note");
    expect(book.snapshot("Risks").rows).toHaveLength(2);
  });

  test("contracts whose IDs are their own are as before: no new column, nothing more said", async () => {
    const book = await sharedTracker();
    const headers = ["Risks", "Changes", "Escalations"].map((t) => book.snapshot(t).headers);
    expect(await addRisk(book, { contractId: "C-101", risk: "Supplier exits", likelihood: "3", impact: "5" })).toEqual({ ok: true, table: "Risks", bodyIndex: 2, contractId: "C-101", score: 15, rag: "Red" });
    expect(await recordChangeFor(book, { contractId: "C-105", contractRow: 4, description: "Fewer parks" })).toEqual({ ok: true, table: "Changes", bodyIndex: 0, contractId: "C-105", changeId: "CHG-20261125-001" });
    expect(await logEscalation(book, { contractId: "C-105", level: "1", reason: "Check", raisedBy: "Sam Patel" })).toMatchObject({ ok: true, contractId: "C-105" });
    expect(["Risks", "Changes", "Escalations"].map((t) => book.snapshot(t).headers)).toEqual(headers);
    // Where the table has the column already, their records leave it blank.
    expect(await addMilestone(book, { contractId: "C-101", milestone: "Tasting", baselineDate: "01/12/2026" })).toMatchObject({ ok: true });
    expect(cell(book, "Milestones", "Which contract")).toBeNull();
    const { alone } = await cards(book);
    expect(alone?.risks.map((r) => r.risk)).toEqual(["Food prices", "Supplier exits"]);
  });
});
