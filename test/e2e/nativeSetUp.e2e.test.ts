import * as path from "path";
import type { Page } from "playwright-core";
import type { SetUpReport } from "../../src/features/setUpTracker";
import type { PreviewWindow } from "../../src/taskpane/paneWorkbook";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { OPTIONAL_TABLES } from "../../src/taskpane/setup/SetUpWizard";
import { servedPane, ARTIFACTS, axeViolations, screenshot } from "./pane";

// The built pane's preview in headless Chromium: a contract manager who shares the tracker with
// people without the add-in picks "Excel's own formulas" by keyboard, sets up the sample register,
// and reads which rows hold values read at set-up; the tracker's computed columns hold no CONTRACT
// function. At the narrowest pane Office gives (360 px) and a wide one (800 px).

const consoleErrors: string[] = [];

const CHOICE = "3. Formulas for the computed columns";
const NATIVE = /^Excel’s own formulas \(works for everyone who opens the workbook: Excel without the add-in, Excel for iPad, LibreOffice\)$/;
const CONTRACT = /^CONTRACT functions \(needs the add-in; reads dates and periods typed as text\)$/;

/** What set-up reports for the sample set up as the wizard sets it up, in Excel's own formulas. */
async function expectedReport(): Promise<SetUpReport> {
  return previewWorkbook(new Date()).setUp({ formulas: "native", createTables: OPTIONAL_TABLES.map((t) => t.name) });
}

async function openPane(width: number): Promise<Page> {
  const context = await served.browser.newContext({ viewport: { width, height: 900 }, locale: "en-GB", colorScheme: "light" });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(`${served.url}taskpane.html`);
  await page.getByText(/^27 contracts on the sheet “Contract register”/).waitFor();
  return page;
}

/** The formulas of a column of the preview's Contracts table, read from the page. */
function formulasIn(page: Page, column: string): Promise<(string | null)[]> {
  return page.evaluate((name) => {
    const inspector = (window as PreviewWindow).contractTrackerPreview;
    if (!inspector) throw new Error("the preview's inspector is missing");
    return inspector.formulas("Contracts", name);
  }, column);
}

const served = servedPane();

test("at 360 px: Excel's own formulas chosen by keyboard, set up, and the result says which rows hold values read at set-up", async () => {
  const page = await openPane(360);
  const group = page.getByRole("radiogroup", { name: CHOICE });
  const contract = group.getByRole("radio", { name: CONTRACT });
  const native = group.getByRole("radio", { name: NATIVE });
  await expect(contract.isChecked()).resolves.toBe(true);
  // Tab reaches the chosen radio; the arrow key moves the choice.
  await page.getByRole("combobox", { name: "Status", exact: true }).focus();
  for (let i = 0; i < 10 && !(await contract.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(contract.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("ArrowDown");
  await expect(native.isChecked()).resolves.toBe(true);
  await page.getByText(/^Rows whose dates or periods are typed as text keep the value read at set-up/).waitFor();
  // Nothing scrolls sideways in the narrow pane; the choice's text wraps inside it.
  await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  const box = await group.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  await page.getByRole("heading", { name: CHOICE }).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: path.join(ARTIFACTS, "setup-formulas-360.png") });
  await expect(axeViolations(page)).resolves.toEqual([]);

  const expected = await expectedReport();
  await page.getByRole("button", { name: "Set up the tracker", exact: true }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();
  const did = page.getByRole("list", { name: "What set-up did" });
  await did.getByText("Written in Excel’s own formulas: the tracker works for everyone who opens the workbook, with or without the add-in").waitFor();
  const rows = did.getByRole("list", { name: "Rows holding values read at set-up" });
  await expect(rows.getByRole("listitem").allTextContents()).resolves.toEqual(expected.readAtSetUp.map((c) => `${c.column}: ${c.rows} ${c.rows === 1 ? "row" : "rows"}`));
  await did.getByText(/^Not added: RAG reason \(its sentence is written by CONTRACT\.RAGREASON, which needs the add-in/).waitFor();

  // The tracker's Days to expiry: a formula on every row, none of them a CONTRACT function.
  const days = await formulasIn(page, "Days to expiry");
  expect(days).toHaveLength(27);
  expect(days.every((f) => typeof f === "string" && f.startsWith("="))).toBe(true);
  expect(days.filter((f) => f?.includes("CONTRACT."))).toEqual([]);
  for (const column of expected.addedColumns) expect((await formulasIn(page, column)).filter((f) => f?.includes("CONTRACT."))).toEqual([]);

  await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  await screenshot(page, "setup-native-result-360");
  await expect(axeViolations(page)).resolves.toEqual([]);
  await page.context().close();
});

test("at 800 px the choice and the result lay out in the wider pane", async () => {
  const page = await openPane(800);
  await page.getByRole("radiogroup", { name: CHOICE }).getByRole("radio", { name: NATIVE }).check();
  await page.getByRole("heading", { name: CHOICE }).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: path.join(ARTIFACTS, "setup-formulas-800.png") });
  await page.getByRole("button", { name: "Set up the tracker", exact: true }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();
  await page.getByRole("list", { name: "Rows holding values read at set-up" }).waitFor();
  await screenshot(page, "setup-native-result-800");
  expect((await formulasIn(page, "Days to expiry")).filter((f) => f === null || f.includes("CONTRACT."))).toEqual([]);
  // Looking again: the tracker says which formulas it is in; there is no choice to make.
  await page.getByRole("button", { name: "Look at the mapping again" }).click();
  await page.getByText(/^This tracker’s computed columns are in Excel’s own formulas/).waitFor();
  await expect(page.getByRole("radiogroup", { name: CHOICE }).count()).resolves.toBe(0);
  await page.getByRole("heading", { name: CHOICE }).evaluate((e) => e.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: path.join(ARTIFACTS, "setup-formulas-in-place-800.png") });
  await expect(axeViolations(page)).resolves.toEqual([]);
  await page.context().close();
});

test("no console errors", () => {
  expect(consoleErrors).toEqual([]);
});
