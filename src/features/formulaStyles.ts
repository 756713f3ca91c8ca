// The tracker's formula styles on their own, so the command line checks `--formulas` without
// loading the formulas themselves.

/** CONTRACT functions (with the add-in) or Excel's own formulas (without it). */
export type FormulaStyle = "contract" | "native";
export const FORMULA_STYLES: readonly FormulaStyle[] = ["contract", "native"];
