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
  // 148 of the 381 releases have an award_contract_end; contract_end is empty throughout.
  expect(json.counts.red + json.counts.amber + json.counts.green).toBe(148);
});

test("JSON has the documented shape and ranked contracts", async () => {
  const json = JSON.parse(fs.readFileSync(path.join(GOLDEN, "uk-ocds-2025-06-30.json"), "utf8"));
  expect(Object.keys(json)).toEqual(["asOf", "counts", "byLevel", "valueAtRisk", "contracts"]);
  expect(Object.keys(json.counts)).toEqual(["red", "amber", "green", "unrated"]);
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
  expect((await cli("summary", tracker, "--as-of", "2025-06-30", "--format", "markdown")).out).toContain("| 1 | 3 | Red | C-2 — Cleaning | Shine Ltd |");
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
    expect(await valueLine(csv)).toBe("Value at risk: £1,234,567 + €500.");
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
    expect(await valueLine(xlsx)).toBe("Value at risk: £1,234,567.");
  });

  test("a register without a value column says the value is not known, not 0", async () => {
    const csv = path.join(dir, "no-values.csv");
    fs.writeFileSync(csv, ["Contract ID,End date", "C-1,31/07/2025"].join("\r\n"));
    expect(await valueLine(csv)).toBe("Value at risk: not known (the register has no value column).");
  });
});
