import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { OFFICE_STUB } from "./officeStub";
import { serveDirectory } from "./server";

// The built pane started as inside Excel (office.js replaced by a stand-in whose every Excel call is
// refused): the ribbon's failure reaches the pane's notices, since the ribbon and the pane share one runtime.
const DIST = path.resolve(__dirname, "../../dist");
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts");

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("Build first: npm run build (dist/taskpane.html is missing)");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "en-GB" });
  await context.route("**/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }));
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("a ribbon button's failure shows in the pane, saying what to do", async () => {
  await page.waitForFunction(() => Object.keys((window as unknown as { __ribbon: object }).__ribbon).length > 0);
  await page.evaluate(() => new Promise<void>((resolve) => (window as unknown as { __ribbon: Record<string, (e: { completed(): void }) => void> }).__ribbon.escalationSummary({ completed: resolve })));
  const notices = page.getByRole("region", { name: "Ribbon results" });
  await notices.getByText("Escalation summary", { exact: true }).waitFor({ timeout: 5000 });
  await notices.getByText(/Unprotect it/).first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "excel-ribbon-failure.png") });
});

test("no uncaught errors", () => {
  expect(pageErrors).toEqual([]);
});
