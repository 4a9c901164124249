// Bundles the Node server (the `npm start` entry) to dist/server/main.js with esbuild, so starting it
// needs no TypeScript loader and the published package no tsx. dist/server/ sits two levels below the
// root, as src/<dir>/ does, so the server's paths to web/ and data/ resolve the same in both.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const SERVER_ENTRY = 'src/node/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: [SERVER_ENTRY],
  outfile: join(root, 'dist/server/main.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
});
console.error(
  `[gridshift] dist/server/main.js built in ${Math.round(performance.now() - started)} ms`,
);
