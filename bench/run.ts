// `npm run bench`: every benchmark case, printed as one table. Targets come from the issues.
import { convertCases } from "./convert.bench";
import { functionCases } from "./functions.bench";
import { BenchResult, formatTable, measure } from "./measure";

const filter = process.argv[2]?.toLowerCase();
const cases = [...functionCases, ...convertCases()].filter((c) => !filter || `${c.suite} ${c.name}`.toLowerCase().includes(filter));
const results: BenchResult[] = [];
async function main(): Promise<void> {
  for (const c of cases) {
    results.push(await measure(c));
    process.stderr.write(`.`);
  }
  process.stderr.write("\n");
  report();
}

function report(): void {
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(formatTable(results));
  const missed = results.filter((r) => r.targetMs !== undefined && r.medianMs >= r.targetMs);
  if (missed.length > 0) {
    console.log(`\n${missed.length} target(s) missed.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
