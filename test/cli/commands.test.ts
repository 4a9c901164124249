// compare, suggest, batch and --help through the real binary.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { estimator } from '../../src/data/index.ts';
import { gridshift } from './helpers.ts';

const FLAGS = ['--gpu', 'h100-sxm', '--count', '8', '--hours', '36', '--region', 'aws:us-east-1'];
const WORKLOAD = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'h100-sxm', count: 8 },
};
const tmp = mkdtempSync(join(tmpdir(), 'gridshift-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await createApp({ estimator }).request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('gridshift compare', () => {
  it('prints the ranking table, and with --json the API answer', async () => {
    const table = gridshift(['compare', ...FLAGS, '--provider', 'aws', '--top', '3']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Baseline aws:us-east-1: [\d.,]+ kgCO2e/);
    expect(table.stdout).toMatch(/\n\s+1\s+aws:[a-z0-9-]+ /);
    const json = gridshift(['compare', ...FLAGS, '--provider', 'aws', '--top', '3', '--json']);
    expect(JSON.parse(json.stdout)).toEqual(
      (await post('/v1/compare', { workload: WORKLOAD, regions: { provider: ['aws'] }, top: 3 }))
        .json,
    );
  });

  it('exits 2 with the API message for a bad --top', async () => {
    const run = gridshift(['compare', ...FLAGS, '--top', '0']);
    expect(run.code).toBe(2);
    const { json } = await post('/v1/compare', { workload: WORKLOAD, top: 0 });
    expect(run.stderr).toContain(String(json.detail));
  });
});

describe('gridshift suggest', () => {
  it('prints region, time and hardware options with savings', () => {
    const run = gridshift([
      'suggest',
      ...FLAGS,
      '--start',
      '2025-03-01T18:00:00Z',
      '--delay-hours',
      '24',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^As given \(aws:us-east-1\)/);
    expect(run.stdout).toContain('Region:');
    expect(run.stdout).toContain('Hardware:');
    expect(run.stdout).toMatch(/Best combined: .* saves [\d.,]+ kg/);
  });

  it('--json answers as POST /v1/suggest', async () => {
    const run = gridshift(['suggest', ...FLAGS, '--json', '--offset-price', '80']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      (await post('/v1/suggest', { workload: WORKLOAD, offsetPricePerTonne: 80 })).json,
    );
  });
});

describe('gridshift batch', () => {
  const rows = [
    'location,durationHours,gpu,gpuCount',
    ...Array.from({ length: 600 }, (_, i) =>
      i === 7
        ? 'nowhere,1,h100-sxm,1'
        : `${i % 2 ? 'FR' : 'aws:us-east-1'},${1 + (i % 50)},h100-sxm,${1 + (i % 8)}`,
    ),
  ];

  it('estimates every CSV row in order into a CSV file, the bad row failing alone, with progress on stderr', () => {
    const input = join(tmp, 'jobs.csv');
    const output = join(tmp, 'out.csv');
    writeFileSync(input, rows.join('\n'));
    const run = gridshift(['batch', input, '-o', output]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[#+-*\]\s+\d+ %\s+250\/600/);
    expect(run.stderr).toMatch(/100 %\s+600\/600/);
    expect(run.stderr).toContain('gridshift: 599 estimated, 1 failed');
    const lines = readFileSync(output, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(601);
    expect(lines[0]).toMatch(/^row,ok,error,location,/);
    expect(lines[8]).toMatch(/^8,false,"?location: '[^']*' is not a known place/);
    expect(lines[600]).toMatch(/^600,true,,FR,/);
  });

  it('reads JSON from stdin and writes JSON, as POST /v1/batch', async () => {
    const workloads = [WORKLOAD, { location: 'DE', durationHours: 2, cpu: { threads: 4 } }];
    const run = gridshift(['batch', '-', '--json', '--no-progress'], {
      input: JSON.stringify({ workloads }),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual((await post('/v1/batch', { workloads })).json);
  });

  it('exits 2 on an unknown CSV column or a missing file', () => {
    const input = join(tmp, 'bad.csv');
    writeFileSync(input, 'location,durationHours,gpus\nFR,1,h100\n');
    const bad = gridshift(['batch', input]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("header.2: unknown column 'gpus'; did you mean 'gpu'?");
    expect(gridshift(['batch', join(tmp, 'none.csv')]).code).toBe(2);
  });
});

describe('--help', () => {
  it.each(['estimate', 'compare', 'suggest', 'batch'])(
    'gridshift %s --help prints its usage and exits 0',
    (command) => {
      const run = gridshift([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: gridshift ${command} `));
      expect(run.stdout).toContain('Exit codes:');
    },
  );
});
