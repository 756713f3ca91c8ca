import { CHANGES, ESCALATIONS, KPIS, MILESTONES, RISKS, TableDefinition } from "../core/schema";
import type { WorkbookPort } from "../workbook/port";
import { savedMapping } from "./trackerData";

const OTHER_TABLES: readonly TableDefinition[] = [MILESTONES, KPIS, RISKS, CHANGES, ESCALATIONS];

const missingColumn = (error: unknown): boolean => error instanceof Error && /has no column/.test(error.message);

/**
 * Refresh: recalculates the workbook and puts the tracker's formats back — RAG colours and
 * drop-down lists — on every tracker table there is (a user's paste or sort can strip them).
 * Returns what was formatted, e.g. `Contracts[RAG]`.
 */
export async function refreshTracker(port: WorkbookPort): Promise<{ formatted: string[] }> {
  const { table, corrections } = await savedMapping(port);
  const present = new Set((await port.tableNames()).map((t) => t.name));
  if (!present.has(table)) throw new Error(`There is no ${table} table yet: set the tracker up first (Contracts tab › Set up tracker)`);
  await port.recalculate();
  const formatted: string[] = [];
  const attempt = async (label: string, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
      formatted.push(label);
    } catch (error) {
      // A column the user removed is not put back; anything else is a real failure.
      if (!missingColumn(error)) throw error;
    }
  };
  await attempt(`${table}[RAG]`, () => port.addRagFormat({ table, column: "RAG" }));
  if (corrections.tier) {
    const tier = corrections.tier;
    await attempt(`${table}[${tier}]`, () => port.addDropDown({ table, column: tier, choices: ["Gold", "Silver", "Bronze"] }));
  }
  for (const definition of OTHER_TABLES) {
    if (!present.has(definition.name)) continue;
    const name = definition.name;
    if (definition.computed.includes("RAG")) await attempt(`${name}[RAG]`, () => port.addRagFormat({ table: name, column: "RAG" }));
    for (const field of definition.fields) {
      const choices = field.choices;
      if (choices) await attempt(`${name}[${field.header}]`, () => port.addDropDown({ table: name, column: field.header, choices }));
    }
  }
  return { formatted };
}
