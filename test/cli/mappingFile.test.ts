import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { cli, bin } from "../helpers/cli";
import { tempFiles } from "../helpers/tempFiles";

// `--mapping FILE.json`: a mapping fixed once (`map --json > m.json`, edited) and reused by every
// command; `--map` wins over it.
const save = tempFiles("ct-mapping-", "file");

const json = (value: unknown): string => save(Buffer.from(JSON.stringify(value)), ".json");
const text = (lines: string[], extension = ".csv"): string => save(Buffer.from(lines.join("\r\n")), extension);

// Detection takes `Lead officer` (a person) as the department; the service is in `Service`.
const REGISTER = text([
  "Contract ref,Title,Supplier,Lead officer,Service,End date,Notice period,Value",
  'A-1,Grounds maintenance,Green Ltd,Pat Jones,Parks,31/08/2025,3 months,"£80,000"',
  'A-2,Cleaning,Shine Ltd,Pat Jones,Facilities,31/03/2027,6 months,"£40,000"',
  'A-3,Meals at home,Dine Ltd,Lee Smith,Adult care,30/11/2025,90 days,"£300,000"',
]);

describe("a round trip: map --json to a file, then --mapping", () => {
  const commands = [["map", "--json"], ["check", "--json"], ["summary", "--as-of", "2025-06-30", "--format", "json"]];

  test("the file as map prints it gives exactly what detection gave", async () => {
    const saved = bin("map", REGISTER, "--json");
    expect(saved).toMatchObject({ code: 0, err: "" });
    const file = save(Buffer.from(saved.out), ".json");
    for (const [command, ...flags] of commands) {
      expect(await cli(command, REGISTER, "--mapping", file, ...flags)).toEqual(await cli(command, REGISTER, ...flags));
    }
  });

  test("a correction saved once is reused: --mapping gives what the --map it was saved with gave", async () => {
    const fix = ["--map", "department=Service", "--map", "contractManager=Lead officer"];
    const file = save(Buffer.from((await cli("map", REGISTER, "--json", ...fix)).out), ".json");
    expect(JSON.parse(fs.readFileSync(file, "utf8")).fields.department).toEqual({ column: "Service", index: 4, confidence: 1, why: "your choice" });
    for (const [command, ...flags] of commands) {
      expect(await cli(command, REGISTER, "--mapping", file, ...flags)).toEqual(await cli(command, REGISTER, ...fix, ...flags));
    }
    const shown = bin("map", REGISTER, "--mapping", file);
    expect(shown.out).toContain("  Department         ← Service  (your choice)");
    expect(shown.out).toContain("  Contract manager   ← Lead officer  (your choice)");
  });

  test("a field taken out of the file stays out; a field the file agrees on keeps how sure detection was", async () => {
    const saved = JSON.parse((await cli("map", REGISTER, "--json")).out);
    delete saved.fields.noticePeriod;
    const { out } = await cli("map", REGISTER, "--mapping", json(saved));
    expect(out).toContain("  Notice period      — not found");
    expect(out).toMatch(/ {2}End date {11}← End date {2}\(\d+% sure/);
  });

  test("Windows PowerShell's `>` writes UTF-16: the file still reads", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ fields: { department: "Service" } }), "utf16le")]);
    expect((await cli("map", REGISTER, "--mapping", save(utf16, ".json"))).out).toContain("Department         ← Service  (your choice)");
  });
});

describe("the short form and --map", () => {
  test("names only what it corrects (key or header, null for none); detection keeps the rest", async () => {
    const { code, out, err } = await cli("map", REGISTER, "--mapping", json({ fields: { Department: "service", "notice period": null } }));
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain("  Department         ← Service  (your choice)");
    expect(out).toContain("  Notice period      — not found");
    expect(out).toContain("  Supplier           ← Supplier  (");
  });

  test("--map wins over the file, and a field the flag takes a column from is said to have moved", async () => {
    const file = json({ fields: { department: "Service" } });
    expect((await cli("map", REGISTER, "--mapping", file, "--map", "department=Lead officer")).out).toContain("  Department         ← Lead officer  (your choice)");
    const { code, out, err } = await cli("check", REGISTER, "--mapping", file, "--map", "title=Service");
    expect(code).toBe(0);
    expect(out).toContain("3 contracts");
    expect(err).toBe('Department no longer has a column: you gave "Service" to Title\n');
  });
});

describe("the file's sheet and header row", () => {
  // A sheet with two lists: detection finds the first header row; the user's file names the second.
  const twoLists = text([
    "Ref,Supplier,End date",
    "X-1,Old Ltd,31/03/2020",
    "",
    "Contract ID,Title,Supplier,Contract end date",
    "C-1,Cleaning,Shine Ltd,31/03/2027",
    "C-2,Catering,Dine Ltd,31/03/2028",
  ]);

  test("are used: the header row says where the register starts", async () => {
    expect((await cli("check", twoLists)).out).toMatch(/^4 contracts/);
    const file = json({ headerRow: 4, fields: {} });
    expect((await cli("map", twoLists, "--mapping", file)).out).toContain("headers on row 4");
    expect((await cli("check", twoLists, "--mapping", file)).out).toMatch(/^2 contracts/);
    const out = path.join(path.dirname(twoLists), "two-lists.xlsx");
    expect((await cli("convert", twoLists, "--mapping", file, "--out", out)).out).toContain("2 contracts from sheet");
  });

  test("a blank header row is a one-line error", async () => {
    expect(await cli("check", twoLists, "--mapping", json({ headerRow: 3, fields: {} }))).toEqual({ code: 1, out: "", err: expect.stringMatching(/^contract-tracker: Row 3 of sheet "file\d+" of .+ is blank: it cannot be the header row the mapping file says\n$/) });
  });

  describe("in a workbook of several registers", () => {
    let workbook: string;
    beforeAll(async () => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet("2024").addRows([["Ref", "Title", "Supplier", "End date", "Value", "Status"], ["O-1", "Old", "Old Ltd", "31/03/2024", 10, "Closed"]]);
      book.addWorksheet("2025").addRows([["Ref", "Supplier", "End date"], ["N-1", "New Ltd", "31/03/2027"], ["N-2", "Newer Ltd", "31/03/2028"]]);
      workbook = save(Buffer.from(await book.xlsx.writeBuffer()), ".xlsx");
    });

    test("the file's sheet is read; --sheet wins over it", async () => {
      const file = json({ sheet: "2025", headerRow: 1, fields: { contractId: "Ref" } });
      expect((await cli("check", workbook)).out).toMatch(/^1 contract on sheet "2024"/);
      expect((await cli("check", workbook, "--mapping", file)).out).toMatch(/^2 contracts on sheet "2025"/);
      expect((await cli("check", workbook, "--mapping", file, "--sheet", "2024")).out).toMatch(/^1 contract on sheet "2024"/);
    });

    test("a sheet the workbook does not have is a one-line error naming its sheets", async () => {
      const file = json({ sheet: "2023", fields: {} });
      expect(await cli("check", workbook, "--mapping", file)).toEqual({ code: 1, out: "", err: `contract-tracker: ${file} is for sheet "2023", which ${workbook} does not have (it has 2024, 2025): give --sheet NAME\n` });
    });
  });
});

describe("a bad mapping file is one line naming what is valid, exit 1, never a stack trace", () => {
  const FIELDS = "contractId, title, supplier, contractManager, department, tier, startDate, goLiveDate, endDate, extensionOptions, noticePeriod, annualValue, totalValue, budget, spendToDate, status, contractType, performanceRating";

  test("broken JSON, from the real command", () => {
    const file = save(Buffer.from('{ "fields": { "title": "Title", }'), ".json");
    const result = bin("summary", REGISTER, "--mapping", file);
    expect(result.code).toBe(1);
    expect(result.out).toBe("");
    expect(result.err).toMatch(new RegExp(`^contract-tracker: ${file.replace(/[\\.]/g, "\\$&")} is not JSON \\(.+\\): give a mapping as \`contract-tracker map FILE --json\` prints it, or \\{"fields": \\{"title": "Title of the Agreement", "status": null\\}\\}\n$`));
  });

  test.each([
    ["an unknown field", { fields: { expiry: "End date" } }, (file: string) => `${file}: "expiry" is not a field of Contracts: use one of ${FIELDS}`],
    ["an unknown column", { fields: { endDate: { column: "Expiry", index: 5, confidence: 1 } } }, (file: string) => `${file}: There is no column "Expiry" to map to endDate: the columns are "Contract ref", "Title", "Supplier", "Lead officer", "Service", "End date", "Notice period", "Value"`],
    ["one column for two fields", { fields: { title: "Service", department: "Service" } }, (file: string) => `${file}: The column "Service" is given to both title and department: a column holds one field`],
    ["no fields", { sheet: "Register" }, (file: string) => `${file} has no "fields": give a mapping as \`contract-tracker map FILE --json\` prints it, or {"fields": {"title": "Title of the Agreement", "status": null}}`],
    ["a field that is not a header", { fields: { title: 3 } }, (file: string) => `${file}: fields.title must be a column header, null, or {"column": HEADER} as \`contract-tracker map FILE --json\` prints it, or {"fields": {"title": "Title of the Agreement", "status": null}}`],
    ["a header row that is not one", { headerRow: 0, fields: {} }, (file: string) => `${file}: "headerRow" must be the header row's number, counting from 1`],
  ])("%s", async (_, content, message) => {
    const file = json(content);
    for (const command of ["map", "check", "summary"]) expect(await cli(command, REGISTER, "--mapping", file)).toEqual({ code: 1, out: "", err: `contract-tracker: ${message(file)}\n` });
  });

  test("a file that is not there", async () => {
    expect(await cli("check", REGISTER, "--mapping", "/no/such/mapping.json")).toEqual({ code: 1, out: "", err: "contract-tracker: No such mapping file: /no/such/mapping.json\n" });
  });
});

describe("next month's export", () => {
  test("a saved mapping still applies when a title row moves the header row down", async () => {
    const saved = await cli("map", REGISTER, "--map", "department=Service", "--json");
    const file = json(JSON.parse(saved.out));
    const lines = fs.readFileSync(REGISTER, "utf8").split("\r\n");
    const nextMonth = text(["Anytown Council — contract register, December", "", ...lines]);
    const mapped = await cli("map", nextMonth, "--mapping", file, "--json");
    expect(mapped).toMatchObject({ code: 0, err: "" });
    const result = JSON.parse(mapped.out) as { headerRow: number; fields: Record<string, { column: string }> };
    expect(result.headerRow).toBe(3);
    expect(result.fields.department.column).toBe("Service");
    expect(JSON.parse((await cli("check", nextMonth, "--mapping", file, "--json")).out).rows).toBe(3);
  });
});
