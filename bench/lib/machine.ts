// What bench/RESULTS.md says about where and when it was measured: CPU, RAM, OS, Node, commit.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type as osType, arch } from 'node:os';
import { ROOT } from './server.ts';

/** "2 × AMD EPYC 7B13, 7.8 GiB RAM". */
export function machine(): string {
  const list = cpus();
  return `${list.length} × ${list[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`;
}

/** "Linux 6.1.0 (x64)". */
export function operatingSystem(): string {
  return `${osType()} ${release()} (${arch()})`;
}

/** The 1, 5 and 15 minute load averages, e.g. "1.38 1.84 1.60". */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/**
 * HEAD's short hash, marked when the working tree differs from it (other work in progress changes
 * what was measured); "unknown" outside a git checkout or without git.
 */
export function gitCommit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const hash = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return dirty ? `${hash} (with uncommitted changes in the working tree)` : hash;
  } catch {
    return 'unknown';
  }
}
