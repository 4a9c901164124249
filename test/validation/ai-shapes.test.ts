// AI shapes on the real tables against published figures.
import { describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { Workload, type WorkloadInput } from '../../src/core/schemas.ts';

const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);
// The request: 7e9 parameters × 2e12 tokens on 8 A100 (312 TFLOP/s dense bf16 each).
const llama7b = {
  location: 'US',
  gpu: { model: 'A100 SXM4 80GB', count: 8 },
  ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
} as const;

describe('training by model size', () => {
  it('puts Llama 2 7B inside its range and within ±25 % of the published 184,320 A100-80GB GPU-hours', () => {
    // Touvron et al. 2023 (Llama 2), Table 2: 7B, 2.0T tokens, 184,320 GPU-hours on A100-80GB.
    const r = run({ ...llama7b, gpu: { ...llama7b.gpu, count: 1024 } });
    const published = 184_320;
    expect(Math.abs(r.ai!.deviceHours! - published) / published).toBeLessThanOrEqual(0.25);
  });

  it('refuses durationHours 1 for 7e9 × 2e12 on 8 A100: the work needs 9,348 h at 100 % of peak', () => {
    // 6 × 7e9 × 2e12 = 8.4e22 FLOPs; / (8 × 312e12 FLOP/s) = 33,653,846 s = 9,348.3 h
    try {
      run({ ...llama7b, durationHours: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EstimateError);
      expect((e as EstimateError).code).toBe('inconsistent_input');
      expect((e as EstimateError).path).toEqual(['durationHours']);
      expect((e as EstimateError).message).toMatch(/a run of 1 h is shorter than the 9348\.3 h/);
    }
  });

  it('bills a longer duration as given and states the MFU it implies', () => {
    // 9,348.3 h at peak over 20,000 h given -> whole-run MFU 0.46741
    const r = run({ ...llama7b, durationHours: 20_000 });
    expect(r.durationHours).toBe(20_000);
    expect(r.ai?.mfu).toBeCloseTo(8.4e22 / (8 * 312e12) / 3600 / 20_000, 12);
    expect(r.ai?.mfu).toBeCloseTo(0.46741, 5);
    expect(r.ai?.deviceHours).toBe(160_000);
    expect(r.assumptions.join(' ')).toMatch(/imply a whole-run MFU of 46\.7 %/);
  });

  it('holds the published GPU-hours of every whole run in the data inside the estimate range', () => {
    const runs = tables.ai.coefficients.trainingRuns.runs.filter(
      (x) =>
        x.hoursBasis === 'whole-run' &&
        x.precision !== 'fp8' &&
        x.gpuHours !== null &&
        x.tokens !== null,
    );
    let checked = 0;
    for (const x of runs) {
      const acc = tables.accelerators.get(x.accelerator);
      if (acc?.peakDenseTflops[x.precision] == null) continue; // e.g. TPU v3: no rate in the table
      // A known draw (±5 %) and PUE 1 leave the hours' range as the spread: published energy = GPU-hours × 150 W.
      const r = run({
        location: 'US',
        pue: 1,
        embodied: false,
        gpu: { model: x.accelerator, count: 1024, powerW: 150 },
        ai: { task: 'training', parameters: x.params, tokens: x.tokens!, precision: x.precision },
      });
      const published = (x.gpuHours! * 150) / 1000;
      expect(published, x.id).toBeGreaterThanOrEqual(r.energyKwh.low);
      expect(published, x.id).toBeLessThanOrEqual(r.energyKwh.high);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('trains in FP8 at its own efficiency: not half the bf16 hours', () => {
    const at = (precision: 'bf16' | 'fp8') =>
      run({
        location: 'US',
        gpu: { model: 'H100 SXM', count: 1024 },
        ai: { task: 'training', parameters: 70e9, tokens: 15e12, precision },
      }).ai!;
    const [bf16, fp8] = [at('bf16'), at('fp8')];
    expect(fp8.peakTflopsPerDevice! / bf16.peakTflopsPerDevice!).toBeCloseTo(2, 3);
    expect(fp8.mfu).toBe(tables.ai.coefficients.trainingMfuFp8.value);
    // hours ratio = (bf16 peak × bf16 MFU) / (fp8 peak × fp8 MFU); a flat 2× peak would give 0.5
    expect(fp8.deviceHours! / bf16.deviceHours!).toBeCloseTo(
      (bf16.peakTflopsPerDevice! * bf16.mfu!) / (fp8.peakTflopsPerDevice! * fp8.mfu!),
      9,
    );
    expect(Math.abs(fp8.deviceHours! / bf16.deviceHours! - 0.5)).toBeGreaterThan(0.2);
  });
});
