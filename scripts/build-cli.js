#!/usr/bin/env node
// `npm run build:cli` (and `npm ci`, through `prepare`): compiles the command line's TypeScript to
// lib/, so bin/contract-tracker.js starts without compiling anything. lib/sources.json lists each
// source compiled with its size and modification time: the bin runs lib/ only while every one of
// them is unchanged, and the TypeScript itself (through tsx) otherwise, so an edited source is
// never run from a stale build.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const lib = path.join(root, "lib");
fs.rmSync(lib, { recursive: true, force: true });
const tsc = require.resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);

const sources = {};
const walk = (folder) => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith(".js")) {
      const relative = path.relative(lib, full).replace(/\.js$/, "");
      const source = [".ts", ".tsx"].map((ext) => path.join(root, "src", relative + ext)).find((f) => fs.existsSync(f));
      if (!source) continue;
      const stat = fs.statSync(source);
      sources[path.relative(root, source).split(path.sep).join("/")] = { size: stat.size, mtimeMs: stat.mtimeMs };
    }
  }
};
walk(lib);
fs.writeFileSync(path.join(lib, "sources.json"), `${JSON.stringify(sources, null, 1)}\n`);
