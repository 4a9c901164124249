// Catalogue functions over a small fixture table (the HTTP suite covers the real tables).
import { describe, expect, it } from 'vitest';
import {
  countTables,
  describeRegion,
  describeZone,
  listModels,
  listRegions,
  listSources,
} from '../../src/service/catalog.ts';
import { searchHardware } from '../../src/service/hardware-search.ts';
import { GridshiftError } from '../../src/service/problem.ts';
import { fixtureTables as tables, fixtureTablesWithAi } from '../helpers/fixture-tables.ts';

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

function thrownBy(f: () => unknown): GridshiftError {
  try {
    f();
  } catch (err) {
    if (err instanceof GridshiftError) return err;
    throw err;
  }
  throw new Error('expected a GridshiftError');
}

describe('listRegions', () => {
  it('sorts by id and combines filters', () => {
    expect(ids(listRegions(tables, {}))).toEqual([
      'aws:eu-central-1',
      'aws:us-east-1',
      'azure:germanywestcentral',
      'gcp:europe-west9',
    ]);
    expect(ids(listRegions(tables, { country: 'de' }))).toEqual([
      'aws:eu-central-1',
      'azure:germanywestcentral',
    ]);
    expect(ids(listRegions(tables, { country: 'DE', provider: 'azure' }))).toEqual([
      'azure:germanywestcentral',
    ]);
    expect(ids(listRegions(tables, { provider: 'gcp', country: 'DE' }))).toEqual([]);
  });

  it('puts an exact match first when searching', () => {
    expect(ids(listRegions(tables, { q: 'europe-west9' }))).toEqual(['gcp:europe-west9']);
    expect(ids(listRegions(tables, { q: 'DE' }))[0]).toBe('aws:eu-central-1');
  });
});

describe('describeRegion / describeZone', () => {
  it("adds the zone's latest primary intensity, or null without a zone", () => {
    expect(describeRegion(tables, 'aws:eu-central-1').latestIntensity).toMatchObject({
      zone: 'DE',
      year: 2024,
      intensityGCo2ePerKwh: 344,
    });
    expect(describeRegion(tables, 'AWS:EU-CENTRAL-1').id).toBe('aws:eu-central-1');
    expect(describeRegion(tables, 'azure:germanywestcentral').latestIntensity).toBeNull();
  });

  it('throws a 404 problem naming the closest ids first', () => {
    const err = thrownBy(() => describeRegion(tables, 'aws:us-east-2'));
    expect(err.code).toBe('unknown_region');
    expect(err.candidates[0]).toBe('aws:us-east-1');
    expect(err.errors).toEqual([expect.objectContaining({ path: 'id', code: 'unknown_region' })]);
  });

  it('returns every intensity of a zone with exactly the sources they cite', () => {
    const zone = describeZone(tables, 'de');
    expect(zone.primary.map((row) => row.year)).toEqual([2023, 2024]);
    expect(zone.alternates).toHaveLength(1);
    expect(ids(zone.sources)).toEqual(['em-yearly', 'ember']);
    expect(describeZone(tables, 'us-mida-pjm').id).toBe('US-MIDA-PJM');
    expect(thrownBy(() => describeZone(tables, 'XX')).code).toBe('unknown_zone');
  });
});

describe('searchHardware', () => {
  const page = { limit: 50, offset: 0 };

  it('returns only the kind asked, best match first', () => {
    const result = searchHardware(tables, { ...page, kind: 'gpus', q: 'H100' });
    expect(Object.keys(result)).toEqual(['gpus']);
    expect(ids(result.gpus?.items ?? [])).toEqual(['nvidia-h100-sxm', 'nvidia-h100-pcie']);
  });

  it('matches every word of the query, normalised', () => {
    expect(
      ids(searchHardware(tables, { ...page, kind: 'cpus', q: 'EPYC-9654' }).cpus?.items ?? []),
    ).toEqual(['amd-epyc-9654']);
    expect(searchHardware(tables, { ...page, kind: 'gpus', q: 'h100 a100' }).gpus?.total).toBe(0);
  });

  it('pages with limit and offset and reports the total', () => {
    const first = searchHardware(tables, { kind: 'cpus', limit: 50, offset: 0 }).cpus;
    const last = searchHardware(tables, { kind: 'cpus', limit: 50, offset: 100 }).cpus;
    expect(first).toMatchObject({ count: 50, total: 121 });
    expect(last).toMatchObject({ count: 21, total: 121 });
    expect(ids(first?.items ?? []).some((id) => ids(last?.items ?? []).includes(id))).toBe(false);
  });

  it('filters instances by provider and finds them by their GPU', () => {
    expect(
      ids(
        searchHardware(tables, { ...page, kind: 'instances', provider: 'AWS' }).instances?.items ??
          [],
      ),
    ).toEqual(['aws:p5.48xlarge', 'aws:m5.large']);
    expect(ids(searchHardware(tables, { ...page, q: 'h100 sxm' }).instances?.items ?? [])).toEqual([
      'aws:p5.48xlarge',
    ]);
  });
});

describe('listSources / countTables', () => {
  it('drops build-only fields and counts every table', () => {
    expect(Object.keys(listSources(tables)[0] ?? {}).sort()).toEqual([
      'attribution',
      'id',
      'licence',
      'publisher',
      'title',
      'url',
      'year',
    ]);
    expect(countTables(tables)).toEqual({
      sources: 3,
      regions: 4,
      zones: 3,
      gpus: 3,
      cpus: 121,
      instances: 3,
    });
  });
});

describe('listModels', () => {
  it('lists and searches LLMs, and is empty without AI tables', () => {
    expect(ids(listModels(fixtureTablesWithAi, undefined))).toEqual([
      'llama-3-1-70b-instruct',
      'llama-3-1-8b-instruct',
      'mixtral-8x7b',
    ]);
    expect(ids(listModels(fixtureTablesWithAi, 'llama-3.1-8b'))).toEqual(['llama-3-1-8b-instruct']);
    expect(listModels(tables, undefined)).toEqual([]);
    expect(countTables(fixtureTablesWithAi)).toMatchObject({ models: 3 });
  });
});
