// FOCUS rows -> workloads on the FinOps Foundation sample (data/raw/focus/, CC BY 4.0): rows mapped by
// category (counts read from the sample by hand), an instance row equal to /v1/estimate over real
// HTTP, refunds netting out, NULL regions, unmapped reasons, a non-FOCUS header refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { GridshiftError } from '../../src/service/problem.ts';
import {
  FocusHeaderError,
  createFocusRun,
  focusSummarySchema,
  readFocusHeader,
} from '../../src/service/focus/index.ts';
import { estimatorFor } from '../helpers/estimator.ts';
import { nodeTarget } from '../helpers/server.ts';
import { readFocusSample, runFocusSample } from '../helpers/focus-sample.ts';

const estimator = estimatorFor(tables);
const sample = readFocusSample();
const col = (name: string) => sample.header.indexOf(name);
const rowOf = (id: string) => sample.rows.find((r) => r[col('Id')] === id)!;
const { results, byId, summary } = runFocusSample(estimator);

describe('the FOCUS sample, row by row', () => {
  it('maps rows by what they say they are', () => {
    const counts = Object.fromEntries(summary.byMethod.map((m) => [m.method, m.rows]));
    // Read from the sample: 26 EC2 "On Demand Linux … Instance Hour" rows (8 g5.4xlarge with GPUs,
    // 2 g3.4xlarge whose type the tables lack, 16 CPU-only) + 1 RDS db.t3.micro + 1 Azure D11 v2.
    expect(counts).toEqual({
      instance: 18,
      gpu_instance: 8,
      // Fargate vCPU-hours (6); Fargate memory GiB-hours (6); Lambda GB-seconds (3 Lambda + 2 @Edge).
      vcpu_hours: 6,
      memory_gb_hours: 6,
      serverless_gb_seconds: 5,
      // GB rows of data transfer (in, out, inter-region, regional) and NAT/LB data processed.
      network_gb: 559,
      // 74 EBS General Purpose, 3 DynamoDB, 1 Aurora, 1 Azure MySQL, 2 Azure Premium SSD disks.
      ssd_gb_months: 81,
      // 41 CloudWatch log storage, 34 EBS snapshots, 5 Magnetic, 5 ECR, 2 S3, 1 EFS IA, 6 Azure LRS.
      hdd_gb_months: 94,
    });
    expect(summary.rows).toBe(1000);
    expect(summary.usageRows).toBe(997);
    expect(summary.mappedRows).toBe(777);
    expect(results.filter((r) => r.method !== 'unmapped')).toHaveLength(777);
  });

  it('states the mapped share of billed cost', () => {
    const cost = (rows: readonly string[][]) =>
      rows.reduce((s, r) => s + (Number(r[col('BilledCost')]) || 0), 0);
    const mapped = sample.rows.filter((r) => byId.get(r[col('Id')]!)!.method !== 'unmapped');
    expect(summary.billedCost).toBeCloseTo(cost(sample.rows), 9);
    expect(summary.mappedBilledCost).toBeCloseTo(cost(mapped), 9);
    expect(summary.mappedCostShare).toBeCloseTo(cost(mapped) / cost(sample.rows), 12);
    expect(summary.mappedCostShare).toBeGreaterThan(0.8);
  });

  it('gives every unmapped row its reason, and counts them with their cost', () => {
    const reasons = Object.fromEntries(summary.unmapped.map((u) => [u.reason, u.rows]));
    expect(reasons).toEqual({
      per_request_pricing: 109,
      address_hours: 44,
      managed_network_hours: 19,
      provisioned_performance: 17,
      capacity_units: 8,
      log_ingestion: 7,
      no_rule: 5,
      no_region_data: 3,
      not_usage: 3,
      included_allowance: 2,
      support_fee: 2,
      unknown_instance: 2,
      control_plane_hours: 1,
      software_licence: 1,
    });
    for (const r of results.filter((x) => x.method === 'unmapped')) {
      expect(r.reason, r.id).toMatch(/^[a-z_]+$/);
      expect([r.energyKwh, r.kgCo2e, r.kgCo2eLow, r.kgCo2eHigh]).toEqual([0, 0, 0, 0]);
    }
    for (const u of summary.unmapped) expect(u.detail.length, u.reason).toBeGreaterThan(20);
    // The g3.4xlarge rows name an instance the tables lack; Credits and Adjustments are not usage.
    expect(byId.get('971006')!.reason).toBe('unknown_instance');
    expect(byId.get('2555992')!.reason).toBe('not_usage');
    // Oracle's rows (RegionId NULL) map to vCPU and memory but have no region data to use.
    expect(byId.get('5193877')!.reason).toBe('no_region_data');
  });

  it('nets out negative quantities: a refunded VM-hour subtracts exactly one VM-hour', () => {
    const refund = byId.get('5299188')!;
    expect(rowOf('5299188')[col('ConsumedQuantity')]).toBe('-1.000000000000000');
    expect(refund.method).toBe('instance');
    const hour = estimator.estimate({
      location: 'azure:eastus2',
      durationHours: 1,
      instance: { type: 'azure:standard_d11_v2', count: 1 },
    });
    expect(refund.kgCo2e).toBe(-hour.emissionsKgCo2e.total);
    expect(refund.energyKwh).toBe(-hour.energyKwh.total);
    const run = createFocusRun(estimator, readFocusHeader(sample.header));
    const usage = [...rowOf('5299188')];
    usage[col('ConsumedQuantity')] = '1';
    run.add(usage);
    run.add(rowOf('5299188'));
    expect(run.summary().totals.kgCo2e.total).toBe(0);
    expect(run.summary().mappedRows).toBe(2);
  });

  it('takes a NULL region as the provider average, and says so', () => {
    const run = createFocusRun(estimator, readFocusHeader(sample.header));
    const row = [...rowOf('121035')];
    row[col('RegionId')] = 'NULL';
    const r = run.add(row);
    expect(r.method).toBe('instance');
    expect(r.regionId).toMatch(/^aws:/);
    const s = run.summary();
    const stated = s.assumptions.find((a) => a.startsWith('RegionId not given'));
    expect(stated).toContain(r.regionId!);
    expect(stated).toContain('mean');
    expect(s.groups.region?.[0]?.key).toBe('aws:(not given)');
    const there = estimator.estimate({
      location: r.regionId!,
      durationHours: 1,
      instance: { type: 'aws:c5.2xlarge', count: 1 },
    });
    expect(r.kgCo2e).toBe(there.emissionsKgCo2e.total);
  });

  it('refuses no row: short, empty and garbled rows are unmapped with a reason', () => {
    const run = createFocusRun(estimator, readFocusHeader(sample.header));
    expect(run.add([]).reason).toBe('bad_row');
    expect(run.add(['x', 'y']).reason).toBe('bad_row');
    const garbled = [...rowOf('121035')];
    garbled[col('ConsumedQuantity')] = 'lots';
    expect(run.add(garbled).reason).toBe('no_quantity');
    const stranger = [...rowOf('121035')];
    stranger[col('ProviderName')] = 'Acme Cloud';
    expect(run.add(stranger).reason).toBe('unknown_provider');
    const nowhere = [...rowOf('121035')];
    nowhere[col('RegionId')] = 'mars-north-1';
    expect(run.add(nowhere).reason).toBe('unknown_region');
    const huge = [...rowOf('121035')];
    huge[col('ServiceName')] = '='.repeat(1_000_000);
    huge[col('ChargeDescription')] = `x ${'y '.repeat(500_000)}`;
    expect(run.add(huge).reason).toBe('no_rule');
    const s = run.summary();
    expect(s.rows).toBe(6);
    expect(Math.max(...s.groups.service!.map((g) => g.key.length))).toBeLessThanOrEqual(201);
  });

  it('groups by service, region, month, sub-account and a tag key, and proposes moves', () => {
    const s = runFocusSample(estimator, { tagKey: 'environment', sameContinent: true }).summary;
    expect(focusSummarySchema.parse(s)).toEqual(s);
    expect(s.groups.month).toEqual([expect.objectContaining({ key: '2024-09', rows: 1000 })]);
    expect(s.groups.service?.[0]?.key).toBe('Amazon Elastic Compute Cloud');
    expect(s.groups.region?.[0]?.key).toBe('aws:us-east-1');
    expect(s.groups.subAccount?.length).toBeGreaterThan(5);
    expect(s.groups.tag?.key).toBe('environment');
    expect(s.groups.tag?.groups.map((g) => g.key).sort()).toEqual(['(untagged)', 'dev', 'prod']);
    for (const groups of [s.groups.service!, s.groups.region!, s.groups.tag!.groups]) {
      expect(groups.reduce((a, g) => a + g.rows, 0)).toBe(1000);
      expect(groups.reduce((a, g) => a + g.kgCo2e, 0)).toBeCloseTo(s.totals.kgCo2e.total, 9);
    }
    const first = s.moves[0]!;
    expect(first).toMatchObject({
      regionId: 'aws:us-east-1',
      service: 'Amazon Elastic Compute Cloud',
    });
    expect(tables.regions.get(first.toRegionId)?.continent).toBe(
      tables.regions.get('aws:us-east-1')?.continent,
    );
    expect(first.savingKgCo2e).toBeCloseTo(first.kgCo2e - first.toKgCo2e, 12);
    expect(first.savingKgCo2e).toBeGreaterThan(0);
    const anywhere = runFocusSample(estimator).summary.moves[0]!;
    expect(anywhere.savingKgCo2e).toBeGreaterThanOrEqual(first.savingKgCo2e);
  });

  it('totals location, market and embodied as the estimator splits them', () => {
    const k = summary.totals.kgCo2e;
    expect(k.total).toBeCloseTo(k.location + k.embodied, 9);
    expect(k.market).toBeLessThanOrEqual(k.location + 1e-12);
    expect(k.low).toBeLessThan(k.total);
    expect(k.high).toBeGreaterThan(k.total);
    expect(summary.totals.energyKwh).toBeGreaterThan(0);
  });
});

describe('the c5.2xlarge row (Id 121035) and POST /v1/estimate over real HTTP', () => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await nodeTarget.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives exactly what /v1/estimate gives for 1 h of aws:c5.2xlarge in aws:us-east-1', async () => {
    const row = rowOf('121035');
    expect(row[col('ChargeDescription')]).toContain('c5.2xlarge Instance Hour');
    expect(Number(row[col('ConsumedQuantity')])).toBe(1);
    const res = await fetch(`${server.url}/v1/estimate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        location: 'aws:us-east-1',
        durationHours: 1,
        instance: { type: 'aws:c5.2xlarge' },
      }),
    });
    expect(res.status).toBe(200);
    const api = (await res.json()) as {
      energyKwh: { total: number };
      emissionsKgCo2e: { total: number; low: number; high: number };
      resolved: { location: { regionId: string; zone: string } };
    };
    const r = byId.get('121035')!;
    expect(r).toEqual({
      id: '121035',
      row: sample.rows.indexOf(row) + 1,
      method: 'instance',
      energyKwh: api.energyKwh.total,
      kgCo2e: api.emissionsKgCo2e.total,
      kgCo2eLow: api.emissionsKgCo2e.low,
      kgCo2eHigh: api.emissionsKgCo2e.high,
      regionId: api.resolved.location.regionId,
      zone: api.resolved.location.zone,
    });
  });
});

describe('readFocusHeader', () => {
  it('refuses a file that is not FOCUS, naming every missing column (422 not_focus)', () => {
    let err: unknown;
    try {
      readFocusHeader(['location', 'durationHours', 'instance', 'BilledCost']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GridshiftError);
    expect(err).toBeInstanceOf(FocusHeaderError);
    const e = err as FocusHeaderError;
    expect(e.code).toBe('not_focus');
    expect(e.status).toBe(422);
    expect(e.missing).toEqual([
      'ChargeCategory',
      'ChargeDescription',
      'ChargePeriodStart',
      'ConsumedQuantity',
      'ConsumedUnit',
      'ProviderName',
      'RegionId',
      'ServiceName',
      'SubAccountId',
    ]);
    expect(e.errors.map((x) => x.path)).toEqual(e.missing);
    expect(e.message).toContain('ConsumedQuantity');
  });

  it('detects the FOCUS 1.0, 1.1 and 1.2 column sets', () => {
    expect(readFocusHeader(sample.header).version).toBe('1.0');
    expect(readFocusHeader([...sample.header, 'SkuMeter', 'ServiceSubcategory']).version).toBe(
      '1.1',
    );
    const v12 = sample.header.map((h) => (h === 'ProviderName' ? 'ServiceProviderName' : h));
    const cols = readFocusHeader([...v12, 'InvoiceId', 'SkuMeter']);
    expect(cols.version).toBe('1.2');
    expect(cols.provider).toBe(sample.header.indexOf('ProviderName'));
  });

  it('reads names whatever their case, with a BOM and spaces', () => {
    const header = sample.header.map((h, i) => (i === 0 ? `\uFEFF ${h.toLowerCase()} ` : h));
    expect(readFocusHeader(header).version).toBe('1.0');
  });
});
