import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { cli } from "../helpers/cli";
import { detectMapping } from "../../src/core/mapping";
import { tempFiles } from "../helpers/tempFiles";

// `check`, `summary` and `convert` on registers with no Contract ID column: real public registers
// with every column detection would take for the ID removed, and a small hand-made one. Each
// contract is named by its sheet row ("Row 14"); nothing says `undefined` or `null`, and no row is
// reported as sharing an ID it does not have.

const REAL = path.resolve(__dirname, "../../../shared/data/real");
const save = tempFiles("ct-no-ids-", "register");
const ABSENCE = /\bundefined\b|\bnull\b|\bNaN\b/;

/** The register with every column detection takes for the Contract ID removed, saved as a CSV; and its header's 1-based row. */
function withoutIdColumns(file: string): { file: string; headerRow: number; dropped: string[] } {
  const rows = Papa.parse<string[]>(fs.readFileSync(path.join(REAL, file), "utf8"), { skipEmptyLines: true }).data;
  const dropped: string[] = [];
  let mapping = detectMapping(rows);
  while (mapping?.fields.contractId) {
    const index = mapping.fields.contractId.index;
    dropped.push(mapping.fields.contractId.column);
    for (const line of rows) line.splice(index, 1);
    mapping = detectMapping(rows);
  }
  if (!mapping) throw new Error(`${file} lost its header row`);
  return { file: save(Buffer.from(Papa.unparse(rows), "utf8"), ".csv"), headerRow: mapping.headerRow + 1, dropped };
}

const CASES = [
  { register: "act-gov-contracts/act_contracts_2025.csv", asOf: "2025-07-31" },
  { register: "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv", asOf: "2019-09-01" },
  { register: "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv", asOf: "2020-11-01" },
];

describe.each(CASES)("$register without its ID columns", ({ register, asOf }) => {
  const { file, headerRow, dropped } = withoutIdColumns(register);

  test("had an ID column to remove", () => {
    expect(dropped.length).toBeGreaterThan(0);
  });

  test("check lists problems by row, says no undefined, and finds no duplicate IDs", async () => {
    const result = await cli("check", file);
    // The missing column is said once, on stderr, with how to name it.
    expect(result).toMatchObject({ code: 0, err: 'No Contract ID column found: contracts are named by their row (name it with --map contractId="HEADER")\n' });
    // Said to be absent, it is not said again.
    expect((await cli("check", file, "--map", "contractId=")).err).toBe("");
    expect(result.out).not.toMatch(ABSENCE);
    expect(result.out).not.toMatch(/duplicate-id|is also the ID/);
    const json = JSON.parse((await cli("check", file, "--json")).out) as { issues: { row: number; field: string }[] };
    expect(json.issues.every((i) => i.row > headerRow && i.field !== "contractId")).toBe(true);
  });

  test("summary names every contract it lists by its row, in every format", async () => {
    const json = JSON.parse((await cli("summary", file, "--as-of", asOf, "--format", "json")).out) as { contracts: { id: string }[] };
    expect(json.contracts.length).toBeGreaterThan(0);
    const rows = json.contracts.map((c) => Number(/^Row (\d+)$/.exec(c.id)?.[1]));
    expect(rows.every((row) => row > headerRow)).toBe(true);
    expect(new Set(rows).size).toBe(rows.length);
    for (const format of ["text", "markdown", "html"]) {
      const result = await cli("summary", file, "--as-of", asOf, "--format", format);
      expect(result).toMatchObject({ code: 0, err: expect.stringMatching(/^No Contract ID column found/) });
      expect(result.out).not.toMatch(ABSENCE);
      expect(result.out).toContain(json.contracts[0].id);
    }
  });
});

test("a small register with no ID column: check and summary say Row N; convert asks first, then says Row N", async () => {
  const file = save(Buffer.from("Title,Supplier,End date,Notice period\nWaste collection,Acme Ltd,31/03/2025,3 months\nLibrary books,Acme Ltd,30/06/2025,\nCleaning,Shine Ltd,,\n", "utf8"), ".csv");
  const check = await cli("check", file);
  expect(check.out).toBe('3 contracts on sheet "register4": 1 data-quality problem\n  missing-end-date        1\nRow 4, End date: No end date: expiry, notice and RAG cannot be worked out\n');
  const summary = await cli("summary", file, "--as-of", "2025-03-01");
  expect(summary.out).toMatch(/^ {2}1\. \[Red\] Row 2 — Waste collection \(Acme Ltd\): Notice date/m);
  expect(summary.out).toMatch(/^ {2}2\. \[Amber\] Row 3 — Library books \(Acme Ltd\): Decide by 1 Jan 2025 passed 59 days ago/m);
  const out = save(Buffer.alloc(0), ".xlsx");
  // convert sets up a tracker: without a Contract ID it asks, in one line, for the column or the user's word that there is none.
  const refused = await cli("convert", file, "--out", out, "--as-of", "2025-03-01", "--force");
  expect(refused).toMatchObject({ code: 1, out: "" });
  expect(refused.err).toBe('contract-tracker: No Contract ID column found on sheet "register4": name it with --map contractId="HEADER" (the columns are "Title", "Supplier", "End date", "Notice period"), or say the register has none with --map contractId= and each contract is named by its row\n');
  const convert = await cli("convert", file, "--out", out, "--as-of", "2025-03-01", "--map", "contractId=", "--force");
  expect(convert).toMatchObject({ code: 0, err: "" });
  expect(convert.out).toContain("  no Contract ID column: each contract is named by its row (Row 2, Row 3 …)");
  expect(convert.out).toContain("  not created: Milestones, KPIs, Risks, Changes — their rows name a contract by its Contract ID");
  // The tracker it wrote summarises the same way.
  expect((await cli("summary", out, "--as-of", "2025-03-01")).out).toMatch(/^ {2}1\. \[Red\] Row 2 — Waste collection/m);
});
