/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { configure, fireEvent, screen, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import type { SetUpReport } from "../../src/features/setUpTracker";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { SetUpWizard } from "../../src/taskpane/setup/SetUpWizard";
import { renderInPane } from "./paneHarness";
import { startClockAt } from "../helpers/clock";

// The set-up wizard's choice of formulas: the CONTRACT functions by default, or Excel's own for a
// tracker shared with people who will not install the add-in; the choice reaches set-up, and the
// result says which was used and which rows hold values read at set-up.

const NOW = new Date(2026, 10, 25);
beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());
expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 10_000 });

const CONTRACT = "CONTRACT functions (needs the add-in; reads dates and periods typed as text)";
const NATIVE = "Excel’s own formulas (works for everyone who opens the workbook: Excel without the add-in, Excel for iPad, LibreOffice)";

test("the choice is a labelled group of two, the CONTRACT functions chosen, each saying what it means", async () => {
  const { container } = renderInPane(<SetUpWizard />, previewWorkbook(NOW));
  await screen.findByText(/27 contracts on the sheet/);
  const group = screen.getByRole("radiogroup", { name: "3. Formulas for the computed columns" });
  expect(within(group).getAllByRole("radio")).toEqual([within(group).getByRole("radio", { name: CONTRACT }), within(group).getByRole("radio", { name: NATIVE })]);
  expect(within(group).getByRole("radio", { name: CONTRACT })).toBeChecked();
  expect(group).toHaveAccessibleDescription(/without it they show #NAME\?/);
  fireEvent.click(within(group).getByRole("radio", { name: NATIVE }));
  expect(within(group).getByRole("radio", { name: NATIVE })).toBeChecked();
  expect(group).toHaveAccessibleDescription(/Rows whose dates or periods are typed as text keep the value read at set-up.*RAG reason needs the add-in and is left out/);
  expect(await axe(container)).toHaveNoViolations();
});

test("Excel's own formulas reach set-up; the result says so, lists the rows read at set-up, and that RAG reason is not added", async () => {
  const pane = previewWorkbook(NOW);
  const setUp = jest.spyOn(pane, "setUp");
  const { container } = renderInPane(<SetUpWizard />, pane);
  await screen.findByText(/27 contracts on the sheet/);
  fireEvent.click(screen.getByRole("radio", { name: NATIVE }));
  fireEvent.click(screen.getByRole("button", { name: "Set up the tracker" }));
  await screen.findByRole("heading", { name: "The tracker is set up" });
  expect(setUp.mock.calls[0][0]).toMatchObject({ formulas: "native" });
  const report: SetUpReport = await setUp.mock.results[0].value;

  const did = screen.getByRole("list", { name: "What set-up did" });
  expect(within(did).getByText("Written in Excel’s own formulas: the tracker works for everyone who opens the workbook, with or without the add-in")).toBeInTheDocument();
  // The sample's text end dates and notice periods: which columns, and how many rows each, as set-up counted them.
  expect(report.readAtSetUp.length).toBeGreaterThan(0);
  const rows = within(did).getByRole("list", { name: "Rows holding values read at set-up" });
  expect(within(rows).getAllByRole("listitem").map((li) => li.textContent)).toEqual(report.readAtSetUp.map((c) => `${c.column}: ${c.rows} ${c.rows === 1 ? "row" : "rows"}`));
  // Most of the sample's notice periods are words ("3 months"): Notice date is among the columns listed.
  expect(within(rows).getByText(/^Notice date: \d{2} rows$/)).toBeInTheDocument();
  expect(within(did).getByText(/^Not added: RAG reason \(its sentence is written by CONTRACT\.RAGREASON, which needs the add-in/)).toBeInTheDocument();
  expect(within(did).queryByText(/Written in CONTRACT functions/)).toBeNull();
  // What the workbook holds: no CONTRACT function in any computed column, each column with rows of its own noted.
  for (const column of report.addedColumns) expect(pane.inspector.formulas("Contracts", column).filter((f) => f?.includes("CONTRACT."))).toEqual([]);
  expect(pane.inspector.notes().map((n) => n.column)).toEqual(report.readAtSetUp.map((c) => c.column));
  expect(await axe(container)).toHaveNoViolations();
});

test("by default set-up writes the CONTRACT functions, and the result says so without a list of rows", async () => {
  const pane = previewWorkbook(NOW);
  const setUp = jest.spyOn(pane, "setUp");
  renderInPane(<SetUpWizard />, pane);
  await screen.findByText(/27 contracts on the sheet/);
  fireEvent.click(screen.getByRole("button", { name: "Set up the tracker" }));
  await screen.findByRole("heading", { name: "The tracker is set up" });
  expect(setUp.mock.calls[0][0]).toMatchObject({ formulas: "contract" });
  const did = screen.getByRole("list", { name: "What set-up did" });
  expect(within(did).getByText("Written in CONTRACT functions: they need the add-in, and read dates and periods typed as text")).toBeInTheDocument();
  expect(within(did).queryByRole("list", { name: "Rows holding values read at set-up" })).toBeNull();
  expect(pane.inspector.formulas("Contracts", "Days to expiry")[0]).toMatch(/^=CONTRACT\.DAYSTOEXPIRY\(/);
});

test("a tracker set up before keeps its formulas: the wizard says which instead of offering a choice, and set-up adds in the same", async () => {
  const pane = previewWorkbook(NOW);
  await pane.sample?.load();
  const setUp = jest.spyOn(pane, "setUp");
  renderInPane(<SetUpWizard />, pane);
  await screen.findByText("Already set up");
  expect(screen.queryByRole("radiogroup")).toBeNull();
  expect(screen.getByText(/^This tracker’s computed columns are in CONTRACT functions \(needs the add-in; .*\)\. A column set-up still adds is written in the same\.$/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Set up again" }));
  await screen.findByRole("heading", { name: "Already set up" });
  expect(setUp.mock.calls[0][0].formulas).toBeUndefined();
  expect(screen.queryByText(/^Written in/)).toBeNull();
});

test("after a native set-up, looking again says the tracker is in Excel’s own formulas, and Spend variance is not offered as a register column", async () => {
  const pane = previewWorkbook(NOW);
  renderInPane(<SetUpWizard />, pane);
  await screen.findByText(/27 contracts on the sheet/);
  fireEvent.click(screen.getByRole("radio", { name: NATIVE }));
  fireEvent.click(screen.getByRole("button", { name: "Set up the tracker" }));
  await screen.findByRole("heading", { name: "The tracker is set up" });
  fireEvent.click(screen.getByRole("button", { name: "Look at the mapping again" }));
  await screen.findByText("Already set up");
  expect(screen.getByText(/^This tracker’s computed columns are in Excel’s own formulas \(works for everyone/)).toBeInTheDocument();
  expect(screen.getByText(/^Columns not used:/).textContent).not.toMatch(/Spend variance/);
  const endDate = screen.getByRole("combobox", { name: "End date" });
  fireEvent.click(endDate);
  const options = within(document.getElementById(endDate.getAttribute("aria-controls") ?? "") as HTMLElement).getAllByRole("option");
  expect(options.map((o) => o.textContent)).not.toContain("Spend variance");
});

test("while set-up runs the choice cannot change", async () => {
  renderInPane(<SetUpWizard />, previewWorkbook(NOW));
  await screen.findByText(/27 contracts on the sheet/);
  fireEvent.click(screen.getByRole("button", { name: "Set up the tracker" }));
  expect(screen.getByRole("radio", { name: NATIVE })).toBeDisabled();
  await screen.findByRole("heading", { name: "The tracker is set up" });
});
