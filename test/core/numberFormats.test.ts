import { builtInFormat, formatKind, isDateFormat } from "../../src/core/numberFormats";

describe("built-in number formats (ECMA-376 18.8.30)", () => {
  test.each([[0, "General"], [4, "#,##0.00"], [14, "mm-dd-yy"], [22, "m/d/yy h:mm"], [46, "[h]:mm:ss"], [49, "@"], [164, undefined], [23, undefined]])("id %p is %p", (id, code) => {
    expect(builtInFormat(id)).toBe(code);
  });
  test("the built-in ids that show a date are exactly 14–17, 22, 27–31, 34–36 and 50–58", () => {
    const dates = Array.from({ length: 164 }, (_, id) => id).filter((id) => {
      const code = builtInFormat(id);
      return code !== undefined && isDateFormat(code);
    });
    expect(dates).toEqual([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
  });
  test("ids 18–21, 32, 33, 45 and 47 are times of day, 46 an elapsed time", () => {
    expect([18, 19, 20, 21, 32, 33, 45, 47].map((id) => formatKind(builtInFormat(id) ?? ""))).toEqual(Array(8).fill("time"));
    expect(formatKind(builtInFormat(46) ?? "")).toBe("elapsed");
  });
});

describe("formatKind of a workbook's own format codes", () => {
  test.each([
    ["dd/mm/yyyy", "date"], ["d-mmm-yy", "date"], ["mmmm yyyy", "date"], ["mmm", "date"], ["yyyy-mm-dd hh:mm:ss", "date"],
    ["[$-809]dd mmmm yyyy;@", "date"], ["[$-F800]dddd, mmmm dd, yyyy", "date"], ['d"th of "mmmm', "date"], ["DD/MM/YYYY", "date"],
    ["h:mm", "time"], ["hh:mm:ss AM/PM", "time"], ["mm:ss.0", "time"], ["h:mm A/P", "time"],
    ["[h]:mm", "elapsed"], ["[mm]:ss", "elapsed"], ["[ss].00", "elapsed"],
    ["General", "general"], ["@", "text"],
    ['"£"#,##0.00', "number"], ["[$€-1809]#,##0.00;[Red]-[$€-1809]#,##0.00", "number"], ["0%", "number"], ["0.00E+00", "number"],
    ['0 "days"', "number"], ["#,##0\\ \\d\\a\\y\\s", "number"], ["_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-", "number"],
    ["[Red][<=100]0;[Blue]0", "number"], ['"£"General', "number"],
    ["#,##0;dd/mm/yyyy", "number"], ['"Date: "dd/mm/yy;"x"', "date"],
  ])("%s is %s", (code, kind) => {
    expect(formatKind(code)).toBe(kind);
  });
});
