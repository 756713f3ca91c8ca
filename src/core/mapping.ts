import { isBlankCell } from "./cellValues";
import { CONTRACTS, TableDefinition } from "./schema";
import { SYNONYMS } from "./synonyms";

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
}

const ID_WORDS = new Set(["number", "no", "ref", "reference", "id", "code"]);
const STOP_WORDS = new Set(["the", "of", "a", "an", "for", "in", "on", "by", "and", "or", "s"]);
// Words that make a column about something else (how to reach a supplier, not who it is).
const OFF_TOPIC = new Set(["address", "email", "e-mail", "mail", "phone", "telephone", "tel", "fax", "postcode", "zip", "url", "website", "web", "link", "sme", "vcse", "vat", "scheme", "currency", "city", "country", "region", "town", "county", "borough", "type", "category", "method", "count", "number of", "documents"]);
// Awarded facts beat estimates made at tender.
const PREFERRED = new Set(["award", "awarded", "actual", "contract"]);
const TENTATIVE = new Set(["tender", "estimated", "estimate", "low", "high", "forecast", "latest", "original"]);

/** `Contract End Date (dd/mm/yyyy)`, `expiry_date`, `contractEndDate` → words. @example headerWords("Contract_End\nDate") → ["contract", "end", "date"] */
export function headerWords(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
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

// Words our synonyms use are never "near" another: contract is not a misspelt contact.
const VOCABULARY = new Set(Object.values(SYNONYMS).flatMap((list) => list.flatMap(headerWords)));
const containsWord = (words: readonly string[], word: string): boolean => words.some((w) => w === word || (!VOCABULARY.has(w) && nearlyEqual(w, word)));
// Synonyms too vague to count inside a longer header: "Buyer Name" is not a title, "council_id" not the contract's ID.
const WHOLE_HEADER_ONLY = new Set(["name", "number", "no", "code", "options", "id", "contact", "award"]);

/** How well a header names a field, 0..1: the best of its synonyms, less for noise and off-topic words. */
export function headerScore(header: string, field: string): number {
  const words = headerWords(header);
  if (words.length === 0) return 0;
  let best = 0;
  const synonyms = SYNONYMS[field] ?? [];
  for (let rank = 0; rank < synonyms.length; rank++) {
    const synonym = synonyms[rank];
    const wanted = headerWords(synonym);
    const found = wanted.filter((w) => containsWord(words, w)).length;
    if (found < wanted.length) continue;
    const extra = words.length - found;
    if (extra > 0 && WHOLE_HEADER_ONLY.has(synonym)) continue;
    // An exact several-word name (`Contract end date`) is the surest; among one-word names the list
    // puts the most telling first, so an exact `Title` beats an exact `Description`.
    const exact = words.join(" ") === wanted.join(" ");
    const exactScore = wanted.length > 1 ? 1 : 0.98 - Math.min(rank, 20) * 0.002;
    const score = extra === 0 ? (exact ? exactScore : 0.95) : Math.max(0.55, 0.9 - 0.07 * extra);
    best = Math.max(best, score * (wanted.length === 1 && extra > 0 ? 0.92 : 1));
  }
  // `Workspace Number`, `Tender Ref`: a name ending in an identifier word is likely the reference.
  if (best === 0 && field.endsWith("Id") && ID_WORDS.has(words[words.length - 1])) best = 0.65;
  if (best === 0) return 0;
  if (words.some((w) => OFF_TOPIC.has(w)) && !(SYNONYMS[field] ?? []).some((s) => headerWords(s).some((w) => OFF_TOPIC.has(w)))) best *= 0.3;
  if (words.some((w) => PREFERRED.has(w))) best += 0.02;
  if (words.some((w) => TENTATIVE.has(w))) best -= 0.04;
  // `_id`, `_rowid`: columns a data portal adds, not the register's own.
  if (/^_/.test(header.trim())) best *= 0.5;
  return Math.max(0, Math.min(1, Math.round(best * 100) / 100));
}

const headerText = (cell: unknown): string => (isBlankCell(cell) ? "" : String(cell).replace(/\s+/g, " ").trim());
const MIN_CONFIDENCE = 0.5;

/**
 * Matches a header row to a table's fields: each field to at most one column and each column to at
 * most one field, the better candidate winning; columns that match nothing are listed.
 * @example mapHeaders(["Ref", "Supplier", "Expiry"], CONTRACTS).fields.endDate → { column: "Expiry", index: 2, confidence: 1 }
 */
export function mapHeaders(headers: readonly unknown[], table: TableDefinition = CONTRACTS, emptyColumns: ReadonlySet<number> = new Set()): Omit<HeaderMapping, "headerRow"> {
  const texts = headers.map(headerText);
  const candidates: { field: string; index: number; score: number }[] = [];
  texts.forEach((text, index) => {
    if (text === "") return;
    for (const field of table.fields) {
      // A column with no values loses to one that has them: exports often carry empty twins.
      const score = Math.round(headerScore(text, field.key) * (emptyColumns.has(index) ? 0.5 : 1) * 100) / 100;
      if (score >= MIN_CONFIDENCE) candidates.push({ field: field.key, index, score });
    }
  });
  // Best first; on a tie the column further left wins, as registers put the main column first.
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const fields: Partial<Record<string, FieldMatch>> = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (fields[c.field] || usedColumns.has(c.index)) continue;
    fields[c.field] = { column: texts[c.index], index: c.index, confidence: c.score };
    usedColumns.add(c.index);
  }
  const unmapped = texts.filter((t, i) => t !== "" && !usedColumns.has(i));
  return { fields, unmapped };
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
  for (let r = 0; r < limit; r++) {
    const cells = rows[r].filter((c) => !isBlankCell(c));
    if (cells.length < 2 || cells.filter(looksLikeData).length > cells.length / 3) continue;
    const matches = Object.keys(mapHeaders(rows[r], table).fields).length;
    if (matches >= 3) return r;
    if (matches >= 2 && (best === null || matches > best.matches)) best = { row: r, matches };
  }
  return best?.row ?? null;
}

/** Finds the header row and maps it. @example detectMapping(rows)?.fields.supplier?.column → "Supplier name" */
export function detectMapping(rows: readonly (readonly unknown[])[], table: TableDefinition = CONTRACTS): HeaderMapping | null {
  const headerRow = findHeaderRow(rows, table);
  if (headerRow === null) return null;
  const headers = rows[headerRow];
  const sample = rows.slice(headerRow + 1, headerRow + 501);
  const empty = new Set(headers.map((_, i) => i).filter((i) => sample.length > 0 && sample.every((r) => isBlankCell(r[i]))));
  return { headerRow, ...mapHeaders(headers, table, empty) };
}
