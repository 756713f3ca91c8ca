import { HIGHEST_TEXT_SERIAL, LOWEST_TEXT_SERIAL, columnDateOrder, serialsAreDates, textSerial } from "../../src/core/dateColumns";

describe("serialsAreDates: whole numbers written as text are serials only in a column of dates", () => {
  test.each([
    [["45747", "45748", ""]],
    [["45747", "31/03/2025", null, "  "]],
    [["45747", "2025-03-31", "31 March 2025", "20250331"]],
    [[45747, "45748", new Date(Date.UTC(2025, 2, 31))]],
    [[String(LOWEST_TEXT_SERIAL), String(HIGHEST_TEXT_SERIAL)]],
    [[]],
  ])("%p: dates", (values) => {
    expect(serialsAreDates(values, "dmy")).toBe(true);
  });
  test.each([
    [["45747", "TBC"], "a word"],
    [["2024", "2025"], "years"],
    [["45747", "12"], "a small count"],
    [["45747", "45747.5"], "a decimal"],
    [["45747", "1,200"], "an amount"],
    [["45747", "£45,747"], "money"],
    [["45747", "2958466"], "past 31/12/9999"],
    [["45747", "-45747"], "a negative number"],
    [["45747", "03/31/2025"], "a date in the other order"],
    [["45747", true], "a boolean"],
    [["000123", "000124"], "IDs with leading zeros below the range"],
  ])("%p: not dates (%s)", (values) => {
    expect(serialsAreDates(values, "dmy")).toBe(false);
  });
  test("the date order decides which text dates count", () => {
    expect(serialsAreDates(["45747", "03/31/2025"], "mdy")).toBe(true);
  });
});

test("textSerial reads whole numbers in the serial range only", () => {
  expect(["45747", " 45747 ", "9999", "10000", "2958465", "2958466", "45747.0", "4.5e4", "", "0045747"].map(textSerial)).toEqual([
    45747, 45747, null, 10000, 2958465, null, null, null, null, 45747,
  ]);
});

test("columnDateOrder: the first value that proves an order decides; spaces, dotted dates and other text prove nothing", () => {
  expect(columnDateOrder(["", "03/04/2015", " 25/03/2015", "03/25/2015"])).toBe("dmy");
  expect(columnDateOrder([45747, "Cleaning", "13.01.2015", "1/13/2015"])).toBe("mdy");
  expect(columnDateOrder(["03/04/2015", "2015-03-25", null])).toBeNull();
});
