// One measured FOCUS read, in its own process so its peak RSS is its own:
//   npx tsx bench/lib/focus-child.ts <focus|parse|parse-all|hyparquet|duckdb> <file>
// Prints one JSON line: { rows, seconds, peakRssMib, checksum }.
import { createReadStream } from 'node:fs';
import { readCsvBatches } from '../../src/service/csv-rows.ts';
import { focusCellsRead } from '../../src/service/focus/columns.ts';
import { readTextChunks } from '../../src/service/text-input.ts';
import { readParquetRows } from '../../src/cli/parquet-rows.ts';

const [mode, path] = process.argv.slice(2);
if (!path) throw new Error('usage: focus-child.ts <focus|parse|parse-all|hyparquet|duckdb> <file>');
const file: string = path;

// Node's default 64 KiB reads, as the CLI reads a bill.
const bytes = () => createReadStream(file) as AsyncIterable<Buffer>;

async function run(): Promise<{ rows: number; checksum: number }> {
  if (mode === 'focus') {
    const { summariseFocus } = await import('../../src/service/focus-stream.ts');
    const summary = await summariseFocus(bytes(), tables!.estimator);
    return { rows: summary.rows, checksum: summary.mappedRows };
  }
  if (mode === 'parse' || mode === 'parse-all') {
    // The same reader as the footprint's, cutting out the same cells (parse-all: every cell).
    const keep = mode === 'parse' ? focusCellsRead : undefined;
    let rows = -1;
    let checksum = 0;
    for await (const batch of readCsvBatches(readTextChunks(bytes()), { keep })) {
      rows += batch.rows.length;
      for (const r of batch.rows) checksum += r.length;
    }
    return { rows, checksum };
  }
  if (mode === 'hyparquet') {
    let rows = -1;
    let checksum = 0;
    for await (const batch of readParquetRows(file)) {
      rows += batch.length;
      for (const r of batch) checksum += r.length;
    }
    return { rows, checksum };
  }
  if (mode === 'duckdb') return readWithDuckDb(file);
  throw new Error(`unknown mode ${mode}`);
}

/** Every column as text, chunk by chunk (DuckDB's own vectors, 2,048 rows each). */
async function readWithDuckDb(path: string): Promise<{ rows: number; checksum: number }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const escaped = path.replace(/'/g, "''");
  const result = await connection.stream(
    `SELECT COLUMNS(*)::VARCHAR FROM read_parquet('${escaped}')`,
  );
  let rows = 0;
  let checksum = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cells = chunk.getRows() as unknown as (string | null)[][];
    for (const r of cells) {
      const row = r.map((v) => v ?? '');
      checksum += row.length;
    }
    rows += chunk.rowCount;
  }
  connection.closeSync();
  instance.closeSync();
  return { rows, checksum };
}

// Loaded before the clock and only for the footprint: the rate is of rows, and the parse-only runs
// measure the reader without the tables in memory.
const tables = mode === 'focus' ? await import('../../src/data/index.ts') : null;
const t0 = performance.now();
const { rows, checksum } = await run();
const seconds = (performance.now() - t0) / 1000;
const peakRssMib = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, rows, seconds, peakRssMib, checksum }));
