import { escalationLevel, parseTier } from "../../../src/core/rules/escalation";

describe("escalationLevel: PRODUCT.md's ladder", () => {
  test.each([
    [{ rag: "Green", daysInStatus: 400, tier: "Gold" }, 0],
    [{ rag: "Amber", daysInStatus: 0, tier: null }, 1],
    [{ rag: "Amber", daysInStatus: 30, tier: null }, 1],
    [{ rag: "Amber", daysInStatus: 31, tier: null }, 2],
    [{ rag: "Amber", daysInStatus: 0, tier: "Gold" }, 1],
    [{ rag: "Red", daysInStatus: 0, tier: "Silver" }, 2],
    [{ rag: "Red", daysInStatus: 30, tier: "Bronze" }, 2],
    [{ rag: "Red", daysInStatus: 31, tier: null }, 3],
    [{ rag: "Red", daysInStatus: 0, tier: "Gold" }, 3],
    [{ rag: "Amber", daysInStatus: 0, tier: null, noticeDateMissed: true }, 3],
    [{ rag: "Red", daysInStatus: 0, tier: null, expiredWithoutReplacement: true }, 3],
  ] as const)("%j → level %i", (facts, level) => {
    expect(escalationLevel(facts, 30)).toBe(level);
  });
  test("escalation_persist_days moves the step-up", () => {
    expect(escalationLevel({ rag: "Amber", daysInStatus: 20, tier: null }, 14)).toBe(2);
  });
  test("tiers in any case", () => {
    expect(["gold", " Silver", "BRONZE", "platinum"].map(parseTier)).toEqual(["Gold", "Silver", "Bronze", null]);
  });
});
