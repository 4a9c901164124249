// Physical invariants of AI answers on the real tables (issue 13 item 7), over every catalogue
// accelerator × model × batch × count the generators reach; refusals of impossible inputs are allowed.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import type { EstimateResult, WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const accelerators = [...tables.accelerators.values()].filter(
  (a) =>
    a.maxPowerW !== null &&
    a.memoryBandwidthTbs !== null &&
    (a.peakDenseTflops.bf16 ?? a.peakDenseTflops.fp16) !== null,
);
const models = [...tables.ai.llmModels.values()];
const idleFraction = tables.datacentre.coefficients.gpuIdleFraction.value;
const hostShare = tables.ai.inferenceCalibration.hostPowerShareOfGpuRated;

/** The answer, or null when the inputs are refused as impossible (too few GPUs, too few hours). */
function answer(w: WorkloadInput): EstimateResult | null {
  try {
    return estimate(Workload.parse(w), tables);
  } catch (e) {
    if (e instanceof EstimateError && e.code === 'inconsistent_input') return null;
    throw e;
  }
}

const request = fc.record({
  gpu: fc.constantFrom(...accelerators.map((a) => a.id)),
  model: fc.constantFrom(...models.map((m) => m.id)),
  count: fc.option(fc.constantFrom(1, 2, 4, 8, 16, 32, 64, 128, 256), { nil: undefined }),
  batchSize: fc.option(fc.integer({ min: 1, max: 1024 }), { nil: undefined }),
  requests: fc.integer({ min: 1, max: 1_000_000 }),
  durationHours: fc.option(fc.double({ min: 0.01, max: 10_000, noNaN: true }), { nil: undefined }),
});

interface Request {
  gpu: string;
  model: string;
  count: number | undefined;
  batchSize: number | undefined;
  requests: number;
  durationHours: number | undefined;
}

function workload(r: Request): WorkloadInput {
  return {
    location: 'US',
    ...(r.durationHours === undefined ? {} : { durationHours: r.durationHours }),
    gpu: { model: r.gpu, ...(r.count === undefined ? {} : { count: r.count }) },
    ai: {
      task: 'inference',
      model: r.model,
      requests: r.requests,
      ...(r.batchSize === undefined ? {} : { batchSize: r.batchSize }),
    },
  };
}

describe('inference invariants on every catalogue accelerator and model', () => {
  test.prop([request], { numRuns: 300 })(
    'each device draws between idle and rated power on average',
    (q) => {
      const r = answer(workload(q));
      if (!r) return;
      const a = tables.accelerators.get(q.gpu)!;
      const idle = a.idlePowerW ?? a.maxPowerW! * idleFraction;
      expect(r.resolved.gpu!.averagePowerW).toBeGreaterThanOrEqual(idle * (1 - 1e-9));
      expect(r.resolved.gpu!.averagePowerW).toBeLessThanOrEqual(a.maxPowerW! * (1 + 1e-9));
    },
  );

  test.prop([request], { numRuns: 300 })('time × power = energy, per component', (q) => {
    const r = answer(workload(q));
    if (!r) return;
    const gpu = r.resolved.gpu!;
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(
      (gpu.averagePowerW * gpu.count * r.durationHours) / 1000,
      9,
    );
    expect(r.energyKwh.byComponent.cpu).toBeCloseTo(
      (r.resolved.cpu!.averagePowerW * r.durationHours) / 1000,
      9,
    );
    // The GPUs are busy no longer than the service runs.
    expect(r.ai!.busyHours!).toBeLessThanOrEqual(r.durationHours * (1 + 1e-9));
  });

  test.prop([request], { numRuns: 300 })(
    'the host is a bounded share: at most its share of rated power against GPUs at idle',
    (q) => {
      const r = answer(workload(q));
      if (!r) return;
      const a = tables.accelerators.get(q.gpu)!;
      const idle = a.idlePowerW ?? a.maxPowerW! * idleFraction;
      const { cpu, gpu } = r.energyKwh.byComponent;
      const bound = (hostShare * a.maxPowerW!) / (hostShare * a.maxPowerW! + idle);
      expect(cpu / (cpu + gpu)).toBeLessThanOrEqual(bound * (1 + 1e-9));
    },
  );

  test.prop(
    [
      fc.constantFrom(...accelerators.map((a) => a.id)),
      fc.double({ min: 0.5e9, max: 400e9, noNaN: true }),
      fc.double({ min: 1.01, max: 3, noNaN: true }),
      fc.integer({ min: 1, max: 256 }),
    ],
    { numRuns: 200 },
  )(
    'energy per token does not fall as active parameters grow (same GPUs, batch and precision)',
    (gpu, small, k, batchSize) => {
      const per = (parameters: number) =>
        answer({
          location: 'US',
          gpu: { model: gpu, count: 256 },
          ai: { task: 'inference', parameters, outputTokens: 1e6, batchSize, precision: 'fp8' },
        });
      const a = per(small);
      const b = per(small * k);
      if (!a || !b) return;
      expect(b.ai!.gpuJPerOutputToken!).toBeGreaterThanOrEqual(
        a.ai!.gpuJPerOutputToken! * (1 - 1e-9),
      );
    },
  );
});

describe('the same weights under two ids give the same answer', () => {
  const pairs = models.filter((m) => m.weights !== m.id).map((m) => [m.id, m.weights] as const);
  it(`holds for all ${pairs.length} catalogue ids served as another id's weights, on H100 and on T4`, () => {
    expect(pairs.length).toBeGreaterThan(20);
    for (const [id, weights] of pairs) {
      for (const gpu of ['nvidia-h100-sxm', 'nvidia-t4']) {
        const a = answer({
          location: 'US',
          gpu: { model: gpu },
          ai: { task: 'inference', model: id, requests: 1000 },
        });
        const b = answer({
          location: 'US',
          gpu: { model: gpu },
          ai: { task: 'inference', model: weights, requests: 1000 },
        });
        expect(a?.energyKwh, `${id} vs ${weights} on ${gpu}`).toEqual(b?.energyKwh);
      }
    }
  });
});
