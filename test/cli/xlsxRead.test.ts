import { unzipSync, zipSync } from "fflate";
import { formatSerial } from "../../src/core/dates";
import { readXlsx } from "../../src/cli/xlsxRead";
import { InputError, readRegister } from "../../src/cli/readRegister";
import { run } from "../../src/cli/main";
import { tempFiles } from "../helpers/tempFiles";
import { WorkbookParts, buildXlsx, row } from "../helpers/xlsxBuild";

const saveFile = tempFiles("ct-xlsx-", "book");
const save = (bytes: Buffer, extension = ".xlsx"): string => saveFile(bytes, extension);
const read = async (parts: WorkbookParts) => readRegister(save(buildXlsx(parts)));
const col = (i: number): string => String.fromCharCode(65 + i);
const numbers = (values: number[]): string => values.map((v, i) => row(i + 1, `<c r="A${i + 1}" s="1"><v>${v}</v></c>`)).join("");

// Excel's 1900 calendar, counted by hand: January has 31 days, February 29 (Excel's fictitious 29/02/1900).
const shownIn1900 = (serial: number): string => (serial <= 31 ? `${String(serial).padStart(2, "0")}/01/1900` : `${String(serial - 31).padStart(2, "0")}/02/1900`);
const SERIALS = Array.from({ length: 61 }, (_, i) => i); // 0–60

const DATE_FORMATS: [string, number, Record<number, string>][] = [
  ["built-in 14 (short date)", 14, {}],
  ["built-in 15 (d-mmm-yy)", 15, {}],
  ["built-in 22 (date and time)", 22, {}],
  ["an East Asian built-in (31)", 31, {}],
  ["custom dd/mm/yyyy", 164, { 164: "dd/mm/yyyy" }],
  ["custom with a locale and text section", 164, { 164: "[$-809]dd mmmm yyyy;@" }],
  ["custom month-year", 164, { 164: 'mmm\\-yy' }],
];
const NOT_DATE_FORMATS: [string, number, Record<number, string>][] = [
  ["General", 0, {}],
  ["built-in 4 (#,##0.00)", 4, {}],
  ["custom pounds", 164, { 164: '"£"#,##0.00' }],
  ["custom euros with a locale", 164, { 164: "[$€-1809]#,##0.00;[Red]-[$€-1809]#,##0.00" }],
  ["percent", 10, {}],
  ["elapsed hours [h]:mm", 164, { 164: "[h]:mm" }],
  ["a time of day", 20, {}],
  ['a quoted word with d, m and y ("days")', 164, { 164: '0 "days, month, year"' }],
];

describe.each(DATE_FORMATS)("a number formatted as a date, %s", (_, id, numFmts) => {
  test("serials 0–60 are the numbers Excel holds, so 1 is 01/01/1900, 2–59 the days Excel shows and 60 its 29/02/1900", async () => {
    const book = await read({ sheets: [{ name: "Dates", cells: numbers(SERIALS) }], numFmts, cellXfs: [0, id] });
    const values = (book.sheets.get("Dates") ?? []).map((r) => r[0]);
    expect(values).toEqual(SERIALS);
    expect(values.slice(1).map((v) => formatSerial(v as number))).toEqual(SERIALS.slice(1).map(shownIn1900));
  });
  test("in a 1904-system workbook the same cells are 1,462 days later, read as 1900-system serials", async () => {
    const book = await read({ sheets: [{ name: "Dates", cells: numbers([0, 1, 45747 - 1462]) }], numFmts, cellXfs: [0, id], date1904: true });
    const values = (book.sheets.get("Dates") ?? []).map((r) => r[0] as number);
    expect(values.map((v) => formatSerial(v))).toEqual(["01/01/1904", "02/01/1904", "31/03/2025"]);
  });
});

describe.each(NOT_DATE_FORMATS)("a number formatted as %s stays that number", (_, id, numFmts) => {
  test.each([[false], [true]])("1904 system: %p", async (date1904) => {
    const book = await read({ sheets: [{ name: "Money", cells: numbers([0, 1, 45747, 1500.5]) }], numFmts, cellXfs: [0, id], date1904 });
    expect((book.sheets.get("Money") ?? []).map((r) => r[0])).toEqual([0, 1, 45747, 1500.5]);
  });
});

test("each cell's number format is kept where it is not General, sparsely; a CSV has none", async () => {
  const book = await read({
    sheets: [{ name: "Register", cells: row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>45747</v></c>') + row(3, '<c r="B3" s="1"><v>1200</v></c><c r="C3" s="2" t="s"><v>1</v></c><c r="D3" s="2"/>') }],
    numFmts: { 164: '"£"#,##0.00' },
    cellXfs: [0, 164, 49, 14],
    sharedStrings: ["Ref", "000123"],
  });
  expect(book.kind).toBe("xlsx");
  // Rows end at their last value: a blank row holds nothing (a stray cell far right lengthens one row, not all).
  expect(book.sheets.get("Register")).toEqual([["Ref", 45747], [], [null, 1200, "000123"]]);
  const formats = book.numberFormats.get("Register") ?? [];
  expect(formats[0]?.[1]).toBe("mm-dd-yy");
  expect(formats[0]?.[0]).toBeUndefined();
  expect(formats[1]).toBeUndefined();
  expect(formats[2]?.[1]).toBe('"£"#,##0.00');
  expect(formats[2]?.[2]).toBe("@");
  expect(0 in (formats[2] ?? [])).toBe(false);
});

test("every kind of cell: shared, inline and rich text, booleans, errors and formulas' cached values", async () => {
  const cells = [
    '<c r="A1" t="s"><v>0</v></c>',
    '<c r="B1" t="s"><v>1</v></c>',
    '<c r="C1" t="inlineStr"><is><t>Inline &amp; &lt;b&gt;</t></is></c>',
    '<c r="D1" t="inlineStr"><is><r><t xml:space="preserve">Rich </t></r><r><rPr><b/></rPr><t>inline</t></r></is></c>',
    '<c r="E1" t="b"><v>1</v></c>',
    '<c r="F1" t="b"><v>0</v></c>',
    '<c r="G1" t="e"><v>#N/A</v></c>',
    '<c r="H1" t="str"><f>A1&amp;"!"</f><v>Fish &amp; Chips!</v></c>',
    '<c r="I1"><f>1+1</f><v>2</v></c>',
    '<c r="J1" t="b"><f>TRUE()</f><v>1</v></c>',
    '<c r="K1" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    '<c r="L1"><f>NOW()</f></c>',
    '<c r="M1" t="d"><v>2025-03-31T12:00:00</v></c>',
    '<c r="N1" t="s"><v>2</v></c>',
    '<c r="O1" t="s"><v>3</v></c>',
    '<c r="P1"><v>-1.5E-3</v></c>',
  ].join("");
  const book = await read({
    sheets: [{ name: "Kinds", cells: row(1, cells) }],
    sharedStrings: ["Café “Nord” – 5€", "<r><t>Rich </t></r><r><rPr><i/></rPr><t>shared</t></r><rPh sb=\"0\" eb=\"1\"><t>フリガナ</t></rPh>", "Line 1_x000D__x000A_Line 2 _x005F_x0041_", "  spaced  "],
  });
  expect(book.sheets.get("Kinds")?.[0]).toEqual([
    "Café “Nord” – 5€", "Rich shared", "Inline & <b>", "Rich inline", true, false, "#N/A", "Fish & Chips!", 2, true, "#DIV/0!", null, 45747.5,
    "Line 1\r\nLine 2 _x0041_", "  spaced  ", -0.0015,
  ]);
});

test("line breaks typed in a cell are \\n, as Excel holds them, however the XML file ends its lines", async () => {
  const book = await read({ sheets: [{ name: "S", cells: row(1, '<c r="A1" t="inlineStr"><is><t>a\r\nb\rc&#13;d</t></is></c>') }] });
  expect(book.sheets.get("S")?.[0]).toEqual(["a\nb\nc\rd"]);
});

test("prefixed elements, cells without references and sheets in the workbook's order", async () => {
  const book = await read({
    prefix: "x",
    sheets: [
      { name: "Second & last", cells: '<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row>' },
      { name: "Other", cells: "" },
    ],
  });
  expect([...book.sheets.keys()]).toEqual(["Second & last", "Other"]);
  expect(book.sheets.get("Second & last")).toEqual([["a", 2], [null, null, 3]]);
  expect(book.sheets.get("Other")).toEqual([]);
});

test("styled empty cells far to the right or below do not grow the sheet", async () => {
  const book = await read({ sheets: [{ name: "S", cells: row(1, '<c r="A1"><v>1</v></c><c r="XFD1" s="0"/>') + row(1048576, '<c r="A1048576" s="0"/>') }] });
  expect(book.sheets.get("S")).toEqual([[1]]);
});

describe("an end date of serial 1 in an .xlsx register", () => {
  test("check reports it as a placeholder date, not a missing one", async () => {
    const cells = row(1, ["Contract ID", "Supplier", "Start date", "End date"].map((h, i) => `<c r="${col(i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join(""))
      + row(2, '<c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" t="inlineStr"><is><t>Acme</t></is></c><c r="C2" s="1"><v>1</v></c><c r="D2" s="1"><v>1</v></c>');
    const file = save(buildXlsx({ sheets: [{ name: "Register", cells }], cellXfs: [0, 14] }));
    let out = "";
    expect(await run(["check", file, "--json"], (s) => (out += s), () => undefined)).toBe(0);
    const result = JSON.parse(out) as { counts: Record<string, number>; issues: { field: string; value: string }[] };
    expect(result.counts).toEqual({ "placeholder-date": 2 });
    expect(result.issues.map((i) => [i.field, i.value])).toEqual([["startDate", "1"], ["endDate", "1"]]);
  });
});

describe("a number's format says whether it is a date or an amount, as Excel shows it", () => {
  // Styles: 0 General, 1 dd/mm/yyyy, 2 "£"#,##0.00, 3 0%, 4 h:mm.
  const styles = { numFmts: { 164: "dd/mm/yyyy", 165: '"£"#,##0.00' }, cellXfs: [0, 164, 165, 9, 20] };
  const header = row(1, ["Contract ID", "Supplier", "End date", "Total value"].map((h, i) => `<c r="${col(i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join(""));
  const contract = (r: number, end: string, value: string): string =>
    row(r, `<c r="A${r}" t="inlineStr"><is><t>C-${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Acme</t></is></c>${end.replace("@", `C${r}`)}${value.replace("@", `D${r}`)}`);
  async function check(...rows: string[]): Promise<{ counts: Record<string, number>; issues: { row: number; field: string; problem: string }[] }> {
    const file = save(buildXlsx({ sheets: [{ name: "Register", cells: header + rows.join("") }], ...styles }));
    let out = "";
    expect(await run(["check", file, "--json"], (s) => (out += s), () => undefined)).toBe(0);
    return JSON.parse(out) as { counts: Record<string, number>; issues: { row: number; field: string; problem: string }[] };
  }

  test("dates formatted as dates and money formatted as money (or General) read with no problem", async () => {
    expect((await check(contract(2, '<c r="@" s="1"><v>45747</v></c>', '<c r="@" s="2"><v>1200</v></c>'), contract(3, '<c r="@"><v>45747</v></c>', '<c r="@"><v>5000</v></c>'))).counts).toEqual({});
  });

  test.each([
    ["a General year in the end date (2026 would be 18/07/1905)", '<c r="@"><v>2026</v></c>', '<c r="@" s="2"><v>1</v></c>', "endDate", "unparseable-date"],
    ["a money-formatted number in the end date", '<c r="@" s="2"><v>45747</v></c>', '<c r="@" s="2"><v>1</v></c>', "endDate", "unparseable-date"],
    ["a percentage in the end date", '<c r="@" s="3"><v>45747</v></c>', '<c r="@" s="2"><v>1</v></c>', "endDate", "unparseable-date"],
    ["a time of day in the end date", '<c r="@" s="4"><v>0.5</v></c>', '<c r="@" s="2"><v>1</v></c>', "endDate", "unparseable-date"],
    ["a date-formatted number in the total value", '<c r="@" s="1"><v>45747</v></c>', '<c r="@" s="1"><v>45747</v></c>', "totalValue", "unparseable-money"],
  ])("%s is reported, not read", async (_, end, value, field, problem) => {
    const result = await check(contract(2, end, value));
    expect(result.issues.map((i) => [i.row, i.field, i.problem])).toEqual([[2, field, problem]]);
  });
});

describe("files that are not workbooks get a one-line error", () => {
  test.each([
    ["an old .xls or password-protected file", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]), /is not an \.xlsx workbook: it is an old \.xls file or is password-protected/],
    ["a text file renamed .xlsx", Buffer.from("Ref,End\r\nC1,31/03/2025\r\n"), /is not an \.xlsx workbook$/],
    ["a zip with no workbook", buildXlsx({ sheets: [] }).subarray(0, 40), /could not be opened as a workbook: it is not a zip package/],
  ])("%s", async (_, bytes, message) => {
    const file = save(bytes);
    await expect(readRegister(file)).rejects.toThrow(InputError);
    await expect(readRegister(file)).rejects.toThrow(message);
    await expect(readRegister(file)).rejects.toThrow(/^[^\n]+$/);
  });
});

test("a sheet too long for one string is read in slices, each cut where a row begins: every slice size reads the same cells", () => {
  // V8 holds no string over about 536 million characters, and a 100,000-row native tracker's sheet
  // is some 740 MB: the reader decodes large sheets a slice at a time. Tiny slices here cut next to
  // every kind of row: numbered and not, prefixed, empty, and text that mentions rows or holds
  // characters of several bytes.
  const sheet = (prefix: string): string => {
    const p = prefix ? `${prefix}:` : "";
    return [
      `<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Café “Nord” – 5€ row</${p}t></${p}is></${p}c><${p}c r="B1"><${p}v>1</${p}v></${p}c></${p}row>`,
      `<${p}row r="2"/>`,
      `<${p}row><${p}c t="inlineStr"><${p}is><${p}t>x:row &lt;row r="9"&gt; arrow</${p}t></${p}is></${p}c><${p}c><${p}f>ROW()</${p}f><${p}v>3</${p}v></${p}c></${p}row>`,
      ...Array.from({ length: 40 }, (_, i) => `<${p}row r="${i + 4}" spans="1:2"><${p}c r="A${i + 4}" t="inlineStr"><${p}is><${p}t>フリガナ ${i}</${p}t></${p}is></${p}c><${p}c r="B${i + 4}"><${p}v>${i}</${p}v></${p}c></${p}row>`),
    ].join("");
  };
  for (const prefix of ["", "x"]) {
    const bytes = buildXlsx({ prefix: prefix || undefined, sheets: [{ name: "Big", cells: sheet(prefix) }] });
    const whole = readXlsx(bytes).sheets.get("Big");
    expect(whole?.length).toBe(43);
    expect(whole?.[2]).toEqual(["x:row <row r=\"9\"> arrow", 3]);
    for (const sliceBytes of [1, 7, 50, 64, 100, 333, 1000]) expect({ sliceBytes, rows: readXlsx(bytes, { sliceBytes }).sheets.get("Big") }).toEqual({ sliceBytes, rows: whole });
  }
});

test("a package whose parts are stored, not compressed (zip -0), reads the same cells", () => {
  const bytes = buildXlsx({ sheets: [{ name: "Register", cells: row(1, '<c r="A1" t="inlineStr"><is><t>Ref</t></is></c>') + row(2, '<c r="A2"><v>45747</v></c>') }] });
  const parts = unzipSync(new Uint8Array(bytes));
  const stored = Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { level: 0 }]]))));
  expect(readXlsx(stored).sheets.get("Register")).toEqual([["Ref"], [45747]]);
});

test("a damaged package is one plain line, whatever part is cut", async () => {
  const bytes = buildXlsx({ sheets: [{ name: "Register", cells: row(1, '<c r="A1"><v>1</v></c>') }] });
  for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 100]) {
    const result = await run(["check", save(bytes.subarray(0, cut))], () => undefined, () => undefined);
    expect(result).toBe(1);
  }
  // Bytes flipped inside a compressed part: fflate's complaint, in the reader's words.
  const flipped = Buffer.from(bytes);
  const sheetAt = flipped.indexOf("xl/worksheets/sheet1.xml") + 40;
  for (let i = sheetAt; i < sheetAt + 20 && i < flipped.length; i++) flipped[i] ^= 0xff;
  await expect(readRegister(save(flipped))).rejects.toThrow(/^[^\n]+$/);
});
