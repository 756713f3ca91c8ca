import { isBlankCell } from "./cellValues";
import { CONTRACTS, TableDefinition } from "./schema";
import { MIN_CONFIDENCE, headerMatch } from "./headerMatch";
import { ColumnProfile, profileColumn, sampleIndices } from "./columnProfile";
import { Candidate, bestAssignment } from "./assignment";
import { fieldFit, preferParentUnits } from "./fieldFit";
import { recogniseLayout } from "./standardLayouts";
import { contractTypeShare } from "./contractType";

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

/** A header cell as the mapping shows it: on one line, blank for an empty cell. @example headerText("Contract\nEnd  Date ") → "Contract End Date" */
export const headerText = (cell: unknown): string => (isBlankCell(cell) ? "" : String(cell).replace(/\s+/g, " ").trim());

/** What the values of a register's columns can tell the mapping: the data rows below the header (a sample is enough). */
export interface ColumnEvidence {
  /** Data rows, aligned with the headers. */
  rows?: readonly (readonly unknown[])[];
  /** Whether the number cell at [row][column] of `rows` is shown as a date, where the number formats are known (.xlsx). */
  isDateCell?: (row: number, column: number) => boolean | undefined;
}

/**
 * Matches a header row to a table's fields, weighing what each header says (`headerMatch`) with
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
      const weight = header.score * fit.factor * unconfirmed * taxed;
      const score = Math.min(1, Math.round(weight * 100) / 100);
      if (score < MIN_CONFIDENCE) continue;
      const why = [`header "${text}"`, fit.why, taxed < 1 ? "includes tax" : ""].filter((w) => w !== "").join("; ");
      candidates.push({ field: field.key, index, score, why, weight });
    }
    if (table === CONTRACTS) {
      const byValues = contractTypeByValues(profileOf(index));
      if (byValues && !candidates.some((c) => c.index === index && c.field === "contractType")) candidates.push({ field: "contractType", index, score: byValues.score, why: `${byValues.why} (header "${text}")` });
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

/**
 * A column whose header does not name a contract type, whose values say goods, services or works
 * (`Supplies`, `Works`, OCDS codes): a few distinct values, nearly all read as a type. CPV codes
 * are not enough alone: eight digits could be any reference.
 */
function contractTypeByValues(profile: ColumnProfile | undefined): { score: number; why: string } | null {
  if (!profile || profile.filled < 5 || profile.distinct > 20 || profile.numbers > 0.5) return null;
  const share = contractTypeShare(profile.values);
  return share >= 0.8 ? { score: 0.6, why: `values: goods, services or works in ${Math.round(share * 100)}% of values` } : null;
}

function looksLikeData(cell: unknown): boolean {
  if (typeof cell === "number" || typeof cell === "boolean" || cell instanceof Date) return true;
  const text = headerText(cell);
  return /^[\d\s,.£$€%/:-]+$/.test(text) || text.length > 80;
}

/** How many rows from the top the header row is looked for in (a title block, notes, blank rows above it). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The header row among the first rows: skips title blocks and blank rows above it; the first row
 * whose cells are mostly short text and name at least two of the table's fields.
 * @example findHeaderRow([["Contract register"], [], ["Ref", "Supplier", "End date"], ["C1", "Acme", 45747]]) → 2
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], table: TableDefinition = CONTRACTS): number | null {
  let best: { row: number; matches: number } | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
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
