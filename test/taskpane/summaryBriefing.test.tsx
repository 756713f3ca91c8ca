/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { dateToSerial } from "../../src/core/dates";
import { setUpTracker } from "../../src/features/setUpTracker";
import { readTracker, summarise } from "../../src/features/trackerData";
import { SummaryView } from "../../src/taskpane/summary/SummaryView";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { startClockAt } from "../helpers/clock";
import { AS_OF, excelLike, renderInPane } from "./paneHarness";
import { NOW, renderLive, sampleTracker } from "./viewsHarness";

// The summary view as a briefing over the preview's sample and larger registers: what changed and
// what needs a decision lead; the counts add up to the contracts read; each level lists 25 and the
// rest on request; the unrated and the probably closed are listed apart, and the probably closed can
// be marked closed after a dialog that says what will be written where.

beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());
expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 15_000 });

const term = (root: HTMLElement, name: string) => within(root).getByText(name, { selector: "dt" }).nextElementSibling?.textContent;
const heading = (name: string | RegExp) => screen.getByRole("heading", { name });

test("on the sample: what changed and the decisions lead, the counts add up to the contracts read, the unrated and the probably closed are named", async () => {
  const { workbook } = await sampleTracker();
  const summary = summarise((await readTracker(workbook.port)).data);
  const { container } = renderInPane(<SummaryView active />, workbook);
  await screen.findByText("Live contracts by RAG");
  expect(screen.getByText("As of 25 Nov 2026 · 27 contracts read")).toBeInTheDocument();
  // The lead comes before the counts.
  const order = ["What changed", /^Needs a decision/, "27 contracts read", "Live contracts by RAG", /contracts need attention$/, /^Unrated/, /^Probably closed/].map((n) => heading(n));
  for (let i = 1; i < order.length; i++) expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  const decisions = within(screen.getByRole("list", { name: "Contracts needing a decision, soonest first" })).getAllByRole("listitem");
  expect(decisions.length).toBe(summary.contracts.filter((c) => c.decisionNeeded).length);
  expect(heading(`Needs a decision (${decisions.length})`)).toBeInTheDocument();

  const read = container.querySelector<HTMLElement>('[aria-labelledby="summary-read"]') as HTMLElement;
  const split = ["Live", "Unrated", "Probably closed", "Closed"].map((n) => Number(term(read, n)));
  expect(split).toEqual([23, 2, 1, 1]);
  expect(split.reduce((a, b) => a + b, 0)).toBe(summary.totalContracts);
  const rag = container.querySelector<HTMLElement>('[aria-labelledby="summary-rag"]') as HTMLElement;
  expect(["Red", "Amber", "Green"].map((n) => term(rag, n))).toEqual(["7", "6", "10"]);

  // The rolling licence (31/12/2099) and the contract with no end date are unrated, biggest by value first, with why.
  const unrated = within(screen.getByRole("list", { name: "Unrated contracts, biggest by value first" })).getAllByRole("listitem");
  expect(unrated.map((li) => li.textContent)).toEqual([
    expect.stringMatching(/^NBC-C-01241,200,000Legal services panel.*No real end date: "TBC" is not a date$/),
    expect.stringMatching(/^NBC-C-012572,000Payroll software licence.*No real end date: 31 Dec 2099 is a stand-in$/),
  ]);
  const stale = within(screen.getByRole("list", { name: "Probably closed contracts, longest ended first" })).getAllByRole("listitem");
  expect(stale).toHaveLength(1);
  expect(stale[0]).toHaveTextContent(/^NBC-C-012796,000Town hall boiler replacement.*Ended 25 Nov 2024, 730 days ago, with no closing statusNo status recordedMark as closed$/);
  expect(await axe(container)).toHaveNoViolations();
});

test("Mark as closed asks first, saying the cell and what it will hold; Cancel writes nothing; Write does, and the contract then counts as closed", async () => {
  const { workbook, book } = await sampleTracker();
  const cellQ31 = () => book.snapshot("Contracts").rows.find((r) => r[0] === "NBC-C-0127")?.[16];
  const { changes } = renderLive(<SummaryView active />, workbook);
  fireEvent.click(await screen.findByRole("button", { name: "Mark NBC-C-0127 as closed" }));
  let dialog = await screen.findByRole("dialog", { name: "Mark NBC-C-0127 as closed?" });
  expect(dialog).toHaveTextContent("This writes 1 cell in the Status column (column Q) of the Contracts table, on the sheet “Contract register”:");
  // The dialog opens with a transition (aria-hidden until it ends): wait for its parts as a user would.
  expect(await within(dialog).findByRole("list", { name: "Cells to write" })).toHaveTextContent("Q31 · NBC-C-0127 Town hall boiler replacement: blank → “Closed”");
  fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(cellQ31()).toBeNull();

  // One listed: its own button is the only one (found once the closed dialog has given the page back).
  const markOne = await screen.findByRole("button", { name: "Mark NBC-C-0127 as closed" });
  expect(screen.queryByRole("button", { name: /listed as closed$/ })).toBeNull();
  fireEvent.click(markOne);
  dialog = await screen.findByRole("dialog", { name: "Mark NBC-C-0127 as closed?" });
  // The dialog opens with a transition: wait until its button is there to press, as a user would.
  fireEvent.click(await within(dialog).findByRole("button", { name: "Write 1 status" }));
  await screen.findByText("NBC-C-0127 marked closed in the Status column of the Contracts table. It now counts as closed.");
  expect(cellQ31()).toBe("Closed");
  expect(changes()).toBe(1);
  // The view read the tracker again: one more closed, none probably closed, and the section says so.
  const read = document.querySelector<HTMLElement>('[aria-labelledby="summary-read"]') as HTMLElement;
  await waitFor(() => expect(term(read, "Closed")).toBe("2"));
  expect(term(read, "Probably closed")).toBe("0");
  expect(heading("Probably closed — confirm (0)")).toBeInTheDocument();
  expect(screen.queryByRole("list", { name: "Probably closed contracts, longest ended first" })).toBeNull();
});

/** A register of `n` contracts ending within the red window and `stale` ended years ago, with a Status column or without. */
async function bigTracker(n: number, stale: number, withStatus = true): Promise<MemoryWorkbook> {
  const headers = ["Ref", "Contract title", "Provider", "Start date", "Expiry", "Total value", ...(withStatus ? ["Status"] : [])];
  const rows: CellValue[][] = [headers];
  for (let i = 1; i <= n; i++) rows.push([`C-${i}`, `Service ${i}`, "Acme Ltd", "01/04/2022", AS_OF + 10 + (i % 60), 1000 * i, ...(withStatus ? ["Live"] : [])]);
  for (let i = 1; i <= stale; i++) rows.push([`S-${i}`, `Old service ${i}`, "Oldco", "01/04/2015", dateToSerial(2019, 1, i) ?? 0, 500, ...(withStatus ? [i % 2 ? "Live" : null] : [])]);
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  await setUpTracker(book, { asOf: AS_OF });
  // as_of is =TODAY() in the workbook; pinned, as a user would pin it.
  const settings = book.snapshot("Settings");
  const at = settings.rows.findIndex((r) => r[0] === "as_of");
  book.cell("Settings", settings.row + 1 + at, 1).value = AS_OF;
  return book;
}

test("a level lists its 25 most urgent, then shows the rest on request with the focus on the first of them; the copies stop at 25 and point to the sheet", async () => {
  const book = await bigTracker(60, 0);
  const written: string[] = [];
  Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void written.push(t) }, configurable: true });
  renderInPane(<SummaryView active />, excelLike(book));
  const level = await screen.findByRole("list", { name: "Level 2 contracts, most urgent first" });
  expect(level.querySelectorAll(":scope > li")).toHaveLength(25);
  const more = screen.getByRole("button", { name: "Show 35 more at level 2" });
  fireEvent.click(more);
  await waitFor(() => expect(level.querySelectorAll(":scope > li")).toHaveLength(60));
  await waitFor(() => expect(document.activeElement?.id).toBe("summary-level-2-26"));
  expect(screen.queryByRole("button", { name: /^Show \d+ more at level 2/ })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Copy as text" }));
  await screen.findByText("Copied the summary as text.");
  expect(written[0]).toMatch(/\n {2}… and 35 more at level 2, worth [\d,]+ \(the summary sheet lists them all\)\n/);
});

test("on a register without a Status column, the dialog says a Status column is added first, where, and that no cell of the user's changes", async () => {
  const book = await bigTracker(2, 30, false);
  const { changes } = renderLive(<SummaryView active />, excelLike(book));
  const list = await screen.findByRole("list", { name: "Probably closed contracts, longest ended first" });
  expect(list.querySelectorAll(":scope > li")).toHaveLength(25);
  fireEvent.click(screen.getByRole("button", { name: "Mark the 25 listed as closed" }));
  const dialog = await screen.findByRole("dialog", { name: "Mark 25 contracts as closed?" });
  expect(dialog).toHaveTextContent("The Contracts table has no Status column, so first a column “Status” is added at its right (column N, after “Escalation level”). No cell of yours changes.");
  // The cursor is on Write, inside the dialog, and the dialog stays readable.
  await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Write 25 statuses" })));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect((await within(dialog).findByRole("list", { name: "Cells to write" })).querySelectorAll("li")).toHaveLength(25);
  fireEvent.click(within(dialog).getByRole("button", { name: "Write 25 statuses" }));
  await screen.findByText("25 contracts marked closed in the new Status column of the Contracts table. They now count as closed.");
  expect(book.snapshot("Contracts").headers.slice(-1)).toEqual(["Status"]);
  expect(changes()).toBe(1);
  await waitFor(() => expect(heading("Probably closed — confirm (5)")).toBeInTheDocument());
});

test("if a status changed after the dialog opened, Write says so and writes nothing", async () => {
  const book = await bigTracker(2, 3);
  renderInPane(<SummaryView active />, excelLike(book));
  fireEvent.click(await screen.findByRole("button", { name: "Mark the 3 listed as closed" }));
  const dialog = await screen.findByRole("dialog", { name: "Mark 3 contracts as closed?" });
  const table = book.snapshot("Contracts");
  const s1 = table.rows.findIndex((r) => r[0] === "S-1");
  book.cell("Register", table.row + 1 + s1, 6).value = "Extended to 2027";
  const before = book.snapshot("Contracts").rows;
  fireEvent.click(await within(dialog).findByRole("button", { name: "Write 3 statuses" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(/^Nothing was marked closedNothing was written: the register changed since you confirmed \(the status of S-1 now says "Extended to 2027"\)/);
  expect(book.snapshot("Contracts").rows).toEqual(before);
});

test("asked by another view for its probably-closed section, the summary brings it into view with the focus on its heading", async () => {
  const { workbook } = await sampleTracker();
  renderInPane(<SummaryView active />, workbook, { section: { id: "summary-stale", seq: 1 } });
  const target = await screen.findByRole("heading", { name: "Probably closed — confirm (1)" });
  await waitFor(() => expect(document.activeElement).toBe(target));
});
