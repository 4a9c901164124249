// Zod issues -> `{ path, code, message }` items that say what was expected and what came instead.
import { z } from 'zod';
import { formatPath, type ProblemItem } from './problem.ts';
import { editDistance } from '../core/edit-distance.ts';
import { nearestIds } from './text-match.ts';

type Issue = z.core.$ZodIssue;

/** Every issue of a failed parse, unknown keys split into one item each. */
export function describeIssues(issues: readonly Issue[], schema?: z.ZodType): ProblemItem[] {
  return issues.flatMap((issue): ProblemItem[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? knownKeysAt(schema, issue.path) : [];
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        code: issue.code,
        message: describeUnknownKey(key, known),
      }));
    }
    return [{ path: formatPath(issue.path), code: issue.code, message: describeIssue(issue) }];
  });
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required: expected ${article(issue.expected)}`;
      if (issue.expected === 'int') return `expected an integer, got ${describeValue(issue.input)}`;
      return `expected ${article(issue.expected)}, got ${typeName(issue.input)}`;
    case 'too_small':
      return `expected ${describeBound(issue.origin, issue.inclusive ? '≥' : '>', issue.minimum)}, got ${describeValue(issue.input)}`;
    case 'too_big':
      return `expected ${describeBound(issue.origin, issue.inclusive ? '≤' : '<', issue.maximum)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      // Request schemas give every regex a message phrased "expected ...".
      return issue.format === 'regex'
        ? issue.message
        : `expected a string in ${issue.format} format`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `expected one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`
        : 'expected a value matching one of the allowed shapes';
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function describeBound(origin: string, op: string, bound: number | bigint): string {
  if (origin === 'string') return `a string of length ${op} ${bound}`;
  if (origin === 'array' || origin === 'set') return `a list of length ${op} ${bound}`;
  return `a number ${op} ${bound}`;
}

function describeUnknownKey(key: string, known: readonly string[]): string {
  const [closest] = nearestIds(key, known, 1);
  const hint = closest !== undefined && isNear(key, closest) ? `; did you mean '${closest}'?` : '';
  return `unknown field '${truncate(key)}'${hint}`;
}

function isNear(a: string, b: string): boolean {
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= Math.max(2, Math.floor(b.length / 3));
}

/** Numbers and booleans are shown; other values only by their type, so input is never echoed. */
function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `a string of length ${value.length}`;
  return typeName(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Keys an object schema accepts at `path`, through optional/default/nullable wrappers. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of [...path, null]) {
    while (
      node instanceof z.ZodOptional ||
      node instanceof z.ZodDefault ||
      node instanceof z.ZodNullable
    ) {
      node = node.unwrap();
    }
    if (segment === null && node instanceof z.ZodUnion) return unionKeys(node.options);
    if (!(node instanceof z.ZodObject)) return [];
    if (segment === null) return Object.keys(node.shape);
    node = (node.shape as Record<string, unknown>)[String(segment)];
  }
  return [];
}

function unionKeys(options: readonly unknown[]): string[] {
  const keys = options.flatMap((option) =>
    option instanceof z.ZodObject ? Object.keys(option.shape) : [],
  );
  return [...new Set(keys)];
}
