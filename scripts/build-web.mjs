// Bundles the page's TypeScript (web/src) into web/dist with esbuild: one ES module per page,
// minified, chart.js tree-shaken to the parts web/src/charts.ts registers; the Cloud bill's Web
// Worker (tables, estimator, CSV parser) is a classic script of its own, fetched only by bills.html. Runs before `npm start`
// and `npm test` (and from the browser tests), so web/dist is never stale and stays out of git.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

// web/ is the Worker's assets directory, which `wrangler dev` watches: a file is written only when its
// bytes change, under a temporary name outside web/ and then renamed, so a server or a wrangler dev
// reading web/dist while another build runs (parallel test files) sees neither a half file nor a reload.
const scratch = join(root, 'node_modules/.cache/gridshift-build');
mkdirSync(scratch, { recursive: true });
let written = 0;
function writeIfChanged(path, bytes) {
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  const tmp = join(scratch, `${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  written += 1;
}

mkdirSync(outdir, { recursive: true });
for (const file of result.outputFiles) writeIfChanged(file.path, file.contents);

// The Worker reads the hourly series through its assets binding (src/worker.ts), so it ships in web/dist too.
const dataDir = join(outdir, 'data');
mkdirSync(dataDir, { recursive: true });
for (const name of ['hourly-series.bin.gz'])
  writeIfChanged(join(dataDir, name), readFileSync(join(root, 'data/built', name)));

console.error(
  `[gridshift] web/dist built in ${Math.round(performance.now() - started)} ms (${written} files changed)`,
);
