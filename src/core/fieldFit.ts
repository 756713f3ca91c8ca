import type { Candidate } from "./assignment";
import { ColumnProfile, isWithin } from "./columnProfile";
import type { FieldDefinition } from "./schema";
import { contractTypeShare } from "./contractType";

/**
 * How far a column's values bear out a field its header names: a factor on the header's score
 * (0 vetoes: the values contradict the field; below 1 doubts; above 1 confirms) and the evidence in
 * a user's words, shown beside the mapping.
 */
export interface FieldFit {
  factor: number;
  why: string;
}

// Fewer filled cells than this say too little to judge a column by.
const ENOUGH = 5;
// A column needs this many filled cells before "the same on every row" means something.
const ENOUGH_FOR_CONSTANT = 10;
const pct = (share: number): string => `${Math.round(share * 100)}%`;
const veto = (why: string): FieldFit => ({ factor: 0, why });

const TEXT_FIELDS = new Set(["title", "supplier", "contractManager", "department"]);

/**
 * Whether a column's values bear out a field, from its profile. The rules, by what the field holds:
 * a date needs dates in most rows (a column of dates is never an extension option or a notice
 * period); money needs amounts, and prose is never money; an ID is code-like and mostly unique;
 * names of things are text that is neither dates nor numbers nor yes/no; a department or a date
 * of the contract is not the same on every row (the council's own name, the day the register was
 * published); a department holds no names of people; a title varies from row to row; Status holds
 * a small vocabulary, not state codes or flags.
 * @example fieldFit(CONTRACTS.fields[8], profileColumn(["31/03/2027", "01/04/2026"])).factor → 1
 */
export function fieldFit(field: FieldDefinition, p: ColumnProfile): FieldFit {
  if (p.sampled > 0 && p.filled === 0) return { factor: 0.5, why: "no values" };
  if (p.filled < ENOUGH) return { factor: 1, why: "" };
  // One value on every row (the council's own name), or on nearly every row for a date (the day the register was published).
  const constant = p.filled >= ENOUGH_FOR_CONSTANT && p.distinct === 1;
  const nearlyConstant = p.filled >= ENOUGH_FOR_CONSTANT && p.dominant >= 0.9;
  switch (field.kind) {
    case "date": {
      if (p.dates < 0.2) return veto(p.amounts >= 0.5 ? "amounts, not dates" : "no dates");
      // One date on every row is the day the register was published or took effect, not a date of
      // each contract — except an end date: call-offs under one framework, or a council's annual
      // contracts, can all end on one day, so there it is a doubt (a header saying "End date" still
      // wins; a vague "Date" falls below the bar), not a veto.
      if (constant) return field.key === "endDate" ? { factor: 0.5, why: "the same date on every row" } : veto("the same date on every row");
      if (nearlyConstant) return { factor: 0.6, why: `the same date on ${pct(p.dominant)} of rows` };
      return { factor: p.dates >= 0.5 ? 1 : 0.6, why: `dates in ${pct(p.dates)} of rows` };
    }
    case "money": {
      if (p.sentences >= 0.3) return veto("sentences, not amounts");
      if (p.amounts < 0.2) return veto(p.dates >= 0.5 ? "dates, not amounts" : "no amounts");
      return { factor: p.amounts >= 0.5 ? 1 : 0.6, why: `amounts in ${pct(p.amounts)} of rows` };
    }
    case "id": {
      if (p.sentences >= 0.3) return veto("sentences, not references");
      if (p.personNames >= 0.5) return veto("names of people, not references");
      if (p.unique < 0.1 && p.filled >= 20) return { factor: 0.6, why: `only ${p.distinct} different values` };
      const confirmed = p.codes >= 0.8 && p.unique >= 0.9;
      return { factor: confirmed ? 1.03 : 1, why: `unique on ${pct(p.unique)} of rows` };
    }
    case "extension":
    case "period": {
      if (p.dates >= 0.5) return veto(`dates in ${pct(p.dates)} of rows, not a period`);
      if (p.yesNo >= 0.8) return veto("yes/no flags, not periods");
      // A notice period is written as one (`3 months`) or as days (`90`); links, names and notes are not.
      if (field.kind === "period" && p.periods + p.numbers < 0.2) return veto("no periods");
      if (p.sentences >= 0.5) return { factor: 0.8, why: "sentences" };
      return p.periods >= 0.3 ? { factor: 1.02, why: `periods in ${pct(p.periods)} of rows` } : { factor: 1, why: "" };
    }
    case "choice":
      if (field.key === "contractType") return contractTypeFit(p);
      // A choice is a few values (`Gold`, `Tier 1`, `1`): dates, or amounts that vary, are not one.
      if (p.dates >= 0.5 || (p.amounts >= 0.8 && p.distinct > 10)) return veto("dates or amounts, not a choice");
      return p.distinct > 10 ? { factor: 0.6, why: `${p.distinct} different values` } : { factor: 1, why: `${p.distinct} different values` };
    default:
      return field.key === "status" ? statusFit(p, constant) : TEXT_FIELDS.has(field.key) ? textFit(field.key, p, constant) : { factor: 1, why: "" };
  }
}

/**
 * A contract type column holds goods, services or works in words, codes or CPV codes (core/contractType):
 * a column of `Contract`/`Panel` (a kind of agreement, not what is bought) is not one.
 */
function contractTypeFit(p: ColumnProfile): FieldFit {
  if (p.dates >= 0.5) return veto(`dates in ${pct(p.dates)} of rows`);
  const share = contractTypeShare(p.values);
  if (share >= 0.6) return { factor: 1.05, why: `goods, services or works in ${pct(share)} of values` };
  if (share >= 0.3) return { factor: 0.7, why: `goods, services or works in only ${pct(share)} of values` };
  return veto("no goods, services or works");
}

function textFit(key: string, p: ColumnProfile, constant: boolean): FieldFit {
  if (p.dates >= 0.8) return veto(`dates in ${pct(p.dates)} of rows`);
  if (p.numbers >= 0.8) return veto(`numbers in ${pct(p.numbers)} of rows`);
  if (p.yesNo >= 0.8) return veto("yes/no flags");
  // Two- and three-letter codes name places (NY, ON) or units (HR), never a supplier or what a contract is for.
  if ((key === "supplier" || key === "title") && p.shortCodes >= 0.5) return { factor: 0.3, why: "two- or three-letter codes" };
  if (key === "department") {
    if (p.personNames >= 0.5) return { factor: 0.3, why: `names of people in ${pct(p.personNames)} of rows` };
    if (p.sentences >= 0.3) return veto("sentences, not a department");
    if (constant) return { factor: 0.5, why: `the same on ${pct(p.dominant)} of rows` };
    if (p.unique >= 0.8 && p.filled >= 20) return { factor: 0.7, why: `different on ${pct(p.unique)} of rows` };
    return { factor: 1, why: `${p.distinct} different values` };
  }
  if (key === "contractManager") {
    if (p.personNames >= 0.5) return { factor: 1.03, why: `names of people in ${pct(p.personNames)} of rows` };
    if (p.sentences >= 0.3) return veto("sentences, not names");
    return { factor: 0.85, why: "" };
  }
  if (key === "title") {
    if (constant) return { factor: 0.5, why: `the same on ${pct(p.dominant)} of rows` };
    if (p.personNames >= 0.5) return { factor: 0.5, why: `names of people in ${pct(p.personNames)} of rows` };
    // A column of short codes is a reference or a category, not what the contract is for.
    if (p.codes >= 0.8 && p.typicalLength <= 15) return { factor: 0.6, why: `codes in ${pct(p.codes)} of rows` };
    // Titles differ from contract to contract; job titles and categories repeat.
    if (p.unique < 0.2 && p.filled >= 20) return { factor: 0.7, why: `only ${p.distinct} different values` };
    return { factor: p.typicalLength <= 120 ? 1 : 0.9, why: `text, typically ${p.typicalLength} characters` };
  }
  // supplier
  if (constant) return { factor: 0.6, why: `the same on ${pct(p.dominant)} of rows` };
  return { factor: 1, why: "" };
}

function statusFit(p: ColumnProfile, constant: boolean): FieldFit {
  if (p.dates >= 0.5) return veto(`dates in ${pct(p.dates)} of rows`);
  if (p.numbers >= 0.8 || p.amounts >= 0.8) return veto("numbers, not statuses");
  if (p.yesNo >= 0.8) return veto("yes/no flags, not statuses");
  if (p.statusWords >= 0.5 && p.sentences < 0.3) return { factor: 1.03, why: `status words in ${pct(p.statusWords)} of rows` };
  if (p.shortCodes >= 0.5) return { factor: 0.3, why: "two- or three-letter codes (places?), not statuses" };
  if (p.personNames >= 0.5) return { factor: 0.3, why: "names of people, not statuses" };
  if (p.sentences >= 0.3) return { factor: 0.5, why: "sentences, not statuses" };
  if (p.distinct > 30 && p.unique > 0.2) return { factor: 0.5, why: `${p.distinct} different values` };
  return { factor: p.statusWords < 0.1 && !constant ? 0.7 : 1, why: `${p.distinct} different values` };
}

/**
 * Where two columns could be the department and one's values fall within the other's (a service
 * within its directorate), the coarser is the owning department: the finer one's score drops a
 * little, so it wins only when the coarser has no better claim. Changes `candidates` in place.
 */
export function preferParentUnits(candidates: Candidate[], rows: readonly (readonly unknown[])[]): void {
  const departments = candidates.filter((c) => c.field === "department");
  for (const finer of departments) {
    for (const coarser of departments) {
      if (finer === coarser || !isWithin(rows, finer.index, coarser.index)) continue;
      finer.score = Math.round(finer.score * 0.85 * 100) / 100;
      finer.why = `${finer.why}; a unit within another column's`;
      break;
    }
  }
}
