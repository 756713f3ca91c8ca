import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Dashboard, dashboard } from "../../src/features/dashboard";
import { readPaneData } from "../../src/features/paneData";
import { saveSettings } from "../../src/features/settingsEditor";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { launchChromium } from "./browser";
import { ARTIFACTS, DIST, needBuild, openView as openPaneView, screenshot } from "./pane";
import { serveDirectory } from "./server";

// The dashboard, the contract card and the settings of the built pane in headless Chromium, over
// the preview's sample tracker: the dashboard's numbers are the engine's, a contract pressed there
// opens its card, a milestone is added through the form (a bad date first), a setting is changed
// and the dashboard follows it; light and dark; nothing logs an error.

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

/** The dashboard the engine gives for the sample loaded in one click, optionally after changing settings as the test does. */
async function expectedDashboard(settings: Record<string, string> = {}): Promise<Dashboard> {
  const pane = previewWorkbook(new Date());
  await pane.sample?.load();
  if (Object.keys(settings).length > 0) await saveSettings(pane.port, settings);
  const { data, contractsTable } = await readPaneData(pane.port);
  return dashboard(data, { contractsTable });
}

const AXE = require.resolve("axe-core/axe.min.js", { paths: [path.dirname(require.resolve("jest-axe"))] });

/**
 * What axe finds (WCAG 2 A and AA, contrast included) in the views, the pane's <main> (or a dialog): the tab row
 * above belongs to the pane's shell and its own tests. Tabster's focusable aria-hidden dummies are
 * left out, as test/e2e/pane.ts explains.
 */
async function axeViolations(p: Page, within = "main"): Promise<string[]> {
  if (!(await p.evaluate(() => "axe" in window))) await p.addScriptTag({ path: AXE });
  return p.evaluate(async (selector) => {
    type Violation = { id: string; nodes: { target: string[]; html: string }[] };
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ include: [[selector]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
    return result.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, within);
}

const ragName = (d: Dashboard): string => `Live contracts by RAG: Red ${d.rag.red}, Amber ${d.rag.amber}, Green ${d.rag.green}, Unrated ${d.rag.unrated}`;

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

/** Opens the preview and loads the sample tracker from the set-up tab, as a user would. */
async function loadSample(p: Page): Promise<void> {
  await p.goto(`${server.url}taskpane.html`);
  await p.getByRole("button", { name: "Load the sample tracker" }).click();
  await p.getByRole("heading", { name: "The tracker is set up" }).waitFor();
}

beforeAll(async () => {
  needBuild();
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", colorScheme: "light" });
  page = await context.newPage();
  watch(page);
  await loadSample(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tab = (name: string, p: Page = page) => p.getByRole("tab", { name, exact: true });

/** Shows a view: its tab, or the More views menu's item when the pane is too narrow to give it a tab. */
function openView(name: string, p: Page = page): Promise<void> {
  return openPaneView(p, name);
}

test("the dashboard's charts and lists give the engine's numbers for the sample", async () => {
  const expected = await expectedDashboard();
  await openView("Dashboard");
  const chart = page.getByRole("img", { name: /^Live contracts by RAG:/ });
  await chart.waitFor();
  await expect(chart.getAttribute("aria-label")).resolves.toBe(ragName(expected));
  // The rolling licence ending 31/12/2099 and the contract with no end date: unrated, not Green.
  expect(expected.rag).toEqual({ red: 7, amber: 6, green: 10, unrated: 2 });
  expect(expected.probablyClosed).toBe(1);
  const apart = page.getByRole("list", { name: "Set apart from the ratings" });
  await apart.getByText("2 contracts are unrated: no real end date.", { exact: false }).waitFor();
  await apart.getByText("1 contract probably closed (ended more than 365 days ago, no closing status), left out of these charts.", { exact: false }).waitFor();
  const phases = await page.getByRole("img", { name: /^Live contracts by phase:/ }).getAttribute("aria-label");
  for (const p of expected.phases.filter((x) => x.phase !== "Unknown" || x.count > 0)) expect(phases).toContain(`${p.phase} ${p.count}`);
  for (const w of expected.expiring) await page.getByRole("tab", { name: `${w.withinDays} days (${w.contracts.length})` }).waitFor();
  const items = (name: string) => page.getByRole("list", { name }).locator(":scope > li").count();
  await expect(items(`Contracts ending within 90 days, soonest first`)).resolves.toBe(expected.expiring[1].contracts.length);
  await expect(items("Notice dates in the next 90 days, soonest first")).resolves.toBe(expected.notices.upcoming.length);
  await expect(items("Notice dates missed, longest overdue first")).resolves.toBe(expected.notices.missed.length);
  await expect(items("Slipping milestones, most days late first")).resolves.toBe(expected.slipping.length);
  await expect(items("KPIs below target, lowest attainment first")).resolves.toBe(expected.kpiFailures.length);
  await page.getByRole("tab", { name: /^180 days/ }).click();
  await expect(items(`Contracts ending within 180 days, soonest first`)).resolves.toBe(expected.expiring[2].contracts.length);
  await screenshot(page, "dashboard");
  await expect(axeViolations(page)).resolves.toEqual([]);
});

test("the dashboard's probably-closed note opens the summary at its list, and the boiler contract is there, not Green", async () => {
  await page.getByRole("list", { name: "Set apart from the ratings" }).getByRole("button", { name: "Confirm in the summary" }).click();
  await expect(tab("Summary").getAttribute("aria-selected")).resolves.toBe("true");
  const heading = page.getByRole("heading", { name: "Probably closed — confirm (1)" });
  await heading.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "summary-stale");
  await page.getByRole("list", { name: "Probably closed contracts, longest ended first" }).getByText("Town hall boiler replacement").waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "summary-from-dashboard.png") });
  await openView("Dashboard");
});

test("at 800 px the dashboard lays out in the wider pane", async () => {
  const wide = await browser.newContext({ viewport: { width: 800, height: 900 }, locale: "en-GB", colorScheme: "light" });
  const p = await wide.newPage();
  watch(p);
  await loadSample(p);
  await openView("Dashboard", p);
  await p.getByRole("img", { name: /^Live contracts by RAG:/ }).waitFor();
  await screenshot(p, "dashboard-800");
  await expect(axeViolations(p)).resolves.toEqual([]);
  await wide.close();
});

test("pressing a contract on the dashboard opens its card on the Contract tab", async () => {
  const missed = page.getByRole("list", { name: "Notice dates missed, longest overdue first" });
  await missed.getByRole("button", { name: "NBC-C-0103 Leisure centres management" }).click();
  await expect(tab("Contract").getAttribute("aria-selected")).resolves.toBe("true");
  await page.getByRole("heading", { name: "Leisure centres management", level: 3 }).waitFor();
  await expect(page.getByRole("combobox", { name: "Contract" }).inputValue()).resolves.toBe("NBC-C-0103 — Leisure centres management");
  await page.getByRole("region", { name: "Status of NBC-C-0103" }).getByText(/Notice date .* passed/).first().waitFor();
  await screenshot(page, "contract-card");
  await expect(axeViolations(page)).resolves.toEqual([]);
});

test("the list picks another contract, and Add milestone checks the date, then adds the row to the card", async () => {
  const picker = page.getByRole("combobox", { name: "Contract" });
  await picker.click();
  await picker.fill("service desk");
  await page.getByRole("option", { name: "NBC-C-0105 — ICT service desk and end-user support" }).click();
  await page.getByRole("heading", { name: "ICT service desk and end-user support", level: 3 }).waitFor();
  await page.getByRole("heading", { name: "Milestones (2)" }).waitFor();

  await page.getByRole("button", { name: "Add milestone" }).click();
  const dialog = page.getByRole("dialog", { name: "Add milestone" });
  await dialog.waitFor();
  const name = dialog.getByRole("textbox", { name: /^Milestone/ });
  await expect(name.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.keyboard.type("Knowledge base migrated");
  await dialog.getByRole("textbox", { name: /^Baseline date/ }).fill("30/02/2027");
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.getByText(/^Baseline date: "30\/02\/2027" is not a real date/).waitFor();
  await expect(dialog.getByRole("textbox", { name: /^Baseline date/ }).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, "contract-add-milestone-error.png") });
  await expect(axeViolations(page, '[role="dialog"]')).resolves.toEqual([]);

  await dialog.getByRole("textbox", { name: /^Baseline date/ }).fill("28/02/2027");
  await dialog.getByRole("textbox", { name: /^Owner/ }).fill("Aisha Khan");
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("status").getByText("Milestone “Knowledge base migrated” added to the Milestones table for NBC-C-0105.").waitFor();
  await page.getByRole("heading", { name: "Milestones (3)" }).waitFor();
  await page.getByRole("list", { name: "Milestones" }).getByText("Knowledge base migrated").waitFor();
  await expect(page.getByRole("button", { name: "Add milestone" }).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  await screenshot(page, "contract-milestone-added");
});

test("two rows sharing a reference: the card warns at the top, a risk added goes to this row only, and Go to row opens the other", async () => {
  const picker = page.getByRole("combobox", { name: "Contract" });
  await picker.click();
  await picker.fill("cremator");
  await page.getByRole("option", { name: "NBC-C-0122 — Bereavement services cremator relining" }).click();
  await page.getByRole("heading", { name: "Bereavement services cremator relining", level: 3 }).waitFor();
  const warning = page.getByText(/^Rows \d+ and \d+ share the ID NBC-C-0122: records in the other tables cannot tell them apart by the ID alone\./);
  await warning.waitFor();
  await page.getByRole("heading", { name: "Risks (0)" }).waitFor();
  await screenshot(page, "contract-shared-id");
  await expect(axeViolations(page)).resolves.toEqual([]);

  await page.getByRole("button", { name: "Add risk" }).click();
  const dialog = page.getByRole("dialog", { name: "Add risk" });
  await dialog.getByRole("textbox", { name: /^Risk/ }).fill("Cremator out of use during relining");
  await dialog.getByRole("combobox", { name: /^Likelihood/ }).selectOption("3");
  await dialog.getByRole("combobox", { name: /^Impact/ }).selectOption("4");
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("status").getByText("Risk added to the Risks table for NBC-C-0122 (Bereavement services cremator relining): score 12 (Amber).").waitFor();
  await page.getByRole("heading", { name: "Risks (1)" }).waitFor();

  await page.getByRole("button", { name: /^Go to row \d+, Winter gritting salt supply$/ }).click();
  await page.getByRole("heading", { name: "Winter gritting salt supply", level: 3 }).waitFor();
  await page.getByRole("heading", { name: "Risks (0)" }).waitFor();
  await page.getByRole("button", { name: /^Go to row \d+, Bereavement services cremator relining$/ }).waitFor();
});

test("a setting changed in Settings is saved, and the dashboard follows it", async () => {
  const expected = await expectedDashboard({ expiry_red_days: "45" });
  await openView("Settings");
  const red = page.getByRole("textbox", { name: "Expiry: red at or below" });
  await red.fill("45");
  await page.getByText("1 setting changed").waitFor();
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").getByText("Changed in the Settings table: Expiry: red at or below. The views now follow them.").waitFor();
  await page.getByText("No change yet").waitFor();
  await expect(red.inputValue()).resolves.toBe("45");
  await screenshot(page, "settings");
  await expect(axeViolations(page)).resolves.toEqual([]);

  await openView("Dashboard");
  await page.getByRole("img", { name: ragName(expected), exact: true }).waitFor();
  expect(expected.rag.red).toBeLessThan(7);
});

test("in dark mode the views are dark and pass the same checks", async () => {
  const dark = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", colorScheme: "dark" });
  const p = await dark.newPage();
  watch(p);
  await loadSample(p);
  await openView("Dashboard", p);
  await p.getByRole("img", { name: /^Live contracts by RAG:/ }).waitFor();
  const background = await p.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await screenshot(p, "dashboard-dark");
  await expect(axeViolations(p)).resolves.toEqual([]);
  await p.getByRole("list", { name: "Slipping milestones, most days late first" }).getByRole("button", { name: "NBC-C-0105" }).first().click();
  await p.getByRole("heading", { name: "ICT service desk and end-user support", level: 3 }).waitFor();
  await screenshot(p, "contract-card-dark");
  await expect(axeViolations(p)).resolves.toEqual([]);
  await openView("Settings", p);
  await p.getByRole("textbox", { name: "Expiry: red at or below" }).waitFor();
  await screenshot(p, "settings-dark");
  await expect(axeViolations(p)).resolves.toEqual([]);
  await dark.close();
});

test("no console errors, no dialogs", () => {
  expect(consoleErrors).toEqual([]);
});
