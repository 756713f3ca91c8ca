/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { randomUUID } from "crypto";
import { TextEncoder } from "util";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { CALENDAR_EXPORT, listenForPaneRequests, requestPaneView } from "../../src/features/paneRequests";
import { readPaneData } from "../../src/features/paneData";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, trackerOverKpiThreshold } from "../features/paneTracker";
import { parseEvents } from "../helpers/icalendar";
import { HOST, excelLike, renderFast as render } from "./paneHarness";

expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 10_000 });

// The ribbon's Calendar button opens the pane at the Summary's "Add dates to my calendar" with the
// focus on it; pressing it saves the tracker's dates, the performance assessments from its KPIs
// table among them, as one .ics file.

/** The tracker of the pane's tests, its as-of date pinned in Settings; C-008 is worth £6m and its one KPI was assessed 400 days ago. */
async function tracker(): Promise<MemoryWorkbook> {
  const { book, pane } = await trackerOverKpiThreshold();
  const kpis = pane.tables.get("KPIs");
  const row = kpis?.rows.findIndex((r) => r[0] === "C-008") ?? -1;
  await book.updateTableCells("KPIs", [{ row, column: "Assessed on", value: AS_OF - 400 }]);
  const asOfRow = book.sheets.get("Settings")?.find((line) => line[0]?.value === "as_of");
  if (asOfRow) asOfRow[1] = { value: AS_OF };
  return book;
}

const loadCatalogue = () => Promise.resolve({ functions: [] });
const calendarButton = () => screen.findByRole("button", { name: "Add dates to my calendar" });

/** A Blob's text, read as jsdom can. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** What the pane saves: the Blob its download link points at, read as text. */
function catchDownloads(): { files: { name: string; text: Promise<string> }[] } {
  const caught: { files: { name: string; text: Promise<string> }[] } = { files: [] };
  const blobs = new Map<string, Blob>();
  let next = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${next++}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) caught.files.push({ name: this.download, text: blobText(blob) });
  });
  return caught;
}

// jsdom has neither crypto.randomUUID nor TextEncoder, which the calendar writer calls (a browser
// has both, randomUUID in the secure context a pane always runs in): Node's stand in.
beforeAll(() => {
  if (typeof globalThis.crypto.randomUUID !== "function") Object.defineProperty(globalThis.crypto, "randomUUID", { value: randomUUID, configurable: true });
  if (typeof globalThis.TextEncoder !== "function") Object.defineProperty(globalThis, "TextEncoder", { value: TextEncoder, configurable: true });
});

afterEach(() => {
  jest.restoreAllMocks();
  // A request no pane took would be taken by the next test's pane.
  listenForPaneRequests(() => undefined)();
});

test("asked before the pane has drawn, it opens on the Summary with the focus on Add dates to my calendar", async () => {
  const book = await tracker();
  requestPaneView(CALENDAR_EXPORT);
  const { container } = render(<App host={HOST} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  const button = await calendarButton();
  await waitFor(() => expect(document.activeElement).toBe(button));
  expect(document.getElementById("tab-summary")).toHaveAttribute("aria-selected", "true");
  expect(await axe(container)).toHaveNoViolations();
});

test("asked while another view is open, the pane goes to the Summary and focuses the button, each time it is asked", async () => {
  const book = await tracker();
  render(<App host={HOST} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  fireEvent.click(await screen.findByRole("tab", { name: /^Settings/ }));
  await waitFor(() => expect(document.getElementById("tab-settings")).toHaveAttribute("aria-selected", "true"));
  act(() => requestPaneView(CALENDAR_EXPORT));
  await waitFor(() => expect(document.getElementById("tab-summary")).toHaveAttribute("aria-selected", "true"));
  const button = await calendarButton();
  await waitFor(() => expect(document.activeElement).toBe(button));
  // The user moves on in the pane, and presses Calendar on the ribbon again.
  (document.getElementById("tab-summary") as HTMLElement).focus();
  act(() => requestPaneView(CALENDAR_EXPORT));
  await waitFor(() => expect(document.activeElement).toBe(button));
});

test("pressed, it saves one .ics with the tracker's dates, C-008's overdue performance assessment on the as-of date among them", async () => {
  const book = await tracker();
  const downloads = catchDownloads();
  render(<App host={HOST} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  fireEvent.click(await calendarButton());
  await screen.findByText(/^Saved contract-dates-2026-11-25\.ics: \d+ dates of \d+ contracts, 25 Nov 2026 to .+, each with a reminder\./);
  expect(downloads.files.map((f) => f.name)).toEqual(["contract-dates-2026-11-25.ics"]);
  const { events } = parseEvents(await downloads.files[0].text);
  const assessment = events.filter((e) => e.uid.startsWith("assessment-"));
  expect(assessment.map((e) => [e.uid, e.start, e.summary])).toEqual([["assessment-c-008@contract-tracker", "2026-11-25", "Performance assessment due: C-008 Waste"]]);
  // 400 days ago plus 12 months: overdue since 21 Oct 2026, with one KPI of the three needed.
  expect(assessment[0].description).toMatch(/^Overdue since 21 Oct 2026: assess the supplier's performance against its 1 KPI \(at least 3 are needed: set and publish the rest\) /);
  expect(events.map((e) => e.uid)).toEqual(expect.arrayContaining(["notice-c-005@contract-tracker", "end-c-005@contract-tracker"]));
  // C-001's notice date passed 41 days ago with nothing decided: on the as-of date, saying since when; C-009's notice was given.
  const missed = events.find((e) => e.uid === "notice-c-001@contract-tracker");
  expect(missed).toMatchObject({ start: "2026-11-25" });
  expect(missed?.description).toMatch(/^Overdue since 15 Oct 2026, the last day to give notice /);
  expect(events.filter((e) => e.uid.endsWith("c-009@contract-tracker") && e.start === "2026-11-25")).toEqual([]);
  // Every tier is read: no note.
  expect(document.getElementById("summary-calendar-note")).toBeNull();
});

test("a contract whose tier is not recognised is said in a note under the button: it has no decide-by date", async () => {
  const book = await tracker();
  const pane = await readPaneData(book, { asOf: AS_OF });
  const at = pane.contractsTable.rows.findIndex((r) => r[0] === "C-005");
  await book.updateTableCells("Contracts", [{ row: at, column: "Tier", value: "Gld" }]);
  const downloads = catchDownloads();
  render(<App host={HOST} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  fireEvent.click(await calendarButton());
  await screen.findByText(/^Saved contract-dates-2026-11-25\.ics/);
  expect(await screen.findByRole("note")).toHaveTextContent(
    'No decide-by date for 1 contract whose tier is not recognised: C-005 "Gld" (use Gold, Silver or Bronze, or leave it blank for no tier).',
  );
  const { events } = parseEvents(await downloads.files[0].text);
  expect(events.map((e) => e.uid)).not.toContain("decide-by-c-005@contract-tracker");
});

test("with no date to add, it says so and saves nothing (a calendar file must hold an event)", async () => {
  const book = await tracker();
  const pane = await readPaneData(book, { asOf: AS_OF });
  await book.updateTableCells("Contracts", pane.contractsTable.rows.map((_, row) => ({ row, column: "Status", value: "Completed" })));
  const downloads = catchDownloads();
  render(<App host={HOST} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  fireEvent.click(await calendarButton());
  await screen.findByText(
    "No dates from 25 Nov 2026 on: no decide-by, notice, performance assessment, termination notice, end or final expiry date, overdue or to come, so there is no calendar to save.",
  );
  expect(downloads.files).toEqual([]);
});

test("where the pane cannot save a file (Excel for Mac), the button still takes the focus and says why, and how else", async () => {
  const book = await tracker();
  requestPaneView(CALENDAR_EXPORT);
  render(<App host={{ ...HOST, platform: "Mac" }} workbook={excelLike(book)} loadCatalogue={loadCatalogue} />);
  const button = await calendarButton();
  await waitFor(() => expect(document.activeElement).toBe(button));
  expect(button).toHaveAttribute("aria-disabled", "true");
  expect(button).toHaveAccessibleDescription(/Excel for Mac and iPad do not let an add-in save a file: .* contract-tracker calendar/);
  const summary = document.getElementById("panel-summary") as HTMLElement;
  expect(within(summary).getAllByRole("status").some((s) => /contract-tracker calendar/.test(s.textContent ?? ""))).toBe(true);
});
