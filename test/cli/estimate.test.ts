// `gridshift estimate` through the real binary: output formats, exit codes, the API's messages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { EstimateResult } from '../../src/core/schemas.ts';
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

async function api(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await createApp({ estimator }).request('/v1/estimate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('gridshift estimate', () => {
  it('prints a table with energy, emissions, components, assumptions and sources (exit 0)', () => {
    const run = gridshift(['estimate', ...FLAGS]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Estimate for aws:us-east-1 \(US East \(N\. Virginia\)\), 36 h/);
    expect(run.stdout).toMatch(/Energy\s+[\d,.]+ kWh\s+\(range/);
    expect(run.stdout).toMatch(/Emissions\s+[\d,.]+ kgCO2e/);
    expect(run.stdout).toMatch(/\n {2}gpu\s+[\d,.]+\s+[\d,.]+\n/);
    expect(run.stdout).toContain('Assumptions:');
    expect(run.stdout).toMatch(/Sources: .*em-yearly/);
  });

  it('--json prints the same result as POST /v1/estimate', async () => {
    const run = gridshift(['estimate', ...FLAGS, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = EstimateResult.parse(JSON.parse(run.stdout));
    expect(result).toEqual((await api(WORKLOAD)).json);
  });

  it('--input reads a workload file; flags override it', () => {
    const run = gridshift(['estimate', '--input', '-', '--hours', '72', '--json'], {
      input: JSON.stringify(WORKLOAD),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).durationHours).toBe(72);
  });

  it('--format csv prints a header and one row; -o writes a file', () => {
    const out = join(tmp, 'one.csv');
    const run = gridshift(['estimate', ...FLAGS, '--format', 'csv', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const [header, row, end] = readFileSync(out, 'utf8').split('\r\n');
    expect(header?.split(',')).toContain('kgCo2e');
    expect(row?.split(',').length).toBe(header?.split(',').length);
    expect(end).toBe('');
  });

  it('--format boamps prints a BoAmps report', () => {
    const run = gridshift(['estimate', ...FLAGS, '--format', 'boamps']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.header.formatVersion).toBe('1.1.0');
    expect(report.infrastructure).toMatchObject({ infraType: 'publicCloud', cloudProvider: 'aws' });
    expect(report.measures[0].unit).toBe('kWh');
  });

  it('exits 2 on an invalid value, with the API problem detail and field messages on stderr', async () => {
    const run = gridshift(['estimate', ...FLAGS, '--count=-1', '--set', 'colour=red']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const { status, json } = await api({
      ...WORKLOAD,
      gpu: { model: 'h100-sxm', count: -1 },
      colour: 'red',
    });
    expect(status).toBe(422);
    expect(run.stderr).toContain(`gridshift: ${String(json.detail)}`);
    for (const e of json.errors as { path: string; message: string }[])
      expect(run.stderr).toContain(`${e.path}: ${e.message}`);
  });

  it('exits 2 on an unknown GPU; --json prints the problem body the API answers', async () => {
    const run = gridshift(['estimate', ...FLAGS, '--gpu', 'h100-sxmm', '--json']);
    expect(run.code).toBe(2);
    const { json } = await api({ ...WORKLOAD, gpu: { model: 'h100-sxmm', count: 8 } });
    const { instance: _instance, ...expected } = json;
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('exits 2 on an unknown flag, a bad --format and a missing duration', () => {
    for (const args of [
      [...FLAGS, '--colour', 'red'],
      [...FLAGS, '--format', 'xml'],
      ['--gpu', 'h100', '--region', 'FR'],
    ]) {
      const run = gridshift(['estimate', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^gridshift: /);
    }
  });
});

describe('gridshift', () => {
  it('--help lists the commands (exit 0); no command prints it and exits 2; an unknown one exits 2', () => {
    const help = gridshift(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:\n\s+estimate/);
    expect(gridshift([]).code).toBe(2);
    const unknown = gridshift(['estimat']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'estimat'");
  });
});
