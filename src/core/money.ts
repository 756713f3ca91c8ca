import { currencyOfSymbol, isCurrencyCode } from "./currencies";
import { Result, fail, ok } from "./result";

/** An amount of money as a register states it; currency (ISO 4217 code) when the cell says. */
export interface Money {
  amount: number;
  currency: string | null;
}

/** The character that starts the decimals: `.` in UK/US registers, `,` in continental ones. */
export type DecimalMark = "." | ",";

export interface MoneyOptions {
  /**
   * The decimal mark the column is known to use (see `decimalMarkEvidence`). It settles `1,234` and
   * `1.234`, which read as thousands without it.
   */
  decimalMark?: DecimalMark;
}

const NOT_KNOWN = /^(n\/?a|none|nil|null|not applicable|not known|unknown|tbc|tbd|-+|—)$/i;
const SCALE: Record<string, number> = { k: 3, thousand: 3, m: 6, mn: 6, million: 6, bn: 9, billion: 9 };
// Every space a register uses between digit groups: plain, no-break (French, Excel's own) and narrow no-break (SI).
const SPACES = /[\s\u00a0\u2007\u202f]+/g;
const PLAIN = /^-?\d+(?:\.\d+)?$/;
// `1.234`: a thousands group or three decimals (see decimalOf).
const AMBIGUOUS = /^-?[1-9]\d{0,2}[.,]\d{3}$/;
// A currency written as a symbol, with the letters some put before it (`£`, `€`, `$`, `US$`, `CA$`, `R$`).
const SYMBOL = /^[A-Z]{0,3}\p{Sc}/iu;
const SYMBOL_AT_END = /[A-Z]{0,3}\p{Sc}$/iu;
const LETTERS = /^[A-Z]+/i;
const LETTERS_AT_END = /[A-Z]+$/i;
const MINUS = /^[-\u2212]/;
const TRAILING_MINUS = /\d\s*[-\u2212]$/;
const SCALE_WORD = /(?<=[\d.\s])(k|thousand|m|mn|million|bn|billion)$/i;
const NUMBER = /^[\d.,' ’]*\d[\d.,' ’]*$/;
// Forms only one reading fits, read without the grammar: `1,234,567.89` and `1234567.8`.
const USUAL = /^([1-9]\d{0,2}(?:,\d{3})+|\d+)(\.(?:\d{0,2}|\d{4,}))?$/;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

interface Pieces {
  negative: boolean;
  currency: string | null;
  /** Power of ten of a scale word (`m` → 6). */
  scale: number;
}

/** A currency code or symbol at one end of the text: what it says (null for a symbol we cannot name) and how long it is. */
function currencyAt(rest: string, atEnd: boolean): { code: string | null; symbol: string | null; length: number } | null {
  const letters = (atEnd ? LETTERS_AT_END : LETTERS).exec(rest);
  if (letters && isCurrencyCode(letters[0])) return { code: letters[0].toUpperCase(), symbol: null, length: 3 };
  const symbol = (atEnd ? SYMBOL_AT_END : SYMBOL).exec(rest);
  // `C$` could be more than one dollar: the amount is read, the currency left unknown.
  if (symbol) return { code: null, symbol: currencyOfSymbol(symbol[0].toUpperCase()), length: symbol[0].length };
  return null;
}

/**
 * Peels signs, brackets, currency and scale words off both ends, leaving the digits. Null when
 * something else is there (`31.65/MT`, `lots`, two codes, two signs).
 */
function peel(text: string): { digits: string; pieces: Pieces } | null {
  let rest = text;
  let signs = 0;
  let brackets = 0;
  let negative = false;
  let code: string | null = null;
  let symbols = 0;
  let symbolCurrency: string | null = null;
  let scale = 0;
  for (let changed = true; changed; ) {
    changed = false;
    rest = rest.trim();
    // Digits at both ends: nothing left to peel (the common case, checked without a regex).
    if (isDigit(rest.charCodeAt(0)) && isDigit(rest.charCodeAt(rest.length - 1))) break;
    if (rest.startsWith("(") && rest.endsWith(")")) {
      brackets++;
      rest = rest.slice(1, -1);
      changed = true;
    } else if (MINUS.test(rest) || rest.startsWith("+")) {
      signs++;
      negative ||= rest[0] !== "+";
      rest = rest.slice(1);
      changed = true;
    } else if (TRAILING_MINUS.test(rest)) {
      // A trailing minus is how SAP and other ERP exports write credits: `500-`.
      signs++;
      negative = true;
      rest = rest.slice(0, -1);
      changed = true;
    } else {
      for (const atEnd of [false, true]) {
        const found = currencyAt(rest, atEnd);
        if (!found) continue;
        if (found.code) {
          if (code !== null) return null;
          code = found.code;
        } else {
          if (++symbols > 1) return null;
          symbolCurrency = found.symbol;
        }
        rest = atEnd ? rest.slice(0, -found.length) : rest.slice(found.length);
        changed = true;
        break;
      }
      const word = changed ? null : SCALE_WORD.exec(rest);
      if (word && scale === 0) {
        scale = SCALE[word[1].toLowerCase()];
        rest = rest.slice(0, -word[1].length);
        changed = true;
      }
    }
  }
  if (signs > 1 || brackets > 1 || !NUMBER.test(rest)) return null;
  // `$1,317,169.92 CAD`: the code says which dollar the symbol meant. Brackets are the accountant's minus.
  return { digits: rest, pieces: { negative: negative || brackets > 0, currency: code ?? symbolCurrency, scale } };
}

/** Whether a grouped integer part is well formed: 1–3 digits, then groups of exactly 3. */
function grouped(integer: string, separator: string): string | null {
  const groups = integer.split(separator);
  if (!/^\d{1,3}$/.test(groups[0]) || groups[0] === "0") return null;
  for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i])) return null;
  return groups.join("");
}

/** Which of `.` and `,` (if either) is the decimal mark of a number written with one kind of mark. */
function decimalOf(core: string, mark: DecimalMark, hint: DecimalMark | undefined): DecimalMark | null {
  const at = core.lastIndexOf(mark);
  // Written more than once it separates thousands: `1.234.567`.
  if (core.indexOf(mark) !== at) return null;
  // Spaces or apostrophes already separate the thousands: `1 234,5`, `1'234.50`.
  if (/[ ']/.test(core)) return mark;
  if (hint) return hint === mark ? mark : null;
  // One separator and exactly three digits after it is read as thousands: `€1,500` and `1.500 €` are
  // how UK and continental registers write one thousand five hundred, and money is not written to
  // three decimals. An integer part that cannot lead a group (`0,125`, `1234.567`) is not one. The
  // column settles it the other way (`decimalMark`) when its other values show the decimal mark.
  return core.length - at - 1 === 3 && /^[1-9]\d{0,2}$/.test(core.slice(0, at)) ? null : mark;
}

/**
 * The number in a run of digits and separators, by the grammar registers write numbers in:
 * `1,234,567.89` (UK/US), `1.234.567,89` (most of Europe), `1 234 567,89` (French, SI),
 * `1'234'567.89` (Swiss), as plain decimal digits. Null when the separators break the grammar
 * (`1,2,3`, `3501.872.63`).
 */
function readDigits(text: string, hint: DecimalMark | undefined): string | null {
  // The UK/US form, by far the commonest, read in one step; the grammar below gives the same.
  const usual = hint === "," ? null : USUAL.exec(text);
  if (usual) return usual[1].replace(/,/g, "") + (usual[2] ?? "");
  const core = text.replace(/’/g, "'");
  const lastDot = core.lastIndexOf(".");
  const lastComma = core.lastIndexOf(",");
  let decimal: DecimalMark | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? "." : ",";
  else if (lastDot >= 0) decimal = decimalOf(core, ".", hint);
  else if (lastComma >= 0) decimal = decimalOf(core, ",", hint);
  let integer = core;
  let fraction = "";
  if (decimal !== null) {
    const at = core.lastIndexOf(decimal);
    integer = core.slice(0, at);
    // `942467.`: a decimal mark with nothing after it is just the end of the number.
    fraction = core.slice(at + 1);
    if (!/^\d*$/.test(fraction) || (integer === "" && fraction === "")) return null;
  }
  let separator: string | undefined;
  for (const ch of integer) {
    if (ch >= "0" && ch <= "9") continue;
    if (separator !== undefined && ch !== separator) return null;
    separator = ch;
  }
  const digits = integer === "" ? "0" : separator === undefined ? integer : grouped(integer, separator);
  if (digits === null) return null;
  return fraction ? `${digits}.${fraction}` : digits;
}

/** Whether text says a value is not known (`N/A`, `None`, `TBC`, `-`). @example saysNotKnown("n/a") → true; saysNotKnown("0") → false */
export function saysNotKnown(text: string): boolean {
  return NOT_KNOWN.test(text.trim());
}

/**
 * Reads money from a cell: numbers, and text as registers write it — `£3,330`, `$1,317,169.92 CAD`,
 * `€1,500`, `1.234.567,89 €`, `1 234 567,89`, `USD 1,200`, `£3.3m`, `(3,728)`, `-£500`, `£-500`,
 * `500-`. The currency is kept (ISO code) when a symbol or code says it. `N/A`, `None`, `TBC` and
 * blanks are null: not known. Anything else is an error, never a number made up.
 * @example parseMoney("1.234.567,89 €") → ok({ amount: 1234567.89, currency: "EUR" })
 */
export function parseMoney(value: unknown, options: MoneyOptions = {}): Result<Money | null> {
  if (typeof value === "number") return Number.isFinite(value) ? ok({ amount: value, currency: null }) : fail(`${value} is not an amount of money`);
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== "string") return fail(`${String(value)} is not an amount of money`);
  const text = value.replace(SPACES, " ").trim();
  if (text === "" || NOT_KNOWN.test(text)) return ok(null);
  // Most cells of a big register are plain numbers: read them without the grammar.
  if (PLAIN.test(text) && (options.decimalMark === "." || !AMBIGUOUS.test(text))) return ok({ amount: Number(text), currency: null });
  const peeled = peel(text);
  const digits = peeled ? readDigits(peeled.digits, options.decimalMark) : null;
  if (peeled === null || digits === null) return fail(`"${text}" is not an amount of money`);
  const { negative, currency, scale } = peeled.pieces;
  // `3.3e6`, not 3.3 × 1e6: the decimal string scales exactly.
  const amount = Number(scale ? `${digits}e${scale}` : digits);
  return ok({ amount: negative && amount !== 0 ? -amount : amount, currency });
}

/**
 * What a money cell's text proves about its column's decimal mark: a value with both marks, or one
 * mark followed by other than three digits, can be read one way only.
 * @example decimalMarkEvidence("1.234,5") → ","; decimalMarkEvidence("12.50") → "."; decimalMarkEvidence("1,234") → null
 */
export function decimalMarkEvidence(text: string): DecimalMark | null {
  const digits = /\d[\d.,]*\d/.exec(text)?.[0];
  if (!digits) return null;
  const lastDot = digits.lastIndexOf(".");
  const lastComma = digits.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const at = Math.max(lastDot, lastComma);
  if (at < 0) return null;
  const mark: DecimalMark = lastDot >= 0 ? "." : ",";
  if (digits.indexOf(mark) !== at) return null;
  return digits.length - at - 1 === 3 && /^[1-9]\d{0,2}$/.test(digits.slice(0, at)) ? null : mark;
}
