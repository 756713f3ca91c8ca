import { setUpTracker } from "../../src/features/setUpTracker";
import { SET_UP_STEPS, SetUpProgress, watchSetUpSteps } from "../../src/taskpane/setup/setUpSteps";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

test("set-up through the watched port reports its steps in order, forward only, and does the same work", async () => {
  const rows = [["Ref", "Supplier", "End date", "Notice"], ["C-1", "Acme", 46500, "3 months"]];
  const watched = MemoryWorkbook.fromSheets({ Register: rows });
  const plain = MemoryWorkbook.fromSheets({ Register: rows });
  const steps: SetUpProgress[] = [];
  await setUpTracker(watchSetUpSteps(watched, (p) => steps.push(p)), { asOf: 46000, createTables: ["Milestones"] });
  await setUpTracker(plain, { asOf: 46000, createTables: ["Milestones"] });
  expect(steps.map((s) => s.step)).toEqual(SET_UP_STEPS);
  expect(steps.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(watched.snapshot("Contracts")).toEqual(plain.snapshot("Contracts"));
  expect([...watched.tables.keys()]).toEqual([...plain.tables.keys()]);
});

test("properties and methods the steps do not know pass straight through", async () => {
  const book = MemoryWorkbook.fromSheets({ Register: [["Ref"]] });
  const watched = watchSetUpSteps(book, () => undefined) as MemoryWorkbook;
  expect(watched.sheets).toBe(book.sheets);
  expect(await watched.sheetNames()).toEqual(["Register"]);
});
