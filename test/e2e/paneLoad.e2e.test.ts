import type { Page } from "playwright-core";
import { EXCEL_QUERY, OFFICE_STUB } from "./officeStub";
import { coldLoad, gzipTotal, scriptsBeforeHeading } from "./pageLoad";
import { openView, screenshot, servedPane, viewNames } from "./pane";

// How the built pane loads (issue 13, "Load like a light pane"): what the browser fetches before
// the pane's title shows, which code each view brings when first opened, and what office.js and
// the cell functions cost where there is no Excel. Bytes are the same every run; no timing here
// (`npm run bench -- "pane load"` times it beside a bare Fluent UI page).

const served = servedPane();
const KB = 1024;

/** The chunk a view's code comes in: `view-<tab id>.<hash>.js` (src/taskpane/tabs.tsx). */
const viewChunk = (id: string) => (path: string): boolean => path.startsWith(`view-${id}.`);
/** The id of the view shown now (its panel is `panel-<id>`). */
const shownView = async (page: Page): Promise<string> => ((await page.locator("main > div:not([hidden])").first().getAttribute("id")) ?? "").replace(/^panel-/, "");

test("in a 360 px preview the title shows with at most 150 KB of JavaScript, and office.js, its extra files and the cell functions are never fetched", async () => {
  const load = await coldLoad(served.browser, `${served.url}taskpane.html`, {
    width: 360,
    async then(page) {
      await page.getByRole("tab", { name: /^Summary/ }).waitFor();
      await screenshot(page, "pane-load-360");
    },
  });
  const before = scriptsBeforeHeading(load);
  expect(gzipTotal(before)).toBeLessThanOrEqual(150 * KB);
  // The title needs React, Fluent's core and the pane's shell: no view, and nothing of Excel's.
  expect(before.map((f) => f.path).filter((p) => p.startsWith("view-") || p.startsWith("preview-grid") || p === "office.js")).toEqual([]);
  const fetched = load.files.map((f) => f.path);
  expect(fetched).not.toContain("office.js");
  expect(fetched).not.toContain("functions.js");
  // Anything else office.js would have asked for (Office 2013's host table, its telemetry frame) is not ours.
  const ours = (p: string): boolean => p === "taskpane.html" || p === "taskpane.js" || p === "functions.json" || p.startsWith("assets/") || /\.[0-9a-f]{8}\.js$/.test(p);
  expect(fetched.filter((p) => !ours(p))).toEqual([]);
  expect(load.files.filter((f) => f.status !== 200)).toEqual([]);
});

test("each view's code is fetched the first time its tab opens, not before, and once", async () => {
  const opened: { id: string; before: string[]; after: string[] }[] = [];
  let atStart: string[] = [];
  let first = "";
  await coldLoad(served.browser, `${served.url}taskpane.html`, {
    width: 800,
    async then(page, watch) {
      first = await shownView(page);
      await page.locator(`#panel-${first} h2`).first().waitFor();
      await watch.quiet();
      atStart = watch.asked();
      for (const name of await viewNames(page)) {
        const before = watch.asked();
        await openView(page, name);
        const id = await shownView(page);
        await page.locator(`#panel-${id} [role="progressbar"], #panel-${id} h2, #panel-${id} [role="alert"]`).first().waitFor();
        await watch.quiet();
        if (id !== first) opened.push({ id, before, after: watch.asked() });
      }
      await screenshot(page, "pane-load-800-all-views");
    },
  });
  expect(first).toBe("setup");
  expect(atStart.filter((p) => p.startsWith("view-")).map((p) => p.replace(/\..*/, ""))).toEqual(["view-setup"]);
  expect(opened.map((o) => o.id).sort()).toEqual(["contract", "dashboard", "functions", "settings", "summary"]);
  for (const { id, before, after } of opened) {
    expect({ id, early: before.some(viewChunk(id)) }).toEqual({ id, early: false });
    expect({ id, onOpen: after.slice(before.length).filter(viewChunk(id)).length }).toEqual({ id, onOpen: 1 });
  }
});

test("inside Excel office.js and the cell functions load first, the cell functions before the pane's script, and the preview's code never", async () => {
  // office.js's stand-in notes which script used it first: the cell functions associate their
  // functions as they run; the pane's script asks Office.onReady as it runs.
  const ORDER = `${OFFICE_STUB}
    (function () {
      window.__scripts = [];
      var note = function (name) { if (window.__scripts.indexOf(name) < 0) window.__scripts.push(name); };
      var associate = window.CustomFunctions.associate, onReady = window.Office.onReady;
      window.CustomFunctions.associate = function () { note("functions.js"); return associate.apply(this, arguments); };
      window.Office.onReady = function () { note("taskpane.js"); return onReady.apply(this, arguments); };
    })();`;
  let order: string[] = [];
  const load = await coldLoad(served.browser, `${served.url}taskpane.html${EXCEL_QUERY}`, {
    width: 360,
    async prepare(page) {
      await page.route("**/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: ORDER }));
    },
    async then(page) {
      await page.getByText(/Could not list the workbook's tables/).first().waitFor();
      order = await page.evaluate(() => (window as unknown as { __scripts: string[] }).__scripts);
    },
  });
  expect(order).toEqual(["functions.js", "taskpane.js"]);
  const fetched = load.files.map((f) => f.path);
  expect(fetched).toEqual(expect.arrayContaining(["office.js", "functions.js", "taskpane.js"]));
  expect(fetched.filter((p) => p.startsWith("preview"))).toEqual([]);
});

// Every place office.js reads its host from must load it: a host the page misses is an add-in that
// never starts. The address's _host_Info is the test above; these are the others office.js reads.
test.each([
  ["window.name, as Excel on the web may pass it", `window.name = JSON.stringify({ hostInfo: "Excel|Web|16.00|en-GB|0" });`],
  ["sessionStorage, where office.js keeps it for a page Excel did not open itself", `sessionStorage.setItem("hostInfoValue", "Excel$Win32$16.01$en-GB$$$$0");`],
])("a host named only in %s loads office.js and the cell functions", async (_where, hostSign) => {
  const load = await coldLoad(served.browser, `${served.url}taskpane.html`, {
    width: 360,
    async prepare(page) {
      await page.addInitScript(hostSign);
      await page.route("**/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB }));
    },
  });
  expect(load.files.map((f) => f.path)).toEqual(expect.arrayContaining(["office.js", "functions.js"]));
});
