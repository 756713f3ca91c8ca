import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../helpers/cli";

// The summary's data-quality line counts a duplicate contract ID once, however many rows share it,
// and says the rows apart: 2 IDs on 4 rows are "2 duplicate contract IDs in 4 rows". The roll-up
// adds each file's own count (an ID in two files is listed apart, as a duplicate across files).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-duplicate-count-"));
const AS_OF = "2026-01-01";

/** A register whose IDs repeat as `groups` say (group i: its ID on that many rows, written in other case and spacing), among unique IDs. */
function register(name: string, groups: readonly number[]): string {
  const lines = ["Contract ID,Title,End date"];
  groups.forEach((rows, g) => {
    for (let r = 0; r < rows; r++) lines.push(`${r % 2 === 0 ? `D-${g}` : ` d-${g} `},Shared ${g}.${r},30/06/2027`);
    lines.push(`U-${g},Unique ${g},30/06/2027`);
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n"));
  return file;
}
const dataQuality = (out: string): string | undefined => out.split("\n").find((l) => l.startsWith("Data quality:"));
const ids = (n: number): string => `${n} duplicate contract ID${n === 1 ? "" : "s"}`;
const sum = (list: readonly number[]): number => list.reduce((a, b) => a + b, 0);

test.each([[[2]], [[3]], [[2, 2]], [[4, 3, 2]], [[5, 2, 2, 2]]])("IDs repeated on %j rows: one problem per ID, its rows counted apart", async (groups) => {
  const file = register(`register-${groups.join("-")}.csv`, groups);
  const result = await cli("summary", file, "--as-of", AS_OF);
  expect(result.code).toBe(0);
  expect(dataQuality(result.out)).toBe(`Data quality: ${ids(groups.length)} in ${sum(groups)} rows; contract-tracker check ${path.basename(file)} lists them.`);
});

test("the roll-up adds up each file's duplicate IDs, not their rows", async () => {
  const first = register("first.csv", [3, 2]);
  const second = register("second.csv", [4]);
  const result = await cli("summary", first, second, "--as-of", AS_OF);
  expect(result.code).toBe(0);
  expect(dataQuality(result.out)).toBe(`Data quality: ${ids(3)} in 9 rows; contract-tracker check FILE lists each file's.`);
});
