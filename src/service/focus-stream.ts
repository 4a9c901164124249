// A FOCUS file as a stream of bytes -> its footprint, with bounded memory: bytes to text
// (text-input.ts), text to rows (csv-rows.ts), rows through one FOCUS run. Shared by the API, the
// CLI and the page; the header is read before anything is answered, so a non-FOCUS file is a 422.
import type { Estimator } from '../core/estimator.ts';
import { readCsvBatches, type CsvRowOptions } from './csv-rows.ts';
import {
  createFocusRun,
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
export async function openFocusStream(
  bytes: AsyncIterable<Uint8Array>,
  estimator: Estimator,
  options: FocusStreamOptions = {},
): Promise<FocusStream> {
  const batches = readCsvBatches(readTextChunks(bytes, options.limits), options.limits);
  const first = await batches.next();
  const header = first.done === true ? [] : (first.value.rows[0] ?? []);
  const run = createFocusRun(estimator, readFocusHeader(header), options);
  let rows = 0;
  const addAll = (
    batch: { rows: readonly string[][]; firstRow: number; broken: ReadonlyMap<number, string> },
    from: number,
  ) => {
    const out: FocusRowResult[] = [];
    for (let i = from; i < batch.rows.length; i++)
      out.push(run.add(batch.broken.has(batch.firstRow + i) ? UNREADABLE : batch.rows[i]!));
    rows += out.length;
    options.onRows?.(rows);
    return out;
  };
  async function* results(): AsyncGenerator<readonly FocusRowResult[]> {
    if (first.done === true) return;
    const head = addAll(first.value, 1);
    if (head.length > 0) yield head;
    for await (const batch of batches) yield addAll(batch, 0);
  }
  return { run, results };
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
