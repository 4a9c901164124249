// Every workload field has words for refusals, and every word names a field the schema has.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Workload } from '../../src/core/schemas.ts';
import { FIELD_WORDS, fieldWords } from '../../src/service/field-words.ts';

/** Dotted paths of every field under `schema` (objects and their leaves), through wrappers and unions. */
function fieldPaths(schema: unknown, prefix = ''): string[] {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap();
  if (node instanceof z.ZodUnion)
    return [...new Set(node.options.flatMap((option) => fieldPaths(option, prefix)))];
  if (!(node instanceof z.ZodObject)) return [];
  return Object.entries(node.shape as Record<string, unknown>).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...fieldPaths(child, path)];
  });
}

describe('FIELD_WORDS', () => {
  it("has the words of every field of a workload request, and only those (with a preset's id)", () => {
    expect(Object.keys(FIELD_WORDS).sort()).toEqual([...fieldPaths(Workload), 'preset'].sort());
  });

  it('finds the words of a field wherever the workload sits, and none for other names', () => {
    expect(fieldWords(['gpu', 'count'])).toBe('the number of GPUs');
    expect(fieldWords(['workload', 'gpu', 'count'])).toBe('the number of GPUs');
    expect(fieldWords(['workloads', 3, 'durationHours'])).toBe('the hours the workload runs');
    expect(fieldWords(['limit'])).toBeNull();
    expect(fieldWords(['constructor'])).toBeNull();
    expect(fieldWords([])).toBeNull();
  });
});
