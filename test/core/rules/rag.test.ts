import { RagInputs, contractRag, contractRagReason, parseRag, ragComponents, ragConcerns, ragReason, ragStatus, worstOf } from "../../../src/core/rules/rag";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";

const none: RagInputs = { daysToExpiry: null, slippageDays: null, kpiAttainment: null, spendVariance: null };
const s = DEFAULT_SETTINGS;

describe("ragStatus: each component at the edges of PRODUCT.md's default rules", () => {
  test.each([
    [{ daysToExpiry: 181 }, "Green"], [{ daysToExpiry: 180 }, "Amber"], [{ daysToExpiry: 91 }, "Amber"],
    [{ daysToExpiry: 90 }, "Red"], [{ daysToExpiry: 0 }, "Red"], [{ daysToExpiry: -1 }, "Red"],
    [{ slippageDays: -10 }, "Green"], [{ slippageDays: 0 }, "Green"], [{ slippageDays: 1 }, "Amber"],
    [{ slippageDays: 30 }, "Amber"], [{ slippageDays: 31 }, "Red"],
    [{ kpiAttainment: 1.2 }, "Green"], [{ kpiAttainment: 1 }, "Green"], [{ kpiAttainment: 0.999 }, "Amber"],
    [{ kpiAttainment: 0.95 }, "Amber"], [{ kpiAttainment: 0.9499 }, "Red"],
    [{ spendVariance: -0.2 }, "Green"], [{ spendVariance: 0 }, "Green"], [{ spendVariance: 0.0001 }, "Amber"],
    [{ spendVariance: 0.05 }, "Amber"], [{ spendVariance: 0.0501 }, "Red"],
  ])("%j → %s", (given, expected) => {
    expect(ragStatus({ ...none, ...given }, s)).toBe(expected);
  });

  test("the worst component wins; nothing known is blank", () => {
    expect(ragStatus({ daysToExpiry: 400, slippageDays: 5, kpiAttainment: 1, spendVariance: 0 }, s)).toBe("Amber");
    expect(ragStatus({ daysToExpiry: 400, slippageDays: 5, kpiAttainment: 0.5, spendVariance: 0 }, s)).toBe("Red");
    expect(ragStatus(none, s)).toBeNull();
  });

  test("thresholds from the workbook move the edges", () => {
    expect(ragStatus({ ...none, daysToExpiry: 70 }, { ...s, expiryRedDays: 60 })).toBe("Amber");
  });
});

describe("ragReason", () => {
  test("PRODUCT.md's example", () => {
    expect(ragReason({ ...none, daysToExpiry: 45, slippageDays: 12 }, s)).toBe("Expires in 45 days (red at 90 or fewer); milestone 12 days late");
  });
  test("drivers carry their rule; green components are left out when the status is not green", () => {
    expect(ragReason({ daysToExpiry: 400, slippageDays: 12, kpiAttainment: 0.97, spendVariance: -0.1 }, s)).toBe(
      "Milestone 12 days late (amber above 0 days); KPI attainment 97% (amber below 100%)",
    );
    expect(ragReason({ ...none, daysToExpiry: -3, spendVariance: 0.075 }, s)).toBe("Expired 3 days ago; spend 7.5% over budget (red above 5%)");
    expect(ragReason({ ...none, daysToExpiry: 1 }, s)).toBe("Expires in 1 day (red at 90 or fewer)");
    expect(ragReason({ ...none, daysToExpiry: 0 }, s)).toBe("Expires today (red at 90 or fewer)");
  });
  test("all green says it is on track and why", () => {
    expect(ragReason({ daysToExpiry: 400, slippageDays: -2, kpiAttainment: 1, spendVariance: 0 }, s)).toBe(
      "On track: expires in 400 days; milestone 2 days early; KPI attainment 100%; spend on budget",
    );
  });
  test("nothing known is blank", () => {
    expect(ragReason(none, s)).toBe("");
  });
});

test("worstOf and parseRag", () => {
  expect(worstOf([])).toBeNull();
  expect(worstOf(["Green", "Green"])).toBe("Green");
  expect(worstOf(["Green", "Amber", "Green"])).toBe("Amber");
  expect(worstOf(["Amber", "Red", "Green"])).toBe("Red");
  expect(["red", " AMBER ", "g", "Yellow", "purple", ""].map(parseRag)).toEqual(["Red", "Amber", "Green", "Amber", null, null]);
});

describe("contractRag: an unknown end date is never an all-clear", () => {
  const s = DEFAULT_SETTINGS;
  const none: RagInputs = { daysToExpiry: null, slippageDays: null, kpiAttainment: null, spendVariance: null };
  test.each([
    [{}, null],
    [{ slippageDays: 0, kpiAttainment: 1, spendVariance: 0 }, null],
    [{ slippageDays: 12 }, "Amber"],
    [{ kpiAttainment: 0.5 }, "Red"],
    [{ daysToExpiry: 400 }, "Green"],
    [{ daysToExpiry: 400, slippageDays: 0 }, "Green"],
  ] as const)("%o → %s", (given, expected) => {
    expect(contractRag({ ...none, ...given }, s)).toBe(expected);
  });

  test("the reason starts from why the end date is not known", () => {
    expect(contractRagReason({ ...none, slippageDays: 0 }, s, "No real end date: 31/12/2099 is a stand-in")).toBe("Unrated: no real end date: 31/12/2099 is a stand-in; milestone on time");
    expect(contractRagReason(none, s)).toBe("Unrated: no end date");
    expect(contractRagReason({ ...none, slippageDays: 12 }, s)).toBe("Milestone 12 days late (amber above 0 days); no end date");
    expect(contractRagReason({ ...none, daysToExpiry: 45 }, s)).toBe("Expires in 45 days (red at 90 or fewer)");
  });
});

describe("ragConcerns: what the summary explains is what RAGREASON says, without its words", () => {
  // Every combination of each component's edges, with and without a passed decide-by date.
  const expiry = [null, -5, 0, 45, 90, 91, 180, 181, 400];
  const slippage = [null, -3, 0, 1, 30, 31];
  const kpi = [null, 0.7, 0.9499, 0.95, 1];
  const spend = [null, -0.1, 0, 0.05, 0.2];
  const decide: [number | null, number | null][] = [[null, null], [5, 40], [-21, 40], [-21, 0]];
  const cases: RagInputs[] = [];
  for (const daysToExpiry of expiry)
    for (const slippageDays of slippage)
      for (const kpiAttainment of kpi)
        for (const spendVariance of spend)
          for (const [daysToDecide, daysToNotice] of decide) cases.push({ daysToExpiry, slippageDays, kpiAttainment, spendVariance, daysToDecide, daysToNotice });

  it("lists exactly the Red and Amber components of ragComponents, in its order, with the same rules", () => {
    for (const inputs of cases) {
      const expected = ragComponents(inputs, s)
        .filter((c) => c.status !== "Green")
        .map((c) => ({ status: c.status, rule: c.rule }));
      expect({ inputs, concerns: ragConcerns(inputs, s).map((c) => ({ status: c.status, rule: c.rule })) }).toEqual({ inputs, concerns: expected });
    }
    expect(cases.length).toBe(9 * 6 * 5 * 5 * 4);
  });

  it("names each concern's part of RAG, so the summary can say it with the figures", () => {
    const concerns = ragConcerns({ daysToExpiry: 45, slippageDays: 40, kpiAttainment: 0.9, spendVariance: 0.2, daysToDecide: -21, daysToNotice: 0 }, s);
    expect(concerns.map((c) => [c.kind, c.status, c.rule])).toEqual([
      ["expiry", "Red", "red at 90 or fewer"],
      ["milestone", "Red", "red above 30 days"],
      ["KPI", "Red", "red below 95%"],
      ["spend", "Red", "red above 5%"],
      ["decide-by", "Red", "red from the notice date"],
    ]);
  });
});
