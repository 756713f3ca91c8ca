/**
 * A contract's type — goods, services or works — as the Procurement Act 2023 sorts contracts
 * (s.75(2): the change-notice threshold is 10% for goods or services and 15% for works), read from
 * what registers write: words (`Supplies`, `Professional Services`, `Construction Works`), the OCDS
 * `mainProcurementCategory` codes (`goods`, `services`, `works`), Contracts Finder's words
 * (`Products`, `Services`, `Works`), and CPV codes, whose divisions the Common Procurement
 * Vocabulary itself assigns (Regulation (EC) 213/2008 Annex I: divisions 03–44 and 48 are
 * supplies, 45 is works, 49–98 are services).
 */

export const CONTRACT_TYPES = ["Goods", "Services", "Works"] as const;
/** The three types of the Act, lower case as OCDS writes them. */
export type ContractType = "goods" | "services" | "works";

/** What a cell says of a contract's type: one type, several (`Goods and Services`), or nothing we can read. */
export interface ContractTypeReading {
  /** The types named, in the order goods, services, works; empty when none was read. */
  types: readonly ContractType[];
  /** How the reading was made: from words, or from a CPV code's division. */
  from: "words" | "cpv" | null;
}

// Words for each type. `Construction` is works: OCDS defines works as construction, repair,
// renovation, demolition; `Supply`/`Supplies` is the EU and UK term for goods; `Products` is
// Contracts Finder's; `Consultancy` is a service.
const WORDS: Readonly<Record<ContractType, readonly string[]>> = {
  goods: ["goods", "good", "supplies", "supply", "products", "product", "equipment", "commodities", "commodity"],
  services: ["services", "service", "consultancy", "consulting"],
  works: ["works", "construction", "civil engineering", "refurbishment"],
};
// `Construction services` (Toronto's category, a construction contract) and `Works services` are works.
const WORKS_FIRST = /\b(construction|works|civil engineering)\b/;
// A CPV code: eight digits with an optional check digit (`45000000-7`), perhaps several in a cell.
const CPV = /^\s*(\d{2})\d{6}(?:-\d)?\b/;

const NONE: ContractTypeReading = { types: [], from: null };
const cache = new Map<string, ContractTypeReading>();

/**
 * Reads a cell as the contract's type: its words, an OCDS or Contracts Finder code, or the
 * division of a CPV code. `Goods and Services` names two; `Contract` or `Panel` none.
 * @example readContractType("Construction Services").types → ["works"]
 * @example readContractType("45453100").types → ["works"]
 * @example readContractType("Goods & Services").types → ["goods", "services"]
 * @example readContractType("Panel Contract").types → []
 */
export function readContractType(value: unknown): ContractTypeReading {
  if (value === null || value === undefined) return NONE;
  const raw = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  if (raw.trim() === "") return NONE;
  const known = cache.get(raw);
  if (known) return known;
  const reading = read(raw);
  if (cache.size > 5_000) cache.clear();
  cache.set(raw, reading);
  return reading;
}

function read(raw: string): ContractTypeReading {
  const cpv = CPV.exec(raw);
  if (cpv) {
    const division = Number(cpv[1]);
    if (division === 45) return { types: ["works"], from: "cpv" };
    if ((division >= 3 && division <= 44) || division === 48) return { types: ["goods"], from: "cpv" };
    if (division >= 49 && division <= 98) return { types: ["services"], from: "cpv" };
    return NONE;
  }
  const text = ` ${raw.toLowerCase().replace(/[^a-z]+/g, " ").trim()} `;
  if (text.trim() === "") return NONE;
  if (WORKS_FIRST.test(text) && /\bservices?\b/.test(text) && !/\bgoods\b|\bsuppl/.test(text)) return { types: ["works"], from: "words" };
  const types = (Object.keys(WORDS) as ContractType[]).filter((type) => WORDS[type].some((w) => text.includes(` ${w} `)));
  return types.length === 0 ? NONE : { types, from: "words" };
}

/**
 * The share (0..1) of a column's distinct values read as a contract type: the evidence that a
 * column holds it whatever its header says.
 * @example contractTypeShare(["Goods", "Works", "Panel"]) → 0.67
 */
export function contractTypeShare(values: readonly string[]): number {
  if (values.length === 0) return 0;
  const read = values.filter((v) => readContractType(v).types.length > 0).length;
  return Math.round((read / values.length) * 100) / 100;
}

/**
 * A type in the tracker's words, for a drop-down and a sentence.
 * @example contractTypeWords(["goods", "services"]) → "goods and services"
 */
export function contractTypeWords(types: readonly ContractType[]): string {
  return types.length === 0 ? "type not known" : types.join(" and ");
}
