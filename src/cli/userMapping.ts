// The user's word on where a register's fields are: `--map FIELD=HEADER` flags and a
// `--mapping FILE.json` saved from `map --json`, read and checked before the register is opened.
import * as fs from "fs";
import { MappingCorrections, MappingError, fieldNamed } from "../core/mappingCorrections";
import { CONTRACTS } from "../core/schema";
import { InputError } from "./inputError";
import type { Options } from "./options";
import { decodeText } from "./textEncoding";

/** A mapping file as read. */
export interface MappingFile {
  /** The file's name as given, for messages. */
  file: string;
  /** The sheet the mapping was made on, when the file says. */
  sheet?: string;
  /** 0-based index of the header row, when the file says (the file counts rows from 1, as `map` prints them). */
  headerRow?: number;
  /**
   * Field key → header, or null for "not in this register". A file as `map --json` prints it is
   * the whole mapping, so a field it leaves out is null; the short form names only what it corrects.
   */
  corrections: MappingCorrections;
  /**
   * Fields the file holds as detection found them (`map --json` without "your choice"): while
   * detection still finds the same, they keep its confidence and reason.
   */
  detected: ReadonlySet<string>;
}

/** Everything the user said about the mapping; the flags win over the file. */
export interface UserMapping {
  file?: MappingFile;
  flags: MappingCorrections;
}

const SHAPE = `as \`contract-tracker map FILE --json\` prints it, or {"fields": {"title": "Title of the Agreement", "status": null}}`;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const header = (text: string): string | null => (text.trim() === "" ? null : text);

/**
 * The `--map FIELD=HEADER` values as corrections keyed by field key. FIELD is a key or a header in
 * any case; an empty HEADER means the register has no such column.
 * @throws MappingError for a field that is not one (naming the fields) or a field given twice
 * @example mapFlags(["Contract ID=Ref", "status="]) → { contractId: "Ref", status: null }
 */
export function mapFlags(values: readonly string[]): MappingCorrections {
  const corrections: MappingCorrections = {};
  for (const value of values) {
    const split = value.indexOf("=");
    const key = fieldNamed(value.slice(0, split).trim());
    const column = header(value.slice(split + 1));
    const earlier = corrections[key];
    if (earlier !== undefined) throw new MappingError(`--map gives ${key} twice ("${earlier ?? ""}" and "${column ?? ""}"): give each field once`);
    corrections[key] = column;
  }
  return corrections;
}

/** One entry of a file's `fields`: a header, null, or `{ "column": … }` as `map --json` prints it. */
function column(file: string, key: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === "string") return header(value);
  if (isRecord(value) && (value.column === null || typeof value.column === "string")) return value.column === null ? null : header(value.column);
  throw new InputError(`${file}: fields.${key} must be a column header, null, or {"column": HEADER} ${SHAPE}`);
}

/**
 * Reads a mapping file (UTF-8, or UTF-16 as Windows PowerShell's `>` writes it).
 * @throws InputError (or MappingError for a field that is not one) in one line naming the file and what is wrong
 * @example readMappingFile("m.json") → { file: "m.json", sheet: "Register", headerRow: 0, corrections: { contractId: "Ref", … }, detected: Set { "contractId", … } }
 */
export function readMappingFile(file: string): MappingFile {
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new InputError(`No such mapping file: ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(decodeText(fs.readFileSync(file)));
  } catch (error) {
    throw new InputError(`${file} is not JSON (${error instanceof Error ? error.message : String(error)}): give a mapping ${SHAPE}`);
  }
  if (!isRecord(json) || !isRecord(json.fields)) throw new InputError(`${file} has no "fields": give a mapping ${SHAPE}`);
  const { sheet, headerRow } = json;
  if (sheet !== undefined && typeof sheet !== "string") throw new InputError(`${file}: "sheet" must be a sheet's name`);
  if (headerRow !== undefined && !(typeof headerRow === "number" && Number.isInteger(headerRow) && headerRow >= 1)) {
    throw new InputError(`${file}: "headerRow" must be the header row's number, counting from 1`);
  }
  const corrections: MappingCorrections = {};
  const detected = new Set<string>();
  for (const [name, value] of Object.entries(json.fields)) {
    let key: string;
    try {
      key = fieldNamed(name);
    } catch (error) {
      throw new MappingError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (key in corrections) throw new MappingError(`${file} names ${key} twice: give each field once`);
    corrections[key] = column(file, key, value);
    if (isRecord(value) && value.why !== "your choice") detected.add(key);
  }
  // `map --json` lists only the fields it found: in such a file a field left out was not found.
  const whole = Object.values(json.fields).some(isRecord);
  if (whole) {
    for (const field of CONTRACTS.fields) {
      if (field.key in corrections) continue;
      corrections[field.key] = null;
      detected.add(field.key);
    }
  }
  return { file, sheet, headerRow: headerRow === undefined ? undefined : headerRow - 1, corrections, detected };
}

/**
 * What the command line says about the mapping: the `--mapping` file (read first, so a broken one
 * fails before a large register is read) and the `--map` flags.
 * @example userMapping(parseArguments(["check", "r.csv", "--map", "title=Name"])) → { file: undefined, flags: { title: "Name" } }
 */
export function userMapping(options: Options): UserMapping {
  const file = options.value("--mapping");
  return { file: file === undefined ? undefined : readMappingFile(file), flags: mapFlags(options.values("--map")) };
}
