// Flags -> request objects. Values stay strings unless they read as numbers or booleans, so a bad
// value gets the API's own message ("expected a number, got string").
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GridshiftError } from '../service/problem.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
} as const satisfies Options;

/** Parses argv strictly; an unknown flag or a missing value is a usage error (exit 2). */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err))
      .split('\n')[0]!
      .replace(/\.$/, '');
    throw usageError(message);
  }
}

/** A command-line mistake, told like a request problem. */
export function usageError(message: string): GridshiftError {
  return new GridshiftError({
    code: 'validation_failed',
    detail: `Invalid command line: ${message}.`,
    errors: [{ path: '', code: 'invalid_arguments', message }],
  });
}

/** `"8"` -> 8, `"true"` -> true; anything else stays as typed. */
export function readValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return Number(text);
  return text;
}

/** Sets `value` at a dotted `path` in `target`, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The JSON document in `path` (`-` = standard input), or a usage error saying why not. */
export function readJsonFile(readText: (path: string) => string, path: string): unknown {
  let text: string;
  try {
    text = readText(path);
  } catch {
    throw usageError(`cannot read ${path === '-' ? 'standard input' : `'${path}'`}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw usageError(`'${path}' is not valid JSON`);
  }
}
