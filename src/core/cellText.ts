// What a cell shows: its value through its number format, as Excel draws it in the grid. Written
// here, not taken from a library: SheetJS's `ssf` (the maintained formatter) is only a test-only
// dependency's dependency, so the tests measure this one against it (test/core/cellText.test.ts).
// It covers what trackers and registers use: General, dates and times, fixed decimals, thousands,
// percentages, currency symbols and literal text; fractions and scientific notation show as General.

import { serialToDate } from "./dates";
import { formatKind } from "./numberFormats";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** A format code's sections (positive; negative; zero; text), split at semicolons outside quotes. */
function sections(code: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\\" && !quoted) i++;
    else if (ch === ";" && !quoted) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start));
  return parts;
}

/** A number as General shows it: whole numbers as they are, others in at most 11 characters (a standard column's width). */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  if (Math.abs(n) >= 1e11 || (n !== 0 && Math.abs(n) < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, "E").replace(/E([+-])(\d)$/, "E$10$2").toUpperCase();
  for (let digits = 10; digits > 1; digits--) {
    const text = String(Number(n.toPrecision(digits)));
    if (text.replace("-", "").length <= 11) return text;
  }
  return String(Math.round(n));
}

/** Literal text of a code piece: quoted text, escaped characters, padding as a space, fill dropped, [$£-809] as £. */
function literal(piece: string): string {
  return piece
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"|\\(.)|_(.)|\*(.)/g, (_m, quoted: string | undefined, escaped: string | undefined, padded: string | undefined) =>
      quoted ?? escaped ?? (padded !== undefined ? " " : ""),
    );
}

/** Splits a section into literal and token runs, keeping quoted text and escapes whole. */
function tokens(section: string): { text: string; literal: boolean }[] {
  const out: { text: string; literal: boolean }[] = [];
  const pattern = /"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|[^"\\_*[]+/g;
  for (const m of section.match(pattern) ?? []) {
    const isLiteral = /^["\\_*]/.test(m) || (m.startsWith("[") && !/^\[(h+|m+|s+)\]$/i.test(m));
    out.push({ text: m, literal: isLiteral });
  }
  return out;
}

/** A serial (days, with the time of day as the fraction) through a date or time format section. */
function dateText(serial: number, section: string): string {
  const whole = Math.floor(serial);
  const date = serialToDate(whole);
  if (!date) return general(serial);
  const seconds = Math.round((serial - whole) * 86400);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const twelveHour = /am\/pm|a\/p/i.test(section);
  const weekday = whole === 0 ? 6 : (whole + 6) % 7;
  const parts = tokens(section);
  const pieces: string[] = [];
  // `m` is minutes right after an hour or right before seconds, else a month.
  let lastWasHour = false;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (part.literal) {
      pieces.push(literal(part.text));
      continue;
    }
    const run = part.text.match(/y+|m+|d+|h+|s+|am\/pm|a\/p|[^ymdhsa]+|a/gi) ?? [];
    for (let i = 0; i < run.length; i++) {
      const t = run[i];
      const lower = t.toLowerCase();
      const rest = [...run.slice(i + 1), ...parts.slice(k + 1).map((p) => p.text)].join("");
      if (lower[0] === "y") pieces.push(lower.length <= 2 ? pad(date.year % 100, 2) : pad(date.year, 4));
      else if (lower[0] === "d") pieces.push(lower.length === 1 ? String(date.day) : lower.length === 2 ? pad(date.day, 2) : lower.length === 3 ? DAYS[weekday].slice(0, 3) : DAYS[weekday]);
      else if (lower[0] === "h") {
        const h = twelveHour ? ((hours + 11) % 12) + 1 : hours;
        pieces.push(lower.length === 1 ? String(h) : pad(h, 2));
      } else if (lower[0] === "s") pieces.push(lower.length === 1 ? String(secs) : pad(secs, 2));
      else if (lower[0] === "m") {
        const isMinutes = lastWasHour || /^[^ymdh]*s/i.test(rest.replace(/"[^"]*"/g, ""));
        if (isMinutes) pieces.push(lower.length === 1 ? String(minutes) : pad(minutes, 2));
        else pieces.push(lower.length === 1 ? String(date.month) : lower.length === 2 ? pad(date.month, 2) : lower.length === 3 ? MONTHS[date.month - 1].slice(0, 3) : lower.length === 5 ? MONTHS[date.month - 1][0] : MONTHS[date.month - 1]);
      } else if (lower === "am/pm") pieces.push(hours < 12 ? (t === "am/pm" ? "am" : "AM") : t === "am/pm" ? "pm" : "PM");
      else if (lower === "a/p") pieces.push(hours < 12 ? t[0] : t[2]);
      else pieces.push(t);
      if (/^[ymdhs]/.test(lower)) lastWasHour = lower[0] === "h";
    }
  }
  return pieces.join("");
}

/** A number through a numeric section: decimals, thousands separators, percent and the literal text around. */
function numberText(n: number, section: string): string {
  const parts = tokens(section);
  let pattern = "";
  let before = "";
  let after = "";
  for (const part of parts) {
    if (part.literal) {
      if (pattern === "") before += literal(part.text);
      else after += literal(part.text);
      continue;
    }
    const m = part.text.match(/^([^0#?.,%]*)([0#?.,]*)(.*)$/);
    if (!m) continue;
    if (pattern === "" && m[2] !== "") {
      before += m[1];
      pattern = m[2];
      after += m[3];
    } else if (pattern === "") before += part.text;
    else after += part.text;
  }
  if (pattern === "") return `${before}${after}`;
  const percent = (section.replace(/"[^"]*"|\\./g, "").match(/%/g) ?? []).length;
  let value = n * 100 ** percent;
  // Commas at the end of the number's pattern scale it down by a thousand each.
  const scale = pattern.match(/,+$/)?.[0].length ?? 0;
  value /= 1000 ** scale;
  const core = pattern.slice(0, pattern.length - scale);
  const [intPart, decPart = ""] = core.split(".");
  const decimals = (decPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPart.match(/0/g) ?? []).length;
  const grouped = intPart.includes(",");
  const minInt = (intPart.match(/0/g) ?? []).length;
  let fixed = value.toFixed(decimals);
  if (decimals > minDecimals) fixed = fixed.replace(new RegExp(`0{1,${decimals - minDecimals}}$`), "").replace(/\.$/, "");
  const [digits, fraction] = fixed.split(".");
  let whole = digits === "0" && minInt === 0 ? "" : digits;
  whole = whole.padStart(minInt, "0");
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${before}${whole}${fraction !== undefined ? `.${fraction}` : decPart.length > 0 && minDecimals === 0 && decimals === 0 ? "." : ""}${after}`;
}

/**
 * The text a cell shows: its value through its number format, as Excel draws it (English month and
 * day names). Text shows as it is, booleans as TRUE/FALSE, empty as "". A number uses the format's
 * section for its sign (a negative section shows no minus sign of its own); no format, or General,
 * shows the number as it is. A serial outside Excel's calendar shows as General.
 * @example cellDisplayText(46431, "dd/mm/yyyy") → "14/02/2027"; cellDisplayText(54800000, '"£"#,##0') → "£54,800,000"; cellDisplayText(0.95, "0%") → "95%"; cellDisplayText("Red", "General") → "Red"
 */
export function cellDisplayText(value: string | number | boolean | null, format?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  if (format === undefined || /^\s*general\s*$/i.test(format)) return general(value);
  const all = sections(format);
  let section = all[0];
  let n = value;
  let sign = "";
  if (value < 0 && all.length >= 2 && all[1] !== "") {
    section = all[1];
    n = -value;
  } else if (value === 0 && all.length >= 3 && all[2] !== "") section = all[2];
  else if (value < 0) {
    sign = "-";
    n = -value;
  }
  const kind = formatKind(section);
  if (kind === "general" || kind === "text") return sign + literal(section.replace(/general|@/i, general(n)));
  if (kind === "date" || kind === "time") return sign + dateText(n, section);
  if (kind === "elapsed") return sign + general(n);
  return sign + numberText(n, section);
}
