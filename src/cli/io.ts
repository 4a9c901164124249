// What a command may touch: its output streams, files and standard input; passed in so tests can
// run commands in-process as well as through the real binary.
import { readFileSync, writeFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress bars redraw in place only there). */
  stderrIsTty: boolean;
  readText(path: string): string;
  writeText(path: string, text: string): void;
}

/** The process's own streams and files; `-` reads standard input. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
  readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  writeText: (path, text) =>
    path === '-' ? void process.stdout.write(text) : writeFileSync(path, text),
};

/** Exit codes: 0 done, 1 unexpected failure, 2 bad input (usage, validation or unknown ids). */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;
