import { clearNotices, currentNotices } from "../../src/features/notices";

// The ribbon's entry as Office loads it: handlers associated once Office is ready, buttons
// disabled and enabled through Office.ribbon.requestUpdate where RibbonApi 1.1 is supported.

type Handler = (event: { completed(): void }) => Promise<void>;

function fakeOffice(ribbonApi: boolean) {
  const handlers = new Map<string, Handler>();
  const office = {
    onReady: (callback?: () => void) => {
      callback?.();
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: { associate: (id: string, handler: Handler) => void handlers.set(id, handler) },
    addin: { showAsTaskpane: jest.fn(() => Promise.resolve()) },
    context: { requirements: { isSetSupported: jest.fn((name: string, version: string) => ribbonApi && name === "RibbonApi" && version === "1.1") } },
    ribbon: { requestUpdate: jest.fn(() => Promise.resolve()) },
  };
  return { office, handlers };
}

function load(ribbonApi: boolean) {
  const fake = fakeOffice(ribbonApi);
  (globalThis as unknown as { Office: unknown }).Office = fake.office;
  // Excel itself is absent here, so every action fails the way a broken connection would.
  (globalThis as unknown as { Excel: unknown }).Excel = { run: () => Promise.reject(new Error("Excel is not available")) };
  jest.isolateModules(() => {
    require("../../src/commands/commands");
  });
  return fake;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
  clearNotices();
});

test("every ribbon function is associated when Office is ready", () => {
  const { handlers } = load(true);
  expect([...handlers.keys()].sort()).toEqual(["escalateSelected", "escalationSummary", "expiringSoon", "recordChange", "refresh", "setUpTracker"]);
});

test("a click disables and re-enables its buttons through RibbonApi, reports the failure and opens the pane", async () => {
  const { handlers, office } = load(true);
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
  expect(currentNotices()[0]).toMatchObject({ kind: "error", title: "Escalation summary", message: expect.stringContaining("Excel is not available") });
});

test("without RibbonApi 1.1 the buttons are left alone and the action still runs", async () => {
  const { handlers, office } = load(false);
  const completed = jest.fn();
  await handlers.get("refresh")?.({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(office.ribbon.requestUpdate).not.toHaveBeenCalled();
});
