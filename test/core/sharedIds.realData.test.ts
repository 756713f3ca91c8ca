import * as path from "path";
import { findRegister, normaliseRegister } from "../../src/cli/register";
import { readRegister } from "../../src/cli/readRegister";
import { WHICH_CONTRACT, contractsById } from "../../src/core/contractNames";
import type { NormalisedRow, TypedValue } from "../../src/core/normalise";

// The shared registers that repeat IDs (their READMEs count the rows): every contract of a shared ID
// gets a Which contract that finds it and only it, and — unless nothing but its row tells it apart —
// finds it again after the table is sorted.
const REAL = path.resolve(__dirname, "../../../shared/data/real");
const FILES = [
  "act-gov-contracts/act_contracts_2025.csv",
  "lancashire-councils-contractsfinder/lancashire_councils_contractsfinder_notices.csv",
  "toronto-contracts/Awarded Contracts.csv",
  "toronto-contracts/Non-Competitive Contracts.csv",
  "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv",
];

/** The fields a Which contract is made of (core/contractNames). */
const TELLING = ["title", "supplier", "startDate", "endDate", "totalValue", "annualValue", "department", "contractManager"];

const same = (a: TypedValue | undefined, b: TypedValue | undefined): boolean =>
  typeof a === "string" && typeof b === "string" ? a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase() : (a ?? null) === (b ?? null);

const blank = (v: TypedValue | undefined): boolean => v === null || v === undefined || String(v).trim() === "";

const record = (c: NormalisedRow, which: string): NormalisedRow => ({ row: 0, fields: { contractId: c.fields.contractId, [WHICH_CONTRACT]: which } });

test.each(FILES)("%s: each contract sharing an ID is told apart by its own words, sorted or not", async (file) => {
  const found = findRegister(await readRegister(path.join(REAL, file)));
  const contracts = normaliseRegister(found, "dmy").rows;
  const index = contractsById(contracts);
  const shared = contracts.filter((c) => index.sameId(c).length > 1);
  expect(shared.length).toBeGreaterThan(1);
  const sorted = contractsById([...contracts].reverse().map((c, i) => ({ ...c, row: 2 + i })));
  for (const c of shared) {
    const which = index.whichContract(c) ?? "";
    expect({ row: c.row, found: index.contractsOf(record(c, which)).map((f) => f.row) }).toEqual({ row: c.row, found: [c.row] });
    if (which.startsWith("Row ")) {
      // Only a line whose every filled telling field another line of its ID repeats (case and spacing aside) is named by its row.
      const repeated = index.sameId(c).some((o) => o !== c && TELLING.every((k) => blank(c.fields[k]) || same(o.fields[k], c.fields[k])));
      expect({ row: c.row, repeated }).toEqual({ row: c.row, repeated: true });
      continue;
    }
    // After the sort: the same contract, found by its cells.
    expect({ which, found: sorted.contractsOf(record(c, which)).map((f) => f.fields) }).toEqual({ which, found: [c.fields] });
  }
});
