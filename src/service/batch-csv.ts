// Batch as CSV: one workload per row in flat columns (empty cell = not given), results as flat rows.
// Parsing uses csv-parse's self-contained browser ESM build, which also runs on Workers.
import { parse } from 'csv-parse/browser/esm/sync';
import type { BatchItem } from '../core/decision-schemas.ts';
import { GridshiftError, type ProblemItem } from './problem.ts';
import { nearestIds } from './text-match.ts';

type Cell = 'string' | 'number' | 'boolean';

/** Input columns: where each cell goes in the workload, and how it is read. */
export const CSV_COLUMNS: Readonly<Record<string, readonly [path: readonly string[], type: Cell]>> =
  {
    location: [['location'], 'string'],
    durationHours: [['durationHours'], 'number'],
    instance: [['instance', 'type'], 'string'],
    instanceCount: [['instance', 'count'], 'number'],
    gpu: [['gpu', 'model'], 'string'],
    gpuCount: [['gpu', 'count'], 'number'],
    gpuUtilization: [['gpu', 'utilization'], 'number'],
    gpuPowerW: [['gpu', 'powerW'], 'number'],
    cpu: [['cpu', 'model'], 'string'],
    cpuThreads: [['cpu', 'threads'], 'number'],
    cpuUtilization: [['cpu', 'utilization'], 'number'],
    memoryGb: [['memoryGb'], 'number'],
    ssdTb: [['storage', 'ssdTb'], 'number'],
    hddTb: [['storage', 'hddTb'], 'number'],
    replication: [['storage', 'replication'], 'number'],
    networkGb: [['networkGb'], 'number'],
    pue: [['pue'], 'number'],
    gridIntensity: [['gridIntensity'], 'number'],
    year: [['year'], 'number'],
    renewableShare: [['renewableShare'], 'number'],
    functionalUnit: [['functionalUnit', 'name'], 'string'],
    functionalUnitCount: [['functionalUnit', 'count'], 'number'],
    embodied: [['embodied'], 'boolean'],
    preset: [['preset'], 'string'],
  };

/** Dotted workload path -> column, so row errors name the column the user wrote. */
const COLUMN_OF_PATH = new Map(
  Object.entries(CSV_COLUMNS).map(([column, [path]]) => [path.join('.'), column]),
);

/** A parsed row: the workload request it holds, or why it cannot be read. */
export type CsvRow = { ok: true; request: unknown } | { ok: false; errors: ProblemItem[] };

/** Rows of a CSV body (header first); a malformed file or header is a 422 for the whole body. */
export function parseBatchCsv(text: string): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, BATCH_CSV_PARSE_OPTIONS);
  } catch (err) {
    throw unreadableCsv(err);
  }
  const [header, ...rows] = records;
  const read = batchCsvRowReader(header);
  return rows.map(read);
}

/** csv-parse's options for batch CSV (the CLI streams with the same ones). */
export const BATCH_CSV_PARSE_OPTIONS = {
  bom: true,
  trim: true,
  skip_empty_lines: true,
  relax_column_count: true,
} as const;

/** Checks the header (422 for an unknown or repeated column) and returns the reader of its rows. */
export function batchCsvRowReader(
  header: readonly string[] | undefined,
): (cells: readonly string[]) => CsvRow {
  if (!header)
    throw csvProblem([
      { path: '', code: 'invalid_csv', message: 'expected a header row naming the columns' },
    ]);
  const columns = readHeader(header);
  return (cells) => readRow(columns, cells);
}

/** The message of a csv-parse failure, told as the whole body's problem. */
export function unreadableCsv(err: unknown): GridshiftError {
  const where =
    typeof err === 'object' && err !== null && 'lines' in err
      ? ` near line ${String(err.lines)}`
      : '';
  return csvProblem([
    {
      path: '',
      code: 'invalid_csv',
      message: `expected RFC 4180 CSV; the file could not be parsed${where}`,
    },
  ]);
}

function readHeader(header: readonly string[]): string[] {
  const known = Object.keys(CSV_COLUMNS);
  const errors: ProblemItem[] = [];
  header.forEach((name, i) => {
    if (!Object.hasOwn(CSV_COLUMNS, name)) {
      const [closest] = nearestIds(name, known, 1);
      errors.push({
        path: `header.${i}`,
        code: 'unknown_column',
        message: `unknown column '${name.slice(0, 40)}'${closest ? `; did you mean '${closest}'?` : ''}`,
      });
    } else if (header.indexOf(name) !== i)
      errors.push({
        path: `header.${i}`,
        code: 'duplicate_column',
        message: `column '${name}' appears twice`,
      });
  });
  if (errors.length > 0) throw csvProblem(errors);
  return [...header];
}

function readRow(columns: readonly string[], cells: readonly string[]): CsvRow {
  if (cells.length !== columns.length) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          code: 'invalid_row',
          message: `expected ${columns.length} cells, got ${cells.length}`,
        },
      ],
    };
  }
  const request: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const cell = cells[i]!;
    if (cell === '') return;
    const [path, type] = CSV_COLUMNS[column]!;
    setPath(request, path, readCell(cell, type));
  });
  return { ok: true, request };
}

/** Numbers and booleans are converted when they read as such; otherwise the text goes on, so the schema names the column. */
function readCell(cell: string, type: Cell): unknown {
  if (type === 'number')
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? Number(cell) : cell;
  if (type === 'boolean') {
    const lower = cell.toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : cell;
  }
  return cell;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/** A workload path as the CSV column it came from, when there is one. */
export function columnOf(path: string): string {
  return COLUMN_OF_PATH.get(path) ?? path;
}

function csvProblem(errors: ProblemItem[]): GridshiftError {
  return new GridshiftError({
    code: 'validation_failed',
    detail: `The CSV body cannot be read (${errors.length} problem(s)): see errors.`,
    errors,
  });
}

/** Output columns, one result per row, in input order. */
export const CSV_RESULT_COLUMNS = [
  'row',
  'ok',
  'error',
  'location',
  'regionId',
  'zone',
  'intensity',
  'pue',
  'durationHours',
  'energyKwh',
  'energyLowKwh',
  'energyHighKwh',
  'kgCo2e',
  'kgCo2eLow',
  'kgCo2eHigh',
  'locationKg',
  'marketKg',
  'embodiedKg',
  'sciGCo2ePerUnit',
  'waterL',
] as const;

/** Results as CSV (RFC 4180, CRLF line ends), `row` counting data rows from 1. */
export function formatBatchCsv(results: readonly BatchItem[]): string {
  return `${CSV_RESULT_COLUMNS.join(',')}\r\n${batchCsvLines(results, 1)}`;
}

/** Result lines without the header, each ending CRLF, the first numbered `firstRow`. */
export function batchCsvLines(results: readonly BatchItem[], firstRow: number): string {
  let text = '';
  results.forEach((item, i) => {
    text += `${resultCells(item, firstRow + i)
      .map(csvCell)
      .join(',')}\r\n`;
  });
  return text;
}

function resultCells(item: BatchItem, row: number): unknown[] {
  if (!item.ok) {
    const error = item.error.errors
      .map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`))
      .join('; ');
    return [row, false, error, ...Array<null>(CSV_RESULT_COLUMNS.length - 3).fill(null)];
  }
  const r = item.result;
  const e = r.emissionsKgCo2e;
  const loc = r.resolved.location;
  return [
    row,
    true,
    '',
    loc.input,
    loc.regionId,
    loc.zone,
    loc.intensityGCo2ePerKwh,
    r.resolved.pue.value,
    r.durationHours,
    r.energyKwh.total,
    r.energyKwh.low,
    r.energyKwh.high,
    e.total,
    e.low,
    e.high,
    e.location,
    e.market,
    e.embodied,
    r.sci?.gCo2ePerUnit ?? null,
    r.waterL,
  ];
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
