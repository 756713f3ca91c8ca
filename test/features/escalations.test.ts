import { dateToSerial, formatSerial } from "../../src/core/dates";
import { SUMMARY_HEADERS, clearExpiringFilter, escalateSelected, expiringSoon, runEscalationSummary } from "../../src/features/escalations";
import { refreshTracker } from "../../src/features/refresh";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

// The ribbon's features over the in-memory workbook: the one-click summary sheet and log,
// Escalate selected, Expiring soon and Refresh. The Office adapter is held to the same port
// behaviour in test/office.

const AS_OF = dateToSerial(2026, 11, 25) ?? 0;
const REGISTER = [
  ["Anytown Council — contract register"],
  [],
  ["Ref", "Contract title", "Provider", "Contract manager", "Tier", "Start date", "Expiry", "Notice", "Total value", "Status"],
  ["C-001", '=HYPERLINK("http://x","y")', "Binco Ltd", "Sam Patel", "Gold", "01/04/2022", "15/01/2027", "3 months", 100000, "Live"],
  ["C-002", "Cleaning", "+cmd", "Jo Bloggs", "Silver", "01/04/2024", "31/03/2030", "", 50000, "Live"],
  ["C-003", "<img src=x onerror=alert(1)>", "@SUM(A1)", "-2+3", "Bronze", "01/04/2021", "11/11/2026", "", 7000, "Live"],
  ["C-004", "Old contract", "Shine Ltd", "Sam Patel", "Bronze", "01/04/2015", "31/03/2018", "", 1000, "Terminated"],
  ["C-005", "Parks", "Green Co", "Jo Bloggs", "Silver", "01/04/2024", "30/04/2027", "", 20000, "Live"],
];

async function tracker(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.map((r) => [...r]) });
  await setUpTracker(book, { asOf: AS_OF, createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] });
  // as_of is =TODAY() in the workbook; pin it as a user would to a fixed date.
  const settings = book.sheets.get("Settings") ?? [];
  const asOfRow = settings.find((line) => line[0]?.value === "as_of");
  if (asOfRow) asOfRow[1] = { value: AS_OF };
  // A milestone 40 days late on C-002.
  await book.appendRows("Milestones", [["C-002", "Data migration", AS_OF - 30, AS_OF + 10, null, "Dev team"]]);
  return book;
}

const sheetValues = (book: MemoryWorkbook, sheet: string): unknown[][] => (book.sheets.get(sheet) ?? []).map((line) => line.map((c) => c.value));

describe("the one-click escalation summary", () => {
  test("writes the day's sheet: heading, ranked table with RAG colours, a chart of RAG counts", async () => {
    const book = await tracker();
    const before = sheetValues(book, "Register");
    const run = await runEscalationSummary(book);
    expect(run.sheet).toBe("Escalations 2026-11-25");
    expect(run.replaced).toBe(false);
    const values = sheetValues(book, "Escalations 2026-11-25");
    expect(values[0]).toEqual(["Escalation summary as of 25 Nov 2026"]);
    expect(values[1][0]).toBe("4 contracts need attention: 2 at level 3 (Senior responsible owner / board), 1 at level 2 (Commercial lead / head of service), 1 at level 1 (Contract manager).");
    expect(values.slice(2, 11)).toEqual([
      ["5 contracts read: 4 live (Red 3 · Amber 1 · Green 0) · 1 closed."],
      ["Value at risk", "157,000: the whole-life value of the 3 contracts at level 2 or 3"],
      ["What changed", "Nothing in the last 7 days."],
      ["Decisions due", "None: no decide-by date in the next 90 days."],
      ["Unrated", "None: every live contract has a real end date."],
      ["Probably closed", "None: no contract ended more than 365 days ago without a closing status."],
      ["Level 3 — Senior responsible owner / board", 2],
      ["Level 2 — Commercial lead / head of service", 1],
      ["Level 1 — Contract manager", 1],
    ]);
    const table = book.snapshot("EscalationSummary_20261125");
    expect(table.headers).toEqual([...SUMMARY_HEADERS]);
    // At level 3: C-001 (notice date missed 41 days ago) before C-003 (expired 14 days ago); then
    // C-002 (milestone 40 days late) at 2 and C-005 (ends in 156 days) at 1.
    expect(table.rows.map((r) => [r[1], r[5], r[6]])).toEqual([
      ["C-001", "Red", 3],
      ["C-003", "Red", 3],
      ["C-002", "Red", 2],
      ["C-005", "Amber", 1],
    ]);
    expect(table.rows[2][SUMMARY_HEADERS.indexOf("Recommended action")]).toBe('Milestone "Data migration" 40 days late: agree recovery plan with supplier');
    // Text from cells lands as text, exactly.
    expect(table.rows.find((r) => r[1] === "C-003")?.slice(2, 5)).toEqual(["<img src=x onerror=alert(1)>", "@SUM(A1)", "-2+3"]);
    expect(table.rows.find((r) => r[1] === "C-001")?.[2]).toBe('=HYPERLINK("http://x","y")');
    expect(book.sheets.get("Escalations 2026-11-25")?.flat().some((c) => c.formula)).toBe(false);
    expect(book.ragFormats).toContainEqual({ table: "EscalationSummary_20261125", column: "RAG" });
    expect(book.charts).toEqual([
      expect.objectContaining({ sheet: "Escalations 2026-11-25", title: "Contracts by RAG", points: [expect.objectContaining({ label: "Red", value: 3 }), expect.objectContaining({ label: "Amber", value: 1 }), expect.objectContaining({ label: "Green", value: 0 }), expect.objectContaining({ label: "Unrated", value: 0 })] }),
    ]);
    // The register itself is untouched.
    expect(sheetValues(book, "Register").slice(0, before.length)).toEqual(before);
  });

  test("the heading says what changed, the unrated and the probably closed; the table keeps every escalated contract, however many", async () => {
    const register: (string | number)[][] = [REGISTER[2]];
    // 30 contracts ending within the red window, one a week ago; a licence to 31/12/2099; two records nobody closed.
    for (let i = 1; i <= 30; i++) register.push([`R-${i}`, `Service ${i}`, "Acme Ltd", "Sam Patel", "Bronze", "01/04/2022", i === 1 ? "18/11/2026" : `${String(i % 28 + 1).padStart(2, "0")}/01/2027`, "", 1000 * i, "Live"]);
    register.push(["L-1", "Payroll licence", "Paycore", "Jo Bloggs", "Bronze", "01/04/2020", "31/12/2099", "", 72000, "Live"]);
    register.push(["S-1", "Boiler replacement", "Thermaflow", "Jo Bloggs", "Bronze", "01/04/2022", "31/03/2023", "", 96000, ""]);
    register.push(["S-2", "Old printing", "Inky", "Jo Bloggs", "Bronze", "01/04/2015", "31/03/2018", "", 4000, "Live"]);
    const book = MemoryWorkbook.fromSheets({ Register: register });
    await setUpTracker(book, { asOf: AS_OF });
    const run = await runEscalationSummary(book, { asOf: AS_OF });
    // The heading's labelled rows (two cells each; the table's rows are wider), by label.
    const heading = Object.fromEntries(sheetValues(book, "Escalations 2026-11-25").filter((r) => r.length === 2 && r[0] !== "").map(([k, v]) => [k, v]));
    expect(sheetValues(book, "Escalations 2026-11-25")[2]).toEqual(["33 contracts read: 30 live (Red 30 · Amber 0 · Green 0) · 1 unrated · 2 probably closed."]);
    expect(heading["What changed"]).toBe("In the last 7 days: 1 contract ended (R-1).");
    expect(heading.Unrated).toMatch(/^1 contract is unrated, neither Green nor Red, for want of a real end date: 1 with a stand-in end date \(such as 31 Dec 2099\)\. Biggest by value: L-1 Payroll licence \(72,000\)\.$/);
    expect(heading["Probably closed"]).toMatch(/^2 contracts ended more than 365 days ago with no closing status, worth 100,000 \(the oldest 31 Mar 2018\): probably closed\./);
    expect(run.summary.contracts).toHaveLength(30);
    expect(book.snapshot("EscalationSummary_20261125").rows.map((r) => r[1])).toEqual(run.summary.contracts.map((c) => c.id));
  });

  test("the sheet says when to decide: the decide-by dates coming up above the table, and each escalated contract's Decide by and Days to decide", async () => {
    const date = (serial: number): string => formatSerial(serial);
    const register: (string | number)[][] = [
      REGISTER[2],
      // Bronze (120 days' lead time), ending in 150 days: Amber, level 1, decide by in 30 days.
      ["B-1", "Bins", "Binco Ltd", "Sam Patel", "Bronze", "01/04/2024", date(AS_OF + 150), "", 40000, "Live"],
      // Gold (540 days), ending in 100 days: its decide-by date passed 440 days ago.
      ["G-1", "Highways", "Roadway Ltd", "Jo Bloggs", "Gold", "01/04/2024", date(AS_OF + 100), "", 900000, "Live"],
    ];
    // Twelve untiered contracts (180 days), Green, deciding in 26, 31 … 81 days: listed above the table though not escalated.
    for (let i = 1; i <= 12; i++) register.push([`U-${i}`, `Service ${i}`, "Acme Ltd", "Sam Patel", "", "01/04/2024", date(AS_OF + 201 + 5 * i), "", 1000, "Live"]);
    const book = MemoryWorkbook.fromSheets({ Register: register });
    await setUpTracker(book, { asOf: AS_OF });
    await runEscalationSummary(book, { asOf: AS_OF });
    const values = sheetValues(book, "Escalations 2026-11-25");
    const at = values.findIndex((r) => r[0] === "Decisions due");
    expect(values[at - 1][0]).toBe("What changed");
    expect(values.slice(at, at + 12)).toEqual([
      ["Decisions due", "Extend or re-procure, decide-by dates in the next 90 days (13)"],
      // The text summary's words for each (core/summaryRender), soonest first, ten of them.
      ["", "U-1 Service 1: decide by 21 Dec 2026: 26 days"],
      ["", "B-1 Bins: decide by 25 Dec 2026: 30 days"],
      ["", "U-2 Service 2: decide by 26 Dec 2026: 31 days"],
      ...[3, 4, 5, 6, 7, 8, 9].map((i) => ["", expect.stringMatching(new RegExp(`^U-${i} Service ${i}: decide by \\d+ \\w+ 20\\d\\d: ${21 + 5 * i} days$`))]),
      ["", "and 3 more: the dashboard in the task pane lists them all"],
    ]);
    expect(values[at + 12][0]).toBe("Unrated");
    const table = book.snapshot("EscalationSummary_20261125");
    const column = (header: string): unknown[] => table.rows.map((r) => r[table.headers.indexOf(header)]);
    expect(table.headers.slice(9, 13)).toEqual(["Days to expiry", "Notice date", "Decide by", "Days to decide"]);
    // G-1 ends sooner: ranked first.
    expect(column("Contract ID")).toEqual(["G-1", "B-1"]);
    expect(column("Decide by")).toEqual([AS_OF - 440, AS_OF + 30]);
    expect(column("Days to decide")).toEqual([-440, 30]);
    // Shown as the Notice date is: a date in words, days as whole numbers.
    const cellFormat = (header: string): string | undefined => book.cell(table.sheet, table.row + 1, table.column + table.headers.indexOf(header)).numberFormat;
    expect(cellFormat("Decide by")).toBe("d mmm yyyy");
    expect(cellFormat("Decide by")).toBe(cellFormat("Notice date"));
    expect(cellFormat("Days to decide")).toBe("0");
  });

  test("logs each newly escalated contract once; a second run the same day replaces the sheet and logs nothing", async () => {
    const book = await tracker();
    const first = await runEscalationSummary(book);
    expect(first.logged).toEqual(["ESC-20261125-001", "ESC-20261125-002", "ESC-20261125-003", "ESC-20261125-004"]);
    const log = book.snapshot("Escalations");
    expect(log.rows.map((r) => r.slice(0, 6))).toEqual([
      ["ESC-20261125-001", "C-001", AS_OF, "Contract Tracker", 3, "Red"],
      ["ESC-20261125-002", "C-003", AS_OF, "Contract Tracker", 3, "Red"],
      ["ESC-20261125-003", "C-002", AS_OF, "Contract Tracker", 2, "Red"],
      ["ESC-20261125-004", "C-005", AS_OF, "Contract Tracker", 1, "Amber"],
    ]);
    expect(log.rows[0][9]).toBe("Open");
    // Raised at is a date, shown as one.
    const logTable = book.tables.get("Escalations");
    if (!logTable) throw new Error("no log");
    expect(book.cell("Escalations", logTable.row + 1, logTable.column + 2).numberFormat).toBe("dd/mm/yyyy");
    expect(log.rows[0][8]).toBe("Senior responsible owner / board");
    const sheetsBefore = [...book.sheets.keys()];
    const second = await runEscalationSummary(book);
    expect(second).toMatchObject({ replaced: true, logged: [] });
    expect([...book.sheets.keys()]).toEqual(sheetsBefore);
    expect(book.snapshot("Escalations").rows).toHaveLength(4);
    expect(book.charts).toHaveLength(1);
  });

  test("never replaces a sheet the user made with the same name", async () => {
    const book = await tracker();
    book.sheets.set("Escalations 2026-11-25", [[{ value: "My own notes" }]]);
    await expect(runEscalationSummary(book)).rejects.toThrow('A sheet named "Escalations 2026-11-25" already exists and was not written by the tracker: rename it and run again');
    expect(sheetValues(book, "Escalations 2026-11-25")).toEqual([["My own notes"]]);
  });

  test("a workbook without a tracker gets a plain message", async () => {
    const book = MemoryWorkbook.fromSheets({ Sheet1: [["Just", "notes"]] });
    await expect(runEscalationSummary(book)).rejects.toThrow("There is no Contracts table yet: set the tracker up first (Contracts tab › Set up tracker)");
  });
});

describe("the other ribbon actions", () => {
  test("Escalate selected logs the selected contracts once, at least at level 1", async () => {
    const book = await tracker();
    const contracts = book.tables.get("Contracts");
    if (!contracts) throw new Error("no Contracts");
    // Rows 2–3 of the body: C-002 (level 2) and C-003 (level 3); then C-005 alone (Green: logged at 1).
    book.selection = { sheet: "Register", row: contracts.row + 2, column: 0, rowCount: 2, columnCount: 3 };
    const first = await escalateSelected(book, { raisedBy: "Sam Patel" });
    expect(first.logged).toEqual([
      { id: "ESC-20261125-001", contract: "C-002", level: 2 },
      { id: "ESC-20261125-002", contract: "C-003", level: 3 },
    ]);
    expect(book.snapshot("Escalations").rows[0].slice(3, 7)).toEqual(["Sam Patel", 2, "Red", expect.stringMatching(/^Escalated by hand; Milestone "Data migration" 40 days late/)]);
    const again = await escalateSelected(book);
    expect(again).toEqual({ logged: [], alreadyLogged: ["C-002", "C-003"] });
    book.selection = { sheet: "Register", row: contracts.row + 5, column: 1, rowCount: 1, columnCount: 1 };
    expect((await escalateSelected(book)).logged).toEqual([{ id: "ESC-20261125-003", contract: "C-005", level: 1 }]);
    book.selection = { sheet: "Settings", row: 1, column: 0, rowCount: 1, columnCount: 1 };
    await expect(escalateSelected(book)).rejects.toThrow("Select one or more contract rows in the Contracts table, then click Escalate selected");
  });

  test("Expiring soon filters Contracts to the exit window, and the filter can be cleared", async () => {
    const book = await tracker();
    // Memory does not calculate: give Days to expiry the values Excel would.
    const t = book.snapshot("Contracts");
    const c = t.headers.indexOf("Days to expiry");
    const expiry = [51, 1222, -14, -3161, 156];
    expiry.forEach((days, i) => (book.cell("Register", t.row + 1 + i, t.column + c).value = days));
    expect(await expiringSoon(book)).toEqual({ windowDays: 180, table: "Contracts" });
    expect(book.visibleRows("Contracts")).toEqual([0, 4]);
    await clearExpiringFilter(book);
    expect(book.visibleRows("Contracts")).toEqual([0, 1, 2, 3, 4]);
  });

  test("Refresh recalculates and puts back RAG colours and drop-downs", async () => {
    const book = await tracker();
    book.ragFormats.length = 0;
    book.dropDowns.length = 0;
    const result = await refreshTracker(book);
    expect(book.recalculations).toBe(1);
    expect(result.formatted).toEqual(expect.arrayContaining(["Contracts[RAG]", "Contracts[Tier]", "Milestones[RAG]", "KPIs[RAG]", "Risks[Status]", "Changes[Status]", "Escalations[Status]"]));
    expect(book.ragFormats).toContainEqual({ table: "Contracts", column: "RAG" });
    expect(book.dropDowns).toContainEqual({ table: "Contracts", column: "Tier", choices: ["Gold", "Silver", "Bronze"] });
  });
});
