/**
 * Registers as other publishers would write the same columns: columns in another order, headers
 * renamed by naming style, and decoy columns that share a field's words or look but describe
 * something else. The mapping must give the same answer for all of them.
 */
import { HeaderStyle, randomFrom, renameHeader } from "./standardLayouts";

/** A register as rows (header row first) plus, for each column, the index it had in the original (-1 for a decoy). */
export interface RegisterVariant {
  name: string;
  rows: unknown[][];
  origin: number[];
}

/** A seeded generator, so a failing variant can be rebuilt exactly. */
export const seeded = randomFrom;

// A data portal's own columns (`_id`) keep their leading underscore in any style: it is what marks them.
const portal = (style: HeaderStyle) => (h: string) => (h.startsWith("_") ? `_${renameHeader(h, style)}` : renameHeader(h, style));

/** The naming styles publishers use for the same header. */
export const NAMING_STYLES: Record<string, (header: string) => string> = {
  "UPPER CASE": portal("upper"),
  snake_case: portal("snake"),
  camelCase: portal("camel"),
  "lower case": portal("lower"),
};

/** The columns in a seeded random order. */
export function shuffled(rows: readonly (readonly unknown[])[], seed: number): RegisterVariant {
  const width = Math.max(...rows.map((r) => r.length));
  const order = Array.from({ length: width }, (_, i) => i);
  const random = seeded(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { name: `shuffled (seed ${seed})`, rows: rows.map((r) => order.map((i) => r[i] ?? null)), origin: order };
}

/** Every header renamed in one naming style. */
export function renamed(rows: readonly (readonly unknown[])[], style: keyof typeof NAMING_STYLES): RegisterVariant {
  const [headers, ...data] = rows;
  const rename = NAMING_STYLES[style];
  return { name: `renamed: ${style}`, rows: [headers.map((h) => (typeof h === "string" ? rename(h) : h)), ...data.map((r) => [...r])], origin: headers.map((_, i) => i) };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const PLACES = ["NY", "CA", "TX", "ON", "QC", "BC", "WA", "IL", "FL", "NSW", "VIC"];
const COUNTIES = ["Kent", "Essex", "Surrey", "Devon", "Lancashire", "Cumbria", "Norfolk", "Suffolk", "Dorset"];
const JOB_TITLES = ["Procurement Specialist", "Contract Officer", "Senior Buyer", "Category Manager", "Commercial Lead", "Procurement Officer"];
const LAST = ["Okafor", "Nguyen", "Hughes", "Patel", "Kowalski", "Evans", "Murphy", "Ahmed", "Fraser", "Lindqvist", "Osei", "Moreau"];
const SENTENCES = [
  "The budget was agreed by cabinet in March and covers the first two years of the service only.",
  "Budget pressures mean the service will be reviewed at the mid-point and may be reduced in scope.",
  "This line of the budget is funded from the capital programme and must be spent within the year.",
  "Savings against the budget are expected from the second year once the new routes are in place.",
];

/**
 * Decoy columns, each with a header that borrows a field's word or a look that borrows its type:
 * the supplier's address, state and county, an officer's job title, narrative text about the
 * budget, a tax-exemption flag, the publishing organisation's name (the same on every row), the day
 * the register was published, and the date of the last extension.
 */
export const DECOYS: readonly { header: string; value: (random: () => number, row: number) => unknown }[] = [
  { header: "Supplier State", value: (r) => pick(r, PLACES) },
  { header: "Supplier County", value: (r) => pick(r, COUNTIES) },
  { header: "State", value: (r) => pick(r, PLACES) },
  { header: "Officer Job Title", value: (r) => pick(r, JOB_TITLES) },
  { header: "Supplier Address", value: (r, row) => `${1 + (row % 180)} ${pick(r, LAST)} Road, ${pick(r, COUNTIES)}` },
  { header: "Budget narrative", value: (r) => pick(r, SENTENCES) },
  { header: "vat_exempt_status", value: (r) => pick(r, ["Y", "N"]) },
  { header: "Organisation name", value: () => "Anytown Borough Council" },
  { header: "Effective Date", value: () => "01/04/2025" },
  { header: "Last extension date", value: (r) => (r() < 0.5 ? "" : `${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/20${20 + Math.floor(r() * 6)}`) },
];

/** The register with the decoys inserted at seeded places among its columns. */
export function withDecoys(rows: readonly (readonly unknown[])[], seed: number, decoys = DECOYS): RegisterVariant {
  const random = seeded(seed);
  const width = Math.max(...rows.map((r) => r.length));
  const origin: number[] = Array.from({ length: width }, (_, i) => i);
  const made: { at: number; decoy: (typeof decoys)[number] }[] = [];
  for (const decoy of decoys) {
    const at = Math.floor(random() * (origin.length + 1));
    origin.splice(at, 0, -1 - made.length);
    made.push({ at, decoy });
  }
  const out = rows.map((row, r) =>
    origin.map((o) => {
      if (o >= 0) return row[o] ?? null;
      const { decoy } = made[-1 - o];
      return r === 0 ? decoy.header : decoy.value(random, r);
    }),
  );
  return { name: `with ${decoys.length} decoy columns (seed ${seed})`, rows: out, origin: origin.map((o) => (o >= 0 ? o : -1)) };
}
