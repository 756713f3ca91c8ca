import { cli } from "../helpers/cli";
import { tempFiles } from "../helpers/tempFiles";

// A tier the tracker cannot read, on the command line: `check` lists it in the words of the cell
// functions' #VALUE!, and the summary counts it under data quality (core/normalise).

test("check lists the tier in the functions' words, and the summary counts it under data quality", async () => {
  const save = tempFiles("ct-tier-", "register");
  const file = save(Buffer.from("Ref,Title,Tier,Expiry\nC-1,Bins,Gold,15/01/2027\nC-2,Parks,Gld,15/01/2027\nC-3,Roads,,15/01/2027\n"), ".csv");
  const check = await cli("check", file);
  expect(check.code).toBe(0);
  expect(check.out).toContain('Row 3, Tier: Tier "Gld" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier');
  const summary = await cli("summary", file, "--as-of", "2026-11-25");
  expect(summary.code).toBe(0);
  expect(summary.out).toMatch(/^Data quality: 1 unrecognised tier in 1 row; contract-tracker check register1\.csv lists them\.$/m);
});
