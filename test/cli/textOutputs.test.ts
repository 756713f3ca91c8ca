import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildXlsx } from "../helpers/xlsxBuild";
import { bin } from "../helpers/cli";

// A register's own text reaches Markdown, terminals and JSON readers: whatever its cells hold, it
// stays text there. The registers are written in the tests, hostile on purpose; the real command runs.
const AS_OF = "2026-01-01";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-text-"));
const save = (name: string, text: string): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const csvCell = (text: string): string => `"${text.replace(/"/g, '""')}"`;

// Every kind of line break a cell may hold, each followed by text that would be markup of its own
// at the start of a line.
const BREAKS = ["\r\n", "\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f"];

describe("Markdown: cell text never becomes markup, HTML, entities or a line of its own", () => {
  // Each contract ends 10 days after the as-of date: red, so each is a row of the level's table.
  const rows = BREAKS.map((br, i) => [`C-${i}`, `Supplier | with a pipe & <b>bold</b> &amp; ${i}`, `Title ${i}${br}# Heading ${i}${br}| forged | row |`, `Manager${br}<script>x</script> & > ${i}`, "11/01/2026"]);
  const register = save("markdown.csv", ["Contract ID,Supplier,Title,Contract manager,End date", ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n"));

  test.each(["stdout", "--out"])("through %s", (where) => {
    const out = path.join(dir, `summary-${where.replace(/\W/g, "")}.md`);
    const result = bin("summary", register, "--format", "markdown", "--as-of", AS_OF, ...(where === "--out" ? ["--out", out, "--force"] : []));
    expect(result.code).toBe(0);
    const markdown = where === "--out" ? fs.readFileSync(out, "utf8") : result.out;
    const lines = markdown.split("\n");
    // No cell text starts a line: no forged heading or table row.
    expect(lines.filter((l) => /^(# Heading|\| forged|<script)/.test(l))).toEqual([]);
    // Every table row has the header's 11 unescaped pipes: a cell's "|" is escaped.
    const table = lines.filter((l) => l.startsWith("| "));
    expect(table.length).toBe(2 + BREAKS.length);
    for (const row of table) expect(row.match(/(?<!\\)\|/g)).toHaveLength(11);
    // No raw HTML, no entity the viewer would decode: & < > only as &amp; &lt; &gt;.
    expect(markdown).not.toMatch(/<|>/);
    expect(markdown).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(markdown).toContain("&amp;amp;"); // a cell's "&amp;" shows as written
    // No line break of any kind inside a line.
    expect(markdown).not.toMatch(/[\r\v\f\u0085\u2028\u2029]/);
    for (let i = 0; i < BREAKS.length; i++) expect(markdown).toMatch(new RegExp(`Title ${i} \\\\# Heading ${i} \\\\\\| forged \\\\\\| row \\\\\\|`));
  });
});

describe("terminal output: a cell's escape sequences and control characters are not printed", () => {
  const HOSTILE = [
    "\u001b[31mred\u001b[0m", // CSI: colour
    "\u001b[2J\u001b[H", // CSI: clear the screen
    "\u001b]0;window title\u0007", // OSC: retitle, ended by BEL
    "\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\", // OSC 8 hyperlink, ended by ST
    "\u009b31m", // C1 CSI
    "\u009d0;c1 title\u009c", // C1 OSC … ST
    "\u001bPdevice\u001b\\", // DCS
    "\u001bc", // reset
    "back\bspace\u0001soh\u007fdel\u0085nel\u0007bell",
  ];
  const id = (i: number): string => `C-${i}${HOSTILE[i]}`;
  const header = "Contract ID,Supplier\u001b[31m,Title,Contract manager,End date";
  const rows = HOSTILE.map((h, i) => [id(i), `Supplier ${h}`, `Title ${h}\r\nRow 99, forged line`, `Manager ${h}`, i % 2 ? "11/01/2026" : `31/13/2026${h}`]);
  // Plain contracts around them, as in a real register: a file that is mostly control characters is
  // not read as text at all.
  const plain = Array.from({ length: 300 }, (_, i) => `P-${i},Plain supplier ${i},Plain title ${i},Plain manager,30/06/2030`);
  const register = save("terminal.csv", [header, ...rows.map((r) => r.map(csvCell).join(",")), ...plain].join("\r\n"));
  // Anything a terminal acts on: C0 but tab and line feed, DEL, C1.
  // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
  const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  test.each([
    ["map", ["map", register]],
    ["check", ["check", register]],
    ["summary", ["summary", register, "--as-of", AS_OF]],
    ["summary --limit 0", ["summary", register, "--as-of", AS_OF, "--limit", "0", "--group-by", "manager"]],
    ["an error naming a header", ["map", register, "--map", "title=Title\u001b[31m\u001b]0;x\u0007 nowhere"]],
  ])("%s", (name, argv) => {
    const result = bin(...argv);
    expect(result.code).toBe(name.startsWith("an error") ? 1 : 0);
    expect(result.out + result.err).not.toMatch(CONTROLS);
    // The sequences go whole: no "[31m" or "0;window title" left behind.
    expect(result.out + result.err).not.toMatch(/\[\d+m|\[2J|0;window title|8;;https|0;c1 title|device/);
    expect(result.out + result.err).not.toMatch(/^Row 99, forged line/m);
  });

  test("the text is still there, without the sequences", () => {
    const result = bin("summary", register, "--as-of", AS_OF, "--limit", "0");
    expect(result.code).toBe(0);
    // The OSC 8 hyperlink's text stays; the link and the line break inside the title go.
    expect(result.out).toContain("[Red] C-3link — Title link Row 99, forged line (Supplier link) · Manager link:");
  });

  test("JSON keeps every character, escaped, so the values read back as they are in the cells", () => {
    const result = bin("check", register, "--json");
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(CONTROLS);
    const values = (JSON.parse(result.out) as { issues: { value: unknown }[] }).issues.map((i) => i.value);
    expect(values).toEqual(expect.arrayContaining([`31/13/2026${HOSTILE[0]}`, `31/13/2026${HOSTILE[4]}`]));
  });
});

describe("summary of a tracker: the as-of date its Settings fix", () => {
  const register = save("tracker-source.csv", "Contract ID,Supplier,Title,End date\r\nC-1,Acme,Cleaning,31/01/2026\r\nC-2,Brill,Catering,30/06/2030\r\n");

  test("a tracker converted --as-of a date is summarised as of that date, whatever today is", () => {
    for (const date of ["2026-01-01", "2025-06-30"]) {
      const tracker = path.join(dir, `tracker-${date}.xlsx`);
      expect(bin("convert", register, "--out", tracker, "--as-of", date, "--force").code).toBe(0);
      const [y, m, d] = date.split("-").map(Number);
      const words = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
      expect(bin("summary", tracker).out.split("\n")[0]).toBe(`Escalation summary as of ${words}`);
      expect(JSON.parse(bin("summary", tracker, "--format", "json").out).asOf).toBe(date);
      // --as-of still wins.
      expect(bin("summary", tracker, "--as-of", "2027-02-01").out.split("\n")[0]).toBe("Escalation summary as of 1 Feb 2027");
    }
  });

  test("a register with its own Settings sheet: the tracker's Settings (on Tracker Settings) fix the date summary uses", () => {
    const text = (ref: string, v: string): string => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const contracts = `<row r="1">${text("A1", "Contract ID")}${text("B1", "Supplier")}${text("C1", "End date")}</row><row r="2">${text("A2", "C-1")}${text("B2", "Acme")}<c r="C2" s="1"><v>46000</v></c></row>`;
    const own = `<row r="1">${text("A1", "Budget holder")}${text("B1", "Finance")}</row><row r="2">${text("A2", "Review every")}${text("B2", "Quarter")}</row>`;
    const source = path.join(dir, "own-settings.xlsx");
    fs.writeFileSync(source, buildXlsx({ sheets: [{ name: "Contracts", cells: contracts }, { name: "Settings", cells: own }], numFmts: { 164: "dd/mm/yyyy" }, cellXfs: [0, 164] }));
    const tracker = path.join(dir, "own-settings-tracker.xlsx");
    expect(bin("convert", source, "--out", tracker, "--as-of", "2025-06-30", "--force").code).toBe(0);
    expect(bin("summary", tracker).out.split("\n")[0]).toBe("Escalation summary as of 30 Jun 2025");
    expect(JSON.parse(bin("summary", tracker, "--format", "json").out).asOf).toBe("2025-06-30");
  });

  test("an as_of of =TODAY() saved with yesterday's value is today, not the day Excel saved it", () => {
    // A tracker as Excel saves it: the formula, and the value it had on the day it was saved.
    const tracker = path.join(dir, "saved-today.xlsx");
    const cells = (asOf: string): string =>
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>as_of</t></is></c><c r="B2" s="1">${asOf}<v>40000</v></c></row>`;
    const contracts = `<row r="1"><c r="A1" t="inlineStr"><is><t>Contract ID</t></is></c><c r="B1" t="inlineStr"><is><t>Supplier</t></is></c><c r="C1" t="inlineStr"><is><t>End date</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" t="inlineStr"><is><t>Acme</t></is></c><c r="C2" s="1"><v>46000</v></c></row>`;
    const build = (formula: string): Buffer =>
      buildXlsx({ sheets: [{ name: "Contracts", cells: contracts }, { name: "Settings", cells: cells(formula) }], numFmts: { 164: "dd/mm/yyyy" }, cellXfs: [0, 164] });
    fs.writeFileSync(tracker, build("<f>TODAY()</f>"));
    const today = JSON.parse(bin("summary", tracker, "--format", "json").out).asOf;
    expect(today).not.toBe("2009-07-06"); // serial 40000
    fs.writeFileSync(tracker, build(""));
    expect(JSON.parse(bin("summary", tracker, "--format", "json").out).asOf).toBe("2009-07-06");
  });
});
