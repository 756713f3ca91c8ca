import * as path from "path";
import { rowName } from "../core/contractNames";
import { headerText } from "../core/mapping";
import { dateToSerial, type DateOrder } from "../core/dates";
import type { Options } from "./options";
import { InputError } from "./readRegister";
import { readForConvert, streamConvert } from "./streamConvert";
import { userMapping } from "./userMapping";

/** `convert FILE --out TRACKER.xlsx`: the register becomes a tracker workbook, every original value kept. */
export async function convert(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  const outFile = options.value("--out") ?? "";
  if (path.extname(outFile).toLowerCase() !== ".xlsx") throw new InputError(`--out must name an .xlsx file (got ${outFile})`);
  if (path.resolve(outFile) === path.resolve(options.file)) throw new InputError("--out must not be the register itself: the original is never overwritten");
  // Read once and kept compactly; the tracker is written a row at a time (streamConvert).
  const register = await readForConvert(options, note);
  const { found } = register;
  // As in the wizard, a tracker is set up without a Contract ID only when the user has said the
  // register has none (`--map contractId=`, or a mapping file with "contractId": null).
  const user = userMapping(options);
  const saidNoIds = user.flags.contractId === null || (user.flags.contractId === undefined && user.file?.corrections.contractId === null);
  if (!found.mapping.fields.contractId && !saidNoIds) {
    const headers = register.rows.row(found.mapping.headerRow).map(headerText).filter((h) => h !== "");
    throw new InputError(
      `No Contract ID column found on sheet "${found.sheet}": name it with --map contractId="HEADER" (the columns are ${headers.map((h) => `"${h}"`).join(", ")}), or say the register has none with --map contractId= and each contract is named by its row`,
    );
  }
  const asOfText = options.value("--as-of");
  let asOf: number | undefined;
  if (asOfText) {
    const [y, m, d] = asOfText.split("-").map(Number);
    const serial = dateToSerial(y, m, d);
    if (serial === null) throw new InputError(`--as-of ${asOfText} is not a date`);
    asOf = serial;
  }
  const started = Date.now();
  const done = await streamConvert(
    register,
    {
      asOf,
      // The date asked for stays the tracker's as_of; without --as-of it is =TODAY().
      fixedAsOf: asOf !== undefined,
      createTables: ["Milestones", "KPIs", "Risks", "Changes", "Escalations"],
      // The user has said there is none (checked above): keyed by row number, and the output says so on its own line.
      noContractIds: saidNoIds,
      formulas: options.value("--formulas") === "native" ? "native" : "contract",
    },
    (options.value("--date-order") ?? "dmy") as DateOrder,
    outFile,
  );
  const report = { ...done.report, rows: done.rows, readAtSetUp: done.readAtSetUp };
  const lines = [
    `Wrote ${outFile}: ${report.rows.toLocaleString("en-GB")} contracts from sheet "${report.sheet}" as the ${report.table} table (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  computed columns${report.formulas === "native" ? " (Excel's own formulas: they work without the add-in)" : ""}: ${report.addedColumns.join(", ") || "none"}`,
    ...(report.readAtSetUp.length
      ? [`  read at conversion, from text Excel's formulas cannot read (each column's note says which): ${report.readAtSetUp.map((r) => `${r.column} ${r.rows.toLocaleString("en-GB")} rows`).join(", ")}`]
      : []),
    ...report.skippedColumns.map((s) => `  not added: ${s.header} — ${s.reason}`),
    ...(report.keyedByRow ? [`  no Contract ID column: each contract is named by its row (${rowName(found.mapping.headerRow + 2)}, ${rowName(found.mapping.headerRow + 3)} …)`] : []),
    `  tables created: ${report.createdTables.join(", ")}`,
    ...[...new Set(report.notCreated.map((t) => t.reason))].map((reason) => `  not created: ${report.notCreated.filter((t) => t.reason === reason).map((t) => t.table).join(", ")} — ${reason}`),
    `  date order: ${report.dateOrder === "mdy" ? "month first (mdy)" : "day first (dmy)"}, in Settings`,
    `  data-quality problems: ${done.issues.toLocaleString("en-GB")} (see: contract-tracker check ${options.file})`,
  ];
  write(lines.join("\n"));
}
