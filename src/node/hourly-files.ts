// Node: the hourly series file read from disk (the Worker reads it through its assets binding).
import { readFile } from 'node:fs/promises';
import { loadHourlySeries } from '../data/hourly.ts';

// From the sources, data/built; from the published package, the copy scripts/build-lib.mjs puts in dist/data
// (this code then sits in dist/ or dist/chunks/).
const DIRECTORIES = ['../../data/built/', '../data/', './data/'].map(
  (path) => new URL(path, import.meta.url),
);

async function readBuiltFile(name: string): Promise<Uint8Array> {
  for (const dir of DIRECTORIES.slice(0, -1)) {
    try {
      return await readFile(new URL(name, dir));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return readFile(new URL(name, DIRECTORIES[DIRECTORIES.length - 1]));
}

/** Loads the hourly series once per process; the server, CLI and library await it before estimating. */
export function loadHourlyFromDisk(): Promise<void> {
  return loadHourlySeries(readBuiltFile);
}
