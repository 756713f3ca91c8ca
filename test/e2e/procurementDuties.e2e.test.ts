import type { Page } from "playwright-core";
import { readPaneData } from "../../src/features/paneData";
import { PaneDuty, trackerDuties } from "../../src/features/procurementDuties";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { axeViolations, openView, screenshot, servedPane } from "./pane";

// The Procurement Act 2023 list in the built pane, in Chromium at an Excel pane's 360 px, over the
// preview's sample tracker: the dashboard lists the duties the engine finds, a contract pressed
// there opens its card with its own duties. (Confirming a rating is tested over the in-memory
// workbook in test/features/procurementDuties.test.ts: the sample has no contract over £5m let under the Act.)

const served = servedPane();
const consoleErrors: string[] = [];

/** The duties the engine gives for the sample, as the pane reads it. */
async function expectedDuties(): Promise<PaneDuty[]> {
  const pane = previewWorkbook(new Date());
  await pane.sample?.load();
  const read = await readPaneData(pane.port);
  return trackerDuties(read.data, read.tables, read.contractsTable);
}

async function samplePane(): Promise<Page> {
  const context = await served.browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", colorScheme: "light" });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.goto(`${served.url}taskpane.html`);
  await page.getByRole("button", { name: "Load the sample tracker" }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();
  return page;
}

test("the dashboard lists the Procurement Act duties and a contract opens its card with its own", async () => {
  const expected = await expectedDuties();
  expect(expected.length).toBeGreaterThan(0);
  const page = await samplePane();
  await openView(page, "Dashboard");
  const list = page.getByRole("list", { name: "Procurement Act duties, most urgent first" });
  await list.waitFor();
  const items = list.getByRole("listitem");
  expect(await items.count()).toBe(Math.min(expected.length, 50));
  // Each names its duty and section, the contract, and what was found, in the engine's words and order.
  await expect(items.nth(0).textContent()).resolves.toContain(expected[0].what);
  await expect(items.nth(0).textContent()).resolves.toContain(`(${expected[0].section})`);
  // Nothing wider than the pane.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const section = page.locator('section[aria-labelledby="dashboard-procurement-act"]');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "test-artifacts/procurement-act-dashboard-360.png" });

  // The first duty's contract: its card, with its own duties.
  const first = expected[0];
  await items.nth(0).getByRole("button", { name: new RegExp(first.id) }).click();
  const card = page.getByRole("list", { name: "This contract's Procurement Act duties" });
  await card.waitFor();
  expect(await card.getByRole("listitem").count()).toBe(expected.filter((d) => d.row === first.row).length);
  await expect(card.getByRole("listitem").nth(0).textContent()).resolves.toContain(first.what);
  const cardSection = page.locator('section[aria-labelledby="contract-procurement-act"]');
  await cardSection.scrollIntoViewIfNeeded();
  await cardSection.screenshot({ path: "test-artifacts/procurement-act-card-360.png" });
  await screenshot(page, "procurement-act-card-page-360");
  expect(await axeViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
}, 120_000);
