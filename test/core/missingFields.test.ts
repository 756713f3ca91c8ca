import fc from "fast-check";
import { contractKey, contractName, groupByContract } from "../../src/core/contractNames";
import { escalationSummary } from "../../src/core/escalationSummary";
import { FieldColumns, normaliseTable } from "../../src/core/normalise";
import { CONTRACTS } from "../../src/core/schema";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { renderHtml, renderMarkdown, renderText } from "../../src/core/summaryRender";

// A field the register does not have, or a cell that is blank, is never written into a message as
// `undefined`, `null` or `NaN`: not in the data-quality list, not in the summary. Registers of any
// shape are made at random: any subset of the fields mapped (Contract ID often not), columns past
// the end of short rows, and cells of every kind, blanks included.

const AS_OF = 46000;
const WORDS_OF_ABSENCE = /\bundefined\b|\bnull\b|\bNaN\b|\[object /;

const cell = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(""),
  fc.constant("   "),
  fc.constantFrom("C-1", "c-1 ", "C-2", "Acme Ltd", "n/k", "TBC", "31/03/2026", "2026-13-45", "£1,200", "(300)", "3 months", "1+1", "Gold", "Closed", "01/01/1900"),
  fc.integer({ min: -5, max: 80000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.boolean(),
);

const register = fc.record({
  // Which fields are mapped, to which column (some beyond the row's end).
  mapped: fc.subarray(CONTRACTS.fields.map((f) => f.key)),
  width: fc.integer({ min: 1, max: 8 }),
  rows: fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
});

function columnsOf(mapped: readonly string[], width: number): FieldColumns {
  // Each mapped field on a column of its own, the last ones past the width of the rows.
  return Object.fromEntries(mapped.map((key, index) => [key, { column: `Column ${index + 1}`, index: index < width ? index : width + index }]));
}

test("no data-quality message, column or value says undefined, null or NaN, whatever the register lacks", () => {
  fc.assert(
    fc.property(register, ({ mapped, width, rows }) => {
      const result = normaliseTable(rows, CONTRACTS, columnsOf(mapped, width), { dateOrder: "dmy", firstRow: 2 });
      for (const issue of result.issues) {
        expect(`${issue.message} | ${issue.column} | ${issue.value}`).not.toMatch(WORDS_OF_ABSENCE);
      }
    }),
    { numRuns: 300 },
  );
});

test("a register with no Contract ID column has no duplicate IDs, however many rows", () => {
  const rows = [["Acme", "31/03/2026"], ["Binco", "30/06/2026"], ["Acme", ""]];
  const columns = { supplier: { column: "Supplier", index: 0 }, endDate: { column: "End", index: 1 } };
  const result = normaliseTable(rows, CONTRACTS, columns, { dateOrder: "dmy", firstRow: 5 });
  expect(result.issues.map((i) => i.problem)).toEqual(["missing-end-date"]);
});

test("the summary names every contract, by its ID or its row, and says no undefined, null or NaN in any format", () => {
  fc.assert(
    fc.property(register, ({ mapped, width, rows }) => {
      const table = normaliseTable(rows, CONTRACTS, columnsOf(mapped, width), { dateOrder: "dmy", firstRow: 2 });
      const summary = escalationSummary({ contracts: table.rows }, DEFAULT_SETTINGS, AS_OF);
      for (const c of summary.contracts) {
        expect(c.id).not.toBe("");
        if (!mapped.includes("contractId")) expect(c.id).toBe(`Row ${c.row}`);
      }
      for (const rendered of [renderText(summary), renderMarkdown(summary), renderHtml(summary)]) expect(rendered).not.toMatch(WORDS_OF_ABSENCE);
    }),
    { numRuns: 300 },
  );
});

describe("a contract's name and key: one rule", () => {
  test("its ID as written, trimmed; else its sheet row", () => {
    expect(contractName({ row: 14, fields: { contractId: " C-001 " } })).toBe("C-001");
    expect(contractName({ row: 14, fields: { contractId: 1042 } })).toBe("1042");
    for (const blank of [null, "", "   "]) expect(contractName({ row: 14, fields: { contractId: blank } })).toBe("Row 14");
    expect(contractName({ row: 14, fields: {} })).toBe("Row 14");
  });

  test("rows of other tables belong to the contract their Contract ID names, case and spaces ignored, Row N included", () => {
    const milestones = [
      { row: 2, fields: { contractId: "c-001 ", milestone: "Go-live" } },
      { row: 3, fields: { contractId: "ROW 14", milestone: "Handover" } },
      { row: 4, fields: { contractId: null, milestone: "Orphan" } },
    ];
    const groups = groupByContract(milestones);
    expect(groups.get(contractKey({ row: 9, fields: { contractId: "C-001" } }))?.map((m) => m.fields.milestone)).toEqual(["Go-live"]);
    expect(groups.get(contractKey({ row: 14, fields: {} }))?.map((m) => m.fields.milestone)).toEqual(["Handover"]);
    expect([...groups.keys()]).toEqual(["c-001", "row 14"]);
  });
});
