// AI shapes on the real tables against published figures.
import { describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { estimate } from '../../src/core/estimate.ts';
import { Workload } from '../../src/core/schemas.ts';

describe('training by model size', () => {
  it('puts a Llama-2-7B-like run within ±25 % of the published 184,320 A100-80GB GPU-hours', () => {
    // Touvron et al. 2023 (Llama 2), Table 2: 7B, 2.0T tokens, 184,320 GPU-hours on A100-80GB.
    const r = estimate(Workload.parse({ location: 'US', gpu: { model: 'A100 SXM4 80GB', count: 1024 }, ai: { task: 'training', parameters: 7e9, tokens: 2e12, mfu: 0.4 } }), tables);
    const published = 184_320;
    expect(Math.abs(r.ai!.deviceHours! - published) / published).toBeLessThanOrEqual(0.25);
  });
});
