// Zod schemas of the data tables that core receives as arguments.
// data/build.ts validates every generated row against these; src/data types its lookups with them.
import { z } from 'zod';
import type { Preset } from './schemas.ts';
// Leaf schemas that schemas.ts and hourly.ts also use: defined apart so neither imports this file.
import { SourceId, WeightPrecision } from './table-fields.ts';

export { SourceId, WeightPrecision };

export const Source = z.object({
  id: SourceId,
  title: z.string(),
  publisher: z.string(),
  licence: z.string(),
  /** Year (or last year) of the data the source holds. */
  year: z.number().int(),
  url: z.string(),
  /** Files in data/raw/ this source was built from. */
  files: z.array(z.string()),
  attribution: z.string(),
});
export type Source = z.infer<typeof Source>;

export const IntensityBasis = z.enum(['lifecycle', 'direct']);

/** One annual average grid intensity of one zone and year from one source. */
export const AnnualIntensity = z.object({
  year: z.number().int().min(2000).max(2100),
  intensityGCo2ePerKwh: z.number().nonnegative(),
  basis: IntensityBasis,
  source: SourceId,
  /** Share of carbon-free (renewable + nuclear) electricity in the zone's mix, 0–1, where published. */
  carbonFreeShare: z.number().min(0).max(1).nullable(),
  renewableShare: z.number().min(0).max(1).nullable(),
});
export type AnnualIntensity = z.infer<typeof AnnualIntensity>;

/**
 * A grid zone: a country (id = ISO 3166-1 alpha-2, e.g. `DE`) or a sub-national Electricity Maps
 * zone (e.g. `US-CAL-CISO`). `primary` is one consistent source per zone (Electricity Maps where it
 * has the zone); `alternates` hold the other sources' figures, used only to widen the range.
 */
export const GridZone = z.object({
  id: z.string().min(2),
  name: z.string(),
  countryIso2: z.string().length(2),
  isCountry: z.boolean(),
  /** Sorted by year ascending. */
  primary: z.array(AnnualIntensity).min(1),
  alternates: z.array(AnnualIntensity),
});
export type GridZone = z.infer<typeof GridZone>;

export const Provider = z.enum(['aws', 'gcp', 'azure']);
export type Provider = z.infer<typeof Provider>;

/** A value with the year it refers to and the source it comes from. */
export const SourcedValue = z.object({
  value: z.number(),
  year: z.number().int(),
  source: SourceId,
});
export type SourcedValue = z.infer<typeof SourcedValue>;

export const Region = z.object({
  /** `provider:region`, e.g. `aws:eu-west-1`, `gcp:europe-west4`, `azure:westeurope`. */
  id: z.string().regex(/^(aws|gcp|azure):[a-z0-9-]+$/),
  provider: Provider,
  region: z.string(),
  name: z.string(),
  countryIso2: z.string().length(2).nullable(),
  continent: z.string().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  /** Grid zone id in the grid table; null when no zone is known (then no estimate is possible). */
  gridZone: z.string().nullable(),
  /** Region-specific figures where the provider publishes them; else null (provider-level PUE applies). */
  pue: SourcedValue.nullable(),
  wueLPerKwh: SourcedValue.nullable(),
  /** Provider's hourly-matched carbon-free-energy share for this region, 0–1. */
  carbonFreeEnergyShare: SourcedValue.nullable(),
  sources: z.array(SourceId),
});
export type Region = z.infer<typeof Region>;

/**
 * A cloud region outside the estimator's region table, known only to the FOCUS mapping (Oracle Cloud):
 * estimated at its grid zone, so the estimator's zone defaults (industry-average PUE) apply.
 */
export const BillingRegion = z.object({
  /** `provider:region`, e.g. `oci:us-phoenix-1`. */
  id: z.string().regex(/^oci:[a-z0-9-]+$/),
  provider: z.literal('oci'),
  region: z.string().min(1),
  /** City the region's data centres are in, as the provider documents it. */
  name: z.string().min(1),
  countryIso2: z.string().length(2),
  continent: z.string().min(1),
  /** Grid zone id in the grid table (Electricity Maps zone of the city). */
  gridZone: z.string().min(2),
  /** The document the region's location is taken from (title and year). */
  source: z.string().min(1),
});
export type BillingRegion = z.infer<typeof BillingRegion>;

export const PeakTflops = z.object({
  bf16: z.number().positive().nullable(),
  fp16: z.number().positive().nullable(),
  tf32: z.number().positive().nullable(),
  fp32: z.number().positive().nullable(),
  fp8: z.number().positive().nullable(),
  /** Dense FP4 where the vendor publishes it (Blackwell, CDNA4); null elsewhere. */
  fp4: z.number().positive().nullable(),
});

/** A rated power no vendor publishes: the central figure is `maxPowerW`; this is its range and its derivation. */
export const PowerEstimate = z
  .object({ lowW: z.number().positive(), highW: z.number().positive(), basis: z.string().min(1) })
  .refine((e) => e.lowW <= e.highW, 'lowW above highW');
export type PowerEstimate = z.infer<typeof PowerEstimate>;

export const Accelerator = z.object({
  /** Stable slug, e.g. `nvidia-h100-sxm`, `google-tpu-v4`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  vendor: z.string(),
  formFactor: z.string().nullable(),
  /** Lower-cased names that resolve to this id (`h100`, `h100 sxm5 80gb`, ...). */
  aliases: z.array(z.string()),
  memoryGb: z.number().positive().nullable(),
  /** Vendor TDP/TBP, or the central figure of a sourced estimate (then `maxPowerEstimate` is set); null = unknown. */
  maxPowerW: z.number().positive().nullable(),
  /** Set when `maxPowerW` is an estimate (no published board power): its low/high watts and basis. */
  maxPowerEstimate: PowerEstimate.nullable(),
  /** Published or modelled idle floor; null = use the default idle fraction. */
  idlePowerW: z.number().nonnegative().nullable(),
  /**
   * Measured average draw under training load where the operator published one (e.g. Google's TPU
   * system power per chip): the default draw when utilisation is not given. Absent/null = share of TDP.
   */
  typicalPower: z
    .object({ watts: z.number().positive(), basis: z.string(), source: SourceId })
    .nullable()
    .optional(),
  peakDenseTflops: PeakTflops,
  /** HBM/GDDR bandwidth per device, TB/s; null where not published. */
  memoryBandwidthTbs: z.number().positive().nullable(),
  embodiedKgCo2e: z.number().positive().nullable(),
  launchYear: z.number().int().nullable(),
  source: SourceId,
});
export type Accelerator = z.infer<typeof Accelerator>;

export const Cpu = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  aliases: z.array(z.string()),
  tdpW: z.number().positive(),
  cores: z.number().int().positive().nullable(),
  threads: z.number().int().positive().nullable(),
  /** Where the thread count comes from (the row's `source` is the TDP's); absent in hand-made tables. */
  threadsSource: SourceId.nullable().optional(),
  source: SourceId,
});
export type Cpu = z.infer<typeof Cpu>;

export const Instance = z.object({
  /** `provider:type`, e.g. `aws:p5.48xlarge`. */
  id: z.string(),
  provider: z.string(),
  type: z.string(),
  vcpu: z.number().positive(),
  memoryGb: z.number().nonnegative(),
  cpuName: z.string().nullable(),
  /** Per-vCPU power of the host CPU's microarchitecture (CCF coefficients, from SPECpower). */
  minWattsPerVcpu: z.number().nonnegative(),
  maxWattsPerVcpu: z.number().positive(),
  gpu: z.string().nullable(),
  gpuCount: z.number().nonnegative(),
  localSsdTb: z.number().nonnegative(),
  /** Embodied kgCO2e of the share of the platform this instance occupies, whole lifetime. */
  embodiedKgCo2e: z.number().nonnegative().nullable(),
  source: SourceId,
});
export type Instance = z.infer<typeof Instance>;

export const PueEntry = z.object({
  /** `industry`, or a provider id (`aws`, `gcp`, `azure`). */
  entity: z.string(),
  year: z.number().int(),
  pue: z.number().min(1).nullable(),
  wueLPerKwh: z.number().nonnegative().nullable(),
  source: SourceId,
});
export type PueEntry = z.infer<typeof PueEntry>;

/** A model constant with its unit, source, year and relative uncertainty (1 sigma-ish, for ranges). */
export const Coefficient = z.object({
  value: z.number(),
  unit: z.string(),
  source: SourceId,
  year: z.number().int(),
  relUncertainty: z.number().min(0).max(5),
  note: z.string(),
});
export type Coefficient = z.infer<typeof Coefficient>;

export const LoadCurvePoint = z.object({
  utilization: z.number().min(0).max(1),
  fractionOfTdp: z.number().min(0).max(2),
});

export const Coefficients = z.object({
  memoryWPerGb: Coefficient,
  ssdWhPerTbH: Coefficient,
  hddWhPerTbH: Coefficient,
  networkKwhPerGb: Coefficient,
  gpuIdleFraction: Coefficient,
  /** Average GPU draw as a share of rated power when utilisation is not given (measured runs). */
  gpuDefaultPowerFraction: Coefficient,
  /** Lowest measured average draw of a busy accelerator as a share of rated power: the default draw's low bound. */
  gpuMinPowerFraction: Coefficient.optional(),
  defaultCpuWattsPerVcpuMin: Coefficient,
  defaultCpuWattsPerVcpuMax: Coefficient,
  /** Average utilisation of cloud servers, used when a workload gives none (CCF: 50 %). */
  defaultCpuUtilization: Coefficient,
  embodiedServerBaseKg: Coefficient,
  embodiedPerGpuKg: Coefficient,
  embodiedPerGbMemoryKg: Coefficient,
  embodiedPerTbSsdKg: Coefficient,
  embodiedPerTbHddKg: Coefficient,
  embodiedPerCpuKg: Coefficient,
  lifetimeYears: Coefficient,
  /** Threads of the reference server the base embodied figure is shared over. */
  referenceServerThreads: Coefficient,
  cpuLoadCurve: z.object({
    points: z.array(LoadCurvePoint).min(2),
    source: SourceId,
    year: z.number().int(),
  }),
});
export type Coefficients = z.infer<typeof Coefficients>;

/**
 * PUE assumed for accelerator (GPU/TPU) clusters when the location is a grid zone or country, not a
 * data centre: such clusters mostly sit in cloud/hyperscale facilities. `low`..`high` spans the best
 * hyperscale fleet figure to the enterprise on-premises average.
 */
export const AcceleratorFacilityPue = z.object({
  central: z.number().min(1),
  low: z.number().min(1),
  high: z.number().min(1),
  year: z.number().int(),
  source: SourceId,
  note: z.string(),
});
export type AcceleratorFacilityPue = z.infer<typeof AcceleratorFacilityPue>;

export const Datacentre = z.object({
  pue: z.array(PueEntry),
  /** Absent in older tables: then accelerator clusters at a zone get the industry average like any workload. */
  acceleratorFacilityPue: AcceleratorFacilityPue.optional(),
  coefficients: Coefficients,
});
export type Datacentre = z.infer<typeof Datacentre>;

/** Everything core needs, passed in by src/data. */
export interface Tables {
  sources: readonly Source[];
  zones: ReadonlyMap<string, GridZone>;
  regions: ReadonlyMap<string, Region>;
  accelerators: ReadonlyMap<string, Accelerator>;
  cpus: ReadonlyMap<string, Cpu>;
  instances: ReadonlyMap<string, Instance>;
  /** Lower-cased name/alias -> id, for accelerators and CPUs. */
  acceleratorAliases: ReadonlyMap<string, string>;
  cpuAliases: ReadonlyMap<string, string>;
  datacentre: Datacentre;
  ai: AiTables;
  /** Hand-written workload presets by id (`POST /v1/estimate {preset}`). */
  presets?: ReadonlyMap<string, Preset>;
  /** Hourly grid series by zone; absent or null for a zone = annual averages only. */
  hourly?: HourlyTables;
  /** Cloud regions only the FOCUS mapping knows (Oracle Cloud), by id; absent = none. */
  billingRegions?: ReadonlyMap<string, BillingRegion>;
}

/** One zone's hourly grid intensity (gCO2e/kWh, UTC hour-beginning) by year. */
export interface ZoneHourlySeries {
  readonly years: readonly number[];
  readonly latestYear: number;
  series(year: number): ArrayLike<number>;
  meta(
    year: number,
  ): { readonly estimated: boolean | null; readonly source: string; readonly meanG: number } | null;
}

export interface HourlyTables {
  forZone(zone: string): ZoneHourlySeries | null;
  /** Month × UTC hour-of-day means of the zone's latest year (`values[month0 * 24 + hour]`), or null. */
  typical?(zone: string): { readonly values: readonly number[] } | null;
}

/** Quantiles of measured ÷ modelled over the calibration rows: the model's range. */
export const RatioSpread = z.object({
  p10: z.number().positive(),
  median: z.number().positive(),
  p90: z.number().positive(),
  /** Median |ln(measured / modelled)|. */
  medianAbsLog: z.number().nonnegative(),
  rows: z.number().int().positive(),
});
export type RatioSpread = z.infer<typeof RatioSpread>;

/**
 * The decode roofline and power-from-load model, fitted by data/build/inference-calibration.ts on the
 * ML.ENERGY v3 measurements (its note says how) and checked on ML.ENERGY v2 rows it was not fitted on.
 */
export const InferenceCalibration = z.object({
  /** Share of HBM bandwidth a decode step reaches while streaming weights and KV cache. */
  memoryEfficiency: z.number().gt(0).max(1),
  /** Share of peak dense FLOP/s a decode step reaches on its matrix products. */
  computeEfficiency: z.number().gt(0).max(1),
  /** Draw as a share of the way from idle to rated power when a step is all memory-bound, and all compute-bound. */
  powerShareMemoryBound: z.number().min(0).max(1),
  powerShareComputeBound: z.number().min(0).max(1),
  /** KV cache bytes per token at 16-bit = kvBytesAt1B × activeParamsB^kvExponent (fitted on published model configs). */
  kvBytesAt1B: z.number().positive(),
  kvExponent: z.number(),
  kvModels: z.number().int().positive(),
  /** Host (CPU, DRAM, NIC, fans) draw per GPU as a share of the GPU's rated power (EcoLogits' 8 × H100 server). */
  hostPowerShareOfGpuRated: z.number().gt(0).max(1),
  throughput: RatioSpread,
  power: RatioSpread,
  energy: RatioSpread,
  /** The same model on rows it was not fitted on (ML.ENERGY v2: 2024 serving engines, A100 and H100). */
  heldOutEnergy: RatioSpread,
  source: SourceId,
  year: z.number().int(),
  note: z.string(),
});
export type InferenceCalibration = z.infer<typeof InferenceCalibration>;

/**
 * One measured LLM inference configuration (ML.ENERGY benchmark): GPU energy per output token at a
 * batch size. GPU-only scope: no CPU, DRAM, network or PUE.
 */
export const LlmMeasurement = z.object({
  /** Model id in the LLM model table. */
  model: z.string(),
  /** Accelerator id in the accelerator table. */
  gpu: z.string(),
  numGpus: z.number().int().positive(),
  /** Configured maximum batch (max_num_seqs / max_batch_size). */
  maxBatch: z.number().positive(),
  avgBatch: z.number().positive().nullable(),
  jPerOutputToken: z.number().positive(),
  avgOutputTokens: z.number().positive().nullable(),
  outputTokensPerS: z.number().positive().nullable(),
  /** Average draw of one GPU of the group over the run (W); null where the source gives neither power nor throughput. */
  avgPowerW: z.number().positive().nullable(),
  /** Precision of the weights served. */
  precision: WeightPrecision,
  /** Year of the benchmark round: newer rounds run newer serving engines, so they are preferred. */
  year: z.number().int(),
  task: z.string(),
  source: SourceId,
});
export type LlmMeasurement = z.infer<typeof LlmMeasurement>;

export const LlmModel = z.object({
  /** Slug, e.g. `llama-3-1-8b-instruct`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  aliases: z.array(z.string()),
  totalParamsB: z.number().positive(),
  activeParamsB: z.number().positive(),
  /** True when the parameter count is an estimate (closed models), not a disclosure. */
  paramsEstimated: z.boolean(),
  /** Precision of the published checkpoint (gpt-oss MXFP4, DeepSeek-V3 FP8, `-FP8` repos; else 16-bit). */
  precision: WeightPrecision,
  /** Id of the model whose weights these are at this size (base and instruct tunes share one): measurements are looked up by it. */
  weights: z.string(),
  source: SourceId,
});
export type LlmModel = z.infer<typeof LlmModel>;

/** A published training run the training coefficients are calibrated on (data/raw/ai-training/). */
export const TrainingRun = z.object({
  id: z.string(),
  model: z.string(),
  /** Active parameters per token (MoE), total for dense. */
  params: z.number().positive(),
  tokens: z.number().positive().nullable(),
  accelerator: z.string(),
  precision: z.enum(['bf16', 'fp16', 'fp8']),
  /** Peak dense TFLOP/s per device at `precision`. */
  peakTflops: z.number().positive(),
  gpuHours: z.number().positive().nullable(),
  /** `whole-run`: wall time of the run on its devices (restarts, evaluation included); `steady-rate`: tokens ÷ stated throughput. */
  hoursBasis: z.enum(['whole-run', 'steady-rate']),
  /** 6·N·D ÷ (GPU-hours × 3600 × peak); null without GPU-hours. */
  mfuFromHours: z.number().nullable(),
  /** MFU while training steadily, as the paper states it (or its steady rate); null when not stated. */
  steadyMfu: z.number().nullable(),
  citation: z.string(),
});
export type TrainingRun = z.infer<typeof TrainingRun>;

export const AiCoefficients = z.object({
  /** Model FLOPs utilisation of 16-bit training runs while they train steadily (against the 16-bit peak). */
  trainingMfu: Coefficient,
  /** The same for FP8 training, against the FP8 peak. */
  trainingMfuFp8: Coefficient,
  /** Whole-run GPU-hours ÷ steady-rate GPU-hours (restarts, evaluation, checkpointing); at least 1. */
  trainingRunOverhead: Coefficient,
  /** The published runs the three training coefficients are derived from. */
  trainingRuns: z.object({
    source: z.string(),
    year: z.number().int(),
    note: z.string(),
    runs: z.array(TrainingRun).min(1),
  }),
  /** Share of peak FLOP/s reached while prefilling prompts (compute-bound). */
  prefillMfu: Coefficient,
  /** Host (CPU, DRAM, NIC, fans) draw per GPU of an inference server. */
  hostPowerPerGpuW: Coefficient,
  defaultBatchSize: Coefficient,
  /** Serving memory = overhead × parameters × bytes per parameter. */
  modelMemoryOverhead: Coefficient,
  defaultInputTokensPerRequest: Coefficient,
  defaultOutputTokensPerRequest: Coefficient,
});
export type AiCoefficients = z.infer<typeof AiCoefficients>;

/** LLM inference references and AI model constants. */
export interface AiTables {
  llmModels: ReadonlyMap<string, LlmModel>;
  /** Normalised name/alias -> model id. */
  llmModelAliases: ReadonlyMap<string, string>;
  llmMeasurements: readonly LlmMeasurement[];
  inferenceCalibration: InferenceCalibration;
  coefficients: AiCoefficients;
}
