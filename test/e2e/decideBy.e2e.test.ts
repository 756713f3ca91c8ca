import type { BrowserContext, Page } from "playwright-core";
import { dateInWords } from "../../src/core/dateWords";
import { DecisionDue, dashboard } from "../../src/features/dashboard";
import { readPaneData } from "../../src/features/paneData";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import * as path from "path";
import { ARTIFACTS, axeViolations, openView, screenshot, servedPane } from "./pane";

// Decide-by dates in the built pane in headless Chromium at 360 px, over the preview's sample
// tracker (its dates are placed relative to today, so the list is the same whenever it runs): the
// dashboard lists the decisions due in the next 90 days as the engine works them out, and pressing
// one opens the contract's card, which shows its decide-by date.

const pane = servedPane();
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

async function expectedDecisions(): Promise<DecisionDue[]> {
  const sample = previewWorkbook(new Date());
  await sample.sample?.load();
  const { data, contractsTable } = await readPaneData(sample.port);
  return dashboard(data, { contractsTable }).decisions.upcoming;
}

beforeAll(async () => {
  context = await pane.browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", colorScheme: "light" });
  page = await context.newPage();
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${pane.url}taskpane.html`);
  await page.getByRole("button", { name: "Load the sample tracker" }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();
});

afterAll(async () => {
  await context?.close();
});

test("the dashboard lists the decisions due in the next 90 days, soonest first, each with its date in words", async () => {
  const expected = await expectedDecisions();
  // The sample holds a Silver, a Bronze and a Gold contract whose decide-by dates fall in the next 90 days.
  expect(expected.map((d) => d.tier)).toEqual(["Silver", "Bronze", "Gold"]);
  await openView(page, "Dashboard");
  await page.getByRole("heading", { name: "Decisions due in the next 90 days" }).waitFor();
  const list = page.getByRole("list", { name: "Decisions due in the next 90 days, soonest first" });
  const items = list.locator(":scope > li");
  await expect(items.count()).resolves.toBe(expected.length);
  for (const [i, d] of expected.entries()) {
    const item = items.nth(i);
    await item.getByRole("button", { name: `${d.id} ${d.title}` }).waitFor();
    await expect(item.textContent()).resolves.toContain(`Decide by ${dateInWords(d.decideBy, "en-GB")} (in ${d.daysToDecide} days): extend or re-procure · ${d.tier}`);
  }
  await list.scrollIntoViewIfNeeded();
  await screenshot(page, "decide-by-dashboard-360");
  await page.locator('section[aria-labelledby="dashboard-decisions"]').screenshot({ path: path.join(ARTIFACTS, "decide-by-list-360.png") });
  await expect(axeViolations(page)).resolves.toEqual([]);
});

test("pressing a decision opens the contract's card, which shows its decide-by date", async () => {
  const [first] = await expectedDecisions();
  await page.getByRole("list", { name: "Decisions due in the next 90 days, soonest first" }).getByRole("button", { name: `${first.id} ${first.title}` }).click();
  await page.getByRole("heading", { name: first.title, level: 3 }).waitFor();
  const term = page.locator("dt", { hasText: /^Decide by$/ });
  await term.waitFor();
  await expect(term.locator("xpath=following-sibling::dd[1]").textContent()).resolves.toBe(`${dateInWords(first.decideBy, "en-GB")} (in ${first.daysToDecide} days)`);
  await term.scrollIntoViewIfNeeded();
  await screenshot(page, "decide-by-card-360");
  await term.locator("xpath=ancestor::dl[1]").screenshot({ path: path.join(ARTIFACTS, "decide-by-card-facts-360.png") });
  await expect(axeViolations(page)).resolves.toEqual([]);
  expect(errors).toEqual([]);
});
