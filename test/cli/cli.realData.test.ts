import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli } from "../helpers/cli";

// The command line on every shared real register: map and check run without a crash, the mapping
// is right and check's counts match what each README reports.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const BIN = path.resolve(__dirname, "../../bin/contract-tracker.js");

const FILES = [
  "act-gov-contracts/act_contracts_2025.csv",
  "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv",
  "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv",
  "toronto-contracts/Awarded Contracts.csv",
  "toronto-contracts/Non-Competitive Contracts.csv",
  "uk-contractsfinder-awards-2020/contractsfinder_award_notices_2020_10_publishers.csv",
  "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv",
  "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx",
];

// From the folders' READMEs: rows sharing an ID, placeholder dates.
const README_COUNTS: Record<string, Record<string, number>> = {
  "act-gov-contracts/act_contracts_2025.csv": { "duplicate-id": 4 },
  "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv": { "duplicate-id": 2 },
  "toronto-contracts/Awarded Contracts.csv": { "duplicate-id": 1873 },
  "toronto-contracts/Non-Competitive Contracts.csv": { "duplicate-id": 206 },
  "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv": { "duplicate-id": 22 },
  "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv": { "placeholder-date": 1 },
};

describe.each(FILES)("%s", (file) => {
  test("map --json gives the sheet, the 1-based header row, fields with confidence and unmapped columns", async () => {
    const { code, out, err } = await cli("map", path.join(REAL, file), "--json");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const json = JSON.parse(out);
    expect(json.headerRow).toBe(1);
    expect(typeof json.sheet).toBe("string");
    expect(json.fields.contractId).toMatchObject({ column: expect.any(String), index: expect.any(Number), confidence: expect.any(Number) });
    // `why` when detection gives a reason, and nothing else: the JSON is what --mapping reads back.
    for (const match of Object.values(json.fields)) expect(Object.keys(match as object).filter((k) => !["column", "index", "confidence", "why"].includes(k))).toEqual([]);
    expect(Array.isArray(json.unmapped)).toBe(true);
  });

  test("check --json counts what the README reports", async () => {
    const { code, out } = await cli("check", path.join(REAL, file), "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.rows).toBeGreaterThan(300);
    expect(Object.keys(json).sort()).toEqual(["counts", "issues", "rows"]);
    for (const [problem, n] of Object.entries(README_COUNTS[file] ?? {})) expect({ problem, n: json.counts[problem] }).toEqual({ problem, n });
    for (const issue of json.issues.slice(0, 20)) expect(Object.keys(issue).sort()).toEqual(["column", "field", "problem", "row", "value"]);
  });
});

test("blank end dates are reported row by row", async () => {
  const { out } = await cli("check", path.join(REAL, "nyc-capital-projects-milestones/NYC_capital_projects_20190901.csv"), "--json");
  const json = JSON.parse(out);
  const blank = json.issues.filter((i: { problem: string }) => i.problem === "missing-end-date");
  expect(blank.length).toBe(2259 - 2137);
});

describe("bad input and bad usage", () => {
  test.each([
    [["check", "/no/such/file.csv"], 1, "No such file"],
    [["map", path.resolve(__dirname, "../../package.json")], 1, "is not a spreadsheet"],
    [["map", path.resolve(__dirname, "../../assets/icon-16.png")], 1, "is not a spreadsheet"],
    [["frobnicate", "x.csv"], 2, 'Unknown command "frobnicate"'],
    [["map"], 2, "Give the register FILE"],
    [["check", "a.csv", "--date-order", "ymd"], 2, "--date-order is dmy or mdy"],
    [["map", "a.csv", "--bogus"], 2, "Unknown option --bogus"],
  ])("%j → exit %i", async (argv, expected, message) => {
    const { code, err, out } = await cli(...argv);
    expect({ code, out }).toEqual({ code: expected, out: "" });
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test("a file with no header row", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-"));
    const file = path.join(dir, "numbers.csv");
    fs.writeFileSync(file, "1,2,3\n4,5,6\n");
    const { code, err } = await cli("map", file);
    expect(code).toBe(1);
    expect(err).toBe(`contract-tracker: No header row found in the first 30 rows of ${file}: expected a row of column names such as Contract ID, Supplier, End date\n`);
  });

  test("a Windows-1252 CSV reads its £ signs", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-"));
    const file = path.join(dir, "cp1252.csv");
    fs.writeFileSync(file, Buffer.from("Contract ID,Supplier,End date,Contract value\r\nC1,Café Ltd,31/03/2026,\xA31,200\r\n".replace("\xA31,200", '"\xA31,200"'), "latin1"));
    const { out } = await cli("check", file, "--json");
    expect(JSON.parse(out)).toEqual({ rows: 1, counts: {}, issues: [] });
    const mapped = JSON.parse((await cli("map", file, "--json")).out);
    expect(mapped.fields.supplier.column).toBe("Supplier");
  });
});

test("npx-style: the bin script runs after npm ci and exits with the CLI's code", () => {
  const ok = spawnSync(process.execPath, [BIN, "map", path.join(REAL, "act-gov-contracts/act_contracts_2025.csv")], { encoding: "utf8" });
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain("End date           ← expiry_date");
  const bad = spawnSync(process.execPath, [BIN, "check", "/no/such.csv"], { encoding: "utf8" });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toBe("contract-tracker: No such file: /no/such.csv\n");
});
