import type { CellValue } from "../../src/workbook/port";

/** The 20 headers of the generated registers used to measure 100,000-row work. */
export const BIG_HEADERS = ["Contract ID", "Title", "Supplier", "Contract manager", "Department", "Tier", "Start date", "Go-live date", "End date", "Extension options",
  "Notice period", "Annual value", "Total value", "Budget", "Spend to date", "Status", "Category", "Region", "Notes", "Reference"];

/** A register of `n` contracts, 20 columns of the sort real registers hold (dates as serials, some text that looks like a formula). */
export function bigRegister(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      `C${String(i).padStart(6, "0")}`, `Facilities management lot ${i % 97}`, `Supplier ${i % 1000} Ltd`, `Manager ${i % 250}`, ["Adult Social Care", "Highways", "Corporate"][i % 3],
      ["Gold", "Silver", "Bronze"][i % 3], 44000 + (i % 2000), i % 5 === 0 ? null : 44100 + (i % 2000), 46000 + (i % 3000), ["1+1", "2+1+1", "none", "24 months"][i % 4],
      ["3 months", "90 days", "6m"][i % 3], 12345.67 + i, 49382.68 + i * 4, 50000 + (i % 500), Math.round(((i * 7919) % 100000) * 100) / 100, i % 11 === 0 ? "Expired" : "Active",
      "Services", ["North", "South", "East", "West"][i % 4], i % 10 === 0 ? "=Renewal under review with the commercial team" : null, `REF-${i}`,
    ]);
  }
  return rows;
}
