// `npm run build`: the package's dist/ — the library (ESM with the tables inside; the hourly series in dist/data),
// the CLI (Node), and the type declarations. Runs on `npm pack` through `prepack`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

// One build, so the CLI shares the library's chunk instead of carrying a second copy of the tables.
await build({
  entryPoints: { index: join(root, 'src/index.ts'), cli: join(root, 'src/cli.ts') },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  external: ['node:*'],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});

// The hourly series is read from disk at import (src/node/hourly-files.ts looks in dist/data).
mkdirSync(join(dist, 'data'), { recursive: true });
copyFileSync(
  join(root, 'data/built/hourly-series.bin.gz'),
  join(dist, 'data/hourly-series.bin.gz'),
);

execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  { stdio: 'inherit' },
);
// Sources import `./x.ts`; published declarations must say `./x.js` to resolve to `./x.d.ts`.
for (const file of walk(join(dist, 'types'))) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2'),
  );
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
