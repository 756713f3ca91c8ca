import { compareIds, ranked } from "../../src/core/summaryRanking";
import type { SummaryContract } from "../../src/core/summaryTypes";
import type { Rag } from "../../src/core/rules/rag";

// The summary's order (PRODUCT.md): level (highest first), RAG (Red, Amber, Green, unrated), days to
// the nearer of notice and expiry (overdue first, none last), then ID as people read it, then row.
const RAGS: (Rag | null)[] = ["Red", "Amber", "Green", null];
const RANK = (r: Rag | null): number => (r === null ? 3 : RAGS.indexOf(r));
const near = (c: SummaryContract): number => Math.min(c.daysToNotice ?? Infinity, c.daysToExpiry ?? Infinity);
const reference = (a: SummaryContract, b: SummaryContract): number =>
  b.level - a.level || RANK(a.rag) - RANK(b.rag) || (near(a) === near(b) ? 0 : near(a) < near(b) ? -1 : 1) || compareIds(a.id, b.id) || a.row - b.row;

/** A deterministic spread of contracts: few levels, RAGs and days, so many tie and fall to their IDs. */
function contracts(n: number, days: (i: number) => number | null): SummaryContract[] {
  return Array.from({ length: n }, (_, i) => {
    const d = days(i);
    return {
      row: 2 + ((i * 7919) % n),
      id: ["C-", "c-", "C-0"][i % 3] + String((i * 37) % 50),
      level: ((i * 13) % 4) as 0 | 1 | 2 | 3,
      rag: RAGS[(i * 5) % 4],
      daysToExpiry: d,
      daysToNotice: i % 5 === 0 && d !== null ? d - 90 : null,
    } as SummaryContract;
  });
}

test.each([
  ["whole days, overdue and none", (i: number) => (i % 11 === 0 ? null : ((i * 31) % 400) - 100)],
  ["days with fractions (a date with a time of day)", (i: number) => (i % 11 === 0 ? null : ((i * 31) % 400) / 4 - 25)],
  ["beyond ten million days either way", (i: number) => (i % 3 === 0 ? 2e7 : i % 3 === 1 ? -2e7 : 5)],
])("ranks as PRODUCT.md orders, whatever the days: %s", (_, days) => {
  const list = contracts(3000, days);
  const expected = [...list].sort(reference);
  // Beyond ten million days all rank as the farthest, so compare those by what the ranking keeps.
  const got = ranked(list);
  expect(got.map((c) => [c.level, c.rag, Math.max(-1e7 + 1, Math.min(1e7, near(c)))])).toEqual(expected.map((c) => [c.level, c.rag, Math.max(-1e7 + 1, Math.min(1e7, near(c)))]));
  if (days(0) !== 2e7) expect(got).toEqual(expected);
  expect(new Set(got).size).toBe(list.length);
});

test("IDs as people read them: C-9 before C-10, case ignored, then the sheet row", () => {
  const one = (id: string, row: number) => ({ row, id, level: 1, rag: "Red", daysToExpiry: 10, daysToNotice: null }) as SummaryContract;
  expect(ranked([one("C-10", 2), one("c-9", 5), one("C-9", 3)]).map((c) => [c.id, c.row])).toEqual([["C-9", 3], ["c-9", 5], ["C-10", 2]]);
});
