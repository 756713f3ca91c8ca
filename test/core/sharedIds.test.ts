import { WHICH_CONTRACT, contractsById, groupByContract, relatedByContract, rowsInWords } from "../../src/core/contractNames";
import { dateToSerial } from "../../src/core/dates";
import type { NormalisedRow, TypedValue } from "../../src/core/normalise";

// Contracts that share an ID, as registers have them: a lot split into two lines, a renewal kept
// under the old reference, a line entered twice. Records of the other tables (milestones, risks, the
// log …) name their contract by ID, and by Which contract where the ID is shared.

const day = (y: number, m: number, d: number): number => dateToSerial(y, m, d) ?? 0;
const contract = (row: number, fields: Record<string, TypedValue>): NormalisedRow => ({ row, fields });
const record = (contractId: string, whichContract?: TypedValue): NormalisedRow => ({ row: 0, fields: whichContract === undefined ? { contractId } : { contractId, [WHICH_CONTRACT]: whichContract } });

const LOT_1 = contract(12, { contractId: "C-104", title: "Cleaning – Lot 1 North", supplier: "Binco Ltd", startDate: day(2024, 4, 1) });
const LOT_2 = contract(40, { contractId: "c-104 ", title: "Cleaning – Lot 2 South", supplier: "Binco Ltd", startDate: day(2024, 4, 1) });
const OLD = contract(7, { contractId: "W-9", title: "Waste collection", supplier: "Bins Ltd", startDate: day(2019, 4, 1), endDate: day(2024, 3, 31) });
const RENEWAL = contract(8, { contractId: "W-9", title: "Waste collection", supplier: "Bins Ltd", startDate: day(2024, 4, 1), endDate: day(2029, 3, 31) });
const TWICE_A = contract(20, { contractId: "P-1", title: "Printing" });
const TWICE_B = contract(21, { contractId: "P-1", title: "Printing" });
const ALONE = contract(3, { contractId: "C-001", title: "Catering" });
const REGISTER = [ALONE, OLD, RENEWAL, LOT_1, TWICE_A, TWICE_B, LOT_2];

describe("contracts sharing an ID", () => {
  const index = contractsById(REGISTER);

  test("each is named by what first tells it apart, in words a user reads: title, else dates, else (a line entered twice) its row", () => {
    expect(REGISTER.map((c) => index.whichContract(c))).toEqual([null, "starts 1 Apr 2019", "starts 1 Apr 2024", "Cleaning – Lot 1 North", "Row 20", "Row 21", "Cleaning – Lot 2 South"]);
    expect(index.sameId(LOT_2)).toEqual([LOT_1, LOT_2]);
    expect(index.sameId(ALONE)).toEqual([ALONE]);
  });

  test("a record naming its contract goes to that contract alone; one giving only the ID, or naming none or both, goes to each", () => {
    expect(index.contractsOf(record("C-104", "Cleaning – Lot 2 South"))).toEqual([LOT_2]);
    // case and spacing as typed by hand
    expect(index.contractsOf(record(" c-104", "  cleaning –  lot 1 north "))).toEqual([LOT_1]);
    expect(index.contractsOf(record("W-9", "starts 1 Apr 2024"))).toEqual([RENEWAL]);
    expect(index.contractsOf(record("W-9", "ends 31 Mar 2024"))).toEqual([OLD]);
    // the row, typed by hand, is read too
    expect(index.contractsOf(record("P-1", 21))).toEqual([TWICE_B]);
    expect(index.contractsOf(record("P-1", "row 20"))).toEqual([TWICE_A]);
    for (const which of [undefined, "", "Lot 3", "Binco Ltd", "Printing"]) {
      const id = which === "Printing" ? "P-1" : "C-104";
      expect({ which, of: index.contractsOf(record(id, which)) }).toEqual({ which, of: id === "P-1" ? [TWICE_A, TWICE_B] : [LOT_1, LOT_2] });
    }
  });

  test("a contract whose ID is its own gets every record with the ID, whatever its Which contract says, as before", () => {
    expect(index.contractsOf(record("c-001", "Lot 2"))).toEqual([ALONE]);
    expect(index.contractsOf(record("C-999"))).toEqual([]);
    expect(index.contractsOf(record(""))).toEqual([]);
    const rows = [record("C-001"), record("c-001 ", "anything"), record("C-104")];
    expect(relatedByContract(REGISTER, rows).get(ALONE)).toEqual(groupByContract(rows).get("c-001"));
  });

  test("what each is named by finds it again, and only it, however the table is sorted (every name but a row travels with the contract)", () => {
    const written = REGISTER.map((c) => ({ c, which: index.whichContract(c) }));
    // Sorted in reverse: every contract on another row.
    const sorted = [...REGISTER].reverse().map((c, i) => contract(2 + i, c.fields));
    const after = contractsById(sorted);
    for (const { c, which } of written) {
      if (which === null || which.startsWith("Row ")) continue;
      const found = after.contractsOf(record(String(c.fields.contractId), which));
      expect({ which, found: found.map((f) => f.fields) }).toEqual({ which, found: [c.fields] });
    }
  });

  test("a name that another contract of the ID answers to in some other field is not used", () => {
    const a = contract(2, { contractId: "X", title: "Acme Ltd", supplier: "Zed plc" });
    const b = contract(3, { contractId: "X", title: "Cleaning", supplier: "Acme Ltd" });
    const both = contractsById([a, b]);
    // "Acme Ltd" is a's title but b's supplier: a is named by its supplier instead, b by its title.
    expect([both.whichContract(a), both.whichContract(b)]).toEqual(["Zed plc", "Cleaning"]);
    expect(both.contractsOf(record("X", "Acme Ltd"))).toEqual([a, b]);
    expect(both.contractsOf(record("X", "Zed plc"))).toEqual([a]);
  });

  test("where no one field tells three lines apart, two together do; an amount is said as a register shows it", () => {
    const a = contract(2, { contractId: "T", supplier: "Hortico Inc", totalValue: 158920 });
    const b = contract(3, { contractId: "T", supplier: "Hortico Inc", totalValue: 225192.5 });
    const c = contract(4, { contractId: "T", supplier: "Dutchmaster", totalValue: 158920 });
    const three = contractsById([a, b, c]);
    expect([a, b, c].map((x) => three.whichContract(x))).toEqual(["Hortico Inc, value 158,920", "value 225,192.5", "Dutchmaster"]);
    expect(three.contractsOf(record("T", "hortico inc,  value 158,920"))).toEqual([a]);
  });

  test("relatedByContract lists a record under its own contract, and one that cannot say under each", () => {
    const rows = [record("C-104", "Cleaning – Lot 2 South"), record("C-104"), record("C-001"), record("W-9", "starts 1 Apr 2019")];
    const by = relatedByContract(REGISTER, rows);
    expect(by.get(LOT_1)).toEqual([rows[1]]);
    expect(by.get(LOT_2)).toEqual([rows[0], rows[1]]);
    expect(by.get(ALONE)).toEqual([rows[2]]);
    expect(by.get(OLD)).toEqual([rows[3]]);
    expect(by.has(RENEWAL)).toBe(false);
  });

  test("rows in words", () => {
    expect([rowsInWords([12]), rowsInWords([12, 40]), rowsInWords([12, 40, 77])]).toEqual(["12", "12 and 40", "12, 40 and 77"]);
  });
});
