/**
 * The Settings view: every setting of the Settings table with its value and meaning, and saving
 * what the user changed, checked by the same rules that read the table, into the table's Value
 * cells. The as_of cell keeps its =TODAY() formula unless the user sets a date.
 */
import { DateOrder, formatSerial, parseDateText } from "../core/dates";
import { DEFAULT_LADDER } from "../core/escalationSummary";
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS, TrackerSettings, readSettings } from "../core/settings";
import type { CellInput, CellValue, TableCellUpdate, TableSnapshot, WorkbookPort } from "../workbook/port";
import { FieldErrors, FormResult, exampleDate } from "./formInput";
import { settingColumns, settingName } from "./settingsTable";
import { setWorkbookSettings } from "./workbookSettings";

/** How a setting is edited. */
export type SettingKind = "number" | "dateOrder" | "date" | "text";

export interface SettingField {
  /** As the Settings table's Name column has it, e.g. `expiry_red_days`. */
  name: string;
  /** For a form, e.g. "Expiry red days". */
  label: string;
  meaning: string;
  kind: SettingKind;
  /**
   * The value as the form shows it for editing: a number as written (0.95), `dmy` or `mdy`, the
   * as-of date in the workbook's date order ("" while it is today's date by formula and not yet
   * calculated), a ladder name. A setting the table lacks shows its default.
   */
  value: string;
  /** Its row in the Settings table's body (0-based); null when the table has none (saving adds it). */
  row: number | null;
}

const AS_OF = "as_of";
const TODAY: CellInput = { formula: "=TODAY()" };

const kindOf = (name: string, key: keyof TrackerSettings | null): SettingKind => (name === AS_OF ? "date" : key === "dateOrder" ? "dateOrder" : key === null ? "text" : "number");

/** A serial as a date in the workbook's order: 25/11/2026, or 11/25/2026 where dates are month-first. */
function shownDate(serial: number, order: DateOrder): string {
  const [day, month, year] = formatSerial(serial).split("/");
  return order === "dmy" ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

function defaultOf(name: string, key: keyof TrackerSettings | null): string {
  if (key !== null) return String(DEFAULT_SETTINGS[key]);
  const ladder = /^ladder_level_([123])$/.exec(name);
  return ladder ? DEFAULT_LADDER[Number(ladder[1]) as 1 | 2 | 3] : "";
}

interface SettingsTable {
  snapshot: TableSnapshot;
  nameAt: number;
  valueAt: number;
  /** Body row of each setting by name. */
  rows: Map<string, number>;
}

function settingsTable(snapshot: TableSnapshot): SettingsTable {
  const { nameAt, valueAt } = settingColumns(snapshot.headers);
  const rows = new Map<string, number>();
  snapshot.rows.forEach((line, i) => {
    const name = settingName(line[nameAt]);
    if (name !== "" && !rows.has(name)) rows.set(name, i);
  });
  return { snapshot, nameAt, valueAt, rows };
}

const settingsOf = (tables: ReadonlyMap<string, TableSnapshot> | TableSnapshot | undefined): TableSnapshot | undefined =>
  tables === undefined || "headers" in tables ? (tables as TableSnapshot | undefined) : tables.get("Settings");

/**
 * Every setting of SETTING_DEFINITIONS, in its order, with its current value and meaning, from the
 * Settings table as read (the tables `readPaneData` gives, or the table itself).
 * @example readSettingsForm(tables)[0] → { name: "expiry_red_days", label: "Expiry red days", value: "90", kind: "number", row: 0, … }
 */
export function readSettingsForm(tables: ReadonlyMap<string, TableSnapshot> | TableSnapshot | undefined): SettingField[] {
  const snapshot = settingsOf(tables);
  const table = snapshot ? settingsTable(snapshot) : null;
  const cell = (name: string): CellValue => {
    const row = table?.rows.get(name);
    return row === undefined || !table ? null : (table.snapshot.rows[row][table.valueAt] ?? null);
  };
  const order = String(cell("date_order") ?? "").trim().toLowerCase() === "mdy" ? "mdy" : "dmy";
  return SETTING_DEFINITIONS.map(({ name, key, meaning }) => {
    const value = cell(name);
    const kind = kindOf(name, key);
    let shown: string;
    if (kind === "date") shown = typeof value === "number" && value > 0 ? shownDate(Math.floor(value), order) : String(value ?? "").trim();
    else if (value === null || String(value).trim() === "") shown = defaultOf(name, key);
    else shown = String(value).trim();
    const label = name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, " ");
    return { name, label, meaning, kind, value: shown, row: table?.rows.get(name) ?? null };
  });
}

/** What a changed setting is to become, or why it cannot. */
function typedValue(field: SettingField, text: string, order: DateOrder): { value: CellInput } | { error: string } {
  if (field.kind === "text") return { value: text === "" ? null : text };
  if (field.kind === "date") {
    if (text === "") return { value: TODAY };
    const date = parseDateText(text, order);
    return date.ok ? { value: date.value } : { error: `${field.name}: enter a date such as ${exampleDate(order)}, or leave it blank for today` };
  }
  if (text === "") return { error: field.kind === "dateOrder" ? `${field.name} must be dmy or mdy` : `${field.name} must be a number of zero or more` };
  // The value alone, by readSettings' own reading: every other threshold is given the same value,
  // so no rule across settings (amber at least red) can object here; those are checked together.
  const others = SETTING_DEFINITIONS.filter((d) => d.key !== null && d.key !== "dateOrder" && d.name !== field.name).map((d) => [d.name, text]);
  const read = readSettings([[field.name, text], ...(field.kind === "number" ? others : [])]);
  if (!read.ok) return { error: read.error };
  const definition = SETTING_DEFINITIONS.find((d) => d.name === field.name);
  return { value: definition?.key ? read.value[definition.key] : text };
}

const same = (a: CellInput, b: CellValue): boolean => a === b || (typeof a === "string" && typeof b === "string" && a.trim() === b.trim());

/**
 * Saves the settings the user changed (by name, as typed; a value equal to the one shown is left
 * alone). Each is checked as the Settings table is read — a number of zero or more, dmy or mdy,
 * amber thresholds at least as wide as red — and a problem is a plain sentence by setting name.
 * Changed values go into the Value cells in one write (a setting the table lacks is added as a
 * row); as_of becomes a fixed date only when the user gives one, and back to =TODAY() when
 * cleared. The shared runtime's settings are updated, so cell functions follow at once.
 */
export async function saveSettings(port: WorkbookPort, values: Readonly<Partial<Record<string, string>>>): Promise<FormResult<{ changed: string[]; settings: TrackerSettings }>> {
  const snapshot = (await port.readTables(["Settings"])).get("Settings");
  if (!snapshot) throw new Error("There is no Settings table yet: set the tracker up first (Contracts tab › Set up tracker)");
  const table = settingsTable(snapshot);
  const fields = readSettingsForm(snapshot);
  const errors: FieldErrors = {};
  for (const name of Object.keys(values)) if (!fields.some((f) => f.name === name)) errors[name] = `There is no setting "${name}"`;

  const submitted = (f: SettingField): string | null => {
    const text = values[f.name];
    return text === undefined || text.trim() === f.value.trim() ? null : text.trim();
  };
  const orderField = fields.find((f) => f.kind === "dateOrder");
  const orderText = orderField ? (submitted(orderField) ?? orderField.value) : "dmy";
  const order: DateOrder = orderText.toLowerCase() === "mdy" ? "mdy" : "dmy";
  const current = (f: SettingField): CellValue => (f.row === null ? null : (snapshot.rows[f.row][table.valueAt] ?? null));
  const changes: { field: SettingField; value: CellInput }[] = [];
  for (const field of fields) {
    const text = submitted(field);
    if (text === null) continue;
    const typed = typedValue(field, text, order);
    if ("error" in typed) errors[field.name] = typed.error;
    else if (!same(typed.value, current(field))) changes.push({ field, value: typed.value });
  }

  // The rules across settings (amber at least red …), over the table as it would be.
  const changed = new Map(changes.map((c) => [c.field.name, c.value]));
  const merged = snapshot.rows
    .filter((line) => settingName(line[table.nameAt]) !== AS_OF)
    .map((line): unknown[] => {
      const name = settingName(line[table.nameAt]);
      return [line[table.nameAt], changed.has(name) ? changed.get(name) : line[table.valueAt]];
    });
  for (const c of changes) if (c.field.row === null && c.field.name !== AS_OF) merged.push([c.field.name, c.value]);
  const whole = readSettings(merged);
  if (!whole.ok && Object.keys(errors).length === 0) {
    const named = fields.map((f) => f.name).filter((name) => new RegExp(`\\b${name}\\b`).test(whole.error));
    const blame = named.find((name) => changed.has(name)) ?? named[0] ?? "Settings";
    errors[blame] = whole.error;
  }
  if (Object.keys(errors).length > 0 || !whole.ok) return { ok: false, errors };

  const valueHeader = snapshot.headers[table.valueAt];
  const updates: TableCellUpdate[] = changes.flatMap((c) => (c.field.row === null ? [] : [{ row: c.field.row, column: valueHeader, value: c.value }]));
  const added = changes.flatMap((c): CellValue[][] => {
    if (c.field.row !== null || c.value === null || typeof c.value === "object") return [];
    const line: CellValue[] = snapshot.headers.map(() => null);
    line[table.nameAt] = c.field.name;
    line[table.valueAt] = c.value;
    return [line];
  });
  if (updates.length > 0) await port.updateTableCells(snapshot.name, updates);
  if (added.length > 0) await port.appendRows(snapshot.name, added);
  setWorkbookSettings(whole.value);
  return { ok: true, changed: changes.map((c) => c.field.name), settings: whole.value };
}
