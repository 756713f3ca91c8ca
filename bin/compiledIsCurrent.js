// Whether lib/ (the command line compiled by scripts/build-cli.js) was compiled from the sources as
// they are now: bin/contract-tracker.js runs lib/ only then, and the benchmarks time the same code.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

/** True when lib/sources.json lists each compiled source with its size and modification time as they are now. */
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

module.exports = { compiledIsCurrent };
