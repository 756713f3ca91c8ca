// Excel number formats: which built-in id means which format code, and what a code shows — a
// calendar date, a time of day, an elapsed time, or a number. A cell's number format is how Excel
// tells a date (a serial formatted as a date) from an amount (the same serial formatted as money).

/** What a number format shows. */
export type NumberFormatKind = "general" | "date" | "time" | "elapsed" | "text" | "number";

// ECMA-376 Part 1, 18.8.30: the formats every workbook has without declaring them.
const FIXED: Readonly<Record<number, string>> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
  // Not fixed by the standard: they follow the reader's locale (currency symbol, accounting layout).
  // Written here as the locale-neutral layout Excel shows them in, without a currency symbol.
  5: "#,##0_);(#,##0)", 6: "#,##0_);[Red](#,##0)", 7: "#,##0.00_);(#,##0.00)", 8: "#,##0.00_);[Red](#,##0.00)",
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', 42: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)', 44: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
};
// Ids 27–36 and 50–58 are East Asian dates whose codes depend on the reader's locale (era years,
// 年/月/日); 32 and 33 are times of day in every such locale (h"時"mm"分"). An ISO date code stands in.
const EAST_ASIAN_TIMES: Readonly<Record<number, string>> = { 32: "h:mm", 33: "h:mm:ss" };
const isEastAsianDate = (id: number): boolean => (id >= 27 && id <= 36) || (id >= 50 && id <= 58);

/**
 * The format code of a built-in number format id (ECMA-376 18.8.30), or undefined for an id that
 * is not built in (a workbook's own formats start at 164).
 * @example builtInFormat(14) → "mm-dd-yy"; builtInFormat(4) → "#,##0.00"; builtInFormat(164) → undefined
 */
export function builtInFormat(id: number): string | undefined {
  if (FIXED[id] !== undefined) return FIXED[id];
  if (EAST_ASIAN_TIMES[id] !== undefined) return EAST_ASIAN_TIMES[id];
  return isEastAsianDate(id) ? "yyyy-mm-dd" : undefined;
}

// Parts of a code that never show a date or time: quoted text, escaped and padding characters,
// AM/PM markers, and bracketed colours, conditions and locales ([Red], [>=100], [$€-x-euro]).
const LITERALS = /"[^"]*"|\\.|[_*]./g;
const AM_PM = /am\/pm|a\/p/gi;
const BRACKETS = /\[[^\]]*\]/g;
const ELAPSED = /\[(?:h+|m+|s+)\]/i;

/**
 * What a number format code shows, judged from its first section (the one positive numbers use):
 * `date` when it has day, month or year tokens (`dd/mm/yyyy`, `mmm-yy`, `d-mmm-yy h:mm`), `time`
 * for a time of day only (`h:mm`), `elapsed` for durations (`[h]:mm:ss`), `text` for `@`, `general`
 * for General, `number` otherwise (`#,##0.00`, `"£"#,##0`, `0%`). `m` is minutes next to `h` or
 * `s`, else a month.
 * @example formatKind("dd/mm/yyyy") → "date"; formatKind('[$£-809]#,##0.00') → "number"; formatKind("[h]:mm") → "elapsed"
 */
export function formatKind(code: string): NumberFormatKind {
  const section = firstSection(code);
  if (/^\s*general\s*$/i.test(section)) return "general";
  const bare = section.replace(LITERALS, "");
  if (ELAPSED.test(bare)) return "elapsed";
  const tokens = bare.replace(BRACKETS, "").replace(AM_PM, "").toLowerCase();
  if (/[dy]/.test(tokens)) return "date";
  const hasTime = /[hs]/.test(tokens);
  if (tokens.includes("m") && !hasTime) return "date";
  if (hasTime) return "time";
  if (tokens.includes("@")) return "text";
  return "number";
}

/**
 * Whether a cell with this number format shows a calendar date (so its number is a serial).
 * @example isDateFormat("d-mmm-yy") → true; isDateFormat("#,##0") → false; isDateFormat("h:mm") → false
 */
export function isDateFormat(code: string): boolean {
  return formatKind(code) === "date";
}

function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\\" && !quoted) i++;
    else if (ch === ";" && !quoted) return code.slice(0, i);
  }
  return code;
}
