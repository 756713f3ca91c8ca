/** One parameter of a CONTRACT function as functions.json describes it. */
export interface FunctionParameter {
  name: string;
  description: string;
  optional: boolean;
  repeating: boolean;
}

/** One CONTRACT function as functions.json describes it. */
export interface FunctionEntry {
  name: string;
  description: string;
  parameters: FunctionParameter[];
}

interface RawParameter {
  name?: unknown;
  description?: unknown;
  optional?: unknown;
  repeating?: unknown;
}

/** Reads the functions.json the build writes (the same metadata Excel's autocomplete uses). */
export function parseCatalogue(json: unknown): FunctionEntry[] {
  const functions = (json as { functions?: unknown })?.functions;
  if (!Array.isArray(functions)) throw new Error("functions.json has no list of functions");
  return functions.map((raw: { name?: unknown; description?: unknown; parameters?: unknown }) => ({
    name: String(raw.name ?? ""),
    description: String(raw.description ?? ""),
    parameters: (Array.isArray(raw.parameters) ? (raw.parameters as RawParameter[]) : []).map((p) => ({
      name: String(p.name ?? ""),
      description: String(p.description ?? ""),
      optional: p.optional === true,
      repeating: p.repeating === true,
    })),
  }));
}

/** How the formula is typed: `=CONTRACT.NOTICEDATE(end_date, notice_period)`. */
export function syntaxOf(entry: FunctionEntry, namespace = "CONTRACT"): string {
  const params = entry.parameters.map((p) => {
    const name = p.repeating ? `${p.name}, …` : p.name;
    return p.optional ? `[${name}]` : name;
  });
  return `=${namespace}.${entry.name}(${params.join(", ")})`;
}

/** Entries whose name, description or parameters mention every word of the query. */
export function filterCatalogue(entries: readonly FunctionEntry[], query: string): FunctionEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = [entry.name, entry.description, ...entry.parameters.flatMap((p) => [p.name, p.description])].join(" ").toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
