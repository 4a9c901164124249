// `npm pack` -> install the tarball in a temp folder -> import 'gridshift', estimate, type-check, run the bin.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir = '';

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

describe('the packed package', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gridshift-pack-'));
    // prepack builds dist/ (library, CLI, declarations) first.
    run(npm, ['pack', '--pack-destination', dir, '--silent'], root);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack made no tarball');
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    run(
      npm,
      ['install', join(dir, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--silent'],
      dir,
    );
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports gridshift and estimates from plain ESM', () => {
    writeFileSync(
      join(dir, 'use.mjs'),
      `import { estimate, catalog, GridshiftError } from 'gridshift';
const r = estimate({ location: 'aws:us-east-1', durationHours: 36, gpu: { model: 'h100-sxm', count: 8 } });
let code = null;
try { estimate({ location: 'nowhere', durationHours: 1, gpu: { model: 'h100' } }); } catch (e) { code = e instanceof GridshiftError ? e.code : 'other'; }
console.log(JSON.stringify({ kg: r.emissionsKgCo2e.total, gpu: r.resolved.gpu.id, regions: catalog.regions().length, code }));`,
    );
    const out = JSON.parse(run(process.execPath, ['use.mjs'], dir)) as {
      kg: number;
      gpu: string;
      regions: number;
      code: string;
    };
    expect(out.kg).toBeGreaterThan(0);
    expect(out.gpu).toBe('nvidia-h100-sxm');
    expect(out.regions).toBeGreaterThan(100);
    expect(out.code).toBe('unknown_location');
  });

  it('ships only dist/ and bin/ (no sources, no tests)', () => {
    const files = readdirSync(join(dir, 'node_modules/gridshift'), { recursive: true }).map(String);
    expect(
      files.some((f) => f.startsWith('src') || f.startsWith('test') || f.startsWith('data')),
    ).toBe(false);
    expect(files).toContain(join('dist', 'index.js'));
  });

  it("pulls in no TypeScript loader or bundler: tsx and esbuild are the checkout's, not the library user's", () => {
    const installed = readdirSync(join(dir, 'node_modules'));
    expect(installed).not.toContain('tsx');
    expect(installed).not.toContain('esbuild');
  });

  it('exports types a strict TypeScript consumer compiles against', () => {
    writeFileSync(
      join(dir, 'use.ts'),
      `import { estimate, type EstimateResult, type WorkloadInput } from 'gridshift';
const w: WorkloadInput = { location: 'FR', durationHours: 1, cpu: { threads: 4 } };
const r: EstimateResult = estimate(w);
const kg: number = r.emissionsKgCo2e.total;
export { kg };`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    run(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        'use.ts',
      ],
      dir,
    );
  }, 30_000);

  it('installs the gridshift command, which runs from dist/', () => {
    const out = run(
      process.execPath,
      [
        join(dir, 'node_modules/.bin/gridshift'),
        'estimate',
        '--gpu',
        'h100-sxm',
        '--count',
        '8',
        '--hours',
        '36',
        '--region',
        'aws:us-east-1',
        '--format',
        'csv',
      ],
      dir,
    );
    const [header, row] = out.trim().split('\r\n');
    expect(header).toMatch(/^location,regionId,/);
    expect(row).toMatch(/^aws:us-east-1,aws:us-east-1,/);
  });
});
