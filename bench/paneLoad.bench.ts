// The task pane's load (issue 13, "Load like a light pane"): the built pane in the preview, opened
// cold in Debian's headless Chromium, beside a bare Fluent UI v9 page built here with the same
// webpack and ts-loader, in turn, in one run. `npm run bench -- "pane load"`.
import { execSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../test/e2e/browser";
import { EXCEL_QUERY, OFFICE_STUB } from "../test/e2e/officeStub";
import { FetchedFile, PageLoad, coldLoad, gzipTotal, scriptsBeforeHeading } from "../test/e2e/pageLoad";
import { openView, viewNames } from "../test/e2e/pane";
import { serveDirectory } from "../test/e2e/server";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

/** Targets of issue 13. */
export const PANE_LOAD_TARGETS = { scriptsBeforeHeadingBytes: 150 * 1024, headingRatioToBare: 1.3 } as const;
const RUNS = 7;

/** Files our webpack build writes (entries and hashed chunks); any other script is office.js's or a stranger's. */
const isOurScript = (file: string): boolean => file === "functions.js" || file === "taskpane.js" || /\.[0-9a-f]{8}\.js$/.test(file);
const isScript = (file: string): boolean => file.endsWith(".js");
/** What the pane itself asks for; anything else the preview fetches is office.js fetching its own files (its host scripts, its telemetry frame). */
const isOurFile = (file: string): boolean => isOurScript(file) || ["taskpane.html", "office.js", "functions.json"].includes(file) || file.startsWith("assets/");
/** The chunk of a view: `view-<tab id>.<hash>.js` (webpackChunkName in src/taskpane/tabs.tsx). */
const viewChunk = (id: string) => (file: string): boolean => file.startsWith(`view-${id}.`);

/** Builds dist/ when it is missing or older than a source file, so the pane measured is the code in src/. */
function ensureBuild(): void {
  const built = path.join(DIST, "taskpane.html");
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
      const p = path.join(dir, e.name);
      return Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const stale = !fs.existsSync(built) || Math.max(newest(path.join(ROOT, "src")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs) > fs.statSync(built).mtimeMs;
  if (!stale) return;
  process.stderr.write("building dist/ for the pane load …\n");
  execSync("npm run build", { stdio: "ignore", cwd: ROOT });
}

/** The bare page (bench/bareFluentPage.tsx) bundled with the project's webpack and ts-loader in production mode, into a temp folder. */
async function buildBarePage(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ct-bare-fluent-"));
  const webpack = require("webpack") as typeof import("webpack");
  const HtmlWebpackPlugin = require("html-webpack-plugin") as typeof import("html-webpack-plugin");
  const compiler = webpack({
    mode: "production",
    context: ROOT,
    entry: { bare: "./bench/bareFluentPage.tsx" },
    output: { path: out, filename: "[name].js", chunkFilename: "[name].[contenthash:8].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } } }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        // taskpane.html's page without office.js: the same head, the same root element.
        templateContent: `<!doctype html><html lang="en-GB"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Bare Fluent UI v9 page</title><style>html, body, #root { margin: 0; height: 100%; } body { font-family: "Segoe UI", system-ui, sans-serif; }</style></head><body><div id="root"></div></body></html>`,
      }),
    ],
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || !stats || stats.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only") ?? "webpack gave no stats"));
      else compiler.close(() => resolve());
    }),
  );
  return out;
}

/** What opening each view fetched, in a preview pane at 800 px (every view has a tab). */
interface ViewLoad {
  id: string;
  name: string;
  /** Its chunk was fetched before the view was first opened. */
  early: boolean;
  /** JavaScript files fetched as it opened. */
  onOpen: FetchedFile[];
}

/** Loads the preview and opens every view in turn, noting what each one fetched. */
async function viewLoads(browser: Browser, url: string): Promise<{ load: PageLoad; views: ViewLoad[] }> {
  const opened: { id: string; name: string; before: string[]; after: string[] }[] = [];
  const panelId = (page: Page): Promise<string> => page.locator("main > div:not([hidden])").first().getAttribute("id").then((id) => (id ?? "").replace(/^panel-/, ""));
  const load = await coldLoad(browser, `${url}taskpane.html`, {
    async then(page, { asked, quiet }) {
      await page.locator("main > div:not([hidden])").first().waitFor();
      opened.push({ id: await panelId(page), name: "(opens on)", before: [], after: asked() });
      for (const name of await viewNames(page)) {
        const before = asked();
        await openView(page, name);
        await quiet();
        const id = await panelId(page);
        if (opened.some((o) => o.id === id)) continue;
        opened.push({ id, name, before, after: asked() });
      }
    },
  });
  const byPath = new Map(load.files.map((f) => [f.path, f]));
  const views = opened.map(({ id, name, before, after }) => ({
    id,
    name,
    early: before.some(viewChunk(id)),
    onOpen: after.slice(before.length).filter(isScript).flatMap((p) => byPath.get(p) ?? []),
  }));
  return { load, views };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (met: boolean): string => (met ? "met" : "MISSED");

/** Runs the pane-load case and returns its tables, and how many targets it missed. */
export async function paneLoadTable(): Promise<{ table: string; missed: number }> {
  ensureBuild();
  const bareDir = await buildBarePage();
  const pane = await serveDirectory(DIST);
  const bare = await serveDirectory(bareDir);
  const browser = await launchChromium();
  try {
    const paneLoads: PageLoad[] = [];
    const bareLoads: PageLoad[] = [];
    // In turn, so both pages see the same machine.
    for (let i = 0; i < RUNS; i++) {
      paneLoads.push(await coldLoad(browser, `${pane.url}taskpane.html`));
      bareLoads.push(await coldLoad(browser, `${bare.url}index.html`));
      process.stderr.write(".");
    }
    const { load: previewLoad, views } = await viewLoads(browser, pane.url);
    const excelLoad = await coldLoad(browser, `${pane.url}taskpane.html${EXCEL_QUERY}`, {
      async prepare(page) {
        await page.route("**/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }));
      },
    });

    // Bytes are the same every run; the first run's are shown.
    const paneScripts = scriptsBeforeHeading(paneLoads[0]);
    const bareScripts = scriptsBeforeHeading(bareLoads[0]);
    const paneMs = median(paneLoads.map((l) => l.headingMs));
    const bareMs = median(bareLoads.map((l) => l.headingMs));
    const ratio = paneMs / bareMs;
    const extras = previewLoad.files.filter((f) => !isOurFile(f.path));
    const grid = (l: PageLoad): boolean => l.files.some((f) => f.path.startsWith("preview-grid."));
    const defaultView = views[0];
    const lazyViews = views.every((v, i) => (i === 0 ? previewLoad.files.some((f) => viewChunk(v.id)(f.path)) : !v.early && v.onOpen.some((f) => viewChunk(v.id)(f.path))));
    const rows: [string, string, string, boolean][] = [
      ["JavaScript fetched before the first heading", `${kb(gzipTotal(paneScripts))} KB gz (bare page ${kb(gzipTotal(bareScripts))} KB gz)`, `≤ ${kb(PANE_LOAD_TARGETS.scriptsBeforeHeadingBytes)} KB gz`, gzipTotal(paneScripts) <= PANE_LOAD_TARGETS.scriptsBeforeHeadingBytes],
      ["Time to the first heading (median)", `${paneMs.toFixed(0)} ms = ${ratio.toFixed(2)}× the bare page's ${bareMs.toFixed(0)} ms`, `≤ ${PANE_LOAD_TARGETS.headingRatioToBare}× bare`, ratio <= PANE_LOAD_TARGETS.headingRatioToBare],
      ["Each view's code loads on first use", lazyViews ? "yes" : `no (${views.filter((v, i) => i > 0 && (v.early || !v.onOpen.some((f) => viewChunk(v.id)(f.path)))).map((v) => v.id).join(", ")})`, "yes", lazyViews],
      ["office.js's own extra files fetched in the preview", extras.length ? extras.map((f) => `${f.path} (${f.status})`).join(", ") : "none", "none", extras.length === 0],
      ["Preview grid's chunk: in the preview / inside Excel", `${grid(previewLoad) ? "fetched" : "not fetched"} / ${grid(excelLoad) ? "fetched" : "not fetched"}`, "fetched / not fetched", grid(previewLoad) && !grid(excelLoad)],
    ];
    const fileLines = (files: readonly FetchedFile[]): string[] => files.map((f) => `| ${f.path.padEnd(34)} | ${kb(f.gzipBytes).padStart(7)} | ${(f.finishedMs ?? NaN).toFixed(0).padStart(11)} |`);
    const table = [
      `Task pane load (issue 13): headless Chromium, cold cache (a new context a run), dist/ served raw from localhost, ${RUNS} runs of each page in turn; load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`,
      "| measure | task pane (preview) | target | verdict |",
      "| --- | --- | --- | --- |",
      ...rows.map(([name, value, target, met]) => `| ${name} | ${value} | ${target} | ${verdict(met)} |`),
      "",
      `First heading, each run (ms): pane ${paneLoads.map((l) => l.headingMs.toFixed(0)).join(", ")}; bare ${bareLoads.map((l) => l.headingMs.toFixed(0)).join(", ")}`,
      "",
      "Scripts finished before the pane's first heading was laid out (first run; the total row: when it was)",
      "| file                               | KB gz   | finished ms |",
      "|------------------------------------|---------|-------------|",
      ...fileLines(paneScripts),
      `| ${"total".padEnd(34)} | ${kb(gzipTotal(paneScripts)).padStart(7)} | ${paneLoads[0].headingInDocumentMs.toFixed(0).padStart(11)} |`,
      "",
      `Every file the preview fetched until idle, in order: ${previewLoad.files.map((f) => f.path).join(", ")}`,
      `Inside Excel (office.js stand-in): ${excelLoad.files.map((f) => f.path).join(", ")}`,
      `Bare page: ${bareLoads[0].files.map((f) => `${f.path}${f.gzipBytes ? ` ${kb(f.gzipBytes)} KB gz` : ""}`).join(", ")}`,
      "",
      `Scripts each view fetched when first opened (the pane opens on ${defaultView?.id ?? "?"})`,
      ...views.slice(1).map((v) => `- ${v.name} (${v.id}): ${v.onOpen.length ? v.onOpen.map((f) => `${f.path} ${kb(f.gzipBytes)} KB gz`).join(", ") : "nothing"}${v.early ? " — its chunk was fetched before" : ""}`),
    ].join("\n");
    return { table, missed: rows.filter((r) => !r[3]).length };
  } finally {
    await browser.close();
    await pane.close();
    await bare.close();
    fs.rmSync(bareDir, { recursive: true, force: true });
  }
}
