// `gridshift batch in.csv -o out.csv`: many workloads from CSV (the columns of POST /v1/batch) or
// JSON, results in order as CSV or JSON; a progress bar on stderr for large files.
import { BatchRequest, type BatchItem } from '../core/decision-schemas.ts';
import { estimator } from '../data/index.ts';
import { parse as parseStream } from 'csv-parse';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import {
  BATCH_CSV_PARSE_OPTIONS,
  batchCsvLines,
  batchCsvRowReader,
  CSV_RESULT_COLUMNS,
  parseBatchCsv,
  unreadableCsv,
  type CsvRow,
} from '../service/batch-csv.ts';
import { createProvenanceIndex, runBatch } from '../service/batch.ts';
import { parseOrThrow, withGridshiftErrors } from '../service/gridshift-error.ts';
import { COMMON_OPTIONS, parseCommandArgs, usageError } from './args.ts';
import { openOutput, type CliIo } from './io.ts';

const PROGRESS_MIN_ROWS = 500;
const CHUNK_ROWS = 250;

export const BATCH_HELP = `Usage: gridshift batch <input> [-o <output>] [flags]

Estimates every workload of a file, in order; one bad row fails alone (its error in the output).
Input: CSV with the columns of POST /v1/batch (location, durationHours, gpu, gpuCount, cpu, ...)
or JSON ({"workloads": [...]} or a plain array); - reads standard input. No row limit.

Example:
  gridshift batch jobs.csv -o results.csv

Flags:
  --output, -o       write here instead of standard output
  --format, -f       csv | json (default: csv for a .csv output or CSV input, else json)
  --json             same as --format json
  --progress         always show the progress bar (default: from ${PROGRESS_MIN_ROWS} rows)
  --no-progress      never show it
  --help, -h         this help

Exit codes: 0 done (row errors are in the output; a count goes to stderr), 2 unreadable input.
`;

export async function runBatchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const options = {
    ...COMMON_OPTIONS,
    output: { type: 'string', short: 'o' },
    progress: { type: 'boolean' },
    'no-progress': { type: 'boolean' },
  } as const;
  const { values, positionals } = parseCommandArgs(argv, options);
  if (values.help) return (io.stdout(BATCH_HELP), 0);
  if (positionals.length !== 1)
    throw usageError('expected one input file (or - for standard input)');
  const input = positionals[0]!;
  // A CSV file streams through (bounded memory at any length); JSON and standard input are read whole.
  const source =
    input !== '-' && !looksLikeJson(input) ? await csvFileSource(input) : wholeSource(io, input);
  const format = values.json
    ? 'json'
    : (values.format ??
      (values.output?.toLowerCase().endsWith('.csv') ||
      (source.csv && !values.output?.toLowerCase().endsWith('.json'))
        ? 'csv'
        : 'json'));
  if (format !== 'csv' && format !== 'json')
    throw usageError(`--format must be one of csv, json, got '${format}'`);

  const show =
    !values['no-progress'] && (values.progress === true || source.total >= PROGRESS_MIN_ROWS);
  const bar = progressBar(io, source.total, show);
  const out = openOutput(io, values.output);
  const writer = format === 'csv' ? csvWriter() : jsonWriter();
  let done = 0;
  let failed = 0;
  try {
    await out.write(writer.start());
    for await (const rows of source.chunks()) {
      const results = runBatch({ rows, csv: source.csv }, estimator);
      await out.write(writer.items(results, done + 1));
      done += results.length;
      failed += results.filter((r) => !r.ok).length;
      bar.update(done);
    }
    await out.write(writer.end());
  } finally {
    await out.close();
  }
  bar.done();
  io.stderr(
    `gridshift: ${done - failed} estimated, ${failed} failed${values.output ? ` -> ${values.output}` : ''}\n`,
  );
  return 0;
}

interface RowSource {
  readonly csv: boolean;
  /** Data rows (for the progress bar). */
  readonly total: number;
  chunks(): AsyncIterable<CsvRow[]> | Iterable<CsvRow[]>;
}

/** A CSV file read twice as a stream: once to count its rows, once to estimate them. */
async function csvFileSource(path: string): Promise<RowSource> {
  let total = -1;
  for await (const record of csvRecords(path)) total += record.length >= 0 ? 1 : 0;
  return {
    csv: true,
    total: Math.max(total, 0),
    async *chunks() {
      let read: ((cells: readonly string[]) => CsvRow) | undefined;
      let chunk: CsvRow[] = [];
      for await (const cells of csvRecords(path)) {
        if (!read) {
          read = batchCsvRowReader(cells);
          continue;
        }
        chunk.push(read(cells));
        if (chunk.length === CHUNK_ROWS) {
          yield chunk;
          chunk = [];
        }
      }
      if (!read) batchCsvRowReader(undefined);
      if (chunk.length > 0) yield chunk;
    },
  };
}

/** The records of a CSV file through csv-parse's stream (the options of POST /v1/batch). */
async function* csvRecords(path: string): AsyncGenerator<string[]> {
  let stream;
  try {
    stream = createReadStream(path).pipe(parseStream(BATCH_CSV_PARSE_OPTIONS));
    for await (const record of stream) yield record as string[];
  } catch (err) {
    if (
      (err as { code?: string }).code === 'ENOENT' ||
      (err as { code?: string }).code === 'EISDIR'
    )
      throw usageError(`cannot read '${path}'`);
    throw unreadableCsv(err);
  }
}

function wholeSource(io: CliIo, input: string): RowSource {
  const text = readInput(io, input);
  const csv = input.toLowerCase().endsWith('.csv') || !/^\s*[[{]/.test(text);
  const rows = csv ? withGridshiftErrors(() => parseBatchCsv(text)) : jsonRows(text, input);
  return {
    csv,
    total: rows.length,
    *chunks() {
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield rows.slice(i, i + CHUNK_ROWS);
    },
  };
}

/** Whether the file (not named .csv) opens with JSON; an unreadable file is a usage error. */
function looksLikeJson(path: string): boolean {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    head = buffer.toString('utf8', 0, n);
  } catch {
    throw usageError(`cannot read '${path}'`);
  }
  return !path.toLowerCase().endsWith('.csv') && /^\uFEFF?\s*[[{]/.test(head);
}

interface Writer {
  start(): string;
  items(results: readonly BatchItem[], firstRow: number): string;
  end(): string;
}

function csvWriter(): Writer {
  return {
    start: () => `${CSV_RESULT_COLUMNS.join(',')}\r\n`,
    items: (results, firstRow) => batchCsvLines(results, firstRow),
    end: () => '',
  };
}

/** The bytes of JSON.stringify(shareProvenance(results), null, 2), written a chunk at a time. */
function jsonWriter(): Writer {
  const shared = createProvenanceIndex();
  let any = false;
  const indent = (text: string) => text.replace(/^/gm, '    ');
  return {
    start: () => '{\n  "results": [',
    items: (results) => {
      let text = '';
      for (const item of results) {
        text += `${any ? ',' : ''}\n${indent(JSON.stringify(shared.item(item), null, 2))}`;
        any = true;
      }
      return text;
    },
    end: () => {
      const list = shared.provenance.map((p) => indent(JSON.stringify(p, null, 2)));
      const provenance = list.length > 0 ? `[\n${list.join(',\n')}\n  ]` : '[]';
      return `${any ? '\n  ' : ''}],\n  "provenance": ${provenance}\n}\n`;
    },
  };
}

function readInput(io: CliIo, path: string): string {
  try {
    return io.readText(path);
  } catch {
    throw usageError(`cannot read ${path === '-' ? 'standard input' : `'${path}'`}`);
  }
}

function jsonRows(text: string, path: string): CsvRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    throw usageError(`'${path}' is neither CSV nor valid JSON`);
  }
  const { workloads } = parseOrThrow(
    BatchRequest,
    Array.isArray(data) ? { workloads: data } : data,
  );
  return workloads.map((request) => ({ ok: true, request }));
}

/** `[##########----------]  50 %  5,000/10,000` redrawn in place on a terminal; 10 % steps otherwise. */
function progressBar(io: CliIo, total: number, show: boolean) {
  let lastStep = -1;
  const draw = (done: number) => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * 30);
    return `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${String(Math.floor(share * 100)).padStart(3)} %  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
  };
  return {
    update(done: number) {
      if (!show) return;
      if (io.stderrIsTty) return io.stderr(`\r${draw(done)}`);
      const step = Math.floor((done / Math.max(total, 1)) * 10);
      if (step !== lastStep) io.stderr(`${draw(done)}\n`);
      lastStep = step;
    },
    done() {
      if (show && io.stderrIsTty) io.stderr('\n');
    },
  };
}
