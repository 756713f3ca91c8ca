/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { configure, fireEvent, screen, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { renderHtml, renderText } from "../../src/core/summaryRender";
import { readTracker, summarise } from "../../src/features/trackerData";
import { SummaryView } from "../../src/taskpane/summary/SummaryView";
import { COPY_LAYOUT } from "../../src/taskpane/summary/summaryLists";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { dateStyles } from "../helpers/dateStyles";
import { AS_OF, excelLike, hostileTracker, renderInPane } from "./paneHarness";

expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 10_000 });

// The escalation summary view: counts, value at risk, the ranked contracts with cell text shown as
// text, copies for an email, and the summary sheet written into the workbook.

/** A stand-in for navigator.clipboard: records what was written, or refuses. */
function fakeClipboard(options: { rich?: boolean; refuse?: boolean } = {}) {
  const written: { text?: string; items?: Record<string, string> } = {};
  const clipboard = {
    writeText: jest.fn(async (text: string) => {
      if (options.refuse) throw new DOMException("Write permission denied.", "NotAllowedError");
      written.text = text;
    }),
    write: options.rich === false ? undefined : jest.fn(async (items: { parts: Record<string, Blob> }[]) => {
      written.items = {};
      for (const [type, blob] of Object.entries(items[0].parts)) written.items[type] = await blob.text();
    }),
  };
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
  return written;
}

beforeAll(() => {
  // jsdom has no ClipboardItem; this one keeps its parts for the fake clipboard to read.
  (globalThis as unknown as { ClipboardItem: unknown }).ClipboardItem = class {
    constructor(public parts: Record<string, Blob>) {}
  };
  if (!Blob.prototype.text) {
    Blob.prototype.text = function text(this: Blob) {
      return new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(this);
      });
    };
  }
});

test("shows counts by RAG and level, value at risk and the ranked contracts, hostile cell text as text", async () => {
  const book = await hostileTracker();
  const { container } = renderInPane(<SummaryView active />, excelLike(book));
  await screen.findByText("Live contracts by RAG");
  expect(screen.getByText("As of 25 Nov 2026 · 3 contracts read")).toBeInTheDocument();
  const term = (name: string) => screen.getByText(name, { selector: "dt" }).nextElementSibling?.textContent;
  expect([term("Live"), term("Unrated"), term("Probably closed"), term("Closed")]).toEqual(["3", "0", "0", "0"]);
  expect([term("Red"), term("Amber"), term("Green")]).toEqual(["2", "0", "1"]);
  expect(term("Level 3 · Senior responsible owner / board")).toBe("2");
  expect(screen.getByText("Value at risk").nextElementSibling).toHaveTextContent("107,000");
  const cards = [...screen.getByRole("list", { name: "Level 3 contracts, most urgent first" }).querySelectorAll<HTMLElement>(":scope > li")];
  expect(cards).toHaveLength(2);
  expect(cards[0]).toHaveTextContent("Level 3Red");
  expect(within(cards[0]).getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
  expect(within(cards[0]).getByText(/<b>Binco<\/b> Ltd/)).toBeInTheDocument();
  expect(cards[0]).toHaveTextContent(/Ends 15 Jan 2027 \(in 51 days\)/);
  expect(cards[0]).toHaveTextContent(/Action: /);
  expect(container.querySelector("img, b")).toBeNull();
  expect(await axe(container)).toHaveNoViolations();
});

test("every date follows the host's locale in one style: the heading, the lists, the reasons and actions", async () => {
  for (const [locale, style, asOf] of [["en-US", "month first", "Nov 25, 2026"], ["en-GB", "day first", "25 Nov 2026"]] as const) {
    const book = await hostileTracker();
    const { container, unmount } = renderInPane(<SummaryView active />, excelLike(book), { locale });
    await screen.findByText(`As of ${asOf} · 3 contracts read`);
    const styles = dateStyles(container.textContent ?? "");
    expect(Object.keys(styles)).toEqual([style]);
    // The action the features wrote and the list's own end date, side by side, in that style.
    expect(styles[style]).toEqual(expect.arrayContaining([asOf, locale === "en-US" ? "Oct 15, 2026" : "15 Oct 2026"]));
    unmount();
  }
});

test("Copy as text puts the plain summary on the clipboard and says so", async () => {
  const book = await hostileTracker();
  const written = fakeClipboard();
  renderInPane(<SummaryView active />, excelLike(book));
  fireEvent.click(await screen.findByRole("button", { name: "Copy as text" }));
  expect(await screen.findByText("Copied the summary as text.")).toHaveAttribute("role", "status");
  const { data } = await readTracker(book);
  expect(written.text).toBe(renderText(summarise(data), COPY_LAYOUT));
});

test("Copy as HTML puts HTML and its plain twin on the clipboard; the HTML keeps cell text inert", async () => {
  const book = await hostileTracker();
  const written = fakeClipboard();
  renderInPane(<SummaryView active />, excelLike(book));
  fireEvent.click(await screen.findByRole("button", { name: "Copy as HTML" }));
  expect(await screen.findByText("Copied the summary as HTML: paste it into an email to keep the table.")).toHaveAttribute("role", "status");
  const summary = summarise((await readTracker(book)).data);
  expect(written.items).toEqual({ "text/html": renderHtml(summary, COPY_LAYOUT), "text/plain": renderText(summary, COPY_LAYOUT) });
  expect(written.items?.["text/html"]).toContain("&lt;img src=x onerror=alert(1)&gt;");
});

test("without rich clipboard items, Copy as HTML copies the text and says it did", async () => {
  const book = await hostileTracker();
  const written = fakeClipboard({ rich: false });
  renderInPane(<SummaryView active />, excelLike(book));
  fireEvent.click(await screen.findByRole("button", { name: "Copy as HTML" }));
  expect(await screen.findByText("Copied the summary as plain text: this browser cannot copy formatted text.")).toHaveAttribute("role", "status");
  expect(written.text).toMatch(/^Escalation summary as of 25 Nov 2026/);
});

test("a refused clipboard is a red message saying what to do", async () => {
  const book = await hostileTracker();
  fakeClipboard({ rich: false, refuse: true });
  const { container } = renderInPane(<SummaryView active />, excelLike(book));
  fireEvent.click(await screen.findByRole("button", { name: "Copy as text" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Could not copyWrite permission denied. Click in the pane and try again, or write the summary sheet and copy from it.");
  expect(await axe(container)).toHaveNoViolations();
});

test("Write summary sheet writes the sheet, logs new escalations once, and says which sheet", async () => {
  const book = await hostileTracker();
  const { trackerChanged } = renderInPane(<SummaryView active />, excelLike(book));
  fireEvent.click(await screen.findByRole("button", { name: "Write summary sheet" }));
  await screen.findByText("Summary sheet written");
  expect(screen.getByText(/The sheet “Escalations 2026-11-25” now holds 2 contracts; 2 new entries in the Escalations log\./)).toBeInTheDocument();
  expect(book.sheets.has("Escalations 2026-11-25")).toBe(true);
  expect(trackerChanged).toHaveBeenCalledTimes(1);
});

test("before set-up, the view says to set the tracker up and offers the way there", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Ref", "Supplier", "End date"], ["C-1", "Acme", AS_OF + 30]] });
  const { container, navigate } = renderInPane(<SummaryView active />, excelLike(book));
  await screen.findByText("No tracker yet");
  fireEvent.click(screen.getByRole("button", { name: "Go to Set up" }));
  expect(navigate).toHaveBeenCalledWith("setup");
  expect(await axe(container)).toHaveNoViolations();
});

test("a tracker that cannot be read is a red message with Read again", async () => {
  const book = await hostileTracker();
  const settings = book.snapshot("Settings");
  const row = settings.rows.findIndex((r) => r[0] === "expiry_red_days");
  book.cell("Settings", settings.row + 1 + row, 1).value = "soon";
  renderInPane(<SummaryView active />, excelLike(book));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent(/^Could not read the trackerThe Settings table needs fixing: .*Fix what the message says, then press Read again\./);
  book.cell("Settings", settings.row + 1 + row, 1).value = 90;
  fireEvent.click(within(alert).getByRole("button", { name: "Read again" }));
  await screen.findByText("Live contracts by RAG");
});

test("reads nothing until its tab is shown", async () => {
  const book = await hostileTracker();
  const readTables = jest.spyOn(book, "readTables");
  const view = renderInPane(<SummaryView active={false} />, excelLike(book));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(readTables).not.toHaveBeenCalled();
  view.unmount();
});
