// `gridshift batch in.csv -o out.csv`: many workloads from CSV (the columns of POST /v1/batch) or
// JSON, results in order as CSV or JSON; a progress bar on stderr for large files.
import { BatchRequest, type BatchItem } from '../core/decision-schemas.ts';
import { estimator } from '../data/index.ts';
import { parseBatchCsv, formatBatchCsv, type CsvRow } from '../service/batch-csv.ts';
import { runBatch, shareProvenance } from '../service/batch.ts';
import { parseOrThrow, withGridshiftErrors } from '../service/gridshift-error.ts';
import { COMMON_OPTIONS, parseCommandArgs, usageError } from './args.ts';
import type { CliIo } from './io.ts';

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

export function runBatchCommand(argv: readonly string[], io: CliIo): number {
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
  const text = readInput(io, input);
  const csvIn = input.toLowerCase().endsWith('.csv') || !/^\s*[[{]/.test(text);
  const rows = csvIn ? withGridshiftErrors(() => parseBatchCsv(text)) : jsonRows(text, input);
  const format = values.json
    ? 'json'
    : (values.format ??
      (values.output?.toLowerCase().endsWith('.csv') ||
      (csvIn && !values.output?.toLowerCase().endsWith('.json'))
        ? 'csv'
        : 'json'));
  if (format !== 'csv' && format !== 'json')
    throw usageError(`--format must be one of csv, json, got '${format}'`);

  const show =
    !values['no-progress'] && (values.progress === true || rows.length >= PROGRESS_MIN_ROWS);
  const bar = progressBar(io, rows.length, show);
  const results: BatchItem[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    results.push(...runBatch({ rows: rows.slice(i, i + CHUNK_ROWS), csv: csvIn }, estimator));
    bar.update(results.length);
  }
  bar.done();

  const out =
    format === 'csv'
      ? formatBatchCsv(results)
      : `${JSON.stringify(shareProvenance(results), null, 2)}\n`;
  if (values.output) io.writeText(values.output, out);
  else io.stdout(out);
  const failed = results.filter((r) => !r.ok).length;
  io.stderr(
    `gridshift: ${results.length - failed} estimated, ${failed} failed${values.output ? ` -> ${values.output}` : ''}\n`,
  );
  return 0;
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
