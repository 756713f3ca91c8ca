import { Candidate, bestAssignment } from "../../src/core/assignment";

const c = (field: string, index: number, score: number): Candidate => ({ field, index, score, why: "" });
const picked = (candidates: Candidate[]): string[] => bestAssignment(candidates).map((x) => `${x.field}→${x.index}`).sort();

test("the best overall assignment, where the first pick by score would leave a field without its only column", () => {
  // Greedy would give column 0 to `title` (0.9) and leave `department` with nothing.
  expect(picked([c("title", 0, 0.9), c("title", 1, 0.8), c("department", 0, 0.7)])).toEqual(["department→0", "title→1"]);
});

test("a sure match is not given up so that two doubtful ones can be made", () => {
  expect(picked([c("department", 0, 0.96), c("title", 0, 0.7), c("department", 1, 0.5)])).toEqual(["department→0"]);
});

test("one column per field and one field per column; a field may be left without one", () => {
  expect(picked([c("a", 0, 0.9), c("b", 0, 0.6)])).toEqual(["a→0"]);
  expect(picked([])).toEqual([]);
});

test("on a tie, the column further left wins", () => {
  expect(picked([c("endDate", 3, 0.95), c("endDate", 1, 0.95)])).toEqual(["endDate→1"]);
});

test("many fields and columns: the total of squared scores is the greatest of any assignment", () => {
  // Checked against every assignment of 4 fields to 5 columns.
  const scores = [
    [0.9, 0.85, 0.1, 0.5, 0.6],
    [0.88, 0.2, 0.7, 0.6, 0.55],
    [0.6, 0.9, 0.8, 0.5, 0.52],
    [0.7, 0.65, 0.66, 0.9, 0.51],
  ];
  const candidates = scores.flatMap((row, f) => row.map((s, i) => c(`f${f}`, i, s)));
  const total = bestAssignment(candidates).reduce((n, x) => n + x.score ** 2, 0);
  let best = 0;
  const walk = (f: number, used: Set<number>, sum: number): void => {
    if (f === scores.length) return void (best = Math.max(best, sum));
    walk(f + 1, used, sum);
    for (let i = 0; i < 5; i++) if (!used.has(i)) walk(f + 1, new Set([...used, i]), sum + scores[f][i] ** 2);
  };
  walk(0, new Set(), 0);
  expect(total).toBeCloseTo(best, 9);
});
