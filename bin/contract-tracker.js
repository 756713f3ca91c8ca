#!/usr/bin/env node
// The contract-tracker command line: runs the TypeScript sources through tsx, so `npx contract-tracker`
// works straight after `npm ci` with no build step.
require("tsx/cjs");
// Output piped into `head` and the like: when the reader stops, stop quietly (no stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { run } = require("../src/cli/main.ts");
run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then((code) => {
  process.exitCode = code;
});
