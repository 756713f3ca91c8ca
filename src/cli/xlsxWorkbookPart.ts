// A look at an .xlsx package's workbook part alone: its sheets, their visibility and their parts,
// for the few questions the cell reader does not answer (is a sheet hidden? what formula is in a
// cell?). Read with fflate, which inflates only the parts asked for.
import * as fs from "fs";
import { unzipSync } from "fflate";
import type { RegisterFile } from "./readRegister";

/** A sheet as the workbook part lists it. */
export interface WorkbookSheet {
  name: string;
  /** `visible`, `hidden` (Format › Hide) or `veryHidden` (only VBA can show it). */
  state: string;
  /** The package part holding its cells (`xl/worksheets/sheet1.xml`), lower case; undefined when unresolved. */
  part?: string;
}

/** XML text with its five predefined entities read. @example xmlEntities("R&amp;D") → "R&D" */
export const xmlEntities = (text: string): string => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name] ?? "");
const attribute = (attributes: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? xmlEntities(m[1] ?? m[2] ?? "") : undefined;
};

/**
 * The text of the package parts `wanted` picks, by lower-case name.
 * @example packageParts(bytes, (name) => name === "xl/workbook.xml").get("xl/workbook.xml")
 */
export function packageParts(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, string> {
  const files = unzipSync(bytes, { filter: (file) => wanted(file.name.toLowerCase()) });
  return new Map(Object.entries(files).map(([name, data]) => [name.toLowerCase(), Buffer.from(data).toString("utf8")]));
}

/**
 * The workbook's sheets in order, with their visibility and parts (ECMA-376 Part 1 §18.2.19).
 * @example workbookSheets(bytes) → [{ name: "Register", state: "visible", part: "xl/worksheets/sheet1.xml" }, { name: "Old", state: "hidden", … }]
 */
export function workbookSheets(bytes: Uint8Array): WorkbookSheet[] {
  const book = packageParts(bytes, (name) => name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of (book.get("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1], "Id");
    const target = attribute(m[1], "Target");
    if (id && target) targets.set(id, (target.startsWith("/") ? target.slice(1) : `xl/${target}`).toLowerCase());
  }
  return [...(book.get("xl/workbook.xml") ?? "").matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map((m) => {
    const id = attribute(m[1], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    return { name: attribute(m[1], "name") ?? "", state: attribute(m[1], "state") ?? "visible", part: id ? targets.get(id) : undefined };
  });
}

/**
 * The sheets a workbook register hides (`hidden` or `veryHidden`); none for a CSV file or a
 * workbook of one sheet, where there is no choice to make.
 * @example await hiddenSheets(await readRegister("register.xlsx")) → Set { "Old register" }
 */
export async function hiddenSheets(file: RegisterFile): Promise<ReadonlySet<string>> {
  if (file.kind !== "xlsx" || file.sheets.size < 2) return new Set();
  const bytes = new Uint8Array(await fs.promises.readFile(file.file));
  return new Set(workbookSheets(bytes).filter((s) => s.state !== "visible").map((s) => s.name));
}
