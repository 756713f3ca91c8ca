import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { openView } from "./pane";
import { serveDirectory } from "./server";

// The built task pane in headless Chromium, outside Office: its Functions tab lists the eleven
// CONTRACT functions from functions.json and filters them, and nothing logs a console error.
const DIST = path.resolve(__dirname, "../../dist");
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts");

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("Build first: npm run build (dist/taskpane.html is missing)");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(`${server.url}taskpane.html`);
  await openView(page, "Functions");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the Functions tab lists the eleven functions", async () => {
  await page.getByRole("heading", { name: "Contract functions" }).waitFor();
  await page.getByText("Sample data", { exact: true }).waitFor();
  const items = page.getByRole("list", { name: "Functions" }).locator(":scope > li");
  await expect(items.count()).resolves.toBe(12);
  await expect(page.getByText("=CONTRACT.NOTICEDATE(end_date, notice_period)").count()).resolves.toBe(1);
  await expect(page.getByText("=CONTRACT.WORSTRAG(values, …)").count()).resolves.toBe(1);
  await page.screenshot({ path: path.join(ARTIFACTS, "function-guide.png"), fullPage: true });
});

test("searching narrows the list, and says so when nothing matches", async () => {
  const search = page.getByRole("searchbox", { name: "Search functions" });
  await search.fill("notice");
  const items = page.getByRole("list", { name: "Functions" }).locator(":scope > li");
  await expect(items.count()).resolves.toBe(5); // NOTICEDATE, DAYSTONOTICE, DECIDEBY (its notice period), RAG and RAGREASON (days to notice)
  await search.fill("<b>zzz</b>");
  await page.getByText("No function matches “<b>zzz</b>”.").waitFor();
  await expect(page.locator("b", { hasText: "zzz" }).count()).resolves.toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, "function-guide-search.png") });
  await search.fill("");
});

test("dark theme follows the browser in preview", async () => {
  const dark = await browser.newPage({ colorScheme: "dark", viewport: { width: 360, height: 700 } });
  await dark.goto(`${server.url}taskpane.html`);
  await openView(dark, "Functions");
  await dark.getByRole("heading", { name: "Contract functions" }).waitFor();
  const background = await dark.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await dark.screenshot({ path: path.join(ARTIFACTS, "function-guide-dark.png") });
  await dark.close();
});

test("no console errors", () => {
  expect(consoleErrors).toEqual([]);
});
