/**
 * dist/ as `npm run build` makes it, for tests of the built scripts: built here when it is missing,
 * a development build (it has source maps), or older than any source it is made from. CI builds
 * just before `npm test`, so there it is used as it is.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
const BUILT = ["taskpane.html", "functions.js", "functions.json", "taskpane.js"];
const INPUTS = ["src", "webpack.config.js", "tsconfig.build.json", "package.json", "package-lock.json", "manifest.xml"];

function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** Why dist/ cannot be used as it is, or null when it can. */
export function staleBuild(): string | null {
  const missing = BUILT.find((file) => !fs.existsSync(path.join(DIST, file)));
  if (missing) return `dist/${missing} is missing`;
  if (fs.existsSync(path.join(DIST, "functions.js.map"))) return "dist/ holds a development build";
  const built = Math.min(...BUILT.map((file) => fs.statSync(path.join(DIST, file)).mtimeMs));
  const changed = INPUTS.filter((input) => fs.existsSync(path.join(ROOT, input))).find((input) => newest(path.join(ROOT, input)) > built);
  return changed ? `${changed} changed after the last build` : null;
}

/** Makes sure dist/ is a production build of the sources as they are (`npm run build` when it is not). */
export function ensureProductionBuild(): void {
  const why = staleBuild();
  if (why === null) return;
  const build = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
  if (build.status !== 0) throw new Error(`npm run build failed (${why}):\n${`${build.stdout}${build.stderr}`.slice(-3000)}`);
  // webpack leaves a file it would write unchanged as it was, old date and all: mark them built now.
  const now = new Date();
  for (const file of BUILT) fs.utimesSync(path.join(DIST, file), now, now);
}
