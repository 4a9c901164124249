// CSV export of estimates: columns, escaping, formula-injection guard, RFC 4180 line ends.
import { describe, expect, it } from 'vitest';
import { CSV_RESULT_COLUMNS } from '../../src/service/batch-csv.ts';
import { ESTIMATE_CSV_COLUMNS, escapeCsvCell, estimatesToCsv } from '../../src/core/report-csv.ts';
import { estimate } from '../../src/index.ts';

describe('estimatesToCsv', () => {
  it('writes a header and one row per estimate with the totals in their columns', () => {
    const a = estimate({ location: 'FR', durationHours: 10, cpu: { threads: 8 } });
    const b = estimate({
      location: 'aws:us-east-1',
      durationHours: 36,
      gpu: { model: 'h100-sxm', count: 8 },
      functionalUnit: { name: 'run', count: 1 },
    });
    const lines = estimatesToCsv([a, b]).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    const header = lines[0]!.split(',');
    expect(header).toHaveLength(ESTIMATE_CSV_COLUMNS.length);
    const row = Object.fromEntries(header.map((h, i) => [h, lines[2]!.split(',')[i]]));
    expect(Number(row.kgCo2e)).toBe(b.emissionsKgCo2e.total);
    expect(Number(row.energyKwh)).toBe(b.energyKwh.total);
    expect(row.gpu).toBe('nvidia-h100-sxm');
    expect(row.sciFunctionalUnit).toBe('run');
  });

  it("starts with /v1/batch's result columns, in their order", () => {
    const batch = CSV_RESULT_COLUMNS.slice(3);
    expect(ESTIMATE_CSV_COLUMNS.slice(0, batch.length).map(([name]) => name)).toEqual(batch);
  });

  it('quotes separators and quotes, empties nulls and guards formulas', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(Number.NaN)).toBe('');
    expect(escapeCsvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(escapeCsvCell(-1.5)).toBe('-1.5');
  });
});
