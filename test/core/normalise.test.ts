import { normaliseTable } from "../../src/core/normalise";
import { CONTRACTS } from "../../src/core/schema";

const columns = {
  contractId: { column: "Ref", index: 0 },
  startDate: { column: "Start", index: 1 },
  endDate: { column: "End", index: 2 },
  totalValue: { column: "Value", index: 3 },
  supplier: { column: "Supplier", index: 4 },
};

test("typed values and every problem code, rows numbered as the sheet shows them", () => {
  const rows = [
    ["C1", "01/04/2020", "31/03/2025", "£1,200", "Acme"],
    ["C2", "01/04/2020", "", "(300)", "Binco"],
    ["C1", "01/01/1900", "31/12/2099", "N/A", "Acme"],
    ["C4", "soon", "31/02/2025", "lots", "Cee"],
    ["C5", "01/04/2025", "01/04/2024", 5, "Dee"],
    ["", "", "", "", ""],
  ];
  const result = normaliseTable(rows, CONTRACTS, columns, { dateOrder: "dmy", firstRow: 2 });
  expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
  expect(result.rows[0].fields).toEqual({ contractId: "C1", startDate: 43922, endDate: 45747, totalValue: 1200, supplier: "Acme" });
  expect(result.rows[1].fields.totalValue).toBe(-300);
  expect(result.issues.map((i) => [i.row, i.field, i.problem])).toEqual([
    [2, "contractId", "duplicate-id"],
    [3, "endDate", "missing-end-date"],
    [4, "startDate", "placeholder-date"],
    [4, "endDate", "placeholder-date"],
    [4, "contractId", "duplicate-id"],
    [5, "startDate", "unparseable-date"],
    [5, "endDate", "unparseable-date"],
    [5, "totalValue", "unparseable-money"],
    [6, "endDate", "end-before-start"],
  ]);
  expect(result.issues[0]).toMatchObject({ column: "Ref", value: "C1", message: "C1 is also the ID on row 4" });
  expect(result.issues.find((i) => i.problem === "unparseable-money")).toMatchObject({ column: "Value", value: "lots" });
});

test("a column's day/month order comes from its evidence, then from the other date columns, then the setting", () => {
  const rows = [
    ["A", "03/04/2020", "03/25/2025"],
    ["B", "05/06/2020", "04/01/2026"],
  ];
  const result = normaliseTable(rows, CONTRACTS, { contractId: columns.contractId, startDate: columns.startDate, endDate: columns.endDate }, { dateOrder: "dmy", firstRow: 2 });
  expect(result.dateOrders).toEqual({ startDate: "mdy", endDate: "mdy" });
  expect(result.issues).toEqual([]);
  const alone = normaliseTable([["A", "03/04/2020", ""]], CONTRACTS, { contractId: columns.contractId, startDate: columns.startDate }, { dateOrder: "dmy", firstRow: 2 });
  expect(alone.dateOrders).toEqual({ startDate: "dmy" });
});

describe("money keeps its currency and is never made up", () => {
  const money = { contractId: columns.contractId, annualValue: { column: "Annual", index: 1 }, totalValue: { column: "Total", index: 2 } };

  test("each money field's currency, from the cell's text or its number format; none where none was said", () => {
    const rows = [
      ["C1", "€1,500", "1.234.567,89 €"],
      ["C2", "USD 1,200", 5000],
      ["C3", 250, 900],
      ["C4", "", "N/A"],
    ];
    const formats = [undefined, [undefined, undefined, '"£"#,##0.00'], [undefined, "[$€-x-euro2] #,##0.00", "#,##0"]];
    const result = normaliseTable(rows, CONTRACTS, money, { dateOrder: "dmy", firstRow: 2, numberFormats: formats });
    expect(result.rows.map((r) => [r.fields.annualValue, r.fields.totalValue, r.currencies])).toEqual([
      [1500, 1234567.89, { annualValue: "EUR", totalValue: "EUR" }],
      [1200, 5000, { annualValue: "USD", totalValue: "GBP" }],
      [250, 900, { annualValue: "EUR" }],
      [null, null, undefined],
    ]);
    expect(result.issues).toEqual([]);
  });

  test("unreadable money is reported, never turned into 0", () => {
    const result = normaliseTable([["C1", "about £3k", "12 x £400"]], CONTRACTS, money, { dateOrder: "dmy", firstRow: 2 });
    expect(result.rows[0].fields).toEqual({ contractId: "C1", annualValue: null, totalValue: null });
    expect(result.issues.map((i) => [i.field, i.problem, i.value])).toEqual([
      ["annualValue", "unparseable-money", "about £3k"],
      ["totalValue", "unparseable-money", "12 x £400"],
    ]);
  });

  test("a column's decimal mark comes from its values: 1.500 is one and a half where the column writes 12.75", () => {
    const rows = [["C1", "1.500", "1.500"], ["C2", "12.75", "1.234,50"]];
    const result = normaliseTable(rows, CONTRACTS, money, { dateOrder: "dmy", firstRow: 2 });
    expect(result.rows.map((r) => [r.fields.annualValue, r.fields.totalValue])).toEqual([[1.5, 1500], [12.75, 1234.5]]);
  });

  test("one euro amount written 2.500,00 € never turns a column's pound amounts into thousandths", () => {
    const rows = [["C1", "", "£10,000"], ["C2", "", "£200,000"], ["C3", "", "2.500,00 €"], ["C4", "", "£1,500.50"], ["C5", "", "€1.250"]];
    const result = normaliseTable(rows, CONTRACTS, money, { dateOrder: "dmy", firstRow: 2 });
    expect(result.rows.map((r) => [r.fields.totalValue, r.currencies?.totalValue])).toEqual([[10_000, "GBP"], [200_000, "GBP"], [2500, "EUR"], [1500.5, "GBP"], [1250, "EUR"]]);
  });
});

describe("dates a register writes in other ways read as the dates Excel shows", () => {
  const dates = { contractId: columns.contractId, startDate: columns.startDate, endDate: columns.endDate };
  const read = (rows: unknown[][]) => normaliseTable(rows, CONTRACTS, dates, { dateOrder: "dmy", firstRow: 2 });

  test("eight digits year first (20150701), as text or as a number", () => {
    const result = read([["A", "20150701", 20250331], ["B", "20200229", "20251231"]]);
    expect(result.rows.map((r) => [r.fields.startDate, r.fields.endDate])).toEqual([[42186, 45747], [43890, 46022]]);
    expect(result.issues).toEqual([]);
  });

  test("serials written as text in a column of dates and serials are those dates", () => {
    const result = read([["A", "45658", "45747"], ["B", "01/01/2025", "45748"], ["C", "", "2025-04-02"]]);
    expect(result.rows.map((r) => [r.fields.startDate, r.fields.endDate])).toEqual([[45658, 45747], [45658, 45748], [null, 45749]]);
    expect(result.issues).toEqual([]);
  });

  test("serials are not read where the column holds other things: each such value is reported, none lost", () => {
    const result = read([["A", "45658", "TBC"], ["B", "45659", "45747"]]);
    expect(result.rows.map((r) => r.fields.endDate)).toEqual([null, null]);
    expect(result.rows.map((r) => r.fields.startDate)).toEqual([45658, 45659]);
    expect(result.issues.map((i) => [i.row, i.field, i.problem, i.value])).toEqual([
      [2, "endDate", "unparseable-date", "TBC"],
      [3, "endDate", "unparseable-date", "45747"],
    ]);
  });

  test("years and small counts in a date column are never read as days of 1900–1927", () => {
    const result = read([["A", "2024", "2025"], ["B", "12", "36"]]);
    expect(result.rows.map((r) => [r.fields.startDate, r.fields.endDate])).toEqual([[null, null], [null, null]]);
    expect(result.issues.every((i) => i.problem === "unparseable-date")).toBe(true);
    expect(result.issues).toHaveLength(4);
  });

  test("an ID column of serial-like numbers stays text", () => {
    const result = read([["45747", "45658", "45747"]]);
    expect(result.rows[0].fields.contractId).toBe("45747");
  });

  test("serial 1 (01/01/1900) is kept and reported as a placeholder; serial 0 is not known and reported", () => {
    const result = read([["A", 1, 0], ["B", 59, 60]]);
    expect(result.rows.map((r) => [r.fields.startDate, r.fields.endDate])).toEqual([[1, null], [59, 60]]);
    expect(result.issues.map((i) => [i.row, i.field, i.problem])).toEqual([
      [2, "startDate", "placeholder-date"],
      [2, "endDate", "placeholder-date"],
      [3, "startDate", "placeholder-date"],
      [3, "endDate", "placeholder-date"],
    ]);
    expect(result.issues[0].message).toContain("01/01/1900");
    expect(result.issues[1].message).toContain("00/01/1900");
    expect(result.issues[3].message).toContain("29/02/1900");
  });
});
