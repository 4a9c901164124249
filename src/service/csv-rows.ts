// Text chunks -> CSV rows in batches, with bounded memory: rows in strict RFC 4180 form are read by
// csv-scan.ts (only the cells a reader keeps cut out), any other row by papaparse's Parser (the
// parser the page used before), the unfinished last row carried to the next chunk. A row longer
// than the limit (an unclosed quote, a huge cell) is a 422 naming its row; a malformed quote inside
// a row is that row's own problem.
import Papa from 'papaparse';
import { GridshiftError } from './problem.ts';
import { scanRows } from './csv-scan.ts';

/** Longest row accepted, in characters: FOCUS rows are about 1 kB; tags can be long, not this long. */
export const MAX_CSV_ROW_CHARS = 512 * 1024;

/**
 * Text gathered before a parse: enough that per-call costs vanish, and under V8's 128 KiB large-object
 * size even as UTF-16, since each large string (a chunk joined to the carried row) is a slow allocation.
 */
const PARSE_CHARS = 60 * 1024;

export interface CsvBatch {
  /** Rows in file order; the first batch starts with the header row. */
  readonly rows: readonly string[][];
  /** Index of `rows[0]` among the file's non-empty rows (0 = the header row). */
  readonly firstRow: number;
  /** Rows of this batch whose quoting is malformed: file row index -> what is wrong. */
  readonly broken: ReadonlyMap<number, string>;
}

export interface CsvRowOptions {
  /** Longest row in characters; default MAX_CSV_ROW_CHARS. */
  readonly maxRowChars?: number;
  /** Text gathered before a parse; default 256 K characters. */
  readonly parseChars?: number;
  /**
   * The columns a reader uses, told the header: a data row's other cells may read as '' (their
   * text is skipped, not cut out). Absent or null: every cell.
   */
  readonly keep?: (header: readonly string[]) => readonly number[] | null;
}

interface PapaError {
  readonly code: string;
  readonly row: number;
}
interface PapaResult {
  readonly data: string[][];
  readonly errors: readonly PapaError[];
  readonly meta: { readonly cursor: number };
}

/** Rows of the CSV text, batch by batch; empty lines are skipped. */
export async function* readCsvBatches(
  text: AsyncIterable<string>,
  options: CsvRowOptions = {},
): AsyncGenerator<CsvBatch> {
  const maxRowChars = options.maxRowChars ?? MAX_CSV_ROW_CHARS;
  const parseChars = options.parseChars ?? PARSE_CHARS;
  let newline: '\n' | '\r\n' | undefined;
  let parser: Papa.Parser | undefined;
  // Undefined until the header is read; then the cells data rows cut out (null: all).
  let wanted: Uint8Array | null | undefined;
  let pending = '';
  let nextRow = 0;
  const header = (rows: readonly string[][]) => {
    if (wanted === undefined && rows.length > 0) wanted = maskOf(options.keep?.(rows[0]!) ?? null);
  };
  const parse = (input: string, last: boolean): CsvBatch | null => {
    // The line break is the first line's: wait for the first line to end.
    if (newline === undefined && !last && !input.includes('\n')) {
      pending = input;
      if (pending.length > maxRowChars) throw rowTooLong(nextRow, maxRowChars);
      return null;
    }
    newline ??= lineBreakOf(input);
    const rows: string[][] = [];
    const broken = new Map<number, string>();
    let at = 0;
    for (;;) {
      const maxRows = wanted === undefined ? 1 : Infinity;
      const stop = scanRows(input, at, { newline, wanted: wanted ?? null, last, maxRows }, rows);
      at = stop.end;
      if (wanted === undefined && rows.length > 0) {
        header(rows);
        continue;
      }
      if (stop.irregular) {
        // From the first row not in strict form, papaparse reads the rest of this text.
        parser ??= new Papa.Parser({ delimiter: ',', newline });
        const result = parser.parse(input.slice(at), 0, !last) as PapaResult;
        appendPapa(result, rows, broken, nextRow);
        at += result.meta.cursor;
        header(rows);
      }
      break;
    }
    pending = input.slice(at);
    if (!last && pending.length > maxRowChars) throw rowTooLong(nextRow + rows.length, maxRowChars);
    const batch = { rows, firstRow: nextRow, broken };
    nextRow += rows.length;
    return rows.length > 0 ? batch : null;
  };
  for await (const chunk of text) {
    pending = pending === '' ? chunk : pending + chunk;
    if (pending.length < parseChars) continue;
    const batch = parse(pending, false);
    if (batch) yield batch;
  }
  // What is left is under parseChars (a longer text was parsed above, its unfinished row checked),
  // and may hold many rows: it is not one row to hold to the row limit.
  if (pending !== '') {
    const batch = parse(pending, true);
    if (batch) yield batch;
  }
}

function maskOf(columns: readonly number[] | null): Uint8Array | null {
  if (columns === null) return null;
  const mask = new Uint8Array(Math.max(0, ...columns) + 1);
  for (const i of columns) if (i >= 0) mask[i] = 1;
  return mask;
}

/** `\r\n` when the first line ends so, else `\n` (papaparse's Parser needs it said). */
function lineBreakOf(text: string): '\n' | '\r\n' {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** Papaparse's rows after `rows` (empty lines skipped), a row with malformed quoting marked broken. */
function appendPapa(
  result: PapaResult,
  rows: string[][],
  broken: Map<number, string>,
  firstRow: number,
): void {
  const errorsByRow = new Map<number, string>();
  // With the last row held back, its errors are reported again with the next chunk: keep only those of rows returned.
  for (const e of result.errors)
    if (e.row < result.data.length && !errorsByRow.has(e.row))
      errorsByRow.set(e.row, quoteMessage(e.code));
  result.data.forEach((cells, i) => {
    if (isEmpty(cells)) return;
    const message = errorsByRow.get(i);
    if (message !== undefined) broken.set(firstRow + rows.length, message);
    rows.push(cells);
  });
}

function isEmpty(cells: readonly string[]): boolean {
  return cells.length === 1 && (cells[0] === '' || cells[0] === '\r');
}

function quoteMessage(code: string): string {
  return code === 'MissingQuotes'
    ? 'expected a closing quote; the quoted cell runs to the end of the file'
    : 'expected a quoted cell to end with a quote followed by a comma or a line break';
}

function rowTooLong(row: number, max: number): GridshiftError {
  const message = `expected rows of at most ${max.toLocaleString('en-US')} characters; row ${row.toLocaleString('en-US')} (counting the header as 0) is longer (an unclosed quote, or a huge cell?)`;
  return new GridshiftError({
    code: 'validation_failed',
    detail: `The CSV cannot be read: ${message}.`,
    errors: [{ path: `row.${row}`, code: 'row_too_long', message }],
  });
}
