import { isBlankCell } from "../core/cellValues";
import { HEADER_SEARCH_ROWS, HeaderMapping, detectMapping, findHeaderRow, headerText, mapHeaders } from "../core/mapping";
import { isDateFormat } from "../core/numberFormats";
import { CorrectedMapping, MappingCorrections, MappingError, MappingMove, applyCorrections, columnNamed } from "../core/mappingCorrections";
import { FieldColumns, NormalisedTable, normaliseTable } from "../core/normalise";
import { CONTRACTS } from "../core/schema";
import type { DateOrder } from "../core/dates";
import type { Options } from "./options";
import { InputError, RegisterFile, readRegister } from "./readRegister";
import { UserMapping, userMapping } from "./userMapping";
import type { CellValue } from "../workbook/port";

/** The contract table found in a file: its sheet, header mapping (the user's corrections applied) and data rows. */
export interface FoundRegister {
  sheet: string;
  mapping: CorrectedMapping;
  rows: CellValue[][];
  /** The sheet's number formats where the file keeps them (.xlsx; sparse, aligned with rows), else undefined. */
  numberFormats?: (string | undefined)[][];
  /** A hidden sheet that names more of the register's columns than the visible one read, which the user is told of. */
  hiddenPassedOver?: string;
}

/** What the user said about where the register is and how it maps. */
export interface RegisterChoice {
  /** `--sheet`: read this sheet, not the one whose headers name most fields. */
  sheet?: string;
  /** `--mapping` and `--map`. */
  mapping?: UserMapping;
  /** Sheets the workbook hides: a visible sheet that holds a register is read before any of them. */
  hidden?: ReadonlySet<string>;
}

const sheetList = (file: RegisterFile): string => [...file.sheets.keys()].join(", ");

/** The sheet to read and its header row, as the user's choices say them (undefined: find it). */
function whereToLook(file: RegisterFile, choice: RegisterChoice): { sheet?: string; headerRow?: number } {
  const saved = choice.mapping?.file;
  if (choice.sheet !== undefined) {
    if (!file.sheets.has(choice.sheet)) throw new InputError(`${file.file} has no sheet "${choice.sheet}" (it has ${sheetList(file)})`);
    // --sheet beats the mapping file's sheet, and the file's header row was counted on its own sheet.
    return { sheet: choice.sheet, headerRow: saved?.sheet === choice.sheet ? saved.headerRow : undefined };
  }
  if (!saved || (saved.sheet === undefined && saved.headerRow === undefined)) return {};
  if (saved.sheet !== undefined && file.sheets.has(saved.sheet)) return { sheet: saved.sheet, headerRow: saved.headerRow };
  // A file of one sheet holds the register meant: a CSV file's sheet is named after the file, which
  // changes with each month's export.
  if (file.sheets.size === 1) return { sheet: [...file.sheets.keys()][0], headerRow: saved.headerRow };
  throw new InputError(
    saved.sheet !== undefined
      ? `${saved.file} is for sheet "${saved.sheet}", which ${file.file} does not have (it has ${sheetList(file)}): give --sheet NAME`
      : `${saved.file} gives a header row but no sheet, and ${file.file} has several (${sheetList(file)}): give --sheet NAME`,
  );
}

type DateCells = ((row: number, column: number) => boolean) | undefined;

/** Whether a sheet's number cell is shown as a date, where the file keeps number formats (.xlsx: a cell with none is General, a number). */
function dateCells(file: RegisterFile, sheet: string): DateCells {
  if (file.kind !== "xlsx") return undefined;
  const formats = file.numberFormats.get(sheet) ?? [];
  return (row, column) => {
    const format = formats[row]?.[column];
    return format !== undefined && isDateFormat(format);
  };
}

/** The detected mapping of the header row the user named. */
function mappingAt(rows: readonly CellValue[][], headerRow: number, where: string, isDateCell: DateCells, savedHeaders: readonly string[]): HeaderMapping {
  const line = rows[headerRow];
  const detected = detectMapping(rows, CONTRACTS, { isDateCell });
  if (detected?.headerRow === headerRow) return detected;
  // Next month's export with one more title row: the header row has moved, and detection finds the
  // row that holds the columns the file names.
  const holds = (row: readonly CellValue[] | undefined): boolean => !!row && savedHeaders.some((h) => columnNamed(row.map(headerText), h) >= 0);
  if (detected && savedHeaders.length > 0 && !holds(line) && holds(rows[detected.headerRow])) return detected;
  if (!line || line.every(isBlankCell)) throw new InputError(`Row ${headerRow + 1} of ${where} is blank: it cannot be the header row the mapping file says`);
  // Detection from that row down still reads the columns' values.
  const below = detectMapping(rows.slice(headerRow), CONTRACTS, { isDateCell: isDateCell && ((row, column) => isDateCell(row + headerRow, column)) });
  if (below?.headerRow === 0) return { ...below, headerRow };
  const first = headerRow + 1;
  return { headerRow, ...mapHeaders(line, CONTRACTS, { rows: rows.slice(first), isDateCell: isDateCell && ((row, column) => isDateCell(row + first, column)) }) };
}

/** Whether a saved entry says what detection finds now (then the field keeps its confidence and reason). */
function agrees(mapping: HeaderMapping, headers: readonly string[], key: string, header: string | null | undefined): boolean {
  const match = mapping.fields[key];
  if (header === undefined) return true;
  return header === null ? match === undefined : match !== undefined && columnNamed(headers, header) === match.index;
}

/**
 * The user's corrections over the detected mapping: the mapping file's, then the `--map` flags',
 * which win. A field listed as moved is one left with no column at the end.
 */
function corrected(mapping: HeaderMapping, rows: readonly CellValue[][], user: UserMapping | undefined): CorrectedMapping {
  const headers = (rows[mapping.headerRow] ?? []).map(headerText);
  const saved = user?.file;
  let afterFile: CorrectedMapping = { ...mapping, moved: [] };
  if (saved) {
    const changes = Object.fromEntries(Object.entries(saved.corrections).filter(([key, header]) => !(saved.detected.has(key) && agrees(mapping, headers, key, header))));
    try {
      afterFile = applyCorrections(mapping, headers, changes);
    } catch (error) {
      throw error instanceof MappingError ? new MappingError(`${saved.file}: ${error.message}`) : error;
    }
  }
  const afterFlags = applyCorrections(afterFile, headers, user?.flags);
  const moved = [...afterFile.moved, ...afterFlags.moved].filter((m) => afterFlags.fields[m.field] === undefined);
  return { ...afterFlags, moved };
}

/**
 * Why no header row was found, saying how far down it was looked for, and where a row below that
 * names the register's columns (a long title block or notes above the table), how to point to it.
 */
function noHeaderRow(file: RegisterFile, sheets: readonly string[], named: string | undefined): string {
  const where = `${file.file}${named ? ` on sheet "${named}"` : ""}`;
  const searched = `in the first ${HEADER_SEARCH_ROWS} rows of ${where}`;
  for (const sheet of sheets) {
    const rows = file.sheets.get(sheet) ?? [];
    // Rows further down, a window at a time, as far as a title block could plausibly reach.
    for (let from = HEADER_SEARCH_ROWS; from < Math.min(rows.length, BELOW_SEARCH_ROWS); from += HEADER_SEARCH_ROWS) {
      const found = findHeaderRow(rows.slice(from, from + HEADER_SEARCH_ROWS + 2), CONTRACTS);
      if (found === null) continue;
      const row = from + found + 1;
      const onSheet = file.sheets.size > 1 ? ` of sheet "${sheet}"` : "";
      return `No header row found ${searched}; row ${row}${onSheet} looks like one: point to it with --mapping FILE.json holding {${onSheet ? `"sheet": ${JSON.stringify(sheet)}, ` : ""}"headerRow": ${row}, "fields": {}}`;
    }
  }
  return `No header row found ${searched}: expected a row of column names such as Contract ID, Supplier, End date`;
}
// How far below the rows searched a header row is looked for, to say where it is.
const BELOW_SEARCH_ROWS = 1000;

/**
 * The sheet holding the contract register — the one named (`--sheet`, else the mapping file's),
 * else the one whose headers name most fields — with its header mapping: detected, then corrected
 * by the user. Every command finds its register here, so they all read the same columns.
 * @throws InputError for a sheet that is not there or no header row; MappingError for a correction naming no column
 * @example findRegister(file, { mapping: { flags: { department: "Division" } } }).mapping.fields.department?.column → "Division"
 */
export function findRegister(file: RegisterFile, choice: RegisterChoice = {}): FoundRegister {
  const where = whereToLook(file, choice);
  const candidates = where.sheet !== undefined ? [where.sheet] : [...file.sheets.keys()];
  const registers: { sheet: string; mapping: HeaderMapping; rows: CellValue[][]; fields: number }[] = [];
  for (const name of candidates) {
    const rows = file.sheets.get(name) ?? [];
    const isDateCell = dateCells(file, name);
    const savedHeaders = Object.values(choice.mapping?.file?.corrections ?? {}).filter((h): h is string => typeof h === "string");
    const mapping = where.headerRow !== undefined ? mappingAt(rows, where.headerRow, `sheet "${name}" of ${file.file}`, isDateCell, savedHeaders) : detectMapping(rows, CONTRACTS, { isDateCell });
    if (mapping) registers.push({ sheet: name, mapping, rows, fields: Object.keys(mapping.fields).length });
  }
  // The sheet whose headers name most fields (the first of equals); a hidden sheet (an old copy, a
  // lookup list) only when no visible sheet holds a register, and the user is told of one passed over.
  const most = <T extends { fields: number }>(list: readonly T[]): T | undefined => list.reduce<T | undefined>((a, b) => (!a || b.fields > a.fields ? b : a), undefined);
  const hidden = (r: { sheet: string }): boolean => choice.hidden?.has(r.sheet) ?? false;
  const best = most(registers.filter((r) => !hidden(r))) ?? most(registers);
  const passedOver = best && !hidden(best) ? most(registers.filter(hidden)) : undefined;
  const hiddenPassedOver = best && passedOver && passedOver.fields > best.fields ? passedOver.sheet : undefined;
  if (!best) throw new InputError(noHeaderRow(file, candidates, where.sheet));
  return {
    sheet: best.sheet,
    mapping: corrected(best.mapping, best.rows, choice.mapping),
    rows: best.rows,
    numberFormats: file.kind === "xlsx" ? (file.numberFormats.get(best.sheet) ?? []) : undefined,
    ...(hiddenPassedOver !== undefined ? { hiddenPassedOver } : {}),
  };
}

/**
 * The one-line note for a field a user's choice left with no column.
 * @example movedNote({ field: "contractId", column: "Ref", to: "title" }) → 'Contract ID no longer has a column: you gave "Ref" to Title'
 */
export function movedNote(move: MappingMove): string {
  const header = (key: string): string => CONTRACTS.fields.find((f) => f.key === key)?.header ?? key;
  return `${header(move.field)} no longer has a column: you gave "${move.column}" to ${header(move.to)}`;
}

/**
 * Reads the register a command works on and finds its contract table with the user's `--sheet`,
 * `--mapping` and `--map` applied; each field a choice left with no column is one line to `note`.
 * `keep`: also read what convert keeps beyond values (RegisterFile.kept).
 * @example const { found } = await openRegister(options, err) // found.mapping as `map` prints it
 */
export async function openRegister(options: Options, note: (line: string) => void = () => undefined, sheet?: string, keep = false): Promise<{ file: RegisterFile; found: FoundRegister }> {
  const file = await readRegister(options.file, { keep });
  for (const line of file.notes) note(line);
  return { file, found: await foundRegister(file, options, note, sheet) };
}

/**
 * openRegister's finding of the contract table in a register already read (or, for a register
 * read as a stream, in its first rows and sampled ones: mapping looks at no others), with its notes.
 * `sheet`: where the caller knows the register is (a tracker's Contracts table), unless --sheet says otherwise.
 * @example const found = await foundRegister(file, options, err) // found.mapping as `map` prints it
 */
export async function foundRegister(file: RegisterFile, options: Options, note: (line: string) => void = () => undefined, sheet?: string): Promise<FoundRegister> {
  const mapping = userMapping(options);
  const chosen = options.value("--sheet") ?? sheet;
  const found = findRegister(file, { sheet: chosen, mapping, hidden: chosen === undefined && file.sheets.size > 1 ? file.hiddenSheets : undefined });
  if (found.hiddenPassedOver !== undefined) {
    note(`Read the visible sheet "${found.sheet}"; the hidden sheet "${found.hiddenPassedOver}" also looks like a register (give --sheet "${found.hiddenPassedOver}" to read it instead)`);
  }
  for (const move of found.mapping.moved) note(movedNote(move));
  // A field that decides what the tracker says, with no column: said once, with how to name it
  // (`map` lists every field already).
  if (options.command !== "map") {
    const saidNone = (key: string): boolean => mapping.flags[key] === null || (mapping.flags[key] === undefined && mapping.file?.corrections[key] === null);
    if (!found.mapping.fields.endDate && !saidNone("endDate")) note('No End date column found: expiry, notice and RAG cannot be worked out (name it with --map endDate="HEADER")');
    if (!found.mapping.fields.contractId && !saidNone("contractId") && options.command !== "convert") note('No Contract ID column found: contracts are named by their row (name it with --map contractId="HEADER")');
  }
  return found;
}

/**
 * The decided mapping said as corrections, every field named (null: no column), so a step that
 * detects again (reading a tracker, setting one up) lands on exactly the columns `map` shows.
 * @example asCorrections(found.mapping) → { contractId: "Ref", title: "Title", tier: null, … }
 */
export function asCorrections(mapping: HeaderMapping): MappingCorrections {
  return Object.fromEntries(CONTRACTS.fields.map((f) => [f.key, mapping.fields[f.key]?.column ?? null]));
}

/** Where each mapped field's values are. */
export function fieldColumns(mapping: HeaderMapping): FieldColumns {
  return Object.fromEntries(Object.entries(mapping.fields).flatMap(([k, v]) => (v ? [[k, { column: v.column, index: v.index }]] : [])));
}

/** The register's data rows read into typed values, with its data-quality problems. */
export function normaliseRegister(found: FoundRegister, dateOrder: DateOrder, locale?: string): NormalisedTable {
  const data = found.rows.slice(found.mapping.headerRow + 1);
  const numberFormats = found.numberFormats?.slice(found.mapping.headerRow + 1);
  return normaliseTable(data, CONTRACTS, fieldColumns(found.mapping), { dateOrder, firstRow: found.mapping.headerRow + 2, numberFormats, locale });
}
