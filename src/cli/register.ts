import { HeaderMapping, detectMapping } from "../core/mapping";
import { FieldColumns, NormalisedTable, normaliseTable } from "../core/normalise";
import { CONTRACTS } from "../core/schema";
import type { DateOrder } from "../core/dates";
import { InputError, RegisterFile } from "./readRegister";
import type { CellValue } from "../workbook/port";

/** The contract table found in a file: its sheet, header mapping and data rows. */
export interface FoundRegister {
  sheet: string;
  mapping: HeaderMapping;
  rows: CellValue[][];
  /** The sheet's number formats where the file keeps them (.xlsx; sparse, aligned with rows), else undefined. */
  numberFormats?: (string | undefined)[][];
}

/** The sheet holding the contract register: the one named, else the one whose headers name most fields. */
export function findRegister(file: RegisterFile, sheet?: string): FoundRegister {
  const candidates = sheet ? [sheet] : [...file.sheets.keys()];
  if (sheet && !file.sheets.has(sheet)) throw new InputError(`${file.file} has no sheet "${sheet}" (it has ${[...file.sheets.keys()].join(", ")})`);
  let best: FoundRegister | null = null;
  for (const name of candidates) {
    const rows = file.sheets.get(name) ?? [];
    const mapping = detectMapping(rows, CONTRACTS);
    if (!mapping) continue;
    if (!best || Object.keys(mapping.fields).length > Object.keys(best.mapping.fields).length) best = { sheet: name, mapping, rows, numberFormats: file.kind === "xlsx" ? (file.numberFormats.get(name) ?? []) : undefined };
  }
  if (!best) throw new InputError(`No header row found in ${file.file}${sheet ? ` on sheet "${sheet}"` : ""}: expected a row of column names such as Contract ID, Supplier, End date`);
  return best;
}

/** Where each mapped field's values are. */
export function fieldColumns(mapping: HeaderMapping): FieldColumns {
  return Object.fromEntries(Object.entries(mapping.fields).flatMap(([k, v]) => (v ? [[k, { column: v.column, index: v.index }]] : [])));
}

/** The register's data rows read into typed values, with its data-quality problems. */
export function normaliseRegister(found: FoundRegister, dateOrder: DateOrder): NormalisedTable {
  const data = found.rows.slice(found.mapping.headerRow + 1);
  const numberFormats = found.numberFormats?.slice(found.mapping.headerRow + 1);
  return normaliseTable(data, CONTRACTS, fieldColumns(found.mapping), { dateOrder, firstRow: found.mapping.headerRow + 2, numberFormats });
}
