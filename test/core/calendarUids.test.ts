import { calendarDates } from "../../src/core/calendarDates";
import { contractUidParts } from "../../src/core/calendarUids";
import { dateToSerial } from "../../src/core/dates";
import type { NormalisedRow } from "../../src/core/normalise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

// Events' UIDs: what makes re-importing update events in place. IDs that differ only in case are
// different contracts, and each keeps its UIDs however the table is sorted; an ID spelt one way
// only keeps the UID the first files gave it.

const day = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? NaN;
const AS_OF = day(2026, 1, 5);
const contract = (row: number, contractId: string | null): NormalisedRow => ({ row, fields: { contractId, endDate: day(2027, 1, 1) } }) as NormalisedRow;

/** The UID of each contract's end date, by the contract's ID and its place among those written exactly alike. */
function endUids(ids: (string | null)[]): Map<string, string> {
  const rows = ids.map((id, i) => contract(i + 2, id));
  const seen = new Map<string, number>();
  const byName = new Map<string, string>();
  for (const d of calendarDates(rows, DEFAULT_SETTINGS, { asOf: AS_OF }).filter((x) => x.kind === "end").sort((a, b) => a.row - b.row)) {
    const nth = (seen.get(d.contractId) ?? 0) + 1;
    seen.set(d.contractId, nth);
    byName.set(`${d.contractId}#${nth}`, d.uid);
  }
  return byName;
}

/** Every order of a list (small lists only). */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

test("T-1 and t-1 get UIDs of their own, the same whichever row comes first", () => {
  expect(Object.fromEntries(endUids(["T-1", "t-1"]))).toEqual({ "T-1#1": "end-t-1@contract-tracker", "t-1#1": "end-t-1+case-l@contract-tracker" });
  expect(endUids(["t-1", "T-1"])).toEqual(endUids(["T-1", "t-1"]));
});

test("whatever the order of the rows, every contract keeps its UIDs, and no two contracts share one", () => {
  const ids = ["PO 18994", "po 18994", "Po 18994", "C-1", "c-1", "C-1", "C-1-2", "A-7", null];
  const first = endUids(ids);
  expect(new Set(first.values()).size).toBe(ids.length);
  // Written exactly alike, two contracts are told apart by row order alone: the other orders must agree on the rest.
  const alike = (uids: Map<string, string>) => [...uids].filter(([key]) => !key.startsWith("C-1#"));
  for (const order of orders(["PO 18994", "po 18994", "Po 18994", "c-1"])) {
    const uids = endUids([...order, "C-1", "C-1", "C-1-2", "A-7", null]);
    expect(new Set(uids.values()).size).toBe(ids.length);
    expect(alike(uids)).toEqual(expect.arrayContaining(alike(first)));
  }
  expect(Object.fromEntries(first)).toEqual({
    // The first spelling in code-point order keeps the plain UID; the others add their letters' case.
    "PO 18994#1": "end-po%2018994@contract-tracker",
    "po 18994#1": "end-po%2018994+case-ll@contract-tracker",
    "Po 18994#1": "end-po%2018994+case-ul@contract-tracker",
    "C-1#1": "end-c-1@contract-tracker",
    // The second C-1 written alike would be -2, which C-1-2 already is: told apart by + instead.
    "C-1#2": "end-c-1+2@contract-tracker",
    "c-1#1": "end-c-1+case-l@contract-tracker",
    "C-1-2#1": "end-c-1-2@contract-tracker",
    "A-7#1": "end-a-7@contract-tracker",
    "Row 10#1": "end-row%2010@contract-tracker",
  });
});

test("an ID spelt one way keeps the UID the earlier files gave it, a second contract written alike -2", () => {
  expect(contractUidParts([contract(2, "PO 18994"), contract(3, "X/1"), contract(4, "PO 18994"), contract(5, "Ünï 1")])).toEqual(["po%2018994", "x%2F1", "po%2018994-2", "%C3%BCn%C3%AF%201"]);
});

test("spellings whose letters' cases match yet differ (the Kelvin sign and K) are told apart too", () => {
  const ids = ["K\u212A-1", "\u212A\u212A-1", "kk-1", "KK-1", "\u212AK-1"];
  const parts = contractUidParts(ids.map((id, i) => contract(i + 2, id)));
  expect(new Set(parts).size).toBe(ids.length);
  expect(contractUidParts([...ids].reverse().map((id, i) => contract(i + 2, id)))).toEqual([...parts].reverse());
});
