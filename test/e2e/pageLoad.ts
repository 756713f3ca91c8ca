// One cold load of a page in headless Chromium, as the browser tests and bench/paneLoad.bench.ts
// see it: when the first heading showed, and every file the page fetched, with when it finished and
// how big its JavaScript is gzipped (the server sends it raw; a real host would gzip it).
import * as zlib from "zlib";
import type { Browser, Page, Request } from "playwright-core";

/** One file the page asked for. */
export interface FetchedFile {
  /** The URL's path without the leading slash, e.g. `taskpane.js`. */
  path: string;
  /** HTTP status; 0 when the request failed. */
  status: number;
  /** Gzipped size (level 9, as scripts/bundleSize.js measures) in bytes, of JavaScript only; 0 otherwise. */
  gzipBytes: number;
  /** ms after navigation start the response ended (Resource Timing), or undefined when it never ended. */
  finishedMs?: number;
}

/** What one load measured. */
export interface PageLoad {
  /** ms after navigation start to the first frame after the first `<h1>` with text was laid out (when it is painted). */
  headingMs: number;
  /** ms after navigation start the first `<h1>` with text was laid out in the document: what had arrived by then is what it needed. */
  headingInDocumentMs: number;
  /** Every file asked for until the network was idle, in the order asked. */
  files: FetchedFile[];
}

/** The page's own record of the first heading, written by HEADING_WATCH. */
interface HeadingRecord {
  __firstHeading?: { inDocument: number; painted?: number };
}

// Runs in the page before its own scripts: notes when an <h1> with text first has a box, and the
// next animation frame (the one it is painted in). The same watch for every page measured, so only
// the pages differ.
const HEADING_WATCH = `(() => {
  let noted = false;
  const check = () => {
    if (noted) return;
    const h = document.querySelector("h1");
    if (!h || !h.textContent || !h.textContent.trim() || h.getBoundingClientRect().height === 0) return;
    noted = true;
    const record = { inDocument: performance.now() };
    window.__firstHeading = record;
    requestAnimationFrame(() => { record.painted = performance.now(); });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** How long the network must be quiet before a load counts as finished (Playwright's networkidle is 500 ms too). */
const QUIET_MS = 500;

/** `http://host/a/b.js?x` → `a/b.js`. */
const pathOf = (url: string): string => decodeURIComponent(new URL(url).pathname).replace(/^\//, "");

const isJavaScript = (path: string, contentType: string | undefined): boolean => /\.m?js$/.test(path) || /javascript/.test(contentType ?? "");

/**
 * Watches `page` from now on: every request it makes, with its gzipped JavaScript size once
 * answered. `files()` waits for the answers and adds when each ended (Resource Timing).
 */
export function watchFetches(page: Page): { asked(): string[]; quiet(): Promise<void>; files(): Promise<FetchedFile[]> } {
  const requests: Request[] = [];
  const pending = new Set<Request>();
  let lastChange = Date.now();
  page.on("request", (request) => {
    requests.push(request);
    pending.add(request);
    lastChange = Date.now();
  });
  const settle = (request: Request): void => {
    pending.delete(request);
    lastChange = Date.now();
  };
  page.on("requestfinished", settle);
  page.on("requestfailed", settle);
  return {
    asked: () => requests.map((r) => pathOf(r.url())),
    // Nothing in flight for QUIET_MS: what the page asks for now, it asked for on its own.
    async quiet() {
      const started = Date.now();
      while (pending.size > 0 || Date.now() - lastChange < QUIET_MS) {
        if (Date.now() - started > 30_000) throw new Error(`the page kept fetching: ${[...pending].map((r) => r.url()).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async files() {
      const ended = await page.evaluate(() =>
        performance.getEntriesByType("resource").map((e) => ({ name: e.name, end: (e as PerformanceResourceTiming).responseEnd })),
      );
      const endOf = new Map(ended.map((e) => [e.name, e.end]));
      return Promise.all(
        requests.map(async (request): Promise<FetchedFile> => {
          const path = pathOf(request.url());
          const response = await request.response().catch(() => null);
          const status = response?.status() ?? 0;
          const body = response && isJavaScript(path, response.headers()["content-type"]) ? await response.body().catch(() => null) : null;
          const gzipBytes = body && status === 200 ? zlib.gzipSync(body, { level: 9 }).length : 0;
          return { path, status, gzipBytes, finishedMs: endOf.get(request.url()) };
        }),
      );
    },
  };
}

/**
 * Opens `url` in a new context of `browser` (so nothing is cached), waits for the first heading and
 * then for the network to be idle, and returns what it measured. `prepare` may route requests (the
 * stand-in office.js) before the page opens; `then` may act on the page (open views, asking `watch` which
 * files were asked for so far, or to wait for quiet) before the context closes.
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  options: { width?: number; prepare?: (page: Page) => Promise<void>; then?: (page: Page, watch: { asked(): string[]; quiet(): Promise<void> }) => Promise<void> } = {},
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 800, height: 900 }, locale: "en-GB" });
  try {
    const page = await context.newPage();
    await page.addInitScript(HEADING_WATCH);
    await options.prepare?.(page);
    const watch = watchFetches(page);
    await page.goto(url, { waitUntil: "commit" });
    const heading = (await (
      await page.waitForFunction(() => {
        const record = (window as unknown as HeadingRecord).__firstHeading;
        return record?.painted !== undefined ? record : undefined;
      }, undefined, { timeout: 30_000 })
    ).jsonValue()) as { inDocument: number; painted: number };
    await watch.quiet();
    await options.then?.(page, watch);
    return { headingMs: heading.painted, headingInDocumentMs: heading.inDocument, files: await watch.files() };
  } finally {
    await context.close();
  }
}

/**
 * The JavaScript that had finished arriving when the first heading was laid out: what it needed.
 * (Not up to its paint a frame later: a script the page asks for once the heading is drawn may
 * arrive within that frame on localhost, or not, and would make the count vary.)
 */
export function scriptsBeforeHeading(load: PageLoad): FetchedFile[] {
  return load.files.filter((f) => f.gzipBytes > 0 && f.finishedMs !== undefined && f.finishedMs <= load.headingInDocumentMs);
}

/** Bytes of `files`, gzipped, summed. */
export const gzipTotal = (files: readonly FetchedFile[]): number => files.reduce((sum, f) => sum + f.gzipBytes, 0);
