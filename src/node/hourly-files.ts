// Node: the hourly series file read from data/built on disk (the Worker reads it through its assets binding).
import { readFile } from 'node:fs/promises';
import { loadHourlySeries } from '../data/hourly.ts';

const BUILT = new URL('../../data/built/', import.meta.url);

/** Loads data/built/hourly-series.bin.gz once per process; the server, CLI and library await it. */
export function loadHourlyFromDisk(): Promise<void> {
  return loadHourlySeries((name) => readFile(new URL(name, BUILT)));
}
