import { ChildProcess, spawn } from "child_process";
import * as net from "net";
import * as path from "path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser";

// `npm start` on a machine without Excel (this one): it builds, serves over https, prints the
// preview's address, and the preview served there works, the development build included.

const ROOT = path.resolve(__dirname, "../..");
// package.json's config.dev_server_port: npm and npx pass it to the script and to webpack alike.
const PORT = 3000;
let server: ChildProcess | undefined;
let output = "";
let browser: Browser | undefined;

/** Resolves once the output holds `text`; fails with the output so far after `ms`. */
function waitForOutput(text: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (output.includes(text)) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > ms || server?.exitCode !== null) {
        clearInterval(poll);
        reject(new Error(`npm start did not print "${text}":\n${output.slice(-3000)}`));
      }
    }, 250);
  });
}

/** Whether something already listens on the port (another dev server would answer in ours' place). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

beforeAll(async () => {
  if (await portTaken(PORT)) throw new Error(`Port ${PORT} is in use: stop the other dev server (npm start) and run the browser tests again`);
  server = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["start", "--", "--preview"], { cwd: ROOT, detached: true });
  server.stdout?.on("data", (chunk) => (output += String(chunk)));
  server.stderr?.on("data", (chunk) => (output += String(chunk)));
  await waitForOutput("Press Ctrl+C to stop.", 180_000);
  browser = await launchChromium();
}, 200_000);

afterAll(async () => {
  await browser?.close();
  // The script runs webpack in a child of its own: stop the whole group started here.
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});

test("npm start prints the preview's address and how to sideload into Excel on the web", () => {
  expect(output).toContain(`Preview in a browser (no Excel needed):  https://localhost:${PORT}/taskpane.html`);
  expect(output).toContain("Upload My Add-in");
});

test("the preview it serves sets up the sample and shows the summary, with no errors", async () => {
  const context = await (browser as Browser).newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 900 }, locale: "en-GB" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`https://localhost:${PORT}/taskpane.html`);
  await page.getByRole("button", { name: "Load the sample tracker" }).click();
  await page.getByRole("button", { name: "See the escalation summary" }).click();
  await page.getByRole("heading", { name: "13 contracts need attention" }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);
