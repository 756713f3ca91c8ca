import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { formatSerial } from "../../src/core/dates";
import { calendarFileName, trackerCalendar } from "../../src/features/calendarExport";
import { readPaneData } from "../../src/features/paneData";
import { previewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import { parseEvents } from "../helpers/icalendar";
import { ARTIFACTS, openView, servedPane } from "./pane";

// "Add dates to my calendar" in the built pane, in Chromium at 360 px over the preview's sample
// tracker: the file the browser saves is read back by ical.js and holds the engine's dates, its
// performance assessments (the sample has a KPIs table) among them.
const served = servedPane();
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const context = await served.browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", colorScheme: "light", acceptDownloads: true });
  page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`${served.url}taskpane.html`);
  await page.getByRole("button", { name: "Load the sample tracker" }).click();
  await page.getByRole("heading", { name: "The tracker is set up" }).waitFor();
}, 60_000);

test("the button saves an .ics whose every event is one of the tracker's dates, with its reminder", async () => {
  // The dates the engine gives for the same sample on the same day.
  const preview = previewWorkbook(new Date());
  await preview.sample?.load();
  const { data, tables } = await readPaneData(preview.port);
  const expected = trackerCalendar(data, { now: new Date(), hasKpisTable: tables.has("KPIs") }).dates;
  expect(expected.length).toBeGreaterThan(5);

  await openView(page, "Summary");
  const button = page.getByRole("button", { name: "Add dates to my calendar" });
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toBe(calendarFileName(formatSerial(data.asOf, "iso")));
  const saved = path.join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(saved);
  const { events } = parseEvents(fs.readFileSync(saved, "utf8"));

  expect(events.map((e) => [e.uid, e.start])).toEqual(expected.map((d) => [d.uid, formatSerial(d.date, "iso")]));
  for (const [i, e] of events.entries()) {
    expect(e.allDay).toBe(true);
    expect(e.summary).toBe(`${expected[i].label}: ${expected[i].contractId}${expected[i].title ? ` ${expected[i].title}` : ""}`);
    expect(e.description.split("\n")[0]).toBe(expected[i].whatToDo);
    expect(e.alarms).toHaveLength(1);
    // Before the day, but never before the as-of date: at 09:00 on it for a date on it (one overdue is put there).
    const onAsOf = e.start === formatSerial(data.asOf, "iso");
    expect(e.alarms[0]).toMatchObject({ related: "START", triggerSeconds: onAsOf ? 9 * 3600 : expect.any(Number) });
    if (!onAsOf) expect(e.alarms[0].triggerSeconds).toBe(-(expected[i].reminderDays * 86_400 - 9 * 3600));
    expect(expected[i].date - expected[i].reminderDays).toBeGreaterThanOrEqual(data.asOf);
  }
  const status = page.getByRole("status").filter({ hasText: "Saved contract-dates-" });
  await status.waitFor();
  await expect(status.textContent()).resolves.toMatch(new RegExp(`^Saved ${download.suggestedFilename()}: ${expected.length} dates of \\d+ contracts, .+ each with a reminder\\.`));
  // The view as the user sees it after pressing (the pane's height, not the whole summary).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, "summary-calendar-360.png") });
  expect(errors).toEqual([]);
}, 60_000);
