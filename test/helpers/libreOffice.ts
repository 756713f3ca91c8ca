import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { readCsv } from "./csv";

/** LibreOffice's command, where it is installed (CI installs libreoffice-calc-nogui). */
export const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));

/** `test` where LibreOffice is installed or in CI (where its absence fails the test), else `test.skip`. */
export const withLibreOffice = soffice || process.env.CI ? test : test.skip;

/** A LibreOffice user profile in `dir` that recalculates every formula of an .xlsx it opens, not trusting the values saved in the file. */
function recalculatingProfile(dir: string): string {
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
  );
  return profile;
}

/**
 * Opens workbooks in LibreOffice headless, recalculates every formula (not trusting the values saved
 * in the file) and saves every sheet as CSV: cells as shown (`formatted`) or as raw values. Returns a
 * reader of one workbook's sheet: `sheet(workbookFile, sheetName)`.
 */
export function recalculateInLibreOffice(workbooks: readonly string[], options: { formatted: boolean }): (workbook: string, sheet: string) => string[][] {
  if (!soffice) throw new Error("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)");
  const dir = path.dirname(workbooks[0]);
  const profile = recalculatingProfile(dir);
  const out = path.join(dir, "csv");
  // CSV filter tokens: comma, double quote, UTF-8, from line 1; token 9 "as shown"; token 12 -1 every sheet.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${options.formatted},false,false,-1`;
  const converted = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", out, ...workbooks], { encoding: "utf8", timeout: 180000 });
  expect(converted.status).toBe(0);
  return (workbook, sheet) => readCsv(path.join(out, `${path.basename(workbook, ".xlsx")}-${sheet}.csv`));
}

/**
 * Opens workbooks in LibreOffice headless, recalculates every formula and saves each as .xlsx in
 * `outDir` (same file name): the recalculated values can then be read as numbers and text, not as
 * LibreOffice's CSV renders them. Returns the path of each recalculated workbook, in order.
 */
export function recalculatedCopies(workbooks: readonly string[], outDir: string): string[] {
  if (!soffice) throw new Error("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)");
  const profile = recalculatingProfile(outDir);
  const converted = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...workbooks], {
    encoding: "utf8",
    timeout: 600000,
  });
  if (converted.status !== 0) throw new Error(`LibreOffice failed: ${converted.stderr}`);
  return workbooks.map((w) => path.join(outDir, path.basename(w)));
}
