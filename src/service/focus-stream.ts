// A FOCUS file as a stream of bytes -> its footprint, with bounded memory: bytes to text
// (text-input.ts), text to rows (csv-rows.ts), rows through one FOCUS run. Shared by the API, the
// CLI and the page; the header is read before anything is answered, so a non-FOCUS file is a 422.
import type { Estimator } from '../core/estimator.ts';
import { readCsvBatches, type CsvBatch, type CsvRowOptions } from './csv-rows.ts';
import {
  createFocusRun,
  focusCellsRead,
  FOCUS_ROW_CSV_HEADER,
  focusRowCsvLine,
  readFocusHeader,
  type FocusOptions,
  type FocusRowResult,
  type FocusRun,
  type FocusSummary,
} from './focus/index.ts';
import { readTextChunks, type TextInputLimits } from './text-input.ts';

export interface FocusStreamOptions extends FocusOptions {
  readonly limits?: TextInputLimits & CsvRowOptions;
  /** Called after each batch of rows with the data rows read so far. */
  readonly onRows?: (rows: number) => void;
}

export interface FocusStream {
  readonly run: FocusRun;
  /** Per-row results, batch by batch, in file order (read once). */
  results(): AsyncGenerator<readonly FocusRowResult[]>;
}

/** No cells: the run counts the row as unmapped (`bad_row`), as it does a row short of cells. */
const UNREADABLE: readonly string[] = [];

/** Reads up to the header, checks it is FOCUS (422 `not_focus` naming the missing columns), and returns the run over the rest. */
export function openFocusStream(
  bytes: AsyncIterable<Uint8Array>,
  estimator: Estimator,
  options: FocusStreamOptions = {},
): Promise<FocusStream> {
  const text = readTextChunks(bytes, options.limits);
  const read = readCsvBatches(text, { ...options.limits, keep: focusCellsRead });
  return openFocusBatches(read, estimator, options);
}

/** As openFocusStream, over rows already read (a Parquet file, several files in one). */
export async function openFocusBatches(
  source: AsyncIterable<CsvBatch>,
  estimator: Estimator,
  options: FocusStreamOptions = {},
): Promise<FocusStream> {
  const batches = source[Symbol.asyncIterator]();
  const first = await batches.next();
  const header = first.done === true ? [] : (first.value.rows[0] ?? []);
  let run: FocusRun;
  try {
    run = createFocusRun(estimator, readFocusHeader(header), options);
  } catch (err) {
    await batches.return?.();
    throw err;
  }
  let rows = 0;
  const addAll = (batch: CsvBatch, from: number) => {
    const out: FocusRowResult[] = [];
    const { rows: cells, broken, firstRow } = batch;
    for (let i = from; i < cells.length; i++)
      out.push(run.add(broken.size > 0 && broken.has(firstRow + i) ? UNREADABLE : cells[i]!));
    rows += out.length;
    options.onRows?.(rows);
    return out;
  };
  async function* results(): AsyncGenerator<readonly FocusRowResult[]> {
    if (first.done === true) return;
    const head = addAll(first.value, 1);
    if (head.length > 0) yield head;
    for (let next = await batches.next(); next.done !== true; next = await batches.next())
      yield addAll(next.value, 0);
  }
  return { run, results };
}

/**
 * Several files as one: each file's rows in the first file's column order (by name; a column it
 * lacks is empty), its header dropped.
 */
export async function* concatCsvSources(
  sources: readonly (() => AsyncIterable<CsvBatch>)[],
): AsyncGenerator<CsvBatch> {
  let columns: readonly string[] | undefined;
  let nextRow = 0;
  for (const open of sources) {
    let order: number[] | null = null;
    // Combined index of a row = its index in its file + offset (a later file's header is dropped).
    let offset = 0;
    for await (const batch of open()) {
      let rows = batch.rows;
      let from = 0;
      if (batch.firstRow === 0 && columns === undefined) columns = rows[0] ?? [];
      else if (batch.firstRow === 0) {
        // A later file must be FOCUS too (422 naming what it lacks), not silently emptied.
        readFocusHeader(rows[0] ?? []);
        order = reorder(columns!, rows[0] ?? []);
        if (order.every((at, i) => at === i)) order = null;
        from = 1;
        offset = nextRow - 1;
      }
      if (from > 0) rows = rows.slice(from);
      if (order !== null) {
        const o = order;
        rows = rows.map((cells) => o.map((i) => (i < 0 ? '' : (cells[i] ?? ''))));
      }
      const broken = new Map<number, string>();
      for (const [row, why] of batch.broken) if (row >= from) broken.set(row + offset, why);
      const firstRow = batch.firstRow + from + offset;
      nextRow = firstRow + rows.length;
      if (rows.length > 0) yield { rows, firstRow, broken };
    }
  }
}

/** For each of `columns`, where `header` has it (-1 if nowhere), names compared without case. */
function reorder(columns: readonly string[], header: readonly string[]): number[] {
  const at = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  return columns.map((name) => at.get(name.trim().toLowerCase()) ?? -1);
}

/** The summary of a FOCUS file (a header alone is a summary of 0 rows). */
export async function summariseFocus(
  bytes: AsyncIterable<Uint8Array>,
  estimator: Estimator,
  options: FocusStreamOptions = {},
): Promise<FocusSummary> {
  const stream = await openFocusStream(bytes, estimator, options);
  for await (const batch of stream.results()) void batch;
  return stream.run.summary();
}

/** The per-row CSV (RFC 4180, CRLF), header first, a chunk per batch; cells that look like formulas neutralised by the core's writer. */
export async function* focusRowCsvChunks(stream: FocusStream): AsyncGenerator<string> {
  yield `${FOCUS_ROW_CSV_HEADER}\r\n`;
  for await (const batch of stream.results()) {
    let text = '';
    for (const r of batch) text += `${focusRowCsvLine(r)}\r\n`;
    yield text;
  }
}
