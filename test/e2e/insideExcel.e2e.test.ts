import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { EXCEL_QUERY, OFFICE_STUB } from "./officeStub";
import { DIST, axeViolations, needBuild, screenshot } from "./pane";
import { serveDirectory } from "./server";

// The built pane started as inside Excel (office.js replaced by a stand-in whose every Excel call is
// refused): the pane works on the Excel workbook, not the sample, and says what to do when Excel
// refuses; the ribbon's failure reaches the pane's notices, since the ribbon and the pane share one runtime.

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  needBuild();
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "en-GB" });
  await context.route("**/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }));
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}taskpane.html${EXCEL_QUERY}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("inside Excel the pane works on the workbook, without the preview, and a refusal is a red message saying what to do", async () => {
  await page.getByRole("heading", { name: "Contract Tracker", level: 1 }).waitFor();
  const alert = page.getByRole("alert").filter({ hasText: "Could not find a register" });
  await alert.getByText(/Could not list the workbook's tables: the workbook or sheet is protected or read-only\. Unprotect it/).waitFor();
  await alert.getByRole("button", { name: "Look again" }).waitFor();
  await expect(page.getByText("Sample data", { exact: true }).count()).resolves.toBe(0);
  await expect(page.getByRole("button", { name: "Load the sample tracker" }).count()).resolves.toBe(0);
  await expect(axeViolations(page)).resolves.toEqual([]);
  await screenshot(page, "excel-setup-refused");
});

test("a ribbon button's failure shows in the pane, saying what to do", async () => {
  await page.waitForFunction(() => Object.keys((window as unknown as { __ribbon: object }).__ribbon).length > 0);
  await page.evaluate(() => new Promise<void>((resolve) => (window as unknown as { __ribbon: Record<string, (e: { completed(): void }) => void> }).__ribbon.escalationSummary({ completed: resolve })));
  const notices = page.getByRole("region", { name: "Ribbon results" });
  await notices.getByText("Escalation summary", { exact: true }).waitFor({ timeout: 5000 });
  await notices.getByText(/Unprotect it/).first().waitFor();
  await screenshot(page, "excel-ribbon-failure");
});

test("the ribbon's Calendar button opens the pane at the summary, which says why it cannot read the tracker", async () => {
  // The pane is on Set up (no tracker could be read) when the button is pressed.
  await expect(page.getByRole("tab", { name: "Summary", exact: true, selected: true }).count()).resolves.toBe(0);
  await page.evaluate(() => new Promise<void>((resolve) => (window as unknown as { __ribbon: Record<string, (e: { completed(): void }) => void> }).__ribbon.addDatesToCalendar({ completed: resolve })));
  await page.getByRole("tab", { name: "Summary", exact: true, selected: true }).waitFor({ timeout: 5000 });
  const summary = page.locator("#panel-summary");
  await summary.getByRole("alert").filter({ hasText: "Could not read the tracker" }).waitFor();
  await summary.getByRole("button", { name: "Read again" }).waitFor();
  // Nothing to say on the ribbon's behalf: the pane opening at the summary is the answer.
  await expect(page.getByRole("region", { name: "Ribbon results" }).getByText("Calendar", { exact: true }).count()).resolves.toBe(0);
  await screenshot(page, "excel-ribbon-calendar-refused");
});

test("no uncaught errors", () => {
  expect(pageErrors).toEqual([]);
});
