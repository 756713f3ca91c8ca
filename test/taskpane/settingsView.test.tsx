/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { dateToSerial } from "../../src/core/dates";
import { SETTING_DEFINITIONS } from "../../src/core/settings";
import { SettingsView } from "../../src/taskpane/settings/SettingsView";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, excelLike, renderInPane } from "./paneHarness";
import { renderLive, sampleTracker, statusOf, NOW } from "./viewsHarness";
import { startClockAt } from "../helpers/clock";

// The sample's dates are placed relative to the preview's day: the tests run on that day, whatever the real clock says.
beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());

expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 10_000 });

// The Settings view over the preview's sample tracker: every setting with its meaning, Save
// writes those changed into the Settings table and says which, or what to fix under each field.

const valueOf = (book: MemoryWorkbook, name: string) => {
  const t = book.snapshot("Settings");
  return t.rows.find((r) => r[0] === name)?.[1];
};

test("shows every setting with its meaning as hint text", async () => {
  const { workbook } = await sampleTracker();
  const { container } = renderInPane(<SettingsView active />, workbook);
  const red = await screen.findByRole("textbox", { name: "Expiry: red at or below" });
  expect(red).toHaveValue("90");
  expect(red).toHaveAccessibleDescription("A contract is Red when this many days or fewer are left before its end date, or it has ended. In whole days. Settings table: expiry_red_days.");
  // Fractions are shown as the percentages a contract manager means.
  expect(screen.getByRole("textbox", { name: "KPI attainment: red below" })).toHaveValue("95");
  expect(screen.getByRole("textbox", { name: "Spend over budget: red above" })).toHaveValue("5");
  expect(screen.getByRole("textbox", { name: "KPI attainment: red below" })).toHaveAccessibleDescription(/A percentage, such as 95%\./);
  for (const d of SETTING_DEFINITIONS) expect(container.querySelector(`#setting-${d.name}`)).not.toBeNull();
  expect(screen.getByRole("textbox", { name: "Level 2 goes to" })).toHaveValue("Commercial lead / head of service");
  expect(screen.getByRole("textbox", { name: "As of" })).toHaveValue("");
  expect(screen.getByRole("textbox", { name: "As of" })).toHaveAccessibleDescription(/Leave it blank for today, or enter a date such as 31\/03\/2026\./);
  expect(screen.getByRole("combobox", { name: "Date order" })).toHaveTextContent("dmy — day first (31/03/2026)");
  expect(screen.getByRole("group", { name: "Red, amber and green" })).toBeInTheDocument();
  expect(await axe(container)).toHaveNoViolations();
});

test("Save writes the changed settings, says which, and tells the other views", async () => {
  const { workbook, book } = await sampleTracker();
  const view = renderLive(<SettingsView active />, workbook);
  const red = await screen.findByRole("textbox", { name: "Expiry: red at or below" });
  fireEvent.change(red, { target: { value: "60" } });
  fireEvent.change(screen.getByRole("textbox", { name: "Level 3 goes to" }), { target: { value: "Chief executive" } });
  fireEvent.click(screen.getByRole("combobox", { name: "Date order" }));
  fireEvent.click(await screen.findByRole("option", { name: "mdy — month first (03/31/2026)" }));
  fireEvent.change(screen.getByRole("textbox", { name: "As of" }), { target: { value: "12/31/2026" } });
  expect(screen.getByText("4 settings changed")).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(document.body)).toHaveTextContent(/^Settings savedChanged in the Settings table: Expiry: red at or below; Date order; As of; Level 3 goes to\./));
  expect(valueOf(book, "expiry_red_days")).toBe(60);
  expect(valueOf(book, "date_order")).toBe("mdy");
  expect(valueOf(book, "ladder_level_3")).toBe("Chief executive");
  expect(valueOf(book, "as_of")).toBe(dateToSerial(2026, 12, 31));
  expect(view.changes()).toBe(1);
  // Read again: the form shows what the table now holds, in its new date order.
  await waitFor(() => expect(document.body).toHaveTextContent("No change yet"));
  expect(screen.getByRole("textbox", { name: "As of" })).toHaveValue("12/31/2026");
});

test("a setting that breaks the rules is said under its field; nothing is saved", async () => {
  const { workbook, book } = await sampleTracker();
  const view = renderLive(<SettingsView active />, workbook);
  const amber = await screen.findByRole("textbox", { name: "Expiry: amber at or below" });
  fireEvent.change(amber, { target: { value: "45" } });
  fireEvent.change(screen.getByRole("textbox", { name: "KPI attainment: red below" }), { target: { value: "lots" } });
  fireEvent.change(screen.getByRole("textbox", { name: "As of" }), { target: { value: "next week" } });
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  const kpi = screen.getByRole("textbox", { name: "KPI attainment: red below" });
  await waitFor(() => expect(kpi).toHaveAttribute("aria-invalid", "true"));
  expect(kpi).toHaveAccessibleDescription(/^KPI attainment: red below must be a percentage, such as 95%/);
  expect(screen.getByRole("textbox", { name: "As of" })).toHaveAccessibleDescription(/^As of: enter a date such as 31\/03\/2026, or leave it blank for today/);
  // Each field's message is an alert of its own (Fluent's Field); the bar says what to do.
  expect(screen.getByText("Nothing was saved").closest("[role=alert]")).toHaveTextContent("Nothing was saved3 settings need fixing. Fix what each marked field says, then press Save again.");
  // Every problem at once, the rule across settings too, each under its own field.
  expect(amber).toHaveAccessibleDescription(/^Expiry: amber at or below must be at least red at or below \(90 days\)/);
  expect(valueOf(book, "expiry_amber_days")).toBe(180);
  expect(view.changes()).toBe(0);
  expect(await axe(view.container)).toHaveNoViolations();

  // The others fixed, the rule across settings is said under the one changed.
  fireEvent.change(kpi, { target: { value: "95%" } });
  fireEvent.change(screen.getByRole("textbox", { name: "As of" }), { target: { value: "" } });
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(amber).toHaveAccessibleDescription(/^Expiry: amber at or below must be at least red at or below \(90 days\): a contract turns amber before it turns red/));
  expect(amber).toHaveFocus();
  fireEvent.click(screen.getByRole("button", { name: "Undo changes" }));
  expect(amber).toHaveValue("180");
  expect(screen.queryByText("Nothing was saved")).toBeNull();
});

test("Save with nothing changed says so and writes nothing", async () => {
  const { workbook, book } = await sampleTracker();
  const update = jest.spyOn(book, "updateTableCells");
  const view = renderLive(<SettingsView active />, workbook);
  await screen.findByRole("textbox", { name: "Expiry: red at or below" });
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(document.body)).toHaveTextContent("Nothing to saveNo setting differs from the Settings table."));
  expect(update).not.toHaveBeenCalled();
  expect(view.changes()).toBe(0);
});

test("a workbook that refuses the write is a red message saying what to do", async () => {
  const { workbook, book } = await sampleTracker();
  jest.spyOn(book, "updateTableCells").mockRejectedValue(new Error("The sheet Settings is protected"));
  renderLive(<SettingsView active />, workbook);
  fireEvent.change(await screen.findByRole("textbox", { name: "Exit phase starts (days before the end date)" }), { target: { value: "120" } });
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Could not save the settingsThe sheet Settings is protected. Fix what the message says, then press Save again; nothing was changed.");
});

test("ladder names typed with markup stay text", async () => {
  const { workbook, book } = await sampleTracker();
  const view = renderLive(<SettingsView active />, workbook);
  fireEvent.change(await screen.findByRole("textbox", { name: "Level 1 goes to" }), { target: { value: "<img src=x onerror=alert(1)>" } });
  fireEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(document.body)).toHaveTextContent("Changed in the Settings table: Level 1 goes to."));
  expect(valueOf(book, "ladder_level_1")).toBe("<img src=x onerror=alert(1)>");
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Level 1 goes to" })).toHaveValue("<img src=x onerror=alert(1)>"));
  expect(view.container.querySelector("img")).toBeNull();
});

test("before set-up it says there is no tracker and offers Set up", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Ref", "Supplier", "End date"], ["C-1", "Acme", AS_OF + 30]] });
  const { navigate, container } = renderInPane(<SettingsView active />, excelLike(book));
  await screen.findByText("No tracker yet");
  fireEvent.click(within(container).getByRole("button", { name: "Go to Set up" }));
  expect(navigate).toHaveBeenCalledWith("setup");
  expect(await axe(container)).toHaveNoViolations();
});
