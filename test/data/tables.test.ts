// The committed tables as src/data serves them: every row passes its zod schema, and the cross-table
// references and alias maps are complete and unambiguous.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasMap, tables } from '../../src/data/index.ts';
import { normalizeName } from '../../src/core/names.ts';
import {
  Accelerator,
  Cpu,
  Datacentre,
  GridZone,
  Instance,
  Region,
  Source,
} from '../../src/core/tables.ts';

const accelerators = [...tables.accelerators.values()];
const cpus = [...tables.cpus.values()];
const instances = [...tables.instances.values()];
const regions = [...tables.regions.values()];
const zones = [...tables.zones.values()];

describe('schemas', () => {
  const check = (
    schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
    rows: readonly { id?: string }[],
  ) => {
    const bad = rows.filter((r) => !schema.safeParse(r).success).map((r) => r.id);
    expect(bad).toEqual([]);
  };
  it('every row of every table parses with its zod schema', () => {
    check(Source, tables.sources);
    check(GridZone, zones);
    check(Region, regions);
    check(Accelerator, accelerators);
    check(Cpu, cpus);
    check(Instance, instances);
    expect(Datacentre.safeParse(tables.datacentre).success).toBe(true);
  });

  it('has non-trivial row counts', () => {
    expect(zones.length).toBeGreaterThan(300);
    expect(regions.length).toBeGreaterThan(140);
    expect(accelerators.length).toBeGreaterThanOrEqual(43); // 40 curated + P100, TPU v2, TPU v3 at least
    expect(cpus.length).toBeGreaterThan(4000);
    expect(instances.length).toBeGreaterThan(1500);
  });
});

describe('references', () => {
  it('every region gridZone exists in the zones table', () => {
    expect(
      regions.filter((r) => r.gridZone !== null && !tables.zones.has(r.gridZone)).map((r) => r.id),
    ).toEqual([]);
  });

  it('every source id used by any row exists in the sources table', () => {
    const known = new Set(tables.sources.map((s) => s.id));
    const coefficients = Object.values(tables.datacentre.coefficients);
    const used = [
      ...zones.flatMap((z) => [...z.primary, ...z.alternates].map((a) => a.source)),
      ...regions.flatMap((r) => [
        ...r.sources,
        r.pue?.source,
        r.carbonFreeEnergyShare?.source,
        r.wueLPerKwh?.source,
      ]),
      ...accelerators.map((a) => a.source),
      ...cpus.map((c) => c.source),
      ...instances.map((i) => i.source),
      ...tables.datacentre.pue.map((p) => p.source),
      ...coefficients.map((c) => c.source),
    ].filter((s): s is string => s !== undefined);
    expect([...new Set(used)].filter((s) => !known.has(s))).toEqual([]);
  });

  it('every file a source names exists in the repo', () => {
    const root = join(import.meta.dirname, '..', '..');
    expect(
      tables.sources.flatMap((s) => s.files).filter((f) => !existsSync(join(root, f))),
    ).toEqual([]);
  });

  it('every instance gpu exists in the accelerator table, with a positive count', () => {
    expect(
      instances.filter((i) => i.gpu !== null && !tables.accelerators.has(i.gpu)).map((i) => i.id),
    ).toEqual([]);
    expect(instances.filter((i) => i.gpu !== null && i.gpuCount <= 0).map((i) => i.id)).toEqual([]);
  });

  it('instance ids are provider:lower-case type', () => {
    expect(
      instances.filter((i) => i.id !== `${i.provider}:${i.type.toLowerCase()}`).map((i) => i.id),
    ).toEqual([]);
  });
});

describe('grid zones', () => {
  it('every Electricity Maps zone has primary years 2021–2025, sorted', () => {
    const em = zones.filter((z) => z.primary.some((a) => a.source === 'em-yearly'));
    expect(em.length).toBeGreaterThan(340);
    for (const z of em)
      expect(
        z.primary.map((a) => a.year),
        z.id,
      ).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it("takes each zone's primary series from one source", () => {
    expect(
      zones.filter((z) => new Set(z.primary.map((a) => a.source)).size !== 1).map((z) => z.id),
    ).toEqual([]);
  });

  it('has no year before 2021 and no aggregate without an ISO-style id', () => {
    for (const z of zones) {
      expect(
        [...z.primary, ...z.alternates].every((a) => a.year >= 2021),
        z.id,
      ).toBe(true);
      expect(z.id, z.id).toMatch(/^[A-Z]{2}(-[A-Z0-9-]+)?$/);
      expect(z.countryIso2).toBe(z.id.slice(0, 2));
    }
  });

  it('covers countries Electricity Maps lacks from Ember (e.g. CL, RU)', () => {
    expect(tables.zones.get('CL')?.primary[0]?.source).toBe('ember-owid');
    expect(tables.zones.get('RU-1')?.countryIso2).toBe('RU');
  });
});

describe('aliases', () => {
  const collisions = (
    rows: readonly { id: string; name: string; aliases: readonly string[] }[],
  ) => {
    const owner = new Map<string, Set<string>>();
    for (const r of rows)
      for (const a of [r.id, r.name, ...r.aliases])
        owner.set(normalizeName(a), new Set([...(owner.get(normalizeName(a)) ?? []), r.id]));
    return [...owner.entries()]
      .filter(([, ids]) => ids.size > 1)
      .map(([a, ids]) => `${a} -> ${[...ids].join(', ')}`);
  };

  it('are stored normalised', () => {
    for (const r of [...accelerators, ...cpus])
      for (const a of r.aliases) expect(a, r.id).toBe(normalizeName(a));
  });

  it('never map one name to two ids', () => {
    expect(collisions(accelerators)).toEqual([]);
    expect(collisions(cpus)).toEqual([]);
    expect(tables.acceleratorAliases).toEqual(aliasMap(accelerators));
  });

  it('resolve the names used by the validation cases and common short forms', () => {
    const resolve = (name: string) => tables.acceleratorAliases.get(normalizeName(name));
    const expected: Record<string, string> = {
      'H100 SXM 80GB': 'nvidia-h100-sxm',
      h100: 'nvidia-h100-sxm',
      'H100 80GB HBM3': 'nvidia-h100-sxm',
      'A100 SXM4 80GB': 'nvidia-a100-sxm4',
      'A100 SXM4 40GB': 'nvidia-a100-sxm4-40gb', // split from the 80GB row, which keeps the pre-split id
      'A100 SXM4': 'nvidia-a100-sxm4',
      H800: 'nvidia-h800-sxm',
      H20: 'nvidia-h20',
      B300: 'nvidia-b300',
      GB300: 'nvidia-b300-gb300',
      GB200: 'nvidia-b200-gb200',
      MI355X: 'amd-mi355x',
      inf1: 'aws-inferentia1',
      Inferentia2: 'aws-inferentia2',
      Trainium: 'aws-trainium1',
      trn2: 'aws-trainium2',
      'TPU v5e': 'google-tpu-v5e',
      'TPU v5p': 'google-tpu-v5p',
      Trillium: 'google-tpu-v6e',
      'Gaudi 3': 'intel-gaudi-3',
      'A100 PCIe 40GB': 'nvidia-a100-pcie-40gb',
      a100: 'nvidia-a100-sxm4',
      v100: 'nvidia-v100-sxm2',
      'Tesla V100': 'nvidia-v100-sxm2',
      P100: 'nvidia-p100-sxm2', // generic name -> the SXM2 module, as for V100/A100/H100
      'Tesla P100': 'nvidia-p100-sxm2',
      'P100 PCIe': 'nvidia-p100-pcie',
      'TPU v2': 'google-tpu-v2',
      'TPU v3': 'google-tpu-v3',
      'TPU v4': 'google-tpu-v4',
      MI300X: 'amd-mi300x',
      'Tesla T4': 'nvidia-t4',
      L4: 'nvidia-l4',
      A10G: 'nvidia-a10g',
    };
    for (const [name, id] of Object.entries(expected)) expect(resolve(name), name).toBe(id);
    expect(tables.cpuAliases.get(normalizeName('Xeon Gold 6148'))).toBe('intel-xeon-gold-6148');
  });
});

describe('regions and datacentre', () => {
  it('region ids are provider:region and carry a continent whenever a country is known', () => {
    for (const r of regions) {
      expect(r.id).toBe(`${r.provider}:${r.region}`);
      if (r.countryIso2 !== null) expect(r.continent, r.id).not.toBeNull();
    }
  });

  it('takes GCP carbon-free energy from Google, per-region PUE only from open sources, no WUE', () => {
    expect(tables.regions.get('gcp:europe-west4')?.carbonFreeEnergyShare).toMatchObject({
      source: 'gcp-region-carbon',
    });
    for (const r of regions) {
      expect(['ccf', 'green-algorithms', undefined]).toContain(r.pue?.source);
      expect(r.wueLPerKwh).toBeNull();
    }
  });

  it('has the reference coefficients', () => {
    const c = tables.datacentre.coefficients;
    expect(c.memoryWPerGb.value).toBeCloseTo(0.392);
    expect(c.embodiedServerBaseKg.value).toBe(1000);
    expect(c.lifetimeYears.value).toBe(4);
    expect(c.cpuLoadCurve.points.map((p) => p.utilization)).toEqual([0, 0.1, 0.5, 1]);
    for (const entity of ['industry', 'aws', 'gcp', 'azure'])
      expect(
        tables.datacentre.pue.some((p) => p.entity === entity && p.pue !== null),
        entity,
      ).toBe(true);
  });
});
