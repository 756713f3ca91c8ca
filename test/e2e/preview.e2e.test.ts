import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { EscalationSummary } from "../../src/core/summaryTypes";
import { valueAtRiskText } from "../../src/core/summaryRender";
import { readTracker, summarise } from "../../src/features/trackerData";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { launchChromium } from "./browser";
import { ARTIFACTS, DIST, axeViolations, moreViews, needBuild, screenshot, viewNames } from "./pane";
import { serveDirectory } from "./server";

// The built pane in headless Chromium outside Office: the preview over the sample register. A
// contract manager walks the set-up wizard, corrects a mapping, converts, reads the summary, copies
// it for an email and writes the summary sheet; the same in dark mode; nothing logs an error.

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const CHECKED_TABLES = ["Milestones", "KPIs", "Changes", "Escalations"] as const;

/** The summary the engine gives for the sample set up as the test sets it up: what the page must show. */
async function expectedSummary(): Promise<EscalationSummary> {
  const pane = previewWorkbook(new Date());
  await pane.setUp({ corrections: { department: "Service Area" }, createTables: CHECKED_TABLES });
  return summarise((await readTracker(pane.port)).data);
}

function watch(p: Page): void {
  p.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  p.on("pageerror", (error) => consoleErrors.push(error.message));
  p.on("dialog", (dialog) => {
    consoleErrors.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

beforeAll(async () => {
  needBuild();
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", colorScheme: "light" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
  page = await context.newPage();
  watch(page);
  await page.goto(`${server.url}taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tab = (name: string) => page.getByRole("tab", { name, exact: true });
const dropdown = (field: string) => page.getByRole("combobox", { name: field, exact: true });

test("the preview is labelled and opens on the set-up wizard, which found the sample register", async () => {
  await page.getByRole("heading", { name: "Contract Tracker", level: 1 }).waitFor();
  await page.getByText("Sample data", { exact: true }).waitFor();
  // At 360 px set-up is in the More views menu: its view is shown, named, and the menu holds it.
  await page.locator('main > [role="region"][aria-label="Set up"]:not([hidden])').waitFor();
  // The everyday views' tabs first, then the occasional views in the menu.
  const views = await viewNames(page);
  expect(views.filter((v) => ["Set up", "Summary", "Functions"].includes(v))).toEqual(["Summary", "Set up", "Functions"]);
  await page.getByText("27 contracts on the sheet “Contract register”: column names in row 4, cells A4:R31.").waitFor();
  await expect(dropdown("Department").textContent()).resolves.toBe("Directorate");
  await expect(page.locator("#field-goLiveDate-cue").textContent()).resolves.toBe("83% likely");
  await screenshot(page, "setup-wizard");
  await expect(axeViolations(page)).resolves.toEqual([]);
});

test("the user maps Department to the Service Area column instead, by keyboard", async () => {
  await dropdown("Department").focus();
  await page.keyboard.press("Enter");
  const option = page.getByRole("option", { name: "Service Area", exact: true });
  await option.waitFor();
  // The open list floats over the page: a picture of the window, not the whole page, shows it in place.
  await page.screenshot({ path: path.join(ARTIFACTS, "setup-mapping-open.png") });
  // The open list's layer covers nothing else of the pane: the title stays on top at the page's head.
  const titleOnTop = await page.evaluate(() => {
    window.scrollTo(0, 0);
    const title = document.querySelector("h1");
    const box = title?.getBoundingClientRect();
    return !!title && !!box && title.contains(document.elementFromPoint(box.left + 4, box.top + box.height / 2));
  });
  expect(titleOnTop).toBe(true);
  await option.scrollIntoViewIfNeeded();
  await option.click();
  await expect(dropdown("Department").textContent()).resolves.toBe("Service Area");
  await expect(page.locator("#field-department-cue").textContent()).resolves.toBe("Your choice");
  await page.getByText("Columns not used: Directorate, Notes. They stay in the table as they are.").waitFor();
  await page.getByRole("checkbox", { name: /^Risks/ }).uncheck();
});

test("choosing the ID column for Title asks first, at the field, by keyboard; keeping it changes nothing", async () => {
  await dropdown("Title").focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "Contract Ref", exact: true }).waitFor();
  // Home goes to "Not in this register", the next option down is the register's first column.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  const active = await dropdown("Title").evaluate((box) => document.getElementById(box.getAttribute("aria-activedescendant") ?? "")?.textContent);
  expect(active).toBe("Contract Ref");
  await page.keyboard.press("Enter");
  const question = page.getByRole("group", { name: "“Contract Ref” is Contract ID’s column. Use it for Title instead? Contract ID will be left without a column." });
  await question.waitFor();
  const move = question.getByRole("button", { name: "Use it for Title" });
  await expect(move.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await expect(dropdown("Title").textContent()).resolves.toBe("Contract Title");
  // It fits the pane at every width Office gives it: nothing scrolls sideways, both answers are in view.
  for (const width of [320, 450, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    const box = await question.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
  }
  await question.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, "setup-move-question.png") });
  await expect(axeViolations(page)).resolves.toEqual([]);
  await page.keyboard.press("Tab");
  await expect(question.getByRole("button", { name: "Keep it for Contract ID" }).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("Enter");
  await question.waitFor({ state: "detached" });
  await expect(dropdown("Title").evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await expect(dropdown("Title").textContent()).resolves.toBe("Contract Title");
  await expect(dropdown("Contract ID").textContent()).resolves.toBe("Contract Ref");
});

test("converting says what it did: rows, computed columns, tables, the first data-quality problems", async () => {
  await page.getByRole("button", { name: "Set up the tracker", exact: true }).click();
  const heading = page.getByRole("heading", { name: "The tracker is set up" });
  await heading.waitFor();
  await expect(heading.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  const did = page.getByRole("list", { name: "What set-up did" });
  await did.getByText("27 contract rows in the Contracts table").waitFor();
  await did.getByText(/^12 computed columns added: Days to expiry, Notice date/).waitFor();
  await did.getByText(`Tables created: Settings, ${CHECKED_TABLES.join(", ")}`).waitFor();
  await did.getByText("5 data-quality problems found (below)").waitFor();
  await expect(page.getByRole("table", { name: "Data-quality problems" }).getByRole("row").count()).resolves.toBe(6);
  await screenshot(page, "setup-result");
  await expect(axeViolations(page)).resolves.toEqual([]);
});

test("the summary's counts are those of the sample register; the stand-in and missing end dates are unrated, not Green", async () => {
  const expected = await expectedSummary();
  await page.getByRole("button", { name: "See the escalation summary" }).click();
  await expect(tab("Summary").getAttribute("aria-selected")).resolves.toBe("true");
  await page.getByRole("heading", { name: "Live contracts by RAG" }).waitFor();
  const figure = (term: string) => page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]").textContent();
  const shown = { red: await figure("Red"), amber: await figure("Amber"), green: await figure("Green"), unrated: await figure("Unrated") };
  expect(shown).toEqual({ red: String(expected.counts.red), amber: String(expected.counts.amber), green: String(expected.counts.green), unrated: String(expected.counts.unrated) });
  expect(expected.counts).toEqual({ red: 7, amber: 6, green: 10, unrated: 2 });
  // Every contract read is in one of live, unrated, probably closed and closed.
  const split = await Promise.all(["Live", "Unrated", "Probably closed", "Closed"].map(async (t) => Number(await figure(t))));
  expect(split).toEqual([23, 2, 1, 1]);
  expect(split.reduce((a, b) => a + b, 0)).toBe(expected.totalContracts);
  await page.getByRole("heading", { name: `${expected.totalContracts} contracts read` }).waitFor();
  for (const level of [3, 2, 1] as const) {
    await expect(figure(`Level ${level} · ${expected.ladder[level]}`)).resolves.toBe(String(expected.byLevel[level]));
  }
  await page.getByText(valueAtRiskText(expected.valueAtRisk)).waitFor();
  // What changed and the decisions lead the view.
  const lead = await page.getByRole("heading", { level: 3 }).allTextContents();
  expect(lead.slice(0, 3)).toEqual(["What changed", `Needs a decision (${expected.contracts.filter((c) => c.decisionNeeded).length})`, `${expected.totalContracts} contracts read`]);
  await page.getByRole("heading", { name: `${expected.contracts.length} contracts need attention` }).waitFor();
  const cards = page.getByRole("list", { name: /^Level \d contracts, most urgent first$/ }).locator(":scope > li");
  await expect(cards.count()).resolves.toBe(expected.contracts.length);
  await expect(cards.first().textContent()).resolves.toContain(expected.contracts[0].id);
  // The rolling licence's 31/12/2099 and the "TBC" end date: unrated, with why, and in no level's list.
  const unrated = page.getByRole("list", { name: "Unrated contracts, biggest by value first" }).locator(":scope > li");
  await expect(unrated.allTextContents()).resolves.toEqual([expect.stringContaining('No real end date: "TBC" is not a date'), expect.stringContaining("No real end date: 31 Dec 2099 is a stand-in")]);
  await expect(cards.filter({ hasText: /NBC-C-012[45]/ }).count()).resolves.toBe(0);
  await screenshot(page, "summary");
  await expect(axeViolations(page)).resolves.toEqual([]);
});

test("Copy as text and Copy as HTML put the summary on the clipboard, and say so", async () => {
  await page.getByRole("button", { name: "Copy as text" }).click();
  await page.getByRole("status").getByText("Copied the summary as text.").waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^Escalation summary as of \d{1,2} [A-Z][a-z]{2,3} \d{4}\n13 contracts need attention/);

  await page.getByRole("button", { name: "Copy as HTML" }).click();
  await page.getByRole("status").getByText("Copied the summary as HTML: paste it into an email to keep the table.").waitFor();
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { types: [...item.types].sort(), html: await (await item.getType("text/html")).text(), text: await (await item.getType("text/plain")).text() };
  });
  expect(copied.types).toEqual(["text/html", "text/plain"]);
  expect(copied.html).toContain("<table");
  expect(copied.text).toBe(text);
});

test("Write summary sheet writes today's sheet and logs the new escalations", async () => {
  await page.getByRole("button", { name: "Write summary sheet" }).click();
  await page.getByText("Summary sheet written").waitFor();
  await page.getByText(/The sheet “Escalations \d{4}-\d\d-\d\d” now holds 13 contracts; 12 new entries in the Escalations log\./).waitFor();
  await screenshot(page, "summary-written");
});

test("the boiler contract that ended two years ago is probably closed; Mark as closed asks, names the cell, writes Closed and counts it closed", async () => {
  const section = page.getByRole("region", { name: "Probably closed — confirm (1)" });
  await section.getByText(/^1 contract ended more than 365 days ago with no closing status, worth 96,000/).waitFor();
  await section.getByRole("list", { name: "Probably closed contracts, longest ended first" }).getByText("Town hall boiler replacement").waitFor();
  await section.getByRole("button", { name: "Mark NBC-C-0127 as closed" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark NBC-C-0127 as closed?" });
  await dialog.waitFor();
  await dialog.getByText("This writes 1 cell in the Status column (column Q) of the Contracts table, on the sheet “Contract register”:").waitFor();
  await expect(dialog.getByRole("list", { name: "Cells to write" }).textContent()).resolves.toBe("Q31 · NBC-C-0127 Town hall boiler replacement: blank → “Closed”");
  await expect(dialog.getByRole("button", { name: "Write 1 status" }).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, "summary-mark-closed-dialog.png"), animations: "disabled" });
  await expect(axeViolations(page)).resolves.toEqual([]);
  await dialog.getByRole("button", { name: "Write 1 status" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByText("NBC-C-0127 marked closed in the Status column of the Contracts table. It now counts as closed.").waitFor();
  const figure = (term: string) => page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
  await page.waitForFunction(() => document.querySelector("#summary-stale")?.textContent === "Probably closed — confirm (0)");
  await expect(figure("Probably closed").textContent()).resolves.toBe("0");
  await expect(figure("Closed").textContent()).resolves.toBe("2");
  await expect(page.getByRole("heading", { name: "Probably closed — confirm (0)" }).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, "summary-marked-closed.png"), fullPage: true, animations: "disabled" });
  await expect(axeViolations(page)).resolves.toEqual([]);
});

test("at 800 px the summary and its dialog lay out in the wider pane", async () => {
  const wide = await browser.newContext({ viewport: { width: 800, height: 900 }, locale: "en-GB", colorScheme: "light" });
  const p = await wide.newPage();
  watch(p);
  await p.goto(`${server.url}taskpane.html`);
  await p.getByRole("button", { name: "Load the sample tracker" }).click();
  await p.getByRole("button", { name: "See the escalation summary" }).click();
  await p.getByRole("heading", { name: "Probably closed — confirm (1)" }).waitFor();
  await screenshot(p, "summary-800");
  await p.getByRole("button", { name: "Mark NBC-C-0127 as closed" }).click();
  await p.getByRole("dialog", { name: "Mark NBC-C-0127 as closed?" }).waitFor();
  await p.screenshot({ path: path.join(ARTIFACTS, "summary-mark-closed-dialog-800.png"), animations: "disabled" });
  await expect(axeViolations(p)).resolves.toEqual([]);
  await wide.close();
});

test("tabs are reached and changed with the keyboard, and the More views menu too", async () => {
  await tab("Summary").click();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Dashboard").evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("Enter");
  await expect(tab("Dashboard").getAttribute("aria-selected")).resolves.toBe("true");
  await page.getByRole("heading", { name: "Dashboard", level: 2 }).waitFor();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Space");
  await expect(tab("Summary").getAttribute("aria-selected")).resolves.toBe("true");
  // Tab leaves the tab list for the More views menu; Enter opens it, the arrows and Enter pick a view.
  await page.keyboard.press("Tab");
  await expect(moreViews(page).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.keyboard.press("Enter");
  await page.getByRole("menu").waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "tabs-more-menu.png"), animations: "disabled" });
  const functions = page.getByRole("menuitemradio", { name: "Functions" });
  while (!(await functions.evaluate((e) => e === document.activeElement))) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Contract functions" }).waitFor();
  await page.locator('main > [role="region"][aria-label="Functions"]:not([hidden])').waitFor();
  // The row is as it was: the everyday tabs stay, no tab is selected, the menu says which view is shown.
  await expect(tab("Summary").getAttribute("aria-selected")).resolves.toBe("false");
  await moreViews(page).click();
  await expect(functions.getAttribute("aria-checked")).resolves.toBe("true");
  await page.keyboard.press("Escape");
  await screenshot(page, "functions");
});

test("in dark mode the pane is dark, readable and passes the same checks", async () => {
  const dark = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", colorScheme: "dark" });
  const p = await dark.newPage();
  watch(p);
  await p.goto(`${server.url}taskpane.html`);
  await p.getByText("27 contracts on the sheet").waitFor();
  const background = await p.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await screenshot(p, "setup-wizard-dark");
  await expect(axeViolations(p)).resolves.toEqual([]);
  // Moving the ID column to Title: Contract ID says where its column went, and set-up waits for the user's word.
  await p.getByRole("combobox", { name: "Title", exact: true }).click();
  await p.getByRole("option", { name: "Contract Ref", exact: true }).click();
  await p.getByRole("button", { name: "Use it for Title" }).click();
  await p.locator("#field-contractId-cue", { hasText: "Moved to Title" }).waitFor();
  await p.getByText("Its column “Contract Ref” now holds Title. Choose another column, or “Not in this register”.").waitFor();
  await p.evaluate(() => window.scrollTo(0, (document.getElementById("field-contractId")?.getBoundingClientRect().top ?? 0) + window.scrollY - 16));
  await p.screenshot({ path: path.join(ARTIFACTS, "setup-moved-dark.png") });
  const setUpButton = p.getByRole("button", { name: "Set up the tracker", exact: true });
  await expect(setUpButton.getAttribute("aria-disabled")).resolves.toBe("true");
  await p.getByText("No Contract ID column").scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(ARTIFACTS, "setup-no-id-dark.png") });
  await expect(axeViolations(p)).resolves.toEqual([]);
  await p.getByRole("checkbox", { name: "This register has no contract IDs — name contracts by their row" }).check();
  await expect(setUpButton.getAttribute("aria-disabled")).resolves.toBe(null);
  await p.getByRole("button", { name: "Load the sample tracker" }).click();
  await p.getByRole("heading", { name: "The tracker is set up" }).waitFor();
  await p.getByRole("button", { name: "See the escalation summary" }).click();
  await p.getByRole("heading", { name: "13 contracts need attention" }).waitFor();
  await screenshot(p, "summary-dark");
  await expect(axeViolations(p)).resolves.toEqual([]);
  await dark.close();
});

test("no console errors, no dialogs", () => {
  expect(consoleErrors).toEqual([]);
});
