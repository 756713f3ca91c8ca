import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { buildXlsx, row } from "../helpers/xlsxBuild";

// `contract-tracker summary` on real registers, against golden summaries checked in under
// test/golden (readable: open them). Regenerate after a deliberate change with
// `UPDATE_GOLDEN=1 npx jest test/cli/summary`, and read the diff before committing it.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const GOLDEN = path.resolve(__dirname, "../golden");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-summary-"));

const CASES = [
  { name: "act-2025-07-31", file: "act-gov-contracts/act_contracts_2025.csv", asOf: "2025-07-31" },
  { name: "uk-ocds-2025-06-30", file: "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv", asOf: "2025-06-30" },
];

describe.each(CASES)("golden summary $name", ({ name, file, asOf }) => {
  test.each(["text", "json"])("%s", async (format) => {
    const result = await cli("summary", path.join(REAL, file), "--as-of", asOf, "--format", format);
    expect(result).toMatchObject({ code: 0, err: "" });
    const golden = path.join(GOLDEN, `${name}.${format === "text" ? "txt" : "json"}`);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, result.out);
    expect(result.out).toBe(fs.readFileSync(golden, "utf8"));
  });
});

test("the summary uses the columns map shows (an empty twin column never wins)", async () => {
  const json = JSON.parse((await cli("summary", path.join(REAL, "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv"), "--as-of", "2025-06-30", "--format", "json")).out);
  // 148 of the 381 releases have an award_contract_end (one ended over a year before); contract_end is empty throughout.
  expect(json.counts.red + json.counts.amber + json.counts.green + json.counts.probablyClosed).toBe(148);
});

test("JSON has the documented shape and ranked contracts", async () => {
  const json = JSON.parse(fs.readFileSync(path.join(GOLDEN, "uk-ocds-2025-06-30.json"), "utf8"));
  expect(Object.keys(json)).toEqual(["asOf", "contractsRead", "counts", "byLevel", "valueAtRisk", "changedInLast7Days", "contracts", "unrated", "probablyClosed", "decisionsComing"]);
  expect(Object.keys(json.counts)).toEqual(["red", "amber", "green", "unrated", "probablyClosed", "closed"]);
  expect(Object.keys(json.byLevel)).toEqual(["1", "2", "3"]);
  const levels: number[] = json.contracts.map((c: { level: number }) => c.level);
  expect(levels).toEqual([...levels].sort((a, b) => b - a));
  for (const c of json.contracts) expect(c.noticeDate === null || /^\d{4}-\d{2}-\d{2}$/.test(c.noticeDate)).toBe(true);
});

test("a full tracker workbook: milestones and the log count, --out writes the file, every format", async () => {
  const tracker = path.join(dir, "tracker.xlsx");
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Contracts").addRows([
    ["Contract ID", "Title", "Supplier", "Contract manager", "Tier", "End date", "Notice period", "Total value"],
    ["C-1", "<img src=x onerror=alert(1)>", "Binco Ltd", "Sam Patel", "Silver", "31/12/2027", "3 months", 100000],
    ["C-2", "Cleaning", "Shine Ltd", "Jo Bloggs", "Gold", "31/07/2025", "", 5000],
  ]);
  book.addWorksheet("Milestones").addRows([
    ["Contract ID", "Milestone", "Baseline date", "Forecast date", "Actual date", "Owner"],
    ["C-1", "Data migration", "01/05/2025", "10/06/2025", "", "Dev"],
  ]);
  book.addWorksheet("Escalations").addRows([
    ["Escalation ID", "Contract ID", "Raised at", "Raised by", "Level", "RAG", "Reason", "Action", "Owner", "Status", "Resolved on", "Resolution"],
    ["ESC-1", "C-1", "01/05/2025", "Sam", 2, "Red", "late", "", "", "Open", "", ""],
  ]);
  book.addWorksheet("Settings").addRows([["Name", "Value"], ["ladder_level_3", "Director of Place"]]);
  await book.xlsx.writeFile(tracker);

  const json = JSON.parse((await cli("summary", tracker, "--as-of", "2025-06-30", "--format", "json")).out);
  expect(json.contracts.map((c: { id: string; level: number }) => [c.id, c.level])).toEqual([
    ["C-2", 3],
    ["C-1", 3],
  ]);
  expect(json.contracts[1].reasons).toEqual(['Milestone "Data migration" 60 days late (red above 30 days)', "Red for 60 days (more than 30)"]);
  const html = path.join(dir, "summary.html");
  expect(await cli("summary", tracker, "--as-of", "2025-06-30", "--format", "html", "--out", html)).toMatchObject({ code: 0, out: `Wrote ${html}\n` });
  const written = fs.readFileSync(html, "utf8");
  expect(written).toContain("&lt;img src=x onerror=alert(1)&gt;");
  expect(written).not.toContain("<img");
  expect(written).toContain("Director of Place");
  expect((await cli("summary", tracker, "--as-of", "2025-06-30", "--format", "markdown")).out).toContain("## Level 3 · Director of Place: 2 contracts, worth 105,000\n\n| # | RAG | Contract | Supplier | Contract manager | Value | Ends | Notice date | Why | Action |\n| ---: | --- | --- | --- | --- | ---: | --- | --- | --- | --- |\n| 1 | Red | C-2 — Cleaning | Shine Ltd | Jo Bloggs | 5,000 |");
});

test("bad usage and bad input", async () => {
  expect((await cli("summary", "x.csv", "--format", "pdf")).code).toBe(2);
  expect((await cli("summary", path.join(dir, "missing.csv"))).code).toBe(1);
  const source = path.join(REAL, "act-gov-contracts/act_contracts_2025.csv");
  expect(await cli("summary", source, "--out", source)).toMatchObject({ code: 1, err: expect.stringContaining("never overwritten") });
});

describe("the value at risk says its currency, from the register's text or its number formats", () => {
  const valueLine = async (file: string): Promise<string> => {
    const result = await cli("summary", file, "--as-of", "2025-06-30");
    expect(result.err).toBe("");
    return result.out.split("\n").find((l) => l.startsWith("Value at risk")) ?? "";
  };

  test("a CSV whose values are written with £ and € gives one total per currency", async () => {
    const csv = path.join(dir, "currencies.csv");
    fs.writeFileSync(csv, ["Contract ID,End date,Total value", 'C-1,31/07/2025,"£1,200,000"', "C-2,31/07/2025,€500", 'C-3,31/07/2025,"£34,567"', "C-4,31/12/2030,£9"].join("\r\n"));
    expect(await valueLine(csv)).toBe("Value at risk: £1,234,567 + €500: the whole-life value of the 3 contracts at level 2 or 3.");
  });

  test("an .xlsx whose value cells are numbers formatted as pounds shows pounds", async () => {
    const xlsx = path.join(dir, "pounds.xlsx");
    fs.writeFileSync(
      xlsx,
      buildXlsx({
        sheets: [{ name: "Register", cells: [row(1, '<c r="A1" t="inlineStr"><is><t>Contract ID</t></is></c><c r="B1" t="inlineStr"><is><t>End date</t></is></c><c r="C1" t="inlineStr"><is><t>Total value</t></is></c>'), row(2, '<c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" s="1"><v>45869</v></c><c r="C2" s="2"><v>1234567</v></c>')].join("") }],
        numFmts: { 164: "dd/mm/yyyy", 165: '"£"#,##0.00' },
        cellXfs: [0, 164, 165],
      }),
    );
    expect(await valueLine(xlsx)).toBe("Value at risk: £1,234,567: the whole-life value of the contract at level 2 or 3.");
  });

  test("a register without a value column says the value is not known, not 0", async () => {
    const csv = path.join(dir, "no-values.csv");
    fs.writeFileSync(csv, ["Contract ID,End date", "C-1,31/07/2025"].join("\r\n"));
    expect(await valueLine(csv)).toBe("Value at risk: not known: the register has no value column.");
  });
});

// Every shared register: a summary a head of service can read (about 150 lines at most by default)
// whose counts add up to the contracts read.
const registers = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? registers(path.join(dir, e.name)) : /\.(csv|xlsx)$/i.test(e.name) ? [path.join(dir, e.name)] : []));

test.each(registers(REAL).map((f) => [path.relative(REAL, f), f]))("%s: short by default, and its counts add up", async (_, file) => {
  const text = await cli("summary", file, "--as-of", "2026-11-25");
  expect(text.code).toBe(0);
  expect(text.out.split("\n").length).toBeLessThanOrEqual(150);
  const json = JSON.parse((await cli("summary", file, "--as-of", "2026-11-25", "--format", "json")).out);
  const c = json.counts;
  expect(c.red + c.amber + c.green + c.unrated + c.probablyClosed + c.closed).toBe(json.contractsRead);
  expect(json.contracts.filter((x: { level: number }) => x.level === 3)).toHaveLength(json.byLevel["3"]);
  // The headline says the same split in words.
  expect(text.out).toContain(`${json.contractsRead.toLocaleString("en-GB")} contract${json.contractsRead === 1 ? "" : "s"} read: ${(c.red + c.amber + c.green).toLocaleString("en-GB")} live`);
}, 120_000);

test("real registers: no end dates is not an all-clear; long-ended records are triage, not the board's", async () => {
  const toronto = JSON.parse((await cli("summary", path.join(REAL, "toronto-contracts/Awarded Contracts.csv"), "--as-of", "2026-11-25", "--format", "json")).out);
  expect(toronto.counts).toMatchObject({ red: 0, amber: 0, green: 0, unrated: toronto.contractsRead });
  expect(toronto.unrated[0].reason).toBe("No end date: the register has no end date column");
  expect(toronto.unrated[0].value).toBeGreaterThanOrEqual(toronto.unrated[1].value);
  const finder = JSON.parse((await cli("summary", path.join(REAL, "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx"), "--as-of", "2026-11-25", "--format", "json")).out);
  // 2,960 notices, most of them for contracts that ended years ago with no status.
  expect(finder.counts.probablyClosed).toBeGreaterThan(2500);
  expect(finder.byLevel["3"]).toBeLessThan(200);
  expect(finder.contracts.every((c: { daysToExpiry: number | null }) => c.daysToExpiry === null || c.daysToExpiry >= -365)).toBe(true);
}, 120_000);

test("--locale writes every date of the summary and check text in that locale's words; the register's date order is the default", async () => {
  const file = path.join(REAL, "act-gov-contracts/act_contracts_2025.csv");
  const { dateStyles } = await import("../helpers/dateStyles");
  const byDefault = await cli("summary", file, "--as-of", "2025-07-31");
  const us = await cli("summary", file, "--as-of", "2025-07-31", "--locale", "en-US");
  expect(us.code).toBe(0);
  // A day-first register reads as en-GB unless told; told en-US, the same summary is month first throughout.
  expect(Object.keys(dateStyles(byDefault.out))).toEqual(["day first"]);
  expect(Object.keys(dateStyles(us.out))).toEqual(["month first"]);
  expect(us.out).toContain("Escalation summary as of Jul 31, 2025");
  const checked = await cli("check", file, "--locale", "en-US");
  expect(dateStyles(checked.out)["day first"]).toBeUndefined();
  expect(await cli("summary", file, "--locale", "xx-nonsense-!!")).toMatchObject({ code: 2 });
});
