/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, configure, fireEvent, screen, within } from "@testing-library/react";
import * as fs from "fs";
import { axe, toHaveNoViolations } from "jest-axe";
import * as path from "path";
import { clearNotices, postNotice } from "../../src/features/notices";
import { App } from "../../src/taskpane/App";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { PANE_TABS, PaneTab } from "../../src/taskpane/tabs";
import { HOST, excelLike, hostileTracker, renderFast as render } from "./paneHarness";
import { startClockAt } from "../helpers/clock";

// The sample's dates are placed relative to the preview's day: the tests run on that day, whatever the real clock says.
beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());

expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 10_000 });

// The pane's shell: ribbon notices on top, the preview clearly labelled, one tab a view, the theme
// and locale of the host.

const NOW = new Date(2026, 10, 25);
const CATALOGUE = {
  functions: [
    { name: "NOTICEDATE", description: "Last day to give notice.", parameters: [{ name: "end_date", description: "The end date." }, { name: "notice_period", description: "e.g. 3 months." }] },
    { name: "DAYSTOEXPIRY", description: "Days until the end date.", parameters: [{ name: "end_date", description: "The end date." }, { name: "as_of", description: "Default today.", optional: true }] },
  ],
};
const loadCatalogue = () => Promise.resolve(CATALOGUE);

afterEach(() => act(() => clearNotices()));

// With Fluent's styles kept out of the page (paneHarness), the hidden copy of an unselected tab's
// text (it reserves the width of the bold label) counts in its name: match the start.
const tabName = (label: string): RegExp => new RegExp(`^${label}`);

test("the preview is labelled, opens on Set up, and lists Set up, Summary and Functions", async () => {
  const { container } = render(<App host={{ inExcel: false, dark: false, locale: "en-GB" }} workbook={previewWorkbook(NOW)} loadCatalogue={loadCatalogue} />);
  expect(await screen.findByRole("tab", { name: tabName("Set up"), selected: true })).toBeInTheDocument();
  // Fluent repeats an unselected tab's text, hidden, to reserve the width it takes in bold.
  const listed = screen.getAllByRole("tab").map((t) => t.querySelector(".fui-Tab__content")?.textContent);
  expect(listed).toEqual(PANE_TABS.map((t) => t.label));
  expect(listed.filter((l) => l === "Set up" || l === "Summary" || l === "Functions")).toEqual(["Set up", "Summary", "Functions"]);
  expect(screen.getByRole("heading", { level: 1, name: "Contract Tracker" })).toBeInTheDocument();
  expect(screen.getByText("Sample data")).toBeInTheDocument();
  expect(screen.getByRole("tabpanel", { name: tabName("Set up") })).toBeInTheDocument();
  await screen.findByText(/27 contracts on the sheet/);
  expect(await axe(container)).toHaveNoViolations();
});

test("inside Excel there is no preview label, and a workbook already set up opens on the summary", async () => {
  const book = await hostileTracker();
  const { container } = render(<App host={HOST} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  expect(await screen.findByRole("tab", { name: tabName("Summary"), selected: true })).toBeInTheDocument();
  expect(screen.queryByText("Sample data")).toBeNull();
  await screen.findByText("Live contracts by RAG");
  expect(await axe(container)).toHaveNoViolations();
});

test("tabs switch by click; a view keeps its state while hidden", async () => {
  render(<App host={{ inExcel: false, dark: false, locale: "en-GB" }} workbook={previewWorkbook(NOW)} loadCatalogue={loadCatalogue} />);
  await screen.findByText(/27 contracts on the sheet/);
  fireEvent.click(screen.getByRole("checkbox", { name: /Risks/ }));
  fireEvent.click(screen.getByRole("tab", { name: tabName("Functions") }));
  const panel = await screen.findByRole("tabpanel", { name: tabName("Functions") });
  await within(panel).findByText("NOTICEDATE");
  expect(await axe(panel)).toHaveNoViolations();
  fireEvent.click(screen.getByRole("tab", { name: tabName("Summary") }));
  await screen.findByText("No tracker yet");
  fireEvent.click(screen.getByRole("button", { name: "Go to Set up" }));
  expect(screen.getByRole("tab", { name: tabName("Set up"), selected: true })).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: /Risks/ })).not.toBeChecked();
});

test("set-up then the summary: the summary reads the tracker set-up just made", async () => {
  const { container } = render(<App host={{ inExcel: false, dark: false, locale: "en-GB" }} workbook={previewWorkbook(NOW)} loadCatalogue={loadCatalogue} />);
  fireEvent.click(await screen.findByRole("button", { name: "Load the sample tracker" }));
  fireEvent.click(await screen.findByRole("button", { name: "See the escalation summary" }));
  expect(screen.getByRole("tab", { name: tabName("Summary"), selected: true })).toBeInTheDocument();
  await screen.findByText("13 contracts need attention");
  expect(await axe(container)).toHaveNoViolations();
});

test("ribbon results show above the tabs", async () => {
  render(<App host={HOST} workbook={excelLike(await hostileTracker())} loadCatalogue={loadCatalogue} />);
  const tabs = await screen.findByRole("tablist");
  act(() => void postNotice("error", "Refresh", "The workbook is protected: unprotect it and try again."));
  const notices = await screen.findByRole("region", { name: "Ribbon results" });
  expect(notices).toHaveTextContent("RefreshThe workbook is protected");
  expect(notices.compareDocumentPosition(tabs)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
});

test("dark mode follows the host", async () => {
  const book = await hostileTracker();
  const dark = render(<App host={{ ...HOST, dark: true }} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  await within(dark.container).findByRole("tablist");
  const light = render(<App host={HOST} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  await within(light.container).findByRole("tablist");
  const themeOf = (container: HTMLElement) => container.querySelector(".fui-FluentProvider")?.className;
  expect(themeOf(dark.container)).not.toEqual(themeOf(light.container));
});

test("a new view is one more entry in the tab registry", async () => {
  const extra: PaneTab = { id: "example", label: "Example view", render: ({ active }) => <p>{active ? "Example here" : "hidden"}</p> };
  render(<App host={HOST} workbook={excelLike(await hostileTracker())} loadCatalogue={loadCatalogue} tabs={[...PANE_TABS, extra]} />);
  fireEvent.click(await screen.findByRole("tab", { name: tabName("Example view") }));
  expect(within(screen.getByRole("tabpanel", { name: tabName("Example view") })).getByText("Example here")).toBeInTheDocument();
});

test("the function guide reads the catalogue the build writes", async () => {
  const file = path.resolve(__dirname, "../../dist/functions.json");
  if (!fs.existsSync(file)) return;
  const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  render(<App host={HOST} workbook={excelLike(await hostileTracker())} loadCatalogue={() => Promise.resolve(json)} />);
  fireEvent.click(await screen.findByRole("tab", { name: tabName("Functions") }));
  const list = await screen.findByRole("list", { name: "Functions" });
  await within(list).findByText("NOTICEDATE");
  expect(list.querySelectorAll(":scope > li")).toHaveLength(12);
});
