// The names Excel accepts: sheet names made from file names, table column names made from header
// cells, and text cut to a limit without breaking a character a reader sees as one.
import { MAX_COLUMN_NAME, MAX_SHEET_NAME, cutText, sheetSizeProblem } from "../../src/workbook/excelLimits";
import { sheetKey, sheetNameOfFile, uniqueSheetName, validSheetName } from "../../src/workbook/sheetNames";
import { headerKey, tableColumnNames } from "../../src/workbook/tableHeaders";

// Characters a reader sees as one, each more than one UTF-16 unit: an emoji, a skin tone, a joined
// family, a flag, a letter with a combining accent.
const WHOLE = ["😀", "👍🏽", "👩‍👩‍👧", "🇬🇧", "é", "𝒜"];

test("text is cut at a limit without breaking any character a reader sees as one", () => {
  for (const char of WHOLE) {
    for (let prefix = 0; prefix < 6; prefix++) {
      const text = `${"a".repeat(prefix)}${char.repeat(4)}`;
      for (let max = 0; max <= text.length; max++) {
        const cut = cutText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        // What is kept is the text's start, ending between whole characters.
        expect(text.startsWith(cut)).toBe(true);
        expect((cut.length - Math.min(prefix, cut.length)) % char.length).toBe(0);
      }
    }
  }
});

test("a file's name becomes a sheet name Excel accepts: no extension in any case, 31 characters, no emoji cut, none of []:*?/\\", () => {
  expect(sheetNameOfFile("/data/REGISTER.CSV")).toBe("REGISTER");
  expect(sheetNameOfFile("C:\\exports\\contracts.2025.Csv")).toBe("contracts.2025");
  expect(sheetNameOfFile("history.csv")).toBe("Register");
  expect(sheetNameOfFile("'quoted'.csv")).toBe("quoted");
  expect(sheetNameOfFile("[].csv")).toBe("Register");
  for (const char of WHOLE) {
    for (let prefix = 25; prefix < 32; prefix++) {
      const name = validSheetName(`${"r".repeat(prefix)}${char.repeat(5)}: a/b?`);
      expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      // No lone surrogate: the name encodes to UTF-8 and back unchanged.
      expect(Buffer.from(name, "utf8").toString("utf8")).toBe(name);
      expect(`${"r".repeat(prefix)}${char.repeat(5)}`.startsWith(name.replace(/ +$/, "").slice(0, Math.min(prefix, name.length)))).toBe(true);
    }
  }
});

test("a sheet name already taken, in any case, gets the first free number, still within 31 characters", () => {
  expect(uniqueSheetName("Settings", ["settings"])).toBe("Settings 2");
  expect(uniqueSheetName("Settings", ["Register"])).toBe("Settings");
  expect(uniqueSheetName("Risks", ["RISKS", "Risks 2"])).toBe("Risks 3");
  const long = "x".repeat(31);
  const taken = [long];
  for (let i = 0; i < 12; i++) taken.push(uniqueSheetName(long, taken));
  expect(new Set(taken.map(sheetKey)).size).toBe(taken.length);
  expect(taken.every((n) => n.length <= MAX_SHEET_NAME)).toBe(true);
});

test("table column names are unique as a table compares them, at most 255 characters, and each differing from its cell is listed", () => {
  const long = `${"Long header ".repeat(30)}😀`;
  const texts = ["ID", "Notes", "", "notes", " Notes ", "Notes2", "2025", long, `${long}!`, "Line\nbreak", "Column3", "PO #[1]'s"];
  const { names, renamed } = tableColumnNames(texts);
  expect(names.slice(0, 7)).toEqual(["ID", "Notes", "Column4", "notes3", " Notes 2", "Notes2", "2025"]);
  // Every name is unique ignoring case and spaces around, fits, and is the cell's text where it can be.
  expect(new Set(names.map(headerKey)).size).toBe(names.length);
  expect(names.every((n) => n.length <= MAX_COLUMN_NAME && n.trim() !== "")).toBe(true);
  expect(names.slice(9)).toEqual(["Line\nbreak", "Column3", "PO #[1]'s"]);
  expect(Buffer.from(names[7], "utf8").toString("utf8")).toBe(names[7]);
  expect(renamed.map((r) => [r.column, r.why])).toEqual([
    [3, "repeated"],
    [4, "repeated"],
    [7, "too long"],
    [8, "repeated"],
  ]);
  expect(renamed.every((r) => r.text === texts[r.column] && r.name === names[r.column])).toBe(true);
});

test("a sheet past Excel's last row or column is said in one line naming the limit", () => {
  expect(sheetSizeProblem("R", 1_048_576, 16_384)).toBeNull();
  expect(sheetSizeProblem("R", 1_048_577, 10)).toMatch(/^Sheet "R" would need 1,048,577 rows: Excel's sheets hold at most 1,048,576/);
  expect(sheetSizeProblem("R", 10, 16_390, 9)).toMatch(/^Sheet "R" would need 16,390 columns, with the tracker's 9 computed columns: Excel's sheets hold at most 16,384/);
});
