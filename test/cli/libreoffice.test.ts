import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { recalculateInLibreOffice, withLibreOffice } from "../helpers/libreOffice";
import { run } from "../../src/cli/main";

// LibreOffice opens a converted tracker and recalculates it: Excel's own formulas (TODAY, COUNTIFS,
// MAXIFS over structured table references) compute; CONTRACT.* need the add-in, so show #NAME? there.
// CI installs libreoffice-calc-nogui; elsewhere the test says it was not run.
const maybe = withLibreOffice;

/** Opens a tracker in LibreOffice, recalculates every formula and returns each sheet as CSV rows (raw values). */
function recalculated(tracker: string): (sheet: string) => string[][] {
  const sheetOf = recalculateInLibreOffice([tracker], { formatted: false });
  return (sheet) => sheetOf(tracker, sheet);
}

maybe("a converted workbook opens in LibreOffice and its native formulas recalculate", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lo-"));
  const tracker = path.join(dir, "tracker.xlsx");
  const source = path.resolve(__dirname, "../../../shared/data/real/act-gov-contracts/act_contracts_2025.csv");
  expect(await run(["convert", source, "--out", tracker, "--as-of", "2025-03-31"], () => undefined, () => undefined)).toBe(0);
  const sheet = recalculated(tracker);
  const settings = sheet("Settings");
  // --as-of is written as =DATE(2025,3,31): recalculated, it is still 31 March 2025 (LibreOffice writes m/d/yyyy).
  expect(settings.find((r) => r[0] === "as_of")?.[1]).toBe("03/31/2025");
  expect(settings.find((r) => r[0] === "date_order")?.[1]).toBe("dmy");
  const contracts = sheet("act_contracts_2025");
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

maybe("a month-first register converted and recalculated: Settings say mdy and keep the as-of date asked for", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-lo-us-"));
  const source = path.join(dir, "us.csv");
  const tracker = path.join(dir, "us-tracker.xlsx");
  fs.writeFileSync(source, ["Contract ID,Supplier,Start date,End date,Notice period", "C1,Acme,1/2/2025,1/13/2026,30 days", "C2,Binco,2/1/2025,1/2/2026,", "C3,Cee,3/4/2025,12/11/2026,3 months"].join("\r\n"));
  expect(await run(["convert", source, "--out", tracker, "--as-of", "2026-01-31"], () => undefined, () => undefined)).toBe(0);
  const sheet = recalculated(tracker);
  const settings = Object.fromEntries(sheet("Settings").map(([name, value]) => [name, value]));
  expect([settings.date_order, settings.as_of]).toEqual(["mdy", "01/31/2026"]);
  const [headers, ...rows] = sheet("us");
  const at = (header: string): string[] => rows.map((r) => r[headers.indexOf(header)]);
  // Excel's own formulas recalculate (nothing to slip: no milestones or KPIs); CONTRACT.* need the add-in.
  expect([...at("Slippage"), ...at("KPI attainment")]).toEqual(["", "", "", "", "", ""]);
  expect(at("Days to expiry")).toEqual(["#NAME?", "#NAME?", "#NAME?"]);
}, 240000);
