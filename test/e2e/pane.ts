import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { serveDirectory } from "./server";

export const DIST = path.resolve(__dirname, "../../dist");
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts");

/** Fails early, with what to do, when the build is missing. */
export function needBuild(): void {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("Build first: npm run build (dist/taskpane.html is missing)");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

/** The More views menu of a narrow pane's tab row (occasional views: set-up, settings, functions). */
export const moreViews = (page: Page) => page.getByRole("button", { name: /^More views/ });

/** Opens a view by its tab, or through the More views menu when the pane is too narrow to give it a tab. */
export async function openView(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    await page.locator(`[role="tab"][aria-selected="true"]`, { hasText: name }).first().waitFor({ state: "attached" });
  } else {
    await moreViews(page).click();
    await page.getByRole("menuitemradio", { name, exact: true }).click();
    await page.locator(`main > [role="region"][aria-label="${name}"]:not([hidden])`).waitFor();
  }
}

/** The views the pane offers: its tabs in order, then those in the More views menu. */
export async function viewNames(page: Page): Promise<string[]> {
  const tabs = await page.locator('[role="tab"]').evaluateAll((all) => all.map((t) => t.querySelector(".fui-Tab__content")?.textContent ?? ""));
  if (!(await moreViews(page).isVisible())) return tabs;
  await moreViews(page).click();
  const items = page.getByRole("menuitemradio");
  await items.first().waitFor();
  const more = await items.allTextContents();
  await page.keyboard.press("Escape");
  return [...tabs, ...more.map((m) => m.trim())];
}

/** Saves the whole page as test-artifacts/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// jest-axe's axe-core, the version the jsdom tests use; here it also checks colour contrast.
const AXE = require.resolve("axe-core/axe.min.js", { paths: [path.dirname(require.resolve("jest-axe"))] });

/**
 * Accessibility problems axe finds in the page as the browser draws it (WCAG 2 A and AA, contrast
 * included). One known false positive is left out: Fluent's Tabster puts focusable, aria-hidden
 * `<i data-tabster-dummy>` elements around arrow-key groups (the TabList) that only pass focus on;
 * Fluent and Accessibility Insights treat them as by design (microsoft/tabster#288,
 * microsoft/fluentui#27517, microsoft/accessibility-insights-web#7605).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Violation = { id: string; nodes: { target: string[]; html: string }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
    return result.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/**
 * The built dist/ served on a free port and Debian's Chromium, started before a test file's tests
 * and closed after them: `served.browser` and `served.url` once the file's tests run.
 */
export function servedPane(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDirectory>> | undefined;
  beforeAll(async () => {
    needBuild();
    server = await serveDirectory(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the pane is served once the test file's beforeAll has run");
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get url() {
      return started(server).url;
    },
  };
}
