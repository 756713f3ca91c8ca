import { abbreviates } from "./abbreviations";
import { isBlankCell } from "./cellValues";
import { parseDateText } from "./dates";
import { parseExtensionOptions } from "./extensionOptions";
import { parseMoney, saysNotKnown } from "./money";
import { parsePeriod } from "./periods";

/**
 * What a register's column holds, read from its values: the evidence the header mapping weighs
 * beside the header's words. Shares are fractions (0..1) of the column's filled cells in the sample.
 */
export interface ColumnProfile {
  /** Rows sampled, and how many of them hold a value that says something (not blank, `N/A`, `TBC`). */
  sampled: number;
  filled: number;
  /** Read as a date: text in any order the product reads, or a number in the range of Excel date serials. */
  dates: number;
  /** Read as money: a number, or an amount written with a currency, separators or a scale word. */
  amounts: number;
  /** Plain numbers (number cells, or digits only). */
  numbers: number;
  /** Prose: eight words or more. */
  sentences: number;
  /** One token with a digit, or a run of capitals and digits (`C-1042`, `PO123`, `3303123110`). */
  codes: number;
  /** Shaped like a person's name (`Jane Smith`, `Smith, Jane`, `J. Smith`) in a column of varied names. */
  personNames: number;
  /** Two or three capital letters (`NY`, `ON`, `GBR`): state, province and country codes. */
  shortCodes: number;
  /** Yes/No, Y/N, True/False. */
  yesNo: number;
  /** Holding a word of a contract's life cycle (OCDS contract, award and tender status codelists; register words). */
  statusWords: number;
  /** Read as a period (`3 months`) or extension options (`2+1+1`). */
  periods: number;
  /** Distinct filled values, and that count over the filled cells. */
  distinct: number;
  unique: number;
  /** Share of the filled cells holding the commonest value: 1 for a column that is the same on every row. */
  dominant: number;
  /** Median length of the filled values, in characters. */
  typicalLength: number;
  /** Each distinct value, for comparing columns (a sub-unit's values fall within its parent's). */
  values: readonly string[];
}

/** Rows read for a profile: evenly spread, so a register sorted by one column is still seen whole. */
export const PROFILE_SAMPLE = 1000;

// Excel date serials of 1950..2100: a number in this range may be a date cell whose format was not read.
const FIRST_SERIAL = 18264;
const LAST_SERIAL = 73415;
const YES_NO = /^(?:y|n|yes|no|true|false)$/i;
const SHORT_CODE = /^[A-Z]{2,3}$/;
const CODE = /^(?=[^\s]*\d)[^\s]{2,40}$|^[A-Z0-9][A-Z0-9/_.-]{2,39}$/;
// A name of a person: a first name and a surname, perhaps with a middle initial or a particle
// (`van`, `de`), an initial and a surname, or `Surname, First`; no digits. Three capitalised words
// in a row (`Stormwater Master Plan`) read as a title, not a person.
const NAME_WORD = String.raw`[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?`;
const PARTICLE = String.raw`(?:van|von|de|da|del|der|le|la|du|bin|al)`;
const PERSON = new RegExp(
  String.raw`^(?:${NAME_WORD}|[A-Z]\.)\s+(?:(?:[A-Z]\.?|${PARTICLE})\s+)?${NAME_WORD}$|^${NAME_WORD},\s*${NAME_WORD}(?:\s+[A-Z]\.?)?$`,
);
// Words of a contract's life cycle: the OCDS codelists (contractStatus, awardStatus, tenderStatus)
// and what registers write for them.
const STATUS_WORDS = new Set([
  "pending", "active", "cancelled", "canceled", "terminated", "planning", "planned", "complete", "completed", "unsuccessful",
  "withdrawn", "live", "current", "open", "closed", "expired", "ended", "awarded", "draft", "approved", "signed", "suspended",
  "extended", "renewed", "ongoing", "inactive", "archived", "mobilisation", "mobilization", "procurement", "tender", "tendering",
  "evaluation", "design", "construction", "delivery", "implementation", "closeout", "close", "retendering", "novated", "replaced",
  "superseded", "expiring", "progress", "hold", "paused", "started", "proposed", "review",
]);

const STATUS_LIST = [...STATUS_WORDS];
/** A status word, or its short form (`ACT` active, `EXP` expired, `TRM` terminated). */
function isStatusWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  return STATUS_WORDS.has(w) || (w.length >= 3 && STATUS_LIST.some((s) => abbreviates(w, s)));
}

const median = (lengths: number[]): number => {
  if (lengths.length === 0) return 0;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)];
};

function readsAsDate(text: string): boolean {
  if (!/\d/.test(text)) return false;
  return parseDateText(text, "dmy").ok || parseDateText(text, "mdy").ok;
}

/**
 * The positions of evenly spread rows among `length` (all of them when there are at most `size`).
 * @example sampleIndices(4, 2) → [0, 2]
 */
export function sampleIndices(length: number, size = PROFILE_SAMPLE): number[] {
  if (length <= size) return Array.from({ length }, (_, i) => i);
  const step = length / size;
  return Array.from({ length: size }, (_, i) => Math.floor(i * step));
}

// What one text cell reads as, a bit each (profileColumn counts them over the column).
const SENTENCE = 1;
const YES_NO_TEXT = 2;
const SHORT_CODE_TEXT = 4;
const CODE_TEXT = 8;
const PERSON_TEXT = 16;
const STATUS_TEXT = 32;
const NUMBER_TEXT = 64;
const DATE_TEXT = 128;
const AMOUNT_TEXT = 256;
const PERIOD_TEXT = 512;

/** The readings of one trimmed, non-blank text cell, as bits. */
function textFlags(text: string): number {
  let flags = 0;
  const words = text.split(" ");
  if (words.length >= 8) flags |= SENTENCE;
  const yesNo = YES_NO.test(text);
  if (yesNo) flags |= YES_NO_TEXT;
  if (SHORT_CODE.test(text)) flags |= SHORT_CODE_TEXT;
  if (CODE.test(text) && !yesNo) flags |= CODE_TEXT;
  if (PERSON.test(text)) flags |= PERSON_TEXT;
  if (words.some(isStatusWord)) flags |= STATUS_TEXT;
  const bareNumber = /^[-+]?\d+(?:\.\d+)?$/.test(text);
  if (bareNumber) flags |= NUMBER_TEXT;
  // A date written as its Excel serial in a CSV (`45747`) may be a date as a number cell may.
  if (readsAsDate(text) || (/^\d{5}$/.test(text) && Number(text) >= FIRST_SERIAL && Number(text) <= LAST_SERIAL)) flags |= DATE_TEXT;
  else {
    const money = parseMoney(text);
    if (money.ok && money.value !== null) flags |= AMOUNT_TEXT;
  }
  // A bare number (`2`, a count of renewals left) is no period written as one.
  if (!bareNumber && /\d|one|two|three|six|twelve/i.test(text) && text.length <= 60 && (parsePeriod(text).ok || parseExtensionOptions(text).ok)) flags |= PERIOD_TEXT;
  return flags;
}

/**
 * A column's profile from its cells (any cell values: text, numbers, booleans, Dates, blanks).
 * Blank cells and values that say "not known" count towards `sampled` only. `isDateCell` says
 * whether a number cell is shown as a date (its number format), where the caller knows.
 * @example profileColumn(["31/03/2027", "2026-01-01", ""]).dates → 1
 */
export function profileColumn(cells: readonly unknown[], isDateCell?: (row: number) => boolean | undefined): ColumnProfile {
  const counts = { dates: 0, amounts: 0, numbers: 0, sentences: 0, codes: 0, people: 0, shortCodes: 0, yesNo: 0, status: 0, periods: 0 };
  const seen = new Map<string, number>();
  const flagsOf = new Map<string, number>();
  const lengths: number[] = [];
  let filled = 0;
  cells.forEach((cell, row) => {
    if (isBlankCell(cell)) return;
    if (typeof cell === "number") {
      filled++;
      counts.numbers++;
      counts.amounts++;
      const dateCell = isDateCell?.(row);
      if (dateCell ?? (cell >= FIRST_SERIAL && cell <= LAST_SERIAL)) counts.dates++;
      if (Number.isInteger(cell)) counts.codes++;
      const key = String(cell);
      seen.set(key, (seen.get(key) ?? 0) + 1);
      lengths.push(key.length);
      return;
    }
    if (cell instanceof Date) {
      filled++;
      counts.dates++;
      const key = String(cell.getTime());
      seen.set(key, (seen.get(key) ?? 0) + 1);
      lengths.push(10);
      return;
    }
    if (typeof cell === "boolean") {
      filled++;
      counts.yesNo++;
      seen.set(String(cell), (seen.get(String(cell)) ?? 0) + 1);
      lengths.push(4);
      return;
    }
    const text = String(cell).replace(/\s+/g, " ").trim();
    if (text === "" || saysNotKnown(text)) return;
    filled++;
    const times = seen.get(text);
    seen.set(text, (times ?? 0) + 1);
    lengths.push(text.length);
    // What a text says depends on the text alone: a value the column repeats (a status, a supplier,
    // a period) is read once and counted again.
    let flags = times === undefined ? undefined : flagsOf.get(text);
    if (flags === undefined) {
      flags = textFlags(text);
      flagsOf.set(text, flags);
    }
    if (flags & SENTENCE) counts.sentences++;
    if (flags & YES_NO_TEXT) counts.yesNo++;
    if (flags & SHORT_CODE_TEXT) counts.shortCodes++;
    if (flags & CODE_TEXT) counts.codes++;
    if (flags & PERSON_TEXT) counts.people++;
    if (flags & STATUS_TEXT) counts.status++;
    if (flags & NUMBER_TEXT) counts.numbers++;
    if (flags & DATE_TEXT) counts.dates++;
    if (flags & AMOUNT_TEXT) counts.amounts++;
    if (flags & PERIOD_TEXT) counts.periods++;
  });
  const share = (n: number): number => (filled === 0 ? 0 : n / filled);
  let commonest = 0;
  for (const n of seen.values()) commonest = Math.max(commonest, n);
  const values = [...seen.keys()];
  return {
    sampled: cells.length,
    filled,
    dates: share(counts.dates),
    amounts: share(counts.amounts),
    numbers: share(counts.numbers),
    sentences: share(counts.sentences),
    codes: share(counts.codes),
    personNames: share(peopleCount(counts.people, values)),
    shortCodes: share(counts.shortCodes),
    yesNo: share(counts.yesNo),
    statusWords: share(counts.status),
    periods: share(counts.periods),
    distinct: seen.size,
    unique: share(seen.size),
    dominant: share(commonest),
    typicalLength: median(lengths),
    values,
  };
}

/**
 * Names of people vary as people do: surnames seldom repeat from one person to the next, where
 * names of organisations and departments shaped like names (`Devon County Council`, `Education
 * Directorate`, `Legal Services`) share their last word. Fewer than three different names say too
 * little, and count as no people.
 */
function peopleCount(people: number, values: readonly string[]): number {
  if (people === 0) return 0;
  const shaped = values.filter((v) => PERSON.test(v));
  // People's names are short: a column whose names run longer holds titles written in capitals.
  if (median(shaped.map((v) => v.length)) > 20) return 0;
  // Three or four names say enough only when each is a plain first name and surname.
  if (shaped.length < 3 || (shaped.length < 5 && (shaped.length < values.length || shaped.some((v) => v.split(" ").length !== 2)))) return 0;
  const lastWord = (v: string): string => {
    const words = v.includes(",") ? [v.split(",")[0]] : v.split(/\s+/);
    return words[words.length - 1].toLowerCase();
  };
  const lasts = new Map<string, number>();
  for (const v of shaped) lasts.set(lastWord(v), (lasts.get(lastWord(v)) ?? 0) + 1);
  const sharing = shaped.filter((v) => (lasts.get(lastWord(v)) ?? 0) > 1).length;
  return sharing / shaped.length <= 0.2 ? people : 0;
}

/**
 * Whether one column's values fall within another's: each value of `finer` goes with one value of
 * `coarser`, which has fewer distinct values (a service within its directorate). Rows are the
 * sample both profiles were made from.
 * @example isWithin([["Waste", "Place"], ["Parks", "Place"], ["Schools", "People"]], 0, 1) → true
 */
export function isWithin(rows: readonly (readonly unknown[])[], finer: number, coarser: number): boolean {
  const parent = new Map<string, string>();
  const parents = new Set<string>();
  for (const row of rows) {
    const a = row[finer];
    const b = row[coarser];
    if (isBlankCell(a) || isBlankCell(b)) continue;
    const key = String(a).trim();
    const value = String(b).trim();
    const known = parent.get(key);
    if (known !== undefined && known !== value) return false;
    parent.set(key, value);
    parents.add(value);
  }
  return parent.size >= 3 && parents.size >= 2 && parents.size < parent.size;
}
