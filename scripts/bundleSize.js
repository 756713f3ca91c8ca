// The JavaScript taskpane.html loads before anything else (what delays the cell functions and the
// ribbon), gzipped as a server would send it. Used by check-build.js and `npm run bench`.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Limit of issue 5: the initial JavaScript of taskpane.html, gzipped. */
const INITIAL_JS_LIMIT_BYTES = 250 * 1024;

/** @returns {{ file: string, bytes: number, gzip: number }[]} the page's own <script src> files in dist/. */
function initialScripts(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
  return scripts
    .filter((s) => fs.existsSync(path.join(dist, s)))
    .map((s) => {
      const data = fs.readFileSync(path.join(dist, s));
      return { file: s, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
    });
}

module.exports = { initialScripts, INITIAL_JS_LIMIT_BYTES };
