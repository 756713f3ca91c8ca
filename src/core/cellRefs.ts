/** A1 column letters of a 0-based column index. @example columnLetters(0) → "A"; columnLetters(27) → "AB" */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a block, 0-based row and column. @example blockAddress(2, 0, 100001, 20) → "A3:T100003" */
export function blockAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  return `${columnLetters(column)}${row + 1}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;
}
