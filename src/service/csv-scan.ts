// The fast path of csv-rows.ts. Contract: over rows in strict RFC 4180 form (a cell is bare, with no
// quote and no CR, or wholly quoted and followed by a comma or the line break), it returns the rows
// papaparse returns, with only the wanted cells cut out of the text (the others are ''); at the first
// row in any other form it stops, and papaparse reads the rest of that text. A FOCUS row has about
// 45 cells and the footprint reads 15: cutting out only those is most of the reading time saved.
// test/service/csv-scan.test.ts holds it to papaparse over generated texts.

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

export interface ScanOptions {
  /** `\r\n` or `\n`, as the file's first line ends. */
  readonly newline: '\n' | '\r\n';
  /** Cells to cut out by column (1 = wanted); a column past its end is not wanted. Null: every cell. */
  readonly wanted: Uint8Array | null;
  /** The text ends here: a last row without a line break is complete. */
  readonly last: boolean;
  /** Rows to read at most (the header alone: 1). */
  readonly maxRows: number;
}

export interface ScanStop {
  /** Where the first row not read starts (the unfinished row, or one papaparse must read). */
  readonly end: number;
  /** True when the row at `end` is complete but not strict RFC 4180: papaparse reads from there. */
  readonly irregular: boolean;
}

/** Appends the strict rows of `text` from `start` to `rows` (empty lines skipped, as csv-rows does). */
export function scanRows(
  text: string,
  start: number,
  options: ScanOptions,
  rows: string[][],
): ScanStop {
  const { wanted, last } = options;
  const crlf = options.newline === '\r\n';
  const n = text.length;
  // Next quote, CR and LF at or after the cursor; -1 read as "none" (n).
  let nextQuote = -2;
  let nextCr = -2;
  let lf = -2;
  let pos = start;
  let read = 0;
  while (pos < n && read < options.maxRows) {
    const rowStart = pos;
    // An empty line: papaparse's [''] row, which csv-rows skips.
    if (text.charCodeAt(pos) === LF && !crlf) {
      pos += 1;
      continue;
    }
    if (crlf && text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF) {
      pos += 2;
      continue;
    }
    const cells: string[] = [];
    let col = 0;
    // The first cell's text, for a line of one cell: '' or a CR is an empty line to csv-rows.
    let firstFrom = pos;
    let firstTo = pos;
    for (;;) {
      let fieldEnd: number;
      if (text.charCodeAt(pos) === QUOTE) {
        let q = text.indexOf('"', pos + 1);
        let escaped = false;
        while (q >= 0 && text.charCodeAt(q + 1) === QUOTE) {
          escaped = true;
          q = text.indexOf('"', q + 2);
        }
        if (q < 0) return { end: rowStart, irregular: last };
        fieldEnd = q + 1;
        if (col === 0) {
          firstFrom = pos + 1;
          firstTo = q;
        }
        if (wanted === null || wanted[col] === 1) {
          const value = text.slice(pos + 1, q);
          cells.push(escaped ? value.replaceAll('""', '"') : value);
        } else cells.push('');
      } else {
        if (lf < pos) lf = indexOrEnd(text, '\n', pos);
        if (nextQuote < pos) nextQuote = indexOrEnd(text, '"', pos);
        if (nextCr < pos) nextCr = indexOrEnd(text, '\r', pos);
        let comma = text.indexOf(',', pos);
        if (comma < 0 || comma > lf) comma = n + 1;
        if (comma < lf) fieldEnd = comma;
        else if (lf === n && !last) return { end: rowStart, irregular: false };
        else fieldEnd = crlf && lf < n ? lf - 1 : lf;
        // A quote or a CR inside a bare cell (or a CRLF file's line without its CR): papaparse's case.
        if (nextQuote < fieldEnd || nextCr < fieldEnd || fieldEnd < pos)
          return { end: rowStart, irregular: true };
        if (col === 0) {
          firstFrom = pos;
          firstTo = fieldEnd;
        }
        cells.push(wanted === null || wanted[col] === 1 ? text.slice(pos, fieldEnd) : '');
      }
      col += 1;
      const c = text.charCodeAt(fieldEnd);
      if (c === COMMA) {
        pos = fieldEnd + 1;
        continue;
      }
      if (!crlf && c === LF) pos = fieldEnd + 1;
      else if (crlf && c === CR && text.charCodeAt(fieldEnd + 1) === LF) pos = fieldEnd + 2;
      else if (fieldEnd === n && last) pos = n;
      else if (fieldEnd >= n - (crlf ? 1 : 0) && !last) return { end: rowStart, irregular: false };
      else return { end: rowStart, irregular: true };
      break;
    }
    // A line of one empty cell ("" too, or a CR) is skipped as csv-rows skips papaparse's [''].
    const first = firstTo - firstFrom;
    if (col === 1 && (first === 0 || (first === 1 && text.charCodeAt(firstFrom) === CR))) continue;
    rows.push(cells);
    read += 1;
  }
  return { end: pos, irregular: false };
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}
