import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// The one-way imports of ARCHITECTURE.md (core ← workbook ← features ← faces) are a lint rule. Each
// fixture under test/lint/fixtures/src/<folder>/ says on its first line what lint must say of it.
const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures");
const RULES = new Set(["no-restricted-imports", "no-restricted-globals"]);

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; line: number }[];
}

function lint(target: string, extra: string[] = []): LintResult[] {
  const bin = path.join(ROOT, "node_modules", ".bin", "eslint");
  const run = spawnSync(bin, [...extra, "--format", "json", target], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (!run.stdout) throw new Error(`eslint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintResult[];
}

const fixtureResults = lint("test/lint/fixtures", ["--no-ignore"]);
const byFile = new Map(fixtureResults.map((r) => [path.relative(FIXTURES, r.filePath), r]));
const cases = [...byFile.keys()].sort().map((file) => {
  const firstLine = fs.readFileSync(path.join(FIXTURES, file), "utf8").split("\n")[0];
  return [file, firstLine.replace(/^\/\/ expect: /, "")] as const;
});

test("there are fixtures for wrong-way and right-way imports", () => {
  expect(cases.filter(([, e]) => e === "clean").length).toBeGreaterThanOrEqual(4);
  expect(cases.filter(([, e]) => e !== "clean").length).toBeGreaterThanOrEqual(8);
});

test.each(cases)("%s: %s", (file, expectation) => {
  const found = (byFile.get(file)?.messages ?? []).filter((m) => m.ruleId !== null && RULES.has(m.ruleId)).map((m) => m.message);
  if (expectation === "clean") expect(found).toEqual([]);
  else expect(found.join("\n")).toContain(expectation);
});

test("the real source tree has no wrong-way import", () => {
  const wrong = lint("src").flatMap((r) =>
    r.messages.filter((m) => m.ruleId !== null && RULES.has(m.ruleId)).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
  );
  expect(wrong).toEqual([]);
});
