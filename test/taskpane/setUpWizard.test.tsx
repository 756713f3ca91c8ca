/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { initialChoices } from "../../src/taskpane/setup/fieldChoices";
import { MappingList } from "../../src/taskpane/setup/MappingList";
import { SetUpWizard } from "../../src/taskpane/setup/SetUpWizard";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { excelLike, renderFast, renderInPane } from "./paneHarness";
import { startClockAt } from "../helpers/clock";

// The sample's dates are placed relative to the preview's day: the tests run on that day, whatever the real clock says.
beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());

expect.extend(toHaveNoViolations);
// Sixteen drop-downs take jsdom a while to render.
configure({ asyncUtilTimeout: 10_000 });

// The set-up wizard over the preview's sample register: it shows what it found and how sure it is,
// takes the user's corrections, creates the tables asked for, and says what it did.

const NOW = new Date(2026, 10, 25);

/** The drop-down of a field, found by the field's name. */
const dropdownOf = (field: string): HTMLElement => screen.getByRole("combobox", { name: field });

/** Chooses an option of a field's drop-down, in that drop-down's own list. */
function pick(field: string, option: string): void {
  const box = dropdownOf(field);
  fireEvent.click(box);
  const list = document.getElementById(box.getAttribute("aria-controls") ?? "");
  if (!list) throw new Error(`The drop-down of ${field} did not open`);
  fireEvent.click(within(list).getByRole("option", { name: option }));
}

test("shows every field with the column mapped to it and how sure that is", async () => {
  const { container } = renderInPane(<SetUpWizard />, previewWorkbook(NOW));
  await screen.findByText(/27 contracts on the sheet “Contract register”: column names in row 4, cells A4:R31\./);
  expect(screen.getByText("16 of 17 fields found. Change any that is wrong; choose “Not in this register” for a field you do not keep.")).toBeInTheDocument();
  expect(dropdownOf("End date")).toHaveTextContent("Expiry Date");
  expect(dropdownOf("Department")).toHaveTextContent("Directorate");
  expect(dropdownOf("Go-live date")).toHaveAccessibleDescription(/83% likely/);
  expect(dropdownOf("Contract ID")).toHaveAccessibleDescription(/100% sure/);
  expect(screen.getByText(/Columns not used: Service Area, Notes\./)).toBeInTheDocument();
  // Performance rating is written by the tracker (Confirm rating), so a register without it lacks nothing; Contract type is a register's own field.
  expect(container.querySelector("#field-performanceRating-cue")?.textContent).toBe("The tracker adds it");
  expect(container.querySelector("#field-contractType-cue")?.textContent).toBe("Not found");
  expect(await axe(container)).toHaveNoViolations();
});

test("a changed mapping and unticked table reach set-up, and the result says what it did", async () => {
  const pane = previewWorkbook(NOW);
  const setUp = jest.spyOn(pane, "setUp");
  const { container, trackerChanged, navigate } = renderInPane(<SetUpWizard />, pane);
  await screen.findByText(/27 contracts on the sheet/);

  pick("Department", "Service Area");
  expect(dropdownOf("Department")).toHaveTextContent("Service Area");
  expect(dropdownOf("Department")).toHaveAccessibleDescription(/Your choice/);
  pick("Notice period", "Not in this register");
  expect(screen.getByText(/Columns not used: Directorate, Notice Period, Notes\./)).toBeInTheDocument();
  fireEvent.click(screen.getByRole("checkbox", { name: /Risks/ }));

  fireEvent.click(screen.getByRole("button", { name: "Set up the tracker" }));
  const heading = await screen.findByRole("heading", { name: "The tracker is set up" });
  expect(setUp.mock.calls[0][0]).toMatchObject({
    sheet: "Contract register",
    corrections: { department: "Service Area", noticePeriod: null },
    createTables: ["Milestones", "KPIs", "Changes", "Escalations"],
  });
  expect(heading).toHaveFocus();
  expect(trackerChanged).toHaveBeenCalledTimes(1);
  const did = screen.getByRole("list", { name: "What set-up did" });
  expect(within(did).getByText("27 contract rows in the Contracts table")).toBeInTheDocument();
  expect(within(did).getByText(/^10 computed columns added: Days to expiry, Final expiry, Decide by, Days to decide, Phase/)).toBeInTheDocument();
  expect(within(did).getByText(/Not added: Notice date \(the register has no notice period column\)/)).toBeInTheDocument();
  expect(within(did).getByText("Tables created: Settings, Milestones, KPIs, Changes, Escalations")).toBeInTheDocument();
  // The sample register writes some dates as text, such as 31/12/2099: day first, as its Settings now say.
  expect(within(did).getByText("Dates such as 1/2/2026 read day first: 1 February")).toBeInTheDocument();
  expect(within(did).getByText("5 data-quality problems found (below)")).toBeInTheDocument();
  const problems = within(screen.getByRole("table", { name: "Data-quality problems" })).getAllByRole("row").slice(1);
  expect(problems.map((r) => within(r).getAllByRole("cell").slice(0, 2).map((c) => c.textContent))).toEqual([
    ["17", "Spend to Date (£)"], ["26", "Contract Ref"], ["27", "Contract Ref"], ["28", "Expiry Date"], ["29", "Expiry Date"],
  ]);
  expect(problems[0]).toHaveTextContent(/Not an amount"n\/k" is not an amount of money/);
  expect(await axe(container)).toHaveNoViolations();

  fireEvent.click(screen.getByRole("button", { name: "See the escalation summary" }));
  expect(navigate).toHaveBeenCalledWith("summary");
});

test("once set up, looking again finds the tracker's own table, and tables already there cannot be ticked off", async () => {
  const pane = previewWorkbook(NOW);
  await pane.sample?.load();
  const { container } = renderInPane(<SetUpWizard />, pane);
  await screen.findByText("Already set up");
  expect(screen.getByText(/This is the tracker’s Contracts table/)).toBeInTheDocument();
  const milestones = screen.getByRole("checkbox", { name: /Milestones — already in the workbook/ });
  expect(milestones).toBeChecked();
  expect(milestones).toBeDisabled();
  // The computed columns are the tracker's own: they are not offered as register columns.
  fireEvent.click(dropdownOf("End date"));
  const options = within(document.getElementById(dropdownOf("End date").getAttribute("aria-controls") ?? "") as HTMLElement).getAllByRole("option");
  expect(options.map((o) => o.textContent)).toContain("Expiry Date");
  expect(options.map((o) => o.textContent)).not.toContain("RAG");
  fireEvent.keyDown(dropdownOf("End date"), { key: "Escape" });
  fireEvent.click(screen.getByRole("button", { name: "Set up again" }));
  await screen.findByRole("heading", { name: "Already set up" });
  expect(screen.getByText(/already had everything: nothing changed/)).toBeInTheDocument();
  expect(await axe(container)).toHaveNoViolations();
});

test("in the preview, Load the sample tracker sets it all up in one click", async () => {
  renderInPane(<SetUpWizard />, previewWorkbook(NOW));
  fireEvent.click(await screen.findByRole("button", { name: "Load the sample tracker" }));
  await screen.findByRole("heading", { name: "The tracker is set up" });
  expect(screen.getByText("Tables created: Settings, Milestones, KPIs, Risks, Changes, Escalations")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Load the sample tracker" })).toBeNull();
});

test("a progress bar says which step set-up is on while it runs", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Ref", "Supplier", "End date"], ["C-1", "Acme", 46500]] });
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow = new Proxy(book, {
    get(target, property, receiver) {
      if (property === "appendComputedColumns") return async (...args: Parameters<WorkbookPort["appendComputedColumns"]>) => {
        await gate;
        return target.appendComputedColumns(...args);
      };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const { container } = renderInPane(<SetUpWizard />, excelLike(slow));
  fireEvent.click(await screen.findByRole("button", { name: "Set up the tracker" }));
  const bar = await screen.findByRole("progressbar", { name: "Adding the computed columns…" });
  expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0.4);
  expect(screen.getByRole("button", { name: "Set up the tracker" })).toBeDisabled();
  expect(await axe(container)).toHaveNoViolations();
  await act(async () => release());
  await screen.findByRole("heading", { name: "The tracker is set up" });
});

test("failures are red messages that say what to do; Look again retries", async () => {
  const book = MemoryWorkbook.fromSheets({ Notes: [["Shopping list"], ["Milk"]] });
  const { container } = renderInPane(<SetUpWizard />, excelLike(book));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Could not find a register");
  expect(alert).toHaveTextContent(/No header row found on the sheet "Notes": .*\. Open the sheet that holds your register .* and press Look again\./);
  expect(await axe(container)).toHaveNoViolations();
  book.sheets.set("Register", [["Ref", "Supplier", "End date"], ["C-1", "Acme", 46500]].map((r) => r.map((value) => ({ value }))));
  book.active = "Register";
  fireEvent.click(within(alert).getByRole("button", { name: "Look again" }));
  await screen.findByText(/1 contract on the sheet “Register”/);
});

test("an error from the workbook while converting is shown, and the form stays to try again", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Ref", "Supplier", "End date"], ["C-1", "Acme", 46500]] });
  // A table of the user's already holds a cell of the register: Excel cannot make another over it.
  await book.convertToTable("Other", "Register", 1, 0, 1, 1);
  renderInPane(<SetUpWizard />, excelLike(book));
  fireEvent.click(await screen.findByRole("button", { name: "Set up the tracker" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent('Set-up stoppedThat range overlaps the table "Other". Fix what the message says');
  expect(screen.getByRole("button", { name: "Set up the tracker" })).toBeEnabled();
});

test("the register is read once: set-up uses the wizard's read instead of reading the sheet again", async () => {
  const pane = previewWorkbook(NOW);
  const reads = jest.spyOn(pane.port, "readUsedRange");
  renderInPane(<SetUpWizard />, pane);
  await screen.findByText(/27 contracts on the sheet/);
  fireEvent.click(screen.getByRole("button", { name: "Set up the tracker" }));
  await screen.findByRole("heading", { name: "The tracker is set up" });
  expect(reads).toHaveBeenCalledTimes(1);
});

// One column per field, and the user decides: choosing a column another field holds asks first,
// at the field; the field that loses its column says so; set-up waits for a Contract ID or for the
// user's word that the register has none.

const MOVE_QUESTION = "“Contract Ref” is Contract ID’s column. Use it for Title instead? Contract ID will be left without a column.";

test("choosing the ID column for Title asks at the field, and keeping leaves everything as it was", async () => {
  const { container } = renderInPane(<SetUpWizard />, previewWorkbook(NOW));
  await screen.findByText(/27 contracts on the sheet/);
  pick("Title", "Contract Ref");
  const question = screen.getByRole("group", { name: MOVE_QUESTION });
  // Asked where the user is looking: inside the Title field's item of the list.
  expect(dropdownOf("Title").closest("li")).toContainElement(question);
  // Nothing has moved yet.
  expect(dropdownOf("Title")).toHaveTextContent("Contract Title");
  expect(dropdownOf("Contract ID")).toHaveTextContent("Contract Ref");
  expect(within(question).getByRole("button", { name: "Use it for Title" })).toHaveFocus();
  expect(await axe(container)).toHaveNoViolations();

  fireEvent.click(within(question).getByRole("button", { name: "Keep it for Contract ID" }));
  expect(screen.queryByRole("group", { name: MOVE_QUESTION })).toBeNull();
  await waitFor(() => expect(dropdownOf("Title")).toHaveFocus());
  expect(dropdownOf("Title")).toHaveTextContent("Contract Title");
  expect(dropdownOf("Contract ID")).toHaveTextContent("Contract Ref");

  // By the keyboard: Escape in the question keeps things as they were too.
  pick("Title", "Contract Ref");
  fireEvent.keyDown(screen.getByRole("button", { name: "Use it for Title" }), { key: "Escape" });
  expect(screen.queryByRole("group", { name: MOVE_QUESTION })).toBeNull();
  await waitFor(() => expect(dropdownOf("Title")).toHaveFocus());
  expect(dropdownOf("Contract ID")).toHaveTextContent("Contract Ref");
  expect(screen.getByRole("button", { name: "Set up the tracker" })).toBeEnabled();
});

test("moving it: Contract ID says where its column went, and set-up waits until the user says the register has no IDs", async () => {
  const pane = previewWorkbook(NOW);
  const setUp = jest.spyOn(pane, "setUp");
  const { container } = renderInPane(<SetUpWizard />, pane);
  await screen.findByText(/27 contracts on the sheet/);
  pick("Title", "Contract Ref");
  fireEvent.click(screen.getByRole("button", { name: "Use it for Title" }));
  await waitFor(() => expect(dropdownOf("Title")).toHaveFocus());
  expect(dropdownOf("Title")).toHaveTextContent("Contract Ref");
  expect(dropdownOf("Title")).toHaveAccessibleDescription(/Your choice/);
  expect(dropdownOf("Contract ID")).toHaveTextContent("Not in this register");
  expect(dropdownOf("Contract ID")).toHaveAccessibleDescription(/Moved to Title Its column “Contract Ref” now holds Title\. Choose another column, or “Not in this register”\./);
  // Contract ID says it moved, not that it was never found (fields the sample lacks, such as Contract type, say Not found).
  expect(container.querySelector("#field-contractId-cue")?.textContent).toBe("Moved to Title");

  // The button says why it waits, and can be reached to hear it.
  const button = screen.getByRole("button", { name: "Set up the tracker" });
  expect(button).toHaveAttribute("aria-disabled", "true");
  expect(button).toHaveAccessibleDescription(/No Contract ID column.*Set-up needs the column that tells your contracts apart/);
  button.focus();
  expect(button).toHaveFocus();
  fireEvent.click(button);
  expect(setUp).not.toHaveBeenCalled();

  fireEvent.click(screen.getByRole("checkbox", { name: "This register has no contract IDs — name contracts by their row" }));
  expect(button).not.toHaveAttribute("aria-disabled");
  expect(button).toHaveAccessibleDescription(/Each contract is named by its sheet row, such as “Row 5”/);
  // The tables that link rows to a contract by its ID cannot be made for it; the log can.
  for (const table of ["Milestones", "KPIs", "Risks", "Changes"]) {
    const box = screen.getByRole("checkbox", { name: new RegExp(`^${table} — needs a Contract ID column`) });
    expect(box).toBeDisabled();
    expect(box).not.toBeChecked();
  }
  expect(screen.getByRole("checkbox", { name: /^Escalations/ })).toBeChecked();
  expect(await axe(container)).toHaveNoViolations();

  fireEvent.click(button);
  await screen.findByRole("heading", { name: "The tracker is set up" });
  expect(setUp.mock.calls[0][0]).toMatchObject({ corrections: { title: "Contract Ref", contractId: null }, noContractIds: true });
  const did = screen.getByRole("list", { name: "What set-up did" });
  expect(within(did).getByText(/^No Contract ID column, as you said: each contract is named by its sheet row \(Row 5 to Row 31\)/)).toBeInTheDocument();
  expect(within(did).getByText(/^Not created: Milestones, KPIs, Risks, Changes: their rows name a contract by its Contract ID/)).toBeInTheDocument();
  expect(within(did).getByText("Tables created: Settings, Escalations")).toBeInTheDocument();
  // No problem is about an ID the register does not have, and nothing anywhere says undefined.
  const problems = within(screen.getByRole("table", { name: "Data-quality problems" })).getAllByRole("row").slice(1);
  expect(problems.map((r) => within(r).getAllByRole("cell")[1].textContent)).not.toContain("Contract ID");
  expect(container.textContent).not.toMatch(/undefined|null/);
  expect(await axe(container)).toHaveNoViolations();
});

test("choosing a column for Contract ID again takes the box away and lets set-up run keyed by ID", async () => {
  renderInPane(<SetUpWizard />, previewWorkbook(NOW));
  await screen.findByText(/27 contracts on the sheet/);
  pick("Contract ID", "Not in this register");
  expect(screen.getByRole("button", { name: "Set up the tracker" })).toHaveAttribute("aria-disabled", "true");
  expect(screen.getByRole("checkbox", { name: /This register has no contract IDs/ })).not.toBeChecked();
  pick("Contract ID", "Contract Ref");
  expect(screen.queryByRole("checkbox", { name: /This register has no contract IDs/ })).toBeNull();
  expect(screen.getByRole("button", { name: "Set up the tracker" })).toBeEnabled();
});

test("a register set up keyed by row opens with the user's word remembered", async () => {
  const pane = previewWorkbook(NOW);
  await pane.setUp({ corrections: { contractId: null }, noContractIds: true });
  renderInPane(<SetUpWizard />, pane);
  await screen.findByText("Already set up");
  expect(dropdownOf("Contract ID")).toHaveTextContent("Not in this register");
  expect(screen.getByRole("checkbox", { name: /This register has no contract IDs/ })).toBeChecked();
  expect(screen.getByRole("button", { name: "Set up again" })).toBeEnabled();
});

test("why a column was chosen is shown under the field; the user's own choices say so instead", () => {
  const headers = ["Ref", "Supplier", "Ends"];
  const choices = initialChoices({
    endDate: { column: "Ends", index: 2, confidence: 0.98, why: 'header "Ends"; dates in 98% of rows' },
    supplier: { column: "Supplier", index: 1, confidence: 0.9, why: 'header "Supplier"' },
    contractId: { column: "Ref", index: 0, confidence: 1, why: "your choice" },
  });
  renderFast(<MappingList headers={headers} choices={{ ...choices, title: { header: "Supplier", confidence: null, byUser: true } }} onChoose={() => undefined} />);
  expect(screen.getByText("Why: dates in 98% of rows")).toBeInTheDocument();
  expect(dropdownOf("End date")).toHaveAccessibleDescription(/98% sure Why: dates in 98% of rows/);
  // The header is the drop-down's value: a reason that only repeats it is not shown. A saved choice is sure, with no detection reason to show.
  expect(dropdownOf("Supplier").getAttribute("aria-describedby")).not.toMatch(/note/);
  expect(dropdownOf("Contract ID")).toHaveAccessibleDescription(/100% sure$/);
  expect(dropdownOf("Title")).toHaveAccessibleDescription(/Your choice$/);
  expect(screen.queryByText(/Why: your choice/)).toBeNull();
});
