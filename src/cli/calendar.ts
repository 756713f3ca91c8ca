import * as fs from "fs";
import * as path from "path";
import { dateInWords } from "../core/dateWords";
import { trackerCalendar } from "../features/calendarExport";
import type { Options } from "./options";
import { checkOutput, filesRead, writeOutput } from "./outputFile";
import { readTrackerTables } from "./trackerFile";

/**
 * `calendar FILE --out DATES.ics [--within DAYS] [--as-of DATE]`: the register's decide-by, notice,
 * performance assessment, end and final expiry dates to come as an iCalendar file
 * (features/calendarExport) that Outlook, Google Calendar and Apple Calendar import; written as
 * convert writes (cli/outputFile: never over the register or another file unasked, never half a
 * file). Assessment dates come from a tracker workbook's KPIs sheet; a register without one has none.
 * @throws InputError with a one-line reason (the register cannot be read; --out cannot be written)
 * @example await calendar(parseArguments(["calendar", "reg.csv", "--out", "dates.ics", "--as-of", "2026-01-01"]), console.log, console.error) // prints "Wrote dates.ics: 84 dates of 61 contracts, 1 Jan 2026 – 31 Mar 2031"
 */
export async function calendar(options: Options, write: (s: string) => void, note: (s: string) => void, now: Date = new Date()): Promise<void> {
  const out = options.value("--out") ?? "";
  checkOutput(out, filesRead(options), options.has("--force"));
  const { data, kpis } = await readTrackerTables(options, note, undefined, now);
  const within = options.value("--within");
  const { ics, dates } = trackerCalendar(data, { now, withinDays: within === undefined ? undefined : Number(within), source: path.basename(options.file), hasKpisTable: kpis !== undefined });
  await writeOutput(out, options.has("--force"), (temporary) => fs.promises.writeFile(temporary, ics));
  const contracts = new Set(dates.map((d) => `${d.contractId}\u0000${d.row}`)).size;
  const day = (serial: number): string => dateInWords(serial, data.dateLocale);
  const span = dates.length ? `, ${day(dates[0].date)} – ${day(dates[dates.length - 1].date)}` : "";
  const horizon = within === undefined ? `from ${day(data.asOf)}` : `from ${day(data.asOf)} to ${day(data.asOf + Number(within))}`;
  write(
    dates.length
      ? `Wrote ${out}: ${dates.length.toLocaleString("en-GB")} date${dates.length === 1 ? "" : "s"} of ${contracts.toLocaleString("en-GB")} contract${contracts === 1 ? "" : "s"}${span}`
      : `Wrote ${out}: no decide-by, notice, assessment or end date ${horizon} (the calendar is empty)`,
  );
}
