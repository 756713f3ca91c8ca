import { isBlankCell } from "../../core/cellValues";
import { FieldMatch, detectMapping, mapHeaders } from "../../core/mapping";
import { applyCorrections } from "../../core/mappingCorrections";
import { CONTRACTS } from "../../core/schema";
import { savedMapping } from "../../features/trackerData";
import type { FormulaStyle } from "../../features/trackerFormulas";
import type { CellBlock, WorkbookPort } from "../../workbook/port";
import { columnLetters } from "../format";

/** The register the wizard found, and how its headers map to the tracker's fields. */
export interface RegisterFound {
  /** The tracker's table when set-up has run before; null when a range is to become the Contracts table. */
  table: string | null;
  sheet: string;
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** The cells the table covers, e.g. `A4:R30`. */
  address: string;
  contracts: number;
  /** The register's own headers, on one line each, in sheet order: the choices for every field. */
  headers: string[];
  /** Field key → the column detection (or the saved mapping) chose, with how sure it is. */
  mapping: Partial<Record<string, FieldMatch>>;
  /** Tables the workbook already has. */
  tables: string[];
  /** The sheet's used range as read here, handed to set-up so it is not read twice; absent for an existing table. */
  register?: CellBlock;
  /** True when the table already has the tracker's computed columns. */
  alreadySetUp: boolean;
  /** The user said, at an earlier set-up, that the register has no contract IDs (it is keyed by row number). */
  noContractIds: boolean;
  /** The formulas an earlier set-up wrote the computed columns in (saved with the mapping); the CONTRACT functions for a new register. */
  formulas: FormulaStyle;
}

const oneLine = (cell: unknown): string => (isBlankCell(cell) ? "" : String(cell).replace(/\s+/g, " ").trim());
const unique = (headers: readonly string[]): string[] => [...new Set(headers.filter((h) => h !== ""))];
const computed = new Set(CONTRACTS.computed.map((h) => h.toLowerCase()));

/**
 * Finds the register as set-up will: the tracker's table when set-up ran before (the saved mapping
 * wins over detection), else the header row and the rows below it on the sheet in view.
 */
export async function findRegister(port: WorkbookPort): Promise<RegisterFound> {
  const [tables, saved] = await Promise.all([port.tableNames(), savedMapping(port)]);
  const names = tables.map((t) => t.name);
  const existing = names.includes("Contracts") ? "Contracts" : names.includes(saved.table) ? saved.table : null;
  if (existing) {
    const snapshot = (await port.readTables([existing])).get(existing);
    if (!snapshot) throw new Error(`The table "${existing}" could not be read`);
    const headers = snapshot.headers.map(oneLine);
    const detected = mapHeaders(headers, CONTRACTS, { rows: snapshot.rows });
    const { fields: mapping } = applyCorrections({ headerRow: snapshot.row, ...detected }, headers, saved.corrections, { missing: "skip" });
    const last = snapshot.column + headers.length - 1;
    return {
      table: existing,
      sheet: snapshot.sheet,
      headerRow: snapshot.row + 1,
      address: `${columnLetters(snapshot.column)}${snapshot.row + 1}:${columnLetters(last)}${snapshot.row + 1 + snapshot.rows.length}`,
      contracts: snapshot.rows.length,
      headers: unique(headers.filter((h) => !computed.has(h.toLowerCase()))),
      mapping,
      tables: names,
      alreadySetUp: headers.some((h) => computed.has(h.toLowerCase())),
      noContractIds: saved.noContractIds,
      formulas: saved.formulas,
    };
  }
  const sheet = await port.activeSheet();
  const used = await port.readUsedRange(sheet);
  const found = detectMapping(used.values, CONTRACTS);
  if (!found) {
    throw new Error(
      used.values.length === 0
        ? `The sheet "${sheet}" is empty: open the sheet that holds your contract register`
        : `No header row found on the sheet "${sheet}": the register needs a row of column names such as Contract ID, Supplier, End date`,
    );
  }
  const headerCells = used.values[found.headerRow];
  const top = used.row + found.headerRow;
  const rows = used.values.length - found.headerRow - 1;
  return {
    table: null,
    sheet,
    headerRow: top + 1,
    address: `${columnLetters(used.column)}${top + 1}:${columnLetters(used.column + headerCells.length - 1)}${top + 1 + rows}`,
    contracts: rows,
    headers: unique(headerCells.map(oneLine)),
    mapping: found.fields,
    tables: names,
    alreadySetUp: false,
    noContractIds: false,
    formulas: "contract",
    register: used,
  };
}
