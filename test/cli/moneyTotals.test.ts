import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatTotals } from "../../src/core/currencies";
import { cli } from "../helpers/cli";

// Amounts whose register named no currency are never added to pounds, and wherever totals are
// written side by side (value at risk, each level's worth, the rest of a level, groups, the probably
// closed, the roll-up's breakdowns) the plain amount says why it stands apart.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-money-totals-"));
const AS_OF = "2026-01-01";
const write = (name: string, rows: readonly string[]): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ["Contract ID,Title,Department,End date,Total value", ...rows].join("\n"));
  return file;
};
// Ended lately (level 3) and long ago (probably closed), some in pounds and some in no stated currency.
const mixed = write("mixed.csv", [
  'M-1,Roads,Highways,20/12/2025,"23,959,235"',
  'M-2,Parks,Highways,21/12/2025,"£42,000"',
  "M-3,Lights,Highways,22/12/2025,1000",
  'M-4,Bins,Waste,23/12/2025,"£3,000"',
  "M-5,Old depot,Waste,01/01/2023,500",
  "M-6,Old vans,Waste,01/02/2023,£70",
]);
const pounds = write("pounds.csv", ['P-1,Bridges,Highways,20/12/2025,"£5,000"', "P-2,Tunnels,Waste,01/01/2023,£9"]);

// A plain number beside another total (before or after " + "), with nothing saying it has no currency.
const UNMARKED = /(?<![\d,.£€$])\d{1,3}(?:,\d{3})*(?![\d,.])(?! \(currency not stated\)) \+ |\+ (?<![\d,.£€$])\d{1,3}(?:,\d{3})*(?![\d,.])(?! \(currency not stated\))/;

test("formatTotals marks an amount of no stated currency only beside amounts in one", () => {
  expect(formatTotals([{ currency: null, amount: 23959235 }, { currency: "GBP", amount: 42000 }])).toBe("23,959,235 (currency not stated) + £42,000");
  expect(formatTotals([{ currency: "EUR", amount: 5 }, { currency: null, amount: 7 }, { currency: "GBP", amount: 3 }])).toBe("€5 + 7 (currency not stated) + £3");
  expect(formatTotals([{ currency: null, amount: 1500 }])).toBe("1,500");
  expect(formatTotals([{ currency: "GBP", amount: 1500 }, { currency: "USD", amount: 2 }])).toBe("£1,500 + US$2");
  expect(formatTotals([])).toBe("");
});

describe.each([
  ["one register", [mixed]],
  ["a roll-up", [mixed, pounds]],
])("%s", (_name, files) => {
  test.each(["text", "markdown", "html"])("%s: every total beside pounds says its currency is not stated", async (format) => {
    for (const extra of [["--limit", "1"], ["--limit", "0", "--group-by", "department"]]) {
      const result = await cli("summary", ...files, "--as-of", AS_OF, "--format", format, ...extra);
      expect(result.code).toBe(0);
      expect(result.out).not.toMatch(UNMARKED);
      expect(result.out).toContain("23,960,235 (currency not stated) + £4");
      expect(result.out).toContain("500 (currency not stated) + £");
    }
  });
});

test("the roll-up's breakdowns by file and department mark it too", async () => {
  const result = await cli("summary", mixed, pounds, "--as-of", AS_OF);
  const lines = result.out.split("\n");
  expect(lines.find((l) => l.startsWith("  mixed.csv: "))).toMatch(/; at risk 23,960,235 \(currency not stated\) \+ £45,000$/);
  expect(lines.find((l) => l.startsWith("  pounds.csv: "))).toMatch(/; at risk £5,000$/);
  expect(lines.find((l) => l.startsWith("  Highways: "))).toMatch(/; at risk 23,960,235 \(currency not stated\) \+ £47,000$/);
});
