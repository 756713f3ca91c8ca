import type { HeaderMapping } from "../core/mapping";
import { MappingCorrections, fieldNamed } from "../core/mappingCorrections";
import { CONTRACTS } from "../core/schema";
import type { WorkbookPort } from "../workbook/port";
import type { FormulaStyle } from "./trackerFormulas";
import { MAPPING_SETTING } from "./trackerData";

// The mapping set-up saves in the workbook (setting MAPPING_SETTING, read back by trackerData's
// savedMapping): the register's place, each field's column, the fields the user said it lacks,
// and whether it is keyed by row number.

/** The saved mapping as JSON holds it. */
export interface SavedMapping {
  sheet: string;
  table: string;
  headerRow: number;
  /** Field key → its column; null for a field the user said the register does not have. */
  fields: Record<string, string | null>;
  /** The user said the register has no contract IDs: it is keyed by row number. */
  noContractIds?: true;
  /**
   * The computed columns are in Excel's own formulas: columns a later set-up adds are written in
   * them too, so the tracker never mixes the two. Absent: the CONTRACT functions.
   */
  formulas?: "native";
  /**
   * The computed columns named otherwise than PRODUCT.md names them, by that name: `{ "RAG": "RAG
   * (tracker)" }` where the register had a RAG of its own, so later runs know which is the tracker's.
   */
  computedNames?: Record<string, string>;
}

/** The saved mapping's JSON read back; null when set-up has not run. @example previousOf('{"sheet":"R","table":"Contracts","headerRow":0,"fields":{}}')?.table → "Contracts" */
export function previousOf(saved: string | null): SavedMapping | null {
  return saved ? (JSON.parse(saved) as SavedMapping) : null;
}

/**
 * The fields the user said the register does not have (a null correction, now or saved before;
 * the Contract ID of a register keyed by row) and that still have no column: saved as null, so
 * later reads do not find them again by their headers and disagree with the computed columns.
 */
function saidAbsent(mapping: HeaderMapping, corrections: MappingCorrections | undefined, previous: SavedMapping | null, keyedByRow: boolean): Record<string, null> {
  const absent = new Set(Object.entries(previous?.fields ?? {}).flatMap(([k, v]) => (v === null ? [k] : [])));
  if (keyedByRow) absent.add("contractId");
  for (const [name, header] of Object.entries(corrections ?? {})) {
    if (header === undefined) continue;
    // Names were checked when the corrections were applied.
    const key = fieldNamed(name);
    if (header === null || header.trim() === "") absent.add(key);
    else absent.delete(key);
  }
  return Object.fromEntries(CONTRACTS.fields.flatMap((f) => (absent.has(f.key) && !mapping.fields[f.key] ? [[f.key, null]] : [])));
}

/**
 * What set-up saves: each mapped field's column (as the table names it), null for the fields the
 * user said the register lacks, `noContractIds` when it is keyed by row number, and `formulas`
 * when the computed columns are in Excel's own formulas.
 * @example mappingToSave({ sheet: "R", table: "Contracts", mapping, keyedByRow: true }, {}, null).fields.contractId → null
 */
export function mappingToSave(
  where: { sheet: string; table: string; mapping: HeaderMapping; keyedByRow: boolean; formulas?: FormulaStyle; computedNames?: Record<string, string> },
  corrections: MappingCorrections | undefined,
  previous: SavedMapping | null,
): SavedMapping {
  const { mapping, keyedByRow } = where;
  return {
    sheet: where.sheet,
    table: where.table,
    headerRow: mapping.headerRow,
    fields: { ...Object.fromEntries(Object.entries(mapping.fields).flatMap(([k, m]) => (m ? [[k, m.column]] : []))), ...saidAbsent(mapping, corrections, previous, keyedByRow) },
    ...(keyedByRow ? { noContractIds: true as const } : {}),
    ...(where.formulas === "native" ? { formulas: "native" as const } : {}),
    // Names kept from before: a later run's plan names only the columns it plans.
    ...(Object.keys({ ...previous?.computedNames, ...where.computedNames }).length ? { computedNames: { ...previous?.computedNames, ...where.computedNames } } : {}),
  };
}

/**
 * Records in the saved mapping that a field of Contracts is now in this column (a Status column the
 * tracker added), so later reads find it there even where the user had said the register lacked
 * the field. Does nothing when set-up has saved no mapping (or one that cannot be read): the
 * column's header is then found as any other.
 * @example await rememberFieldColumn(port, "status", "Status")
 */
export async function rememberFieldColumn(port: WorkbookPort, field: string, column: string): Promise<void> {
  const saved = await port.loadSetting(MAPPING_SETTING);
  let mapping: SavedMapping | null;
  try {
    mapping = previousOf(saved);
  } catch {
    return;
  }
  if (mapping === null || typeof mapping.fields !== "object" || mapping.fields === null) return;
  await port.saveSetting(MAPPING_SETTING, JSON.stringify({ ...mapping, fields: { ...mapping.fields, [field]: column } }));
}
