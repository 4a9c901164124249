#!/usr/bin/env node
// The `gridshift` command. In a checkout it runs the TypeScript sources through tsx; in the
// published package (no src/) it runs the bundled dist/cli.js.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import('../dist/cli.js');
}
try {
  process.exitCode = await cli.runCli(process.argv.slice(2));
} catch (err) {
  console.error('gridshift: unexpected failure:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
