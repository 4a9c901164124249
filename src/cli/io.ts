// What a command may touch: its output streams, files and standard input; passed in so tests can
// run commands in-process as well as through the real binary.
import { once } from 'node:events';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';

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

/** An output written piece by piece (a per-row CSV of any length), with the file's backpressure. */
export interface CliOutput {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Standard output (through `io`) when `path` is absent or `-`, else the file, created or truncated. */
export function openOutput(io: CliIo, path: string | undefined): CliOutput {
  if (path === undefined || path === '-')
    return {
      write: (text) => Promise.resolve(io.stdout(text)),
      close: () => Promise.resolve(),
    };
  const file = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  failed.catch(() => undefined);
  return {
    write: (text) =>
      file.write(text)
        ? Promise.resolve()
        : Promise.race([once(file, 'drain').then(() => undefined), failed]),
    close: () => Promise.race([new Promise<void>((done) => file.end(done)), failed]),
  };
}
