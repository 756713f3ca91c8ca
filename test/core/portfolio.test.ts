import { dateToSerial } from "../../src/core/dates";
import { escalationSummary } from "../../src/core/escalationSummary";
import type { NormalisedRow, TypedValue } from "../../src/core/normalise";
import { PortfolioPart, portfolio, portfolioContract } from "../../src/core/portfolio";
import { renderPortfolio } from "../../src/core/portfolioRender";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

// The roll-up on hand-made registers: figures added up by file and department, money never added
// across currencies, a file with no value column not hiding its contracts, duplicates kept.
const AS_OF = dateToSerial(2026, 1, 1) ?? NaN;
// A value's currency is what the register's money said (core/money), kept beside the row's fields.
const rows = (list: Record<string, TypedValue>[]): NormalisedRow[] =>
  list.map(({ currency, ...fields }, i) => ({ row: i + 2, fields, ...(typeof currency === "string" ? { currencies: { totalValue: currency } } : {}) }));

function part(name: string, list: Record<string, TypedValue>[]): PortfolioPart {
  const contracts = rows(list);
  return { name, summary: escalationSummary({ contracts }, DEFAULT_SETTINGS, AS_OF), contracts: contracts.map(portfolioContract) };
}

const adults = part("adults.xlsx", [
  { contractId: "C-1", department: "Adult Social Care", endDate: AS_OF + 30, totalValue: 1000, currency: "GBP" },
  { contractId: "C-2", department: "adult social care ", endDate: AS_OF + 400, totalValue: 50, currency: "GBP" },
  { contractId: "C-3", department: "Adult Social Care", endDate: AS_OF - 10, status: "Terminated" },
]);
const highways = part("highways.csv", [
  { contractId: "c-1", department: "Highways", endDate: AS_OF + 20 },
  { contractId: "H-2", department: "", endDate: AS_OF + 100 },
]);
const euro = part("europe.csv", [{ contractId: "E-1", department: "Highways", endDate: AS_OF + 10, totalValue: 700, currency: "EUR" }]);

test("counts and levels add up; every contract keeps its file; none is merged", () => {
  const p = portfolio([adults, highways, euro], []);
  expect(p.summary.totalContracts).toBe(6);
  expect(p.summary.counts).toEqual({ red: 3, amber: 1, green: 1, unrated: 0 });
  expect(p.summary.closedContracts).toBe(1);
  expect(p.summary.contracts.map((c) => [c.id, c.file])).toEqual([
    ["E-1", "europe.csv"],
    ["c-1", "highways.csv"],
    ["C-1", "adults.xlsx"],
    ["H-2", "highways.csv"],
  ]);
  expect(p.duplicates).toEqual([{ id: "C-1", places: [{ file: "adults.xlsx", row: 2 }, { file: "highways.csv", row: 2 }] }]);
});

test("money is added by currency, and a file without values says its contracts have none", () => {
  const p = portfolio([adults, highways, euro], []);
  expect(p.summary.valueAtRisk).toEqual({ totals: [{ currency: "GBP", amount: 1000 }, { currency: "EUR", amount: 700 }], contracts: 3, contractsWithoutValue: 1, annualOnly: 0 });
  expect(renderPortfolio(p, "text").split("\n")).toContain("Value at risk: £1,000 + €700: the whole-life value of the 3 contracts at level 2 or 3 (1 with no value given).");
});

test("departments: spellings that differ in case and spaces are one; a blank one is named; every count adds up", () => {
  const p = portfolio([adults, highways, euro], [{ name: "notes.csv", reason: "No header row found" }]);
  expect(p.departments.map((d) => [d.name, d.contractsRead, d.red, d.amber, d.green, d.closed, d.files])).toEqual([
    ["Highways", 2, 2, 0, 0, 0, ["highways.csv", "europe.csv"]],
    ["Adult Social Care", 3, 1, 0, 1, 1, ["adults.xlsx"]],
    ["(no department)", 1, 0, 1, 0, 0, ["highways.csv"]],
  ]);
  const text = renderPortfolio(p, "text");
  expect(text).toContain("\nNot read (1):\n  notes.csv: No header row found\n");
  expect(text).toContain("\n  Highways: 2 contracts: Red 2 · Amber 0 · Green 0; level 3/2/1: 0/2/0; at risk €700\n");
});
