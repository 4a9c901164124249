// `gridshift focus` and `gridshift factors` through the real binary: the FOCUS sample (FinOps
// Foundation, CC BY 4.0) as CSV, gzip and Parquet (written by DuckDB here), several files as one
// bill, the per-row CSV to a file, and the factor tables as CSV and Parquet.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { estimator } from '../../src/data/index.ts';
import { focusSummarySchema } from '../../src/service/focus/index.ts';
import { gridshift } from './helpers.ts';

const SAMPLE = fileURLToPath(
  new URL('../../data/raw/focus/focus-1.0-sample-1000.csv', import.meta.url),
);
const tmp = mkdtempSync(join(tmpdir(), 'gridshift-cli-focus-'));
const GZIP = join(tmp, 'bill.csv.gz');
const PARQUET = join(tmp, 'bill.parquet');
const sql = (path: string) => `'${path.replace(/'/g, "''")}'`;

beforeAll(async () => {
  writeFileSync(GZIP, gzipSync(readFileSync(SAMPLE)));
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  await connection.run(
    `COPY (SELECT * FROM read_csv(${sql(SAMPLE)}, header = true, nullstr = 'NULL')) TO ${sql(PARQUET)} (FORMAT parquet, ROW_GROUP_SIZE 300)`,
  );
  connection.closeSync();
  db.closeSync();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function apiSummary(): Promise<unknown> {
  const res = await createApp({ estimator }).request('/v1/focus', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: readFileSync(SAMPLE),
  });
  return res.json();
}

describe('gridshift focus', () => {
  it('prints the summary in words', () => {
    const run = gridshift(['focus', SAMPLE]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^FOCUS 1\.0 bill: 1,000 rows, \d[\d,]* of them usage; /);
    for (const heading of [
      'Mapped rows by method:',
      'Unmapped rows by reason:',
      'By service',
      'By region',
      'By month',
    ])
      expect(run.stdout).toContain(heading);
    expect(run.stderr).toBe('');
  });

  it('answers with --json what POST /v1/focus answers, from CSV, gzip and Parquet alike', async () => {
    const expected = await apiSummary();
    for (const file of [SAMPLE, GZIP]) {
      const run = gridshift(['focus', file, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(expected);
    }
    const parquet = gridshift(['focus', PARQUET, '--json']);
    expect(parquet.code, parquet.stderr).toBe(0);
    const fromParquet = focusSummarySchema.parse(JSON.parse(parquet.stdout));
    const e = focusSummarySchema.parse(expected);
    expect([fromParquet.rows, fromParquet.mappedRows]).toEqual([e.rows, e.mappedRows]);
    expect(fromParquet.totals.kgCo2e.total).toBeCloseTo(e.totals.kgCo2e.total, 9);
    expect(fromParquet.byMethod).toEqual(e.byMethod);
  });

  it('reads several files as one bill', () => {
    const run = gridshift(['focus', SAMPLE, GZIP, '--json', '--group-by', 'service']);
    expect(run.code, run.stderr).toBe(0);
    const summary = focusSummarySchema.parse(JSON.parse(run.stdout));
    expect(summary.rows).toBe(2000);
    expect(Object.keys(summary.groups)).toEqual(['service']);
  });

  it('writes the per-row CSV to -o, with a progress line on stderr when asked', () => {
    const out = join(tmp, 'rows.csv');
    const run = gridshift(['focus', SAMPLE, '--format', 'csv', '-o', out, '--progress']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/100 %\s+1,000 rows\s+[\d,]+ rows\/s/);
    expect(run.stderr).toContain(`1,000 rows -> ${out}`);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('Id,row,method,energyKwh,kgCo2e,kgCo2eLow,kgCo2eHigh,regionId,zone');
    expect(lines).toHaveLength(1002);
    const quiet = gridshift(['focus', SAMPLE, '--format', 'csv']);
    expect(quiet.stdout.split('\r\n')).toEqual(lines);
    expect(quiet.stderr).toBe('');
  });

  it('exits 2 for a file that is not FOCUS, naming the missing columns', () => {
    const other = join(tmp, 'jobs.csv');
    writeFileSync(other, 'location,durationHours\naws:us-east-1,36\n');
    const run = gridshift(['focus', other]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Not a FOCUS export/);
    expect(run.stderr).toMatch(/BilledCost: expected the FOCUS column 'BilledCost'/);
    const json = gridshift(['focus', other, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 422,
      title: 'Not a FOCUS billing file',
    });
  });

  it('exits 2 for bad flags and unreadable files', () => {
    expect(gridshift(['focus', SAMPLE, '--group-by', 'planet']).code).toBe(2);
    expect(gridshift(['focus', SAMPLE, '--group-by', 'tag']).code).toBe(2);
    expect(gridshift(['focus', join(tmp, 'missing.csv')]).code).toBe(2);
    expect(gridshift(['focus']).code).toBe(2);
  });
});

describe('gridshift factors', () => {
  it('writes each factor table as CSV and as the same table in Parquet, and footprint.sql', async () => {
    const dir = join(tmp, 'factors');
    const run = gridshift(['factors', '-o', dir]);
    expect(run.code, run.stderr).toBe(0);
    const tables = ['focus_providers', 'focus_rules', 'focus_unit_factors', 'focus_regions'];
    for (const t of tables)
      for (const ext of ['csv', 'parquet']) expect(existsSync(join(dir, `${t}.${ext}`))).toBe(true);
    expect(readFileSync(join(dir, 'footprint.sql'), 'utf8')).toMatch(/FROM focus\b/);
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    for (const t of tables) {
      const csv = `read_csv(${sql(join(dir, `${t}.csv`))}, header = true)`;
      const parquet = `read_parquet(${sql(join(dir, `${t}.parquet`))})`;
      const count = async (q: string) => (await connection.runAndReadAll(q)).getRows()[0]![0];
      expect(await count(`SELECT count(*) FROM ${parquet}`)).toBeGreaterThan(0n);
      expect(
        await count(
          `SELECT count(*) FROM (SELECT * FROM ${parquet} EXCEPT ALL SELECT * FROM ${csv})`,
        ),
      ).toBe(0n);
      expect(
        await count(
          `SELECT count(*) FROM (SELECT * FROM ${csv} EXCEPT ALL SELECT * FROM ${parquet})`,
        ),
      ).toBe(0n);
    }
    connection.closeSync();
    db.closeSync();
    expect(gridshift(['factors']).code).toBe(2);
  });
});
