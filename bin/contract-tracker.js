#!/usr/bin/env node
// The contract-tracker command line: runs the TypeScript sources through tsx, so `npx contract-tracker`
// works straight after `npm ci` with no build step.
require("tsx/cjs");
const { run } = require("../src/cli/main.ts");
run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then((code) => {
  process.exitCode = code;
});
