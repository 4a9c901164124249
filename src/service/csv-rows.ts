// Text chunks -> CSV rows in batches, with bounded memory: papaparse's Parser (the same parser the
// page uses in the browser) over what has arrived, the unfinished last row carried to the next chunk.
// A row longer than the limit (an unclosed quote, a huge cell) is a 422 naming its row; a
// malformed quote inside a row is that row's own problem.
import Papa from 'papaparse';
import { GridshiftError } from './problem.ts';

/** Longest row accepted, in characters: FOCUS rows are about 1 kB; tags can be long, not this long. */
export const MAX_CSV_ROW_CHARS = 512 * 1024;

/** Text gathered before a parse: large enough that per-call costs vanish, small enough to stay bounded. */
const PARSE_CHARS = 256 * 1024;

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
  let parser: Papa.Parser | undefined;
  let pending = '';
  let nextRow = 0;
  const parse = (input: string, last: boolean): CsvBatch | null => {
    parser ??= new Papa.Parser({ delimiter: ',', newline: lineBreakOf(input) });
    const result = parser.parse(input, 0, !last) as PapaResult;
    pending = input.slice(result.meta.cursor);
    if (!last && pending.length > maxRowChars) throw rowTooLong(nextRow, maxRowChars);
    const batch = toBatch(result, nextRow);
    nextRow += batch.rows.length;
    return batch.rows.length > 0 ? batch : null;
  };
  for await (const chunk of text) {
    pending = pending === '' ? chunk : pending + chunk;
    if (pending.length < PARSE_CHARS) continue;
    const batch = parse(pending, false);
    if (batch) yield batch;
  }
  // What is left is under PARSE_CHARS (a longer text was parsed above, its unfinished row checked),
  // and may hold many rows: it is not one row to hold to the row limit.
  if (pending !== '') {
    const batch = parse(pending, true);
    if (batch) yield batch;
  }
}

/** `\r\n` when the first line ends so, else `\n` (papaparse's Parser needs it said). */
function lineBreakOf(text: string): '\n' | '\r\n' {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

function toBatch(result: PapaResult, firstRow: number): CsvBatch {
  const rows: string[][] = [];
  const broken = new Map<number, string>();
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
  return { rows, firstRow, broken };
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
