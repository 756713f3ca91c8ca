#!/usr/bin/env node
// The contract-tracker command line. `npm ci` compiles it to lib/ (the `prepare` script runs
// scripts/build-cli.js), so a call starts in Node's own time; while any source has changed since
// that build (a developer's edit), the TypeScript runs through tsx instead, so what runs is never stale.
const { compiledIsCurrent } = require("./compiledIsCurrent");

// Output piped into `head` and the like: when the reader stops, stop quietly (no stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
let main;
if (compiledIsCurrent()) main = require("../lib/cli/main.js");
else {
  require("tsx/cjs");
  main = require("../src/cli/main.ts");
}
main.run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then((code) => {
  process.exitCode = code;
});
