import * as fs from "fs";
import * as path from "path";
import { dateInWords } from "../core/dateWords";
import { noDatesMessage, trackerCalendar } from "../features/calendarExport";
import type { Options } from "./options";
import { checkOutput, filesRead, writeOutput } from "./outputFile";
import { readTrackerTables } from "./trackerFile";

/**
 * `calendar FILE --out DATES.ics [--within DAYS] [--as-of DATE]`: the register's decide-by, notice,
 * performance assessment, termination notice, end and final expiry dates as an iCalendar file
 * (features/calendarExport) that Outlook, Google Calendar and Apple Calendar import, those overdue
 * and still to act on put on the as-of date; written as convert writes (cli/outputFile: never over
 * the register or another file unasked, never half a file). Assessment dates come from a tracker
 * workbook's KPIs sheet; a register without one has none. Where there is no date (none at all, or
 * none within DAYS) it says so and writes nothing: an empty calendar is no valid file. Running
 * contracts left without a decide-by date by a tier it cannot read are counted on stderr, in one line.
 * @throws InputError with a one-line reason (the register cannot be read; --out cannot be written)
 * @example await calendar(parseArguments(["calendar", "reg.csv", "--out", "dates.ics", "--as-of", "2026-01-01"]), console.log, console.error) // prints "Wrote dates.ics: 84 dates of 61 contracts, 1 Jan 2026 – 31 Mar 2031"
 */
export async function calendar(options: Options, write: (s: string) => void, note: (s: string) => void, now: Date = new Date()): Promise<void> {
  const out = options.value("--out") ?? "";
  checkOutput(out, filesRead(options), options.has("--force"));
  const { data, kpis } = await readTrackerTables(options, note, undefined, now);
  const within = options.value("--within");
  const { ics, dates, tierNote } = trackerCalendar(data, { now, withinDays: within === undefined ? undefined : Number(within), source: path.basename(options.file), hasKpisTable: kpis !== undefined });
  if (tierNote !== "") note(`${tierNote.replace(/\.$/, "")}; contract-tracker check lists them`);
  const day = (serial: number): string => dateInWords(serial, data.dateLocale);
  if (ics === null) {
    write(`${noDatesMessage(day(data.asOf), within === undefined ? null : day(data.asOf + Number(within)))} Nothing was written to ${out}.`);
    return;
  }
  await writeOutput(out, options.has("--force"), (temporary) => fs.promises.writeFile(temporary, ics));
  const contracts = new Set(dates.map((d) => `${d.contractId}\u0000${d.row}`)).size;
  write(
    `Wrote ${out}: ${dates.length.toLocaleString("en-GB")} date${dates.length === 1 ? "" : "s"} of ${contracts.toLocaleString("en-GB")} contract${contracts === 1 ? "" : "s"}, ` +
      `${day(dates[0].date)} – ${day(dates[dates.length - 1].date)}`,
  );
}
