import { MAPPING_SETTING, newTrackerTable, setUpTracker } from "../../src/features/setUpTracker";
import { settingNumber } from "../../src/features/structuredRefs";
import { contractCard } from "../../src/features/contractCard";
import { dashboard } from "../../src/features/dashboard";
import { runEscalationSummary } from "../../src/features/escalations";
import { readPaneData } from "../../src/features/paneData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const REGISTER = [
  ["Anytown Council — contract register"],
  [],
  ["Ref", "Contract title", "Provider", "Tier", "Commencement", "Expiry", "Notice", "Extensions", "Budget", "Spend to date"],
  ["C1", "=HYPERLINK(\"http://x\",\"y\")", "Binco", "Gold", "01/04/2022", "31/05/2025", "3 months", "1+1", 100000, 120000],
  ["C2", "Cleaning", "Shine Ltd", "Silver", "01/04/2024", "31/03/2028", 90, "", "", ""],
];

function register(): MemoryWorkbook {
  return MemoryWorkbook.fromSheets({ Register: REGISTER });
}

const values = (book: MemoryWorkbook, sheet: string): unknown[][] => (book.sheets.get(sheet) ?? []).map((line) => line.map((c) => c.value));

test("the register becomes the Contracts table in place, every value kept", async () => {
  const book = register();
  const before = values(book, "Register");
  const report = await setUpTracker(book, { asOf: 45747 });
  expect(report).toMatchObject({ table: "Contracts", sheet: "Register", rows: 2, createdTables: ["Settings"], unchanged: false });
  expect(book.tables.get("Contracts")).toMatchObject({ sheet: "Register", row: 2, column: 0, rowCount: 2 });
  const after = values(book, "Register");
  before.forEach((line, r) => line.forEach((value, c) => expect(after[r][c]).toBe(value)));
  expect(report.mapping.fields.supplier?.column).toBe("Provider");
  expect(report.mapping.fields.endDate?.column).toBe("Expiry");
});

test("computed columns are formulas over the user's headers, with today's values", async () => {
  const book = register();
  const report = await setUpTracker(book, { asOf: 45747 });
  expect(report.addedColumns).toEqual(["Days to expiry", "Notice date", "Days to notice", "Final expiry", "Decide by", "Days to decide", "Phase", "RAG", "RAG reason", "Escalation level"]);
  expect(report.skippedColumns).toEqual([
    { header: "Slippage", reason: "there is no Milestones table" },
    { header: "KPI attainment", reason: "there is no KPIs table" },
  ]);
  const row = book.sheets.get("Register")?.[3] ?? [];
  const at = (header: string): { value: unknown; formula?: string } => row[book.snapshot("Contracts").headers.indexOf(header)];
  expect(at("Days to expiry")).toMatchObject({ value: 61, formula: "=CONTRACT.DAYSTOEXPIRY([@[Expiry]],AsOf)" });
  expect(at("Notice date")).toMatchObject({ value: 45716, formula: "=CONTRACT.NOTICEDATE([@[Expiry]],[@[Notice]])", numberFormat: "dd/mm/yyyy" });
  expect(at("RAG")).toMatchObject({
    value: "Red",
    formula:
      '=CONTRACT.RAG([@[Days to expiry]],"","",LET(b,[@[Budget]],s,[@[Spend to date]],gone,CONTRACT.DAYSTOEXPIRY(AsOf,[@[Commencement]]),term,CONTRACT.DAYSTOEXPIRY([@[Expiry]],[@[Commencement]]),' +
      'w,IF(s>b,s/b-1,""),IF(OR(b="",s=""),"",IF(b<=0,"",IF(ISNUMBER(gone),IF(ISNUMBER(term),IF(AND(term>0,gone>0),s/(b*MIN(1,gone/term))-1,w),w),w)))),Settings[[Name]:[Value]],[@[Expiry]],[@[Days to decide]],[@[Days to notice]])',
  });
  expect(at("RAG reason").formula).toBe(at("RAG").formula?.replace("=CONTRACT.RAG(", "=CONTRACT.RAGREASON("));
  // 120,000 spent against the budget profiled to date: 1,095 of the term's 1,156 days gone, so 94,723 of 100,000.
  // A Gold contract's decision was due 540 days before its notice date (28 Feb 2025): red, as the notice date has passed.
  expect(at("RAG reason").value).toBe("Expires in 61 days (red at 90 or fewer); spend 26.7% over budget (red above 5%); decide-by date passed 571 days ago (red from the notice date)");
  expect(at("Escalation level")).toMatchObject({ value: 3, formula: '=CONTRACT.ESCALATIONLEVEL([@[RAG]],"",[@[Tier]],Settings[[Name]:[Value]])' });
  expect(book.names.get("AsOf")).toBe('=INDEX(Settings[Value],MATCH("as_of",Settings[Name],0))');
  const settings = book.snapshot("Settings").rows;
  expect(settings.find((r) => r[0] === "expiry_red_days")).toEqual(["expiry_red_days", 90]);
  expect(book.sheets.get("Settings")?.find((line) => line[0].value === "as_of")?.[1]).toEqual({ value: 45747, formula: "=TODAY()" });
  expect(book.ragFormats).toEqual([{ table: "Contracts", column: "RAG" }]);
  expect(book.dropDowns).toEqual([{ table: "Contracts", column: "Tier", choices: ["Gold", "Silver", "Bronze"] }]);
});

test("a contract whose end date is blank, a stand-in or not a date is Unrated in the tracker, with why, at level 0; a real one is rated", async () => {
  const book = MemoryWorkbook.fromSheets({
    Register: [
      ["Ref", "Title", "Supplier", "Tier", "Start date", "End date", "Notice period", "Extension options"],
      ["C1", "Cleaning", "Shine Ltd", "Gold", "01/04/2024", "31/05/2025", "3 months", "1+1"],
      ["C2", "Rolling licence", "Softco", "Gold", "01/04/2019", "31/12/2099", "3 months", "none"],
      ["C3", "Grounds", "Green Ltd", "Silver", "01/04/2024", "", "3 months", ""],
      ["C4", "Catering", "Dine Ltd", "Silver", "01/04/2024", "TBC", 90, "1+1"],
      ["C5", "Legacy", "Old Ltd", "Bronze", "01/04/2024", 36526, 90, ""],
    ],
  });
  await setUpTracker(book, { asOf: 45747 });
  const headers = book.snapshot("Contracts").headers;
  const column = (header: string): unknown[] => (book.sheets.get("Register") ?? []).slice(1).map((line) => line[headers.indexOf(header)].value);
  expect(column("Days to expiry")).toEqual([61, null, null, null, null]);
  expect(column("Notice date")).toEqual([45716, null, null, null, null]);
  expect(column("Final expiry")).toEqual([46173, null, null, null, null]);
  // Gold: 540 days before the notice date 28 Feb 2025 (45716), so 571 days passed by 31 Mar 2025; none without a real end date.
  expect(column("Decide by")).toEqual([45176, null, null, null, null]);
  expect(column("Days to decide")).toEqual([-571, null, null, null, null]);
  expect(column("Phase")).toEqual(["Exit", "Delivery", "Delivery", "Delivery", "Delivery"]);
  expect(column("RAG")).toEqual(["Red", "Unrated", "Unrated", "Unrated", "Unrated"]);
  expect(column("RAG reason")).toEqual([
    "Expires in 61 days (red at 90 or fewer); decide-by date passed 571 days ago (red from the notice date)",
    "Unrated: no real end date: 31 Dec 2099 is a stand-in",
    "Unrated: no end date",
    'Unrated: no real end date: "TBC" is not a date',
    "Unrated: no real end date: 1 Jan 2000 is a stand-in",
  ]);
  // A Gold contract with an unknown end date is not sent to the board by its RAG.
  expect(column("Escalation level")).toEqual([3, 0, 0, 0, 0]);
  const row = book.sheets.get("Register")?.[1] ?? [];
  expect(row[headers.indexOf("RAG reason")].formula).toBe("=CONTRACT.RAGREASON([@[Days to expiry]],\"\",\"\",\"\",Settings[[Name]:[Value]],[@[End date]],[@[Days to decide]],[@[Days to notice]])");
  expect(row[headers.indexOf("Decide by")].formula).toBe("=CONTRACT.DECIDEBY([@[End date]],[@[Notice period]],[@[Tier]],Settings[[Name]:[Value]])");
});

test("the Milestones and KPIs tables rate a milestone or KPI by itself, over the Settings thresholds, never Unrated", () => {
  const formula = (table: "Milestones" | "KPIs"): string | undefined => newTrackerTable(table, "dmy").computed?.find((c) => c.header === "RAG")?.formula;
  // Each threshold read as the CONTRACT functions read it: a cleared value is the default.
  const threshold = settingNumber;
  expect(formula("Milestones")).toBe(
    `=IF([@[Slippage]]="","",IF([@[Slippage]]>${threshold("slippage_red_days")},"Red",IF([@[Slippage]]>${threshold("slippage_amber_days")},"Amber","Green")))`,
  );
  expect(formula("KPIs")).toBe(
    `=IF([@[Attainment]]="","",IF([@[Attainment]]<${threshold("kpi_red_below")},"Red",IF([@[Attainment]]<${threshold("kpi_amber_below")},"Amber","Green")))`,
  );
});

test("running it twice changes nothing the second time", async () => {
  const book = register();
  await setUpTracker(book, { asOf: 45747, createTables: ["Milestones", "KPIs"] });
  const snapshot = JSON.stringify([...book.sheets], null, 0);
  const second = await setUpTracker(book, { asOf: 45747, createTables: ["Milestones", "KPIs"] });
  expect(second).toMatchObject({ unchanged: true, addedColumns: [], createdTables: [] });
  expect(JSON.stringify([...book.sheets], null, 0)).toBe(snapshot);
});

test("asking for more tables later adds them and the columns that use them", async () => {
  const book = register();
  await setUpTracker(book, { asOf: 45747 });
  const later = await setUpTracker(book, { asOf: 45747, createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] });
  expect(later.createdTables).toEqual(["Milestones", "KPIs", "Risks", "Changes", "Escalations"]);
  expect(later.addedColumns).toEqual(["Slippage", "KPI attainment"]);
  expect(book.snapshot("Milestones").headers).toEqual(["Contract ID", "Milestone", "Baseline date", "Forecast date", "Actual date", "Owner", "Slippage", "RAG"]);
  expect(book.dropDowns.map((d) => `${d.table}.${d.column}`)).toEqual(["Contracts.Tier", "Risks.Status", "Changes.Status", "Escalations.RAG", "Escalations.Status"]);
});

test("the mapping is saved, and the user's corrections are remembered", async () => {
  const book = register();
  await setUpTracker(book, { asOf: 45747, corrections: { title: "Provider", supplier: null } });
  const saved = JSON.parse((await book.loadSetting(MAPPING_SETTING)) ?? "{}");
  expect(saved).toMatchObject({ sheet: "Register", table: "Contracts", headerRow: 2 });
  expect(saved.fields.title).toBe("Provider");
  // Said to be absent, so later reads do not find it again by its header.
  expect(saved.fields.supplier).toBeNull();
  const again = await setUpTracker(book, { asOf: 45747 });
  expect(again.mapping.fields.title?.column).toBe("Provider");
  expect(again.mapping.fields.supplier).toBeUndefined();
  expect(again.unchanged).toBe(true);
});

test("it never writes over a value: a note beside an existing table stops it with a clear message", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: REGISTER.slice(2) });
  await book.convertToTable("Contracts", "Register", 0, 0, 3, 10);
  book.cell("Register", 1, 10).value = "my note";
  await expect(setUpTracker(book, { asOf: 45747 })).rejects.toThrow('Cannot add column "Days to expiry": a cell to the right of the table is not empty');
  expect(book.cell("Register", 1, 10).value).toBe("my note");
  expect(book.snapshot("Contracts").headers).toHaveLength(10);
});

test("a sheet without a header row gets a plain message", async () => {
  const book = MemoryWorkbook.fromSheets({ Numbers: [[1, 2], [3, 4]] });
  await expect(setUpTracker(book)).rejects.toThrow('No header row found on sheet "Numbers"');
});

test("a header with a line break is referred to as the table names it, and its dates are read", async () => {
  const book = MemoryWorkbook.fromSheets({
    Register: [
      ["Contract\nID", "Title", "Supplier", "End\ndate", " Notice period "],
      ["C1", "Cleaning", "Binco", "31/05/2025", "3 months"],
    ],
  });
  const report = await setUpTracker(book, { asOf: 45747 });
  expect(report.mapping.fields.endDate).toMatchObject({ column: "End\ndate", index: 3 });
  expect(report.issues).toEqual([]);
  const row = book.sheets.get("Register")?.[1] ?? [];
  const at = (header: string): { value: unknown; formula?: string } => row[book.snapshot("Contracts").headers.indexOf(header)];
  expect(at("Days to expiry")).toMatchObject({ value: 61, formula: "=CONTRACT.DAYSTOEXPIRY([@[End\ndate]],AsOf)" });
  expect(at("Notice date")).toMatchObject({ value: 45716, formula: "=CONTRACT.NOTICEDATE([@[End\ndate]],[@[ Notice period ]])" });
  // A correction may name the column as the mapping shows it, on one line.
  const again = MemoryWorkbook.fromSheets({ Register: [["Ref", "Expiry\ndate", "Other\ndate"], ["C1", "31/05/2025", "30/06/2025"]] });
  const corrected = await setUpTracker(again, { asOf: 45747, corrections: { endDate: "Other date" } });
  expect(corrected.mapping.fields.endDate).toMatchObject({ column: "Other\ndate", index: 2 });
});

test("a register already read is not read again", async () => {
  const book = register();
  const used = await book.readUsedRange("Register");
  const reads = jest.spyOn(book, "readUsedRange");
  const report = await setUpTracker(book, { asOf: 45747, sheet: "Register", register: used });
  expect(reads).not.toHaveBeenCalled();
  expect(report).toMatchObject({ table: "Contracts", rows: 2 });
  // A block of another sheet is not taken for this one.
  const other = register();
  const readsOther = jest.spyOn(other, "readUsedRange");
  await setUpTracker(other, { asOf: 45747, sheet: "Register", register: { ...used, sheet: "Elsewhere" } });
  expect(readsOther).toHaveBeenCalledTimes(1);
});

test("a month-first register's tracker shows its dates month first: computed dates, the new tables' dates and the summary sheet", async () => {
  // 03/25/2025 can only be month-first, so the tracker is an mdy tracker.
  const book = MemoryWorkbook.fromSheets({
    Register: [
      ["Ref", "Contract title", "Provider", "Commencement", "Expiry", "Notice", "Extensions"],
      ["C1", "Cleaning", "Binco", "03/25/2024", "05/31/2025", "3 months", "1+1"],
    ],
  });
  const report = await setUpTracker(book, { asOf: 45747, createTables: ["Milestones", "Escalations"] });
  expect(report.dateOrder).toBe("mdy");
  const row = book.sheets.get("Register")?.[1] ?? [];
  const at = (header: string) => row[book.snapshot("Contracts").headers.indexOf(header)];
  expect(at("Notice date")).toMatchObject({ value: 45716, numberFormat: "mm/dd/yyyy" });
  expect(at("Final expiry")).toMatchObject({ numberFormat: "mm/dd/yyyy" });
  await book.appendRows("Milestones", [["C1", "Go-live", 45700, null, null, null]]);
  const milestones = book.snapshot("Milestones");
  const baseline = book.sheets.get("Milestones")?.[milestones.row + 1]?.[milestones.headers.indexOf("Baseline date")];
  expect(baseline).toMatchObject({ value: 45700, numberFormat: "mm/dd/yyyy" });
  await runEscalationSummary(book, { asOf: 45747 });
  const sheet = book.sheets.get("Escalations 2025-03-31") ?? [];
  const summaryTable = [...book.tables.values()].find((t) => t.sheet === "Escalations 2025-03-31");
  const headers = summaryTable ? book.snapshot(summaryTable.name).headers : [];
  const notice = sheet[(summaryTable?.row ?? 0) + 1]?.[(summaryTable?.column ?? 0) + headers.indexOf("Notice date")];
  // The summary sheet writes its dates in words, month first as its sentences do.
  expect(notice).toMatchObject({ value: 45716, numberFormat: "mmm d, yyyy" });
});

describe("a register with no Contract ID column", () => {
  // The register above without its Ref column: title block, blank row, header row 3, contracts on rows 4 and 5.
  const WITHOUT_IDS = REGISTER.map((line) => (line.length > 1 ? line.slice(1) : line));
  const withoutIds = (): MemoryWorkbook => MemoryWorkbook.fromSheets({ Register: WITHOUT_IDS });
  const ALL = ["Milestones", "KPIs", "Risks", "Changes", "Escalations"] as const;

  test("is refused, nothing written, until the user says it has none", async () => {
    const book = withoutIds();
    const before = JSON.stringify([...book.sheets]);
    await expect(setUpTracker(book, { asOf: 45747, createTables: ALL })).rejects.toThrow(
      'No column of the register on the sheet "Register" holds the Contract ID: choose the column that does in the task pane\'s Set up, or tick there that this register has no contract IDs (each contract is then named by its row, such as "Row 4")',
    );
    expect(JSON.stringify([...book.sheets])).toBe(before);
    expect(book.tables.size).toBe(0);
  });

  test("a user's choice that takes the ID column for another field is refused the same way: the ID is never lost silently", async () => {
    const book = register();
    await expect(setUpTracker(book, { asOf: 45747, corrections: { title: "Ref" } })).rejects.toThrow(/holds the Contract ID/);
    await expect(setUpTracker(book, { asOf: 45747, corrections: { contractId: null } })).rejects.toThrow(/holds the Contract ID/);
    expect(book.tables.size).toBe(0);
  });

  test("said to have none, it is keyed by row number: the tables that link by ID are not made, the log is, and it is remembered", async () => {
    const book = withoutIds();
    const report = await setUpTracker(book, { asOf: 45747, createTables: ALL, noContractIds: true });
    expect(report).toMatchObject({ keyedByRow: true, firstRow: 4, rows: 2, createdTables: ["Settings", "Escalations"] });
    expect(report.notCreated.map((t) => t.table)).toEqual(["Milestones", "KPIs", "Risks", "Changes"]);
    expect(report.notCreated[0].reason).toMatch(/Contract ID/);
    expect(report.issues.filter((i) => i.problem === "duplicate-id")).toEqual([]);
    const saved = JSON.parse((await book.loadSetting(MAPPING_SETTING)) ?? "{}");
    expect(saved).toMatchObject({ noContractIds: true, fields: { contractId: null } });
    // A second run, from the ribbon say, needs no telling again and changes nothing.
    const again = await setUpTracker(book, { asOf: 45747, createTables: ALL });
    expect(again).toMatchObject({ keyedByRow: true, unchanged: true });
  });

  test("each contract goes by its row in the summary and the log, and a second summary logs nothing new", async () => {
    const book = withoutIds();
    await setUpTracker(book, { asOf: 45747, createTables: ["Escalations"], noContractIds: true });
    const first = await runEscalationSummary(book, { asOf: 45747 });
    expect(first.summary.contracts.map((c) => c.id)).toEqual(["Row 4"]);
    const log = book.snapshot("Escalations");
    expect(log.rows.map((r) => r[log.headers.indexOf("Contract ID")])).toEqual(["Row 4"]);
    // The log's "Row 4" is found again as that contract's: it is already escalated.
    const second = await runEscalationSummary(book, { asOf: 45747 });
    expect(second.logged).toEqual([]);
    expect(second.summary.contracts[0].openEscalation).toBe(first.logged[0]);
  });

  test("the dashboard and the contract card name each contract by its row, never blank or undefined", async () => {
    const book = withoutIds();
    await setUpTracker(book, { asOf: 45747, createTables: ALL, noContractIds: true });
    const pane = await readPaneData(book, { asOf: 45747 });
    const board = dashboard(pane.data);
    expect(board.expiring.flatMap((w) => w.contracts.map((c) => c.id))).toEqual(["Row 4", "Row 4"]);
    expect(contractCard(pane.data, pane.tables, 1)).toMatchObject({ id: "Row 5", title: "Cleaning", row: 5 });
    // Found by that name too, as the forms find a contract.
    expect(contractCard(pane.data, pane.tables, { contractId: "row 4" })?.bodyIndex).toBe(0);
    expect(JSON.stringify([board, contractCard(pane.data, pane.tables, 0)])).not.toMatch(/undefined|"id":""|NaN/);
  });

  test("a register given an ID column later is keyed by it again once set up with it", async () => {
    const book = withoutIds();
    await setUpTracker(book, { asOf: 45747, noContractIds: true });
    const report = await setUpTracker(book, { asOf: 45747, corrections: { contractId: "Contract title" }, noContractIds: false });
    expect(report.keyedByRow).toBe(false);
    expect(JSON.parse((await book.loadSetting(MAPPING_SETTING)) ?? "{}").noContractIds).toBeUndefined();
  });
});
