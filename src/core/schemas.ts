// Zod schemas of the workload (request) and the estimate (result): the only source of domain types.
import { z } from 'zod';
import { hourOfYear } from './hourly.ts';

function isIsoDateTime(v: string): boolean {
  try {
    hourOfYear(v);
    return true;
  } catch {
    return false;
  }
}

const nonNegative = z.number().finite().nonnegative();
const share = z.number().finite().min(0).max(1);

export const GpuInput = z
  .object({
    model: z.string().min(1).max(200),
    /** Devices; required except for inference, where it follows from the model's memory. */
    count: z.number().finite().positive().max(1_000_000).optional(),
    /** Average utilisation 0–1; default 1 (published runs mostly quote TDP × hours). */
    utilization: share.optional(),
    /** Overrides the rated board power; the load curve still applies. */
    maxPowerW: z.number().finite().positive().max(10_000).optional(),
    /** Known average draw per device over the run: used as is, no load curve. */
    powerW: nonNegative.max(10_000).optional(),
  })
  .strict();

export const CpuInput = z
  .object({
    model: z.string().min(1).max(200).optional(),
    /** Hardware threads (vCPUs) used by the workload. */
    threads: z.number().finite().positive().max(10_000_000).optional(),
    utilization: share.optional(),
    tdpW: z.number().finite().positive().max(5_000).optional(),
    /** Known average draw of all the threads used, in watts: used as is. */
    powerW: nonNegative.max(10_000_000).optional(),
  })
  .strict();

export const InstanceInput = z
  .object({
    type: z.string().min(1).max(200),
    count: z.number().finite().positive().max(1_000_000).default(1),
  })
  .strict();

export const StorageInput = z
  .object({
    ssdTb: nonNegative.max(1_000_000).optional(),
    hddTb: nonNegative.max(1_000_000).optional(),
    replication: z.number().finite().min(1).max(100).optional(),
  })
  .strict();

export const FunctionalUnitInput = z
  .object({
    name: z.string().min(1).max(100),
    count: z.number().finite().positive(),
  })
  .strict();

const count = z.number().finite().positive();

export const TrainingInput = z
  .object({
    task: z.literal('training'),
    /** Total parameters N. */
    parameters: count.max(1e14),
    /** Training tokens D. */
    tokens: count.max(1e17),
    /** Parameters active per token (mixture of experts); default = parameters. */
    activeParameters: count.max(1e14).optional(),
    /** Model FLOPs utilisation 0–1; default from published large runs. */
    mfu: z.number().finite().gt(0).max(1).optional(),
    precision: z.enum(['bf16', 'fp16', 'fp8', 'tf32', 'fp32']).optional(),
  })
  .strict();

export const InferenceInput = z
  .object({
    task: z.literal('inference'),
    /** Model id or name from /v1/models (e.g. `llama-3.1-8b`); or give `parameters`. */
    model: z.string().min(1).max(200).optional(),
    parameters: count.max(1e14).optional(),
    activeParameters: count.max(1e14).optional(),
    /** Prompt tokens over the whole workload. */
    inputTokens: nonNegative.max(1e18).optional(),
    /** Generated tokens over the whole workload. */
    outputTokens: nonNegative.max(1e18).optional(),
    requests: count.max(1e15).optional(),
    /** Concurrent sequences per GPU group (serving batch); default 64. */
    batchSize: count.max(4096).optional(),
  })
  .strict();

/** MoE: active parameters cannot exceed the total. */
function checkActive(ai: { parameters?: number | undefined; activeParameters?: number | undefined }, ctx: z.RefinementCtx): void {
  if (ai.parameters !== undefined && ai.activeParameters !== undefined && ai.activeParameters > ai.parameters) {
    ctx.addIssue({ code: 'custom', path: ['activeParameters'], message: `expected activeParameters ≤ parameters (${ai.parameters}), got ${ai.activeParameters}` });
  }
}

export const AiInput = z.discriminatedUnion('task', [TrainingInput, InferenceInput]).superRefine(checkActive);
export type AiInput = z.infer<typeof AiInput>;

export const Workload = z
  .object({
    /** Region id (`aws:us-east-1`), ISO country code (`FR`) or grid zone (`US-CAL-CISO`). */
    location: z.string().min(1).max(100),
    durationHours: nonNegative.max(100_000_000).optional(),
    instance: InstanceInput.optional(),
    gpu: GpuInput.optional(),
    cpu: CpuInput.optional(),
    memoryGb: nonNegative.max(100_000_000).optional(),
    storage: StorageInput.optional(),
    networkGb: nonNegative.max(1e12).optional(),
    pue: z.number().finite().min(1).max(3).optional(),
    /** gCO2e/kWh; overrides the location's grid intensity. */
    gridIntensity: nonNegative.max(3_000).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    /** Contracted renewable share 0–1 for market-based emissions. */
    renewableShare: share.optional(),
    functionalUnit: FunctionalUnitInput.optional(),
    embodied: z.boolean().optional(),
    /** When the run starts (ISO 8601 with offset): operational emissions then follow the hourly grid. */
    start: z
      .string()
      .max(40)
      .refine(isIsoDateTime, { message: 'expected an ISO 8601 date-time with offset, e.g. 2026-06-01T09:00:00Z' })
      .optional(),
    /** AI workload shape: training by model size × tokens, or inference by tokens. */
    ai: AiInput.optional(),
  })
  .strict();
export type Workload = z.infer<typeof Workload>;
export type WorkloadInput = z.input<typeof Workload>;

export const Components = z.object({
  cpu: z.number(),
  gpu: z.number(),
  memory: z.number(),
  storage: z.number(),
  network: z.number(),
  overhead: z.number(),
});
export type Components = z.infer<typeof Components>;

export const Factor = z.object({
  /** Stable id of the factor, e.g. `grid_intensity`, `pue`, `gpu_max_power`. */
  id: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  /** Source id in `/v1/sources`, or `user` for a value given in the request. */
  source: z.string(),
  year: z.number().int().nullable(),
  note: z.string().optional(),
});
export type Factor = z.infer<typeof Factor>;

export const ResolvedLocation = z.object({
  input: z.string(),
  kind: z.enum(['region', 'zone', 'country']),
  regionId: z.string().nullable(),
  name: z.string(),
  zone: z.string().nullable(),
  countryIso2: z.string().nullable(),
  intensityGCo2ePerKwh: z.number(),
  year: z.number().int().nullable(),
  basis: z.string(),
  source: z.string(),
});

export const ResolvedDevice = z.object({
  id: z.string().nullable(),
  name: z.string(),
  count: z.number(),
  /** Average draw per device (GPU) or of all threads used (CPU) over the run, central value. */
  averagePowerW: z.number(),
  powerModel: z.string(),
});

export const AiResult = z.object({
  task: z.enum(['training', 'inference']),
  gpus: z.number(),
  /** Training: 6·N·D. */
  flops: z.number().nullable(),
  deviceHours: z.number().nullable(),
  wallHours: z.number().nullable(),
  mfu: z.number().nullable(),
  precision: z.string().nullable(),
  peakTflopsPerDevice: z.number().nullable(),
  /** Inference: GPU energy per output token and how it was found. */
  batchSize: z.number().nullable(),
  gpuJPerOutputToken: z.number().nullable(),
  gpuJPerInputToken: z.number().nullable(),
  basis: z.string(),
  perThousandOutputTokens: z.object({ wh: z.number(), gCo2e: z.number() }).nullable(),
  perRequest: z.object({ wh: z.number(), gCo2e: z.number() }).nullable(),
});
export type AiResult = z.infer<typeof AiResult>;

export const EstimateResult = z.object({
  methodologyVersion: z.string(),
  durationHours: z.number(),
  energyKwh: z.object({
    total: z.number(),
    low: z.number(),
    high: z.number(),
    /** IT energy by component; `overhead` is the data-centre share (PUE − 1). */
    byComponent: Components,
  }),
  emissionsKgCo2e: z.object({
    /** Location-based operational + embodied. */
    total: z.number(),
    low: z.number(),
    high: z.number(),
    location: z.number(),
    market: z.number(),
    embodied: z.number(),
    /** Location-based operational emissions by component. */
    byComponent: Components,
  }),
  sci: z
    .object({
      functionalUnit: z.string(),
      units: z.number(),
      gCo2ePerUnit: z.number(),
      whPerUnit: z.number(),
    })
    .nullable(),
  waterL: z.number().nullable(),
  ai: AiResult.nullable(),
  resolved: z.object({
    location: ResolvedLocation,
    pue: z.object({ value: z.number(), source: z.string(), year: z.number().int().nullable() }),
    instance: z
      .object({ id: z.string(), count: z.number(), vcpu: z.number(), memoryGb: z.number() })
      .nullable(),
    gpu: ResolvedDevice.nullable(),
    cpu: ResolvedDevice.nullable(),
    memoryGb: z.number(),
    water: z.object({ wueLPerKwh: z.number().nullable(), reason: z.string().nullable() }),
  }),
  assumptions: z.array(z.string()),
  factors: z.array(Factor),
  sources: z.array(
    z.object({ id: z.string(), title: z.string(), licence: z.string(), year: z.number(), url: z.string() }),
  ),
});
export type EstimateResult = z.infer<typeof EstimateResult>;

/** A named workload with its assumptions; `POST /v1/estimate` merges request fields over it. */
export const Preset = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  category: z.enum(['ai-training', 'ai-inference', 'analytics', 'service']),
  description: z.string(),
  workload: Workload,
  assumptions: z.array(z.string()).min(1),
  /** Where the numbers come from: source ids or citations. */
  references: z.array(z.string()).min(1),
});
export type Preset = z.infer<typeof Preset>;
