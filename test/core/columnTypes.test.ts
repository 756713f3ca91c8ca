import { TypedCell, isPlainNumber, typeColumn } from "../../src/core/columnTypes";

/** The cells a column hands over, as TypedCells, and the rest as they were. */
function cellsOf(column: ReturnType<typeof typeColumn>, length: number): (TypedCell | undefined)[] {
  const cells: (TypedCell | undefined)[] = Array.from({ length }, () => undefined);
  column.forEachTyped((i, value, numberFormat) => (cells[i] = numberFormat ? { value, numberFormat } : { value }));
  return cells;
}

const typed = (values: TypedCell["value"][], options: Parameters<typeof typeColumn>[1] = { order: "dmy" }) => {
  const column = typeColumn(values, options);
  const cells = cellsOf(column, values.length);
  return { type: column.decision.type, cells: values.map((v, i) => cells[i] ?? v) };
};

test("a column of text dates becomes dates in the register's order; what is not a date stays as written", () => {
  expect(typed(["2025-09-15", "31/03/2025", "TBC", "Ongoing", "", "15 March 2026", "1 Apr 2024", "2024-01-02", "02/01/2024", "2026-10-23"])).toEqual({
    type: "date",
    cells: [
      { value: 45915, numberFormat: "dd/mm/yyyy" }, { value: 45747, numberFormat: "dd/mm/yyyy" }, "TBC", "Ongoing", "", { value: 46096, numberFormat: "dd/mm/yyyy" },
      { value: 45383, numberFormat: "dd/mm/yyyy" }, { value: 45293, numberFormat: "dd/mm/yyyy" }, { value: 45293, numberFormat: "dd/mm/yyyy" }, { value: 46318, numberFormat: "dd/mm/yyyy" },
    ],
  });
  expect(typed(["03/25/2025", "12/31/2025"], { order: "mdy" }).cells).toEqual([{ value: 45741, numberFormat: "mm/dd/yyyy" }, { value: 46022, numberFormat: "mm/dd/yyyy" }]);
});

test("a time of day is kept, as written, with a format that shows it", () => {
  expect(typed(["2020-06-04T12:18:00Z", "2020-06-12T12:36:24Z", "2025-03-31T23:59:59+01:00"]).cells).toEqual([
    { value: 43986 + (12 * 60 + 18) / 1440, numberFormat: "dd/mm/yyyy hh:mm" },
    { value: 43994 + (12 * 3600 + 36 * 60 + 24) / 86400, numberFormat: "dd/mm/yyyy hh:mm:ss" },
    { value: 45747 + (23 * 3600 + 59 * 60 + 59) / 86400, numberFormat: "dd/mm/yyyy hh:mm:ss" },
  ]);
  // Midnight (`12:00:00 AM`) is a plain date, beside a date with a time in the same column.
  expect(typed(["2026-03-31", "2027-12-31T23:59:59Z"]).cells).toEqual([{ value: 46112, numberFormat: "dd/mm/yyyy" }, { value: 46752 + 86399 / 86400, numberFormat: "dd/mm/yyyy hh:mm:ss" }]);
  expect(typed(["05/01/2014 12:00:00 AM", "09/01/2019 12:00:00 AM"], { order: "mdy" }).cells).toEqual([{ value: 41760, numberFormat: "mm/dd/yyyy" }, { value: 43709, numberFormat: "mm/dd/yyyy" }]);
  expect(typed(["01/02/2024 1:30 PM"], { order: "dmy" }).cells).toEqual([{ value: 45323 + 13.5 / 24, numberFormat: "dd/mm/yyyy hh:mm" }]);
  // A time that is no time of day leaves its value as written, never a day later.
  expect(typed(["01/02/2024 25:00", "02/02/2024", "03/02/2024"], { kind: "date", order: "dmy" }).cells[0]).toBe("01/02/2024 25:00");
});

test("money becomes amounts in their currency's format; unreadable and not-known money stays as written, never 0", () => {
  expect(typed(["£1,500", "USD 1,200", "(3,728)", "-£500", "N/A", "lots", "€2.5m", "29,810.22 "], { kind: "money", order: "dmy" })).toEqual({
    type: "money",
    cells: [
      { value: 1500, numberFormat: "[$£]#,##0.00" }, { value: 1200, numberFormat: "[$US$]#,##0.00" }, { value: -3728, numberFormat: "#,##0.00" },
      { value: -500, numberFormat: "[$£]#,##0.00" }, "N/A", "lots", { value: 2500000, numberFormat: "[$€]#,##0.00" }, { value: 29810.22, numberFormat: "#,##0.00" },
    ],
  });
  // A money field of plain numbers is money; unmapped plain numbers are numbers.
  expect(typed(["58665.0", "216150.0"], { kind: "money", order: "dmy" }).cells).toEqual([{ value: 58665, numberFormat: "#,##0.00" }, { value: 216150, numberFormat: "#,##0.00" }]);
  expect(typed(["58665.0", "216150.0", "-3.5", "1e3"])).toEqual({ type: "number", cells: [{ value: 58665 }, { value: 216150 }, { value: -3.5 }, { value: 1000 }] });
  // Shown as money (a sign or grouping), an unmapped column is money too.
  expect(typed(["£1,200", "£300", "450"]).type).toBe("money");
});

test("a continental column reads by its own decimal mark", () => {
  expect(typed(["1.500", "1.234.567,89 €", "2,50"], { kind: "money", order: "dmy" }).cells).toEqual([
    { value: 1500, numberFormat: "#,##0.00" }, { value: 1234567.89, numberFormat: "[$€]#,##0.00" }, { value: 2.5, numberFormat: "#,##0.00" },
  ]);
  // 1,500 read before the column showed `,` is its decimal mark is read again with it.
  expect(typed(["1,500", "2,75"], { kind: "money", order: "dmy" }).cells).toEqual([{ value: 1.5, numberFormat: "#,##0.00" }, { value: 2.75, numberFormat: "#,##0.00" }]);
});

test("TRUE/FALSE in any case become booleans", () => {
  expect(typed(["True", "False", "", "TRUE", "false"])).toEqual({ type: "boolean", cells: [{ value: true }, { value: false }, "", { value: true }, { value: false }] });
  expect(typed(["Yes", "No"]).type).toBe("text");
});

test("IDs keep their zeros and text stays text: no column is typed by its odd cells", () => {
  expect(typed(["000123", "000124", "000125"])).toEqual({ type: "text", cells: ["000123", "000124", "000125"] });
  expect(typed(["19009", "20106"], { kind: "id", order: "dmy" }).type).toBe("text");
  expect(typed(["2025-01-01", "2025-02-01"], { kind: "text", order: "dmy" }).type).toBe("text");
  // One number among titles, one title among numbers: the column follows the rest.
  expect(typed(["see file", "12345", "pending", "renewal", "=SUM(A1)", "+cmd", "-2+3", "@x"])).toEqual({ type: "text", cells: ["see file", "12345", "pending", "renewal", "=SUM(A1)", "+cmd", "-2+3", "@x"] });
  expect(typed(["12", "15", "n/k", "20", "7"])).toEqual({ type: "number", cells: [{ value: 12 }, { value: 15 }, "n/k", { value: 20 }, { value: 7 }] });
  // Just under the majority: text.
  expect(typed(["12", "15", "20", "x", "y"]).type).toBe("text");
  // A column mapped to a money or date field needs only more than half: its header says what it holds.
  expect(typed(["£1,500", "USD 1,200", "(3728)", "lots"]).type).toBe("text");
  expect(typed(["£1,500", "USD 1,200", "(3728)", "lots"], { kind: "money", order: "dmy" }).cells).toEqual([
    { value: 1500, numberFormat: "[$£]#,##0.00" }, { value: 1200, numberFormat: "[$US$]#,##0.00" }, { value: -3728, numberFormat: "#,##0.00" }, "lots",
  ]);
  expect(typed(["31/03/2025", "TBC", "Ongoing"], { kind: "date", order: "dmy" }).type).toBe("text");
  expect(typed(["31/03/2025", "TBC", "01/04/2025", "Ongoing", "02/04/2025"], { kind: "date", order: "dmy" }).type).toBe("date");
  // A reference longer than Excel's 15 digits would lose its tail as a number.
  expect(typed(["1234567890123456", "1234567890123457"]).type).toBe("text");
  // Bare whole numbers are numbers, not dates, unless the column is a date field or its serials are dates.
  expect(typed(["45747", "45748"]).type).toBe("number");
  expect(typed(["45747", "31/03/2025"], { order: "dmy", isSerial: (t) => /^\d{5}$/.test(t) }).cells).toEqual([{ value: 45747, numberFormat: "dd/mm/yyyy" }, { value: 45747, numberFormat: "dd/mm/yyyy" }]);
});

test("cells that already have a type (an .xlsx) are left as they are", () => {
  const column = typeColumn([45747, "31/03/2025", 45748, "01/04/2025", true, null], { kind: "date", order: "dmy" });
  expect(column.decision.type).toBe("date");
  expect(cellsOf(column, 6)).toEqual([undefined, { value: 45747, numberFormat: "dd/mm/yyyy" }, undefined, { value: 45748, numberFormat: "dd/mm/yyyy" }, undefined, undefined]);
});

test.each([
  ["58665.0", true], ["-12", true], ["+3", true], [".5", true], ["1e5", true], ["0", true], ["0.25", true], ["123456789012345", true],
  ["000123", false], ["0123", false], ["1,234", false], ["1234567890123456", false], ["12 34", false], ["£5", false], ["", false], ["1e999", false],
])("%p is a number Excel keeps exactly: %p", (text, expected) => {
  expect(isPlainNumber(text)).toBe(expected);
});
