/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { ContractView } from "../../src/taskpane/contract/ContractView";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { AS_OF, excelLike, hostileTracker, renderInPane } from "./paneHarness";
import { renderLive, sampleTracker, statusOf, NOW } from "./viewsHarness";
import { startClockAt } from "../helpers/clock";
import { LOT_1_ROW, LOT_2_ROW, SHARED_ID_REGISTER, buildSharedIdTracker } from "../features/paneTracker";

// The sample's dates are placed relative to the preview's day: the tests run on that day, whatever the real clock says.
beforeAll(() => startClockAt(NOW));
afterAll(() => jest.useRealTimers());

expect.extend(toHaveNoViolations);
configure({ asyncUtilTimeout: 10_000 });

// The contract card over the preview's sample tracker: it follows the selected row, can be picked
// from a list, shows the contract's records, and its forms check each field and append the row.

const lastEscalation = (book: MemoryWorkbook): unknown[] => book.snapshot("Escalations").rows.at(-1) ?? [];
const bodyIndexOf = (book: MemoryWorkbook, id: string): number => book.snapshot("Contracts").rows.findIndex((r) => r[0] === id);

test("follows the row selected in the Contracts table and shows its status, fields and records", async () => {
  const { workbook, book } = await sampleTracker();
  const { container } = renderInPane(<ContractView active />, workbook);
  await screen.findByText(/No contract chosen yet/);
  await act(() => book.selectTableCell("Contracts", bodyIndexOf(book, "NBC-C-0105"), "Contract Ref"));
  await screen.findByRole("heading", { name: "ICT service desk and end-user support" });
  const status = screen.getByRole("region", { name: "Status of NBC-C-0105" });
  expect(status).toHaveTextContent("RedLevel 2Escalate to Commercial lead / head of service");
  expect(within(status).getByRole("list", { name: "Why NBC-C-0105 is Red" })).toHaveTextContent('Milestone "Service transition complete" 60 days late');
  expect(status).toHaveTextContent(/Action: Milestone "Service transition complete" 60 days late: agree recovery plan with supplier/);
  const milestones = screen.getByRole("list", { name: "Milestones" });
  expect(within(milestones).getAllByRole("listitem").map((li) => li.querySelector("span")?.textContent)).toEqual(["Staff transfer (TUPE) complete", "Service transition complete"]);
  expect(within(milestones).getAllByRole("listitem")[1]).toHaveTextContent("60 days late · owner Northpoint Digital Ltd");
  expect(screen.getByRole("heading", { name: "Risks (1)" })).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "KPIs (0)" })).toBeInTheDocument();
  expect(screen.getByText("Contract manager").nextElementSibling).toHaveTextContent("Aisha Khan");
  expect(screen.getByRole("combobox", { name: "Contract" })).toHaveValue("NBC-C-0105 — ICT service desk and end-user support");

  // Another row: the card moves with it; a cell off the table leaves it where it is.
  await act(() => book.selectTableCell("Contracts", bodyIndexOf(book, "NBC-C-0102"), "Supplier"));
  await screen.findByRole("heading", { name: "Highways term maintenance" });
  await act(async () => book.select("Contract register", 0, 0));
  expect(screen.getByRole("heading", { name: "Highways term maintenance" })).toBeInTheDocument();
  expect(screen.getByRole("list", { name: "Changes" })).toHaveTextContent("CHG-0001");
  expect(await axe(container)).toHaveNoViolations();
});

test("opens on the row already selected when its tab is shown (as the dashboard leaves it)", async () => {
  const { workbook, book } = await sampleTracker();
  await book.selectTableCell("Contracts", bodyIndexOf(book, "NBC-C-0101"), "Contract Ref");
  renderInPane(<ContractView active />, workbook);
  await screen.findByRole("heading", { name: "Household waste and recycling collection" });
  expect(screen.getByRole("list", { name: "Escalations" })).toHaveTextContent(/ESC-\d{8}-001Level 3In progressExpires in 85 days; replacement tender still open/);
});

test("the searchable list picks a contract by ID, title or supplier", async () => {
  const { workbook } = await sampleTracker();
  renderInPane(<ContractView active />, workbook);
  const box = await screen.findByRole("combobox", { name: "Contract" });
  fireEvent.click(box);
  fireEvent.change(box, { target: { value: "leisure" } });
  fireEvent.click(await screen.findByRole("option", { name: "NBC-C-0103 — Leisure centres management" }));
  await screen.findByRole("heading", { name: "Leisure centres management" });
  expect(screen.getByRole("region", { name: "Status of NBC-C-0103" })).toHaveTextContent(/Notice date .* passed/);
  fireEvent.change(box, { target: { value: "zzz" } });
  expect(await screen.findByRole("option", { name: "No contract matches “zzz”" })).toHaveAttribute("aria-disabled", "true");
});

test("Add milestone: a bad date is said under its field and nothing is added; a good one appends the row and the card shows it", async () => {
  const { workbook, book } = await sampleTracker();
  await book.selectTableCell("Contracts", bodyIndexOf(book, "NBC-C-0104"), "Contract Ref");
  const before = book.snapshot("Milestones").rows.length;
  const view = renderLive(<ContractView active />, workbook);
  await screen.findByRole("heading", { name: "Home care framework (adults)" });
  expect(screen.getByRole("heading", { name: "Milestones (1)" })).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Add milestone" }));
  const dialog = await screen.findByRole("dialog", { name: "Add milestone" });
  await waitFor(() => expect(within(dialog).getByRole("textbox", { name: /^Milestone/ })).toHaveFocus());
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Milestone/ }), { target: { value: "Rural wards <b>recruitment</b> drive" } });
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Baseline date/ }), { target: { value: "31/02/2026" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  const baseline = within(dialog).getByRole("textbox", { name: /^Baseline date/ });
  await waitFor(() => expect(baseline).toHaveAttribute("aria-invalid", "true"));
  expect(baseline).toHaveAccessibleDescription(/^Baseline date: "31\/02\/2026" is not a real date \(no day 31 in month 2 of 2026\)/);
  expect(baseline).toHaveFocus();
  expect(book.snapshot("Milestones").rows).toHaveLength(before);
  expect(await axe(document.body)).toHaveNoViolations();

  fireEvent.change(baseline, { target: { value: "15/12/2026" } });
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Owner/ }), { target: { value: "Daniel Reyes" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(statusOf(document.body)).toHaveTextContent("Milestone “Rural wards <b>recruitment</b> drive” added to the Milestones table for NBC-C-0104.");
  const rows = book.snapshot("Milestones");
  expect(rows.rows).toHaveLength(before + 1);
  const added = rows.rows[before];
  expect(added[rows.headers.indexOf("Contract ID")]).toBe("NBC-C-0104");
  expect(added[rows.headers.indexOf("Milestone")]).toBe("Rural wards <b>recruitment</b> drive");
  expect(view.changes()).toBe(1);
  await screen.findByRole("heading", { name: "Milestones (2)" });
  expect(within(screen.getByRole("list", { name: "Milestones" })).getByText("Rural wards <b>recruitment</b> drive")).toBeInTheDocument();
  expect(view.container.querySelector("b")).toBeNull();
});

test("Add risk, Record change and Log escalation append their rows and say what they did", async () => {
  const { workbook, book } = await sampleTracker();
  await book.selectTableCell("Contracts", bodyIndexOf(book, "NBC-C-0106"), "Contract Ref");
  renderLive(<ContractView active />, workbook);
  await screen.findByRole("heading", { name: "School meals catering" });

  fireEvent.click(screen.getByRole("button", { name: "Add risk" }));
  let dialog = await screen.findByRole("dialog", { name: "Add risk" });
  await waitFor(() => expect(within(dialog).getByRole("textbox", { name: /^Risk/ })).toHaveFocus());
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await within(dialog).findByText("Risk: say what might happen");
  expect(within(dialog).getByText("Likelihood: a whole number from 1 to 5")).toBeInTheDocument();
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Risk/ }), { target: { value: "Kitchen staff leave before the new contract" } });
  fireEvent.change(within(dialog).getByRole("combobox", { name: /^Likelihood/ }), { target: { value: "4" } });
  fireEvent.change(within(dialog).getByRole("combobox", { name: /^Impact/ }), { target: { value: "4" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(document.body)).toHaveTextContent("Risk added to the Risks table for NBC-C-0106: score 16 (Red)."));
  await screen.findByRole("heading", { name: "Risks (1)" });

  fireEvent.click(screen.getByRole("button", { name: "Record change" }));
  dialog = await screen.findByRole("dialog", { name: "Record change" });
  await waitFor(() => expect(within(dialog).getByRole("textbox", { name: /^Description/ })).toHaveFocus());
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Description/ }), { target: { value: "Extend by three months" } });
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Value impact/ }), { target: { value: "£575,000" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(document.body)).toHaveTextContent(/^Change CHG-20261125-001 recorded in the Changes table for NBC-C-0106\.$/));
  expect(await screen.findByRole("list", { name: "Changes" })).toHaveTextContent("+575,000");

  fireEvent.click(screen.getByRole("button", { name: "Log escalation" }));
  dialog = await screen.findByRole("dialog", { name: "Log escalation" });
  await waitFor(() => expect(within(dialog).getByRole("combobox", { name: /^Level/ })).toHaveFocus());
  // It starts at the contract's level on the ladder now.
  expect(within(dialog).getByRole("combobox", { name: /^Level/ })).toHaveValue("2");
  // A level below the recommended one is a caution under the field, not a refusal.
  const level = within(dialog).getByRole("combobox", { name: /^Level/ });
  fireEvent.change(level, { target: { value: "1" } });
  expect(level).toHaveAccessibleDescription(/^Below the recommended level 2 \(Commercial lead \/ head of service\) for this contract/);
  fireEvent.change(level, { target: { value: "3" } });
  expect(level).not.toHaveAccessibleDescription(/recommended/);
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Reason/ }), { target: { value: "Ends in 60 days with no replacement" } });
  // Who raised it is required: the product never signs a person's action.
  const raisedBy = within(dialog).getByRole("textbox", { name: /^Raised by/ });
  expect(raisedBy).toHaveValue("");
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await within(dialog).findByText("Raised by: say who is raising it");
  fireEvent.change(raisedBy, { target: { value: "Priya Shah" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(document.body)).toHaveTextContent(/^Escalation ESC-20261125-\d{3} logged in the Escalations log for NBC-C-0106: level 3, to Senior responsible owner \/ board\.$/));
  expect(await screen.findByRole("list", { name: "Escalations" })).toHaveTextContent("Ends in 60 days with no replacement");
  expect(lastEscalation(book)).toContain("Priya Shah");

  // The next escalation starts with the name last typed here (once the saved one's dialog has gone).
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  fireEvent.click(screen.getByRole("button", { name: "Log escalation" }));
  dialog = await screen.findByRole("dialog", { name: "Log escalation" });
  expect(within(dialog).getByRole("textbox", { name: /^Raised by/ })).toHaveValue("Priya Shah");
  localStorage.clear();
});

test("Record change refuses an approval before its request and Approved with no approver, under each field", async () => {
  const { workbook, book } = await sampleTracker();
  await book.selectTableCell("Contracts", bodyIndexOf(book, "NBC-C-0106"), "Contract Ref");
  renderLive(<ContractView active />, workbook);
  await screen.findByRole("heading", { name: "School meals catering" });
  const changesBefore = book.snapshot("Changes").rows.length;
  fireEvent.click(screen.getByRole("button", { name: "Record change" }));
  const dialog = await screen.findByRole("dialog", { name: "Record change" });
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Description/ }), { target: { value: "Extend by three months" } });
  fireEvent.change(within(dialog).getByRole("combobox", { name: /^Status/ }), { target: { value: "Approved" } });
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Requested/ }), { target: { value: "20/11/2026" } });
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Approved on/ }), { target: { value: "19/11/2026" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(within(dialog).getByRole("textbox", { name: /^Approved on/ })).toHaveAccessibleDescription(/^Approved on: 19 Nov 2026 is before the request date, 20 Nov 2026/));
  expect(within(dialog).getByRole("textbox", { name: /^Approved by/ })).toHaveAccessibleDescription(/^Approved by: say who approved it \(the status is Approved\)/);
  expect(book.snapshot("Changes").rows).toHaveLength(changesBefore);
  expect(await axe(document.body)).toHaveNoViolations();
});

test("a form the workbook refuses says so in the dialog and keeps what was typed", async () => {
  const { workbook, book } = await sampleTracker();
  await book.selectTableCell("Contracts", bodyIndexOf(book, "NBC-C-0104"), "Contract Ref");
  jest.spyOn(book, "appendRows").mockRejectedValue(new Error("The sheet Milestones is protected"));
  renderLive(<ContractView active />, workbook);
  await screen.findByRole("heading", { name: "Home care framework (adults)" });
  fireEvent.click(screen.getByRole("button", { name: "Add milestone" }));
  const dialog = await screen.findByRole("dialog", { name: "Add milestone" });
  await waitFor(() => expect(within(dialog).getByRole("textbox", { name: /^Milestone/ })).toHaveFocus());
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Milestone/ }), { target: { value: "Go-live" } });
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Baseline date/ }), { target: { value: "01/12/2026" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent("Could not add milestoneThe sheet Milestones is protected. Fix what the message says, then press Save again; nothing was added.");
  expect(within(dialog).getByRole("textbox", { name: /^Milestone/ })).toHaveValue("Go-live");
});

test("cell text is shown as text, never as markup", async () => {
  const book = await hostileTracker();
  book.select("Register", 1, 0);
  const { container } = renderInPane(<ContractView active />, excelLike(book));
  await screen.findByRole("heading", { name: "<img src=x onerror=alert(1)>" });
  expect(screen.getByText("<b>Binco</b> Ltd")).toBeInTheDocument();
  expect(container.querySelector("img, b")).toBeNull();
  expect(await axe(container)).toHaveNoViolations();
});

test("before set-up it says there is no tracker and offers Set up", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Ref", "Supplier", "End date"], ["C-1", "Acme", AS_OF + 30]] });
  const { navigate, container } = renderInPane(<ContractView active />, excelLike(book));
  await screen.findByText("No tracker yet");
  fireEvent.click(screen.getByRole("button", { name: "Go to Set up" }));
  expect(navigate).toHaveBeenCalledWith("setup");
  expect(await axe(container)).toHaveNoViolations();
});

test("the card shows each amount in the currency the register wrote it in", async () => {
  const rows = [
    ["Ref", "Contract title", "Expiry", "Annual value", "Total value"],
    ["C-1", "Cleaning", "31/03/2030", "€12,500", "£1,234,567"],
    ["C-2", "Catering", "31/03/2030", 800, "USD 4,000"],
  ];
  const book = MemoryWorkbook.fromSheets({ Register: rows });
  await setUpTracker(book, { asOf: AS_OF });
  renderInPane(<ContractView active />, excelLike(book));
  await act(() => book.selectTableCell("Contracts", 0, "Ref"));
  await screen.findByRole("heading", { name: "Cleaning" });
  expect(screen.getByText("Annual value").nextElementSibling).toHaveTextContent("€12,500");
  expect(screen.getByText("Total value").nextElementSibling).toHaveTextContent("£1,234,567");
  await act(() => book.selectTableCell("Contracts", 1, "Ref"));
  await screen.findByRole("heading", { name: "Catering" });
  // A number cell says no currency: the amount alone.
  expect(screen.getByText("Annual value").nextElementSibling).toHaveTextContent(/^800$/);
  expect(screen.getByText("Total value").nextElementSibling).toHaveTextContent("US$4,000");
});

test("a register keyed by row: the card names the contract by its row and says why records cannot be added", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Contract title", "Provider", "Expiry"], ["Cleaning", "Binco Ltd", "31/12/2026"], ["Catering", "Shine Ltd", "31/03/2030"]] });
  await setUpTracker(book, { asOf: AS_OF, createTables: ["Escalations"], noContractIds: true });
  const { container } = renderInPane(<ContractView active />, excelLike(book));
  await act(() => book.selectTableCell("Contracts", 0, "Contract title"));
  await screen.findByRole("heading", { name: "Cleaning" });
  expect(screen.getByRole("region", { name: "Status of Row 2" })).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Contract" })).toHaveValue("Row 2 — Cleaning");
  expect(screen.getByText(/The register has no Contract ID column, so contracts are named by their row, as “Row 2”: add an ID column and set up again/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Add milestone" })).toBeNull();
  expect(container.textContent).not.toMatch(/undefined|null/);
  expect(await axe(container)).toHaveNoViolations();
});

test("two rows sharing an ID: the card warns at the top, goes to the other row, marks records that cannot say which, and adds a risk to this row only", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: SHARED_ID_REGISTER.map((r) => [...r]) });
  await buildSharedIdTracker(book);
  await book.selectTableCell("Contracts", LOT_2_ROW - 2, "Ref");
  const view = renderLive(<ContractView active />, excelLike(book));
  await screen.findByRole("heading", { name: "Cleaning – Lot 2 South" });
  const warning = screen.getByText(/^Rows 3 and 5 share the ID c-104: records in the other tables cannot tell them apart by the ID alone\./).closest<HTMLElement>(".fui-MessageBar");
  expect(warning).not.toBeNull();
  // At the top of the card: before its title.
  expect(warning?.compareDocumentPosition(screen.getByRole("heading", { name: "Cleaning – Lot 2 South" })) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  expect(warning).toHaveTextContent("Records added here say “Cleaning – Lot 2 South” in their Which contract column, so they stay with this row (5)");
  const risks = screen.getByRole("list", { name: "Risks" });
  expect(within(risks).getByRole("listitem")).toHaveTextContent("Staff shortage");
  expect(within(risks).getByRole("listitem")).toHaveTextContent("Can't tell which of rows 3 and 5");
  expect(await axe(view.container)).toHaveNoViolations();

  fireEvent.click(screen.getByRole("button", { name: "Add risk" }));
  const dialog = await screen.findByRole("dialog", { name: "Add risk" });
  expect(dialog).toHaveTextContent("A risk to c-104 (row 5, “Cleaning – Lot 2 South”)");
  await waitFor(() => expect(within(dialog).getByRole("textbox", { name: /^Risk/ })).toHaveFocus());
  fireEvent.change(within(dialog).getByRole("textbox", { name: /^Risk/ }), { target: { value: "Lift breaks down" } });
  fireEvent.change(within(dialog).getByRole("combobox", { name: /^Likelihood/ }), { target: { value: "4" } });
  fireEvent.change(within(dialog).getByRole("combobox", { name: /^Impact/ }), { target: { value: "4" } });
  fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(statusOf(document.body)).toHaveTextContent("Risk added to the Risks table for c-104 (Cleaning – Lot 2 South): score 16 (Red)."));
  await screen.findByRole("heading", { name: "Risks (2)" });
  expect(within(screen.getByRole("list", { name: "Risks" })).getAllByRole("listitem")[1]).not.toHaveTextContent("Can't tell");

  // The other line: its card, and its row selected in the sheet; the new risk is not on it.
  fireEvent.click(screen.getByRole("button", { name: "Go to row 3, Cleaning – Lot 1 North" }));
  await screen.findByRole("heading", { name: "Cleaning – Lot 1 North" });
  await waitFor(() => expect(book.selection).toMatchObject({ sheet: "Register", row: LOT_1_ROW - 1 }));
  expect(screen.getByRole("heading", { name: "Risks (1)" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Go to row 5, Cleaning – Lot 2 South" })).toBeInTheDocument();
});

test("a contract whose ID is its own has no warning", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: SHARED_ID_REGISTER.map((r) => [...r]) });
  await buildSharedIdTracker(book);
  await book.selectTableCell("Contracts", 0, "Ref");
  renderInPane(<ContractView active />, excelLike(book));
  await screen.findByRole("heading", { name: "Catering" });
  expect(screen.queryByText(/share the ID/)).toBeNull();
  expect(screen.queryByText(/Can't tell which/)).toBeNull();
});
