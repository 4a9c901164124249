// footprint.sql over the factor tables, run unchanged in DuckDB on the FOCUS sample, against the
// library's per-row output: total and per-method energy and kgCO2e within 0.5 %, same method per row.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tables } from '../../src/data/index.ts';
import fc from 'fast-check';
import { writeFactorTables } from '../../src/service/focus/index.ts';
import { likeToRegExp } from '../../src/service/focus/rules.ts';
import { estimatorFor } from '../helpers/estimator.ts';
import { FOCUS_SAMPLE_PATH, runFocusSample } from '../helpers/focus-sample.ts';

interface SqlRow {
  Id: string;
  energy_kwh: number;
  kg_co2e: number;
  kg_co2e_low: number;
  kg_co2e_high: number;
  method: string;
}

const estimator = estimatorFor(tables);
const factors = writeFactorTables(estimator);
const library = runFocusSample(estimator);
let dir: string;
let connection: DuckDBConnection;
let sqlRows: SqlRow[];

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gridshift-focus-sql-'));
  for (const f of factors.files) writeFileSync(join(dir, f.name), f.csv);
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // The sample writes empty values as NULL; every factor table is loaded under its file name.
  await connection.run(
    `CREATE TABLE focus AS SELECT * FROM read_csv(${quote(FOCUS_SAMPLE_PATH)}, header = true, nullstr = 'NULL')`,
  );
  for (const f of factors.files) {
    const table = f.name.replace(/\.csv$/, '');
    await connection.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv(${quote(join(dir, f.name))}, header = true)`,
    );
  }
  const reader = await connection.runAndReadAll(factors.sql);
  sqlRows = reader.getRowObjects().map((r) => ({
    Id: String(r.Id),
    energy_kwh: Number(r.energy_kwh),
    kg_co2e: Number(r.kg_co2e),
    kg_co2e_low: Number(r.kg_co2e_low),
    kg_co2e_high: Number(r.kg_co2e_high),
    method: String(r.method),
  }));
}, 120_000);

afterAll(() => {
  connection?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('footprint.sql in DuckDB', () => {
  it('answers one row per input row with the named columns', () => {
    expect(sqlRows).toHaveLength(library.results.length);
    expect(new Set(sqlRows.map((r) => r.Id))).toEqual(new Set(library.results.map((r) => r.id)));
  });

  it('maps every row with the same method as the library', () => {
    const differ = sqlRows.filter((r) => library.byId.get(r.Id)!.method !== r.method);
    expect(
      differ.map((r) => `${r.Id}: sql ${r.method}, library ${library.byId.get(r.Id)!.method}`),
    ).toEqual([]);
  });

  it('totals energy and kgCO2e within 0.5 % of the library, overall and per method', () => {
    const methods = [...new Set(library.results.map((r) => r.method))].filter(
      (m) => m !== 'unmapped',
    );
    expect(methods.length).toBeGreaterThanOrEqual(6);
    for (const method of [null, ...methods]) {
      const lib = library.results.filter((r) => method === null || r.method === method);
      const sql = sqlRows.filter((r) => method === null || r.method === method);
      const libKg = sum(lib.map((r) => r.kgCo2e));
      const libKwh = sum(lib.map((r) => r.energyKwh));
      expect(libKg, `${method ?? 'all'} kgCO2e`).not.toBe(0);
      expect(
        Math.abs(sum(sql.map((r) => r.kg_co2e)) / libKg - 1),
        `${method ?? 'all'} kgCO2e`,
      ).toBeLessThan(0.005);
      expect(
        Math.abs(sum(sql.map((r) => r.energy_kwh)) / libKwh - 1),
        `${method ?? 'all'} kWh`,
      ).toBeLessThan(0.005);
    }
  });

  it("agrees row by row, and its low–high bounds stay near the library's", () => {
    for (const r of sqlRows) {
      const lib = library.byId.get(r.Id)!;
      expect(r.kg_co2e).toBeCloseTo(lib.kgCo2e, 9);
      expect(r.energy_kwh).toBeCloseTo(lib.energyKwh, 9);
    }
    const libLow = sum(library.results.map((r) => r.kgCo2eLow));
    const libHigh = sum(library.results.map((r) => r.kgCo2eHigh));
    expect(Math.abs(sum(sqlRows.map((r) => r.kg_co2e_low)) / libLow - 1)).toBeLessThan(0.05);
    expect(Math.abs(sum(sqlRows.map((r) => r.kg_co2e_high)) / libHigh - 1)).toBeLessThan(0.05);
  });
});

describe('LIKE in DuckDB and in the TypeScript matcher', () => {
  it('agree on patterns and values made of wildcards, spaces, dots, brackets and letters', async () => {
    const chars = fc.constantFrom(
      '%',
      '_',
      'a',
      'B',
      ' ',
      '.',
      '(',
      ')',
      '$',
      '-',
      '/',
      '*',
      '+',
      '?',
    );
    const pairs = fc.sample(
      fc.tuple(fc.string({ unit: chars, maxLength: 8 }), fc.string({ unit: chars, maxLength: 10 })),
      { numRuns: 400, seed: 16 },
    );
    const values = pairs.map(([p, v], i) => `(${i}, ${sqlText(v)} LIKE ${sqlText(p)})`).join(', ');
    const reader = await connection.runAndReadAll(
      `SELECT i, m FROM (VALUES ${values}) t(i, m) ORDER BY i`,
    );
    const duck = reader.getRowObjects().map((r) => r.m);
    expect(duck).toEqual(pairs.map(([p, v]) => likeToRegExp(p).test(v)));
  });
});

function sqlText(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
