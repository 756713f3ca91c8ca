import type { Page } from "playwright-core";
import { dateStyles, DateStyle } from "../helpers/dateStyles";
import { servedPane, axeViolations, openView, screenshot } from "./pane";

// The built pane in headless Chromium over the preview's sample, at a task pane's width and at
// 800 px, in en-GB and en-US: every view writes its dates one way (the locale's, in words), the
// settings speak in percentages and words, the KPIs read as the register writes them, and Log
// escalation asks who raised it and cautions below the recommended level. Screenshots go to
// test-artifacts/words-*.png; axe finds nothing on any of these views.


const served = servedPane();

const CASES: readonly { locale: string; style: DateStyle; width: number; kpi: string }[] = [
  { locale: "en-GB", style: "day first", width: 360, kpi: "Target 95%" },
  { locale: "en-US", style: "month first", width: 360, kpi: "Target 95%" },
  { locale: "en-GB", style: "day first", width: 800, kpi: "Target 95%" },
  { locale: "en-US", style: "month first", width: 800, kpi: "Target 95%" },
];

/** The dates the pane's main area writes, by style. */
const mainDates = async (page: Page) => dateStyles((await page.locator("main").innerText()).replace(/\s+/g, " "));

test.each(CASES)("$locale at $width px: one date style in every view; settings and forms in words", async ({ locale, style, width, kpi }) => {
  const context = await served.browser.newContext({ viewport: { width, height: 900 }, locale, colorScheme: "light" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const name = `words-${locale}-${width}`;
  await page.goto(`${served.url}taskpane.html`);
  await page.getByRole("button", { name: "Load the sample tracker" }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();

  for (const view of ["Dashboard", "Summary"]) {
    await openView(page, view);
    await page.locator("main").getByText(/^As of /).first().waitFor();
    const found = await mainDates(page);
    expect(found).toEqual({ [style]: found[style] });
    expect(found[style]?.length).toBeGreaterThan(5);
    await screenshot(page, `${name}-${view.toLowerCase()}`);
    await expect(axeViolations(page)).resolves.toEqual([]);
  }

  // The card of a contract with a KPI the register writes as a percentage.
  await openView(page, "Contract");
  const picker = page.getByRole("combobox", { name: "Contract" });
  await picker.click();
  await picker.fill("NBC-C-0104");
  await page.getByRole("option", { name: /^NBC-C-0104/ }).click();
  await page.getByRole("list", { name: "KPIs" }).getByText(kpi, { exact: false }).waitFor();
  const card = await mainDates(page);
  expect(card).toEqual({ [style]: card[style] });
  await screenshot(page, `${name}-contract`);
  await expect(axeViolations(page)).resolves.toEqual([]);

  // Log escalation: who raised it is required; a level below the recommended one is a caution.
  await page.getByRole("button", { name: "Log escalation" }).click();
  const dialog = page.getByRole("dialog", { name: "Log escalation" });
  const level = dialog.getByRole("combobox", { name: /^Level/ });
  const recommended = Number(await level.inputValue());
  if (recommended > 1) {
    await level.selectOption("1");
    await dialog.getByText(`Below the recommended level ${recommended}`, { exact: false }).waitFor();
  }
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.getByText("Raised by: say who is raising it").waitFor();
  await screenshot(page, `${name}-escalation`);
  await expect(axeViolations(page)).resolves.toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Settings: fractions as percentages, the rule across fields under its field, in words.
  await openView(page, "Settings");
  const kpiRed = page.getByRole("textbox", { name: "KPI attainment: red below" });
  await expect(kpiRed.inputValue()).resolves.toBe("95");
  await page.getByRole("textbox", { name: "Expiry: amber at or below" }).fill("30");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Expiry: amber at or below must be at least red at or below (90 days)", { exact: false }).waitFor();
  expect(await page.locator("main").innerText()).not.toMatch(/\b[a-z]+_[a-z_]+ must\b|PHASE/);
  await screenshot(page, `${name}-settings`);
  await expect(axeViolations(page)).resolves.toEqual([]);

  expect(errors).toEqual([]);
  await context.close();
}, 180_000);
