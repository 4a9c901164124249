// Runs the real `gridshift` binary (bin/gridshift.mjs) in a child process.
import { spawnSync } from 'node:child_process';

export const BIN = new URL('../../bin/gridshift.mjs', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `gridshift ...args`, optionally with standard input; waits for exit. */
export function gridshift(
  args: readonly string[],
  options: { input?: string; cwd?: string } = {},
): CliRun {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    cwd: options.cwd,
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
