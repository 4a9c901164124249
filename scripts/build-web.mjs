// Bundles the page's TypeScript (web/src) into web/dist with esbuild: one ES module per page,
// minified, chart.js tree-shaken to the parts web/src/charts.ts registers; the Cloud bill's Web
// Worker (tables, estimator, CSV parser) is a classic script of its own, fetched only by bills.html. Runs before `npm start`
// and `npm test` (and from the browser tests), so web/dist is never stale and stays out of git.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'web/dist');
const started = performance.now();

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  minify: true,
  target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
  legalComments: 'eof',
  logLevel: 'warning',
  write: false,
};
const [pages, workers] = await Promise.all([
  build({
    ...common,
    entryPoints: {
      app: 'web/src/main.ts',
      methodology: 'web/src/methodology.ts',
      bills: 'web/src/bills.ts',
    },
    format: 'esm',
  }),
  // A classic (not module) worker script: Firefox before 114 cannot start module workers.
  build({ ...common, entryPoints: { 'bills-worker': 'web/src/bills-worker.ts' }, format: 'iife' }),
]);
const result = { outputFiles: [...pages.outputFiles, ...workers.outputFiles] };

// Each file is written under a temporary name and renamed: a server reading web/dist while another
// build runs (parallel test files) never sees half a file.
mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) {
  const tmp = join(outdir, `.${basename(file.path)}.${process.pid}.tmp`);
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}

// The Worker reads the hourly series through its assets binding (src/worker.ts), so it ships in web/dist too.
const dataDir = join(outdir, 'data');
mkdirSync(dataDir, { recursive: true });
for (const name of ['hourly-series.bin.gz']) {
  const tmp = join(dataDir, `.${name}.${process.pid}.tmp`);
  copyFileSync(join(root, 'data/built', name), tmp);
  renameSync(tmp, join(dataDir, name));
}

console.error(`[gridshift] web/dist built in ${Math.round(performance.now() - started)} ms`);
