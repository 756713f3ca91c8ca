import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeTracker } from "../../src/cli/writeTracker";
import { dateToSerial, formatSerial } from "../../src/core/dates";
import { SUMMARY_HEADERS, runEscalationSummary } from "../../src/features/escalations";
import { setUpTracker } from "../../src/features/setUpTracker";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { recalculateInLibreOffice, withLibreOffice } from "../helpers/libreOffice";

// The escalation summary sheet as a spreadsheet shows it, not as our code reads it back: written to
// .xlsx and opened in LibreOffice, its Decide by cells show dates in words as the Notice date cells
// do, and Days to decide whole numbers.
const AS_OF = dateToSerial(2026, 11, 25) ?? 0;

withLibreOffice("the summary sheet shows each escalated contract's Decide by as a date in words and Days to decide as days", async () => {
  const register = [
    ["Ref", "Contract title", "Supplier", "Tier", "Start date", "Expiry", "Notice", "Status"],
    // Bronze, ending in 150 days: Amber, decide by 25 Dec 2026 (120 days' lead time).
    ["B-1", "Bins", "Binco Ltd", "Bronze", "01/04/2024", formatSerial(AS_OF + 150), "", "Live"],
    // Silver with 3 months' notice, ending 31 Mar 2027: notice by 31 Dec 2026, decide by 5 Apr 2026 (270 days before).
    ["S-1", "Parks", "Green Co", "Silver", "01/04/2024", "31/03/2027", "3 months", "Live"],
  ];
  const book = MemoryWorkbook.fromSheets({ Register: register });
  await setUpTracker(book, { asOf: AS_OF });
  const run = await runEscalationSummary(book, { asOf: AS_OF });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-summary-sheet-"));
  const file = path.join(dir, "tracker.xlsx");
  await writeTracker(book, file);
  const sheet = recalculateInLibreOffice([file], { formatted: true })(file, run.sheet);
  const header = sheet.findIndex((r) => r[0] === "Rank");
  expect(sheet[header].slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
  const shown = sheet.slice(header + 1).filter((r) => r[0] !== "").map((r) => ["Contract ID", "Notice date", "Decide by", "Days to decide"].map((h) => r[sheet[header].indexOf(h)]));
  expect(shown).toEqual([
    ["S-1", "31 Dec 2026", "5 Apr 2026", "-234"],
    ["B-1", "", "25 Dec 2026", "30"],
  ]);
  expect(sheet.find((r) => r[0] === "Decisions due")?.[1]).toBe("Extend or re-procure, decide-by dates in the next 90 days (1)");
}, 240000);
