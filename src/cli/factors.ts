// `gridshift factors -o DIR`: the factor tables behind the FOCUS mapping, as CSV and Parquet, and
// footprint.sql, which gives a warehouse the same per-row answer as `gridshift focus --format csv`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { estimator } from '../data/index.ts';
import { writeFactorTables } from '../service/focus/index.ts';
import { COMMON_OPTIONS, parseCommandArgs, usageError } from './args.ts';
import type { CliIo } from './io.ts';
import { toParquet } from './parquet-write.ts';

export const FACTORS_HELP = `Usage: gridshift factors -o <dir>

Writes the factor tables of the FOCUS mapping (rules, per-unit factors, regions, providers) as
<name>.csv and <name>.parquet, and footprint.sql: standard SQL that, given a table focus holding a
FOCUS export and the tables loaded under their file names (without extension), selects
Id, energy_kwh, kg_co2e, kg_co2e_low, kg_co2e_high, method for every row (DuckDB, BigQuery,
Athena/Trino, Spark SQL: see the README).

Example:
  gridshift factors -o factors/ && duckdb -c ".read factors/footprint.sql"

Flags:
  --output, -o       the directory to write (created if missing)
  --help, -h         this help
`;

export function runFactorsCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, {
    ...COMMON_OPTIONS,
    output: { type: 'string', short: 'o' },
  });
  if (values.help) return (io.stdout(FACTORS_HELP), 0);
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  const dir = values.output;
  if (dir === undefined || dir === '') throw usageError('expected -o <dir>');
  const { files, sql } = writeFactorTables(estimator);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    throw usageError(`cannot create the directory '${dir}'`);
  }
  const written: string[] = [];
  for (const { name, csv } of files) {
    const [header = [], ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const base = name.replace(/\.csv$/, '');
    writeFileSync(join(dir, `${base}.csv`), csv);
    writeFileSync(join(dir, `${base}.parquet`), toParquet(header, rows));
    written.push(`${base}.csv`, `${base}.parquet`);
  }
  writeFileSync(join(dir, 'footprint.sql'), sql);
  written.push('footprint.sql');
  io.stderr(`gridshift: wrote ${written.length} files to ${dir}: ${written.join(', ')}\n`);
  return 0;
}
