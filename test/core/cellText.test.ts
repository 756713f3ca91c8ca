import * as SSF from "ssf";
import { cellDisplayText } from "../../src/core/cellText";

// SheetJS's formatter (ssf, maintained, here only through the test-only xlsx dependency) is the
// yardstick: every format the tracker writes and the common ones registers use, over values of each sign.
const FORMATS = [
  "dd/mm/yyyy", "mm/dd/yyyy", "d-mmm-yy", "d mmmm yyyy", "yyyy-mm-dd", "mmm-yy", "dddd, d mmm yyyy", "dd/mm/yyyy hh:mm", "h:mm AM/PM", "hh:mm:ss",
  "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", '"£"#,##0', '"£"#,##0.00', "[$£-809]#,##0.00", '[$$-409]#,##0.00', "#,##0.00;[Red](#,##0.00)", "#,##0_);(#,##0)",
  "#,##0,", '0" days"', "@", "General",
];
const DATES = [1, 60, 61, 45747, 46431.5, 2958465];
const NUMBERS = [0, 1, -1, 0.5, 0.95, 12.345, -1234.56, 1234567.891, 54800000, 0.004];

test.each(FORMATS)("a number formatted %s shows as Excel shows it", (format) => {
  const values = /[dy]|h:|mm:ss/.test(format) ? DATES : NUMBERS;
  for (const value of values) expect(`${value} → ${cellDisplayText(value, format)}`).toBe(`${value} → ${SSF.format(format, value)}`);
});

test("text, booleans and empty cells show as they are, whatever the format", () => {
  expect(cellDisplayText("Red", "0%")).toBe("Red");
  expect(cellDisplayText("=1+1", undefined)).toBe("=1+1");
  expect(cellDisplayText(true, undefined)).toBe("TRUE");
  expect(cellDisplayText(false, "General")).toBe("FALSE");
  expect(cellDisplayText(null, "dd/mm/yyyy")).toBe("");
});

test("a number with no format shows as General does: whole numbers as they are, fractions to 10 significant digits", () => {
  for (const value of [46431, 0.1 + 0.2, -7, 1 / 3, 123456.789]) expect(cellDisplayText(value, undefined)).toBe(SSF.format("General", value));
});

test("a serial outside Excel's calendar shows as a number, not a made-up date", () => {
  expect(cellDisplayText(3000000, "dd/mm/yyyy")).toBe("3000000");
});

test("halves round away from zero, as Excel rounds what it shows", () => {
  // ssf rounds -1234.5 to -1234 under "0"; Excel shows -1235.
  expect(cellDisplayText(-1234.5, "0")).toBe("-1235");
  expect(cellDisplayText(2.5, "0")).toBe("3");
  expect(cellDisplayText(0.125, "0.00")).toBe("0.13");
});
