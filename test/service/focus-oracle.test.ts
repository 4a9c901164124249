// Oracle rows of the FOCUS sample (data/raw/focus/, © FinOps Foundation, CC BY 4.0): RegionId is NULL
// and RegionName holds the OCI region id; the row is placed in that region's grid zone (Oracle's
// "Regions and Availability Domains") and estimated as the same workload written by hand.
import { describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { createFocusRun, readFocusHeader } from '../../src/service/focus/index.ts';
import { estimatorFor } from '../helpers/estimator.ts';
import { readFocusSample, runFocusSample } from '../helpers/focus-sample.ts';

const estimator = estimatorFor(tables);
const sample = readFocusSample();
const col = (name: string) => sample.header.indexOf(name);
const rowOf = (id: string) => sample.rows.find((r) => r[col('Id')] === id)!;
const { byId, summary } = runFocusSample(estimator);

describe('Oracle rows: RegionId NULL, the region id in RegionName', () => {
  it('reads the sample as described: Standard - E5, 8 OCPU Hours, RegionName us-phoenix-1', () => {
    const row = rowOf('5193877');
    expect(row[col('ProviderName')]).toBe('Oracle');
    expect(row[col('ChargeDescription')]).toBe('Standard - E5');
    expect(row[col('ConsumedQuantity')]).toBe('8.000000000000000');
    expect(row[col('ConsumedUnit')]).toBe('OCPU Hours');
    expect(row[col('RegionId')]).toBe('NULL');
    expect(row[col('RegionName')]).toBe('us-phoenix-1');
  });

  it('maps the E5 OCPU-hour row to vCPU-hours in Phoenix (US-SW-AZPS), as 2 vCPUs for 8 h there', () => {
    const r = byId.get('5193877')!;
    expect(r.method).toBe('vcpu_hours');
    expect(r.regionId).toBe('oci:us-phoenix-1');
    expect(r.zone).toBe('US-SW-AZPS');
    // 8 OCPU-hours = 8 h of 2 vCPUs (one OCPU = two vCPUs), at the Phoenix grid zone.
    const there = estimator.estimate({
      location: 'US-SW-AZPS',
      durationHours: 8,
      cpu: { threads: 2 },
    });
    expect(r.kgCo2e / there.emissionsKgCo2e.total - 1).toBeCloseTo(0, 12);
    expect(r.energyKwh / there.energyKwh.total - 1).toBeCloseTo(0, 12);
    expect(r.kgCo2eLow / there.emissionsKgCo2e.low - 1).toBeCloseTo(0, 12);
    expect(r.kgCo2eHigh / there.emissionsKgCo2e.high - 1).toBeCloseTo(0, 12);
    // No Oracle PUE per region: a grid-zone location gets the estimator's industry average.
    expect(there.resolved.pue.value).toBe(1.56);
  });

  it('maps the E3 memory GB-hour rows in San Jose (US-CAL-CISO) as 8 GB for 1 h there', () => {
    const r = byId.get('5136076')!;
    expect(rowOf('5136076')[col('RegionName')]).toBe('us-sanjose-1');
    expect(r.method).toBe('memory_gb_hours');
    expect(r.regionId).toBe('oci:us-sanjose-1');
    expect(r.zone).toBe('US-CAL-CISO');
    const there = estimator.estimate({ location: 'US-CAL-CISO', durationHours: 1, memoryGb: 8 });
    expect(r.kgCo2e / there.emissionsKgCo2e.total - 1).toBeCloseTo(0, 12);
  });

  it('states both steps: RegionName taken as the region id, and the grid-zone PUE', () => {
    expect(summary.assumptions).toContain(
      "RegionId not given: RegionName 'us-phoenix-1' is oci's region id, so the row is placed in oci:us-phoenix-1.",
    );
    const zoned = summary.assumptions.find((a) => a.startsWith('oci:us-phoenix-1 ('));
    expect(zoned).toContain('Regions and Availability Domains');
    expect(zoned).toContain('US-SW-AZPS');
    expect(zoned).toContain('industry-average PUE');
    expect(summary.groups.region?.map((g) => g.key)).toContain('oci:us-sanjose-1');
  });

  it('falls back to the Oracle average, stated, when neither RegionId nor RegionName resolves', () => {
    const run = createFocusRun(estimator, readFocusHeader(sample.header));
    const row = [...rowOf('5193877')];
    row[col('RegionName')] = 'Somewhere';
    const r = run.add(row);
    expect(r.method).toBe('vcpu_hours');
    expect(r.regionId).toMatch(/^oci:/);
    const stated = run
      .summary()
      .assumptions.find((a) => a.startsWith('RegionId not given: the oci'));
    expect(stated).toContain(r.regionId!);
    expect(run.summary().groups.region?.[0]?.key).toBe('oci:(not given)');
  });

  it('an unknown RegionId stays unknown_region: RegionName is read only when RegionId is NULL', () => {
    const run = createFocusRun(estimator, readFocusHeader(sample.header));
    const row = [...rowOf('5193877')];
    row[col('RegionId')] = 'mars-north-1';
    expect(run.add(row).reason).toBe('unknown_region');
  });

  it('proposes moves among Oracle regions for Oracle usage', () => {
    const run = createFocusRun(estimator, readFocusHeader(sample.header));
    run.add(rowOf('5193877'));
    const [move] = run.summary().moves;
    expect(move?.regionId).toBe('oci:us-phoenix-1');
    expect(move?.toRegionId).toMatch(/^oci:/);
    expect(move!.candidates).toBeGreaterThan(20);
  });
});
