/**
 * The cell functions beside the plain loops (functions.bench.ts pairCases), in a process of their
 * own so the V8 settings can be chosen: `tsx [node flags] bench/pairs.ts [filter]` prints the
 * results as JSON on stdout (progress dots on stderr). run.ts starts it once with Node's defaults
 * and once with the collector set aside (see PAIR_SETTINGS there).
 */
import { pairCases } from "./functions.bench";
import { PairResult, measurePair } from "./measure";

const filter = process.argv[2]?.toLowerCase();
const results: PairResult[] = [];
for (const c of pairCases.filter((p) => !filter || `${p.suite} ${p.name}`.toLowerCase().includes(filter))) {
  results.push(measurePair(c));
  process.stderr.write(".");
}
process.stdout.write(JSON.stringify(results));
