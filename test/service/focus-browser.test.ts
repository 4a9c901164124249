// The FOCUS service runs in a browser (the page's Cloud bill view): bundled for the browser it
// needs no Node module and carries none of the embedded tables (the page passes its estimator in).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('src/service/focus in a browser bundle', () => {
  it('bundles for the browser without Node modules or data/built', async () => {
    const entry = fileURLToPath(new URL('../../src/service/focus/index.ts', import.meta.url));
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((f) => /^node:|data\/built\/|src\/(?:node|data)\//.test(f))).toEqual([]);
    expect(inputs.some((f) => f.endsWith('data/focus-rules.ts'))).toBe(true);
  });
});
