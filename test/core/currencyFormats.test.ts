import { currencyFormat, currencyOfFormat } from "../../src/core/currencyFormats";

test.each([
  ["GBP", "[$£]#,##0.00"], ["EUR", "[$€]#,##0.00"], ["USD", "[$US$]#,##0.00"], ["CAD", "[$CA$]#,##0.00"], ["JPY", "[$JP¥]#,##0"], ["CHF", "[$CHF] #,##0.00"], [null, "#,##0.00"],
])("amounts in %p are written as %p", (code, format) => {
  expect(currencyFormat(code)).toBe(format);
});

test.each(["GBP", "EUR", "USD", "CAD", "JPY", "CHF", "AUD", "INR", "SEK", "ZAR"])("the format written for %s reads back as %s", (code) => {
  expect(currencyOfFormat(currencyFormat(code))).toBe(code);
});

// Formats as Excel and LibreOffice save them for money.
test.each([
  ['"£"#,##0.00', "GBP"], ["£#,##0", "GBP"], ["\\£#,##0.00", "GBP"], ["[$£-809]#,##0.00", "GBP"], ["_-[$£-809]* #,##0.00_-;\\-[$£-809]* #,##0.00_-", "GBP"],
  ["[$€-x-euro2] #,##0.00", "EUR"], ["#,##0.00 [$€-407]", "EUR"], ["[$€-2] #,##0.00", "EUR"], ["[$$-409]#,##0.00", "USD"], ["$#,##0.00_);($#,##0.00)", "USD"],
  ["[$USD] #,##0", "USD"], ['"CAD "#,##0', "CAD"], ["[$-409]#,##0.00", null], ["#,##0.00", null], ["0%", null], ["dd/mm/yyyy", null], ["General", null], [undefined, null],
  ['#,##0" units"', null],
])("%p shows %p", (format, code) => {
  expect(currencyOfFormat(format)).toBe(code);
});
