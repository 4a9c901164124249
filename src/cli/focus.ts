// `gridshift focus FILE…`: FOCUS billing exports (.csv, .csv.gz, .parquet; several files read as
// one bill) streamed through the same service as POST /v1/focus: a summary in words, the summary as
// JSON, or the per-row CSV; a progress bar on stderr; no row limit.
import { createReadStream, statSync } from 'node:fs';
import { estimator } from '../data/index.ts';
import type { CsvBatch } from '../service/csv-rows.ts';
import { readCsvBatches } from '../service/csv-rows.ts';
import { focusCellsRead, focusGroupKeySchema, type FocusGroupKey } from '../service/focus/index.ts';
import {
  concatCsvSources,
  focusRowCsvChunks,
  openFocusBatches,
  type FocusStreamOptions,
} from '../service/focus-stream.ts';
import { readTextChunks } from '../service/text-input.ts';
import { COMMON_OPTIONS, parseCommandArgs, usageError } from './args.ts';
import { renderFocusSummary } from './focus-output.ts';
import { openOutput, type CliIo } from './io.ts';
import { readParquetRows } from './parquet-rows.ts';
import { createProgress } from './progress.ts';

export const FOCUS_HELP = `Usage: gridshift focus <file>... [flags]

Energy and CO2e of cloud bills in FOCUS format (1.0–1.2; AWS, Azure, Google Cloud, Oracle), per
row, service, region and month, with the greener region moves. Reads .csv, .csv.gz and .parquet
(- is CSV on standard input); several files are read as one bill. Streamed: no row limit.

Example:
  gridshift focus bill-2025-01.csv.gz bill-2025-02.csv.gz --group-by service,region
  gridshift focus export.parquet --format csv -o rows.csv

Flags:
  --format, -f       text (default: the summary in words) | json (the summary) | csv (one line per row)
  --json             same as --format json
  --output, -o       write here instead of standard output
  --group-by         groups in the summary: ${focusGroupKeySchema.options.join(', ')} (comma-separated)
  --tag-key          the Tags key whose value groups rows (the tag group)
  --same-continent   moves only to regions on the same continent
  --progress         show the progress bar even when stderr is not a terminal
  --no-progress      never show it
  --help, -h         this help

Exit codes: 0 done (unmapped rows are counted with their reason), 2 unreadable or not FOCUS.
`;

export async function runFocusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...COMMON_OPTIONS,
    output: { type: 'string', short: 'o' },
    'group-by': { type: 'string' },
    'tag-key': { type: 'string' },
    'same-continent': { type: 'boolean' },
    progress: { type: 'boolean' },
    'no-progress': { type: 'boolean' },
  });
  if (values.help) return (io.stdout(FOCUS_HELP), 0);
  if (positionals.length === 0) throw usageError('expected at least one FOCUS file');
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (format !== 'text' && format !== 'json' && format !== 'csv')
    throw usageError(`--format must be one of text, json, csv, got '${format}'`);
  const options = focusOptions(values);
  const sizes = positionals.map((p) => fileSize(p));
  const show = !values['no-progress'] && (values.progress === true || io.stderrIsTty);
  const progress = createProgress(io, sizes.every((s) => s !== null) ? sum(sizes) : null, show);
  const sources = positionals.map((path) => () => fileBatches(path, progress.addBytes));
  const stream = await openFocusBatches(concatCsvSources(sources), estimator, {
    ...options,
    onRows: progress.setRows,
  });
  const out = openOutput(io, values.output);
  try {
    if (format === 'csv')
      for await (const chunk of focusRowCsvChunks(stream)) await out.write(chunk);
    else {
      for await (const batch of stream.results()) void batch;
      const summary = stream.run.summary();
      await out.write(
        format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderFocusSummary(summary),
      );
    }
  } finally {
    progress.done();
    await out.close();
  }
  if (values.output)
    io.stderr(`gridshift: ${progress.rows().toLocaleString('en-US')} rows -> ${values.output}\n`);
  return 0;
}

function focusOptions(values: {
  'group-by'?: string | undefined;
  'tag-key'?: string | undefined;
  'same-continent'?: boolean | undefined;
}): FocusStreamOptions {
  const keys = focusGroupKeySchema.options as readonly string[];
  const groupBy = values['group-by']?.split(',').map((k) => k.trim());
  for (const key of groupBy ?? [])
    if (!keys.includes(key))
      throw usageError(`--group-by takes ${keys.join(', ')} (comma-separated), got '${key}'`);
  if (groupBy?.includes('tag') && values['tag-key'] === undefined)
    throw usageError('--group-by tag needs --tag-key (the Tags key to group by)');
  return {
    ...(groupBy ? { groupBy: groupBy as FocusGroupKey[] } : {}),
    ...(values['tag-key'] !== undefined ? { tagKey: values['tag-key'] } : {}),
    sameContinent: values['same-continent'] === true,
  };
}

function fileSize(path: string): number | null {
  if (path === '-') return null;
  try {
    return statSync(path).size;
  } catch {
    throw usageError(`cannot read '${path}'`);
  }
}

const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

/** A file's rows: Parquet by its extension, anything else as CSV (gzip recognised by its bytes). */
async function* fileBatches(path: string, addBytes: (n: number) => void): AsyncGenerator<CsvBatch> {
  if (/\.parquet$/i.test(path)) {
    let firstRow = 0;
    for await (const rows of readParquetRows(path, addBytes)) {
      yield { rows, firstRow, broken: new Map() };
      firstRow += rows.length;
    }
    return;
  }
  const bytes = counted(
    // Node's 64 KiB reads: 256 KiB buffers and the strings made from them cost V8 a large-object
    // allocation each, which made reading a bill 2x slower here (bench/focus.ts).
    createReadStream(
      path === '-' ? '' : path,
      path === '-' ? { fd: 0 } : {},
    ) as AsyncIterable<Uint8Array>,
    addBytes,
  );
  yield* readCsvBatches(readTextChunks(bytes), { keep: focusCellsRead });
}

async function* counted(
  bytes: AsyncIterable<Uint8Array>,
  addBytes: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    addBytes(chunk.length);
    yield chunk;
  }
}
