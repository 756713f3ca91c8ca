/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { dashboard } from "../../src/features/dashboard";
import { DashboardView } from "../../src/taskpane/dashboard/DashboardView";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, excelLike, hostileTracker, renderInPane } from "./paneHarness";
import { paneDataOf, sampleTracker, NOW } from "./viewsHarness";
import { startClockAt } from "../helpers/clock";

// The sample's dates are placed relative to the preview's day: the tests run on that day, whatever the real clock says.
beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());

expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 10_000 });

// The dashboard over the preview's sample tracker: its numbers are dashboard(data)'s, pressing a
// contract selects its row in the sheet and opens the Contract tab.

test("the charts and lists give the counts dashboard(data) gives for the sample", async () => {
  const { workbook } = await sampleTracker();
  const { data, contractsTable } = await paneDataOf(workbook);
  const d = dashboard(data, { contractsTable });
  const { container } = renderInPane(<DashboardView active />, workbook);
  const rag = await screen.findByRole("img", { name: /^Live contracts by RAG:/ });
  expect(rag).toHaveAccessibleName(`Live contracts by RAG: Red ${d.rag.red}, Amber ${d.rag.amber}, Green ${d.rag.green}, Unrated ${d.rag.unrated}`);
  // The rolling licence (31/12/2099) and the contract with no end date are unrated, not Green.
  expect(d.rag).toEqual({ red: 7, amber: 6, green: 10, unrated: 2 });
  const phases = screen.getByRole("img", { name: /^Live contracts by phase:/ });
  for (const p of d.phases.filter((x) => x.phase !== "Unknown")) expect(phases.getAttribute("aria-label")).toContain(`${p.phase} ${p.count}`);
  expect(screen.getByText(`As of 25 Nov 2026 · ${d.liveContracts} live contracts; 1 probably closed and 1 closed left out`)).toBeInTheDocument();
  expect(d.liveContracts).toBe(25);
  expect(screen.getByRole("list", { name: "Set apart from the ratings" })).toHaveTextContent(
    "2 contracts are unrated: no real end date. See which in the summary1 contract probably closed (ended more than 365 days ago, no closing status), left out of these charts. Confirm in the summary",
  );

  // Each expiry window's tab gives its count, and its list those contracts.
  for (const w of d.expiring) {
    const tab = screen.getByRole("tab", { name: new RegExp(`^${w.withinDays} days \\(${w.contracts.length}\\)`) });
    fireEvent.click(tab);
    // The tab's sliding underline settles on the next frame.
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    if (w.contracts.length === 0) expect(screen.getByText(`No live contract ends within ${w.withinDays} days.`)).toBeInTheDocument();
    else expect(within(screen.getByRole("list", { name: `Contracts ending within ${w.withinDays} days, soonest first` })).getAllByRole("listitem").map((li) => li.querySelector("button")?.textContent)).toEqual(w.contracts.map((c) => `${c.id} ${c.title}`));
  }
  const count = (name: string) => within(screen.getByRole("list", { name })).getAllByRole("listitem").length;
  expect(count("Notice dates in the next 90 days, soonest first")).toBe(d.notices.upcoming.length);
  expect(count("Notice dates missed, longest overdue first")).toBe(d.notices.missed.length);
  expect(count("Slipping milestones, most days late first")).toBe(d.slipping.length);
  expect(count("KPIs below target, lowest attainment first")).toBe(d.kpiFailures.length);
  expect(screen.getByText("Service transition complete")).toBeInTheDocument();
  expect(screen.getByText(/^60 days late · not met yet$/)).toBeInTheDocument();
  expect(screen.getByText("92% of target · Last quarter")).toBeInTheDocument();
  expect(await axe(container)).toHaveNoViolations();
});

test("the probably-closed note leads to the summary's section of them, and the unrated note to theirs", async () => {
  const { workbook } = await sampleTracker();
  const { navigate } = renderInPane(<DashboardView active />, workbook);
  fireEvent.click(await screen.findByRole("button", { name: "Confirm in the summary" }));
  expect(navigate).toHaveBeenLastCalledWith("summary", "summary-stale");
  fireEvent.click(screen.getByRole("button", { name: "See which in the summary" }));
  expect(navigate).toHaveBeenLastCalledWith("summary", "summary-unrated");
});

test("pressing a contract selects its row's ID cell in the sheet and opens the Contract tab", async () => {
  const { workbook, book } = await sampleTracker();
  const { navigate } = renderInPane(<DashboardView active />, workbook);
  const missed = await screen.findByRole("list", { name: "Notice dates missed, longest overdue first" });
  fireEvent.click(within(missed).getByRole("button", { name: "NBC-C-0103 Leisure centres management" }));
  await waitFor(() => expect(navigate).toHaveBeenCalledWith("contract", "contract-card-heading"));
  const table = book.snapshot("Contracts");
  const row = table.rows.findIndex((r) => r[0] === "NBC-C-0103");
  expect(book.selection).toMatchObject({ sheet: table.sheet, row: table.row + 1 + row, column: table.column });
  expect(await book.selectedTableRows("Contracts")).toEqual([row]);
});

test("a row that cannot be selected is a red message saying what to do, and the tab stays", async () => {
  const { workbook, book } = await sampleTracker();
  jest.spyOn(book, "selectTableCell").mockRejectedValue(new Error("The workbook is in cell-edit mode"));
  const { navigate, container } = renderInPane(<DashboardView active />, workbook);
  const slipping = await screen.findByRole("list", { name: "Slipping milestones, most days late first" });
  fireEvent.click(within(slipping).getAllByRole("button", { name: "NBC-C-0105 ICT service desk and end-user support" })[0]);
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Could not select NBC-C-0105 in the sheetThe workbook is in cell-edit mode. If you are typing in a cell, press Enter or Esc first; then press the contract again.");
  expect(navigate).not.toHaveBeenCalled();
  expect(await axe(container)).toHaveNoViolations();
});

test("cell text is shown as text, never as markup", async () => {
  const book = await hostileTracker();
  const { container } = renderInPane(<DashboardView active />, excelLike(book));
  await screen.findByRole("img", { name: /^Live contracts by RAG:/ });
  fireEvent.click(screen.getByRole("tab", { name: /^90 days/ }));
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  expect(screen.getAllByRole("button", { name: "C-001 <img src=x onerror=alert(1)>" }).length).toBeGreaterThan(0);
  expect(container.querySelector("img, b")).toBeNull();
  expect(await axe(container)).toHaveNoViolations();
});

test("before set-up it says there is no tracker and offers Set up", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Ref", "Supplier", "End date"], ["C-1", "Acme", AS_OF + 30]] });
  const { navigate, container } = renderInPane(<DashboardView active />, excelLike(book));
  await screen.findByText("No tracker yet");
  fireEvent.click(screen.getByRole("button", { name: "Go to Set up" }));
  expect(navigate).toHaveBeenCalledWith("setup");
  expect(await axe(container)).toHaveNoViolations();
});

test("an unreadable tracker is a red message with Read again", async () => {
  const book = await hostileTracker();
  const settings = book.snapshot("Settings");
  const at = settings.rows.findIndex((r) => r[0] === "kpi_red_below");
  book.cell("Settings", settings.row + 1 + at, 1).value = "lots";
  renderInPane(<DashboardView active />, excelLike(book));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent(/^Could not read the tracker.*Fix what the message says, then press Read again\./);
  book.cell("Settings", settings.row + 1 + at, 1).value = 0.95;
  fireEvent.click(within(alert).getByRole("button", { name: "Read again" }));
  await screen.findByRole("img", { name: /^Live contracts by RAG:/ });
});
