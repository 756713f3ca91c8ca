/**
 * The tracker's red/amber/green colours: the fill and font its conditional formats give a RAG cell,
 * in Excel (the Office adapter), in the .xlsx files the command line writes, in the summary's HTML
 * and in the preview's grid. A light fill under dark text of the same hue keeps the word readable
 * (WCAG AA contrast on every pair); Unrated is a neutral grey.
 */
export interface RagFill {
  /** The word the rule looks for in the cell. */
  text: "Red" | "Amber" | "Green" | "Unrated";
  /** Background, #RRGGBB. */
  fill: string;
  /** Text colour, #RRGGBB. */
  font: string;
}

/** In rule order: the first whose word the cell contains wins, as Excel applies the first matching rule. */
export const RAG_FILLS: readonly RagFill[] = [
  { text: "Red", fill: "#F8CBAD", font: "#9C0006" },
  { text: "Amber", fill: "#FFE699", font: "#7F6000" },
  { text: "Green", fill: "#C6EFCE", font: "#006100" },
  { text: "Unrated", fill: "#EDEDED", font: "#3B3B3B" },
];

/**
 * The fill a RAG-formatted cell shows, or null. The rules are Excel's "cell contains text"
 * (`NOT(ISERROR(SEARCH("Red",A2)))`): any case, anywhere in the cell's shown text, first rule first.
 * @example ragFillOf("Amber") → { text: "Amber", fill: "#FFE699", font: "#7F6000" }; ragFillOf("red (overdue)")?.text → "Red"; ragFillOf(12) → null
 */
export function ragFillOf(shown: string | number | boolean | null): RagFill | null {
  if (typeof shown !== "string" || shown === "") return null;
  const text = shown.toLowerCase();
  return RAG_FILLS.find((f) => text.includes(f.text.toLowerCase())) ?? null;
}
