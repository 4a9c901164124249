// FOCUS bills: rows/s of a CSV file to its summary against only parsing it with the same parser,
// each in its own child process (its own peak RSS); the Parquet readers compared on the same rows;
// the CLI's `batch` peak RSS on a large CSV. `npx tsx bench/focus.ts [--quick]`; part of `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateRows } from '../test/helpers/synthetic-rows.ts';
import { writeSyntheticFocusCsv } from './lib/focus-synthetic.ts';
import { ROOT } from './lib/server.ts';
import { heading, int } from './lib/stats.ts';

export interface ChildFigures {
  mode: string;
  rows: number;
  seconds: number;
  peakRssMib: number;
}

export interface FocusFigures {
  rows: number;
  fileMib: number;
  focus: ChildFigures;
  parse: ChildFigures;
  /** The same reader cutting out every cell (informative: the footprint reads 15 of 44). */
  parseAll: ChildFigures;
  rowsPerS: number;
  parseRowsPerS: number;
  ratio: number;
}

const CHILD = 'bench/lib/focus-child.ts';

/** Runs a tsx script in a child node process; returns its last stdout line parsed as JSON. */
function child(args: readonly string[]): ChildFigures {
  const res = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr.slice(-2000)}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as ChildFigures;
}

/** Fastest of each mode over `runs` rounds, the modes taking turns (drift on a shared machine hits all alike). */
function bestOfTurns(file: string, modes: readonly string[], runs: number): ChildFigures[] {
  const all = modes.map(() => [] as ChildFigures[]);
  for (let round = 0; round < runs; round++)
    modes.forEach((mode, i) => all[i]!.push(child([CHILD, mode, file])));
  return all.map((figures) => figures.reduce((a, b) => (b.seconds < a.seconds ? b : a)));
}

/** CSV file -> summary vs parse only, on `rows` synthetic rows. */
export async function measureFocus(dir: string, rows: number, runs: number): Promise<FocusFigures> {
  const file = join(dir, 'focus.csv');
  const bytes = await writeSyntheticFocusCsv(file, rows);
  const [parse, parseAll, focus] = bestOfTurns(file, ['parse', 'parse-all', 'focus'], runs) as [
    ChildFigures,
    ChildFigures,
    ChildFigures,
  ];
  const rowsPerS = focus.rows / focus.seconds;
  const parseRowsPerS = parse.rows / parse.seconds;
  return {
    rows,
    fileMib: bytes / 1048576,
    focus,
    parse,
    parseAll,
    rowsPerS,
    parseRowsPerS,
    ratio: rowsPerS / parseRowsPerS,
  };
}

export interface ParquetFigures {
  rows: number;
  fileMib: number;
  readers: (ChildFigures & { rowsPerS: number; installMib: number })[];
}

/** hyparquet and DuckDB reading the same Parquet file (written by DuckDB from the synthetic CSV) to text rows. */
export async function measureParquet(dir: string, rows: number): Promise<ParquetFigures> {
  const csv = join(dir, 'parquet-source.csv');
  const parquet = join(dir, 'focus.parquet');
  await writeSyntheticFocusCsv(csv, rows);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const quote = (p: string) => `'${p.replace(/'/g, "''")}'`;
  await connection.run(
    `COPY (SELECT * FROM read_csv(${quote(csv)}, header = true, nullstr = 'NULL')) TO ${quote(parquet)} (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  const install = (packages: string[]) =>
    packages.reduce((sum, p) => sum + duBytes(join(ROOT, 'node_modules', p)), 0) / 1048576;
  const readers = (['hyparquet', 'duckdb'] as const).map((mode) => {
    const figures = child([CHILD, mode, parquet]);
    return {
      ...figures,
      rowsPerS: figures.rows / figures.seconds,
      installMib: install(
        mode === 'hyparquet' ? ['hyparquet', 'hyparquet-compressors'] : ['@duckdb'],
      ),
    };
  });
  return { rows, fileMib: statSync(parquet).size / 1048576, readers };
}

function duBytes(path: string): number {
  const res = spawnSync('du', ['-sb', path], { encoding: 'utf8' });
  return Number(res.stdout.split('\t')[0] ?? Number.NaN);
}

/** Peak RSS of `gridshift batch` (the real CLI, its own process) over `rows` CSV workloads. */
export function measureBatchCli(dir: string, rows: number): ChildFigures {
  const file = join(dir, 'batch.csv');
  const lines = ['location,durationHours,instance,instanceCount'];
  for (const r of generateRows(Math.min(rows, 10_000)))
    lines.push(`aws:${r.region},${r.hours},${r.instance},1`);
  const body = lines.slice(1);
  const all = [lines[0]!];
  for (let i = 0; i < rows; i++) all.push(body[i % body.length]!);
  writeFileSync(file, all.join('\n') + '\n');
  const t0 = performance.now();
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      './bench/lib/report-rss.mjs',
      'bin/gridshift.mjs',
      'batch',
      file,
      '-o',
      join(dir, 'batch-out.csv'),
      '--no-progress',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`gridshift batch failed: ${res.stderr.slice(-2000)}`);
  const kib = Number(/peak_rss_kib: (\d+)/.exec(res.stderr)?.[1] ?? Number.NaN);
  return { mode: 'batch-cli', rows, seconds, peakRssMib: kib / 1024 };
}

export function printFocus(f: FocusFigures): void {
  heading(`FOCUS: ${int(f.rows)} synthetic rows (${f.fileMib.toFixed(0)} MiB CSV) -> summary`);
  console.log(
    `file -> summary: ${int(f.rowsPerS)} rows/s (${f.focus.seconds.toFixed(2)} s), peak RSS ${f.focus.peakRssMib.toFixed(0)} MiB`,
  );
  console.log(
    `parse only (same reader and parser): ${int(f.parseRowsPerS)} rows/s (${f.parse.seconds.toFixed(2)} s), peak RSS ${f.parse.peakRssMib.toFixed(0)} MiB`,
  );
  console.log(
    `parse only, every cell: ${int(f.parseAll.rows / f.parseAll.seconds)} rows/s (${f.parseAll.seconds.toFixed(2)} s)`,
  );
  console.log(`ratio: ${f.ratio.toFixed(3)}`);
}

export function printParquet(p: ParquetFigures): void {
  heading(
    `Parquet readers: ${int(p.rows)} rows (${p.fileMib.toFixed(1)} MiB Parquet) -> text rows`,
  );
  for (const r of p.readers)
    console.log(
      `${r.mode.padEnd(9)} ${int(r.rowsPerS)} rows/s (${r.seconds.toFixed(2)} s), peak RSS ${r.peakRssMib.toFixed(0)} MiB, installed ${r.installMib.toFixed(1)} MiB`,
    );
}

export function printBatchCli(b: ChildFigures): void {
  heading(`CLI batch: ${int(b.rows)} CSV rows -> CSV file (the real binary, streamed)`);
  console.log(`${b.seconds.toFixed(1)} s, peak RSS ${b.peakRssMib.toFixed(0)} MiB`);
}

export function withTempDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gridshift-focus-bench-'));
  return f(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  await withTempDir(async (dir) => {
    if (process.argv.includes('--parquet'))
      return printParquet(await measureParquet(dir, quick ? 100_000 : 500_000));
    const focus = await measureFocus(dir, quick ? 200_000 : 1_000_000, quick ? 1 : 3);
    printFocus(focus);
    const batch = measureBatchCli(dir, quick ? 100_000 : 500_000);
    printBatchCli(batch);
    console.log(`focus_rows_per_s: ${focus.rowsPerS.toFixed(0)}`);
    console.log(`focus_vs_parse_ratio: ${focus.ratio.toFixed(3)}`);
    console.log(`focus_peak_rss_mib: ${focus.focus.peakRssMib.toFixed(1)}`);
    console.log(`batch_cli_peak_rss_mib: ${batch.peakRssMib.toFixed(1)}`);
  });
}
