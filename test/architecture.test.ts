// The layout's rules (DESIGN.md, Layout), read from the import statements themselves: arrows point
// down only, runtime code stays in the adapters, tests never reach into bench/ or scripts/, no cycles.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IMPORT =
  /^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : listFiles(path);
    return /\.(?:ts|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every specifier a file imports (type-only imports too: a cycle through types is still a tangle). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Repo-relative targets of a file's relative imports. */
function localImports(file: string): string[] {
  return importsOf(file)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
}

const SRC = listFiles('src').filter((f) => !f.startsWith('src/data/built'));

describe('layers', () => {
  const upward: Record<string, RegExp> = {
    'src/core/': /^src\/(?!core\/)/,
    'src/service/': /^src\/(?:api|cli|lib|node|live)\/|^src\/(?:index|cli|worker)\.ts$/,
    'src/cli/': /^src\/(?:api|node)\//,
    // The library's entry loads the hourly series from disk (the one Node module it may use) until a browser entry exists.
    'src/index.ts': /^src\/(?:api|cli)\/|^src\/node\/(?!hourly-files\.ts$)/,
    'src/api/': /^src\/(?:cli|node)\/|^src\/(?:index|cli|worker)\.ts$/,
    'web/src/': /^src\/(?:api|node|cli)\//,
  };
  test.each(Object.entries(upward))('%s imports nothing above it', (prefix, forbidden) => {
    const files = [...SRC, ...listFiles('web/src')].filter((f) => f.startsWith(prefix));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) =>
      localImports(f)
        .filter((t) => forbidden.test(t))
        .map((t) => `${f} -> ${t}`),
    );
    expect(found).toEqual([]);
  });

  test('runtime modules (node:*, @hono/node-server) are imported only by the adapters and the CLI', () => {
    const allowed = /^src\/(?:node|cli)\/|^src\/cli\.ts$/;
    const found = SRC.filter((f) => !allowed.test(f)).flatMap((f) =>
      importsOf(f)
        .filter((spec) => spec.startsWith('node:') || spec.startsWith('@hono/node-server'))
        .map((spec) => `${f} -> ${spec}`),
    );
    expect(found).toEqual([]);
  });

  test('tests import neither bench/ nor scripts/', () => {
    const found = listFiles('test').flatMap((f) =>
      localImports(f)
        .filter((t) => /^(?:bench|scripts)\//.test(t))
        .map((t) => `${f} -> ${t}`),
    );
    expect(found).toEqual([]);
  });
});

describe('cycles', () => {
  test('src has no import cycle', () => {
    const graph = new Map(SRC.map((f) => [f, localImports(f).filter((t) => t.startsWith('src/'))]));
    expect(findCycles(graph)).toEqual([]);
  });
});

/** Each cycle met by a depth-first walk, as the files along it. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open')
        cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}
