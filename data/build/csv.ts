// CSV reading and row validation for data/build.ts. Every value that reaches a table carries the
// file and 1-based line it came from, so a bad row fails the build with a message naming both.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';

/** data/raw, resolved from this file so the build does not depend on the working directory. */
export const RAW_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'raw');

/** One parsed CSV row: cells by header name, plus where it came from. */
export interface CsvRow {
  /** Path relative to the repo root, e.g. `data/raw/hardware/ccf/azure-instances.csv`. */
  file: string;
  /** 1-based line number of the row in the file. */
  line: number;
  cells: Readonly<Record<string, string>>;
}

export interface Origin {
  file: string;
  line: number;
}

/** Error naming the file and line, so a failing build points at the offending row. */
export function rowError(at: Origin, message: string): Error {
  return new Error(`${at.file}:${at.line}: ${message}`);
}

/**
 * Validates one generated row with a zod schema; throws an Error naming file, line and the zod
 * issues on failure. Returns the parsed value (zod strips nothing here: schemas are plain objects).
 */
export function validateRow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  at: Origin,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map((i) => `${i.path.length ? i.path.join('.') : '(row)'}: ${i.message}`)
      .join('; ');
    throw rowError(at, `invalid row: ${issues}`);
  }
  return result.data;
}

function readRecords(relPath: string): {
  file: string;
  records: { line: number; cells: string[] }[];
} {
  const file = `data/raw/${relPath}`;
  const text = readFileSync(join(RAW_DIR, relPath), 'utf8');
  // Lenient on purpose: several upstream files have ragged rows (see data/raw/SOURCES.md).
  const parsed = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { info: { lines: number }; record: string[] }[];
  return { file, records: parsed.map((p) => ({ line: p.info.lines, cells: p.record })) };
}

/**
 * Reads a CSV with a header. `headerRows: 2` for Green Algorithms files, whose first row holds
 * units/notes and whose second row holds the column names. Missing trailing cells read as ''.
 */
export function readCsv(relPath: string, opts: { headerRows?: 1 | 2 } = {}): CsvRow[] {
  const { file, records } = readRecords(relPath);
  const headerIndex = (opts.headerRows ?? 1) - 1;
  const header = records[headerIndex]?.cells.map((h) => h.trim());
  if (!header) throw new Error(`${file}: no header row`);
  return records.slice(headerIndex + 1).map((r) => {
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = (r.cells[i] ?? '').trim();
    });
    return { file, line: r.line, cells };
  });
}

/** Reads a header-less one-name-per-line list (CCF microarchitecture files); first cell only. */
export function readList(relPath: string): { name: string; at: Origin }[] {
  const { file, records } = readRecords(relPath);
  return records
    .map((r) => ({ name: (r.cells[0] ?? '').trim(), at: { file, line: r.line } }))
    .filter((r) => r.name !== '');
}

/** A cell by column name; throws (file:line) when the column is absent, so header drift fails loudly. */
export function cell(row: CsvRow, column: string): string {
  const v = row.cells[column];
  if (v === undefined) throw rowError(row, `missing column "${column}"`);
  return v;
}

/** Numeric cell: '' -> null; anything that is not a finite number throws (file:line). */
export function num(row: CsvRow, column: string): number | null {
  const v = cell(row, column);
  if (v === '' || v.toLowerCase() === 'nan') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw rowError(row, `column "${column}" is not a number: "${v}"`);
  return n;
}

/** Numeric cell that must be present. */
export function reqNum(row: CsvRow, column: string): number {
  const n = num(row, column);
  if (n === null) throw rowError(row, `column "${column}" is empty`);
  return n;
}

/** Rounds away float noise from unit conversions, e.g. 0.45 * 100 -> 45.00000000000001. */
export function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Sorts by a string key with a locale-independent comparison (deterministic output). */
export function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
