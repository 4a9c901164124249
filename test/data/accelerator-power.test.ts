// Published per-chip power (data/raw/hardware/accelerator_power_published.csv and the files it cites),
// the default draw's measured floor (ML.ENERGY v3) and the accelerator-cluster PUE, as built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/core/names.ts';
import { tables } from '../../src/data/index.ts';

const RAW = join(import.meta.dirname, '..', '..', 'data', 'raw');
const device = (name: string) => {
  const id = tables.acceleratorAliases.get(normalizeName(name));
  const a = id === undefined ? undefined : tables.accelerators.get(id);
  if (!a) throw new Error(`no accelerator ${name}`);
  return a;
};

describe('published accelerator power', () => {
  it('rates the TPU v3 chip at the 450 W Patterson et al. (2021, Table 4) publish, not 220 W', () => {
    expect(device('TPU v3').maxPowerW).toBe(450);
    expect(device('tpuv3 chip').id).toBe('google-tpu-v3');
    expect(device('TPU v2').maxPowerW).toBe(280);
  });

  it('resolves a generic P100 to the 300 W SXM2 module and keeps the 250 W PCIe card apart', () => {
    expect(device('P100').maxPowerW).toBe(300);
    expect(device('Tesla P100').id).toBe('nvidia-p100-sxm2');
    expect(device('P100 PCIe').maxPowerW).toBe(250);
    // Azure's NCv2 sizes carry the PCIe card and keep its rating
    expect(tables.instances.get('azure:standard_nc6s_v2')?.gpu).toBe('nvidia-p100-pcie');
  });

  it("carries Google's measured TPU averages (mlco2 gpus.csv: mean of Patterson's measurements) as typical draw", () => {
    const mlco2 = parse<Record<string, string>>(
      readFileSync(join(RAW, 'hardware', 'mlco2-impact', 'gpus.csv'), 'utf8'),
      { columns: true, relax_column_count: true },
    );
    const avg = (name: string) => Number(mlco2.find((r) => r.name === name)?.tdp_watts);
    expect(device('TPU v2').typicalPower?.watts).toBe(avg('TPUv2 Chip'));
    expect(device('TPU v3').typicalPower?.watts).toBe(avg('TPUv3 Chip'));
    // Patterson 2021 Table 4 TPU v3 system power per chip: T5 310, Meena 289, GShard 288, Switch 245 W
    expect(device('TPU v3').typicalPower?.watts).toBe(Math.round((310 + 289 + 288 + 245) / 4));
    expect(device('TPU v4').typicalPower?.watts).toBe(170);
    expect(device('H100').typicalPower ?? null).toBeNull();
  });
});

describe('default draw floor and accelerator-cluster PUE', () => {
  it('floors the default draw at the lowest busy-GPU draw share in ML.ENERGY v3', () => {
    const rows = parse<Record<string, string>>(
      readFileSync(join(RAW, 'llm-inference', 'mlenergy_v3_llm.csv'), 'utf8'),
      { columns: true },
    );
    const tdp: Record<string, number> = { H100: 700, B200: 1000 }; // NVIDIA datasheets (H100 SXM5, HGX B200)
    const shares = rows
      .filter((r) => r.avg_power_watts !== '')
      .map((r) => Number(r.avg_power_watts) / Number(r.num_gpus) / tdp[r.gpu_model ?? '']!);
    expect(shares.length).toBeGreaterThan(500);
    const c = tables.datacentre.coefficients.gpuMinPowerFraction!;
    expect(c.value).toBeCloseTo(Math.min(...shares), 3);
    expect(c.value).toBeGreaterThan(0.25);
    expect(c.value).toBeLessThan(0.35);
  });

  it('puts GPU/TPU clusters at a zone in a public-cloud facility (IDC 1.25), from Meta 1.08 to on-premises 1.63', () => {
    const p = tables.datacentre.acceleratorFacilityPue!;
    expect([p.low, p.central, p.high]).toEqual([1.08, 1.25, 1.63]);
    expect(p.source).toBe('pue-wue-reference');
  });
});
