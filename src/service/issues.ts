// Zod issues -> `{ path, code, message }` items that say what was expected and what came instead.
import { z } from 'zod';
import { formatPath, type ProblemItem } from './problem.ts';
import { editDistance } from '../core/edit-distance.ts';
import { nearestIds } from './text-match.ts';
import { fieldWords } from './field-words.ts';

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

/**
 * What was given and what is expected, in words, naming the field as people would (`the number of
 * GPUs`) where it is a workload field: `'8e' is not a number: the number of GPUs must be a number`.
 */
function describeIssue(issue: Issue): string {
  const field = fieldWords(issue.path);
  const subject = field ?? (issue.path.length === 0 ? 'the request body' : formatPath(issue.path));
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords(issue.expected);
      if (issue.input === undefined) return `missing: give ${field ?? article(expected)}`;
      if (issue.expected === 'int' && typeof issue.input === 'number')
        return `${issue.input} is not a whole number: ${wholeRule(subject)}`;
      if (issue.expected === 'number' || issue.expected === 'int')
        return `${describeGiven(issue.input)} is not ${article(expected)}: ${subject} must be ${article(expected)}`;
      return `${subject} must be ${article(expected)}, not ${describeGiven(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return `${subject} is empty`;
      return `${describeSized(issue.input)} is too small: ${subject} must be ${describeBound(issue.origin, issue.inclusive ? 'at least' : 'more than', issue.minimum)}`;
    case 'too_big':
      return `${describeSized(issue.input)} is too large: ${subject} must be ${describeBound(issue.origin, issue.inclusive ? 'at most' : 'less than', issue.maximum)}`;
    case 'invalid_value':
      return `${subject} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      // Request schemas give every regex a message phrased "expected ...".
      return issue.format === 'regex'
        ? issue.message
        : `expected a string in ${issue.format} format`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `${subject} must be one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`
        : 'expected a value matching one of the allowed shapes';
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function describeBound(origin: string, op: string, bound: number | bigint): string {
  if (origin === 'string') return `${op} ${bound} characters long`;
  if (origin === 'array' || origin === 'set') return `a list of ${op} ${bound} items`;
  return `${op} ${bound}`;
}

/** zod's type names as people say them. */
function expectedWords(expected: string): string {
  if (expected === 'string') return 'text';
  if (expected === 'object') return 'object of named fields';
  if (expected === 'array') return 'list';
  if (expected === 'boolean') return 'true or false';
  if (expected === 'int') return 'whole number';
  return expected;
}

/** `the number of GPUs counts whole GPUs`; any other field `must be a whole number`. */
function wholeRule(subject: string): string {
  const counted = /^the number of (.+)$/.exec(subject)?.[1];
  return counted === undefined
    ? `${subject} must be a whole number`
    : `${subject} counts whole ${counted}`;
}

function describeUnknownKey(key: string, known: readonly string[]): string {
  const [closest] = nearestIds(key, known, 1);
  const hint = closest !== undefined && isNear(key, closest) ? `; did you mean '${closest}'?` : '';
  return `unknown field '${truncate(key)}'${hint}`;
}

function isNear(a: string, b: string): boolean {
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= Math.max(2, Math.floor(b.length / 3));
}

/**
 * What came, for a message: numbers and booleans as they are; a short one-line string quoted
 * (`'8e'`); other values by their type only, so no long or structured input is echoed back.
 */
function describeGiven(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string')
    return value.length <= 20 && /^[\x20-\x7e]*$/.test(value)
      ? `'${value}'`
      : `text of ${value.length} characters`;
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `${article(typeName(value))}`;
}

/** A value out of bounds: text by its length only (a string here may be anything, e.g. a key). */
function describeSized(value: unknown): string {
  return typeof value === 'string' ? `text of ${value.length} characters` : describeGiven(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function article(expected: string): string {
  if (expected === 'text' || expected === 'true or false') return expected;
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
