// `npm run bench [filter]`: every benchmark case, printed as tables. Targets come from the issues.
import { convertCases } from "./convert.bench";
import { functionCases } from "./functions.bench";
import { BenchResult, formatTable, measure } from "./measure";
import { TripResult, formatTripTable, tripCases, tripVerdict } from "./setup.bench";
import { summaryCases } from "./summary.bench";

const filter = process.argv[2]?.toLowerCase();
const wanted = (c: { suite: string; name: string }): boolean => !filter || `${c.suite} ${c.name}`.toLowerCase().includes(filter);

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  for (const c of [...functionCases, ...(await summaryCases()), ...convertCases()].filter(wanted)) {
    results.push(await measure(c));
    process.stderr.write(".");
  }
  const trips: TripResult[] = [];
  for (const c of tripCases.filter(wanted)) {
    trips.push({ suite: c.suite, name: c.name, rows: c.rows, target: c.target, readTarget: c.readTarget, ...(await c.run()) });
    process.stderr.write(".");
  }
  process.stderr.write("\n");
  console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  if (results.length) console.log(formatTable(results));
  if (trips.length) console.log(`\nRound trips to Excel (context.sync calls, counted over the fake Excel; Excel on the web refuses a trip over 5 MB, Excel desktop has no limit)\n${formatTripTable(trips)}`);
  const missed = results.filter((r) => r.targetMs !== undefined && r.medianMs >= r.targetMs).length + trips.filter((r) => tripVerdict(r) === "MISSED").length;
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
