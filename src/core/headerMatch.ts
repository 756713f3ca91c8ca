import { CONTRACTS, TableDefinition } from "./schema";
import { abbreviates } from "./abbreviations";
import { SYNONYMS } from "./synonyms";

// How well a header's words name a field: synonyms in any naming style, abbreviations and
// initials, less for off-topic words and for words that name another field's subject. The values
// under the header are weighed elsewhere (fieldFit); this reads the header alone.

/** Below this a header is not offered as a field's column. */
export const MIN_CONFIDENCE = 0.5;

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
    // `p.a.`, `y.t.d.`: letters with stops are one word.
    .replace(/\b([A-Za-z])\.([A-Za-z])\.(?:([A-Za-z])\.)?/g, "$1$2$3")
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
  "contract", "agreement", "administrator", "total", "function", "package",
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
    // Several-word names too: the list's order says which is the field's usual name (`Contract manager` before `Budget holder`).
    const exactScore = wanted.length > 1 ? 1 - Math.min(rank, 40) * 0.0005 : 0.98 - Math.min(rank, 20) * 0.002;
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

function adjusted(header: string, words: readonly string[], matched: readonly string[], score: number): number {
  let best = score;
  // An off-topic word (`address`, `email`, `SME`) the matched name does not itself use.
  if (words.some((w) => OFF_TOPIC.has(w) && !matched.includes(w))) best *= 0.3;
  if (words.some((w) => PREFERRED.has(w))) best += 0.02;
  if (words.some((w) => TENTATIVE.has(w))) best -= 0.04;
  // `_id`, `_rowid`: columns a data portal adds, not the register's own.
  if (/^_/.test(header.trim())) best *= 0.5;
  return Math.max(0, Math.min(1, Math.round(best * 100) / 100));
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
 * How well a header names a field of a table, 0..1: the best of its synonyms, less for noise and
 * off-topic words, and less when the header's other words
 * name another field's subject and the header reads as that field too (`Officer Job Title` is the
 * officer's title, not the contract's; `Spend to date` is spend, not a date the contract ends).
 * @example headerMatch("Officer Job Title", "title").score → 0.25; headerMatch("Expiry", "endDate").score → 0.97
 */
export function headerMatch(header: string, field: string, table: TableDefinition = CONTRACTS): { score: number; vague: boolean } {
  const whole = wholeHeaderMatch(header, field, table);
  // `Teitl / Title`, `Directorate / service responsible`: a header giving two names is either; so is
  // `Teideal (Title)` or `Group (Department)`, a name with another in brackets.
  const bracketed = [...header.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]);
  const parts = [...header.split(/\s+\/\s+/), ...bracketed];
  if (parts.length < 2) return whole;
  return parts.map((part) => wholeHeaderMatch(part, field, table)).reduce((best, m) => (m.score * 0.98 > best.score ? { ...m, score: Math.round(m.score * 0.98 * 100) / 100 } : best), whole);
}

function wholeHeaderMatch(header: string, field: string, table: TableDefinition): { score: number; vague: boolean } {
  const words = headerWords(header);
  if (words.length === 0) return { score: 0, vague: false };
  const match = synonymMatch(words, field);
  if (match.score === 0) return { score: 0, vague: false };
  let score = adjusted(header, words, match.matched, match.score);
  const owned = ownerOf(table);
  const others = new Set(words.filter((w) => !match.matched.includes(w)).flatMap((w) => {
    const owner = owned.get(w);
    return owner !== undefined && owner !== field ? [owner] : [];
  }));
  for (const other of others) if (synonymMatch(words, other).score >= MIN_CONFIDENCE * 0.8) score *= 0.6;
  return { score: Math.round(score * 100) / 100, vague: match.vague };
}
