import { digitsForWords } from "./numberWords";
import { Result, fail, ok } from "./result";

/** The total extension available if every option is taken. */
export interface Extension {
  months: number;
  days: number;
}

const NONE: Extension = { months: 0, days: 0 };
const HINT = 'understood forms: "1+1", "3+1+1", "2 x 12 months", "24 months", "up to 12 months", "option to extend for a further 2 years", "none"';

const UNIT = String.raw`(years?|yrs?|months?|mths?|weeks?|days?)`;
const N = String.raw`(\d+(?:\.\d+)?)`;
// Words that may stand between a count and what is counted: "2 separate one year extension options".
const ADJ = String.raw`(?:(?:further|additional|optional|separate|individual|single|annual|possible|potential|extension|x|×)[\s,]+)*`;
const KEYWORD = String.raw`\b(?:extend(?:ed|able)?|extensions?)\b`;

const MULTIPLIED = [
  // 2 x 12 months · 7 × 12 month extensions
  new RegExp(String.raw`${N}\s*(?:x|×|\*)\s*${N}[\s-]*${UNIT}`, "i"),
  // 2 periods of 12 months · 2 further periods, each of 12 months · 2 options to extend for 12 month periods
  new RegExp(String.raw`${N}\s+${ADJ}(?:periods?|extensions?|options?|increments?)(?:\s+to\s+extend)?[\s,]+(?:each\s+)?(?:of|for|by)\s+(?:up\s+to\s+)?${N}[\s-]*${UNIT}`, "i"),
  // 2 one-year extension options · 4 individual 1 year periods · 2 6 months extensions
  new RegExp(String.raw`${N}\s+${ADJ}${N}[\s-]*${UNIT}[\s-]+(?:extensions?|periods?|options?|increments?|terms?)`, "i"),
];
// from 36 to 48 months
const FROM_TO = new RegExp(String.raw`\bfrom\s+${N}\s*(?:years?|months?)?\s+to\s+${N}[\s-]*${UNIT}`, "i");
// extend … up to 36 months · a further period of four years · up to 2 further years: a stated total
const QUALIFIED = new RegExp(
  String.raw`${KEYWORD}[^.;]*?\b(?:up\s+to|further|additional|extra)\s+(?:a\s+|an\s+)?(?:further\s+|additional\s+)?(?:periods?(?:\(s\))?\s+of\s+)?(?:up\s+to\s+)?${N}[\s-]*(?:further\s+|additional\s+)?${UNIT}`,
  "i",
);
// 24 month extension · 3 years extension · 12 month option
const BEFORE_KEYWORD = new RegExp(String.raw`${N}[\s-]*${UNIT}\s+(?:\w+\s+)?(?:extensions?|options?)\b`, "i");
// extend for up to a further 2 years · extension of 24 months — the first length after the keyword, same sentence
const AFTER_KEYWORD = new RegExp(String.raw`${KEYWORD}[^.;]*?\b${N}[\s-]*${UNIT}`, "i");
// extend for a further year
const ONE_MORE = new RegExp(String.raw`${KEYWORD}[^.;]*?\b(?:a|an|1)\s+(?:further|additional|extra)\s+(year|month)\b`, "i");
// a text that is only a length: "24 months", "up to 12 months", "a further 12 months"
const LEADING = new RegExp(String.raw`^(?:(?:up\s+to|a|an|further|additional|optional|possible|potential|option\s+of)\s+)*${N}[\s-]*${UNIT}\b`, "i");
// 3+1+1 · 2 + 1 years · +1, +1 · 12 months + 12 months · 1 year plus 1 year
const TERM = String.raw`\d+(?:\.\d+)?\s*(?:years?|yrs?|months?|mths?)?`;
const PLUS = new RegExp(String.raw`(\+\s*)?(${TERM}(?:\s*(?:\+|plus|,\s*\+)\s*${TERM})+)`, "i");

function length(amount: number, unit: string): Extension | null {
  const u = unit.toLowerCase();
  const months = u.startsWith("y") ? amount * 12 : u.startsWith("m") ? amount : 0;
  const days = u.startsWith("w") ? amount * 7 : u.startsWith("d") ? amount : 0;
  if (!Number.isInteger(months) || !Number.isInteger(days)) return null;
  return { months, days };
}

function plusNotation(text: string, onlyWhenAllExtensions: boolean): Extension | null {
  const m = PLUS.exec(text);
  if (!m) return null;
  const terms = m[2].split(/\+|plus|,/i).map((t) => t.trim()).filter(Boolean);
  const unit = /month|mth/i.test(m[2]) ? "months" : "years";
  const amounts = terms.map((t) => Number(/\d+(?:\.\d+)?/.exec(t)?.[0] ?? Number.NaN));
  if (amounts.some((a) => !Number.isFinite(a))) return null;
  // `3+1+1` on its own is an initial term then extensions; after "extend"/"further", or written
  // `+1 +1`, every term is an extension.
  const before = text.slice(0, m.index);
  const allExtensions = m[1] !== undefined || /\b(?:extend\w*|extensions?|further|additional)\b/i.test(before);
  if (onlyWhenAllExtensions && !allExtensions) return null;
  const extension = (allExtensions ? amounts : amounts.slice(1)).reduce((sum, a) => sum + a, 0);
  return length(extension, unit);
}

function readVariant(text: string): Extension | null {
  if (/^(?:none|no|nil|n\/?a|not applicable|no extensions?(?: options?)?(?: available)?|-|0)\.?$/i.test(text)) return NONE;
  for (const pattern of MULTIPLIED) {
    const m = pattern.exec(text);
    if (m) return length(Number(m[1]) * Number(m[2]), m[3]);
  }
  let m = FROM_TO.exec(text);
  if (m && Number(m[2]) > Number(m[1])) return length(Number(m[2]) - Number(m[1]), m[3]);
  m = QUALIFIED.exec(text);
  if (m) return length(Number(m[1]), m[2]);
  const extensionsAdded = plusNotation(text, true);
  if (extensionsAdded) return extensionsAdded;
  m = BEFORE_KEYWORD.exec(text);
  if (m) return length(Number(m[1]), m[2]);
  m = AFTER_KEYWORD.exec(text);
  if (m) return length(Number(m[1]), m[2]);
  m = ONE_MORE.exec(text);
  if (m) return length(1, m[1]);
  m = LEADING.exec(text);
  if (m) return length(Number(m[1]), m[2]);
  return plusNotation(text, false);
}

/** Registers' text with number words as digits, brackets around repeated figures dropped, and `rn` newline debris removed. */
function tidy(text: string): string {
  return digitsForWords(text.replace(/(\d|\.|\bmonths?|\byears?)rn\b/gi, "$1 ").replace(/\s+/g, " ").trim());
}

/**
 * Reads the extension options a register writes into the total extension available.
 * `a+b+c` is an initial term of a years then extensions of b and c years. Text that states no
 * length ("renewed at end of contract period") fails rather than guessing.
 * @example parseExtensionOptions("3+1+1") → ok({ months: 24, days: 0 }); parseExtensionOptions("2 x 12 months") → ok({ months: 24, days: 0 })
 */
export function parseExtensionOptions(input: string): Result<Extension> {
  const text = tidy(input);
  if (text === "") return ok(NONE);
  // Registers often repeat the same option in several wordings separated by semicolons.
  for (const variant of text.split(";").map((v) => v.trim()).filter(Boolean)) {
    const extension = readVariant(variant);
    if (extension && extension.months <= 12 * 100 && extension.days <= 36600) return ok(extension);
  }
  const shown = input.trim().length > 80 ? `${input.trim().slice(0, 77)}…` : input.trim();
  return fail(`Extension options "${shown}" could not be read: no length of extension found (${HINT})`);
}
