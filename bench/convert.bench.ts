import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../src/cli/main";
import type { BenchCase } from "./measure";

// The CLI's map + normalise + convert over the largest shared register and a generated
// 100,000-row register, end to end (read the file, set up the tracker, write the .xlsx).
const REAL = path.resolve(__dirname, "../../shared/data/real");
const LARGEST = path.join(REAL, "toronto-contracts/Awarded Contracts.csv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-bench-"));

function generatedRegister(rows: number): string {
  const file = path.join(dir, `register-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  const suppliers = ["Binco Ltd", "Shine Services", "Acme Facilities", "Northgate Care", "Café Provisions"];
  const departments = ["Adult Social Care", "Highways", "Waste", "Children's Services", "Corporate IT"];
  const lines = ["Contract Ref,Contract title,Supplier,Contract manager,Department,Tier,Start date,End date,Notice period,Extension options,Annual value,Total value,Budget,Spend to date,Status,Notes,Category,Procurement route,Framework,Postcode"];
  for (let i = 0; i < rows; i++) {
    const start = new Date(Date.UTC(2018 + (i % 7), i % 12, 1 + (i % 28)));
    const end = new Date(Date.UTC(2024 + (i % 6), (i * 7) % 12, 1 + ((i * 3) % 28)));
    const d = (x: Date): string => `${String(x.getUTCDate()).padStart(2, "0")}/${String(x.getUTCMonth() + 1).padStart(2, "0")}/${x.getUTCFullYear()}`;
    lines.push(
      [
        `AC-${String(i).padStart(6, "0")}`, `"Service ${i}, lot ${i % 9}"`, suppliers[i % 5], `Officer ${i % 97}`, `"${departments[i % 5]}"`,
        ["Gold", "Silver", "Bronze"][i % 3], d(start), i % 50 === 0 ? "" : d(end), ["3 months", "90 days", "6m", ""][i % 4],
        ["1+1", "2 x 12 months", "none", ""][i % 4], `"£${(10000 + i * 13).toLocaleString("en-GB")}"`, String(50000 + i * 51),
        String(40000 + i * 50), String(38000 + i * 47), "Live", "", "Services", "Open", "", "AB1 2CD",
      ].join(","),
    );
  }
  fs.writeFileSync(file, lines.join("\r\n"));
  return file;
}

async function convertFile(file: string, formulas: "contract" | "native" = "contract"): Promise<void> {
  const out = path.join(dir, `${path.basename(file)}.${formulas}.xlsx`);
  const code = await run(["convert", file, "--out", out, "--as-of", "2025-03-31", "--formulas", formulas], () => undefined, (s) => process.stderr.write(`${s}\n`));
  if (code !== 0) throw new Error(`convert failed on ${file}`);
}

async function mapFile(file: string): Promise<void> {
  const code = await run(["map", file], () => undefined, (s) => process.stderr.write(`${s}\n`));
  if (code !== 0) throw new Error(`map failed on ${file}`);
}

async function checkFile(file: string): Promise<void> {
  const code = await run(["check", file, "--json"], () => undefined, (s) => process.stderr.write(`${s}\n`));
  if (code !== 0) throw new Error(`check failed on ${file}`);
}

export function convertCases(): BenchCase[] {
  const generated = generatedRegister(100_000);
  return [
    { suite: "cli", name: "map a generated 100,000-row register (20 columns; values profiled)", rows: 100_000, runs: 3, warmups: 1, run: () => mapFile(generated) },
    { suite: "cli", name: "check the largest shared register (Toronto, 7,613 rows)", rows: 7613, runs: 5, warmups: 1, run: () => checkFile(LARGEST) },
    { suite: "cli", name: "check a generated 100,000-row register (20 columns)", rows: 100_000, runs: 3, warmups: 1, run: () => checkFile(generated) },
    { suite: "cli", name: "convert the largest shared register (Toronto, 7,613 rows)", rows: 7613, runs: 3, warmups: 1, run: () => convertFile(LARGEST) },
    { suite: "cli", name: "convert a generated 100,000-row register (20 columns)", rows: 100_000, runs: 1, warmups: 0, targetMs: 10_000, run: () => convertFile(generated) },
    // Excel's own formulas are longer than the CONTRACT functions' (no LET): more to write.
    { suite: "cli", name: "convert a generated 100,000-row register (20 columns), --formulas native", rows: 100_000, runs: 1, warmups: 0, run: () => convertFile(generated, "native") },
  ];
}
