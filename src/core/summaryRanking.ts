import type { Rag } from "./rules/rag";
import type { SummaryContract } from "./summaryTypes";

// The order of the summary's contracts (PRODUCT.md): level, then RAG, then days to notice or
// expiry, then ID so the order is stable. The roll-up (core/portfolio) ranks several registers'
// contracts together with the same order.

const RAG_RANK: Record<Rag, number> = { Red: 0, Amber: 1, Green: 2 };

/** How soon something falls due: the nearer of notice date and end date (overdue first); null last. */
function urgency(c: SummaryContract): number {
  const notice = c.daysToNotice ?? Number.POSITIVE_INFINITY;
  const expiry = c.daysToExpiry ?? Number.POSITIVE_INFINITY;
  return notice < expiry ? notice : expiry;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const folded = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/**
 * IDs in the order people read them: C-9 before C-10, case ignored. Compares in place, without
 * building keys (the summary sorts tens of thousands of IDs).
 * @example compareIds("C-9", "c-10") < 0
 */
export function compareIds(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      // Whole runs of digits compare as numbers: skip leading zeros, then the longer run is larger.
      while (a.charCodeAt(i) === 48 && isDigit(a.charCodeAt(i + 1))) i++;
      while (b.charCodeAt(j) === 48 && isDigit(b.charCodeAt(j + 1))) j++;
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - i !== ej - j) return ei - i - (ej - j);
      for (; i < ei; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
      continue;
    }
    if (folded(x) !== folded(y)) return folded(x) - folded(y);
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

// Urgencies beyond ten million days either way rank as the farthest: no real date is that far.
const FARTHEST = 1e7;

/**
 * Contracts in ranked order (PRODUCT.md): level (highest first), RAG (Red, Amber, Green, unrated),
 * days to the nearer of notice and expiry (overdue first, none last), then ID as people read it,
 * then sheet row. Level, RAG and urgency make one number a contract, so the sort compares numbers
 * and only contracts equal on all three compare their IDs; nothing is allocated per contract but
 * its index (the summary ranks tens of thousands). Exported for the portfolio roll-up, which
 * ranks the contracts of several registers together.
 * @example ranked([amberC2, redC1]).map((c) => c.id) → ["C-1", "C-2"]
 */
export function ranked(contracts: readonly SummaryContract[]): SummaryContract[] {
  const n = contracts.length;
  const keys = new Float64Array(n);
  let wholeDays = true;
  for (let i = 0; i < n; i++) {
    const c = contracts[i];
    const due = urgency(c);
    const u = due === Number.POSITIVE_INFINITY ? FARTHEST : Math.max(-FARTHEST + 1, Math.min(FARTHEST - 1, due));
    // At most 15 × 1e8 + 2e7: a day's fraction still tells two urgencies apart at that size.
    keys[i] = ((3 - c.level) * 4 + (c.rag === null ? 3 : RAG_RANK[c.rag])) * 1e8 + (u + FARTHEST);
    wholeDays &&= Number.isInteger(u);
  }
  const order = wholeDays && n <= MAX_PACKED ? packedOrder(keys) : comparedOrder(keys);
  // Contracts equal on level, RAG and urgency: by ID as people read it, then sheet row.
  const byId = (x: number, y: number): number => compareIds(contracts[x].id, contracts[y].id) || contracts[x].row - contracts[y].row;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && keys[order[end]] === keys[order[start]]) end++;
    if (end - start > 1) order.splice(start, end - start, ...order.slice(start, end).sort(byId));
    start = end;
  }
  const out = new Array<SummaryContract>(n);
  for (let i = 0; i < n; i++) out[i] = contracts[order[i]];
  return out;
}

// Keys of whole days are integers below 1.6e9: with the index in the low 20 bits the product stays
// below 2^53, so one native numeric sort of a typed array orders them (measured: a fifth of the
// time of a compared sort of 36,000 contracts).
const INDEX_BITS = 2 ** 20;
const MAX_PACKED = INDEX_BITS;

function packedOrder(keys: Float64Array): number[] {
  const packed = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) packed[i] = keys[i] * INDEX_BITS + i;
  packed.sort();
  const order = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) order[i] = packed[i] % INDEX_BITS;
  return order;
}

function comparedOrder(keys: Float64Array): number[] {
  const order = Array.from(keys, (_, i) => i);
  return order.sort((x, y) => keys[x] - keys[y] || x - y);
}
