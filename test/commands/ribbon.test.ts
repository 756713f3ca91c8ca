import { dateToSerial } from "../../src/core/dates";
import { clearNotices, currentNotices } from "../../src/features/notices";
import { PaneRequest, listenForPaneRequests } from "../../src/features/paneRequests";
import { setUpTracker } from "../../src/features/setUpTracker";
import { ActionEvent, PANE_OPENINGS, RIBBON_ACTIONS, RibbonHost, registerRibbon } from "../../src/commands/ribbon";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

// The ribbon's handlers over the in-memory workbook: each does its job, says what it did, shows
// failures in plain words (opening the pane), always calls completed(), and disables its buttons
// while it runs.

const AS_OF = dateToSerial(2026, 11, 25) ?? 0;

function harness(book: MemoryWorkbook) {
  const handlers = new Map<string, (event: ActionEvent) => Promise<void>>();
  const calls: string[] = [];
  const host: RibbonHost = {
    associate: (id, handler) => void handlers.set(id, handler),
    showPane: async () => void calls.push("showPane"),
    setEnabled: async (controls, enabled) => void calls.push(`${enabled ? "enable" : "disable"} ${controls.join(",")}`),
  };
  registerRibbon(host, () => book);
  const click = async (id: string): Promise<number> => {
    let completed = 0;
    const handler = handlers.get(id);
    if (!handler) throw new Error(`no handler ${id}`);
    await handler({ completed: () => void completed++ });
    return completed;
  };
  return { handlers, calls, click };
}

const register = (): MemoryWorkbook =>
  MemoryWorkbook.fromSheets({
    Register: [
      ["Contract ID", "Title", "Supplier", "Tier", "End date", "Notice period"],
      ["C-1", "Cleaning", "Binco Ltd", "Gold", "15/01/2027", "3 months"],
      ["C-2", "Parks", "Green Co", "Silver", "30/04/2027", ""],
    ],
  });

beforeEach(() => clearNotices());

test("every action is associated", () => {
  const { handlers } = harness(register());
  expect([...handlers.keys()]).toEqual([...RIBBON_ACTIONS, ...PANE_OPENINGS].map((a) => a.id));
});

test("Set up tracker, then the escalation summary: each says what it did, completed() once, buttons disabled while running", async () => {
  const book = register();
  const { click, calls } = harness(book);
  expect(await click("setUpTracker")).toBe(1);
  expect(currentNotices()[0]).toMatchObject({ kind: "success", title: "Set up tracker", message: expect.stringMatching(/^2 contracts on sheet "Register" are now the Contracts table; computed columns added: Days to expiry/) });
  // Pin the as-of date as a user would in Settings.
  const asOfRow = book.sheets.get("Settings")?.find((line) => line[0]?.value === "as_of");
  if (asOfRow) asOfRow[1] = { value: AS_OF };
  expect(await click("escalationSummary")).toBe(1);
  expect(currentNotices()[0]).toMatchObject({
    kind: "success",
    title: "Escalation summary",
    message: '2 contracts need attention: see sheet "Escalations 2026-11-25"; 2 new entries in the Escalations log.',
  });
  expect(calls).toContain("disable EscalationSummaryButton,EscalateSelectedButton");
  expect(calls[calls.length - 1]).toBe("enable EscalationSummaryButton,EscalateSelectedButton");
  expect(calls).not.toContain("showPane");
});

test("a failure is shown in plain words, opens the pane, and still completes", async () => {
  const { click, calls } = harness(register());
  expect(await click("escalationSummary")).toBe(1);
  expect(currentNotices()[0]).toMatchObject({ kind: "error", title: "Escalation summary", message: "There is no Contracts table yet: set the tracker up first (Contracts tab › Set up tracker)" });
  expect(calls).toContain("showPane");
  expect(calls[calls.length - 1]).toBe("enable EscalationSummaryButton,EscalateSelectedButton");
});

test("a second click while the first runs does nothing but say so", async () => {
  const book = register();
  const { click } = harness(book);
  const first = click("refresh");
  const second = await click("refresh");
  await first;
  expect(second).toBe(1);
  expect(currentNotices().map((n) => n.kind)).toContain("info");
});

test("Record change adds a proposed change for the selected contract and selects its description", async () => {
  const book = register();
  const { click } = harness(book);
  await click("setUpTracker");
  const asOfRow = book.sheets.get("Settings")?.find((line) => line[0]?.value === "as_of");
  if (asOfRow) asOfRow[1] = { value: AS_OF };
  book.selection = { sheet: "Register", row: 2, column: 1, rowCount: 1, columnCount: 1 };
  expect(await click("recordChange")).toBe(1);
  expect(currentNotices()[0]).toMatchObject({ kind: "success", message: "Change CHG-20261125-001 added for C-2 on the Changes sheet: type its description in the selected cell." });
  expect(book.snapshot("Changes").rows).toEqual([["CHG-20261125-001", "C-2", null, null, AS_OF, "Proposed", null, null, null]]);
  expect(book.selection).toEqual({ sheet: "Changes", row: 1, column: 2, rowCount: 1, columnCount: 1 });
  // The selection is now on the Changes sheet: a second click asks for a contract first.
  await click("recordChange");
  expect(currentNotices()[0]).toMatchObject({ kind: "error", message: "Select a contract row in the Contracts table, then click Record change" });
  book.selection = { sheet: "Register", row: 1, column: 0, rowCount: 1, columnCount: 1 };
  await click("recordChange");
  expect(book.snapshot("Changes").rows.map((r) => r.slice(0, 2))).toEqual([["CHG-20261125-001", "C-2"], ["CHG-20261125-002", "C-1"]]);
});

test("Expiring soon and Escalate selected without a selection explain what to do", async () => {
  const book = register();
  await setUpTracker(book, { asOf: AS_OF });
  const { click } = harness(book);
  await click("escalateSelected");
  expect(currentNotices()[0]).toMatchObject({ kind: "error", message: "Select one or more contract rows in the Contracts table, then click Escalate selected" });
  await click("expiringSoon");
  expect(currentNotices()[0]).toMatchObject({ kind: "success", message: "The Contracts table now shows contracts ending in the next 180 days. Clear the filter on Days to expiry to see them all." });
});

test("Set up tracker on a register with no Contract ID column asks for one in the pane, and changes nothing", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Title", "Supplier", "End date"], ["Cleaning", "Binco Ltd", "15/01/2027"]] });
  const { click, calls } = harness(book);
  expect(await click("setUpTracker")).toBe(1);
  expect(currentNotices()[0]).toMatchObject({
    kind: "error",
    title: "Set up tracker",
    message: expect.stringMatching(/^No column of the register on the sheet "Register" holds the Contract ID: choose the column that does in the task pane's Set up, or tick there that this register has no contract IDs \(each contract is then named by its row, such as "Row 2"\)/),
  });
  expect(calls).toContain("showPane");
  expect(book.tables.size).toBe(0);
});

describe("Calendar: a ribbon button cannot save a file, so it opens the pane where one is saved", () => {
  const calendarHarness = (showPane: () => Promise<void>) => {
    const handlers = new Map<string, (event: ActionEvent) => Promise<void>>();
    const calls: string[] = [];
    const host: RibbonHost = {
      associate: (id, handler) => void handlers.set(id, handler),
      showPane: async () => {
        calls.push("showPane");
        await showPane();
      },
      setEnabled: async (controls, enabled) => void calls.push(`${enabled ? "enable" : "disable"} ${controls.join(",")}`),
    };
    // The button touches no workbook: asking for one is a failure of this test.
    registerRibbon(host, () => {
      throw new Error("the Calendar button asked for the workbook");
    });
    return { handlers, calls };
  };

  test("it asks the pane for Summary › Add dates to my calendar and shows the pane; nothing else", async () => {
    const requests: PaneRequest[] = [];
    const stop = listenForPaneRequests((r) => requests.push(r));
    const { handlers, calls } = calendarHarness(async () => undefined);
    let completed = 0;
    await handlers.get("addDatesToCalendar")?.({ completed: () => void completed++ });
    stop();
    expect(requests).toEqual([{ tab: "summary", section: "summary-calendar" }]);
    expect(calls).toEqual(["showPane"]);
    expect(completed).toBe(1);
    expect(currentNotices()).toEqual([]);
  });

  test("clicked before the pane has drawn, the pane takes the request when it starts listening", async () => {
    const { handlers } = calendarHarness(async () => undefined);
    await handlers.get("addDatesToCalendar")?.({ completed: () => undefined });
    const requests: PaneRequest[] = [];
    const stop = listenForPaneRequests((r) => requests.push(r));
    stop();
    expect(requests).toEqual([{ tab: "summary", section: "summary-calendar" }]);
    // Taken once: the pane opening again later is not sent there again.
    const later: PaneRequest[] = [];
    listenForPaneRequests((r) => later.push(r))();
    expect(later).toEqual([]);
  });

  test("a pane that will not open is a notice saying how else to get there, and the click still completes", async () => {
    const { handlers } = calendarHarness(() => Promise.reject(new Error("The add-in is still loading")));
    let completed = 0;
    await handlers.get("addDatesToCalendar")?.({ completed: () => void completed++ });
    expect(completed).toBe(1);
    expect(currentNotices()[0]).toMatchObject({ kind: "error", title: "Calendar", message: "The task pane did not open: The add-in is still loading. Open it with Open tracker on the Contracts tab." });
    listenForPaneRequests(() => undefined)();
  });
});
