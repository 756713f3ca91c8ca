// A register that already has columns named as the tracker's computed ones, in any case and with
// spaces around (`rag`, ` Phase `, `notice date`), as a table tells headers apart: convert keeps them
// as they are, adds the tracker's own beside them ("RAG (tracker)"), and says so, in either formula style.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../src/cli/xlsxRead";
import { cli } from "../helpers/cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-clash-"));
const REGISTER = ["Contract ID,Supplier,End date,Notice period,rag, Phase ,notice date", "C1,Acme,30/06/2026,3 months,green,live,01/01/2026", "C2,Binco,30/09/2025,90,red,,"].join("\r\n");

test.each(["contract", "native"])("--formulas %s: the register's own rag, Phase and notice date are kept, the tracker's added beside them, and the output says so", async (formulas) => {
  const register = path.join(dir, `register-${formulas}.csv`);
  const out = path.join(dir, `tracker-${formulas}.xlsx`);
  fs.writeFileSync(register, REGISTER);
  const result = await cli("convert", register, "--out", out, "--formulas", formulas, "--as-of", "2025-03-31");
  expect([result.code, result.err]).toEqual([0, ""]);
  const kept = result.out.split("\n").filter((line) => line.includes("the register's own")).map((line) => line.replace(/^\s*kept: the register's own (.*?), .*"(.*)"$/, "$1 → $2"));
  expect(kept).toEqual(["Notice date → Notice date (tracker)", "Phase → Phase (tracker)", "RAG → RAG (tracker)"]);
  const [headers, ...rows] = readXlsx(fs.readFileSync(out)).sheets.get(`register-${formulas}`) ?? [];
  expect(headers).toEqual(expect.arrayContaining(["rag", " Phase ", "notice date", "Days to expiry", "Days to notice", "Notice date (tracker)", "Phase (tracker)", "RAG (tracker)"]));
  // The tracker's RAG is worked out, whatever the register's says ("green", "red"): C1 is Green; C2, ending in
  // 183 days, is Amber, its decide-by date (180 days before its notice date, 2 Jul 2025) passed on 3 Jan 2025.
  expect(rows.map((r) => r[headers.indexOf("RAG (tracker)")])).toEqual(["Green", "Amber"]);
  // The register's own values are as they were.
  expect(rows.map((r) => r[headers.indexOf("rag")])).toEqual(["green", "red"]);
});
