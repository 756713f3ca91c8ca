#!/usr/bin/env node
// The contract-tracker command line. `npm ci` compiles it to lib/ (the `prepare` script runs
// scripts/build-cli.js), so a call starts in Node's own time; while any source has changed since
// that build (a developer's edit), the TypeScript runs through tsx instead, so what runs is never stale.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

/** Whether lib/ was compiled from the sources as they are now (each one's size and modification time). */
function compiledIsCurrent() {
  let sources;
  try {
    sources = JSON.parse(fs.readFileSync(path.join(root, "lib", "sources.json"), "utf8"));
  } catch {
    return false;
  }
  for (const [file, was] of Object.entries(sources)) {
    let now;
    try {
      now = fs.statSync(path.join(root, file));
    } catch {
      return false;
    }
    if (now.size !== was.size || now.mtimeMs !== was.mtimeMs) return false;
  }
  return Object.keys(sources).length > 0;
}

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
