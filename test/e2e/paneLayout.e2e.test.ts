import type { Page } from "playwright-core";
import * as path from "path";
import { servedPane, ARTIFACTS, axeViolations, moreViews, openView, screenshot } from "./pane";

// The pane's layout at an Excel task pane's widths (320–450 px) and at 800 px, in the built pane
// over the preview's sample tracker: a tab row that never moves, the everyday views always named,
// a one-line preview note, the focus on the card a contract opens, status lines that go when their
// numbers change, and charts whose text stays the size of the text around them.

const consoleErrors: string[] = [];

const VIEWS = ["Set up", "Summary", "Dashboard", "Contract", "Settings", "Functions"] as const;
const EVERYDAY = ["Dashboard", "Contract", "Summary"] as const;
const NARROW = [320, 360, 400, 450] as const;

const served = servedPane();

/** A fresh pane at this width and locale, with the sample tracker loaded from set-up as a user would. */
async function pane(width: number, locale = "en-GB"): Promise<Page> {
  const context = await served.browser.newContext({ viewport: { width, height: 900 }, locale, colorScheme: "light" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.url.replace(/\/$/, "") });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(`${width}px: ${m.text()}`));
  page.on("pageerror", (e) => consoleErrors.push(`${width}px: ${e.message}`));
  await page.goto(`${served.url}taskpane.html`);
  await page.getByRole("button", { name: "Load the sample tracker" }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();
  return page;
}

const tab = (page: Page, name: string) => page.getByRole("tab", { name, exact: true });

/** Where every tab (and the More views button) is drawn: its name and box, rounded to the pixel. */
function tabBoxes(page: Page): Promise<string[]> {
  return page.locator('nav[aria-label="Views"] :is([role="tab"], button)').evaluateAll((tabs) =>
    tabs.map((t) => {
      const r = t.getBoundingClientRect();
      return `${t.id || t.getAttribute("aria-label")} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
}

async function pick(page: Page, name: string): Promise<void> {
  await openView(page, name);
  await page.locator(`main > :not([hidden]) h2`).first().waitFor();
}

describe.each([...NARROW, 800])("at %i px", (width) => {
  test("the tab row is the same whichever view is picked, Dashboard, Contract and Summary named and in view, the preview note one line", async () => {
    const page = await pane(width);
    await page.mouse.move(0, 0);
    const before = await tabBoxes(page);
    expect(before).toHaveLength(width < 560 ? EVERYDAY.length + 1 : VIEWS.length);
    for (const name of VIEWS) {
      await pick(page, name);
      await page.mouse.move(0, 0);
      expect(await tabBoxes(page)).toEqual(before);
      // Nothing in the view is wider than the pane, so the page never scrolls sideways under the row.
      await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
    }
    // Everyday views show their names, inside the pane, on the tab row's one line.
    const tops = new Set<number>();
    for (const name of EVERYDAY) {
      const t = tab(page, name);
      const box = await t.boundingBox();
      expect(box).not.toBeNull();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      tops.add(Math.round(box.y));
      await expect(t.evaluate((e) => (e as HTMLElement).innerText.trim())).resolves.toBe(name);
    }
    expect(tops.size).toBe(1);
    // The occasional views: in a narrow pane, one menu at the row's end, named for what it holds, with a tooltip.
    if (width < 560) {
      const more = moreViews(page);
      const box = await more.boundingBox();
      expect(box && box.x + box.width <= width).toBe(true);
      await expect(more.getAttribute("aria-label")).resolves.toBe("More views: Set up, Settings, Functions");
      await more.hover();
      await page.getByRole("tooltip").filter({ hasText: "Set up, Settings, Functions" }).waitFor();
    } else {
      for (const name of ["Set up", "Settings", "Functions"]) await expect(tab(page, name).isVisible()).resolves.toBe(true);
    }
    await page.mouse.move(0, 0);
    // The preview note: one line in a pane this wide (at most 48 px), its disclosure and dismiss.
    const note = page.getByRole("button", { name: "What is this?" });
    const bar = page.locator(".fui-MessageBar", { has: note });
    const height = (await bar.boundingBox())?.height ?? 999;
    if (width >= 360) expect(height).toBeLessThanOrEqual(48);
    else expect(height).toBeLessThanOrEqual(72);
    await page.context().close();
  });
});

test("the preview note opens its explanation, is dismissed for the session, and the Preview badge stays", async () => {
  const page = await pane(360);
  const what = page.getByRole("button", { name: "What is this?" });
  await expect(what.getAttribute("aria-expanded")).resolves.toBe("false");
  await what.click();
  await page.getByText("Sideload the add-in into Excel to use it on your own workbook.").waitFor();
  await expect(page.getByRole("button", { name: "Hide" }).getAttribute("aria-expanded")).resolves.toBe("true");
  await expect(axeViolations(page)).resolves.toEqual([]);
  await page.getByRole("button", { name: "Dismiss the preview note" }).click();
  await expect(page.getByText("Sample data", { exact: true }).count()).resolves.toBe(0);
  await page.getByText("Preview", { exact: true }).waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Contract Tracker", level: 1 }).waitFor();
  await page.getByRole("tablist").waitFor();
  await expect(page.getByText("Sample data", { exact: true }).count()).resolves.toBe(0);
  await page.getByText("Preview", { exact: true }).waitFor();
  await page.context().close();
});

/** The element with the focus: its id and text. */
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? "", text: document.activeElement?.textContent ?? "" }));

describe.each([360, 800])("at %i px, by keyboard", (width) => {
  test("a contract opened from the dashboard or the summary puts the focus on its card's heading", async () => {
    const page = await pane(width);
    await pick(page, "Dashboard");
    const missed = page.getByRole("list", { name: "Notice dates missed, longest overdue first" }).getByRole("button").first();
    const fromDashboard = (await missed.textContent()) ?? "";
    await missed.focus();
    await page.keyboard.press("Enter");
    await expect(tab(page, "Contract").getAttribute("aria-selected")).resolves.toBe("true");
    await page.waitForFunction(() => document.activeElement?.id === "contract-card-heading");
    const onCard = await focused(page);
    expect(fromDashboard).toContain(onCard.text);
    await expect(page.getByRole("combobox", { name: "Contract" }).inputValue()).resolves.toContain(fromDashboard.split(" ")[0]);

    await pick(page, "Summary");
    // A contract other than the one already open, so the card must change for the test to pass.
    const first = page
      .getByRole("list", { name: /^Level \d contracts, most urgent first$/ })
      .first()
      .getByRole("button")
      .filter({ hasNotText: fromDashboard.split(" ")[0] })
      .first();
    const fromSummary = (await first.textContent()) ?? "";
    const id = fromSummary.split(" ")[0];
    await first.focus();
    await page.keyboard.press("Enter");
    await expect(tab(page, "Contract").getAttribute("aria-selected")).resolves.toBe("true");
    await page.waitForFunction(() => document.activeElement?.id === "contract-card-heading");
    await expect(page.getByRole("combobox", { name: "Contract" }).inputValue()).resolves.toContain(id);
    await expect(focused(page)).resolves.toMatchObject({ id: "contract-card-heading" });
    expect(fromSummary).toContain((await focused(page)).text);
    await page.context().close();
  });
});

test("status lines go when the numbers they describe change", async () => {
  const page = await pane(360);
  await pick(page, "Summary");
  const status = page.locator("#panel-summary [role=status]").first();
  await page.getByRole("button", { name: "Copy as text" }).click();
  await status.getByText("Copied the summary as text.").waitFor();
  // Writing the sheet logs escalations, so the summary copied a moment ago is not the one shown any more.
  await page.getByRole("button", { name: "Write summary sheet" }).click();
  const written = page.getByText(/The sheet “Escalations \d{4}-\d{2}-\d{2}” now holds \d+ contracts/);
  await written.waitFor();
  await page.getByText(/already logged as/).first().waitFor();
  await expect(status.textContent()).resolves.toBe("");
  // A threshold changed in Settings (red within 179 days, under amber's 180): more contracts are Red, so "now holds N" is not said any more.
  await pick(page, "Settings");
  // Expiry's red threshold, found by its default of 90 days rather than by its label, which is the settings view's own.
  const red = page.locator("#panel-settings input[value='90']").first();
  await red.fill("179");
  await page.locator("#panel-settings").getByRole("button", { name: "Save" }).click();
  await page.locator("#panel-settings").getByRole("status").filter({ hasText: /./ }).waitFor();
  await pick(page, "Summary");
  await page.locator("#panel-summary").getByRole("heading", { level: 3 }).first().waitFor();
  await page.waitForFunction(() => !/now holds/.test(document.getElementById("panel-summary")?.textContent ?? ""));
  await expect(written.count()).resolves.toBe(0);
  await page.context().close();
});

describe.each([360, 800])("at %i px", (width) => {
  test("chart labels are the size of the text around them; bars may widen, text does not", async () => {
    const page = await pane(width);
    await pick(page, "Dashboard");
    const chart = page.getByRole("img", { name: /^Live contracts by RAG:/ });
    await chart.waitFor();
    const sizes = await chart.evaluate((c) => {
      const px = (e: Element | null) => (e ? getComputedStyle(e).fontSize : "none");
      const section = c.closest("section");
      return {
        svg: c.querySelectorAll("svg").length,
        labels: [...c.children].filter((_, i) => i % 3 !== 1).map((e) => px(e)),
        around: px(section?.querySelector("ul[aria-label='Set apart from the ratings'] span") ?? null),
        caption: px(document.querySelector("#panel-dashboard section > div > span")),
        track: c.children[1]?.getBoundingClientRect().width ?? 0,
      };
    });
    expect(sizes.svg).toBe(0);
    expect(new Set(sizes.labels)).toEqual(new Set([sizes.around]));
    expect(sizes.around).toBe(sizes.caption);
    expect(sizes.around).toBe("12px");
    if (width === 800) expect(sizes.track).toBeGreaterThan(300);
    await page.context().close();
  });
});

describe.each(["en-GB", "en-US"])("in %s", (locale) => {
  test.each([360, 800])("each view at %i px passes axe and is photographed", async (width) => {
    const page = await pane(width, locale);
    for (const name of VIEWS) {
      await pick(page, name);
      if (name === "Dashboard") await page.getByRole("img", { name: /^Live contracts by RAG:/ }).waitFor();
      if (name === "Summary") await page.locator("#panel-summary").getByRole("heading", { level: 3 }).first().waitFor();
      if (name === "Contract") {
        await pick(page, "Dashboard");
        await page.getByRole("list", { name: "Notice dates missed, longest overdue first" }).getByRole("button").first().click();
        await page.waitForFunction(() => document.activeElement?.id === "contract-card-heading");
      }
      if (name === "Functions") await page.getByRole("heading", { name: "Contract functions" }).waitFor();
      await page.mouse.move(0, 0);
      if (["Dashboard", "Summary", "Contract", "Settings"].includes(name)) {
        await screenshot(page, `layout-${name.toLowerCase()}-${width}-${locale}`);
        // The first screen as the user sees it (the whole page is long at 360 px).
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(ARTIFACTS, `layout-${name.toLowerCase()}-${width}-${locale}-top.png`) });
      }
      expect({ name, violations: await axeViolations(page) }).toEqual({ name, violations: [] });
    }
    await page.context().close();
  });
});

test("no console errors", () => {
  expect(consoleErrors).toEqual([]);
});
