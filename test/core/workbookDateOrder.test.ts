import { dateOrdersFor } from "../../src/core/normalise";
import { CONTRACTS } from "../../src/core/schema";
import { workbookDateOrder } from "../../src/core/workbookDateOrder";

const columns = {
  contractId: { column: "Ref", index: 0 },
  startDate: { column: "Start", index: 1 },
  endDate: { column: "End", index: 2 },
};
const order = (rows: unknown[][], fallback: "dmy" | "mdy" = "dmy"): string => workbookDateOrder(rows, columns, CONTRACTS.fields, fallback);

test("a value only one order can read decides it, in any date column, whatever the fallback", () => {
  // Every day 13–31 with every month, month-first and day-first, in the end or the start column.
  for (let day = 13; day <= 31; day++) {
    for (let month = 1; month <= 12; month++) {
      expect(order([["C1", "", `${month}/${day}/2026`]], "dmy")).toBe("mdy");
      expect(order([["C1", `${month}/${day}/2026`, ""]], "dmy")).toBe("mdy");
      expect(order([["C1", "", `${day}/${month}/2026`]], "mdy")).toBe("dmy");
      expect(order([["C1", `${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}-2026`, ""]], "mdy")).toBe("dmy");
    }
  }
});

test("with nothing to go on the fallback decides: ambiguous slash dates, ISO text, serials, blanks", () => {
  const silent = [
    ["C1", "1/2/2026", "12/11/2026"],
    ["C2", "2026-01-13", 46035],
    ["C3", null, ""],
    ["C4", "31 January 2026", "Jan 13 2026"],
  ];
  expect(order(silent, "dmy")).toBe("dmy");
  expect(order(silent, "mdy")).toBe("mdy");
  expect(order([], "mdy")).toBe("mdy");
});

test("only date columns count: 13/01 in an ID or a title proves nothing", () => {
  expect(order([["13/01/2026", "1/2/2026", "1/3/2026"]], "mdy")).toBe("mdy");
  expect(workbookDateOrder([["13/01/2026", "1/13/2026"]], { title: { column: "Title", index: 0 } }, CONTRACTS.fields, "mdy")).toBe("mdy");
});

test("columns that disagree: the order more dates need; a tie is the fallback's", () => {
  const mixed = [
    ["C1", "25/03/2020", "1/13/2026"],
    ["C2", "26/03/2020", "1/14/2026"],
    ["C3", "27/03/2020", "1/2/2026"],
  ];
  expect(order(mixed, "mdy")).toBe("dmy");
  expect(order([...mixed, ["C4", "", "2/13/2026"], ["C5", "", "3/13/2026"]], "dmy")).toBe("mdy");
  expect(order([["C1", "25/03/2020", "1/13/2026"]], "mdy")).toBe("mdy");
  expect(order([["C1", "25/03/2020", "1/13/2026"]], "dmy")).toBe("dmy");
});

test("wherever the register's columns agree, it is the order check reads each of them in", () => {
  const registers = [
    [["C1", "3/4/2020", "1/13/2026"], ["C2", "", "1/2/2026"]],
    [["C1", "13/4/2020", ""], ["C2", "1/2/2020", "5/6/2026"]],
    [["C1", "1/2/2020", "3/4/2026"]],
  ];
  for (const rows of registers) {
    for (const fallback of ["dmy", "mdy"] as const) {
      const perColumn = Object.values(dateOrdersFor(rows, columns, CONTRACTS.fields, fallback));
      expect(new Set(perColumn)).toEqual(new Set([order(rows, fallback)]));
    }
  }
});
