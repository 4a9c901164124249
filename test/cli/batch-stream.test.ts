// `gridshift batch` streams a CSV file (bounded memory at any length): its output is byte for byte
// what the whole-body answer of POST /v1/batch is for the same file, as CSV and as JSON.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { estimator } from '../../src/data/index.ts';
import { gridshift } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gridshift-batch-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// 620 rows: more than two chunks of 250, a failing row, a preset, quoted cells, blank lines, a short row.
const CSV = [
  'location,durationHours,gpu,gpuCount,preset,functionalUnit',
  ...Array.from({ length: 620 }, (_, i) =>
    i === 3
      ? 'nowhere,1,h100-sxm,1,,'
      : i === 300
        ? ',,,,web-api-fleet-year,'
        : i === 400
          ? 'FR,2'
          : i === 500
            ? ''
            : `${i % 3 ? '"FR"' : 'aws:us-east-1'},${1 + (i % 40)},h100-sxm,${1 + (i % 4)},,"req, ${i}"`,
  ),
].join('\n');

async function api(accept: string): Promise<string> {
  const res = await createApp({ estimator }).request('/v1/batch', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', accept },
    body: CSV,
  });
  expect(res.status).toBe(200);
  return res.text();
}

describe('gridshift batch, streamed', () => {
  const input = join(tmp, 'jobs.csv');
  writeFileSync(input, CSV);

  it('writes the same CSV bytes as POST /v1/batch answers', async () => {
    const output = join(tmp, 'out.csv');
    const run = gridshift(['batch', input, '-o', output, '--no-progress']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(await api('text/csv'));
  });

  it('writes the same JSON as POST /v1/batch answers, pretty-printed', async () => {
    const run = gridshift(['batch', input, '--json', '--no-progress']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `${JSON.stringify(JSON.parse(await api('application/json')), null, 2)}\n`,
    );
  });

  it('answers a header alone with no rows, and a malformed file with exit 2', () => {
    const header = join(tmp, 'header.csv');
    writeFileSync(header, 'location,durationHours\n');
    const empty = gridshift(['batch', header, '--json']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual({ results: [], provenance: [] });
    const broken = join(tmp, 'broken.csv');
    writeFileSync(broken, 'location,durationHours\n"FR,1\n');
    const run = gridshift(['batch', broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expected RFC 4180 CSV/);
  });
});
