// POST /v1/focus against hostile files: 10,000 generated bills through the app (app.request, as the
// other POST routes' fuzz runs), a sample of them over real HTTP to the Node server, and the limits
// (a body past the limit streamed, a gzip bomb). Every answer is 200 (a summary, or a per-row CSV
// whose text cells cannot start a formula) or a 4xx problem+json; never a 5xx.
import { fc, test } from '@fast-check/vitest';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { focusSummarySchema } from '../../src/service/focus/index.ts';
import { Problem } from '../../src/service/problem.ts';
import { estimatorFor } from '../helpers/estimator.ts';
import { expectProblem } from '../helpers/problem.ts';

const SAMPLE = readFileSync(
  new URL('../../data/raw/focus/focus-1.0-sample-1000.csv', import.meta.url),
  'utf8',
);
const RECORDS = Papa.parse<string[]>(SAMPLE, { skipEmptyLines: true }).data;
const HEADER: readonly string[] = RECORDS[0]!;
const ROWS: readonly (readonly string[])[] = RECORDS.slice(1);
const STACK = /\n\s+at .+:\d+:\d+|\bat (?:file|node):|\.ts:\d+:\d+/;
/** Text columns of the per-row CSV: Id, method, regionId, zone. */
const TEXT_COLUMNS = [0, 2, 7, 8];

const estimator = estimatorFor(tables);
const app = createApp({ estimator });
type Send = (path: string, init: RequestInit) => Promise<Response>;
const inProcess: Send = async (path, init) => app.request(path, init);

const hostileCell = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '=HYPERLINK("http://x.invalid","x")',
    '+cmd|"/c calc"!A0',
    '-1+1',
    '@SUM(A1:A9)',
    '\t=1',
    '\r=1',
    'NULL',
    '',
    '-0',
    'NaN',
    'Infinity',
    '1e309',
    '-1e309',
    '0x10',
    '"',
    '""',
    '","',
    '\n',
    '\r\n',
    '{"team":"a"',
    '{"team":{"x":1}}',
    '{"__proto__":{"polluted":1}}',
    '\u0000',
    '\uFEFF',
    '\uD800',
    'us-east-1',
    'AWS',
    'Usage',
    'Hours',
  ),
  fc.double().map(String),
  fc.integer().map(String),
);

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const writeRow = (cells: readonly string[], quoted: boolean) =>
  cells.map((c) => (quoted || /[",\r\n]/.test(c) ? quote(c) : c)).join(',');

/** A bill: sample rows with hostile cells, header edits, broken quoting, odd line ends, gzip. */
const hostileFile = fc
  .record({
    rows: fc.array(fc.nat(ROWS.length - 1), { maxLength: 12 }),
    edits: fc.array(fc.tuple(fc.nat(12), fc.nat(HEADER.length - 1), hostileCell), {
      maxLength: 10,
    }),
    header: fc.constantFrom('keep', 'keep', 'keep', 'drop', 'shuffle', 'lower', 'none', 'dupe'),
    dropColumn: fc.nat(HEADER.length - 1),
    quoted: fc.boolean(),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    damage: fc.constantFrom(
      'none',
      'none',
      'none',
      'quote',
      'cut',
      'short',
      'long',
      'bytes',
      'bom',
    ),
    at: fc.nat(),
    junk: fc.uint8Array({ maxLength: 64 }),
    gzip: fc.constantFrom('no', 'no', 'no', 'yes', 'cut'),
    query: fc.constantFrom(
      '',
      '?format=csv',
      '?groupBy=service,region',
      '?groupBy=tag&tagKey=team',
      '?groupBy=month,subAccount&sameContinent=true',
      '?format=csv&groupBy=tag&tagKey=%00',
      '?groupBy=tag',
      '?format=xml',
    ),
  })
  .map((f) => {
    let header = [...HEADER];
    if (f.header === 'drop') header.splice(f.dropColumn, 1);
    if (f.header === 'shuffle')
      header = [...header.slice(f.dropColumn), ...header.slice(0, f.dropColumn)];
    if (f.header === 'lower') header = header.map((h) => h.toLowerCase());
    if (f.header === 'dupe') header.push(header[f.dropColumn]!);
    const rows = f.rows.map((i) => [...ROWS[i]!]);
    for (const [r, c, cell] of f.edits) if (rows.length > 0) rows[r % rows.length]![c] = cell;
    const lines = [
      ...(f.header === 'none' ? [] : [writeRow(header, f.quoted)]),
      ...rows.map((r) => writeRow(r, f.quoted)),
    ];
    let text = lines.join(f.lineEnd) + (f.at % 2 ? f.lineEnd : '');
    const at = text.length === 0 ? 0 : f.at % text.length;
    if (f.damage === 'quote') text = `${text.slice(0, at)}"${text.slice(at)}`;
    if (f.damage === 'cut') text = text.slice(0, at);
    if (f.damage === 'short') text = text.replace(/,[^,\n]*(\r?\n|$)/, '$1');
    if (f.damage === 'long') text = text.replace(/(\r?\n)/, `,"x",y$1`);
    if (f.damage === 'bom') text = `\uFEFF${text}`;
    let bytes: Uint8Array = new TextEncoder().encode(text);
    if (f.damage === 'bytes')
      bytes = Buffer.concat([
        bytes.subarray(0, at % (bytes.length + 1)),
        f.junk,
        bytes.subarray(at % (bytes.length + 1)),
      ]);
    if (f.gzip !== 'no') {
      const packed = gzipSync(bytes);
      bytes = f.gzip === 'cut' ? packed.subarray(0, Math.max(10, packed.length >> 1)) : packed;
    }
    return { label: JSON.stringify({ ...f, junk: f.junk.length }), bytes, query: f.query };
  });

/** Throws unless the answer is one the route may give for any file. */
async function expectHandled(send: Send, c: { label: string; bytes: Uint8Array; query: string }) {
  const res = await send(`/v1/focus${c.query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: c.bytes as Uint8Array<ArrayBuffer>,
  });
  const text = await res.text();
  const where = `${c.label}\n-> ${res.status} ${text.slice(0, 300)}`;
  if (STACK.test(text)) throw new Error(`stack trace in the answer: ${where}`);
  if (res.status !== 200) {
    if (![413, 415, 422].includes(res.status)) throw new Error(`status ${res.status}: ${where}`);
    if (res.headers.get('content-type') !== 'application/problem+json')
      throw new Error(`not a problem: ${where}`);
    const problem = Problem.parse(JSON.parse(text));
    if (problem.status !== res.status || problem.errors.length === 0)
      throw new Error(`problem without status or errors: ${where}`);
    return;
  }
  if (!c.query.includes('format=csv')) return void focusSummarySchema.parse(JSON.parse(text));
  const records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  for (const cells of records.slice(1)) {
    if (cells.length !== 9) throw new Error(`a line of ${cells.length} cells: ${where}`);
    for (const i of TEXT_COLUMNS)
      if (/^[=+\-@\t\r]/.test(cells[i]!)) throw new Error(`formula cell '${cells[i]}': ${where}`);
  }
}

describe('fuzz POST /v1/focus in-process (app.request)', () => {
  test.prop([hostileFile], { numRuns: Number(process.env.FUZZ_RUNS ?? 10_000) })(
    '10,000 hostile bills -> 200 (summary or safe CSV) or a 4xx problem, never 5xx',
    (c) => expectHandled(inProcess, c),
  );

  it('leaves Object.prototype untouched', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzz POST /v1/focus over HTTP (Node server on 127.0.0.1)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, hostname: '127.0.0.1', estimator });
  });
  afterAll(() => server.close());

  test.prop([hostileFile], { numRuns: 300 })('300 hostile bills -> never 5xx', (c) =>
    expectHandled((path, init) => fetch(server.url + path, init), c),
  );
});

describe('POST /v1/focus limits', () => {
  const small = createApp({
    estimator,
    limits: { focusBodyBytes: 256 * 1024, focusInflatedBytes: 512 * 1024 },
  });
  const rows = (bytes: number) => {
    const line = `${ROWS.slice(0, 20)
      .map((r) => writeRow(r, true))
      .join('\n')}\n`;
    return `${writeRow(HEADER, true)}\n${line.repeat(Math.ceil(bytes / line.length))}`;
  };

  it('answers 413 for a streamed body past the limit, and for a declared one', async () => {
    const chunk = new TextEncoder().encode(rows(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await small.request('/v1/focus', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    const problem = await expectProblem(streamed, 413);
    expect(problem.errors[0]!.message).toBe(`expected at most ${256 * 1024} bytes`);
    const declared = await small.request('/v1/focus', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(300 * 1024) },
      body: rows(300 * 1024).slice(0, 300 * 1024),
    });
    await expectProblem(declared, 413);
  });

  it('answers 413 for a gzip body that inflates past its limit (a bomb), and reads one within it', async () => {
    const bomb = gzipSync(Buffer.from(rows(2 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(256 * 1024);
    const res = await small.request('/v1/focus', {
      method: 'POST',
      headers: { 'content-type': 'application/gzip' },
      body: bomb,
    });
    const problem = await expectProblem(res, 413);
    expect(problem.errors[0]!.message).toMatch(/inflates to at most 524288 bytes/);
    const fine = await small.request('/v1/focus', {
      method: 'POST',
      headers: { 'content-type': 'application/gzip' },
      body: gzipSync(Buffer.from(rows(200 * 1024))),
    });
    expect(fine.status).toBe(200);
  });
});
