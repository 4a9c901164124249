// Zod schemas of the workload (request) and the estimate (result): the only source of domain types.
import { z } from 'zod';
import { hourOfYear } from './hourly.ts';
import { WeightPrecision } from './table-fields.ts';

export { WeightPrecision };

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

// Field descriptions (`.describe`) flow into the OpenAPI document and /docs.
export const GpuInput = z
  .object({
    model: z
      .string()
      .min(1)
      .max(200)
      .describe(
        'Accelerator id or name from /v1/hardware?kind=gpus, e.g. `H100 SXM`, `nvidia-a100-sxm4`. A bare `v100` or `p100` is the SXM2 module (300 W); add `pcie` for the card (`p100 pcie`, 250 W).',
      ),
    count: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe(
        "Devices, a whole number. Required except for inference, where it follows from the model's memory.",
      ),
    utilization: share
      .optional()
      .describe(
        'Average utilisation 0–1 (idle + (rated − idle) × utilisation). Default: the published measured average where there is one (TPU v2 221 W, v3 283 W, v4 170 W; Patterson 2021, Google), else 0.8 of rated power, as measured runs average; range from 29.4 % of rated power (lowest busy draw in ML.ENERGY v3) to 100 %.',
      ),
    maxPowerW: z
      .number()
      .finite()
      .positive()
      .max(10_000)
      .optional()
      .describe(
        "Overrides the device's rated board power (W); the utilisation model still applies (without `utilization`: 0.8 of this rating, not a published measured average).",
      ),
    powerW: nonNegative
      .max(10_000)
      .optional()
      .describe('Known average draw per device over the run (W): used as is, ±5 %.'),
  })
  .strict();

export const CpuInput = z
  .object({
    model: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('CPU name from /v1/hardware?kind=cpus, e.g. `AMD EPYC 9654`.'),
    threads: z
      .number()
      .finite()
      .positive()
      .max(10_000_000)
      .optional()
      .describe('Hardware threads (vCPUs) the workload uses.'),
    utilization: share
      .optional()
      .describe(
        'Average CPU utilisation 0–1 on the SPECpower load curve. Default: the cloud average (50 %).',
      ),
    tdpW: z
      .number()
      .finite()
      .positive()
      .max(5_000)
      .optional()
      .describe('TDP per chip (W); without a model, the TDP of all the threads used.'),
    powerW: nonNegative
      .max(10_000_000)
      .optional()
      .describe('Known average draw of all the threads used (W): used as is.'),
  })
  .strict();

export const InstanceInput = z
  .object({
    type: z
      .string()
      .min(1)
      .max(200)
      .describe(
        'Cloud instance type `provider:type`, e.g. `aws:p5.48xlarge`, from /v1/hardware?kind=instances.',
      ),
    count: z
      .number()
      .finite()
      .positive()
      .max(1_000_000)
      .default(1)
      // An autoscaled fleet's average size is fractional (instance-hours ÷ hours).
      .describe(
        'Instances (default 1); may be an average over the run, e.g. 12.5 for an autoscaled fleet.',
      ),
  })
  .strict();

export const StorageInput = z
  .object({
    ssdTb: nonNegative.max(1_000_000).optional().describe('SSD capacity provisioned (TB).'),
    hddTb: nonNegative.max(1_000_000).optional().describe('HDD capacity provisioned (TB).'),
    replication: z
      .number()
      .finite()
      .min(1)
      .max(100)
      .optional()
      .describe('Copies kept (default 1).'),
  })
  .strict();

export const FunctionalUnitInput = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .describe('What one unit is, e.g. `request`, `transaction`, `image`.'),
    // At least 1e-6, so the figures per unit stay finite.
    count: z
      .number()
      .finite()
      .min(1e-6)
      .describe('Units served by the workload; SCI = emissions per unit.'),
  })
  .strict();

const count = z.number().finite().positive();

export const TrainingInput = z
  .object({
    task: z.literal('training'),
    parameters: count.max(1e14).describe('Total parameters N.'),
    tokens: count.max(1e17).describe('Training tokens D; FLOPs ≈ 6·N·D.'),
    activeParameters: count
      .max(1e14)
      .optional()
      .describe('Parameters active per token (mixture of experts); default = parameters.'),
    mfu: z
      .number()
      .finite()
      .gt(0)
      .max(1)
      .optional()
      .describe(
        'Model FLOPs utilisation 0–1 while training steadily; default: the median of published runs at that precision (FP8 against the FP8 peak). The whole-run overhead (restarts, evaluation, checkpointing) multiplies the hours either way; give durationHours to bill measured hours.',
      ),
    precision: z
      .enum(['bf16', 'fp16', 'fp8', 'tf32', 'fp32'])
      .optional()
      .describe('Training precision; default bf16.'),
  })
  .strict();

export const InferenceInput = z
  .object({
    task: z.literal('inference'),
    model: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Model id or name from /v1/models (e.g. `llama-3.1-8b`); or give `parameters`.'),
    parameters: count
      .max(1e14)
      .optional()
      .describe('Total parameters, when the model is not in /v1/models.'),
    activeParameters: count
      .max(1e14)
      .optional()
      .describe('Parameters active per token (mixture of experts).'),
    inputTokens: nonNegative
      .max(1e18)
      .optional()
      .describe('Prompt tokens over the whole workload.'),
    outputTokens: nonNegative
      .max(1e18)
      .optional()
      .describe('Generated tokens over the whole workload.'),
    requests: z
      .number()
      .finite()
      .min(1)
      .max(1e15)
      .optional()
      .describe(
        'Requests served (default tokens per request apply when token counts are missing).',
      ),
    batchSize: z
      .number()
      .finite()
      .min(1)
      .max(4096)
      .optional()
      .describe('Concurrent sequences per model replica (serving batch); default 64.'),
    precision: WeightPrecision.optional().describe(
      "Precision of the served weights (`bf16`, `fp8`, `mxfp4`, `int4`…); default: the checkpoint's own (gpt-oss MXFP4, `-FP8` models FP8, else 16-bit). Sets the memory, so the GPU count, and the bytes read per token.",
    ),
  })
  .strict();

/** MoE: active parameters cannot exceed the total. */
function checkActive(
  ai: { parameters?: number | undefined; activeParameters?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (
    ai.parameters !== undefined &&
    ai.activeParameters !== undefined &&
    ai.activeParameters > ai.parameters
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['activeParameters'],
      message: `expected activeParameters ≤ parameters (${ai.parameters}), got ${ai.activeParameters}`,
    });
  }
}

export const AiInput = z
  .discriminatedUnion('task', [TrainingInput, InferenceInput])
  .superRefine(checkActive);
export type AiInput = z.infer<typeof AiInput>;

export const Workload = z
  .object({
    location: z
      .string()
      .min(1)
      .max(100)
      .describe(
        'Region id (`aws:us-east-1`), ISO country code (`FR`) or grid zone (`US-CAL-CISO`).',
      ),
    durationHours: nonNegative
      .max(100_000_000)
      .optional()
      .describe('Hours the workload runs; optional when an `ai` shape derives it.'),
    instance: InstanceInput.optional(),
    gpu: GpuInput.optional(),
    cpu: CpuInput.optional(),
    memoryGb: nonNegative
      .max(100_000_000)
      .optional()
      .describe("Memory (GB); default: the instance type's."),
    storage: StorageInput.optional(),
    networkGb: nonNegative.max(1e12).optional().describe('Data transferred (GB).'),
    pue: z
      .number()
      .finite()
      .min(1)
      .max(3)
      .optional()
      .describe(
        "Power usage effectiveness; default: the region's, else the provider's fleet figure, else the industry average. GPU/TPU workloads at a grid zone or country: the public-cloud average 1.25 (IDC 2024; range 1.08 best hyperscale fleet – 1.63 on-premises).",
      ),
    gridIntensity: nonNegative
      .max(3_000)
      .optional()
      .describe("Grid carbon intensity (gCO2e/kWh); overrides the location's."),
    year: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe(
        'Year of the grid figures; default: with `start` the year it falls in, else the latest published (a year without figures takes the nearest published).',
      ),
    renewableShare: share
      .optional()
      .describe('Contracted renewable share 0–1 for market-based emissions.'),
    functionalUnit: FunctionalUnitInput.optional(),
    embodied: z
      .boolean()
      .optional()
      .describe('Include embodied (manufacturing) emissions; default true.'),
    start: z
      .string()
      .max(40)
      .refine(isIsoDateTime, {
        message: 'expected an ISO 8601 date-time with offset, e.g. 2026-06-01T09:00:00Z',
      })
      .optional()
      .describe(
        "When the run starts (ISO 8601 with offset): operational emissions then follow the zone's hourly shape over the run's hours, scaled to the annual average of `year` (default the start's), so a whole year equals the annual figure.",
      ),
    ai: AiInput.optional().describe(
      'AI workload shape: training by model size × tokens, or inference by tokens.',
    ),
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

/** kgCO2e of one estimate: `total` is location-based operational + embodied. */
export const EmissionsSummary = z.object({
  total: z.number(),
  low: z.number(),
  high: z.number(),
  location: z.number(),
  market: z.number(),
  embodied: z.number(),
});
export type EmissionsSummary = z.infer<typeof EmissionsSummary>;

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

/** With `start`: the hourly shape and the annual level the run's intensity rests on. */
export const ResolvedHourly = z
  .object({
    shape: z
      .object({
        year: z.number().int(),
        source: z.string(),
        /** Mean of the shape year's hours as stored, gCO2e/kWh (the divisor of the scaling). */
        meanGCo2ePerKwh: z.number(),
        estimated: z.boolean().nullable(),
      })
      .describe(
        "The zone's hourly series of its latest year with hourly data: only its shape is used.",
      ),
    level: z
      .object({
        year: z.number().int(),
        source: z.string(),
        gCo2ePerKwh: z.number(),
      })
      .describe(
        "The annual average the shape is scaled to: that of the workload's `year`, else of the year the run starts in (the nearest published year when there is none).",
      ),
    runFactor: z
      .number()
      .describe(
        "Mean of the shape over the run's hours ÷ its mean over the year: intensityGCo2ePerKwh = level × runFactor.",
      ),
  })
  .describe(
    "How a run with `start` got its intensity: the hourly shape of one year scaled to another year's annual average; null without `start`, without hourly data or with gridIntensity.",
  );
export type ResolvedHourly = z.infer<typeof ResolvedHourly>;

export const ResolvedLocation = z.object({
  input: z.string(),
  kind: z.enum(['region', 'zone', 'country']),
  regionId: z.string().nullable(),
  name: z.string(),
  zone: z.string().nullable(),
  countryIso2: z.string().nullable(),
  /** Over the run's hours with `start` and hourly data: level × runFactor; else the annual average. */
  intensityGCo2ePerKwh: z.number(),
  /** Year and source of the annual figure (with `start`: of the level; hourly.shape names the shape's). */
  year: z.number().int().nullable(),
  basis: z.string(),
  source: z.string(),
  hourly: ResolvedHourly.nullable(),
});

export const ResolvedDevice = z.object({
  id: z.string().nullable(),
  name: z.string(),
  count: z.number(),
  /** Utilisation the draw was worked out at (given, or the default); null when the draw does not follow from one (a measured draw, or the GPU's typical share of rated power). */
  utilization: z.number().nullable(),
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
  /** Inference: model replicas serving in parallel, output tokens per second of them all, and hours the GPUs are busy (the rest of a provisioned service's hours they idle). */
  replicas: z.number().nullable(),
  outputTokensPerS: z.number().nullable(),
  busyHours: z.number().nullable(),
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
  emissionsKgCo2e: EmissionsSummary.extend({
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
  // Shared by every estimate of the workload's shape and frozen (core/plan.ts): copy to change.
  assumptions: z.array(z.string()).readonly(),
  factors: z.array(Factor).readonly(),
  sources: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        licence: z.string(),
        year: z.number(),
        url: z.string(),
      }),
    )
    .readonly(),
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
