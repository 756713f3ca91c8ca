import { dateToSerial } from "../../src/core/dates";
import { escalationSummary } from "../../src/core/escalationSummary";
import { normaliseTable } from "../../src/core/normalise";
import { CONTRACTS } from "../../src/core/schema";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

// A tier the tracker cannot read is never taken for no tier in silence. The cell functions say
// #VALUE! (test/functions/formulas.txt); the engine, which must still rank the contract, ranks it by
// its status alone, gives it no decide-by date (as the Decide by column shows none) and lists the
// tier as a data-quality problem in the functions' own words, so `check`, the summary's data-quality
// line and set-up say it (test/cli/unrecognisedTier.test.ts).

const AS_OF = dateToSerial(2026, 11, 25) ?? 0;
const COLUMNS = { contractId: { column: "Ref", index: 0 }, tier: { column: "Tier", index: 1 }, endDate: { column: "Expiry", index: 2 } };
const register = (tiers: readonly unknown[]): unknown[][] => tiers.map((tier, i) => [`C-${i + 1}`, tier, "15/01/2027"]);

test("every tier that is not Gold, Silver, Bronze or blank is a data-quality problem naming the tiers accepted; the value is kept", () => {
  const tiers = ["Gold", " silver ", "BRONZE", "", "   ", null, "Gld", "Tier 1", 1, "Platinum", "Gold/Silver"];
  const result = normaliseTable(register(tiers), CONTRACTS, COLUMNS, { dateOrder: "dmy", firstRow: 2 });
  expect(result.issues.filter((i) => i.problem === "unrecognised-tier").map((i) => [i.row, i.column, i.value, i.message])).toEqual([
    [8, "Tier", "Gld", 'Tier "Gld" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier'],
    [9, "Tier", "Tier 1", 'Tier "Tier 1" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier'],
    [10, "Tier", "1", "Tier 1 not recognised: use Gold, Silver or Bronze, or leave it blank for no tier"],
    [11, "Tier", "Platinum", 'Tier "Platinum" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier'],
    [12, "Tier", "Gold/Silver", 'Tier "Gold/Silver" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier'],
  ]);
  expect(result.rows[6].fields.tier).toBe("Gld");
});

test("the summary ranks a contract whose tier it cannot read by its status alone, with no decide-by date", () => {
  const { rows } = normaliseTable(register(["Gold", "Gld", ""]), CONTRACTS, COLUMNS, { dateOrder: "dmy", firstRow: 2 });
  const summary = escalationSummary({ contracts: rows }, DEFAULT_SETTINGS, AS_OF);
  // Each ends in 51 days: Red. Gold goes to the board; "Gld" is not read as Gold, nor given a lead time it may not have.
  expect(summary.contracts.map((c) => [c.id, c.rag, c.level, c.decideBy === null])).toEqual([
    ["C-1", "Red", 3, false],
    ["C-2", "Red", 2, true],
    ["C-3", "Red", 2, false],
  ]);
});

test("an escalated contract whose tier cannot be read says so among its reasons, in the functions' words", () => {
  const { rows } = normaliseTable(register(["Gld", 1, "Gold"]), CONTRACTS, COLUMNS, { dateOrder: "dmy", firstRow: 2 });
  const summary = escalationSummary({ contracts: rows }, DEFAULT_SETTINGS, AS_OF);
  const reasons = new Map(summary.contracts.map((c) => [c.id, c.reasons]));
  expect(reasons.get("C-1")).toContain('Tier "Gld" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier');
  expect(reasons.get("C-2")).toContain('Tier "1" not recognised: use Gold, Silver or Bronze, or leave it blank for no tier');
  expect(reasons.get("C-3")?.some((r) => r.startsWith("Tier"))).toBe(false);
});
