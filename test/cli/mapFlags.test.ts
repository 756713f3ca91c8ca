import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { cli } from "../helpers/cli";
import { howSure } from "../../src/cli/map";
import { tempFiles } from "../helpers/tempFiles";

// `--map FIELD=HEADER` corrects the mapping on every command, and what the user corrected changes
// what each command says.
const save = tempFiles("ct-map-", "register");

// Detection takes `End date` and `Directorate`; the register also has the end date with extensions
// and the team, one with a placeholder date standing for "no end".
const REGISTER = save(
  Buffer.from(
    [
      "Ref,Contract title,Supplier,Contract manager,Directorate,Team,Start date,End date,Extended end date,Annual value,Status",
      'C-001,Waste collection,Binco Ltd,Sam Patel,Environment,Street Scene,01/04/2020,31/07/2025,31/03/2028,"£250,000",Active',
      'C-002,Library books,Readwell Ltd,Jo Bloggs,Communities,Libraries,01/04/2022,31/03/2030,31/03/2031,"£40,000",Active',
      'C-003,Parks maintenance,Green Ltd,Sam Patel,Environment,Parks,01/04/2021,31/08/2025,31/12/2099,"£90,000",Active',
      'C-004,IT support,Byte Ltd,Ali Khan,Resources,Digital,01/04/2023,30/09/2025,30/09/2026,"£120,000",Active',
    ].join("\r\n"),
  ),
  ".csv",
);
const EXTENDED = ["--map", "End date=extended end date"];
const FIELDS = "contractId, title, supplier, contractManager, department, tier, startDate, goLiveDate, endDate, extensionOptions, noticePeriod, annualValue, totalValue, budget, spendToDate, status, contractType, performanceRating";
const COLUMNS = '"Ref", "Contract title", "Supplier", "Contract manager", "Directorate", "Team", "Start date", "End date", "Extended end date", "Annual value", "Status"';

describe("map", () => {
  test("shows a corrected field as the user's choice, and the field that lost its column", async () => {
    const { code, out, err } = await cli("map", REGISTER, "--map", "department=Team", "--map", "Title=Ref");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const lines = out.split("\n");
    expect(lines).toContain("  Department         ← Team  (your choice)");
    expect(lines).toContain("  Title              ← Ref  (your choice)");
    expect(lines).toContain("  Contract ID        — not found");
    expect(lines).toContain('Contract ID no longer has a column: you gave "Ref" to Title');
    expect(lines).toContain("Not mapped: Contract title, Directorate, Extended end date");
  });

  test("--json carries the choice and its reason; what moved goes to stderr, so the JSON stays a mapping file", async () => {
    const { code, out, err } = await cli("map", REGISTER, "--json", "--map", "department=Team", "--map", "supplier=Ref");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.fields.department).toEqual({ column: "Team", index: 5, confidence: 1, why: "your choice" });
    expect(json.fields.contractId).toBeUndefined();
    expect(err).toBe('Contract ID no longer has a column: you gave "Ref" to Supplier\n');
  });

  test("a reason detection gives is printed beside how sure it is; a user's choice is not a percentage", () => {
    const match = { column: "Expiry", index: 4, confidence: 0.853 };
    expect(howSure({ ...match, why: "dates in 98% of rows" })).toBe("85% sure: dates in 98% of rows");
    // The header is shown beside the field already.
    expect(howSure({ ...match, why: 'header "Expiry"; dates in 98% of rows' })).toBe("85% sure: dates in 98% of rows");
    expect(howSure({ ...match, why: 'header "Expiry"' })).toBe("85% sure");
    expect(howSure({ ...match, why: 'header "Expiry date"' })).toBe('85% sure: header "Expiry date"');
    expect(howSure(match)).toBe("85% sure");
    expect(howSure({ ...match, confidence: 1, why: "your choice" })).toBe("your choice");
  });

  test("a field the tracker writes itself is listed only where the register has its column; a register field it lacks is still not found", async () => {
    const tracked = save(Buffer.from("Ref,Contract title,End date,Performance rating\r\nC-001,Waste collection,31/07/2025,Good\r\nC-002,Library books,31/03/2030,Inadequate\r\n"), ".csv");
    const [without, withRating] = [await cli("map", REGISTER), await cli("map", tracked)];
    expect(without.out).not.toContain("Performance rating");
    // Contract type is a field registers hold (goods, services or works): its absence is worth saying.
    expect(without.out.split("\n")).toContain("  Contract type      — not found");
    expect(withRating.out.split("\n")).toContainEqual(expect.stringMatching(/^ {2}Performance rating ← Performance rating {2}\(\d+% sure/));
  });

  test("no real register is told that Performance rating, which the tracker writes, is missing", async () => {
    const REAL = path.resolve(__dirname, "../../../shared/data/real");
    const registers = fs.readdirSync(REAL).flatMap((dir) => fs.readdirSync(path.join(REAL, dir)).filter((f) => /\.(csv|xlsx)$/i.test(f)).map((f) => path.join(REAL, dir, f)));
    expect(registers.length).toBeGreaterThan(5);
    for (const file of registers) {
      const { code, out } = await cli("map", file);
      expect({ file, code }).toEqual({ file, code: 0 });
      expect({ file, said: out.includes("Performance rating") }).toEqual({ file, said: false });
      expect({ file, said: out.includes("Contract type") }).toEqual({ file, said: true });
    }
  }, 120_000);

  test("FIELD= says the register has no such column", async () => {
    const { out } = await cli("map", REGISTER, "--map", "status=");
    expect(out).toContain("  Status             — not found");
    expect(out).toContain("Not mapped: Team, Extended end date, Status");
  });
});

describe("check", () => {
  test("reads the corrected end date: its placeholder becomes a problem, the note says nothing moved", async () => {
    expect((await cli("check", REGISTER)).out).toContain("0 data-quality problems");
    const { code, out, err } = await cli("check", REGISTER, ...EXTENDED);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain("Row 4, Extended end date: 31/12/2099 is on or after 31/12/2099");
  });

  test("a choice that takes a column prints the same note on stderr", async () => {
    const { code, out, err } = await cli("check", REGISTER, "--json", "--map", "supplier=Directorate");
    expect(code).toBe(0);
    expect(err).toBe('Department no longer has a column: you gave "Directorate" to Supplier\n');
    expect(JSON.parse(out).rows).toBe(4);
  });
});

describe("summary", () => {
  const ids = (out: string): string[] => JSON.parse(out).contracts.map((c: { id: string }) => c.id);

  test("the corrected end date changes what expires: contracts ending soon are no longer escalated", async () => {
    const before = await cli("summary", REGISTER, "--as-of", "2025-06-30", "--format", "json");
    expect(ids(before.out)).toEqual(["C-001", "C-003", "C-004"]);
    const after = await cli("summary", REGISTER, "--as-of", "2025-06-30", "--format", "json", ...EXTENDED);
    expect(after).toMatchObject({ code: 0, err: "" });
    expect(ids(after.out)).not.toContain("C-001");
    expect(ids(after.out)).not.toContain("C-004");
  });

  test("the corrected contract manager is the one named; FIELD= unmaps the end date, leaving every contract unrated", async () => {
    const text = await cli("summary", REGISTER, "--as-of", "2025-06-30", "--map", "contract manager=Team");
    expect(text.out).toContain("1. [Red] C-001 — Waste collection (Binco Ltd) · Street Scene · £250,000: Expires 31 Jul 2025");
    const unmapped = await cli("summary", REGISTER, "--as-of", "2025-06-30", "--format", "json", "--map", "endDate=");
    expect(JSON.parse(unmapped.out).counts).toEqual({ red: 0, amber: 0, green: 0, unrated: 4, probablyClosed: 0, closed: 0 });
  });
});

describe("convert", () => {
  test("the tracker's formulas and values follow the corrected column, and what moved is said on stderr", async () => {
    const out = path.join(path.dirname(REGISTER), "tracker.xlsx");
    const result = await cli("convert", REGISTER, "--out", out, "--as-of", "2025-06-30", ...EXTENDED, "--map", "tier=Team");
    expect(result).toMatchObject({ code: 0, err: "" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, header: string): ExcelJS.Cell => ws.getCell(row, headers.indexOf(header) + 1);
    expect(cell(2, "Days to expiry").formula).toBe("CONTRACT.DAYSTOEXPIRY(Contracts[[#This Row],[Extended end date]],AsOf)");
    // 30/06/2025 to 31/03/2028, not the 31 days to 31/07/2025.
    expect(cell(2, "Days to expiry").result).toBe(1005);
    expect(cell(2, "Team").dataValidation).toMatchObject({ type: "list", formulae: ['"Gold,Silver,Bronze"'] });

    // Taking the ID column away leaves no Contract ID: convert says what moved, then asks for one (or the user's word that there is none).
    const moved = await cli("convert", REGISTER, "--out", out, "--map", "title=Ref", "--force");
    expect(moved.code).toBe(1);
    expect(moved.err.split("\n")).toEqual(['Contract ID no longer has a column: you gave "Ref" to Title', expect.stringMatching(/^contract-tracker: No Contract ID column found on sheet "register1": name it with --map contractId="HEADER"/), ""]);
    const keyedByRow = await cli("convert", REGISTER, "--out", out, "--map", "title=Ref", "--map", "contractId=", "--force");
    // The user has said where Contract ID stands: nothing moved behind their back, nothing to say.
    expect(keyedByRow).toMatchObject({ code: 0, err: "" });
  });
});

test("convert: a register that starts below and right of A1 converts where it is, the corrected column with it", async () => {
  const source = save(Buffer.from("\r\n,Ref,Supplier,End date,Extended end\r\n,C1,Binco Ltd,31/07/2025,31/03/2028\r\n"), ".csv");
  const out = path.join(path.dirname(source), "offset.xlsx");
  expect(await cli("convert", source, "--out", out, "--as-of", "2025-06-30", "--map", "end date=Extended end")).toMatchObject({ code: 0, err: "" });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const ws = book.worksheets[0];
  expect((ws.getTable("Contracts") as unknown as { table: { tableRef: string } }).table.tableRef).toBe("B2:N3");
  expect([ws.getCell("F3").formula, ws.getCell("F3").result]).toEqual(["CONTRACT.DAYSTOEXPIRY(Contracts[[#This Row],[Extended end]],AsOf)", 1005]);
});

describe("a wrong correction is one line on stderr naming the valid ones, exit 1, nothing written", () => {
  test.each([
    ["an unknown field", ["--map", "expiry=End date"], `contract-tracker: "expiry" is not a field of Contracts: use one of ${FIELDS}\n`],
    ["an unknown column", ["--map", "endDate=Expiry"], `contract-tracker: There is no column "Expiry" to map to endDate: the columns are ${COLUMNS}\n`],
    ["one column for two fields", ["--map", "title=Ref", "--map", "contractId=ref"], 'contract-tracker: The column "Ref" is given to both title and contractId: a column holds one field\n'],
    ["one field twice", ["--map", "title=Ref", "--map", "Title=Team"], 'contract-tracker: --map gives title twice ("Ref" and "Team"): give each field once\n'],
  ])("%s", async (_, flags, message) => {
    for (const command of [["map"], ["check"], ["summary"], ["convert", "--out", path.join(path.dirname(REGISTER), "never.xlsx")]]) {
      expect(await cli(command[0], REGISTER, ...command.slice(1), ...flags)).toEqual({ code: 1, out: "", err: message });
    }
  });

  test("--map without = is bad usage (exit 2), as is a one-value option given twice", async () => {
    const noEquals = await cli("check", REGISTER, "--map", "title");
    expect(noEquals.code).toBe(2);
    expect(noEquals.err.split("\n")[0]).toBe("--map title: write FIELD=HEADER (or FIELD= for a field the register does not have)");
    expect((await cli("check", REGISTER, "--sheet", "a", "--sheet", "b")).err.split("\n")[0]).toBe("--sheet is given twice");
  });
});

describe("a field that decides what the tracker says", () => {
  test("an End date with no column is said once, with how to name it; not when the user said there is none", async () => {
    const file = path.join(path.dirname(REGISTER), "no-end.csv");
    fs.writeFileSync(file, "Ref,Title,Supplier\nC1,Waste,Acme Ltd\nC2,Meals,Binco Ltd\n");
    for (const command of ["check", "summary"]) {
      expect((await cli(command, file)).err).toBe('No End date column found: expiry, notice and RAG cannot be worked out (name it with --map endDate="HEADER")\n');
      expect((await cli(command, file, "--map", "endDate=")).err).toBe("");
    }
  });

  test("a field key is named in any case, run together or not", async () => {
    for (const name of ["totalvalue", "TOTALVALUE", "total_value", "Total value", "totalValue"]) {
      expect((await cli("map", REGISTER, "--map", `${name}=Annual value`, "--json")).code).toBe(0);
    }
  });
});
