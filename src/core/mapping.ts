import { isBlankCell } from "./cellValues";
import { CONTRACTS, TableDefinition } from "./schema";
import { SYNONYMS } from "./synonyms";
import { ColumnProfile, profileColumn, sampleIndices } from "./columnProfile";
import { Candidate, bestAssignment } from "./assignment";
import { fieldFit, preferParentUnits } from "./fieldFit";
import { recogniseLayout } from "./standardLayouts";

/** Where a field was found: the header as written (line breaks as spaces), its 0-based column, and how sure. */
export interface FieldMatch {
  column: string;
  index: number;
  /** How sure, 0..1 (1: the user chose it, or a standard layout names it). */
  confidence: number;
  /** Why, in the user's words: `header "End date"; dates in 98% of rows`, or `your choice`. */
  why?: string;
}

export interface HeaderMapping {
  /** 0-based index, into the rows given, of the header row. */
  headerRow: number;
  fields: Partial<Record<string, FieldMatch>>;
  unmapped: string[];
  /** The standard layout the header row follows (`recogniseLayout`), by name, when it follows one. */
  layout?: string;
}

const ID_WORDS = new Set(["number", "no", "ref", "reference", "id", "code"]);
const STOP_WORDS = new Set(["the", "of", "a", "an", "for", "in", "on", "by", "and", "or", "s"]);
// Words that make a column about something else (how to reach a supplier, not who it is).
const OFF_TOPIC = new Set(["address", "email", "e-mail", "mail", "phone", "telephone", "tel", "fax", "postcode", "zip", "url", "website", "web", "link", "sme", "vcse", "vat", "scheme", "currency", "city", "country", "region", "town", "county", "borough", "state", "province", "postal", "type", "category", "method", "count", "number of", "documents"]);
// Awarded facts beat estimates made at tender.
const PREFERRED = new Set(["award", "awarded", "actual", "contract"]);
const TENTATIVE = new Set(["tender", "estimated", "estimate", "low", "high", "forecast", "latest", "original"]);

/**
 * `Contract End Date (dd/mm/yyyy)`, `expiry_date`, `contractEndDate`, `PO #` → words (`#` reads
 * as "number", as in `PO #`, `Contract #`).
 * @example headerWords("Contract_End\nDate") → ["contract", "end", "date"]
 */
export function headerWords(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/#/g, " number ")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && !STOP_WORDS.has(w));
}

function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  // One edit apart: organisation/organization, supplier/suppliers.
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

const VOWELS = /[aeiou]/;
const isSubsequence = (short: string, long: string): boolean => {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
};

/**
 * Whether a header word is a short form of a word our synonyms use, as registers abbreviate
 * (`desc` description, `amt` amount, `tot` total, `dept` department, `mgr` manager, `dt` date):
 * the same first letter and the word's letters in order, three letters or more, or two consonants
 * of a word of at most four letters. A word that is itself one of ours is never a short form.
 */
function abbreviates(short: string, word: string): boolean {
  if (short[0] !== word[0] || short.length >= word.length || /\d/.test(short)) return false;
  if (short.length === 2) return word.length <= 4 && !VOWELS.test(short) && isSubsequence(short, word);
  return short.length >= 3 && isSubsequence(short, word);
}

// Words our synonyms use are never "near" another: contract is not a misspelt contact.
const VOCABULARY = new Set(Object.values(SYNONYMS).flatMap((list) => list.flatMap(headerWords)));
/** How a header's words hold a synonym's word: 1 as written (or misspelt by one letter), 0.95 abbreviated, 0 not at all. */
function wordFound(words: readonly string[], word: string): number {
  let best = 0;
  for (const w of words) {
    if (w === word || (!VOCABULARY.has(w) && nearlyEqual(w, word))) return 1;
    if (!VOCABULARY.has(w) && abbreviates(w, word)) best = 0.95;
  }
  return best;
}
// Synonyms too vague to count inside a longer header: "Buyer Name" is not a title, "council_id" not
// the contract's ID, "Supplier State" not the contract's status.
const WHOLE_HEADER_ONLY = new Set([
  "name", "number", "no", "code", "options", "id", "contact", "award", "state", "area", "what", "item", "sum", "annual", "paid",
  "lead", "unit", "section", "begin", "starts", "ends", "finish", "identifier", "purpose", "product", "commitment", "recipient",
  "contract", "agreement", "administrator", "total",
]);
// Synonyms that, even alone, say little of a field: a `State` column is as often an address's
// state as a contract's, a `Name` column a contract's name as a person's. Such a match counts only
// when the column's values bear the field out (status words; names of people).
const VAGUE: Partial<Record<string, ReadonlySet<string>>> = { status: new Set(["state"]), contractManager: new Set(["name"]) };
// Words that add nothing to what a header names: `Department Name` is the department.
const FILLER = new Set(["name", "names"]);
// Fields named by a head noun that other things have too (a payment's status, an officer's job
// title): a word before it that none of our synonyms use says the header is about something else.
const HEAD_NOUNS: Partial<Record<string, ReadonlySet<string>>> = { status: new Set(["status", "state", "stage"]), title: new Set(["title", "name"]) };

/** A header's match to one field: how well, the words of the synonym it matched, and whether that synonym is vague for the field. */
interface WordMatch {
  score: number;
  matched: readonly string[];
  vague: boolean;
}

/** The initials of a several-word synonym as one word: `tcv` total contract value, `acv` annual contract value. */
const initialsOf = (wanted: readonly string[]): string => wanted.map((w) => w[0]).join("");

function synonymMatch(words: readonly string[], field: string): WordMatch {
  let best: WordMatch = { score: 0, matched: [], vague: false };
  const synonyms = SYNONYMS[field] ?? [];
  for (let rank = 0; rank < synonyms.length; rank++) {
    const synonym = synonyms[rank];
    const wanted = headerWords(synonym);
    let found = 0;
    let shortened = 1;
    for (const w of wanted) {
      const how = wordFound(words, w);
      if (how === 0) break;
      found++;
      shortened = Math.min(shortened, how);
    }
    if (found < wanted.length) {
      // A header written as the synonym's initials (`TCV`, `ACV`), three letters or more.
      const initials = initialsOf(wanted);
      const at = wanted.length >= 3 ? words.findIndex((w) => w === initials && !VOCABULARY.has(w)) : -1;
      if (at < 0) continue;
      const score = Math.max(0.55, 0.9 - 0.07 * (words.length - 1));
      if (score > best.score) best = { score, matched: [words[at]], vague: false };
      continue;
    }
    const extras = words.filter((w) => !wanted.includes(w) && !(FILLER.has(w) && !wanted.some((x) => FILLER.has(x))));
    const extra = Math.max(0, Math.min(extras.length, words.length - found));
    if (extra > 0 && WHOLE_HEADER_ONLY.has(synonym)) continue;
    // An exact several-word name (`Contract end date`) is the surest; among one-word names the list
    // puts the most telling first, so an exact `Title` beats an exact `Description`.
    const exact = shortened === 1 && words.join(" ") === wanted.join(" ");
    const exactScore = wanted.length > 1 ? 1 : 0.98 - Math.min(rank, 20) * 0.002;
    let score = (extra === 0 ? (exact ? exactScore : 0.95) : Math.max(0.55, 0.9 - 0.07 * extra)) * (wanted.length === 1 && extra > 0 ? 0.92 : 1) * shortened;
    // `Payment Status`, `MWBE Status`, `Job Title`: the head noun of something else.
    const head = wanted[wanted.length - 1];
    const before = words.slice(0, Math.max(0, words.indexOf(head)));
    if (wanted.length === 1 && HEAD_NOUNS[field]?.has(head) && before.some((w) => !VOCABULARY.has(w) && !FILLER.has(w))) score *= 0.6;
    const vague = VAGUE[field]?.has(synonym) ?? false;
    if (score > best.score) best = { score, matched: wanted, vague };
  }
  // `Workspace Number`, `Tender Ref`: a name ending in an identifier word is likely the reference.
  if (best.score === 0 && field.endsWith("Id") && ID_WORDS.has(words[words.length - 1])) best = { score: 0.65, matched: [words[words.length - 1]], vague: false };
  return best;
}

function adjusted(header: string, words: readonly string[], field: string, score: number): number {
  let best = score;
  if (words.some((w) => OFF_TOPIC.has(w)) && !(SYNONYMS[field] ?? []).some((s) => headerWords(s).some((w) => OFF_TOPIC.has(w)))) best *= 0.3;
  if (words.some((w) => PREFERRED.has(w))) best += 0.02;
  if (words.some((w) => TENTATIVE.has(w))) best -= 0.04;
  // `_id`, `_rowid`: columns a data portal adds, not the register's own.
  if (/^_/.test(header.trim())) best *= 0.5;
  return Math.max(0, Math.min(1, Math.round(best * 100) / 100));
}

/** How well a header names a field, 0..1: the best of its synonyms, less for noise and off-topic words. */
export function headerScore(header: string, field: string): number {
  const words = headerWords(header);
  if (words.length === 0) return 0;
  const match = synonymMatch(words, field);
  return match.score === 0 ? 0 : adjusted(header, words, field, match.score);
}

// Each word that only one field's synonyms use, by table: the word names that field's subject.
const owners = new Map<TableDefinition, Map<string, string>>();
function ownerOf(table: TableDefinition): Map<string, string> {
  let owned = owners.get(table);
  if (!owned) {
    const users = new Map<string, Set<string>>();
    for (const field of table.fields) for (const synonym of SYNONYMS[field.key] ?? []) for (const w of headerWords(synonym)) users.set(w, (users.get(w) ?? new Set()).add(field.key));
    owned = new Map([...users].flatMap(([w, fields]) => (fields.size === 1 ? [[w, [...fields][0]]] : [])));
    owners.set(table, owned);
  }
  return owned;
}

/**
 * How well a header names a field of a table: `headerScore`, less when the header's other words
 * name another field's subject and the header reads as that field too (`Officer Job Title` is the
 * officer's title, not the contract's; `Spend to date` is spend, not a date the contract ends).
 * @example headerMatch("Officer Job Title", "title", CONTRACTS).score → 0.42
 */
export function headerMatch(header: string, field: string, table: TableDefinition = CONTRACTS): { score: number; vague: boolean } {
  const whole = wholeHeaderMatch(header, field, table);
  // `Teitl / Title`, `Directorate / service responsible`: a header giving two names is either.
  const parts = header.split(/\s+\/\s+/);
  if (parts.length < 2) return whole;
  return parts.map((part) => wholeHeaderMatch(part, field, table)).reduce((best, m) => (m.score * 0.98 > best.score ? { ...m, score: Math.round(m.score * 0.98 * 100) / 100 } : best), whole);
}

function wholeHeaderMatch(header: string, field: string, table: TableDefinition): { score: number; vague: boolean } {
  const words = headerWords(header);
  if (words.length === 0) return { score: 0, vague: false };
  const match = synonymMatch(words, field);
  if (match.score === 0) return { score: 0, vague: false };
  let score = adjusted(header, words, field, match.score);
  const owned = ownerOf(table);
  const others = new Set(words.filter((w) => !match.matched.includes(w)).flatMap((w) => {
    const owner = owned.get(w);
    return owner !== undefined && owner !== field ? [owner] : [];
  }));
  for (const other of others) if (synonymMatch(words, other).score >= MIN_CONFIDENCE * 0.8) score *= 0.6;
  return { score: Math.round(score * 100) / 100, vague: match.vague };
}

/**
 * The reasons a match gives beyond its own header, which is shown beside it wherever a match is:
 * `header "End date"; dates in 98% of rows` → `["dates in 98% of rows"]`.
 * @example reasonsBeyondHeader({ column: "Expiry", index: 2, confidence: 1, why: 'header "Expiry"; dates in 98% of rows' }) → ["dates in 98% of rows"]
 */
export function reasonsBeyondHeader(match: FieldMatch): string[] {
  return (match.why ?? "").split("; ").filter((reason) => reason.trim() !== "" && reason !== `header "${match.column}"`);
}

// Tax said beside a value: `(inc VAT)`, `ex GST`, `excluding tax`, `gross of VAT`.
const TAX_QUALIFIER = /\(?\b(inc|incl|including|inclusive of|ex|excl|excluding|exclusive of|net of|gross of|gross|net)\.?\s*(?:of\s+)?(vat|gst|hst|tax|taxes)\b\)?/i;

const headerText = (cell: unknown): string => (isBlankCell(cell) ? "" : String(cell).replace(/\s+/g, " ").trim());
const MIN_CONFIDENCE = 0.5;

/** What the values of a register's columns can tell the mapping: the data rows below the header (a sample is enough). */
export interface ColumnEvidence {
  /** Data rows, aligned with the headers. */
  rows?: readonly (readonly unknown[])[];
  /** Whether the number cell at [row][column] of `rows` is shown as a date, where the number formats are known (.xlsx). */
  isDateCell?: (row: number, column: number) => boolean | undefined;
}

/**
 * Matches a header row to a table's fields, weighing what each header says (`headerScore`) with
 * what its column holds (`fieldFit`, from the values when `evidence.rows` is given): a date field
 * needs dates, money needs amounts, a column the same on every row is no department. Each field
 * takes at most one column and each column at most one field, and the assignment that is best
 * overall wins (Kuhn–Munkres), not the first pick. A register in a standard layout
 * (`recogniseLayout`: LGTC 2015, Contracts Finder, OCDS, North American open data) is mapped as the
 * standard defines its columns, the values still checked. Columns that match nothing are listed.
 * @example mapHeaders(["Ref", "Supplier", "Expiry"], CONTRACTS).fields.endDate → { column: "Expiry", index: 2, confidence: 0.98, why: 'header "Expiry"' }
 */
export function mapHeaders(headers: readonly unknown[], table: TableDefinition = CONTRACTS, evidence: ColumnEvidence = {}): Omit<HeaderMapping, "headerRow"> {
  const texts = headers.map(headerText);
  const all = evidence.rows;
  const sampleIndex = all ? sampleIndices(all.length) : [];
  const sample = all ? sampleIndex.map((i) => all[i]) : undefined;
  const profiles = new Map<number, ColumnProfile>();
  const profileOf = (index: number): ColumnProfile | undefined => {
    if (!sample) return undefined;
    let profile = profiles.get(index);
    if (!profile) {
      const isDate = evidence.isDateCell;
      profile = profileColumn(
        sample.map((row) => row[index]),
        isDate ? (row) => isDate(sampleIndex[row], index) : undefined,
      );
      profiles.set(index, profile);
    }
    return profile;
  };
  const candidates: Candidate[] = [];
  // A standard layout names its columns exactly: each of its columns can be only the field it says,
  // and its other columns (the publisher's name, the date published, a supplier's address) none.
  const layout = table === CONTRACTS ? recogniseLayout(texts) : null;
  if (layout) {
    for (const [field, first] of Object.entries(layout.fields)) {
      if (first === undefined) continue;
      [first, ...(layout.fallbacks[field] ?? [])].forEach((index, rank) => {
        const definition = table.fields.find((f) => f.key === field);
        const profile = profileOf(index);
        const fit = definition && profile ? fieldFit(definition, profile) : { factor: 1, why: "" };
        const score = Math.min(1, Math.round((1 - rank * 0.01) * Math.min(1, fit.factor) * 100) / 100);
        const why = [`standard layout: ${layout.layout.name}`, fit.why].filter((w) => w !== "").join("; ");
        if (score >= MIN_CONFIDENCE) candidates.push({ field, index, score, why });
      });
    }
  }
  texts.forEach((text, index) => {
    if (text === "" || layout?.known.has(index)) return;
    // `Value (inc VAT)` beside `Value (ex VAT)`: the same value with tax on; contract values are
    // compared without it (public-sector registers publish values excluding VAT).
    const tax = TAX_QUALIFIER.exec(text);
    const taxIncluded = tax !== null && /^(inc|gross)/i.test(tax[1]);
    const words = tax ? text.replace(tax[0], " ") : text;
    for (const field of table.fields) {
      const header = headerMatch(words, field.key, table);
      if (header.score < MIN_CONFIDENCE * 0.8) continue;
      const profile = profileOf(index);
      const fit = profile ? fieldFit(field, profile) : { factor: 1, why: "" };
      // A vague header counts only where the values confirm the field.
      const unconfirmed = header.vague && fit.factor <= 1 ? 0.65 : 1;
      const taxed = taxIncluded && field.kind === "money" ? 0.97 : 1;
      const score = Math.min(1, Math.round(header.score * fit.factor * unconfirmed * taxed * 100) / 100);
      if (score < MIN_CONFIDENCE) continue;
      const why = [`header "${text}"`, fit.why, taxed < 1 ? "includes tax" : ""].filter((w) => w !== "").join("; ");
      candidates.push({ field: field.key, index, score, why });
    }
  });
  if (sample) preferParentUnits(candidates, sample);
  const chosen = bestAssignment(candidates);
  const fields: Partial<Record<string, FieldMatch>> = {};
  for (const c of chosen) fields[c.field] = { column: texts[c.index], index: c.index, confidence: c.score, why: c.why };
  const used = new Set(chosen.map((c) => c.index));
  const unmapped = texts.filter((t, i) => t !== "" && !used.has(i));
  return layout ? { fields, unmapped, layout: layout.layout.name } : { fields, unmapped };
}

function looksLikeData(cell: unknown): boolean {
  if (typeof cell === "number" || typeof cell === "boolean" || cell instanceof Date) return true;
  const text = headerText(cell);
  return /^[\d\s,.£$€%/:-]+$/.test(text) || text.length > 80;
}

/**
 * The header row among the first rows: skips title blocks and blank rows above it; the first row
 * whose cells are mostly short text and name at least two of the table's fields.
 * @example findHeaderRow([["Contract register"], [], ["Ref", "Supplier", "End date"], ["C1", "Acme", 45747]]) → 2
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], table: TableDefinition = CONTRACTS): number | null {
  let best: { row: number; matches: number } | null = null;
  const limit = Math.min(rows.length, 30);
  const matchesAt = (r: number): number => {
    const cells = rows[r].filter((c) => !isBlankCell(c));
    if (cells.length < 2 || cells.filter(looksLikeData).length > cells.length / 3) return 0;
    return Object.keys(mapHeaders(rows[r], table).fields).length;
  };
  for (let r = 0; r < limit; r++) {
    const matches = matchesAt(r);
    if (matches >= 3) {
      // A row of group headings (`Contract`, `Value (£)` spanning `Annual`, `Total`) sits above the
      // row that names each column: the row below naming more fields is the header row.
      for (let below = r + 1; below <= Math.min(r + 2, limit - 1); below++) if (matchesAt(below) > matches) return below;
      return r;
    }
    if (matches >= 2 && (best === null || matches > best.matches)) best = { row: r, matches };
  }
  return best?.row ?? null;
}

/**
 * Finds the header row and maps it, reading the values below it as evidence.
 * @example detectMapping(rows)?.fields.supplier?.column → "Supplier name"
 */
export function detectMapping(rows: readonly (readonly unknown[])[], table: TableDefinition = CONTRACTS, options: { isDateCell?: (row: number, column: number) => boolean | undefined } = {}): HeaderMapping | null {
  const headerRow = findHeaderRow(rows, table);
  if (headerRow === null) return null;
  const first = headerRow + 1;
  const isDate = options.isDateCell;
  return {
    headerRow,
    ...mapHeaders(rows[headerRow], table, { rows: rows.slice(first), isDateCell: isDate ? (row, column) => isDate(row + first, column) : undefined }),
  };
}
