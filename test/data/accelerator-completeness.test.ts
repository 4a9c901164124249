// Every accelerator a catalogue instance carries has a rated power (published or a marked estimate), and
// the issue-13 list of accelerators resolves with power, dense rates and memory bandwidth.
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/core/names.ts';
import { tables } from '../../src/data/index.ts';

const byName = (name: string) => {
  const id = tables.acceleratorAliases.get(normalizeName(name));
  return id === undefined ? undefined : tables.accelerators.get(id);
};

describe('accelerator completeness', () => {
  const gpuInstances = [...tables.instances.values()].filter((i) => i.gpu !== null);

  it('every GPU/accelerator instance type resolves to an accelerator with a rated power', () => {
    // Floor, not the exact count, so adding instances keeps the test meaningful: g5 (8), inf1 (4), inf2 (4), trn1/2 (5), TPU slices (16).
    expect(gpuInstances.length).toBeGreaterThanOrEqual(140);
    const missing = gpuInstances.filter((i) => {
      const gpu = tables.accelerators.get(i.gpu!);
      return gpu === undefined || gpu.maxPowerW === null || !(i.gpuCount > 0);
    });
    expect(missing.map((i) => i.id)).toEqual([]);
  });

  it('covers the families the issue names, each with the right device', () => {
    const expected: Record<string, string> = {
      'aws:g5.xlarge': 'nvidia-a10g',
      'aws:g5.48xlarge': 'nvidia-a10g',
      'aws:inf1.xlarge': 'aws-inferentia1',
      'aws:inf2.48xlarge': 'aws-inferentia2',
      'aws:trn1.32xlarge': 'aws-trainium1',
      'aws:trn2.48xlarge': 'aws-trainium2',
      'aws:p4d.24xlarge': 'nvidia-a100-sxm4-40gb', // 320 GB over 8 GPUs
      'aws:p4de.24xlarge': 'nvidia-a100-sxm4', // 640 GB over 8 GPUs: the 80GB part keeps the old id
      'aws:p5.48xlarge': 'nvidia-h100-sxm',
      'gcp:v5litepod-8': 'google-tpu-v5e',
      'gcp:v5p-8': 'google-tpu-v5p',
      'gcp:v6e-8': 'google-tpu-v6e',
      'gcp:v4-8': 'google-tpu-v4',
    };
    for (const [instance, gpu] of Object.entries(expected))
      expect(tables.instances.get(instance)?.gpu, instance).toBe(gpu);
    expect(tables.instances.get('aws:inf1.24xlarge')?.gpuCount).toBe(16);
  });

  it('marks every rating without a vendor figure as an estimate whose range contains it', () => {
    const estimated = [...tables.accelerators.values()]
      .filter((a) => a.maxPowerEstimate !== null)
      .map((a) => a.id)
      .sort();
    expect(estimated).toEqual([
      'aws-inferentia1',
      'aws-inferentia2',
      'aws-trainium1',
      'aws-trainium2',
      'google-tpu-v5e',
      'google-tpu-v5p',
      'google-tpu-v6e',
      'nvidia-a10g',
    ]);
    for (const a of tables.accelerators.values()) {
      const e = a.maxPowerEstimate;
      if (!e) continue;
      expect(e.lowW, a.id).toBeLessThanOrEqual(a.maxPowerW!);
      expect(e.highW, a.id).toBeGreaterThan(a.maxPowerW!);
      expect(e.basis, a.id).toMatch(/ESTIMATE/);
    }
    // A10G: the A10's 150 W board power, up to GA102's 300 W (A40) for the range.
    expect(byName('A10G')?.maxPowerEstimate).toMatchObject({ lowW: 150, highW: 300 });
    expect(byName('A10G')?.maxPowerW).toBe(150);
    // Published ratings carry no estimate.
    expect(byName('H100 SXM')?.maxPowerEstimate).toBeNull();
  });

  it('lists the issue-13 accelerators with rated power, a dense 16-bit rate and HBM bandwidth', () => {
    // [name, rated W, dense bf16-or-fp16 TFLOPS, TB/s] from the datasheets cited in the curated CSV.
    const rows: [string, number, number, number][] = [
      ['A10', 150, 125, 0.6],
      ['A10G', 150, 70, 0.6],
      ['L4', 72, 121, 0.3],
      ['L40S', 350, 362.05, 0.864],
      ['T4', 70, 65, 0.32],
      ['V100', 300, 125, 0.9],
      ['A100 PCIe 40GB', 250, 312, 1.555],
      ['A100 PCIe 80GB', 300, 312, 1.935],
      ['A100 SXM4 40GB', 400, 312, 1.555],
      ['A100 SXM4 80GB', 400, 312, 2.039],
      ['H100 PCIe', 350, 756, 2.0],
      ['H100 SXM', 700, 989.4, 3.35],
      ['H100 NVL', 400, 835.5, 3.9],
      ['H800', 700, 989.4, 3.35],
      ['H20', 400, 148, 4.0],
      ['H200', 700, 989.4, 4.8],
      ['B200', 1000, 2250, 8.0],
      ['B300', 1100, 2250, 8.0],
      ['GB200', 1200, 2500, 8.0],
      ['GB300', 1400, 2500, 8.0],
      ['MI250X', 560, 383, 3.277],
      ['MI300X', 750, 1307.4, 5.3],
      ['MI325X', 1000, 1307.4, 6.0],
      ['MI355X', 1400, 2516.6, 8.0],
      ['Gaudi 2', 600, 432, 2.45],
      ['Gaudi 3', 900, 1835, 3.7],
      ['Inferentia', 70, 64, 0.0537],
      ['Inferentia2', 190, 190, 0.88],
      ['Trainium', 190, 190, 0.82],
      ['Trainium2', 500, 655, 2.9],
      ['TPU v4', 192, 275, 1.2],
      ['TPU v5e', 150, 197, 0.819],
      ['TPU v5p', 350, 459, 2.765],
      ['TPU v6e', 350, 918, 1.64],
    ];
    for (const [name, watts, tflops, tbs] of rows) {
      const a = byName(name);
      expect(a, name).toBeDefined();
      expect(a!.maxPowerW, name).toBe(watts);
      expect(a!.peakDenseTflops.bf16 ?? a!.peakDenseTflops.fp16, name).toBe(tflops);
      expect(a!.memoryBandwidthTbs, name).toBe(tbs);
    }
  });

  it('gives dense FP4 only where the vendor publishes it', () => {
    const fp4 = Object.fromEntries(
      [...tables.accelerators.values()]
        .filter((a) => a.peakDenseTflops.fp4 !== null)
        .map((a) => [a.id, a.peakDenseTflops.fp4]),
    );
    // B200 HGX 144 PF sparse / 8 / 2; GB200 NVL72 1,440 PF sparse / 72 / 2; HGX B300 108 PF dense / 8; GB300 ~1.08 EF dense / 72.
    expect(fp4).toEqual({
      'nvidia-b200': 9000,
      'nvidia-b200-gb200': 10000,
      'nvidia-b300': 13500,
      'nvidia-b300-gb300': 15000,
      'amd-mi355x': 10066.3,
    });
  });

  it('keeps the ids validation cases and tests use', () => {
    for (const id of [
      'nvidia-a100-sxm4',
      'nvidia-h100-sxm',
      'nvidia-v100-sxm2',
      'google-tpu-v4',
      'nvidia-a10g',
      'aws-trainium1',
      'aws-inferentia2',
    ]) {
      expect(tables.accelerators.get(id), id).toBeDefined();
    }
    expect(byName('a100')?.id).toBe('nvidia-a100-sxm4');
  });
});
