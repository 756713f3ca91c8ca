import type { LayoutValueKind, StandardLayout } from "../../src/core/standardLayouts";

/**
 * Registers written out from a published layout's column list, as its publishers write them, for
 * the layout and mapping tests: a header row with the standard's own spellings, and plausible rows
 * (codes for references, dates for dates, amounts for money, one council name on every row of an
 * organisation column …), the same for the same seed. Also the pieces property tests need: values of
 * one kind (for decoy columns), shuffled columns and renamed headers.
 */

/** What a column of values holds: a layout's kinds, plus an officer's job title, a notice period and a value the same on every row. */
export type ValueKind = LayoutValueKind | "jobTitle" | "period" | "constant";

/** How a publisher writes dates and amounts. */
export interface Writing {
  dates: "dd/mm/yyyy" | "mm/dd/yyyy" | "yyyy-mm-dd" | "iso-datetime";
  money: "plain" | "grouped" | "pounds" | "dollars";
}

export const UK_WRITING: Writing = { dates: "dd/mm/yyyy", money: "pounds" };

/** How a layout's publishers write: UK councils `31/03/2026` and `£12,500.00`, OCDS ISO date-times, Toronto `2012-10-04` and `771,931.57` … */
export function writingOf(layout: StandardLayout): Writing {
  if (/OCDS/.test(layout.name)) return { dates: "iso-datetime", money: "plain" };
  if (/Toronto/.test(layout.name)) return { dates: "yyyy-mm-dd", money: "grouped" };
  if (/Transparency Code/.test(layout.name)) return UK_WRITING;
  if (layout.dateOrder === "dmy") return { dates: "dd/mm/yyyy", money: "plain" };
  if (layout.dateOrder === "mdy") return { dates: "mm/dd/yyyy", money: "plain" };
  return { dates: "yyyy-mm-dd", money: "plain" };
}

/** Deterministic numbers in [0, 1) from a seed (mulberry32). */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const COUNCILS = ["Kestrel Borough Council", "Northfield County Council", "Ashdown District Council", "City of Westbrook Council", "Pennine Metropolitan Borough Council"];
const SUPPLIER_NAMES = ["Northgate", "Bluewater", "Harbour", "Kestrel", "Meridian", "Oakfield", "Pennine", "Riverside", "Summit", "Thameside", "Westbrook", "Ashdown", "Calder", "Fenwick", "Greystone"];
const SUPPLIER_TRADES = ["Facilities", "Care", "Construction", "Consulting", "IT Services", "Transport", "Cleaning", "Print", "Legal", "Energy", "Highways", "Catering"];
const SUPPLIER_ENDINGS = ["Ltd", "Limited", "plc", "LLP", "Group Ltd", "Inc."];
const DEPARTMENTS = ["Adult Social Care", "Children's Services", "Highways and Transport", "Housing", "Environment", "Finance", "Public Health", "Education", "Waste Management", "Planning", "Corporate Resources", "Culture and Leisure"];
const FIRST_NAMES = ["Sarah", "James", "Priya", "Tom", "Aisha", "David", "Emma", "Kwame", "Laura", "Mohammed", "Helen", "Oliver", "Grace", "Rhys"];
const LAST_NAMES = ["Patel", "Smith", "Jones", "Okafor", "Williams", "Brown", "Taylor", "Khan", "Evans", "Walsh", "Murphy", "Nguyen", "Hughes", "Clarke"];
const JOB_TITLES = ["Procurement Specialist", "Contract Manager", "Category Manager", "Senior Buyer", "Commissioning Officer", "Head of Service", "Finance Business Partner", "Project Officer"];
const WORKS = ["Provision of", "Supply of", "Maintenance of", "Framework for", "Support for", "Replacement of"];
const SUBJECTS = ["school meals", "street lighting", "IT hardware", "home care", "fleet vehicles", "legal advice", "office cleaning", "waste collection", "library books", "building repairs", "translation services", "CCTV systems", "grounds maintenance", "case management software"];
const AREAS = ["across the borough", "in the north locality", "at the civic centre", "for all secondary schools", "county-wide", "for the housing stock"];
const STATUSES = ["Live", "Active", "Awarded", "Expired", "Terminated", "Extended"];
// Common Procurement Vocabulary codes as notices give them: works (45), supplies (34, 30), services (85, 90, 72).
const CPV_CODES = ["45000000-7", "45453100-8", "34114400-3", "30200000-1", "85000000-9", "90500000-2", "72000000-5"];
const PROCUREMENT_CATEGORIES = ["Services", "Supplies", "Works", "Goods", "Professional Services", "Construction Services"];
const CATEGORIES = ["Services", "Goods", "Works", "Framework", "Call-off", "Purchase order"];
const PLACES = ["Leeds", "Bristol", "Norfolk", "Kent", "Lancashire", "Essex", "Ontario", "Illinois", "Devon", "Cheshire"];
const STREETS = ["High Street", "Station Road", "Church Lane", "Mill Road", "Park Avenue", "Victoria Street"];
const POSTCODES = ["LS1 4AP", "BS1 5TR", "NR1 2DH", "ME14 1XQ", "M60 2LA", "B1 1BB", "EX2 4QD", "CH1 1SF"];
const PERIODS = ["3 months", "6 months", "90 days", "1 year", "30 days", "12 weeks"];
const EXTENSIONS = ["1+1", "2 x 12 months", "up to 12 months", "2+1+1", "none", "2 separate one year extension options"];
const CURRENCIES: Record<Writing["money"], string> = { plain: "GBP", grouped: "CAD", pounds: "GBP", dollars: "USD" };

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2019, 0, 1);

function writeDate(time: number, writing: Writing): string {
  const d = new Date(time);
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const yyyy = String(d.getUTCFullYear());
  switch (writing.dates) {
    case "dd/mm/yyyy":
      return `${dd}/${mm}/${yyyy}`;
    case "mm/dd/yyyy":
      return `${mm}/${dd}/${yyyy}`;
    case "yyyy-mm-dd":
      return `${yyyy}-${mm}-${dd}`;
    case "iso-datetime":
      return `${yyyy}-${mm}-${dd}T00:00:00Z`;
  }
}

function writeMoney(amount: number, writing: Writing): string {
  const grouped = amount.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  switch (writing.money) {
    case "plain":
      return amount.toFixed(2);
    case "grouped":
      return grouped;
    case "pounds":
      return `£${grouped}`;
    case "dollars":
      return `$${grouped}`;
  }
}

/** One value of a kind; `n` numbers it, so codes and URLs stay unique down a column. */
function valueOf(kind: ValueKind, n: number, random: () => number, writing: Writing): string {
  switch (kind) {
    case "code":
      return `CT-${String(10_000 + n * 37 + Math.floor(random() * 30)).padStart(6, "0")}`;
    case "shortTitle":
      return `${pick(random, WORKS)} ${pick(random, SUBJECTS)}${random() < 0.3 ? ` – lot ${1 + Math.floor(random() * 4)}` : ""}`;
    case "sentence":
      return `The contractor will deliver ${pick(random, SUBJECTS)} ${pick(random, AREAS)}, with monthly reporting to the council. The service includes ${pick(random, SUBJECTS)} where agreed.`;
    case "organisation":
      return `${pick(random, SUPPLIER_NAMES)} ${pick(random, SUPPLIER_TRADES)} ${pick(random, SUPPLIER_ENDINGS)}`;
    case "constant":
      return pick(random, COUNCILS);
    case "department":
      return pick(random, DEPARTMENTS);
    case "personName":
      return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    case "jobTitle":
      return pick(random, JOB_TITLES);
    case "date":
      return writeDate(FIRST_DAY + Math.floor(random() * 11 * 365) * DAY, writing);
    case "time":
      return `${String(9 + Math.floor(random() * 8)).padStart(2, "0")}:00`;
    case "money":
      return writeMoney(Math.round((5_000 + random() ** 3 * 4_995_000) * 100) / 100, writing);
    case "currency":
      return CURRENCIES[writing.money];
    case "number":
      return String(1 + Math.floor(random() * 20));
    case "yesNo":
      return random() < 0.4 ? "Yes" : "No";
    case "status":
      return pick(random, STATUSES);
    case "category":
      return pick(random, CATEGORIES);
    case "procurementCategory":
      return pick(random, PROCUREMENT_CATEGORIES);
    case "cpvCode":
      return pick(random, CPV_CODES);
    case "place":
      return pick(random, PLACES);
    case "postcode":
      return pick(random, POSTCODES);
    case "address":
      return `${1 + Math.floor(random() * 200)} ${pick(random, STREETS)}, ${pick(random, PLACES)}`;
    case "url":
      return `https://contracts.example.org/notice/${1000 + n}`;
    case "email":
      return `${pick(random, FIRST_NAMES).toLowerCase()}.${pick(random, LAST_NAMES).toLowerCase()}@example.gov.uk`;
    case "phone":
      return `01632 960${String(Math.floor(random() * 1000)).padStart(3, "0")}`;
    case "period":
      return pick(random, PERIODS);
    case "extensionText":
      return pick(random, EXTENSIONS);
  }
}

/**
 * `n` values of a kind, the same for the same seed: dates as `writing` says, amounts with its
 * currency, unique codes, one council's name on every row for `constant`.
 * @example valuesFor("yesNo", 3, 7) → e.g. ["No", "Yes", "No"]
 */
export function valuesFor(kind: ValueKind, n: number, seed: number, writing: Writing = UK_WRITING): string[] {
  const random = randomFrom(seed);
  if (kind === "constant") return Array<string>(n).fill(valueOf(kind, 0, random, writing));
  return Array.from({ length: n }, (_, i) => valueOf(kind, i, random, writing));
}

/** A register written from a layout, with where the standard puts each field. */
export interface GeneratedRegister {
  headers: string[];
  rows: string[][];
  /** Contracts field → 0-based column of the column the standard says fills it (its most preferred). */
  expected: Partial<Record<string, number>>;
  /** 0-based columns the layout names that fill no field. */
  notFields: number[];
}

/**
 * A register with every column of a layout, headed by the standard's own spelling and in its order,
 * `rows` rows long: each contract ends one to five years after it starts; a column the standard
 * keeps the same on every row is.
 * @example writeRegister(LGTC_2015, { rows: 3 }).headers[3] → "Reference number"
 */
export function writeRegister(layout: StandardLayout, options: { rows?: number; seed?: number } = {}): GeneratedRegister {
  const rows = options.rows ?? 20;
  const seed = options.seed ?? 1;
  const writing = writingOf(layout);
  const random = randomFrom(seed);
  const starts = Array.from({ length: rows }, () => FIRST_DAY + Math.floor(random() * 7 * 365) * DAY);
  const ends = starts.map((start) => start + (365 + Math.floor(random() * 4 * 365)) * DAY);
  const columns = layout.columns.map((c, i) => {
    if (c.field === "startDate") return starts.map((t) => writeDate(t, writing));
    if (c.field === "endDate") return ends.map((t) => writeDate(t, writing));
    if (c.constant) return Array<string>(rows).fill(valuesFor(c.holds === "organisation" ? "constant" : c.holds, 1, seed * 1000 + i, writing)[0]);
    return valuesFor(c.holds, rows, seed * 1000 + i, writing);
  });
  const expected: Partial<Record<string, number>> = {};
  const best: Partial<Record<string, number>> = {};
  layout.columns.forEach((c, i) => {
    if (c.field === null) return;
    const current = best[c.field];
    if (current === undefined || c.preference < current) {
      best[c.field] = c.preference;
      expected[c.field] = i;
    }
  });
  return {
    headers: layout.columns.map((c) => c.headers[0]),
    rows: Array.from({ length: rows }, (_, r) => columns.map((values) => values[r])),
    expected,
    notFields: layout.columns.flatMap((c, i) => (c.field === null ? [i] : [])),
  };
}

/** The register's columns in another order, the same for the same seed, with `expected` and `notFields` following them. */
export function shuffleColumns(register: GeneratedRegister, seed: number): GeneratedRegister {
  const random = randomFrom(seed);
  const order = register.headers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const newIndex = new Map(order.map((old, i) => [old, i]));
  const moved = (old: number): number => newIndex.get(old) ?? old;
  return {
    headers: order.map((old) => register.headers[old]),
    rows: register.rows.map((row) => order.map((old) => row[old])),
    expected: Object.fromEntries(Object.entries(register.expected).map(([field, old]) => [field, old === undefined ? undefined : moved(old)])),
    notFields: register.notFields.map(moved),
  };
}

/** How people rename headers: case, underscores, camelCase. */
export type HeaderStyle = "lower" | "upper" | "snake" | "camel";

/** A header written another way. @example renameHeader("Contract start date", "camel") → "contractStartDate" */
export function renameHeader(header: string, style: HeaderStyle): string {
  const words = header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
  switch (style) {
    case "lower":
      return header.toLowerCase();
    case "upper":
      return header.toUpperCase();
    case "snake":
      return words.map((w) => w.toLowerCase()).join("_");
    case "camel":
      return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join("");
  }
}

/** The register as rows of cells, header first, as a sheet or CSV reader gives them. */
export function asRows(register: GeneratedRegister): string[][] {
  return [register.headers, ...register.rows];
}
