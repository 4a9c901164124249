// Valid workloads built from the real tables (regions, zones, GPUs, CPUs, instances, LLMs, presets),
// values anywhere in their documented ranges: every answer holds finite, non-negative energy and
// emissions with low ≤ total ≤ high, or is a refusal by core (422 naming a core code), never 5xx.
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { BatchResult, CompareResult, SuggestResult } from '../../src/core/decision-schemas.ts';
import { ERROR_CODES } from '../../src/core/errors.ts';
import { EstimateResult } from '../../src/core/schemas.ts';
import { tables, estimator } from '../../src/data/index.ts';

const app = createApp({ estimator });
const ids = <T extends { id: string }>(rows: Iterable<T>) => [...rows].map((r) => r.id);

const regions = [...tables.regions.keys()];
const zones = [...tables.zones.keys()];
const gpus = [...tables.accelerators.values()];
const trainable = gpus.filter((g) => Object.values(g.peakDenseTflops).some((v) => v !== null));
const gpuNames = gpus.flatMap((g) => [g.id, g.name, ...g.aliases]);
const cpus = ids(tables.cpus.values());
const instances = ids(tables.instances.values());
const models = ids(tables.ai.llmModels.values());
const presets = [...(tables.presets?.keys() ?? [])];

const share = fc.double({ min: 0, max: 1, noNaN: true });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const location = fc.oneof(
  { arbitrary: fc.constantFrom(...regions), weight: 3 },
  fc.constantFrom(...zones),
);
const hours = fc.oneof(
  fc.double({ min: 0, max: 100_000_000, noNaN: true }),
  fc.double({ min: 0.01, max: 10_000, noNaN: true }),
);
const start = fc
  .date({
    min: new Date('2015-01-01T00:00:00Z'),
    max: new Date('2030-12-31T23:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

/** Optional fields any workload may carry, within the schema's bounds. */
const extras = fc.record(
  {
    memoryGb: opt(fc.double({ min: 0, max: 100_000_000, noNaN: true })),
    storage: opt(
      fc.record({
        ssdTb: opt(fc.double({ min: 0, max: 1_000_000, noNaN: true })),
        hddTb: opt(fc.double({ min: 0, max: 1_000_000, noNaN: true })),
        replication: opt(fc.double({ min: 1, max: 100, noNaN: true })),
      }),
    ),
    networkGb: opt(fc.double({ min: 0, max: 1e12, noNaN: true })),
    pue: opt(fc.double({ min: 1, max: 3, noNaN: true })),
    gridIntensity: opt(fc.double({ min: 0, max: 3_000, noNaN: true })),
    year: opt(fc.integer({ min: 2000, max: 2100 })),
    renewableShare: opt(share),
    functionalUnit: opt(
      fc.record({
        name: fc.constantFrom('request', 'job', 'user'),
        count: fc.oneof(
          fc.double({ min: 1e-6, max: 1e15, noNaN: true }),
          fc.integer({ min: 1, max: 1e9 }),
        ),
      }),
    ),
    embodied: opt(fc.boolean()),
    start: opt(start),
  },
  { requiredKeys: [] },
);

const gpu = fc.record(
  {
    model: fc.constantFrom(...gpuNames),
    count: fc.integer({ min: 1, max: 100_000 }),
    utilization: opt(share),
    powerW: opt(fc.double({ min: 0, max: 10_000, noNaN: true })),
  },
  { requiredKeys: ['model', 'count'] },
);
const cpu = fc.record(
  {
    model: opt(fc.constantFrom(...cpus)),
    threads: fc.double({ min: 0.5, max: 10_000_000, noNaN: true }),
    utilization: opt(share),
  },
  { requiredKeys: ['threads'] },
);

const shapes = {
  hardware: fc.record({ location, durationHours: hours, gpu: opt(gpu), cpu }),
  instance: fc.record({
    location,
    durationHours: hours,
    instance: fc.record({
      type: fc.constantFrom(...instances),
      count: fc.integer({ min: 1, max: 1_000_000 }),
    }),
  }),
  training: fc.record({
    location,
    gpu: fc.record({
      model: fc.constantFrom(...ids(trainable)),
      count: fc.integer({ min: 1, max: 100_000 }),
    }),
    ai: fc.record(
      {
        task: fc.constant('training'),
        parameters: fc.double({ min: 1e6, max: 1e14, noNaN: true }),
        tokens: fc.double({ min: 1e6, max: 1e17, noNaN: true }),
        mfu: opt(fc.double({ min: 0.01, max: 1, noNaN: true })),
      },
      { requiredKeys: ['task', 'parameters', 'tokens'] },
    ),
  }),
  inference: fc.record({
    location,
    gpu: fc.record({ model: fc.constantFrom('H100', 'A100 SXM4 80GB', 'L4', ...ids(trainable)) }),
    ai: fc.record(
      {
        task: fc.constant('inference'),
        model: fc.constantFrom(...models),
        requests: opt(
          fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 1, max: 1e15, noNaN: true })),
        ),
        outputTokens: opt(fc.double({ min: 0, max: 1e18, noNaN: true })),
        inputTokens: opt(fc.double({ min: 0, max: 1e18, noNaN: true })),
        batchSize: opt(fc.double({ min: 1, max: 4096, noNaN: true })),
      },
      { requiredKeys: ['task', 'model'] },
    ),
  }),
  preset: fc.record(
    {
      preset: fc.constantFrom(...presets),
      location: opt(location),
      durationHours: opt(fc.double({ min: 0, max: 100_000, noNaN: true })),
    },
    { requiredKeys: ['preset'] },
  ),
};

/** A valid workload of any shape (undefined keys dropped, as JSON would). */
export const validWorkload = fc
  .tuple(
    fc.oneof(shapes.hardware, shapes.instance, shapes.training, shapes.inference, shapes.preset),
    extras,
  )
  .map(
    ([shape, more]) =>
      JSON.parse(JSON.stringify({ ...shape, ...('preset' in shape ? {} : more) })) as Record<
        string,
        unknown
      >,
  );

type Emissions = { total: number; low: number; high: number };
const TOLERANCE = 1e-9;

function checkRange(r: Emissions, where: string): void {
  for (const v of [r.total, r.low, r.high]) {
    expect(Number.isFinite(v), where).toBe(true);
    expect(v, where).toBeGreaterThanOrEqual(0);
  }
  expect(r.low, where).toBeLessThanOrEqual(r.total * (1 + TOLERANCE));
  expect(r.total, where).toBeLessThanOrEqual(r.high * (1 + TOLERANCE));
}

/** Every number finite (JSON would carry Infinity as null, which the schemas refuse). */
function checkFinite(value: unknown, where: string): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') expect(Number.isFinite(v), where).toBe(true);
    else if (typeof v === 'object' && v !== null) stack.push(...Object.values(v));
  }
}

function checkEstimate(result: EstimateResult, where: string): void {
  checkFinite(result, where);
  checkRange(result.energyKwh, `${where} energyKwh`);
  checkRange(result.emissionsKgCo2e, `${where} emissionsKgCo2e`);
  const { location, market, embodied } = result.emissionsKgCo2e;
  for (const v of [
    location,
    market,
    embodied,
    result.waterL ?? 0,
    ...Object.values(result.energyKwh.byComponent),
    ...Object.values(result.emissionsKgCo2e.byComponent),
  ]) {
    expect(v, where).toBeGreaterThanOrEqual(0);
  }
}

const tally = { answered: 0, refused: new Map<string, number>() };

async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown; where: string }> {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: JSON.parse(text),
    where: `${JSON.stringify(body).slice(0, 600)}\n-> ${res.status} ${text.slice(0, 600)}`,
  };
}

/** 200, or a 422 whose code is core's (a valid workload core cannot estimate, said so). */
function answeredOrRefusedByCore(status: number, json: unknown, where: string): boolean {
  if (status === 200) {
    tally.answered++;
    return true;
  }
  expect(status, where).toBe(422);
  const code = (json as { errors: { code: string }[] }).errors[0]?.code ?? '';
  expect(ERROR_CODES as readonly string[], where).toContain(code);
  tally.refused.set(code, (tally.refused.get(code) ?? 0) + 1);
  return false;
}

describe('fuzz: valid workloads from the real tables', () => {
  afterAll(() => {
    // Most valid workloads are estimated; refusals are the documented core ones (seen in the log).
    expect(tally.answered, JSON.stringify([...tally.refused])).toBeGreaterThan(
      0.6 * (tally.answered + [...tally.refused.values()].reduce((a, b) => a + b, 0)),
    );
  });

  test.prop([validWorkload], { numRuns: 1_500 })(
    '/v1/estimate: 1,500 valid workloads -> finite, non-negative, low ≤ total ≤ high',
    async (w) => {
      const { status, json, where } = await post('/v1/estimate', w);
      if (answeredOrRefusedByCore(status, json, where))
        checkEstimate(EstimateResult.parse(json), where);
    },
  );

  test.prop([fc.array(validWorkload, { minLength: 1, maxLength: 100 })], { numRuns: 20 })(
    '/v1/batch: 20 batches of up to 100 valid workloads -> each ok or refused by core, in order',
    async (workloads) => {
      const { status, json, where } = await post('/v1/batch', { workloads });
      expect(status, where).toBe(200);
      const { results, provenance } = BatchResult.parse(json);
      expect(results).toHaveLength(workloads.length);
      results.forEach((item, i) => {
        if (item.ok)
          checkEstimate({ ...item.result, ...provenance[item.provenance]! }, `${where} item ${i}`);
        else
          expect(ERROR_CODES as readonly string[], `${where} item ${i}`).toContain(
            item.error.errors[0]?.code,
          );
      });
    },
  );

  test.prop(
    [validWorkload, fc.constantFrom('aws', 'gcp', 'azure'), fc.constantFrom('location', 'market')],
    { numRuns: 60 },
  )(
    "/v1/compare: 60 valid workloads over a provider's regions -> every row in range",
    async (workload, provider, rankBy) => {
      const { status, json, where } = await post('/v1/compare', {
        workload,
        regions: { provider },
        rankBy,
        top: 5,
      });
      if (!answeredOrRefusedByCore(status, json, where)) return;
      const result = CompareResult.parse(json);
      checkFinite(result, where);
      for (const row of [...result.table, ...result.top]) {
        checkRange(row.emissionsKgCo2e, `${where} ${row.regionId}`);
        expect(row.energyKwh, where).toBeGreaterThanOrEqual(0);
      }
    },
  );

  test.prop([validWorkload, fc.integer({ min: 0, max: 72 })], { numRuns: 60 })(
    '/v1/suggest: 60 valid workloads with a delay -> every option in range',
    async (workload, delayHours) => {
      const { status, json, where } = await post('/v1/suggest', {
        workload,
        flexibility: { delayHours },
        top: 3,
      });
      if (!answeredOrRefusedByCore(status, json, where)) return;
      const result = SuggestResult.parse(json);
      checkFinite(result, where);
      checkRange(result.asGiven.emissionsKgCo2e, `${where} asGiven`);
      for (const option of [...result.region, ...result.time, ...result.hardware])
        checkRange(option.emissionsKgCo2e, `${where} ${option.label}`);
      checkRange(result.best.emissionsKgCo2e, `${where} best`);
    },
  );
});
