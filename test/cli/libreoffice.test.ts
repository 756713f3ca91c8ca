import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readCsv } from "../helpers/csv";
import { run } from "../../src/cli/main";

// LibreOffice opens a converted tracker and recalculates it: Excel's own formulas (TODAY, COUNTIFS,
// MAXIFS over structured table references) compute; CONTRACT.* need the add-in, so show #NAME? there.
// CI installs libreoffice-calc-nogui; elsewhere the test says it was not run.
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
const maybe = soffice || process.env.CI ? test : test.skip;

maybe("a converted workbook opens in LibreOffice and its native formulas recalculate", async () => {
  if (!soffice) throw new Error("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lo-"));
  const tracker = path.join(dir, "tracker.xlsx");
  const source = path.resolve(__dirname, "../../../shared/data/real/act-gov-contracts/act_contracts_2025.csv");
  expect(await run(["convert", source, "--out", tracker, "--as-of", "2025-03-31"], () => undefined, () => undefined)).toBe(0);
  // A profile that recalculates .xlsx files on load instead of trusting the values saved in them.
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
  );
  const out = path.join(dir, "csv");
  const converted = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, tracker],
    { encoding: "utf8", timeout: 180000 },
  );
  expect(converted.status).toBe(0);
  const settings = readCsv(path.join(out, "tracker-Settings.csv"));
  const asOf = settings.find((r) => r[0] === "as_of")?.[1];
  const today = new Date();
  // Saved as 31/03/2025; after recalculation =TODAY() shows today (LibreOffice writes m/d/yyyy).
  expect(asOf).toBe(`${today.getMonth() + 1}/${today.getDate()}/${today.getFullYear()}`);
  const contracts = readCsv(path.join(out, "tracker-act_contracts_2025.csv"));
  const headers = contracts[0];
  const slippage = headers.indexOf("Slippage");
  const kpi = headers.indexOf("KPI attainment");
  expect(contracts.length - 1).toBe(1296);
  for (const row of contracts.slice(1, 200)) {
    expect([row[slippage], row[kpi]]).toEqual(["", ""]);
  }
  expect(contracts[1][headers.indexOf("Days to expiry")]).toBe("#NAME?");
  expect(contracts[1][headers.indexOf("contract_number")]).toBe("19009");
}, 240000);
