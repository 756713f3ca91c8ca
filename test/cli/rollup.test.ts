import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../helpers/cli";

// `summary FOLDER` and `summary FILE FILE …` over the shared real registers, linked into a temporary
// folder as a commercial lead keeps one register a department, beside what such a folder also holds.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const AS_OF = "2025-07-31";
const SOURCES = {
  act: path.join(REAL, "act-gov-contracts/act_contracts_2025.csv"),
  ocds: path.join(REAL, "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv"),
  cf: path.join(REAL, "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx"),
};
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "ct-rollup-"));
for (const file of Object.values(SOURCES)) fs.symlinkSync(file, path.join(folder, path.basename(file)));
fs.symlinkSync(path.join(REAL, "act-gov-contracts/README.md"), path.join(folder, "README.md"));
fs.mkdirSync(path.join(folder, "Archive"));
fs.writeFileSync(path.join(folder, "Archive", "old.csv"), "Contract ID,End date\nOLD-1,31/03/2020\n");
// A spreadsheet that is not a register, and Excel's lock file of an open workbook.
fs.writeFileSync(path.join(folder, "colours.csv"), "Name,Colour\nfoo,red\nbar,blue\n");
fs.writeFileSync(path.join(folder, "~$sample_data_of_contract_finder_uk.xlsx"), Buffer.from([1, 2, 3]));
// A department's own register that shares a contract number (19009) with the ACT register, and
// names its department in markup.
fs.writeFileSync(
  path.join(folder, "housing.csv"),
  ["Contract ID,Title,Department,End date,Notice period,Total value", '19009,Repairs,<b>Housing</b>,31/10/2025,3 months,"£120,000"', "H-2,Lifts,<b>Housing</b>,30/06/2030,6 months,£50"].join("\r\n"),
);

interface Counts {
  red: number;
  amber: number;
  green: number;
  unrated: number;
  probablyClosed: number;
  closed: number;
}
interface Breakdown extends Counts {
  name: string;
  contractsRead: number;
  byLevel: Record<"1" | "2" | "3", number>;
}

const json = async (...args: string[]) => {
  const result = await cli("summary", ...args, "--as-of", AS_OF, "--format", "json");
  expect(result.code).toBe(0);
  return { json: JSON.parse(result.out), err: result.err };
};

let rolled: { json: { contractsRead: number; counts: Counts; byLevel: Record<string, number>; files: Breakdown[]; departments: Breakdown[]; duplicateIds: { id: string; places: { file: string; row: number }[] }[]; notRead: { name: string; reason: string }[]; contracts: { id: string; file?: string; level: number }[] }; err: string };
beforeAll(async () => {
  rolled = await json(folder);
}, 120_000);

test("every register in the folder is read once; what is not a register is said, one line each, and listed as not read", () => {
  expect(rolled.json.files.map((f) => f.name)).toEqual(["act_contracts_2025.csv", "housing.csv", "sample_data_of_contract_finder_uk.xlsx", "uk_ocds_releases_flat.csv"]);
  expect(rolled.json.notRead).toEqual([
    { name: "Archive", reason: "a subfolder (name it to include it)" },
    { name: "README.md", reason: "not a .csv or .xlsx file" },
    { name: "colours.csv", reason: expect.stringMatching(/^No header row found in the first 30 rows of colours\.csv/) },
  ]);
  const lines = rolled.err.trimEnd().split("\n");
  expect(lines).toContain(`${path.join(folder, "Archive")}: not read: a subfolder (name it to include it)`);
  expect(lines).toContain(`${path.join(folder, "README.md")}: not read: not a .csv or .xlsx file`);
  expect(lines.filter((l) => l.startsWith("colours.csv: not read: No header row"))).toHaveLength(1);
  expect(rolled.err).not.toContain("~$");
});

test("the roll-up's counts are the files' own summaries added up, each file summarised by itself", async () => {
  const own = await Promise.all([SOURCES.act, path.join(folder, "housing.csv"), SOURCES.cf, SOURCES.ocds].map(async (f) => (await json(f)).json));
  const keys: (keyof Counts)[] = ["red", "amber", "green", "unrated", "probablyClosed", "closed"];
  for (const key of keys) expect(rolled.json.counts[key]).toBe(own.reduce((n, s) => n + s.counts[key], 0));
  expect(rolled.json.contractsRead).toBe(own.reduce((n, s) => n + s.contractsRead, 0));
  rolled.json.files.forEach((f, i) => {
    expect(f.contractsRead).toBe(own[i].contractsRead);
    expect([f.red, f.amber, f.green, f.unrated, f.probablyClosed, f.closed]).toEqual(keys.map((k) => own[i].counts[k]));
    expect(f.byLevel).toEqual(own[i].byLevel);
  });
  // Every escalated contract is listed once, ranked together, naming the file it came from.
  expect(rolled.json.contracts).toHaveLength(own.reduce((n, s) => n + s.contracts.length, 0));
  expect(rolled.json.contracts.every((c) => rolled.json.files.some((f) => f.name === c.file))).toBe(true);
  const levels = rolled.json.contracts.map((c) => c.level);
  expect(levels).toEqual([...levels].sort((a, b) => b - a));
}, 120_000);

test("the departments add up to the whole: every contract is in one department and one count", () => {
  const { departments, counts, contractsRead, byLevel } = rolled.json;
  const total = (pick: (d: Breakdown) => number): number => departments.reduce((n, d) => n + pick(d), 0);
  expect(total((d) => d.contractsRead)).toBe(contractsRead);
  for (const key of ["red", "amber", "green", "unrated", "probablyClosed", "closed"] as const) expect(total((d) => d[key])).toBe(counts[key]);
  for (const level of ["1", "2", "3"] as const) expect(total((d) => d.byLevel[level])).toBe(byLevel[level]);
  for (const d of departments) expect(d.red + d.amber + d.green + d.unrated + d.probablyClosed + d.closed).toBe(d.contractsRead);
  // The ACT directorates and the Contracts Finder buyers are departments; the Home Office needs most.
  expect(departments.map((d) => d.name)).toEqual(expect.arrayContaining(["Education Directorate", "Home Office", "<b>Housing</b>"]));
  expect(departments[0].name).toBe("Home Office");
});

test("a contract ID in two files is reported with both places, and both contracts are kept", () => {
  expect(rolled.json.duplicateIds).toContainEqual({ id: "19009", places: [{ file: "act_contracts_2025.csv", row: 2 }, { file: "housing.csv", row: 2 }] });
  const repairs = rolled.json.contracts.filter((c) => c.id === "19009");
  expect(repairs.map((c) => c.file)).toEqual(["housing.csv"]);
});

test("text, Markdown and HTML carry the breakdowns; the user's text stays text", async () => {
  const text = await cli("summary", folder, "--as-of", AS_OF, "--limit", "3");
  expect(text.code).toBe(0);
  const lines = text.out.split("\n");
  expect(lines[0]).toBe("Portfolio roll-up of 4 registers: act_contracts_2025.csv, housing.csv, sample_data_of_contract_finder_uk.xlsx, uk_ocds_releases_flat.csv");
  expect(lines[1]).toBe("Escalation summary as of 31 Jul 2025");
  expect(lines).toContain("By file:");
  expect(lines.find((l) => l.startsWith("  housing.csv: "))).toBe("  housing.csv: 2 contracts: Red 1 · Amber 0 · Green 1; level 3/2/1: 0/1/0; at risk £120,000");
  expect(lines).toContain("  19009: act_contracts_2025.csv row 2, housing.csv row 2");
  expect(lines).toContain("Not read (3):");
  expect(lines).toContain("  Archive: a subfolder (name it to include it)");
  expect(lines).toContain(`  … and 275 more departments (--limit 0 or --format json lists them all)`);
  expect(text.out).toMatch(/ · in housing\.csv: Notice date 31 Jul 2025 today: decide extend or re-procure/);
  const markdown = (await cli("summary", folder, "--as-of", AS_OF, "--format", "markdown", "--limit", "0")).out;
  expect(markdown).toContain("| Department | Contracts | Red | Amber | Green | Unrated | Probably closed | Closed | Level 3 | Level 2 | Level 1 | Value at risk |");
  expect(markdown).toContain("| &lt;b&gt;Housing&lt;/b&gt; | 2 | 1 | 0 | 1 |");
  const html = (await cli("summary", folder, "--as-of", AS_OF, "--format", "html", "--limit", "0")).out;
  expect(html).toContain("&lt;b&gt;Housing&lt;/b&gt;");
  expect(html).not.toContain("<b>Housing");
}, 120_000);

test("files named one by one give the roll-up of the folder; the same file twice is read once", async () => {
  const named = await json(SOURCES.act, path.join(folder, "housing.csv"), SOURCES.cf, SOURCES.ocds, path.join(folder, path.basename(SOURCES.act)));
  expect(named.json.files.map((f: Breakdown) => f.name)).toEqual(rolled.json.files.map((f) => f.name));
  expect(named.json.counts).toEqual(rolled.json.counts);
  expect(named.json.notRead).toEqual([]);
}, 120_000);

test("a folder with no register, and usage", async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "ct-rollup-empty-"));
  fs.writeFileSync(path.join(empty, "notes.txt"), "nothing here");
  expect(await cli("summary", empty)).toEqual({ code: 1, out: "", err: `${path.join(empty, "notes.txt")}: not read: not a .csv or .xlsx file\ncontract-tracker: No .csv or .xlsx register in ${empty}\n` });
  expect(await cli("check", SOURCES.act, SOURCES.ocds)).toMatchObject({ code: 2, err: expect.stringContaining("One FILE only") });
});

test("--out writes the roll-up once, and never over a register it read", async () => {
  const out = path.join(folder, "..", `${path.basename(folder)}-rollup.md`);
  expect(await cli("summary", folder, "--as-of", AS_OF, "--format", "markdown", "--out", out)).toMatchObject({ code: 0, out: `Wrote ${out}\n` });
  expect(fs.readFileSync(out, "utf8")).toMatch(/^# Portfolio roll-up of 4 registers/);
  expect(await cli("summary", folder, "--as-of", AS_OF, "--out", out)).toMatchObject({ code: 1, err: expect.stringContaining("already exists") });
  expect(await cli("summary", folder, "--as-of", AS_OF, "--out", path.join(folder, "housing.csv"), "--force")).toMatchObject({ code: 1, err: expect.stringContaining("never overwritten") });
}, 120_000);
