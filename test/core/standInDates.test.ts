import { dateToSerial, formatSerial } from "../../src/core/dates";
import { normaliseTable } from "../../src/core/normalise";
import { CONTRACTS } from "../../src/core/schema";
import { standInDate } from "../../src/core/standInDates";

const d = (y: number, m: number, day: number): number => dateToSerial(y, m, day) ?? 0;
// Varied real start dates across 2015–2024: about two per day used.
const varied = (n: number): number[] => Array.from({ length: n }, (_, i) => d(2015, 1, 2) + ((i * 37) % 3600));

test("a round date on an outsized share of a column is a likely stand-in, with its count", () => {
  const column = [...Array<number>(226).fill(d(2000, 1, 1)), ...varied(5103)];
  expect(standInDate(column)).toEqual({ serial: d(2000, 1, 1), count: 226, of: 5329 });
  const ends = [...Array<number>(21).fill(d(2035, 1, 1)), ...varied(400)];
  expect(standInDate(ends)).toEqual({ serial: d(2035, 1, 1), count: 21, of: 421 });
});

test("real clusters are not stand-ins: a fiscal year's 1 April, a handful of 31 Decembers, a register of few dates", () => {
  expect(standInDate([...Array<number>(300).fill(d(2024, 4, 1)), ...varied(2000)])).toBeNull();
  expect(standInDate([...Array<number>(6).fill(d(2025, 12, 31)), ...varied(200)])).toBeNull();
  expect(standInDate(Array<number>(50).fill(d(2030, 12, 31)))).toBeNull();
  // A year end many contracts really share, among dates that cluster as much.
  const quarterEnds = Array.from({ length: 400 }, (_, i) => d(2025 + (i % 4), 3 * (1 + (i % 4)), [31, 30, 30, 31][i % 4]));
  expect(standInDate([...quarterEnds, ...Array<number>(100).fill(d(2028, 12, 31))])).toBeNull();
  // 12 of 30 contracts end at the calendar year end, amid the others' real end dates: real, not a stand-in.
  const around = Array.from({ length: 18 }, (_, i) => d(2025, 6, 1) + i * 40);
  expect(standInDate([...Array<number>(12).fill(d(2025, 12, 31)), ...around])).toBeNull();
  // The same twelve on 1 Jan 2035, beyond every real end: a stand-in.
  expect(standInDate([...Array<number>(12).fill(d(2035, 1, 1)), ...around])).toMatchObject({ serial: d(2035, 1, 1), count: 12 });
});

test("check lists each row of a likely stand-in start date, saying how many share it (1 Jan 2000 itself is a fixed placeholder, reported as one)", () => {
  const rows = [...Array.from({ length: 30 }, (_, i) => [`S${i}`, "01/01/2010", "31/03/2030"]), ...Array.from({ length: 200 }, (_, i) => [`C${i}`, formatSerial(varied(200)[i]), "31/03/2030"])];
  const columns = { contractId: { column: "Ref", index: 0 }, startDate: { column: "Start", index: 1 }, endDate: { column: "End", index: 2 } };
  const { issues } = normaliseTable(rows, CONTRACTS, columns, { dateOrder: "dmy", firstRow: 2 });
  const standIns = issues.filter((i) => i.problem === "likely-stand-in");
  expect(standIns).toHaveLength(30);
  expect(standIns[0]).toMatchObject({ row: 2, column: "Start", value: "01/01/2010", message: '1 Jan 2010 is the start date on 30 of 230 rows: a round date shared this widely is likely a stand-in for "not known"' });
  // The end date all 230 contracts share is not a round date: a framework's end, not a stand-in.
  expect(issues.filter((i) => i.field === "endDate")).toEqual([]);
});
