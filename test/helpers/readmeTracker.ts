import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

// The tracker of the README's Procurement Act example, built from its CSV blocks (one sheet each),
// for the tests that keep that section's and the calendar section's examples true.
const README = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

/** The README's text under a `## ` heading, up to the next one. */
export function readmeSection(heading: string): string {
  const at = README.indexOf(`## ${heading}\n`);
  if (at < 0) return "";
  const rest = README.slice(at + heading.length + 4);
  const next = rest.search(/\n## /);
  return next < 0 ? rest : rest.slice(0, next);
}

/** The Procurement Act section's sheets: name and lines, as its ```csv blocks give them. */
export function dutiesSheets(): { name: string; lines: string[] }[] {
  return [...readmeSection("Procurement Act 2023 duties").matchAll(/```csv (\w+)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1], lines: m[2].trimEnd().split("\n") }));
}

// A cell as a user types it: numbers as numbers, TRUE/FALSE as flags, the rest (dates too) as text.
const cell = (text: string): string | number | boolean | null =>
  text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text === "TRUE" ? true : text === "FALSE" ? false : text;

/** Writes the Procurement Act example's tracker to `file` (.xlsx). */
export async function writeDutiesTracker(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const sheet of dutiesSheets()) book.addWorksheet(sheet.name).addRows(sheet.lines.map((line) => line.split(",").map(cell)));
  await book.xlsx.writeFile(file);
}
