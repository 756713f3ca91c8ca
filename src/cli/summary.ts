import * as fs from "fs";
import { DEFAULT_LIMIT, SummaryFormat, SummaryGrouping, SummaryLayout, renderSummary } from "../core/summaryRender";
import { trackerDuties } from "../features/procurementDuties";
import { summarise } from "../features/trackerData";
import type { Options } from "./options";
import { checkOutput, filesRead, writeOutput } from "./outputFile";
import { terminalJson, terminalText } from "./terminalText";
import { problemsOf, readTrackerTables } from "./trackerFile";

/** How the summary is cut for reading, from `--limit` and `--group-by`. */
export function layoutOf(options: Options): SummaryLayout {
  return {
    limit: Number(options.value("--limit") ?? DEFAULT_LIMIT),
    groupBy: (options.value("--group-by") as SummaryGrouping | undefined) ?? null,
    more: "--limit 0 or --format json lists them all",
  };
}

/** Prints the rendered summary, or writes it to `--out` (checked before anything was read). */
export async function deliver(options: Options, rendered: string, write: (s: string) => void): Promise<void> {
  const format = (options.value("--format") ?? "text") as SummaryFormat;
  const outFile = options.value("--out");
  if (outFile) {
    await writeOutput(outFile, options.has("--force"), (temporary) => fs.promises.writeFile(temporary, format === "json" ? terminalJson(rendered) : terminalText(rendered)));
    write(`Wrote ${outFile}`);
  } else write(rendered.replace(/\n$/, ""));
}

/** Whether the words ask for a roll-up: several files, or a folder. */
const isRollup = (options: Options): boolean => options.files.length > 1 || (fs.existsSync(options.file) && fs.statSync(options.file).isDirectory());

/**
 * `summary FILE`: the escalation summary of a register (a plain one, or a tracker workbook with
 * Milestones, KPIs, Escalations and Settings sheets), as text, Markdown, HTML or JSON.
 * `summary FOLDER` or `summary FILE FILE …`: the portfolio roll-up (cli/rollup).
 */
export async function summary(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for a roll-up */
  if (isRollup(options)) return (require("./rollup") as typeof import("./rollup")).rollup(options, write, note);
  const format = (options.value("--format") ?? "text") as SummaryFormat;
  const outFile = options.value("--out");
  if (outFile) checkOutput(outFile, filesRead(options), options.has("--force"));
  const { data, kpis, changes } = await readTrackerTables(options, note);
  const layout: SummaryLayout = { ...layoutOf(options), problems: problemsOf(data.issues, options.file), duties: trackerDuties(data, { kpis, changes }) };
  await deliver(options, renderSummary(summarise(data), format, layout), write);
}
