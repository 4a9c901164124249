// Zod schemas of the decision requests and answers: compare, suggest, batch.
import { z } from 'zod';
import { Provider } from './tables.ts';
import { EmissionsSummary, EstimateResult, Workload } from './schemas.ts';

/** `{ preset, ...overrides }`: the overrides are validated as a Workload once merged over the preset's. */
export const PresetRequest = z
  .looseObject({ preset: z.string().min(1).max(100).describe('A preset id from /v1/presets.') })
  .describe(
    'Fields given beside `preset` are merged over its workload (objects key by key, arrays and scalars replace, null removes), then validated as a Workload.',
  );
export type PresetRequest = z.infer<typeof PresetRequest>;

/** A workload, or a preset with overrides; Workload first, as most bodies are one (its strict keys refuse `preset`). */
export const WorkloadRequest = z.union([Workload, PresetRequest]).meta({
  description:
    'A Workload, or { preset: <id from /v1/presets>, ...fields } merged over that preset (objects key by key, arrays and scalars replace, null removes); validated as a Workload after merging.',
});
export type WorkloadRequest = z.infer<typeof WorkloadRequest>;

/** Which branch of WorkloadRequest a value is read as: a `preset` key makes it a preset request. */
export function workloadRequestBranch(value: unknown): typeof Workload | typeof PresetRequest {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'preset' in value
    ? PresetRequest
    : Workload;
}

/** A WorkloadRequest inside a larger body (compare, suggest, batch), read by the route itself so its refusals say where it sits. */
export const WorkloadRequestField = z
  .looseObject({})
  .meta({ description: WorkloadRequest.meta()?.description });

/** One value or a list of them; a single value is read as a list of one. */
function oneOrMany<T extends z.ZodType>(item: T) {
  const many = z.array(item).min(1).max(50);
  // Its JSON Schema is what clients may send (a preprocess otherwise shows only the list it becomes).
  const input = { type: ['string', 'array'], anyOf: [jsonSchemaOf(item), jsonSchemaOf(many)] };
  return z
    .preprocess((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]), many)
    .meta(input);
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
}

/** Candidate regions: every filter given must match (values within one filter are alternatives). */
export const RegionFilter = z
  .object({
    provider: oneOrMany(Provider).optional(),
    country: oneOrMany(
      z.string().regex(/^[A-Za-z]{2}$/, 'expected a two-letter ISO 3166-1 country code'),
    ).optional(),
    continent: oneOrMany(z.string().min(1).max(50)).optional(),
    ids: z.array(z.string().min(1).max(100)).min(1).max(500).optional(),
  })
  .strict();
export type RegionFilter = z.infer<typeof RegionFilter>;

/** `location`: location-based operational + embodied; `market`: market-based operational + embodied. */
export const RankBy = z.enum(['location', 'market']);
export type RankBy = z.infer<typeof RankBy>;

export const CompareRequest = z
  .object({
    workload: WorkloadRequestField,
    regions: RegionFilter.optional(),
    /** Alternative GPUs (ids or names) evaluated as well, the same work at their throughput. */
    hardware: z.array(z.string().min(1).max(200)).min(1).max(20).optional(),
    /** Where savings are measured from; default the workload's own region, else the first ranked. */
    baseline: z.string().min(1).max(100).optional(),
    top: z.number().int().min(1).max(200).default(10),
    rankBy: RankBy.default('location'),
  })
  .strict();
export type CompareRequest = z.infer<typeof CompareRequest>;

export { EmissionsSummary };

export const CompareRow = z.object({
  rank: z.number().int(),
  regionId: z.string(),
  name: z.string(),
  provider: Provider,
  country: z.string().nullable(),
  continent: z.string().nullable(),
  zone: z.string().nullable(),
  /** Accelerator id of an alternative GPU; null = the workload's own hardware. */
  hardware: z.string().nullable(),
  durationHours: z.number(),
  intensityGCo2ePerKwh: z.number(),
  intensityYear: z.number().int().nullable(),
  pue: z.number(),
  carbonFreeEnergyShare: z.number(),
  energyKwh: z.number(),
  emissionsKgCo2e: EmissionsSummary,
  /** Against the baseline, in the ranking's measure; negative = more than the baseline. */
  savingKg: z.number(),
  savingPct: z.number(),
});
export type CompareRow = z.infer<typeof CompareRow>;

export const Skipped = z.object({
  regionId: z.string(),
  hardware: z.string().nullable(),
  code: z.string(),
  reason: z.string(),
});
export type Skipped = z.infer<typeof Skipped>;

export const CompareResult = z.object({
  rankBy: RankBy,
  baseline: z.object({
    location: z.string(),
    hardware: z.string().nullable(),
    /** In the ranking's measure. */
    kgCo2e: z.number(),
    emissionsKgCo2e: EmissionsSummary,
  }),
  top: z.array(CompareRow),
  table: z.array(CompareRow),
  count: z.number().int(),
  skipped: z.array(Skipped),
  assumptions: z.array(z.string()),
});
export type CompareResult = z.infer<typeof CompareResult>;

/** How far the start may move: a delay, or a deadline by which the job must have finished. */
export const Flexibility = z
  .object({
    delayHours: z.number().finite().min(0).max(8760).optional(),
    deadline: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((f) => (f.delayHours === undefined) !== (f.deadline === undefined), {
    message: 'expected exactly one of delayHours or deadline',
  });
export type Flexibility = z.infer<typeof Flexibility>;

export const SuggestRequest = z
  .object({
    workload: WorkloadRequestField,
    /** Region candidates; default: the same provider as the workload's region (all when it is a zone). */
    regions: RegionFilter.optional(),
    flexibility: Flexibility.optional(),
    rankBy: RankBy.default('location'),
    /** Options shown per kind. */
    top: z.number().int().min(1).max(50).default(5),
    /** Price of offsetting one tonne CO2e, any currency; the answer prices what is left. */
    offsetPricePerTonne: z.number().finite().positive().optional(),
  })
  .strict();
export type SuggestRequest = z.infer<typeof SuggestRequest>;

export const SuggestionKind = z.enum(['region', 'time', 'hardware']);

/** What an option changes in the workload. */
export const WorkloadChange = z.object({
  location: z.string().optional(),
  start: z.string().optional(),
  /** Pinned when a later start falls in the next year: the grid figures stay the run's year's. */
  year: z.number().int().optional(),
  gpu: z.string().optional(),
  durationHours: z.number().optional(),
});

export const Suggestion = z.object({
  kind: SuggestionKind,
  label: z.string(),
  change: WorkloadChange,
  energyKwh: z.number(),
  emissionsKgCo2e: EmissionsSummary,
  /** Against the workload as given, in the ranking's measure. */
  kgCo2eSaved: z.number(),
  pctSaved: z.number(),
  assumption: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestResult = z.object({
  rankBy: RankBy,
  asGiven: z.object({
    location: z.string(),
    energyKwh: z.number(),
    kgCo2e: z.number(),
    emissionsKgCo2e: EmissionsSummary,
  }),
  region: z.array(Suggestion),
  time: z.array(Suggestion),
  hardware: z.array(Suggestion),
  /** Best region × best time there × best hardware, estimated together. */
  best: z.object({
    change: WorkloadChange,
    energyKwh: z.number(),
    emissionsKgCo2e: EmissionsSummary,
    kgCo2eSaved: z.number(),
    pctSaved: z.number(),
    /** Emissions left after the best combined option, in the ranking's measure. */
    leftKgCo2e: z.number(),
    offsetPricePerTonne: z.number().nullable(),
    offsetCost: z.number().nullable(),
  }),
  /** Why a kind has no option (no GPU, no start, no hourly data...). */
  notes: z.array(z.string()),
  assumptions: z.array(z.string()),
});
export type SuggestResult = z.infer<typeof SuggestResult>;

/** Largest batch, in workloads (JSON items or CSV rows). */
export const MAX_BATCH_ITEMS = 10_000;

export const BatchRequest = z.object({ workloads: z.array(z.unknown()) }).strict();

export const BatchItemError = z.object({
  type: z.string(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});
export type BatchItemError = z.infer<typeof BatchItemError>;

/** One workload of a batch as estimated, with its whole result (CSV rows are written from these). */
export const BatchItem = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: EstimateResult }),
  z.object({ ok: z.literal(false), error: BatchItemError }),
]);
export type BatchItem = z.infer<typeof BatchItem>;

/** What an estimate rests on. Every estimate of one workload shape rests on the same. */
export const Provenance = EstimateResult.pick({ assumptions: true, factors: true, sources: true });
export type Provenance = z.infer<typeof Provenance>;

/** An estimate without its provenance: the figures and what was resolved for this workload. */
export const EstimateFigures = EstimateResult.omit({
  assumptions: true,
  factors: true,
  sources: true,
});

export const BatchAnswerItem = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    result: EstimateFigures,
    provenance: z.number().int().nonnegative().meta({
      description:
        'Index in `provenance` of the assumptions, factors and sources this result rests on.',
    }),
  }),
  z.object({ ok: z.literal(false), error: BatchItemError }),
]);
export type BatchAnswerItem = z.infer<typeof BatchAnswerItem>;

/**
 * A batch's JSON answer. Items of the same workload shape rest on the same assumptions, factors
 * and sources: they are listed once in `provenance` and each result names its entry, so a
 * 10,000-item batch does not repeat kilobytes of identical provenance per item.
 * `{ ...item.result, ...provenance[item.provenance] }` is the item's whole estimate, as /v1/estimate answers it.
 */
export const BatchResult = z.object({
  results: z.array(BatchAnswerItem),
  provenance: z
    .array(Provenance)
    .meta({ description: 'Each distinct provenance of the batch once, in order of first use.' }),
});
export type BatchResult = z.infer<typeof BatchResult>;
