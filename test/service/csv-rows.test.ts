// The streaming CSV reader (src/service/csv-rows.ts): rows across chunk boundaries, the row limit
// applied to one row (not to the many rows left at the end of a file), broken quoting per row.
import { describe, expect, it } from 'vitest';
import { readCsvBatches } from '../../src/service/csv-rows.ts';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield await Promise.resolve(text.slice(i, i + size));
}

async function rowsOf(text: string, size: number, maxRowChars?: number): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const b of readCsvBatches(chunksOf(text, size), { maxRowChars })) rows.push(...b.rows);
  return rows;
}

describe('readCsvBatches', () => {
  const line = (i: number) => `"${i}","a, quoted cell","${'x'.repeat(80)}"`;
  const file = ['"Id","Text","Pad"', ...Array.from({ length: 3000 }, (_, i) => line(i))].join('\n');

  it('gives every row once, in order, whatever the chunk size', async () => {
    for (const size of [7, 4096, 100_000, file.length]) {
      const rows = await rowsOf(file, size);
      expect(rows).toHaveLength(3001);
      expect(rows[0]).toEqual(['Id', 'Text', 'Pad']);
      expect(rows[3000]![0]).toBe('2999');
      expect(rows[1]![1]).toBe('a, quoted cell');
    }
  });

  it('holds one row to the row limit, not the rows left at the end of the file', async () => {
    // ~290 kB of 96-character rows with a 1,000-character limit: every row is short, so all are read.
    expect(await rowsOf(file, 65_536, 1000)).toHaveLength(3001);
    const long = `"Id","Text"\n"1","${'y'.repeat(600_000)}"\n"2","z"\n`;
    await expect(rowsOf(long, 65_536)).rejects.toMatchObject({
      status: 422,
      errors: [{ code: 'row_too_long' }],
    });
  });

  it('reports a broken quote as that row’s own problem', async () => {
    const text = '"Id","Text"\n"1","ok"\n"2","bro"ken"\n"3","ok"\n';
    const batches = [];
    for await (const b of readCsvBatches(chunksOf(text, 1000))) batches.push(b);
    const broken = new Map(batches.flatMap((b) => [...b.broken]));
    expect([...broken.keys()]).toEqual([2]);
    expect(batches.flatMap((b) => b.rows).map((r) => r[0])).toEqual(['Id', '1', '2', '3']);
  });
});
