#!/usr/bin/env node
// Checks what `npm run build` wrote: the production manifest (no development URL left), the one
// runtime page, the functions script and metadata with all eleven functions, office.js and the icons.
const fs = require("fs");
const path = require("path");
const { initialScripts, INITIAL_JS_LIMIT_BYTES } = require("./bundleSize");

const dist = path.resolve(process.argv[2] || "dist");
const problems = [];
const read = (file) => fs.readFileSync(path.join(dist, file));
const exists = (file) => fs.existsSync(path.join(dist, file));

const EXPECTED_FUNCTIONS = ["DAYSTOEXPIRY", "NOTICEDATE", "DAYSTONOTICE", "FINALEXPIRY", "DECIDEBY", "SLIPPAGE", "SLIPPAGEPCT", "PHASE", "RAG", "RAGREASON", "WORSTRAG", "ESCALATIONLEVEL"];

for (const file of ["manifest.xml", "taskpane.html", "functions.js", "functions.json", "office.js", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
  if (!exists(file)) problems.push(`missing dist/${file}`);
}
if (exists("manifest.xml")) {
  const manifest = read("manifest.xml").toString();
  if (/localhost/i.test(manifest)) problems.push("dist/manifest.xml still points at localhost");
  if (/http:\/\//i.test(manifest.replace(/xmlns(:\w+)?="http:\/\/[^"]+"/g, "").replace(/xsi:type="[^"]+"/g, ""))) problems.push("dist/manifest.xml has an http:// URL");
}
if (exists("functions.json")) {
  const ids = JSON.parse(read("functions.json").toString()).functions.map((f) => f.id).sort();
  if (JSON.stringify(ids) !== JSON.stringify([...EXPECTED_FUNCTIONS].sort())) problems.push(`functions.json lists ${ids.join(", ")}`);
}
if (exists("functions.js")) {
  const script = read("functions.js").toString();
  for (const id of EXPECTED_FUNCTIONS) if (!script.includes(`"${id}"`)) problems.push(`functions.js does not associate ${id}`);
}
if (exists("taskpane.html")) {
  const sizes = initialScripts(dist);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`taskpane.html initial scripts: ${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB gz`).join(", ")} — total ${(total / 1024).toFixed(1)} KB gzipped`);
  if (total > INITIAL_JS_LIMIT_BYTES) problems.push(`taskpane.html's initial JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, over ${INITIAL_JS_LIMIT_BYTES / 1024} KB`);
  if (!sizes.some((s) => s.file === "functions.js")) problems.push("taskpane.html does not load functions.js (the shared runtime page must host the functions)");
}

if (problems.length) {
  console.error(`dist/ is not right:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`dist/ holds the production manifest, taskpane.html, functions.js, functions.json (${EXPECTED_FUNCTIONS.length} functions), office.js and icons.`);
