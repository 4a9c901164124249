// Reads the wide hourly files: `datetime_utc` then one column per Electricity Maps zone, one row per
// UTC hour (hour-beginning) of one year. Every row's timestamp must be the expected hour and every cell
// empty (no data) or a non-negative decimal; anything else throws naming the file and line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { hoursInYear } from '../../src/core/hourly.ts';
import { RAW_DIR, rowError } from '../build/csv.ts';

export interface WideTable {
  /** Path from the repo root. */
  file: string;
  year: number;
  /** Zone columns in file order. */
  zones: string[];
  /** Zone -> one cell per hour; null = empty cell. */
  columns: Map<string, (number | null)[]>;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** `2022-01-01T05:00Z` for hour 5 of 2022. */
export function isoHour(year: number, index: number): string {
  return `${new Date(Date.UTC(year, 0, 1) + index * 3_600_000).toISOString().slice(0, 13)}:00Z`;
}

export function readWide(relPath: string, year: number): WideTable {
  const file = `data/raw/${relPath}`;
  const records = parse(readFileSync(join(RAW_DIR, relPath), 'utf8'), {
    bom: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as {
    info: { lines: number };
    record: string[];
  }[];
  const header = records[0]?.record.map((h) => h.trim());
  if (!header || header[0] !== 'datetime_utc')
    throw new Error(`${file}: the first column must be datetime_utc`);
  const zones = header.slice(1);
  if (new Set(zones).size !== zones.length || zones.some((z) => !/^[A-Z]{2}(-[A-Z0-9]+)*$/.test(z)))
    throw new Error(`${file}: zone columns must be unique Electricity Maps ids`);
  const rows = records.slice(1);
  if (rows.length !== hoursInYear(year))
    throw new Error(`${file}: ${rows.length} rows, expected ${hoursInYear(year)} hours of ${year}`);
  const columns = new Map(zones.map((z) => [z, new Array<number | null>(rows.length)]));
  rows.forEach(({ info, record }, i) => {
    const at = { file, line: info.lines };
    if (record[0] !== isoHour(year, i))
      throw rowError(at, `timestamp "${record[0]}", expected "${isoHour(year, i)}"`);
    zones.forEach((zone, j) => {
      const v = (record[j + 1] ?? '').trim();
      if (v !== '' && !DECIMAL.test(v))
        throw rowError(at, `column "${zone}" is not a non-negative number: "${v}"`);
      columns.get(zone)![i] = v === '' ? null : Number(v);
    });
  });
  return { file, year, zones, columns };
}
