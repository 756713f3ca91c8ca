import { blockAddress, columnLetters } from "../../src/core/cellRefs";

test.each([
  [0, "A"],
  [25, "Z"],
  [26, "AA"],
  [27, "AB"],
  [701, "ZZ"],
  [702, "AAA"],
  [16383, "XFD"],
])("column %i is %s", (index, letters) => {
  expect(columnLetters(index)).toBe(letters);
});

test("a block's A1 address", () => {
  expect(blockAddress(2, 0, 100_001, 20)).toBe("A3:T100003");
  expect(blockAddress(0, 26, 1, 1)).toBe("AA1:AA1");
});
