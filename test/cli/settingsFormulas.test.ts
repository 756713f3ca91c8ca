// A tracker last saved by a tool that does not calculate (openpyxl, a script) holds its Settings'
// formulas without results, which a reader sees as blanks. A date of constants, =DATE(y,m,d), as the
// tracker itself writes as_of and act_commencement_date, is worked out; any other formula without a
// result is said in one line and its default used, never dropped in silence.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../helpers/cli";
import { runPython, withPython } from "../helpers/python";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-settings-f-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Contracts started 1 Apr 2025 and 1 Jun 2025; one terminated on 15 Nov 2026 (a termination notice is due).
const WRITE = `
import datetime, sys, openpyxl
out, settings = sys.argv[1], sys.argv[2:]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Contracts"
ws.append(["Contract ID", "Title", "Start date", "End date", "Total value", "Status"])
ws.append(["C-1", "Cleaning", datetime.date(2025, 4, 1), datetime.date(2028, 3, 31), 100000, "Live"])
ws.append(["C-2", "Printing", datetime.date(2025, 6, 1), datetime.date(2026, 11, 15), 80000, "Terminated"])
s = wb.create_sheet("Settings"); s.append(["Setting", "Value"])
for pair in settings:
    name, value = pair.split("|", 1)
    s.append([name, value])
wb.save(out)
`;

function tracker(name: string, ...settings: string[]): string {
  const file = path.join(dir, `${name}.xlsx`);
  runPython(WRITE, "", [file, ...settings]);
  return file;
}

const { test: pyTest, why } = withPython("openpyxl");

pyTest(`the as-of date and the Act's commencement written as =DATE(…) with no saved result are read as those dates${why}`, async () => {
  const file = tracker("dates", "as_of|=DATE(2026,11,25)", "act_commencement_date|=DATE(2025,5,1)");
  const result = await cli("summary", file);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/^Escalation summary as of 25 Nov 2026/);
  // C-2 started after 1 May 2025: its termination notice is due; C-1 started before and is left out.
  expect(result.out).toMatch(/\[s\.80\] C-2 Printing: Terminated on 15 Nov 2026/);
  expect(result.out).not.toMatch(/\] C-1 /);
  expect(result.err).toBe("");
});

pyTest(`any other formula without a saved result is said in one line, and its default used${why}`, async () => {
  const file = tracker("other", "as_of|=DATE(2026,11,25)", "act_commencement_date|=TODAY()-700", "expiry_red_days|=30*3");
  const result = await cli("summary", file);
  expect(result.code).toBe(0);
  expect(result.err.split("\n").filter((l) => l.startsWith("Settings:"))).toEqual([
    "Settings: act_commencement_date holds the formula =TODAY()-700 with no saved result, so its default is used: open and save the tracker in Excel, or type the value",
    "Settings: expiry_red_days holds the formula =30*3 with no saved result, so its default is used: open and save the tracker in Excel, or type the value",
  ]);
  // The default commencement, 24 Feb 2025: both contracts are under the Act.
  expect(result.out).toMatch(/\[s\.80\] C-2 Printing/);
});
