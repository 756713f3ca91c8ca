import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { RAG_FILLS } from "../../src/core/ragFills";
import { EXCEL_QUERY, OFFICE_STUB } from "./officeStub";
import { servedPane, ARTIFACTS, axeViolations, openView, screenshot } from "./pane";

// The built pane outside Excel shows its workbook: under the pane at a task pane's width (360 px),
// beside it in a wide window (1280 px). A newcomer loads the sample and sees the Contracts table
// with its RAG fills; picking a row in the grid opens that contract's card, as selecting it in Excel
// does; pressing a contract on the dashboard highlights its row; writing the summary adds its sheet.
// Inside Excel the grid's chunk is never fetched.

const errors: string[] = [];

const served = servedPane();

/** A fresh preview at this size with the sample tracker loaded from the set-up tab. */
async function openPreview(width: number, options: { dark?: boolean; locale?: string } = {}): Promise<{ page: Page; fetched: string[] }> {
  const context = await served.browser.newContext({ viewport: { width, height: 900 }, locale: options.locale ?? "en-GB", colorScheme: options.dark ? "dark" : "light" });
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(r.url()));
  page.on("console", (m) => m.type() === "error" && errors.push(`${width}px: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`${width}px: ${e.message}`));
  await page.goto(`${served.url}taskpane.html`);
  await page.getByRole("button", { name: "Load the sample tracker" }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();
  return { page, fetched };
}

const sheetGrid = (page: Page, sheet: string | RegExp): Locator => page.getByRole("grid", { name: typeof sheet === "string" ? `Sheet ${sheet}` : sheet });
const rowOf = (grid: Locator, contract: string): Locator => grid.getByRole("row").filter({ has: grid.page().getByRole("gridcell", { name: contract, exact: true }) });

/** The computed fill and text colour of every RAG cell of the Contracts table, by the word it shows. */
async function ragColours(grid: Locator): Promise<{ text: string; fill: string; font: string }[]> {
  return grid.evaluate((table) => {
    const headers = [...table.querySelectorAll("tbody tr")].find((tr) => [...tr.children].some((c) => c.textContent === "RAG"));
    if (!headers) return [];
    const column = [...headers.children].findIndex((c) => c.textContent === "RAG");
    const below = [...table.querySelectorAll("tbody tr")].slice([...table.querySelectorAll("tbody tr")].indexOf(headers) + 1);
    return below.map((tr) => {
      const cell = tr.children[column] as HTMLElement;
      const style = getComputedStyle(cell);
      return { text: cell.textContent ?? "", fill: style.backgroundColor, font: style.color };
    });
  });
}

const rgb = (hex: string): string => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

describe.each([
  { width: 360, where: "under the pane" },
  { width: 1280, where: "beside the pane" },
])("at $width px the grid is $where", ({ width }) => {
  let page: Page;
  let fetched: string[];

  beforeAll(async () => {
    ({ page, fetched } = await openPreview(width));
  });

  afterAll(async () => {
    await page?.context().close();
  });

  test("after set-up it shows the Contracts table with its RAG fills, where the window has room for it", async () => {
    const grid = sheetGrid(page, "Contract register");
    await grid.waitFor();
    expect(fetched.some((url) => /preview-grid\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    await expect(page.getByRole("radio", { name: "Contract register" }).getAttribute("aria-checked")).resolves.toBe("true");
    for (const sheet of ["Settings", "Milestones", "KPIs", "Risks", "Changes", "Escalations"]) await page.getByRole("radio", { name: sheet, exact: true }).waitFor();
    // Column letters and row numbers, the register's title above its table, dates and money as formatted.
    await grid.getByRole("columnheader", { name: "A", exact: true }).waitFor();
    await grid.getByRole("rowheader", { name: "4", exact: true }).waitFor();
    await grid.getByRole("gridcell", { name: /^Northbridge Borough Council — contract register/ }).waitFor();
    const waste = rowOf(grid, "NBC-C-0101");
    await expect(waste.getByRole("gridcell").nth(7).textContent()).resolves.toMatch(/^\d\d\/\d\d\/\d{4}$/);
    await expect(waste.getByRole("gridcell").nth(12).textContent()).resolves.toBe("£6,850,000");
    const colours = await ragColours(grid);
    expect(colours).toHaveLength(27);
    for (const c of colours) {
      const fill = RAG_FILLS.find((f) => f.text === c.text);
      expect(c).toEqual({ text: c.text, fill: fill && rgb(fill.fill), font: fill && rgb(fill.font) });
    }
    expect(new Set(colours.map((c) => c.text))).toEqual(new Set(["Red", "Amber", "Green", "Unrated"]));

    const pane = await page.locator("#root").boundingBox();
    const box = await page.locator("#workbook-grid").boundingBox();
    if (!pane || !box) throw new Error("the pane and the grid are drawn");
    if (width >= 1100) {
      expect(pane.width).toBeGreaterThanOrEqual(360);
      expect(pane.width).toBeLessThanOrEqual(420);
      expect(box.x).toBeGreaterThanOrEqual(pane.x + pane.width - 1);
      expect(box.y).toBe(0);
    } else {
      expect(box.y).toBeGreaterThanOrEqual(pane.y + pane.height - 1);
      expect(box.width).toBeLessThanOrEqual(width);
    }
    // Nothing wider than the window: the sheet tabs wrap, the grid scrolls in its own box.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    await grid.getByRole("gridcell", { name: "Red", exact: true }).first().scrollIntoViewIfNeeded();
    await screenshot(page, `grid-${width}-contracts`);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  test("picking a row in the grid opens that contract's card, as a selection in Excel does; arrow keys move it on", async () => {
    await openView(page, "Contract");
    // The card's hint points at the grid the preview shows, not at an Excel the newcomer does not have.
    await page.getByText("Or select a row of the Contracts table in the workbook shown with the pane: the card follows it, as it does in Excel.").waitFor();
    const grid = sheetGrid(page, "Contract register");
    await rowOf(grid, "NBC-C-0105").getByRole("gridcell").nth(2).click();
    await page.getByRole("heading", { name: "ICT service desk and end-user support", level: 3 }).waitFor();
    await expect(rowOf(grid, "NBC-C-0105").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByRole("group", { name: "Selected cell" }).textContent()).resolves.toMatch(/^C\d+/);
    // Down a row by keyboard: the next contract's card.
    const next = await rowOf(grid, "NBC-C-0105").locator("xpath=following-sibling::tr[1]").getByRole("gridcell").first().textContent();
    await page.keyboard.press("ArrowDown");
    await expect(rowOf(grid, next ?? "").getAttribute("aria-selected")).resolves.toBe("true");
    await page.waitForFunction((id) => (document.querySelector<HTMLInputElement>('input[role="combobox"]')?.value ?? "").startsWith(`${id} — `), next);
    await screenshot(page, `grid-${width}-picked`);
  });

  test("pressing a contract on the dashboard highlights its row in the grid and keeps it in view there", async () => {
    await openView(page, "Dashboard");
    await page.locator("#workbook-grid table").evaluate((t) => t.parentElement?.scrollTo({ left: 10000 }));
    const missed = page.getByRole("list", { name: "Notice dates missed, longest overdue first" });
    await missed.getByRole("button", { name: "NBC-C-0103 Leisure centres management" }).click();
    const grid = sheetGrid(page, "Contract register");
    const row = rowOf(grid, "NBC-C-0103");
    await row.and(page.locator('[aria-selected="true"]')).waitFor();
    await expect(grid.locator('tr[aria-selected="true"]').count()).resolves.toBe(1);
    // Inside the grid's own scroll box: the row between its top and bottom edges, its ID cell clear
    // of the row numbers that stay in view on the left.
    const inView = await row.evaluate((tr) => {
      const box = tr.closest("div")?.getBoundingClientRect();
      const rect = tr.getBoundingClientRect();
      const numbers = tr.children[0].getBoundingClientRect();
      const id = tr.children[1].getBoundingClientRect();
      return box !== undefined && rect.top >= box.top && rect.bottom <= box.bottom + 1 && id.left >= numbers.right - 1;
    });
    expect(inView).toBe(true);
    await screenshot(page, `grid-${width}-from-dashboard`);
  });

  test("Write summary sheet adds its sheet tab, and the grid shows the new sheet", async () => {
    await openView(page, "Summary");
    await page.getByRole("button", { name: "Write summary sheet" }).click();
    const tab = page.getByRole("radio", { name: /^Escalations \d{4}-\d\d-\d\d$/ });
    await tab.waitFor();
    await expect(tab.getAttribute("aria-checked")).resolves.toBe("true");
    const grid = sheetGrid(page, /^Sheet Escalations \d{4}-\d\d-\d\d$/);
    await grid.getByRole("gridcell", { name: /^Escalation summary/ }).first().waitFor();
    await grid.getByRole("gridcell", { name: "Recommended action", exact: true }).waitFor();
    await screenshot(page, `grid-${width}-summary-sheet`);
    await page.locator("#workbook-grid").screenshot({ path: path.join(ARTIFACTS, `grid-${width}-summary-sheet-grid.png`) });
    await expect(axeViolations(page)).resolves.toEqual([]);
    // Back to the register by its tab.
    await page.getByRole("radio", { name: "Contract register" }).click();
    await sheetGrid(page, "Contract register").waitFor();
  });
});

test("in dark mode the grid follows the pane's theme and stays readable", async () => {
  const { page } = await openPreview(1280, { dark: true, locale: "en-US" });
  const grid = sheetGrid(page, "Contract register");
  await grid.waitFor();
  const background = await page.locator("#workbook-grid section").evaluate((s) => getComputedStyle(s).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b).toBeLessThan(3 * 80);
  await page.screenshot({ path: path.join(ARTIFACTS, "grid-1280-dark.png") });
  await expect(axeViolations(page)).resolves.toEqual([]);
  await page.context().close();
});

test("inside Excel the grid's chunk is never fetched and no grid is drawn", async () => {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  await context.route("**/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }));
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(r.url()));
  await page.goto(`${served.url}taskpane.html${EXCEL_QUERY}`);
  await page.getByRole("heading", { name: "Contract Tracker", level: 1 }).waitFor();
  await page.getByText(/Could not list the workbook's tables/).first().waitFor();
  // Longer than the preview waits before asking for the grid (an idle moment, at most a second).
  await page.waitForTimeout(1500);
  expect(fetched.filter((url) => /preview/.test(url))).toEqual([]);
  await expect(page.locator("#workbook-grid").count()).resolves.toBe(0);
  await context.close();
});

test("no uncaught errors", () => {
  expect(errors).toEqual([]);
});
