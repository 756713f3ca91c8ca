import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bin } from "../helpers/cli";
import { buildXlsx } from "../helpers/xlsxBuild";

// What the command says when asked for help, given words it does not take, or a file whose register
// is not where it looks: the real command, its exit code and where the words go.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-msg-"));
const REGISTER = path.join(dir, "reg.csv");
fs.writeFileSync(REGISTER, "Contract ID,Supplier,End date\nC-1,Acme,31/03/2027\n");
const MISSING = path.join(dir, "not-there.csv");
const version = (JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string }).version;

describe("help and version", () => {
  test.each([["help"], ["--help"], ["-h"], ["convert", "--help"], ["summary", REGISTER, "-h"]])("%s: the usage on stdout, exit 0", (...argv) => {
    const result = bin(...argv);
    expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: "" });
    expect(result.out).toMatch(/^Usage:\n {2}contract-tracker map FILE/);
    expect(result.out).toContain("contract-tracker convert FILE --out TRACKER.xlsx [--force]");
  });

  test("--version: the version, exit 0; no words at all: the usage on stderr, exit 2", () => {
    expect(bin("--version")).toEqual({ code: 0, out: `contract-tracker ${version}\n`, err: "" });
    const result = bin();
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/^Usage:/);
  });
});

describe("usage errors (exit 2) before any file is read", () => {
  // The file does not exist: reading it would be exit 1, so exit 2 proves nothing was read.
  const usage = (...argv: string[]): string => {
    const result = bin(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/Usage:/);
    return result.err.split("\n")[0];
  };

  test("the reason comes with its own command's usage and where the rest is, not every command's", () => {
    for (const command of ["map", "check", "convert", "summary", "calendar"]) {
      const result = bin(command, MISSING, "--as-of", "today");
      const lines = result.err.trimEnd().split("\n");
      expect(lines).toHaveLength(4);
      expect(lines[1]).toBe("Usage:");
      expect(lines[2]).toMatch(new RegExp(`^ {2}contract-tracker ${command} `));
      expect(lines[3]).toBe("Run contract-tracker help for every command and option.");
    }
    // A command that is not one: the whole usage, to choose from.
    expect(bin("frobnicate").err).toContain("contract-tracker calendar FILE --out DATES.ics");
  });

  test("--as-of a day that does not exist, or not written YYYY-MM-DD; a leap day that is one is a date", () => {
    for (const date of ["2025-02-30", "2026-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "1899-12-31", "2025-2-3", "30/01/2025", "today"]) {
      expect(usage("summary", MISSING, "--as-of", date)).toMatch(new RegExp(`--as-of ${date.replace(/[/]/g, "\\/")}`));
      usage("convert", MISSING, "--out", path.join(dir, "t.xlsx"), "--as-of", date);
    }
    expect(bin("summary", REGISTER, "--as-of", "2028-02-29").code).toBe(0);
  });

  // Every option any command takes, given to each command that does not take it: it would be ignored.
  const OPTIONS: Record<string, string[]> = {
    "--json": [],
    "--force": [],
    "--sheet": ["S"],
    "--map": ["title=T"],
    "--mapping": ["m.json"],
    "--date-order": ["dmy"],
    "--out": ["o.xlsx"],
    "--as-of": ["2026-01-01"],
    "--formulas": ["native"],
    "--format": ["json"],
    "--limit": ["3"],
    "--group-by": ["manager"],
  };
  const TAKES: Record<string, string[]> = {
    map: ["--sheet", "--map", "--mapping", "--json"],
    check: ["--sheet", "--map", "--mapping", "--date-order", "--json"],
    convert: ["--sheet", "--map", "--mapping", "--date-order", "--out", "--force", "--formulas", "--as-of"],
    summary: ["--sheet", "--map", "--mapping", "--date-order", "--out", "--force", "--as-of", "--format", "--limit", "--group-by"],
  };
  const ignored = Object.entries(TAKES).flatMap(([command, takes]) => Object.keys(OPTIONS).filter((o) => !takes.includes(o)).map((option) => [command, option] as const));

  test.each(ignored)("%s %s", (command, option) => {
    const out = command === "convert" ? ["--out", path.join(dir, "t.xlsx")] : [];
    expect(usage(command, MISSING, ...out, option, ...OPTIONS[option])).toBe(`${command} does not take ${option}${command === "summary" && option === "--json" ? " (use --format json)" : (command === "check" || command === "map") && option === "--out" ? " (it prints to the screen: redirect with > FILE)" : ""}`);
  });

  test.each([
    [["check", MISSING, "--sheet", ""], /--sheet needs a value/],
    [["check", MISSING, "--sheet=", "--json"], /--sheet needs a value/],
    [["check", MISSING, "--sheet", "   "], /--sheet needs a value/],
    [["convert", MISSING, "--out", ""], /--out needs a value/],
    [["summary", MISSING, "--mapping", ""], /--mapping needs a value/],
    [["check", MISSING, "--map", ""], /--map needs a value/],
    [["check", MISSING, "-j"], /Unknown option -j/],
    [["summary", MISSING, "--force"], /--force replaces the --out file/],
    [["check", MISSING, "--json=yes"], /--json takes no value/],
    [["--json", "check", MISSING], /Give a command before the options/],
  ])("%j", (argv, words) => {
    expect(usage(...argv)).toMatch(words);
  });

  test("--name=value is the same as --name value", () => {
    const a = bin("check", REGISTER, "--date-order=mdy", "--json");
    const b = bin("check", REGISTER, "--date-order", "mdy", "--json");
    expect(a).toEqual(b);
    expect(a.code).toBe(0);
  });
});

describe("a header row further down than the rows searched", () => {
  // A title block of notes, 40 lines long, above the table: the header is on row 41.
  const notes = Array.from({ length: 40 }, (_, i) => `Note ${i + 1}: this register is kept by the commercial team and reviewed monthly`);
  const register = path.join(dir, "long-title.csv");
  fs.writeFileSync(register, [...notes, "Contract ID,Supplier,Title,End date,Value", "C-1,Acme,Cleaning,31/03/2027,1200", "C-2,Brill,Catering,30/06/2027,800"].join("\n"));

  test("says how far it looked, where the header is, and how to point to it; the advice works", () => {
    const result = bin("map", register);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `contract-tracker: No header row found in the first 30 rows of ${register}; row 41 looks like one: point to it with --mapping FILE.json holding {"headerRow": 41, "fields": {}}\n`,
    );
    const mapping = path.join(dir, "long-title.json");
    fs.writeFileSync(mapping, '{"headerRow": 41, "fields": {}}');
    const followed = bin("map", register, "--mapping", mapping);
    expect(followed.code).toBe(0);
    expect(followed.out).toMatch(/headers on row 41/);
  });

  test("with no header anywhere, it still says how far it looked", () => {
    const none = path.join(dir, "no-header.csv");
    fs.writeFileSync(none, Array.from({ length: 50 }, (_, i) => `${i},${i * 2},${i * 3}`).join("\n"));
    expect(bin("check", none).err).toBe(`contract-tracker: No header row found in the first 30 rows of ${none}: expected a row of column names such as Contract ID, Supplier, End date\n`);
  });
});

describe("a hidden sheet that looks like a register", () => {
  const cell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const sheet = (headers: string[], rows: string[][]): string =>
    [headers, ...rows].map((line, r) => `<row r="${r + 1}">${line.map((text, c) => cell(`${String.fromCharCode(65 + c)}${r + 1}`, text)).join("")}</row>`).join("");
  // The hidden sheet names more fields (an old, fuller export); the visible one is the live register.
  const hidden = sheet(["Contract ID", "Supplier", "Title", "Contract manager", "End date", "Department"], [["OLD-1", "Old Co", "Old", "Pat", "31/03/2020", "Estates"]]);
  const visible = sheet(["Contract ID", "Supplier", "End date"], [["NEW-1", "New Co", "31/03/2027"], ["NEW-2", "Newer Co", "30/06/2027"]]);

  test.each(["hidden", "veryHidden"] as const)("%s: the visible register is read, and the hidden one named", (state) => {
    const file = path.join(dir, `hidden-${state}.xlsx`);
    fs.writeFileSync(file, buildXlsx({ sheets: [{ name: "Old export", cells: hidden, state }, { name: "Register", cells: visible }] }));
    const result = bin("check", file);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^2 contracts on sheet "Register"/);
    expect(result.err).toBe(`Read the visible sheet "Register"; the hidden sheet "Old export" also looks like a register (give --sheet "Old export" to read it instead)\n`);
    const chosen = bin("check", file, "--sheet", "Old export");
    expect(chosen.out).toMatch(/^1 contract on sheet "Old export"/);
    expect(chosen.err).toBe("");
    // With no visible register, the hidden sheet is read.
    const alone = path.join(dir, `only-${state}.xlsx`);
    fs.writeFileSync(alone, buildXlsx({ sheets: [{ name: "Old export", cells: hidden, state }, { name: "Cover", cells: sheet(["About"], [["This workbook"]]) }] }));
    expect(bin("check", alone).out).toMatch(/^1 contract on sheet "Old export"/);
  });


});
