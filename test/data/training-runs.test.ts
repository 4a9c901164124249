// The training coefficients derived from the published runs in data/raw/ai-training/: per-run MFU
// worked out by hand from the papers' figures, and the coefficients that follow from them.
import { describe, expect, it } from 'vitest';
import { aiCoefficients } from '../../data/built/ai-coefficients.ts';

const c = aiCoefficients;
const byId = new Map(c.trainingRuns.runs.map((r) => [r.id, r]));

describe('published training runs', () => {
  it("derives each run's MFU as 6·N·D ÷ (GPU-hours × 3600 × peak)", () => {
    // Llama 2 70B: 6 × 70e9 × 2e12 = 8.4e23; 1,720,320 h × 3600 × 312e12 = 1.93225e24 -> 0.4347
    expect(byId.get('llama-2-70b')?.mfuFromHours).toBeCloseTo(0.4347, 4);
    // PaLM 540B: 6 × 540e9 × 780e9 = 2.5272e24; 8,404,992 × 3600 × 275e12 = 8.32094e24 -> 0.3037
    expect(byId.get('palm-540b')?.mfuFromHours).toBeCloseTo(0.3037, 4);
    // Llama 3.1 405B: 6 × 405e9 × 15.6e12 = 3.7908e25; 30.84e6 × 3600 × 989.4e12 = 1.09848e26 -> 0.3451
    expect(byId.get('llama-3-1-405b')?.mfuFromHours).toBeCloseTo(0.3451, 4);
    // DeepSeek-V3 (FP8, 37B active): 6 × 37e9 × 14.8e12 = 3.2856e24; 2.664e6 × 3600 × 1978.9e12 = 1.89786e25 -> 0.1731
    expect(byId.get('deepseek-v3')?.mfuFromHours).toBeCloseTo(0.1731, 4);
    expect(byId.get('deepseek-v3')?.steadyMfu).toBeCloseTo(0.1731, 4);
    // OPT-175B: 147 TFLOP/s stated ÷ 312 peak -> 0.4712 steady
    expect(byId.get('opt-175b')?.steadyMfu).toBeCloseTo(0.4712, 4);
  });

  it('sets the steady MFU to the median of the stated 16-bit ones and the overhead to steady ÷ whole-run median', () => {
    // steady: LLaMA 65B 0.4769, Llama 3.1 405B 0.41, OPT 0.4712, PaLM 0.462 -> median (0.462 + 0.4712) / 2 = 0.4666 -> 0.47
    expect(c.trainingMfu.value).toBe(0.47);
    // whole-run (12 runs in 16-bit): middle two 0.3177 (BLOOM) and 0.3451 (Llama 3.1 405B) -> 0.3314; 0.47 / 0.3314 = 1.418 -> 1.42
    expect(c.trainingRunOverhead.value).toBe(1.42);
    // FP8: DeepSeek-V3 0.1731, Llama 4 Behemoth 390 / 1978.9 = 0.1971 -> median 0.1851 -> 0.185
    expect(c.trainingMfuFp8.value).toBe(0.185);
    expect(c.trainingMfuFp8.relUncertainty).toBe(1);
  });

  it('spreads cover the runs: steady MFUs inside the MFU range, every whole run inside the hours range', () => {
    const r = c.trainingMfu.relUncertainty;
    for (const x of c.trainingRuns.runs.filter(
      (x) => x.precision !== 'fp8' && x.steadyMfu !== null,
    )) {
      expect(x.steadyMfu!, x.id).toBeGreaterThanOrEqual(c.trainingMfu.value / (1 + r));
      expect(x.steadyMfu!, x.id).toBeLessThanOrEqual(c.trainingMfu.value * (1 + r));
    }
    // Slowest whole run, Llama 3 8B at 0.1555, needs the hours ×(0.3310 / 0.1555) = 2.13 above central
    const up = Math.exp(
      Math.sqrt(Math.log(1 + r) ** 2 + Math.log(1 + c.trainingRunOverhead.relUncertainty) ** 2),
    );
    expect(up).toBeGreaterThanOrEqual(0.47 / 1.42 / 0.1555);
  });

  it('lists its runs with citations in the built file', () => {
    expect(c.trainingRuns.runs.length).toBeGreaterThanOrEqual(12);
    for (const x of c.trainingRuns.runs) expect(x.citation, x.id).toMatch(/\(20\d\d\)/);
  });
});
