import { dateNumberFormat } from "../core/numberFormats";
import { DateOrder, todaySerial } from "../core/dates";
import { endDateFacts } from "../core/endDates";
import { HeaderMapping, detectMapping, mapHeaders } from "../core/mapping";
import { MappingCorrections, applyCorrections } from "../core/mappingCorrections";
import { DataQualityIssue, FieldColumns, normaliseTable } from "../core/normalise";
import { CHANGES, CONTRACTS, ESCALATIONS, KPIS, MILESTONES, RISKS, TableDefinition, TableName } from "../core/schema";
import { DEFAULT_SETTINGS, TrackerSettings } from "../core/settings";
import { workbookDateOrder } from "../core/workbookDateOrder";
import type { CellBlock, CellValue, NewTable, Progress, TableSnapshot, WorkbookPort } from "../workbook/port";
import { RenamedHeader, headerCellText, holdsHeader, tableColumnNames } from "../workbook/tableHeaders";
import { sheetSizeProblem } from "../workbook/excelLimits";
import { sheetKey, uniqueSheetName } from "../workbook/sheetNames";
import { computedColumnNames } from "./computedNames";
import { newSettingsRows, settingsInTable } from "./settingsTable";
import { LINKED_BY_ID, NEEDS_CONTRACT_ID, contractIdDecision } from "./rowKeyedRegister";
import { mappingToSave, previousOf } from "./savedMappingRecord";
import { MAPPING_SETTING } from "./trackerData";
import { NATIVE_MILESTONE_SLIPPAGE } from "./nativeFormulas";
import { AS_OF, AS_OF_FORMULA, ComputedColumnPlan, FormulaStyle, contractColumns, SkippedColumn, thisRow } from "./trackerFormulas";
import { ComputedRows } from "./computedRows";
import { settingNumber } from "./structuredRefs";

export { MAPPING_SETTING };

export interface SetUpOptions {
  /** The sheet holding the register; default the active sheet. */
  sheet?: string;
  /** Corrections to the detected mapping: field key → the user's header (null to unmap). */
  corrections?: MappingCorrections;
  /**
   * The header row and columns of a new register as the caller has already decided them (the
   * command line, with the user's `--map` and `--mapping`), rows and columns counted from the
   * sheet's A1: used instead of detecting them, so set-up converts exactly what was shown.
   */
  mapping?: HeaderMapping;
  /**
   * The user has said the register has no contract IDs: with no Contract ID column, set-up names
   * each contract by its sheet row ("Row 14") instead of refusing. Without it, a register with no
   * Contract ID column is refused (NoContractIdError). Remembered with the mapping.
   */
  noContractIds?: boolean;
  /** Other tables to create when absent. */
  createTables?: readonly TableName[];
  /** The as-of date (serial) the cached values are worked out at; the workbook's AsOf stays =TODAY() unless `fixedAsOf`. */
  asOf?: number;
  /**
   * Settings' as_of becomes `asOf` itself, a fixed date (`convert --as-of`), instead of =TODAY():
   * the date the user asked for survives the first recalculation.
   */
  fixedAsOf?: boolean;
  /**
   * How to read slash dates no value of the register settles (`--date-order`). Values that prove an
   * order win over it, as `check` reads them. Without it: the Settings table's date_order when the
   * workbook has one, else dmy. A new Settings table says the order decided (workbookDateOrder);
   * one the workbook has is left as the user keeps it.
   */
  dateOrder?: DateOrder;
  /**
   * The order a new Settings table says, when the caller decided it from the register's values
   * before typing its text dates as dates (convert): what is left as text then is only the dates
   * that order cannot read, whose evidence points the other way, so set-up must not weigh it again.
   */
  registerDateOrder?: DateOrder;
  /**
   * The computed columns in CONTRACT functions (default: they need the add-in) or in Excel's own
   * formulas (`native`: the tracker works for everyone who opens it; trackerFormulas FormulaStyle).
   * Without it, a tracker set up before keeps the formulas it was set up in (saved with the mapping).
   */
  formulas?: FormulaStyle;
  progress?: Progress;
  /** The used range of `sheet` as already read (by the set-up wizard), so set-up does not read it again. */
  register?: CellBlock;
}

export interface SetUpReport {
  table: string;
  sheet: string;
  rows: number;
  /** 1-based sheet row of the first contract (the header row's next). */
  firstRow: number;
  mapping: HeaderMapping;
  addedColumns: string[];
  skippedColumns: SkippedColumn[];
  createdTables: string[];
  /** True when the second and later runs found everything in place. */
  unchanged: boolean;
  /** The date order Settings says, so the cell functions read slash dates by: the one set-up wrote, or the workbook's own. */
  dateOrder: DateOrder;
  issues: DataQualityIssue[];
  /** True when the register has no Contract ID column (the user said so): each contract is named by its sheet row, "Row 14". */
  keyedByRow: boolean;
  /** Tables asked for but not created, with why (Milestones … need a Contract ID column). */
  notCreated: { table: TableName; reason: string }[];
  /** The formulas the computed columns were written in. */
  formulas: FormulaStyle;
  /** A native tracker's columns with rows holding values read at set-up (text Excel's formulas cannot read), and how many rows. */
  readAtSetUp: { column: string; rows: number }[];
  /** Header cells of the register the table names otherwise than they read (a repeated header, one over 255 characters): each keeps its text in a note. */
  renamedHeaders: RenamedHeader[];
  /** Computed columns the register has a column of its own named as (RAG): it is kept as it is, and the tracker's is added as `name` (RAG (tracker)), which its formulas read. */
  besideRegister: { header: string; name: string }[];
  /**
   * What each row of the Contracts table is read and rated with — the columns added, where each
   * field is in the table (0-based from its first column), the date order and rules, the as-of date —
   * for a caller that writes the rows itself, a row at a time (the command line's streaming convert:
   * features/computedRows, core/normalise normaliseRow).
   */
  rowRules: { columns: ComputedColumnPlan[]; fieldColumns: FieldColumns; dateOrder: DateOrder; rules: TrackerSettings; asOf: number; firstRow: number };
}


/** The tracker's tables other than Contracts and Settings, by name. */
export const OTHER_TABLES: Record<Exclude<TableName, "Contracts" | "Settings">, TableDefinition> = {
  Milestones: MILESTONES,
  KPIs: KPIS,
  Risks: RISKS,
  Changes: CHANGES,
  Escalations: ESCALATIONS,
};

/**
 * One component's RAG in Excel's own formula, over the Settings thresholds: `worse` compares the value
 * with a threshold (">" for slippage, "<" for attainment). Not CONTRACT.RAG: that rates a contract,
 * and a row with no days to expiry is an Unrated contract, where a milestone simply has no expiry.
 */
const componentRag = (value: string, worse: ">" | "<", red: string, amber: string): string =>
  `=IF(${value}="","",IF(${value}${worse}${settingNumber(red)},"Red",IF(${value}${worse}${settingNumber(amber)},"Amber","Green")))`;

/** Formulas of the other tables' computed columns, over their own headers. */
export const OTHER_COMPUTED: Partial<Record<TableName, { header: string; formula: string; numberFormat?: string }[]>> = {
  Milestones: [
    { header: "Slippage", formula: `=CONTRACT.SLIPPAGE(${thisRow("Baseline date")},${thisRow("Forecast date")},${thisRow("Actual date")},${AS_OF})` },
    { header: "RAG", formula: componentRag(thisRow("Slippage"), ">", "slippage_red_days", "slippage_amber_days") },
  ],
  KPIs: [
    {
      header: "Attainment",
      formula: `=IF(OR(${thisRow("Target")}="",${thisRow("Actual")}="",${thisRow("Target")}=0,${thisRow("Actual")}=0),"",IF(${thisRow("Higher is better")}=FALSE,${thisRow("Target")}/${thisRow("Actual")},${thisRow("Actual")}/${thisRow("Target")}))`,
      numberFormat: "0%",
    },
    { header: "RAG", formula: componentRag(thisRow("Attainment"), "<", "kpi_red_below", "kpi_amber_below") },
  ],
  Risks: [
    { header: "Score", formula: `=IF(OR(${thisRow("Likelihood")}="",${thisRow("Impact")}=""),"",${thisRow("Likelihood")}*${thisRow("Impact")})` },
    { header: "RAG", formula: `=IF(${thisRow("Score")}="","",IF(${thisRow("Score")}>=15,"Red",IF(${thisRow("Score")}>=8,"Amber","Green")))` },
  ],
};

/** Date columns shown as dates in the tracker's date order (dd/mm/yyyy or mm/dd/yyyy), in the tables set-up creates. */
const dateFormats = (definition: TableDefinition, order: DateOrder): Record<string, string> =>
  Object.fromEntries(definition.fields.filter((f) => f.kind === "date").map((f) => [f.header, dateNumberFormat(order)]));

/**
 * One of the tracker's other tables as set-up creates it: the schema's headers, its drop-downs,
 * its computed columns (Risks' Score and RAG …) with RAG colours, dates shown as dates, on a sheet
 * of its own name. Forms and the escalation log create a missing table the same way.
 * @example newTrackerTable("Risks", "dmy").headers → ["Contract ID", "Risk", "Likelihood", "Impact", "Owner", "Mitigation", "Status"]
 */
export function newTrackerTable(name: keyof typeof OTHER_TABLES, dateOrder: DateOrder, formulas: FormulaStyle = "contract"): NewTable {
  const definition = OTHER_TABLES[name];
  // A native tracker's milestones slip by Excel's own formula; the other tables' columns are Excel's own in both.
  const computed = (OTHER_COMPUTED[name] ?? []).map((c) => (formulas === "native" && name === "Milestones" && c.header === "Slippage" ? { ...c, formula: NATIVE_MILESTONE_SLIPPAGE } : c));
  return {
    sheet: name,
    table: name,
    headers: definition.fields.map((f) => f.header),
    rows: [],
    computed,
    dropDowns: definition.fields.flatMap((f) => (f.choices ? [{ column: f.header, choices: f.choices }] : [])),
    ragColumn: computed.some((c) => c.header === "RAG") ? "RAG" : undefined,
    numberFormats: dateFormats(definition, dateOrder),
  };
}


/** A mapping counted from the sheet's A1, counted from the used range's first cell instead. */
function fromUsedRange(mapping: HeaderMapping, used: CellBlock): HeaderMapping {
  const fields = Object.fromEntries(Object.entries(mapping.fields).map(([key, m]) => [key, m && { ...m, index: m.index - used.column }]));
  return { headerRow: mapping.headerRow - used.row, fields, unmapped: mapping.unmapped };
}

/** The mapping with each field's column named exactly as the table names it (line breaks, spaces and all), as formulas must. */
function withTableHeaders(mapping: HeaderMapping, headers: readonly string[]): HeaderMapping {
  const fields = Object.fromEntries(Object.entries(mapping.fields).map(([key, m]) => [key, m && { ...m, column: headers[m.index] ?? m.column }]));
  return { ...mapping, fields };
}

/**
 * Turns the register on a sheet into the tracker of PRODUCT.md: the range becomes the Contracts
 * table in place (no value moved or overwritten), computed columns are appended as formulas,
 * Settings and the AsOf name are created, RAG colours and drop-downs added, other tables created on
 * request, the mapping saved. Running it again changes nothing.
 */
export async function setUpTracker(port: WorkbookPort, options: SetUpOptions = {}): Promise<SetUpReport> {
  const tables = await port.tableNames();
  const has = (name: string): boolean => tables.some((t) => t.name === name);
  const saved = await port.loadSetting(MAPPING_SETTING);
  let changed = false;
  let sheet: string;
  let table = "Contracts";
  let mapping: HeaderMapping;
  let keyedByRow: boolean;
  // The register as read once: a second read of 100,000 rows would cost as many round trips again.
  let snapshot: TableSnapshot;
  // A workbook that has its Settings says how its slash dates read.
  const settingsToRead = has("Settings") ? ["Settings"] : [];
  let settings: TableSnapshot | undefined;
  // Header cells the table names otherwise than they read (a repeat, over 255 characters).
  let renamedHeaders: RenamedHeader[] = [];
  // Turning the register into a table, done once every check has passed.
  let convert: (() => Promise<void>) | null = null;

  const previous = previousOf(saved);
  // A later run adds columns in the formulas the tracker has, unless told otherwise.
  const formulas: FormulaStyle = options.formulas ?? previous?.formulas ?? "contract";
  const existing = has("Contracts") ? "Contracts" : (previous?.table ?? null);
  const settingUpNow = !(existing && has(existing));
  if (!settingUpNow) {
    table = existing;
    const tablesRead = await port.readTables([table, ...settingsToRead], options.progress);
    const read = tablesRead.get(table);
    if (!read) throw new Error(`The table "${table}" could not be read`);
    snapshot = read;
    settings = tablesRead.get("Settings");
    sheet = snapshot.sheet;
    const detected = mapHeaders(snapshot.headers, CONTRACTS, { rows: snapshot.rows });
    // The saved mapping holds the user's corrections; it wins over detection on later runs.
    const headerRow = previous?.headerRow ?? snapshot.row;
    // A saved column the user has since renamed is skipped; a correction made now must name a column.
    const kept = applyCorrections({ headerRow, ...detected }, snapshot.headers, previous?.fields, { missing: "skip" });
    mapping = applyCorrections(kept, snapshot.headers, options.corrections);
    keyedByRow = contractIdDecision(mapping, options.noContractIds ?? previous?.noContractIds === true, sheet, snapshot.row + 2).keyedByRow;
  } else {
    sheet = options.sheet ?? (await port.activeSheet());
    // The wizard has just read this sheet to show the mapping: a second read of a big register would cost as many round trips again.
    const used = options.register?.sheet === sheet ? options.register : await port.readUsedRange(sheet);
    const detected = options.mapping ? fromUsedRange(options.mapping, used) : detectMapping(used.values, CONTRACTS);
    if (!detected) throw new Error(`No header row found on sheet "${sheet}": the register needs a row of column names such as Contract ID, Supplier, End date`);
    const headers = used.values[detected.headerRow].map((h) => String(h ?? ""));
    mapping = applyCorrections(detected, headers, options.corrections);
    // Refused before anything is written: the register is left as it was.
    keyedByRow = contractIdDecision(mapping, options.noContractIds ?? previous?.noContractIds === true, sheet, used.row + detected.headerRow + 2).keyedByRow;
    const width = used.values[detected.headerRow].length;
    // The table's column names, as the table will hold them (Notes2, Column4): formulas name them so.
    const named = tableColumnNames(used.values[detected.headerRow].map(headerCellText));
    renamedHeaders = named.renamed;
    // The table holds exactly the cells just read, from the header row down; it is made once
    // nothing is left to refuse.
    snapshot = {
      name: table,
      sheet,
      row: used.row + detected.headerRow,
      column: used.column,
      headers: named.names,
      rows: used.values.slice(detected.headerRow + 1),
    };
    const lastRow = used.row + used.values.length;
    convert = () => port.convertToTable(table, sheet, used.row + detected.headerRow, used.column, lastRow - (used.row + detected.headerRow), width);
    if (settingsToRead.length > 0) settings = (await port.readTables(settingsToRead)).get("Settings");
    changed = true;
  }

  mapping = withTableHeaders(mapping, snapshot.headers);
  const fieldColumns: FieldColumns = Object.fromEntries(
    Object.entries(mapping.fields).flatMap(([k, m]) => (m ? [[k, { column: m.column, index: snapshot.headers.indexOf(m.column) }]] : [])),
  );
  // Ambiguous dates read by the flag or the workbook's setting; a value that proves an order wins, as in `check`.
  const settingsOrder = settings ? settingsInTable(settings).dateOrder : undefined;
  const dateOrder = options.dateOrder ?? settingsOrder ?? DEFAULT_SETTINGS.dateOrder;
  // The order a new Settings table says; one the workbook has is the user's and stays as it is.
  const workbookOrder = settingsOrder ?? options.registerDateOrder ?? workbookDateOrder(snapshot.rows, fieldColumns, CONTRACTS.fields, dateOrder);

  // What the Contracts table will read from: the tables the workbook has and those set-up creates.
  const asked = (options.createTables ?? []).filter((name) => name !== "Contracts" && name !== "Settings" && !has(name));
  const creatable = asked.filter((name, i) => asked.indexOf(name) === i && !(keyedByRow && LINKED_BY_ID.includes(name)));
  const willHave = (name: TableName): boolean => has(name) || creatable.includes(name);
  const named = computedColumnNames(snapshot.headers, settingUpNow, previous?.computedNames ?? {});
  const plan = contractColumns(mapping, { milestones: willHave("Milestones"), kpis: willHave("KPIs") }, workbookOrder, formulas, named);
  // A header the table holds already, as a table compares headers (`rag` is `RAG`): not added again.
  const toAdd = plan.columns.filter((c) => !holdsHeader(snapshot.headers, c.header));
  // Refused before anything is written: Excel's sheets end at row 1,048,576 and column XFD.
  const tooBig = sheetSizeProblem(sheet, snapshot.row + 1 + snapshot.rows.length, snapshot.column + snapshot.headers.length + toAdd.length, toAdd.length);
  if (tooBig) throw new Error(tooBig);
  if (convert) await convert();

  // Settings and the other tables are created together: a handful of round trips however many
  // there are, each on a sheet of its own name, or beside a sheet of the register's that has it.
  const sheetsTaken = await port.sheetNames();
  const sheetFor = (name: string): string => {
    const sheetName = sheetsTaken.some((t) => sheetKey(t) === sheetKey(name)) ? uniqueSheetName(`Tracker ${name}`, sheetsTaken) : name;
    sheetsTaken.push(sheetName);
    return sheetName;
  };
  const newTables: NewTable[] = [];
  const notCreated: SetUpReport["notCreated"] = [];
  if (!has("Settings")) newTables.push({ sheet: sheetFor("Settings"), table: "Settings", headers: ["Name", "Value"], rows: newSettingsRows({ asOf: options.asOf, fixedAsOf: options.fixedAsOf ?? false, dateOrder: workbookOrder }) });
  for (const name of asked.filter((n, i) => asked.indexOf(n) === i)) {
    if (!creatable.includes(name)) {
      notCreated.push({ table: name, reason: NEEDS_CONTRACT_ID });
      continue;
    }
    const made = newTrackerTable(name as keyof typeof OTHER_TABLES, workbookOrder, formulas);
    newTables.push({ ...made, sheet: sheetFor(made.sheet) });
  }
  await port.addTables(newTables);
  const createdTables = newTables.map((t) => t.table);
  if (!(await port.definedNames()).includes(AS_OF)) {
    await port.defineName(AS_OF, AS_OF_FORMULA);
    changed = true;
  }

  const skippedColumns = plan.skipped;
  // Computed columns the register has a column of its own named as: the tracker's has another name.
  const besideRegister = toAdd.filter((c) => c.header !== c.canonical).map((c) => ({ header: c.canonical, name: c.header }));

  const normalised = normaliseTable(snapshot.rows, CONTRACTS, fieldColumns, { dateOrder, firstRow: snapshot.row + 2 });
  const readAtSetUp: SetUpReport["readAtSetUp"] = [];
  const rules: TrackerSettings = { ...DEFAULT_SETTINGS, dateOrder };
  const asOf = options.asOf ?? todaySerial(new Date());
  if (toAdd.length) {
    const byRow = new Map(normalised.rows.map((r) => [r.row, r.fields]));
    const unreadable = endDateFacts([], normalised.issues, true).unreadable;
    // A row at a time, as the command line's streaming convert works (features/computedRows).
    const computed = new ComputedRows(toAdd, fieldColumns, rules, asOf);
    const cached: CellValue[][] = toAdd.map(() => []);
    const own: (string | null)[][] = toAdd.map(() => []);
    snapshot.rows.forEach((cells, i) => {
      const row = snapshot.row + 2 + i;
      const cellsOf = computed.row(cells, byRow.get(row), unreadable.get(row));
      toAdd.forEach((_, k) => {
        cached[k].push(cellsOf.values[k]);
        own[k].push(cellsOf.formulas[k]);
      });
    });
    const columns = toAdd.map((c, k) => {
      const note = computed.note(k);
      return { header: c.header, formula: c.formula, numberFormat: c.numberFormat, cachedValues: cached[k], ...(note === undefined ? {} : { rowFormulas: own[k], note }) };
    });
    readAtSetUp.push(...computed.readAtSetUp());
    await port.appendComputedColumns(table, columns);
    changed = true;
  }
  const headersNow = [...snapshot.headers, ...toAdd.map((c) => c.header)];
  if (headersNow.includes(named("RAG"))) await port.addRagFormat({ table, column: named("RAG") });
  const tier = mapping.fields.tier?.column;
  if (tier) await port.addDropDown({ table, column: tier, choices: ["Gold", "Silver", "Bronze"] });

  const computedNames = Object.fromEntries(plan.columns.flatMap((c) => (c.header !== c.canonical ? [[c.canonical, c.header]] : [])));
  const toSave = mappingToSave({ sheet, table, mapping, keyedByRow, formulas, computedNames }, options.corrections, previous);
  if (saved !== JSON.stringify(toSave)) {
    await port.saveSetting(MAPPING_SETTING, JSON.stringify(toSave));
    changed = true;
  }
  return {
    table,
    sheet,
    rows: snapshot.rows.length,
    firstRow: snapshot.row + 2,
    mapping,
    addedColumns: toAdd.map((c) => c.header),
    skippedColumns,
    createdTables,
    unchanged: !changed && createdTables.length === 0,
    issues: normalised.issues,
    dateOrder: workbookOrder,
    keyedByRow,
    notCreated,
    formulas,
    readAtSetUp,
    renamedHeaders,
    besideRegister,
    rowRules: { columns: toAdd, fieldColumns, dateOrder, rules, asOf, firstRow: snapshot.row + 2 },
  };
}
