// The command line as it ships: lib/, compiled by `npm run build:cli` (built here first when any
// source changed since), so a case times the code users run. tsx, which runs the sources, wraps and
// transforms each module on the way in: the escalation summary over 100,000 contracts measured
// 250–330 ms through it against 215–250 ms compiled, in the same hour.
import { execSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const { compiledIsCurrent } = require("../bin/compiledIsCurrent.js") as { compiledIsCurrent: () => boolean };

let built = false;
const loaded = new Map<string, unknown>();

/**
 * A module of lib/ by its path under src/ (`core/escalationSummary`), typed as its source `T`
 * (`typeof import("../src/core/escalationSummary")`); lib/ is compiled first when stale.
 * @example shipped<typeof import("../src/core/escalationSummary")>("core/escalationSummary").escalationSummary
 */
export function shipped<T>(module: string): T {
  if (loaded.has(module)) return loaded.get(module) as T;
  if (!built && !compiledIsCurrent()) {
    process.stderr.write("compiling lib/ (npm run build:cli) so the cases time the code that ships …\n");
    execSync("npm run build:cli", { stdio: "ignore", cwd: root });
  }
  built = true;
    const found = require(path.join(root, "lib", `${module}.js`)) as T;
  loaded.set(module, found);
  return found;
}
