// Zod issues -> problem items: one per field, dotted paths, messages saying what was expected.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Workload } from '../../src/core/schemas.ts';
import { describeIssues } from '../../src/service/issues.ts';

function itemsFor(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected a failed parse');
  return describeIssues(result.error.issues, schema);
}

describe('describeIssues', () => {
  it('describes each zod issue code in words', () => {
    const items = itemsFor(Workload, {
      location: '',
      durationHours: 'ten',
      year: 2024.5,
      renewableShare: 2,
      gpu: { model: 'H100', count: 1 },
      storage: { ssdTb: 1, hdd: 2 },
    });
    expect(items).toEqual([
      {
        path: 'location',
        code: 'too_small',
        message: 'the location (a cloud region, country code or grid zone) is empty',
      },
      {
        path: 'durationHours',
        code: 'invalid_type',
        message: "'ten' is not a number: the hours the workload runs must be a number",
      },
      {
        path: 'storage.hdd',
        code: 'unrecognized_keys',
        message: "unknown field 'hdd'; did you mean 'hddTb'?",
      },
      {
        path: 'year',
        code: 'invalid_type',
        message:
          '2024.5 is not a whole number: the year of the grid figures must be a whole number',
      },
      {
        path: 'renewableShare',
        code: 'too_big',
        message: '2 is too large: the renewable share (0 to 1) must be at most 1',
      },
    ]);
  });

  it('reports a missing required field and a wrong body type at ""', () => {
    expect(itemsFor(Workload, {})).toEqual([
      {
        path: 'location',
        code: 'invalid_type',
        message: 'missing: give the location (a cloud region, country code or grid zone)',
      },
    ]);
    expect(itemsFor(Workload, [1])).toEqual([
      {
        path: '',
        code: 'invalid_type',
        message: 'the request body must be an object of named fields, not a list',
      },
    ]);
  });

  it("says what was typed where a number belongs ('8e'), in the field's words", () => {
    expect(
      itemsFor(Workload, {
        location: 'DE',
        gpu: { model: 'H100', count: '8e' },
        networkGb: 'lots',
      }),
    ).toEqual([
      {
        path: 'gpu.count',
        code: 'invalid_type',
        message: "'8e' is not a number: the number of GPUs must be a number",
      },
      {
        path: 'networkGb',
        code: 'invalid_type',
        message: "'lots' is not a number: the data transferred in GB must be a number",
      },
    ]);
  });

  it('refuses part of a device: GPUs are counted whole, instances may be a fleet average', () => {
    expect(itemsFor(Workload, { location: 'DE', gpu: { model: 'H100', count: 2.5 } })).toEqual([
      {
        path: 'gpu.count',
        code: 'invalid_type',
        message: '2.5 is not a whole number: the number of GPUs counts whole GPUs',
      },
    ]);
    expect(
      Workload.safeParse({ location: 'DE', instance: { type: 'aws:m5.large', count: 2.5 } })
        .success,
    ).toBe(true);
  });

  it('names a field wherever the workload sits in the body', () => {
    const Body = z.object({ workloads: z.array(Workload) });
    expect(
      itemsFor(Body, { workloads: [{ location: 'DE', gpu: { model: 'H100', count: 0 } }] }),
    ).toEqual([
      {
        path: 'workloads.0.gpu.count',
        code: 'too_small',
        message: '0 is too small: the number of GPUs must be at least 1',
      },
    ]);
  });

  it('echoes no long or structured value where a number belongs', () => {
    const items = itemsFor(Workload, {
      location: 'DE',
      durationHours: 'a-secret-token-of-many-chars',
    });
    expect(items[0]?.message).toBe(
      'text of 28 characters is not a number: the hours the workload runs must be a number',
    );
  });

  it('lists enum values and never echoes a string value', () => {
    const items = itemsFor(z.object({ kind: z.enum(['gpus', 'cpus']), name: z.string().max(3) }), {
      kind: 'secret-value',
      name: 'secret',
    });
    expect(items).toEqual([
      { path: 'kind', code: 'invalid_value', message: 'kind must be one of "gpus", "cpus"' },
      {
        path: 'name',
        code: 'too_big',
        message: 'text of 6 characters is too large: name must be at most 3 characters long',
      },
    ]);
    expect(JSON.stringify(items)).not.toContain('secret');
  });

  it('offers no suggestion for an unknown field far from every known one', () => {
    expect(itemsFor(Workload, { location: 'DE', zzzzzzzz: 1 })).toEqual([
      { path: 'zzzzzzzz', code: 'unrecognized_keys', message: "unknown field 'zzzzzzzz'" },
    ]);
  });

  it('lists the allowed values of a discriminator and the keys of every union option', () => {
    expect(itemsFor(Workload, { location: 'DE', ai: { task: 'tuning' } })).toEqual([
      {
        path: 'ai.task',
        code: 'invalid_union',
        message: 'the AI task (training or inference) must be one of "training", "inference"',
      },
    ]);
    expect(
      itemsFor(Workload, { location: 'DE', ai: { task: 'inference', inputToken: 5 } }),
    ).toEqual([
      {
        path: 'ai.inputToken',
        code: 'unrecognized_keys',
        message: "unknown field 'inputToken'; did you mean 'inputTokens'?",
      },
    ]);
  });
});
