import type * as NoticesModule from "../../src/features/notices";
import type * as PaneRequestsModule from "../../src/features/paneRequests";

// The ribbon's entry as Office loads it: handlers associated once Office is ready, buttons
// disabled and enabled through Office.ribbon.requestUpdate where RibbonApi 1.1 is supported.

type Handler = (event: { completed(): void }) => Promise<void>;

function fakeOffice(ribbonApi: boolean, host: string | null = "Excel") {
  const handlers = new Map<string, Handler>();
  const office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    onReady: (callback?: (info: { host: string | null; platform: string }) => void) => {
      callback?.({ host: host, platform: "PC" });
      return Promise.resolve({ host, platform: "PC" });
    },
    actions: { associate: (id: string, handler: Handler) => void handlers.set(id, handler) },
    addin: { showAsTaskpane: jest.fn(() => Promise.resolve()) },
    context: { platform: "PC", requirements: { isSetSupported: jest.fn((name: string, version: string) => ribbonApi && name === "RibbonApi" && version === "1.1") } },
    ribbon: { requestUpdate: jest.fn(() => Promise.resolve()) },
  };
  return { office, handlers };
}

function load(ribbonApi: boolean, host: string | null = "Excel") {
  const fake = fakeOffice(ribbonApi, host);
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  // Excel itself is absent here, so every action fails the way a broken connection would.
  (globalThis as unknown as { Excel: unknown }).Excel = { run: () => Promise.reject(new Error("Excel is not available")) };
  let notices: typeof NoticesModule | undefined;
  let paneRequests: typeof PaneRequestsModule | undefined;
  jest.isolateModules(() => {
    require("../../src/commands/commands");
    // The notices the isolated commands module posts to, and the pane requests it makes (its own copies of the modules).
    notices = require("../../src/features/notices") as typeof NoticesModule;
    paneRequests = require("../../src/features/paneRequests") as typeof PaneRequestsModule;
  });
  if (!notices || !paneRequests) throw new Error("notices not loaded");
  return { ...fake, notices, paneRequests };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

test("every ribbon function is associated when Office is ready", () => {
  const { handlers } = load(true);
  expect([...handlers.keys()].sort()).toEqual(["addDatesToCalendar", "escalateSelected", "escalationSummary", "expiringSoon", "procurementActDuties", "recordChange", "refresh", "setUpTracker"]);
});

test("a click disables and re-enables its buttons through RibbonApi, reports the failure and opens the pane", async () => {
  const { handlers, office, notices } = load(true);
  const completed = jest.fn();
  await handlers.get("escalationSummary")?.({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(office.ribbon.requestUpdate).toHaveBeenNthCalledWith(1, {
    tabs: [{ id: "ContractsTab", groups: [{ id: "EscalateGroup", controls: [{ id: "EscalationSummaryButton", enabled: false }, { id: "EscalateSelectedButton", enabled: false }] }] }],
  });
  expect(office.ribbon.requestUpdate).toHaveBeenLastCalledWith({
    tabs: [{ id: "ContractsTab", groups: [{ id: "EscalateGroup", controls: [{ id: "EscalationSummaryButton", enabled: true }, { id: "EscalateSelectedButton", enabled: true }] }] }],
  });
  expect(office.addin.showAsTaskpane).toHaveBeenCalled();
  expect(notices.currentNotices()[0]).toMatchObject({ kind: "error", title: "Escalation summary", message: expect.stringContaining("Excel is not available") });
});

test("Calendar opens the task pane through Office and asks it for the calendar export, with no workbook trip and no button disabled", async () => {
  const { handlers, office, paneRequests } = load(true);
  const completed = jest.fn();
  await handlers.get("addDatesToCalendar")?.({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(office.ribbon.requestUpdate).not.toHaveBeenCalled();
  const taken: unknown[] = [];
  paneRequests.listenForPaneRequests((r) => taken.push(r))();
  expect(taken).toEqual([{ tab: "summary", section: "summary-calendar" }]);
});

test("without RibbonApi 1.1 the buttons are left alone and the action still runs", async () => {
  const { handlers, office } = load(false);
  const completed = jest.fn();
  await handlers.get("refresh")?.({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(office.ribbon.requestUpdate).not.toHaveBeenCalled();
});

test("outside Excel (the browser preview) nothing is associated", () => {
  const { handlers } = load(true, null);
  expect(handlers.size).toBe(0);
});

test("at start the runtime reads the workbook's Settings for the cell functions; when Excel refuses, one notice says what it means", async () => {
  const { notices } = load(true);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const settings = notices.currentNotices().filter((n) => n.title === "Settings");
  expect(settings).toHaveLength(1);
  expect(settings[0]).toMatchObject({ kind: "error", message: expect.stringMatching(/Excel is not available.*cell functions read a date such as 1\/2\/2026 day first\.$/) });
});
