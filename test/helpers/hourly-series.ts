// Vitest setup file: the hourly series loaded from disk before any test, as the Node adapters do at start.
import { loadHourlyFromDisk } from '../../src/node/hourly-files.ts';

await loadHourlyFromDisk();
