/**
 * The Settings view: every setting of the Settings table with its value and meaning, and saving
 * what the user changed, checked by the same rules that read the table, into the table's Value
 * cells. The as_of cell keeps its =TODAY() formula unless the user sets a date.
 */
import { DateOrder, formatSerial, parseDateText } from "../core/dates";
import { DEFAULT_LADDER } from "../core/summaryTypes";
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS, TrackerSettings, readSettings } from "../core/settings";
import type { CellInput, CellValue, TableCellUpdate, TableSnapshot, WorkbookPort } from "../workbook/port";
import { FieldErrors, FormResult, exampleDate } from "./formInput";
import { ORDERED_PAIRS, SETTING_WORDS, SettingUnit, percentText, valueWords } from "./settingWords";
import { dateSettingCell, settingColumns, settingName } from "./settingsTable";
import { setWorkbookSettings } from "./workbookSettings";

/** How a setting is edited: `date` is the as-of date (blank: today), `fixedDate` a date that must be given. */
export type SettingKind = "number" | "dateOrder" | "date" | "fixedDate" | "text" | "onOff";

export interface SettingField {
  /** As the Settings table's Name column has it, e.g. `expiry_red_days`. */
  name: string;
  /** In words, for the form and its messages, e.g. "Expiry: red at or below". */
  label: string;
  meaning: string;
  kind: SettingKind;
  /** What a number is entered in: whole days, or a percentage of which the table holds the fraction. */
  unit: SettingUnit;
  /**
   * The value as the form shows it for editing: days as written (90), a fraction as a percentage
   * without its sign (0.95 → "95"), `dmy` or `mdy`, the
   * as-of date in the workbook's date order ("" while it is today's date by formula and not yet
   * calculated), a ladder name. A setting the table lacks shows its default.
   */
  value: string;
  /** Its row in the Settings table's body (0-based); null when the table has none (saving adds it). */
  row: number | null;
}

const AS_OF = "as_of";
const TODAY: CellInput = { formula: "=TODAY()" };

const kindOf = (name: string, key: keyof TrackerSettings | null): SettingKind =>
  name === AS_OF ? "date" : key === "actCommencementDate" ? "fixedDate" : key === "dateOrder" ? "dateOrder" : key === "procurementActDuties" ? "onOff" : key === null ? "text" : "number";

/** A serial as a date in the workbook's order: 25/11/2026, or 11/25/2026 where dates are month-first. */
function shownDate(serial: number, order: DateOrder): string {
  const [day, month, year] = formatSerial(serial).split("/");
  return order === "dmy" ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

const unitOf = (name: string): SettingUnit => SETTING_WORDS[name]?.unit ?? "none";

/** A number of the table as the form shows it: a fraction as its percentage. */
function numberShown(name: string, value: number): string {
  return unitOf(name) === "percent" ? percentText(value) : String(value);
}

function defaultOf(name: string, key: keyof TrackerSettings | null): string {
  if (key !== null) {
    const value = DEFAULT_SETTINGS[key];
    return typeof value === "number" ? numberShown(name, value) : typeof value === "boolean" ? (value ? "on" : "off") : value;
  }
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
 * @example readSettingsForm(tables)[4] → { name: "kpi_red_below", label: "KPI attainment: red below", value: "80", unit: "percent", kind: "number", row: 4, … }
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
    else if (kind === "fixedDate" && key !== null) {
      // A date cell as a date in the workbook's order; blank (or no row) is the default date; text as typed.
      const date = typeof value === "number" && value > 0 ? value : value === null || String(value).trim() === "" ? DEFAULT_SETTINGS[key] : null;
      shown = typeof date === "number" ? shownDate(Math.floor(date), order) : String(value ?? "").trim();
    }
    else if (value === null || String(value).trim() === "") shown = defaultOf(name, key);
    else if (typeof value === "number" && kind === "number") shown = numberShown(name, value);
    else if (kind === "onOff") shown = /^(off|no|n|false|0)$/i.test(String(value).trim()) ? "off" : "on";
    else shown = String(value).trim();
    const words = SETTING_WORDS[name];
    const label = words?.label ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, " ");
    return { name, label, meaning: words?.meaning ?? meaning, kind, unit: unitOf(name), value: shown, row: table?.rows.get(name) ?? null };
  });
}

/** A number typed into the form as the table holds it: whole days, or a percentage (with or without its sign) as a fraction; null when it is neither. */
function typedNumber(field: SettingField, text: string): number | null {
  const bare = field.unit === "percent" ? text.replace(/\s*%$/, "") : text;
  if (!/^\d+(\.\d+)?$/.test(bare)) return null;
  const n = Number(bare);
  if (field.unit === "days" || field.unit === "months") return Number.isInteger(n) ? n : null;
  // Cut to the hundredth of a percent the form shows, so 95 is 0.95 and not 0.9500000000000001.
  return field.unit === "percent" ? Math.round(n * 100) / 10_000 : n;
}

const numberRule = (field: SettingField): string =>
  field.unit === "days" ? `${field.label} must be a whole number of days, such as 90` : field.unit === "percent" ? `${field.label} must be a percentage, such as 95%` : `${field.label} must be a number of zero or more`;

/** What a changed setting is to become, or why it cannot, in words. */
function typedValue(field: SettingField, text: string, order: DateOrder): { value: CellInput } | { error: string } {
  if (field.kind === "text") return { value: text === "" ? null : text };
  if (field.kind === "date") {
    if (text === "") return { value: TODAY };
    const date = parseDateText(text, order);
    return date.ok ? { value: date.value } : { error: `${field.label}: enter a date such as ${exampleDate(order)}, or leave it blank for today` };
  }
  if (field.kind === "fixedDate") {
    const date = text === "" ? null : parseDateText(text, order);
    return date?.ok ? { value: dateSettingCell(date.value) } : { error: `${field.label}: enter a date such as ${exampleDate(order)}` };
  }
  if (field.kind === "onOff") {
    const on = text.toLowerCase();
    return on === "on" || on === "off" ? { value: on } : { error: `${field.label} must be on or off` };
  }
  if (field.kind === "dateOrder") {
    const order = text.toLowerCase();
    return order === "dmy" || order === "mdy" ? { value: order } : { error: `${field.label} must be day first (dmy) or month first (mdy)` };
  }
  const n = typedNumber(field, text);
  if (n === null) return { error: numberRule(field) };
  return { value: n };
}

/** What a cell to be written holds now: a formula's value as calculated at writing. */
const valueNow = (input: CellInput | undefined): CellValue => (input !== null && typeof input === "object" ? (input.cachedValue ?? null) : (input ?? null));

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

  // The rules across settings (amber at least red …), over the table as it would be: each said in
  // words under the field the user changed (under the amber one when both changed).
  const changed = new Map(changes.map((c) => [c.field.name, c.value]));
  const valueOf = (name: string): number | null => {
    const f = fields.find((x) => x.name === name);
    if (!f) return null;
    const v = changed.has(name) ? changed.get(name) : current(f);
    return typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : (typedNumber(f, f.value) ?? null);
  };
  for (const [larger, smaller] of ORDERED_PAIRS) {
    const big = valueOf(larger);
    const small = valueOf(smaller);
    if (big === null || small === null || big >= small || errors[larger] || errors[smaller]) continue;
    const [bigLabel, smallLabel] = [larger, smaller].map((n) => fields.find((f) => f.name === n)?.label ?? n);
    const why = "a contract turns amber before it turns red";
    const amberIsLarger = larger.includes("amber");
    const blameLarger = changed.has(larger) && (!changed.has(smaller) || amberIsLarger);
    if (blameLarger) errors[larger] = `${bigLabel} must be at least ${smallLabel.replace(/^.*?: /, "")} (${valueWords(smaller, small)}): ${why}`;
    else errors[smaller] = `${smallLabel} must be at most ${bigLabel.replace(/^.*?: /, "")} (${valueWords(larger, big)}): ${why}`;
  }
  const merged = snapshot.rows
    .filter((line) => settingName(line[table.nameAt]) !== AS_OF)
    .map((line): unknown[] => {
      const name = settingName(line[table.nameAt]);
      return [line[table.nameAt], changed.has(name) ? valueNow(changed.get(name)) : line[table.valueAt]];
    });
  for (const c of changes) if (c.field.row === null && c.field.name !== AS_OF) merged.push([c.field.name, valueNow(c.value)]);
  const whole = readSettings(merged);
  if (!whole.ok && Object.keys(errors).length === 0) {
    const named = fields.map((f) => f.name).filter((name) => new RegExp(`\\b${name}\\b`).test(whole.error));
    const blame = named.find((name) => changed.has(name)) ?? named[0] ?? "Settings";
    errors[blame] = whole.error;
  }
  if (Object.keys(errors).length > 0 || !whole.ok) return { ok: false, errors };

  const valueHeader = snapshot.headers[table.valueAt];
  const updates: TableCellUpdate[] = changes.flatMap((c) => (c.field.row === null ? [] : [{ row: c.field.row, column: valueHeader, value: c.value }]));
  // A setting the table lacks (a tracker set up before it) is added as a row: a date with its value,
  // then its =DATE formula, so it shows as a date as a new tracker's does. as_of's =TODAY() is never added.
  const adding = changes.filter((c) => c.field.row === null && c.value !== null && (typeof c.value !== "object" || c.field.kind === "fixedDate"));
  const added = adding.map((c): CellValue[] => {
    const line: CellValue[] = snapshot.headers.map(() => null);
    line[table.nameAt] = c.field.name;
    line[table.valueAt] = valueNow(c.value);
    return line;
  });
  const addedFormulas = adding.flatMap((c, i): TableCellUpdate[] => (typeof c.value === "object" && c.value !== null ? [{ row: snapshot.rows.length + i, column: valueHeader, value: c.value }] : []));
  if (updates.length > 0) await port.updateTableCells(snapshot.name, updates);
  if (added.length > 0) await port.appendRows(snapshot.name, added);
  if (addedFormulas.length > 0) await port.updateTableCells(snapshot.name, addedFormulas);
  setWorkbookSettings(whole.value);
  return { ok: true, changed: changes.map((c) => c.field.name), settings: whole.value };
}
