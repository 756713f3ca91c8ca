import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The command line starts in Node's own time: `npm ci` compiles it (the prepare script), and the bin
// runs that JavaScript without compiling TypeScript on each call, loading only what the command needs.
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/contract-tracker.js");

// Loaded before the bin: at exit, prints every module file the process loaded (one a line) on stderr.
const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ct-start-")), "probe.js");
fs.writeFileSync(probe, 'process.on("exit", () => process.stderr.write(Object.keys(require.cache).join("\\n") + "\\n"));\n');

const loaded = (...argv: string[]): { code: number | null; out: string; modules: string[] } => {
  const result = spawnSync(process.execPath, ["--require", probe, BIN, ...argv], { encoding: "utf8", cwd: os.tmpdir() });
  return { code: result.status, out: result.stdout, modules: result.stderr.split("\n").filter((line) => line.startsWith("/")) };
};

beforeAll(() => {
  // What `npm ci` runs (package.json "prepare"), so the test sees the build a fresh clone gets.
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  expect(scripts.prepare).toBe("node scripts/build-cli.js");
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build-cli.js")], { cwd: ROOT, stdio: "ignore" });
}, 120000);

test.each([["--version"], ["help"], ["-h"]])("%s runs compiled JavaScript and loads no command, no tsx, no TypeScript", (arg) => {
  const result = loaded(arg);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/^(contract-tracker \d|Usage:)/);
  const ours = result.modules.filter((m) => m.startsWith(ROOT));
  expect(ours.filter((m) => /[/\\]node_modules[/\\]tsx[/\\]|\.tsx?$/.test(m))).toEqual([]);
  expect(ours).toContain(path.join(ROOT, "lib/cli/main.js"));
  // Only the words are read: no command module, no register reader.
  expect(ours.filter((m) => /lib[/\\]cli[/\\](map|check|convert|summary|readRegister)\.js$/.test(m))).toEqual([]);
});

test("a command runs from the compiled JavaScript too", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-start-"));
  const register = path.join(dir, "reg.csv");
  fs.writeFileSync(register, "Contract ID,Supplier,End date\nC-1,Acme,31/03/2027\n");
  const result = loaded("check", register);
  expect(result.code).toBe(0);
  expect(result.out).toBe('1 contract on sheet "reg": 0 data-quality problems\n');
  const ours = result.modules.filter((m) => m.startsWith(ROOT));
  expect(ours).toContain(path.join(ROOT, "lib/cli/check.js"));
  expect(ours.filter((m) => /[/\\]node_modules[/\\]tsx[/\\]|\.tsx?$/.test(m))).toEqual([]);
});

test("while a source is newer than the build, the TypeScript runs instead: never a stale build", () => {
  // A copy of the project's layout whose build records one source as it was before an edit.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "ct-stale-"));
  fs.mkdirSync(path.join(copy, "bin"));
  fs.copyFileSync(BIN, path.join(copy, "bin/contract-tracker.js"));
  fs.copyFileSync(path.join(ROOT, "bin/compiledIsCurrent.js"), path.join(copy, "bin/compiledIsCurrent.js"));
  fs.cpSync(path.join(ROOT, "lib"), path.join(copy, "lib"), { recursive: true });
  for (const link of ["src", "node_modules", "package.json"]) fs.symlinkSync(path.join(ROOT, link), path.join(copy, link));
  const manifest = path.join(copy, "lib/sources.json");
  const sources = JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, { size: number; mtimeMs: number }>;
  sources["src/cli/options.ts"].mtimeMs -= 1000;
  fs.writeFileSync(manifest, JSON.stringify(sources));
  const result = spawnSync(process.execPath, ["--require", probe, path.join(copy, "bin/contract-tracker.js"), "--version"], { encoding: "utf8" });
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^contract-tracker \d/);
  expect(result.stderr).toMatch(/src[/\\]cli[/\\]main\.ts/);
  expect(result.stderr).not.toMatch(/lib[/\\]cli[/\\]main\.js/);
});
