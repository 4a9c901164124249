// A progress line on stderr for long reads: share of the bytes (when the size is known), rows and
// rows/s; redrawn in place on a terminal, a line per 10 % otherwise (with --progress).
import type { CliIo } from './io.ts';

export interface Progress {
  addBytes(n: number): void;
  setRows(rows: number): void;
  rows(): number;
  done(): void;
}

const REDRAW_MS = 200;

/** `total` bytes to read (null when unknown, e.g. standard input). */
export function createProgress(io: CliIo, total: number | null, show: boolean): Progress {
  const started = Date.now();
  let bytes = 0;
  let rows = 0;
  let drawnAt = 0;
  let lastStep = -1;
  const line = () => {
    const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
    const rate = `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`;
    const count = `${rows.toLocaleString('en-US')} rows`;
    if (total === null || total === 0) return `${count}  ${rate}`;
    const share = Math.min(bytes / total, 1);
    const filled = Math.round(share * 30);
    return `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${String(Math.floor(share * 100)).padStart(3)} %  ${count}  ${rate}`;
  };
  const draw = () => {
    if (!show) return;
    if (io.stderrIsTty) {
      const now = Date.now();
      if (now - drawnAt < REDRAW_MS) return;
      drawnAt = now;
      return io.stderr(`\r${line()}`);
    }
    const step = total ? Math.floor((bytes / total) * 10) : Math.floor(rows / 1_000_000);
    if (step !== lastStep) io.stderr(`${line()}\n`);
    lastStep = step;
  };
  return {
    addBytes: (n) => void (bytes += n),
    setRows: (n) => {
      rows = n;
      draw();
    },
    rows: () => rows,
    done: () => {
      if (!show) return;
      drawnAt = 0;
      lastStep = -1;
      if (io.stderrIsTty) io.stderr(`\r${line()}\n`);
      else io.stderr(`${line()}\n`);
    },
  };
}
