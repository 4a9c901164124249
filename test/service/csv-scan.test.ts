// The fast path (src/service/csv-scan.ts) held to the simple one: over generated CSV texts (quoted and
// bare cells, escaped quotes, line breaks in quotes, empty lines, LF and CRLF, and rows papaparse alone
// reads: stray quotes and CRs, text after a closing quote, an unclosed quote), in chunks of any size,
// readCsvBatches gives papaparse's rows, cells (the kept ones) and broken rows, in order.
import { fc, test } from '@fast-check/vitest';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvBatches, type CsvBatch } from '../../src/service/csv-rows.ts';
import { scanRows } from '../../src/service/csv-scan.ts';

interface Read {
  rows: string[][];
  broken: [number, string][];
}

/** The simple path: papaparse alone over the same chunks (the reader before the fast path). */
function papaparseAlone(text: string, parseChars: number, chunk: number): Read {
  const newline = /^[^\n]*\r\n/.test(text) ? '\r\n' : '\n';
  const parser = new Papa.Parser({ delimiter: ',', newline });
  const out: Read = { rows: [], broken: [] };
  let pending = '';
  const parse = (input: string, last: boolean) => {
    const r = parser.parse(input, 0, !last) as {
      data: string[][];
      errors: { code: string; row: number }[];
      meta: { cursor: number };
    };
    pending = input.slice(r.meta.cursor);
    const errors = new Map<number, string>();
    for (const e of r.errors)
      if (e.row < r.data.length && !errors.has(e.row)) errors.set(e.row, e.code);
    r.data.forEach((cells, i) => {
      if (cells.length === 1 && (cells[0] === '' || cells[0] === '\r')) return;
      if (errors.has(i)) out.broken.push([out.rows.length, errors.get(i)!]);
      out.rows.push(cells);
    });
  };
  for (let i = 0; i < text.length; i += chunk) {
    pending += text.slice(i, i + chunk);
    if (pending.length >= parseChars) parse(pending, false);
  }
  if (pending !== '') parse(pending, true);
  return out;
}

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield await Promise.resolve(text.slice(i, i + size));
}

async function fastPath(
  text: string,
  parseChars: number,
  chunk: number,
  keep: readonly number[] | null,
): Promise<Read & { batches: CsvBatch[] }> {
  const out = {
    rows: [] as string[][],
    broken: [] as [number, string][],
    batches: [] as CsvBatch[],
  };
  for await (const b of readCsvBatches(chunks(text, chunk), { parseChars, keep: () => keep })) {
    out.batches.push(b);
    out.rows.push(...b.rows);
    for (const [row] of b.broken) out.broken.push([row, '']);
  }
  return out;
}

const bare = fc.stringMatching(/^[a-zA-Z0-9 .:_-]{0,12}$/);
const text = fc.string({
  unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', 'é', '€'),
  maxLength: 10,
});
const quoted = text.map((s) => `"${s.replace(/"/g, '""')}"`);
/** Cells papaparse alone reads (or reports): the fast path must step aside for each. */
const odd = fc.constantFrom('a"b', '"a"b', ' "x"', 'a\rb', '"x" ', '"', '""x', 'x""');
const cell = fc.oneof(
  { arbitrary: bare, weight: 6 },
  { arbitrary: quoted, weight: 6 },
  { arbitrary: odd, weight: 1 },
);
const file = fc.record({
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 40 }),
  newline: fc.constantFrom('\n', '\r\n'),
  emptyEvery: fc.integer({ min: 0, max: 6 }),
  trailing: fc.boolean(),
  unclosedEnd: fc.boolean(),
  keep: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 4 }), {
    nil: null,
  }),
  parseChars: fc.integer({ min: 1, max: 400 }),
  chunk: fc.integer({ min: 1, max: 300 }),
});

function render(f: {
  rows: string[][];
  newline: string;
  emptyEvery: number;
  trailing: boolean;
  unclosedEnd: boolean;
}): string {
  const lines = f.rows.flatMap((r, i) =>
    f.emptyEvery > 0 && i > 0 && i % f.emptyEvery === 0 ? ['', r.join(',')] : [r.join(',')],
  );
  return (
    lines.join(f.newline) + (f.trailing ? f.newline : '') + (f.unclosedEnd ? '"open,cell' : '')
  );
}

describe('the fast path gives what papaparse gives', () => {
  test.prop([file], { numRuns: 4_000 })(
    'rows, kept cells and broken rows, whatever the chunks',
    async (f) => {
      const csv = render(f);
      const want = papaparseAlone(csv, f.parseChars, f.chunk);
      const got = await fastPath(csv, f.parseChars, f.chunk, f.keep);
      expect(got.rows.length).toBe(want.rows.length);
      expect(got.broken.map(([r]) => r)).toEqual(want.broken.map(([r]) => r));
      const kept = (i: number) => f.keep === null || f.keep.includes(i);
      want.rows.forEach((cells, r) => {
        // The header (row 0) and papaparse's rows are whole; a fast row keeps only the kept cells.
        expect(got.rows[r]!.length, `row ${r}`).toBe(cells.length);
        cells.forEach((c, i) => {
          if (r === 0 || kept(i)) expect(got.rows[r]![i], `row ${r} cell ${i}`).toBe(c);
        });
      });
      let next = 0;
      for (const b of got.batches) {
        expect(b.firstRow).toBe(next);
        next += b.rows.length;
      }
    },
  );
});

describe('scanRows', () => {
  const scan = (text: string, last = true, wanted: Uint8Array | null = null) => {
    const rows: string[][] = [];
    const stop = scanRows(text, 0, { newline: '\n', wanted, last, maxRows: Infinity }, rows);
    return { rows, ...stop };
  };

  it('cuts out only the wanted cells, the others read as empty', () => {
    const { rows } = scan('a,"b,1",c\nd,"e""2",f\n', true, Uint8Array.of(0, 1));
    expect(rows).toEqual([
      ['', 'b,1', ''],
      ['', 'e"2', ''],
    ]);
  });

  it('stops before an unfinished row, and at a row papaparse must read', () => {
    expect(scan('a,b\nc,"d', false)).toEqual({ rows: [['a', 'b']], end: 4, irregular: false });
    expect(scan('a,b\nc,d', false)).toEqual({ rows: [['a', 'b']], end: 4, irregular: false });
    expect(scan('a,b\nc,d"x"\ne,f\n')).toEqual({ rows: [['a', 'b']], end: 4, irregular: true });
    expect(scan('a,b\n"c"d,e\n')).toEqual({ rows: [['a', 'b']], end: 4, irregular: true });
  });
});
