#!/usr/bin/env node
// `npm start`: with Excel desktop (Windows, macOS) build, serve and sideload through
// office-addin-debugging; elsewhere serve the add-in over https and print the browser preview URL
// and how to sideload it into Excel on the web.
const { spawn } = require("child_process");
const https = require("https");

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const BASE = `https://localhost:${PORT}/`;
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(args) {
  const child = spawn(npx, args, { stdio: "inherit", env: process.env });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  return child;
}

function whenServing(url, then, triesLeft = 240) {
  const request = https.get(url, { rejectUnauthorized: false }, (response) => {
    response.resume();
    if (response.statusCode === 200) then();
    else setTimeout(() => whenServing(url, then, triesLeft - 1), 500);
  });
  request.on("error", () => {
    if (triesLeft > 0) setTimeout(() => whenServing(url, then, triesLeft - 1), 500);
    else console.error(`The dev server did not answer at ${url}; see its output above.`);
  });
}

if ((process.platform === "win32" || process.platform === "darwin") && !process.argv.includes("--preview")) {
  run(["office-addin-debugging", "start", "manifest.xml"]);
} else {
  run(["webpack", "serve", "--mode", "development"]);
  whenServing(`${BASE}taskpane.html`, () => {
    const { caCertificatePath } = require("./devCerts");
    console.log(`
Contract Tracker is being served at ${BASE}

  Preview in a browser (no Excel needed):  ${BASE}taskpane.html
    The certificate is a development one: trust ${caCertificatePath}
    in your browser, or accept its warning once.

  Use it in Excel on the web:
    1. Open a workbook at https://www.office.com (OneDrive or SharePoint).
    2. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose
       manifest.xml from this folder (or run: npm run start:web -- --document <workbook URL>).
    3. The Contracts tab appears on the ribbon; =CONTRACT. functions work in cells.

Press Ctrl+C to stop.`);
  });
}
