import { FieldMatch, reasonsBeyondHeader } from "../core/mapping";
import { CONTRACTS } from "../core/schema";
import type { Options } from "./options";
import { movedNote, openRegister } from "./register";
import { oneLine } from "./terminalText";

/**
 * How sure a match is and why, as `map` prints it: a user's choice is theirs, not a percentage.
 * @example howSure({ column: "Expiry", index: 4, confidence: 0.85, why: 'header "Expiry"; dates in 98% of rows' }) → "85% sure: dates in 98% of rows"
 */
export function howSure(match: FieldMatch): string {
  if (match.why === "your choice") return "your choice";
  const sure = `${Math.round(match.confidence * 100)}% sure`;
  // The header is printed beside, and the standard layout above: a reason that only repeats them says nothing more.
  const reasons = reasonsBeyondHeader(match).filter((reason) => !reason.startsWith("standard layout: "));
  return reasons.length > 0 ? `${sure}: ${reasons.join("; ")}` : sure;
}

/**
 * `map FILE`: the header row found and each field's column with how sure and why, the user's
 * corrections applied (a field the tracker maintains itself, such as Performance rating, only where
 * the register has its column); `--json` prints the same as a mapping file `--mapping` reads back.
 */
export async function map(options: Options, write: (s: string) => void, note: (s: string) => void): Promise<void> {
  const json = options.has("--json");
  // The JSON is a mapping file for --mapping: what moved is said beside it, on stderr. The text
  // lists what moved itself; what the reader decided (a CSV's stray quotes, a hidden sheet passed
  // over) goes to stderr either way.
  const said: string[] = [];
  const { found } = await openRegister(options, json ? note : (line) => said.push(line));
  const listed = new Set(found.mapping.moved.map(movedNote));
  for (const line of said) if (!listed.has(line)) note(line);
  if (json) {
    const fields = Object.fromEntries(
      CONTRACTS.fields.flatMap((f) => {
        const m = found.mapping.fields[f.key];
        return m ? [[f.key, { column: m.column, index: m.index, confidence: m.confidence, ...(m.why ? { why: m.why } : {}) }]] : [];
      }),
    );
    const layout = found.mapping.layout ? { layout: found.mapping.layout } : {};
    write(JSON.stringify({ sheet: found.sheet, headerRow: found.mapping.headerRow + 1, ...layout, fields, unmapped: found.mapping.unmapped }, null, 2));
    return;
  }
  const lines = [`Sheet "${found.sheet}", headers on row ${found.mapping.headerRow + 1}`];
  if (found.mapping.layout) lines.push(`A standard layout: ${found.mapping.layout} (its columns are mapped as it defines them)`);
  for (const f of CONTRACTS.fields) {
    const m = found.mapping.fields[f.key];
    // A field the tracker writes itself is no gap in a register that lacks it: said only when found.
    if (!m && f.trackerMaintained) continue;
    lines.push(`  ${f.header.padEnd(18)} ${m ? `← ${m.column}  (${howSure(m)})` : "— not found"}`);
  }
  lines.push(...found.mapping.moved.map(movedNote));
  if (found.mapping.unmapped.length) lines.push(`Not mapped: ${found.mapping.unmapped.join(", ")}`);
  // A header's own line breaks ("End\ndate") stay inside its entry.
  write(lines.map(oneLine).join("\n"));
}
