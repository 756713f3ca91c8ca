/** A column that could hold a field, how sure (0..1) and why in words. */
export interface Candidate {
  field: string;
  index: number;
  score: number;
  why: string;
  /** What the assignment weighs, where it differs from the score shown (a score capped at 1 keeps its lead here). */
  weight?: number;
}

// A column further left wins a tie, as registers put the main column first: worth less than any
// real difference in score (scores are rounded to hundredths).
const LEFT_FIRST = 1e-6;

/**
 * The candidates to keep so that each field has at most one column and each column at most one
 * field, with the greatest total of squared scores (sure matches weigh more than doubtful ones): the assignment problem, solved exactly by Kuhn–Munkres
 * (Hungarian method, O(n²m) for n fields and m columns; a register's 16 fields and a few hundred
 * columns take well under a millisecond). A field may be left without a column. A greedy pick can
 * give one field a column another field needs more; this cannot.
 * @example bestAssignment([{ field: "a", index: 0, score: 0.9, why: "" }, { field: "a", index: 1, score: 0.8, why: "" }, { field: "b", index: 0, score: 0.7, why: "" }]).map((c) => `${c.field}${c.index}`) → ["a1", "b0"]
 */
export function bestAssignment(candidates: readonly Candidate[]): Candidate[] {
  const fields = [...new Set(candidates.map((c) => c.field))];
  const columns = [...new Set(candidates.map((c) => c.index))].sort((a, b) => a - b);
  const n = fields.length;
  if (n === 0) return [];
  // Columns: the real ones, then one "no column" per field, so every field can stay unassigned at no cost.
  const m = columns.length + n;
  const fieldAt = new Map(fields.map((f, i) => [f, i]));
  const columnAt = new Map(columns.map((c, j) => [c, j]));
  const NONE = 0;
  const FORBIDDEN = 1e9;
  const cost: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => (j >= columns.length ? (j - columns.length === i ? NONE : FORBIDDEN) : FORBIDDEN)));
  const byCell = new Map<string, Candidate>();
  for (const c of candidates) {
    const i = fieldAt.get(c.field) ?? 0;
    const j = columnAt.get(c.index) ?? 0;
    // Squared, so that one sure match outweighs two doubtful ones: a column a field is 96% sure of is
    // not handed to another field at 70% so that a third may take a 50% column.
    const weight = c.weight ?? c.score;
    const value = -(weight * weight - c.index * LEFT_FIRST);
    if (value < cost[i][j]) {
      cost[i][j] = value;
      byCell.set(`${i}:${j}`, c);
    }
  }
  // Kuhn–Munkres with potentials, rows = fields (n ≤ m), 1-based as in the classic formulation.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const rowOf = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = rowOf[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const chosen: Candidate[] = [];
  for (let j = 1; j <= columns.length; j++) {
    const i = rowOf[j];
    if (i === 0) continue;
    const c = byCell.get(`${i - 1}:${j - 1}`);
    if (c) chosen.push(c);
  }
  return chosen;
}
