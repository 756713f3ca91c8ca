// Reads test/functions/formulas.txt: one formula a line, `FUNCTION | arguments | expected`, written
// the way a person types into Excel: 2025-03-31 is a date (its serial), "text" is text, {a, b; c, d}
// is an array (commas between columns, semicolons between rows), #VALUE! is an error, TRUE/FALSE,
// numbers, `null` an omitted argument. An expected #VALUE!("words") also checks the message holds them.
// A comment that is nothing but a function's signature, `# RAG(days_to_expiry, [slippage_days], …)`,
// says which parameters the cases below it are written against: [name] optional, `name, …` repeating.
import * as fs from "fs";
import { dateToSerial } from "../../src/core/dates";

export interface ExpectedError {
  error: string;
  messageIncludes?: string;
}
export type Literal = number | string | boolean | null | ExpectedError;
export type Value = Literal | Literal[][];

export interface FormulaRow {
  file: string;
  line: number;
  text: string;
  fn: string;
  args: Value[];
  expected: Value;
}

function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '""';
        i++;
        continue;
      }
      quoted = !quoted;
    } else if (!quoted && (ch === "{" || ch === "(")) depth++;
    else if (!quoted && (ch === "}" || ch === ")")) depth--;
    if (!quoted && depth === 0 && ch === separator) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

function literal(token: string, where: string): Literal {
  if (token === "null") return null;
  if (token === "TRUE" || token === "FALSE") return token === "TRUE";
  if (token.startsWith('"') && token.endsWith('"') && token.length >= 2) return token.slice(1, -1).replace(/""/g, '"');
  const error = /^(#[A-Z/0!?]+[!?A]?)(?:\("(.*)"\))?$/.exec(token);
  if (error) return error[2] === undefined ? { error: error[1] } : { error: error[1], messageIncludes: error[2] };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
  if (date) {
    const serial = dateToSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial === null) throw new Error(`${where}: ${token} is not a date`);
    return serial;
  }
  if (token !== "" && Number.isFinite(Number(token))) return Number(token);
  throw new Error(`${where}: cannot read ${JSON.stringify(token)}`);
}

function value(token: string, where: string): Value {
  if (token.startsWith("{") && token.endsWith("}")) {
    return splitTop(token.slice(1, -1), ";").map((row) => splitTop(row, ",").map((cell) => literal(cell, where)));
  }
  return literal(token, where);
}

export function readFormulaTable(file: string): FormulaRow[] {
  const rows: FormulaRow[] = [];
  fs.readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const text = raw.trim();
      if (text === "" || text.startsWith("#")) return;
      const where = `${file}:${index + 1}`;
      const parts = text.split(" | ");
      if (parts.length !== 3) throw new Error(`${where}: expected "FUNCTION | arguments | expected"`);
      const [fn, args, expected] = parts.map((p) => p.trim());
      rows.push({
        file,
        line: index + 1,
        text,
        fn,
        args: args === "" ? [] : splitTop(args, ",").map((a) => value(a, where)),
        expected: value(expected, where),
      });
    });
  return rows;
}

/** A parameter as a table's signature line writes it. */
export interface SignatureParameter {
  name: string;
  optional: boolean;
  repeating: boolean;
}

export interface Signature {
  fn: string;
  parameters: SignatureParameter[];
  where: string;
}

const SIGNATURE = /^#\s*([A-Z][A-Z0-9.]*)\((.*)\)\s*$/;

/**
 * The signature lines of a formula table: `# WORSTRAG(values, …)` → values repeating.
 * @example readSignatures(file) → [{ fn: "DAYSTOEXPIRY", parameters: [{ name: "end_date", … }, { name: "as_of", optional: true, … }] }, …]
 */
export function readSignatures(file: string): Signature[] {
  const signatures: Signature[] = [];
  fs.readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const m = SIGNATURE.exec(raw.trim());
      if (!m) return;
      const parameters: SignatureParameter[] = [];
      for (const part of m[2].split(",").map((p) => p.trim())) {
        if (part === "…" || part === "...") {
          const last = parameters[parameters.length - 1];
          if (!last) throw new Error(`${file}:${index + 1}: "…" repeats the parameter before it, and there is none`);
          last.repeating = true;
          continue;
        }
        const optional = /^\[(.+)\]$/.exec(part);
        const name = optional ? optional[1] : part;
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${file}:${index + 1}: ${JSON.stringify(part)} is not a parameter name`);
        parameters.push({ name, optional: optional !== null, repeating: false });
      }
      signatures.push({ fn: m[1], parameters, where: `${file}:${index + 1}` });
    });
  return signatures;
}
