// Catalogue routes over real HTTP against the real tables.
import { expect, it } from 'vitest';
import { z } from 'zod';
import { Accelerator, Cpu, GridZone, Instance, LlmModel, Region } from '../../src/core/tables.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

const RegionList = z.object({ regions: z.array(Region), count: z.number().int() });
const page = <T extends z.ZodType>(row: T) =>
  z.object({ items: z.array(row), count: z.number().int(), total: z.number().int() });
const HardwareResult = z
  .object({ gpus: page(Accelerator), cpus: page(Cpu), instances: page(Instance) })
  .partial()
  .strict();
const SourceList = z.object({
  sources: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      licence: z.string(),
      year: z.number(),
      url: z.string(),
      attribution: z.string(),
    }),
  ),
  count: z.number().int(),
});

describeApi('catalogue routes', apiTargets(), (api) => {
  async function json<T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> {
    const res = await api.get(path);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return schema.parse(JSON.parse(text));
  }

  it('GET /v1/regions lists every provider', async () => {
    const { regions, count } = await json('/v1/regions', RegionList);
    expect(count).toBe(regions.length);
    expect(new Set(regions.map((r) => r.provider))).toEqual(new Set(['aws', 'gcp', 'azure']));
  });

  it('GET /v1/regions?provider=gcp returns only GCP regions', async () => {
    const { regions } = await json('/v1/regions?provider=gcp', RegionList);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.provider === 'gcp')).toBe(true);
  });

  it('GET /v1/regions?country=de filters by country, case-insensitively', async () => {
    const { regions } = await json('/v1/regions?country=de', RegionList);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.countryIso2 === 'DE')).toBe(true);
    const upper = await json('/v1/regions?country=DE', RegionList);
    expect(upper.regions.map((r) => r.id)).toEqual(regions.map((r) => r.id));
  });

  it('GET /v1/regions?q= searches ids and names', async () => {
    const { regions } = await json('/v1/regions?provider=aws&q=us-east-1', RegionList);
    expect(regions[0]?.id).toBe('aws:us-east-1');
  });

  for (const path of [
    '/v1/regions/aws:us-east-1',
    '/v1/regions/aws%3Aus-east-1',
    '/v1/regions/AWS:US-EAST-1',
  ]) {
    it(`GET ${path} returns the region and its zone's latest intensity`, async () => {
      const View = Region.extend({
        latestIntensity: z.object({
          zone: z.string(),
          year: z.number().int(),
          intensityGCo2ePerKwh: z.number().positive(),
          source: z.string(),
        }),
      });
      const region = await json(path, View);
      expect(region.id).toBe('aws:us-east-1');
      expect(region.countryIso2).toBe('US');
      expect(region.latestIntensity.zone).toBe(region.gridZone);
    });
  }

  it('GET /v1/regions/aws:nope is a 404 problem with the closest ids', async () => {
    const problem = await expectProblem(await api.get('/v1/regions/aws:nope'), 404);
    expect(problem.type).toBe('https://gridshift.dev/problems/unknown-region');
    expect(problem.errors[0]?.path).toBe('id');
    expect(problem.candidates?.length).toBeGreaterThan(0);
    for (const id of problem.candidates ?? []) expect(id).toMatch(/^aws:/);
  });

  it('GET /v1/regions/aws:us-east-9 suggests aws:us-east-1 first', async () => {
    const problem = await expectProblem(await api.get('/v1/regions/aws:us-east-9'), 404);
    expect(problem.candidates?.[0]).toBe('aws:us-east-1');
  });

  it('GET /v1/hardware?q=h100 finds the H100 first', async () => {
    const result = await json('/v1/hardware?q=h100', HardwareResult);
    expect(Object.keys(result).sort()).toEqual(['cpus', 'gpus', 'instances']);
    const gpus = result.gpus?.items ?? [];
    expect(gpus.length).toBeGreaterThan(0);
    expect(gpus[0]?.name).toMatch(/H100/);
    expect(gpus.every((g) => /h100/i.test([g.id, g.name, ...g.aliases].join(' ')))).toBe(true);
  });

  it('GET /v1/hardware?kind=cpus&q=epyc 9654 finds the EPYC 9654 and nothing else kind-wise', async () => {
    const result = await json('/v1/hardware?kind=cpus&q=epyc%209654', HardwareResult);
    expect(Object.keys(result)).toEqual(['cpus']);
    expect(result.cpus?.items[0]?.name).toMatch(/EPYC 9654/i);
  });

  it('GET /v1/hardware?kind=cpus pages with limit and offset', async () => {
    const first = await json('/v1/hardware?kind=cpus', HardwareResult);
    expect(first.cpus?.count).toBe(50);
    expect(first.cpus?.total).toBeGreaterThan(1000);
    const second = await json('/v1/hardware?kind=cpus&limit=10&offset=45', HardwareResult);
    expect(second.cpus?.items.slice(0, 5)).toEqual(first.cpus?.items.slice(45, 50));
    const max = await json('/v1/hardware?kind=cpus&limit=500', HardwareResult);
    expect(max.cpus?.count).toBe(500);
  });

  it('GET /v1/hardware?kind=instances&provider=aws returns only AWS instances', async () => {
    const result = await json('/v1/hardware?kind=instances&provider=aws&limit=500', HardwareResult);
    expect(result.instances?.count).toBeGreaterThan(0);
    expect(result.instances?.items.every((i) => i.provider === 'aws')).toBe(true);
  });

  for (const id of ['DE', 'US-CAL-CISO']) {
    it(`GET /v1/zones/${id} returns every annual intensity with its sources`, async () => {
      const View = GridZone.extend({ sources: SourceList.shape.sources });
      const zone = await json(`/v1/zones/${id}`, View);
      expect(zone.id).toBe(id);
      const used = new Set([...zone.primary, ...zone.alternates].map((row) => row.source));
      expect(new Set(zone.sources.map((s) => s.id))).toEqual(used);
    });
  }

  it('GET /v1/zones/US-CAL is a 404 problem naming the Californian zones', async () => {
    const problem = await expectProblem(await api.get('/v1/zones/US-CAL'), 404);
    expect(problem.type).toBe('https://gridshift.dev/problems/unknown-zone');
    expect(problem.candidates).toContain('US-CAL-CISO');
  });

  it('GET /v1/sources lists Electricity Maps under ODbL', async () => {
    const { sources, count } = await json('/v1/sources', SourceList);
    expect(count).toBe(sources.length);
    const em = sources.find((s) => /^electricity ?maps/i.test(s.title));
    expect(em?.licence).toMatch(/ODbL/);
    expect(em?.attribution).toMatch(/Electricity ?Maps/i);
    for (const source of sources) expect(source.url, source.id).toMatch(/^https?:\/\//);
  });

  it('GET /v1/models lists the LLMs the inference estimate knows', async () => {
    const { models, count } = await json(
      '/v1/models',
      z.object({ models: z.array(LlmModel), count: z.number().int() }),
    );
    expect(count).toBe(models.length);
    const first = models[0];
    if (first) {
      const found = await json(
        `/v1/models?q=${encodeURIComponent(first.name)}`,
        z.object({ models: z.array(LlmModel) }),
      );
      expect(found.models[0]?.id).toBe(first.id);
    }
  });

  it('GET /health reports ok, the methodology version and non-empty tables', async () => {
    const health = await json(
      '/health',
      z.object({
        status: z.literal('ok'),
        methodologyVersion: z.string(),
        tables: z.record(z.string(), z.number().int().positive()),
      }),
    );
    expect(Object.keys(health.tables)).toEqual(
      expect.arrayContaining(['cpus', 'gpus', 'instances', 'regions', 'sources', 'zones']),
    );
  });

  it('HEAD /health answers like GET without a body', async () => {
    const res = await api.fetch('/health', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});
