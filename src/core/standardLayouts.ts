import { CONTRACTS_FINDER_NOTICES, OCDS_AWARD_TEMPLATE } from "./layouts/contractsFinder";
import type { LayoutColumn, StandardLayout } from "./layouts/layoutColumns";
import { LGTC_2015 } from "./layouts/lgtc2015";
import { CANADA_CONTRACTS_OVER_10K, CHICAGO_CONTRACTS, NYC_CHECKBOOK_CONTRACTS, TORONTO_AWARDED, TORONTO_NON_COMPETITIVE } from "./layouts/northAmerica";
import { OCDS_RELEASES } from "./layouts/ocds";

export type { LayoutColumn, LayoutValueKind, StandardLayout } from "./layouts/layoutColumns";

/**
 * The published layouts our users export, each defined (with its source) in `layouts/`: the Local
 * Government Transparency Code 2015 register, Contracts Finder's notices and award template, OCDS
 * releases flattened, and the Toronto, Chicago, New York City and Government of Canada open-data lists.
 */
export const STANDARD_LAYOUTS: readonly StandardLayout[] = [
  LGTC_2015,
  CONTRACTS_FINDER_NOTICES,
  OCDS_AWARD_TEMPLATE,
  OCDS_RELEASES,
  TORONTO_AWARDED,
  TORONTO_NON_COMPETITIVE,
  CHICAGO_CONTRACTS,
  NYC_CHECKBOOK_CONTRACTS,
  CANADA_CONTRACTS_OVER_10K,
];

/** How a register's header row follows one layout. */
export interface LayoutMatch {
  layout: StandardLayout;
  /** Contracts field → 0-based column: the column the layout says fills it (its most preferred one present). */
  fields: Partial<Record<string, number>>;
  /** Contracts field → the other columns present that the layout also lets fill it, most preferred first (for when the first is empty). */
  fallbacks: Partial<Record<string, number[]>>;
  /** Every column the layout names, a field or not: none of them is to be mapped to a field the layout does not give it. */
  known: ReadonlySet<number>;
  /** 0-based column → the layout column it is. */
  columns: ReadonlyMap<number, LayoutColumn>;
  /** Share of the layout's columns present, 0..1. */
  share: number;
  /** The register's headers that only this layout uses, as written: why the layout was recognised. */
  evidence: string[];
}

// Glue words carry no meaning in a header: `Title of the Agreement` is `Title Agreement`; a lone `s`
// is what is left of `Supplier's`.
const STOP_WORDS = new Set(["the", "of", "a", "an", "and", "or", "for", "to", "in", "on", "by", "at", "is", "s"]);

function splitWords(text: string): string[] {
  return (
    text
      // camelCase and PascalCase (`contractStartDate`, `OJEUContractType`); a plural acronym (`SMEs`) stays whole.
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, "$1 $2")
      .replace(/([A-Za-z])(\d)/g, "$1 $2")
      .replace(/(\d)([A-Za-z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== "" && !STOP_WORDS.has(w))
  );
}

/**
 * The words a header is compared by, in order: case, spaces, underscores, camelCase, line breaks,
 * punctuation and glue words do not count. With `bare`, words in round brackets (units, formats,
 * notes) are left out too.
 * @example layoutHeaderWords("Contract_End\nDate (dd/mm/yyyy)", { bare: true }) → ["contract", "end", "date"]
 */
export function layoutHeaderWords(header: string, options: { bare?: boolean } = {}): string[] {
  return splitWords(options.bare ? header.replace(/\([^)]*\)/g, " ") : header);
}

// Two headers name the same column when they have the same words, in any order, or the same letters
// once run together (`CONTRACTPERIOD/STARTDATE` lost its camelCase to upper case: `contractPeriod/startDate`).
const wordKey = (words: readonly string[]): string => [...words].sort().join(" ");
const runTogether = (words: readonly string[]): string => `=${words.join("")}`;
const startsWith = (words: readonly string[], prefix: readonly string[]): boolean =>
  words.length > prefix.length && prefix.every((w, i) => words[i] === w);

interface Spelling {
  key: string;
  words: string[];
  telling: boolean;
}

// A layout's spellings are worked out once: the layouts never change.
const spellingCache = new WeakMap<LayoutColumn, Spelling[]>();

function spellingsOf(layoutColumn: LayoutColumn): Spelling[] {
  const cached = spellingCache.get(layoutColumn);
  if (cached) return cached;
  const spellings = layoutColumn.headers.flatMap((header) => {
    const telling = layoutColumn.telling.includes(header);
    return [layoutHeaderWords(header), layoutHeaderWords(header, { bare: true })]
      .filter((words) => words.length > 0)
      .flatMap((words) => [
        { key: wordKey(words), words, telling },
        { key: runTogether(words), words, telling },
      ]);
  });
  spellingCache.set(layoutColumn, spellings);
  return spellings;
}

interface HeaderForms {
  keys: Set<string>;
  forms: string[][];
}

function headerForms(cell: unknown): HeaderForms {
  const text = typeof cell === "string" ? cell : cell === null || cell === undefined ? "" : String(cell);
  const forms = [layoutHeaderWords(text), layoutHeaderWords(text, { bare: true })].filter((words) => words.length > 0);
  return { keys: new Set(forms.flatMap((words) => [wordKey(words), runTogether(words)])), forms };
}

/**
 * Whether a header is written in one of a layout column's spellings, and whether in a telling one
 * (a path such as `tender/title` and a name such as `tender_title` read alike: telling if either is).
 */
function spellingFor(layoutColumn: LayoutColumn, spellings: readonly Spelling[], header: HeaderForms): { telling: boolean } | undefined {
  const same = spellings.filter((s) => header.keys.has(s.key));
  if (same.length > 0) return { telling: same.some((s) => s.telling) };
  const family = layoutColumn.family ? spellings.filter((s) => header.forms.some((f) => startsWith(f, s.words))) : [];
  return family.length > 0 ? { telling: family.some((s) => s.telling) } : undefined;
}

/**
 * How a header row follows one layout, whether or not it is enough to recognise it: each column the
 * layout names, by any of its spellings, once (a family column takes every header that begins with it).
 * @example matchLayout(TORONTO_NON_COMPETITIVE, ["Workspace Number", "Supplier Name", "Wards"]).fields.supplier → 1
 */
export function matchLayout(layout: StandardLayout, headers: readonly unknown[]): LayoutMatch {
  const forms = headers.map(headerForms);
  const columns = new Map<number, LayoutColumn>();
  const evidence: string[] = [];
  const candidates: { field: string; preference: number; order: number; index: number }[] = [];
  let present = 0;
  layout.columns.forEach((layoutColumn, order) => {
    const spellings = spellingsOf(layoutColumn);
    let found = false;
    let telling = false;
    for (let index = 0; index < forms.length; index++) {
      if (columns.has(index)) continue;
      const spelling = spellingFor(layoutColumn, spellings, forms[index]);
      if (!spelling) continue;
      columns.set(index, layoutColumn);
      if (spelling.telling && !telling) evidence.push(String(headers[index]).replace(/\s+/g, " ").trim());
      telling ||= spelling.telling;
      found = true;
      if (layoutColumn.field !== null) candidates.push({ field: layoutColumn.field, preference: layoutColumn.preference, order, index });
      if (!layoutColumn.family) break;
    }
    if (found) present++;
  });
  candidates.sort((a, b) => a.preference - b.preference || a.order - b.order);
  const fields: Partial<Record<string, number>> = {};
  const fallbacks: Partial<Record<string, number[]>> = {};
  for (const c of candidates) {
    if (fields[c.field] === undefined) fields[c.field] = c.index;
    else (fallbacks[c.field] ??= []).push(c.index);
  }
  return { layout, fields, fallbacks, known: new Set(columns.keys()), columns, share: present / layout.columns.length, evidence };
}

// A layout is recognised on three of its telling headers: a home-made register may happen to use one
// or two of a standard's phrases (a `Review date`, an `Irrecoverable VAT`), hardly three of one
// standard. A layout with few telling headers (Toronto's non-competitive list has two) needs two, and
// at least half of them.
function isRecognised(match: LayoutMatch): boolean {
  const found = match.evidence.length;
  const telling = match.layout.columns.filter((c) => c.telling.length > 0).length;
  return found >= 3 || (found >= 2 && found * 2 >= telling);
}

/**
 * The standard layout a header row follows, or null when it follows none: the layout whose telling
 * headers it has most of (three at least, or two and half of a layout that has few), then the one
 * it names most columns of. Headers are compared by their words (case, spaces, underscores,
 * camelCase, line breaks and punctuation aside).
 * @example recogniseLayout(["Organisation name", "Effective Date", "Reference Number", "Title of the Agreement", "Directorate / service responsible", "Review date"])?.fields.department → 4
 * @example recogniseLayout(["Ref", "Title", "Supplier", "End date", "Value"]) → null
 */
export function recogniseLayout(headers: readonly unknown[]): LayoutMatch | null {
  let best: LayoutMatch | null = null;
  for (const layout of STANDARD_LAYOUTS) {
    const match = matchLayout(layout, headers);
    if (!isRecognised(match)) continue;
    if (best === null || match.evidence.length > best.evidence.length || (match.evidence.length === best.evidence.length && match.known.size > best.known.size)) best = match;
  }
  return best;
}
