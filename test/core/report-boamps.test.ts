// BoAmps export: the published schema's required fields and enums (report_schema.json 1.1.0 and
// its algorithm, dataset and hardware schemas), transcribed here as zod.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { estimateToBoamps } from '../../src/core/report-boamps.ts';
import { Workload, type WorkloadInput } from '../../src/core/schemas.ts';
import { estimate } from '../../src/index.ts';

const BoampsReport = z.object({
  header: z.object({
    reportDatetime: z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    reportStatus: z.enum(['draft', 'final', 'corrective', 'other']).optional(),
    publisher: z
      .object({ confidentialityLevel: z.enum(['public', 'internal', 'confidential', 'secret']) })
      .optional(),
  }),
  task: z.object({
    taskStage: z.string(),
    taskFamily: z.string(),
    nbRequest: z.number().optional(),
    algorithms: z
      .array(
        z.object({ parametersNumber: z.number().optional(), quantization: z.string().optional() }),
      )
      .min(1),
    dataset: z
      .array(
        z.object({
          dataUsage: z.enum(['input', 'output']),
          dataType: z.enum([
            'tabular',
            'audio',
            'boolean',
            'image',
            'video',
            'object',
            'text',
            'token',
            'word',
            'other',
          ]),
          dataQuantity: z.number().optional(),
        }),
      )
      .min(1),
  }),
  measures: z
    .array(z.object({ powerConsumption: z.number(), measurementDuration: z.number() }))
    .min(1),
  infrastructure: z.object({
    infraType: z.enum(['publicCloud', 'privateCloud', 'onPremise', 'other']),
    components: z
      .array(
        z.object({
          componentType: z.string(),
          nbComponent: z.number().int(),
          memorySize: z.number().int().optional(),
        }),
      )
      .min(1),
  }),
  environment: z.object({ country: z.string(), powerSourceCarbonIntensity: z.number().optional() }),
  quality: z.enum(['high', 'medium', 'low']),
});

const META = {
  reportId: '00000000-0000-4000-8000-000000000000',
  reportDatetime: '2026-11-21 12:00:00',
};

function report(input: WorkloadInput) {
  const workload = Workload.parse(input);
  return BoampsReport.parse(estimateToBoamps(workload, estimate(input), META));
}

describe('estimateToBoamps', () => {
  it('describes a GPU job in a cloud region', () => {
    const r = report({
      location: 'gcp:europe-west4',
      durationHours: 36,
      gpu: { model: 'h100-sxm', count: 8, utilization: 0.9 },
      cpu: { threads: 96, utilization: 0.5 },
      memoryGb: 2048,
    });
    expect(r.infrastructure.infraType).toBe('publicCloud');
    expect(r.infrastructure.components.map((c) => c.componentType)).toEqual(['gpu', 'cpu', 'ram']);
    expect(r.measures[0]?.measurementDuration).toBe(36 * 3600);
    expect(r.environment.country).toBe('NL');
  });

  it('describes LLM training by parameters and tokens', () => {
    const r = report({
      location: 'US',
      gpu: { model: 'A100 SXM4 80GB', count: 1024 },
      ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
    });
    expect(r.task.taskStage).toBe('training');
    expect(r.task.algorithms[0]?.parametersNumber).toBe(7);
    expect(r.task.dataset[0]).toMatchObject({
      dataUsage: 'input',
      dataType: 'token',
      dataQuantity: 2e12,
    });
    expect(r.infrastructure.infraType).toBe('other');
  });

  it('describes LLM inference with requests and token datasets', () => {
    const r = report({
      location: 'gcp:europe-west4',
      gpu: { model: 'H100' },
      ai: { task: 'inference', model: 'llama-3.1-8b', requests: 1e6 },
    });
    expect(r.task).toMatchObject({ taskStage: 'inference', nbRequest: 1e6 });
    expect(r.task.dataset.map((d) => d.dataUsage)).toEqual(['input', 'output']);
  });

  it('reports an energy-only workload with one component and the stated report meta', () => {
    const workload = Workload.parse({ location: 'DE', durationHours: 1, networkGb: 10 });
    const raw = estimateToBoamps(workload, estimate(workload), META) as {
      header: Record<string, unknown>;
    };
    expect(raw.header).toMatchObject({ reportId: META.reportId, formatVersion: '1.1.0' });
    expect(BoampsReport.parse(raw).infrastructure.components).toEqual([
      { componentType: 'other', nbComponent: 1 },
    ]);
  });
});
