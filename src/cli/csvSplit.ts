/**
 * A quote the file did not close as CSV's rules say, and how its row was read: `never-closed` (a
 * quote opens a value and no quote ever ends it), `closed-late` (a quoted value runs over line
 * breaks and its closing quote has text right after it, so it was a stray quote, not a cell of
 * several lines). Either way the opening quote is read as a plain character from that row on.
 * `text-after-quote`: text right after a value's closing quote (`"12" pipe`), read on as Excel and
 * Python's csv module read it (`12 pipe`).
 */
export interface StrayQuote {
  /** The row (1-based, as the rows returned count them) and line of the file where the value starts. */
  row: number;
  line: number;
  problem: "never-closed" | "closed-late" | "text-after-quote";
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

// V8 gives a slice of 13 characters or more as a view into the text it was cut from, so one such
// field kept (a title) keeps the whole file's text alive: 180 MB for a million-row register, as long
// as the register is. A value that long is copied out of the text instead (prefixing a character
// and slicing it off again makes a string of its own: the usual way round V8's sliced strings).
const SLICE_MIN_LENGTH = 13;
const ownCopy = (value: string): string => (value.length < SLICE_MIN_LENGTH ? value : ` ${value}`.slice(1));

// Distinct values a column may have and still have each value held once (see FieldValues).
const SHARED_VALUES_PER_COLUMN = 4096;

/**
 * The fields of one column, each distinct value held once while the column has few (a status,
 * a supplier, a date): a million rows of "Live" are then one string, not a million, which is most
 * of the memory a long register takes and most of what the collector has to trace. A column that
 * shows more distinct values than that (IDs, amounts) is let be after its first few thousand.
 */
class FieldValues {
  private readonly columns: (Map<string, string> | null)[] = [];

  shared(column: number, value: string): string {
    let seen = this.columns[column];
    if (seen === null) return ownCopy(value);
    if (seen === undefined) this.columns[column] = seen = new Map();
    const known = seen.get(value);
    if (known !== undefined) return known;
    const kept = ownCopy(value);
    if (seen.size < SHARED_VALUES_PER_COLUMN) seen.set(kept, kept);
    else this.columns[column] = null;
    return kept;
  }
}

/**
 * Splits CSV text into rows of fields as Python's csv module reads it (its default, non-strict
 * dialect, which reads what Excel writes the way Excel opens it): a quote opens a quoted value only
 * at a field's start, `""` inside one is a quote, line breaks inside one are kept (as `\n`, Excel's
 * line break in a cell), a quote mid-field is a character (`12" pipe`), text after a closing quote
 * is kept (`"12" pipe` → `12 pipe`). Lines end with `\r\n`, `\n` or `\r`; a blank line is a row of
 * one empty field; a final line break adds no row.
 * Where Python would run the rest of the file into one cell — a quote never closed, or a quoted
 * value over several lines closed by a stray quote — the opening quote is read as a plain
 * character instead and the row is reported, so one stray quote loses nothing after it.
 * Papaparse, which split these files before, runs every row after `"ab"cd` into one cell.
 * Splitting stops after `maxRows` rows, with `tooManyRows` set, when more follow.
 * @example splitCsv('a,"b ""c""",12" d\n', ",").rows → [["a", 'b "c"', '12" d']]
 */
export function splitCsv(text: string, delimiter: string, maxRows = Infinity): { rows: string[][]; strayQuotes: StrayQuote[]; tooManyRows: boolean } {
  const rows: string[][] = [];
  const strayQuotes: StrayQuote[] = [];
  const values = new FieldValues();
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  let line = 1;
  let i = 0;
  // Each field: from its start (a quote or its first character) to a delimiter or line end.
  while (i < n || row.length > 0) {
    if (i >= n) {
      // The text ended after a delimiter: the last field is empty.
      row.push("");
      rows.push(row);
      row = [];
      break;
    }
    const start = i;
    let code = text.charCodeAt(i);
    if (code !== QUOTE) {
      while (i < n && (code = text.charCodeAt(i)) !== d && code !== LF && code !== CR) i++;
      row.push(values.shared(row.length, text.slice(start, i)));
    } else {
      const startLine = line;
      let value = "";
      let from = i + 1;
      let closed = false;
      let spansLines = false;
      i++;
      for (; i < n; i++) {
        code = text.charCodeAt(i);
        if (code === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            value += text.slice(from, i + 1);
            from = i + 2;
            i++;
            continue;
          }
          closed = true;
          break;
        }
        if (code === CR || code === LF) {
          spansLines = true;
          line++;
          if (code === CR) {
            // A cell's line break is \n, whatever the file's lines end with.
            value += `${text.slice(from, i)}\n`;
            if (text.charCodeAt(i + 1) === LF) i++;
            from = i + 1;
          }
        }
      }
      const after = closed ? text.charCodeAt(i + 1) : NaN;
      const closedWell = closed && (i + 1 >= n || after === d || after === LF || after === CR);
      if (!closed || (!closedWell && spansLines)) {
        // A stray quote: the value is read from the quote on as plain text, to the field's end.
        strayQuotes.push({ row: rows.length + 1, line: startLine, problem: closed ? "closed-late" : "never-closed" });
        line = startLine;
        i = start + 1;
        while (i < n && (code = text.charCodeAt(i)) !== d && code !== LF && code !== CR) i++;
        row.push(values.shared(row.length, text.slice(start, i)));
      } else {
        value += text.slice(from, i);
        i++;
        if (!closedWell) {
          strayQuotes.push({ row: rows.length + 1, line: startLine, problem: "text-after-quote" });
          // Python's csv and Excel keep what follows as it stands, quotes and all, to the field's end.
          const rest = i;
          while (i < n && (code = text.charCodeAt(i)) !== d && code !== LF && code !== CR) i++;
          value += text.slice(rest, i);
        }
        row.push(values.shared(row.length, value));
      }
    }
    if (i >= n) {
      rows.push(row);
      row = [];
      break;
    }
    code = text.charCodeAt(i);
    i++;
    if (code === d) continue;
    // A line break ends the row.
    if (code === CR && text.charCodeAt(i) === LF) i++;
    line++;
    // A copy of its own length: an array grown by push keeps room for up to twice its fields.
    rows.push(row.slice());
    row = [];
    // Stopped as soon as a row past the limit begins: what is past it is never split or held.
    if (rows.length >= maxRows && i < n) return { rows, strayQuotes, tooManyRows: true };
  }
  return { rows, strayQuotes, tooManyRows: false };
}
