import type { FieldMatch } from "../../core/mapping";
import { MappingCorrections, MappingMove, USER_CHOICE, applyCorrections } from "../../core/mappingCorrections";
import { CONTRACTS } from "../../core/schema";

/**
 * A field's column as the user sees it in the wizard: a header, or null for "Not in this register";
 * how sure detection was and why; whether the user chose it; and, for a field whose column the
 * user gave to another field, that move (core/mappingCorrections' MappingMove), so the wizard can
 * say so instead of "Not found".
 */
export interface Choice {
  header: string | null;
  confidence: number | null;
  byUser: boolean;
  /** Why detection chose the column (FieldMatch.why), e.g. `dates in 98% of rows`. */
  why?: string;
  /** The column this field lost to another field the user gave it to. */
  lost?: MappingMove;
}
export type Choices = Record<string, Choice>;

/** A field's name as the wizard shows it: its header in the Contracts table. @example fieldLabel("contractId") → "Contract ID" */
export const fieldLabel = (key: string): string => CONTRACTS.fields.find((f) => f.key === key)?.header ?? key;

/**
 * The starting choices: what detection (or the saved mapping) found for every field, with why. A
 * saved mapping's columns come back as sure (confidence 1) with no reason of detection to show.
 */
export function initialChoices(mapping: Partial<Record<string, FieldMatch>>): Choices {
  return Object.fromEntries(
    CONTRACTS.fields.map((f): [string, Choice] => {
      const match = mapping[f.key];
      if (!match) return [f.key, { header: null, confidence: null, byUser: false }];
      const why = match.why && match.why !== USER_CHOICE ? { why: match.why } : {};
      return [f.key, { header: match.column, confidence: match.confidence, byUser: false, ...why }];
    }),
  );
}

/**
 * The fields that would lose their column if `key` took `header`: what set-up's applyCorrections
 * would move, worked out by it over the wizard's choices, so the wizard asks about exactly that.
 * @example movesOf({ contractId: { header: "Ref", … }, title: { header: null, … } }, ["Ref"], "title", "Ref") → [{ field: "contractId", column: "Ref", to: "title" }]
 */
export function movesOf(choices: Choices, headers: readonly string[], key: string, header: string | null): MappingMove[] {
  if (header === null) return [];
  const fields = Object.fromEntries(
    Object.entries(choices).flatMap(([k, c]) => (c.header === null || k === key ? [] : [[k, { column: c.header, index: headers.indexOf(c.header), confidence: c.confidence ?? 1 }]])),
  );
  return applyCorrections({ headerRow: 0, fields, unmapped: [] }, headers, { [key]: header }).moved;
}

/**
 * A field set to a header (or to none), as the user confirmed it: a field that had the header
 * loses it, and keeps the move so the wizard shows where its column went.
 */
export function choose(choices: Choices, headers: readonly string[], key: string, header: string | null): Choices {
  const next: Choices = { ...choices, [key]: { header, confidence: null, byUser: true } };
  for (const move of movesOf(choices, headers, key, header)) next[move.field] = { header: null, confidence: null, byUser: true, lost: move };
  return next;
}

/** What set-up is told: every field the user changed (those that lost their column too), field key → header (null: no column). */
export function correctionsOf(choices: Choices): MappingCorrections {
  return Object.fromEntries(Object.entries(choices).flatMap(([key, c]) => (c.byUser ? [[key, c.header]] : [])));
}
