import * as path from "path";
import { readRegister } from "../../src/cli/readRegister";
import { findRegister, normaliseRegister } from "../../src/cli/register";
import { contractStatus } from "../../src/core/contractStatus";
import { dateToSerial } from "../../src/core/dates";
import { escalationSummary } from "../../src/core/escalationSummary";
import { DECISIONS_WITHIN_DAYS } from "../../src/core/summaryTypes";
import type { NormalisedRow } from "../../src/core/normalise";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { REAL } from "../helpers/registerTruth";

// Decide-by dates on the shared registers with end dates, as published (no tier, no notice period:
// the default lead time) and with every contract made Gold, as a user who tiers their register would.
const REGISTERS = ["act-gov-contracts/act_contracts_2025.csv", "uk-ocds-cf-pcs-s2w-2025/uk_ocds_releases_flat.csv", "uk-contractsfinder-xlsx/sample_data_of_contract_finder_uk.xlsx"];
const AS_OF = dateToSerial(2025, 6, 30) ?? NaN;
const NONE = { slippage: null, kpiAttainment: null };

async function contracts(file: string): Promise<NormalisedRow[]> {
  return normaliseRegister(findRegister(await readRegister(path.join(REAL, file))), "dmy").rows;
}

const withTier = (rows: readonly NormalisedRow[], tier: string): NormalisedRow[] => rows.map((c) => ({ ...c, fields: { ...c.fields, tier } }));

describe.each(REGISTERS)("%s", (file) => {
  let rows: NormalisedRow[];
  beforeAll(async () => {
    rows = await contracts(file);
  });

  test("each contract with a real end date decides its lead time before it: 180 days untiered, 540 as Gold; none without one", () => {
    let dated = 0;
    for (const c of rows) {
      expect(c.fields.noticePeriod ?? null).toBeNull();
      const plain = contractStatus(c.fields, NONE, DEFAULT_SETTINGS, AS_OF);
      const gold = contractStatus({ ...c.fields, tier: "Gold" }, NONE, DEFAULT_SETTINGS, AS_OF);
      const end = plain.daysToExpiry === null ? null : plain.daysToExpiry + AS_OF;
      if (end === null) {
        expect([plain.decideBy, gold.decideBy]).toEqual([null, null]);
        continue;
      }
      dated++;
      expect([plain.decideBy, plain.daysToDecide, gold.decideBy]).toEqual([end - 180, end - 180 - AS_OF, end - 540]);
    }
    expect(dated).toBeGreaterThan(100);
  });

  test("untiered, a passed decide-by date adds no Amber beyond the expiry's own: the default lead time is the amber window", () => {
    const summary = escalationSummary({ contracts: rows }, DEFAULT_SETTINGS, AS_OF);
    const without = escalationSummary({ contracts: rows }, { ...DEFAULT_SETTINGS, leadTimeDefaultDays: 0 }, AS_OF);
    expect(summary.counts).toEqual(without.counts);
  });

  test("made Gold, every live contract ending in 181 to 539 days turns Amber, and the decisions of the next 90 days are listed soonest first", () => {
    const gold = withTier(rows, "Gold");
    const summary = escalationSummary({ contracts: gold }, DEFAULT_SETTINGS, AS_OF);
    const untiered = escalationSummary({ contracts: rows }, DEFAULT_SETTINGS, AS_OF);
    const between = gold.map((c) => contractStatus(c.fields, NONE, DEFAULT_SETTINGS, AS_OF)).filter((s) => s.daysToExpiry !== null && s.daysToExpiry > 180 && s.daysToExpiry < 540);
    expect(between.length).toBeGreaterThan(0);
    expect(between.filter((s) => s.rag === "Green")).toEqual([]);
    const greenToAmber = untiered.counts.green - summary.counts.green;
    expect(summary.counts.amber - untiered.counts.amber).toBe(greenToAmber);
    expect(greenToAmber).toBeGreaterThan(0);
    expect(greenToAmber).toBeLessThanOrEqual(between.length);
    const coming = summary.decisionsComing;
    expect(coming.length).toBeGreaterThan(0);
    for (const d of coming) {
      expect(d.daysToDecide).toBeGreaterThanOrEqual(0);
      expect(d.daysToDecide).toBeLessThanOrEqual(DECISIONS_WITHIN_DAYS);
      expect(d.decideBy).toBe(AS_OF + d.daysToDecide);
      expect(d.tier).toBe("Gold");
    }
    expect(coming.map((d) => d.decideBy)).toEqual([...coming.map((d) => d.decideBy)].sort((a, b) => a - b));
    // Each passed one is said in words among its contract's reasons.
    const passed = summary.contracts.filter((c) => c.daysToDecide !== null && c.daysToDecide < 0 && c.daysToExpiry !== null && c.daysToExpiry >= 0 && c.rag !== null);
    expect(passed.length).toBeGreaterThan(0);
    for (const c of passed) expect(c.reasons.some((r) => /^Decide by \d{1,2} \w+ \d{4} passed \d+ days? ago/.test(r))).toBe(true);
  });
});
