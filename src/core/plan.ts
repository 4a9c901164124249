// The estimate's first step: planEstimate resolves everything that depends on the tables and the
// workload's shape (place, hardware, coefficients, PUE, grid intensity, embodied footprint) and the
// factors, assumptions and sources they rest on. evaluate.ts then does one run's arithmetic. A plan
// is immutable, so estimates of the same shape can share it (plan-cache.ts).
import type { EstimateResult, Factor, Workload } from './schemas.ts';
import type { Instance, Tables } from './tables.ts';
import type { AiShape } from './ai-shape.ts';
import type { Bounded } from './range.ts';
import type { EmbodiedPlan } from './embodied.ts';
import type { ItPlan } from './energy.ts';
import type { SourceSummary } from './source-index.ts';
import { shapeTraining } from './ai-training.ts';
import { shapeInference } from './ai-inference.ts';
import { EstimateError } from './errors.ts';
import { Ledger } from './ledger.ts';
import type { LedgerStore } from './ledger.ts';
import { summarizeSources } from './source-index.ts';
import type { LogSpread } from './range.ts';
import { logSpread, multiplyBounded } from './range.ts';
import { resolvePlace } from './resolve-location.ts';
import { resolveInstance } from './resolve-hardware.ts';
import { planItEnergy } from './energy.ts';
import { resolvePue, resolveWue } from './pue.ts';
import { resolveCarbonFreeShare, resolveIntensity } from './carbon.ts';
import { planEmbodied } from './embodied.ts';

type Resolved = EstimateResult['resolved'];

export interface EstimatePlan {
  /** Hours from an AI shape; null: the workload's durationHours. */
  readonly hours: number | null;
  readonly hoursFactor: Bounded;
  readonly ai: AiShape | null;
  readonly it: ItPlan;
  readonly pue: Bounded;
  readonly intensity: Bounded;
  /** Log-spreads of PUE × hours factor (facility) and of that × intensity (operational). */
  readonly facilitySpread: LogSpread;
  readonly operationalSpread: LogSpread;
  readonly carbonFreeShare: number;
  readonly embodied: EmbodiedPlan;
  readonly wueLPerKwh: number | null;
  /** The workload's functional unit (its name and count are part of the shape), or null. */
  readonly functionalUnit: Workload['functionalUnit'] | null;
  readonly location: Resolved['location'];
  readonly resolvedPue: Resolved['pue'];
  readonly instance: Resolved['instance'];
  readonly water: Resolved['water'];
  readonly factors: readonly Factor[];
  readonly assumptions: readonly string[];
  readonly sources: readonly SourceSummary[];
}

const EXACT: Bounded = Object.freeze({ central: 1, low: 1, high: 1 });

/** Resolves everything the estimate of `input` rests on; throws the refusals estimate() makes. */
export function planEstimate(input: Workload, tables: Tables, store: LedgerStore): EstimatePlan {
  const ledger = new Ledger(store);
  const ai = shapeAi(input, tables, ledger);
  const w = ai?.workload ?? input;
  const hours = requireHours(w);
  const place = resolvePlace(w.location, tables);
  const instance = resolveWorkHardware(w, tables);

  const it = planItEnergy(w, instance, tables, ledger, ai ?? undefined);
  const pue = resolvePue(w, place.region, tables, ledger);
  // Hourly intensity depends on the hours; such workloads are planned per run (plan-cache.ts).
  const grid = resolveIntensity(w, place, hours, tables, ledger);
  const cfe = resolveCarbonFreeShare(w, place.region, ledger);
  const embodiedPlan = planEmbodied(w, instance, it, tables, ledger);
  // The hours factor of an AI shape bounds the embodied share as it bounds the energy.
  const embodied = ai
    ? { ...embodiedPlan, kg: multiplyBounded(embodiedPlan.kg, ai.hoursFactor) }
    : embodiedPlan;
  const wue = resolveWue(place.region, w.year, tables, ledger);

  // Frozen, so that every estimate of this shape can hand out the same lists (and the HTTP shell
  // can reuse their encoded bytes: api/json-text.ts). The run's own hours and utilisations are
  // not factors (they are the activity, shown in durationHours and resolved): nothing here varies per run.
  const factors = ledger.factors;
  for (const f of factors) Object.freeze(f);
  Object.freeze(factors);
  const hoursFactor = ai?.hoursFactor ?? EXACT;
  return {
    hours: ai ? hours : null,
    hoursFactor,
    ai,
    it,
    pue: pue.pue,
    intensity: grid.intensity,
    facilitySpread: logSpread(pue.pue, hoursFactor),
    operationalSpread: logSpread(pue.pue, hoursFactor, grid.intensity),
    carbonFreeShare: cfe,
    embodied,
    wueLPerKwh: wue.wueLPerKwh,
    functionalUnit: w.functionalUnit ?? null,
    location: Object.freeze({
      input: w.location,
      kind: place.kind,
      regionId: place.region?.id ?? null,
      name: place.region?.name ?? place.zone?.name ?? w.location,
      zone: place.zone?.id ?? null,
      countryIso2: place.region?.countryIso2 ?? place.zone?.countryIso2 ?? null,
      intensityGCo2ePerKwh: grid.intensity.central,
      year: grid.year,
      basis: grid.basis,
      source: grid.source,
      hourly: grid.hourly,
    }),
    resolvedPue: Object.freeze({ value: pue.pue.central, source: pue.source, year: pue.year }),
    instance: instance
      ? Object.freeze({
          id: instance.id,
          count: w.instance?.count ?? 1,
          vcpu: instance.vcpu,
          memoryGb: instance.memoryGb,
        })
      : null,
    water: Object.freeze({ ...wue }),
    factors,
    assumptions: Object.freeze(ledger.assumptions),
    sources: Object.freeze(summarizeSources(store.sources, ledger.sourceIds)),
  };
}

/** The workload's hours (given, or derived by its AI shape), or the missing_duration refusal. */
export function requireHours(w: Workload): number {
  if (w.durationHours === undefined)
    throw new EstimateError(
      'missing_duration',
      ['durationHours'],
      'how long the workload runs is missing: give the hours it runs (durationHours), or describe it as an AI job whose hours can be worked out (ai: training by model size and tokens, or inference by requests or tokens)',
    );
  return w.durationHours;
}

/** The workload's instance type (null when none), or the empty_workload refusal when it names no hardware at all. */
export function resolveWorkHardware(w: Workload, tables: Tables): Instance | null {
  const instance = w.instance
    ? resolveInstance(w.instance.type, tables, ['instance', 'type'])
    : null;
  if (!instance && !w.gpu && !w.cpu && !w.memoryGb && !w.storage && !w.networkGb) {
    throw new EstimateError(
      'empty_workload',
      [],
      'there is nothing to estimate: say what the workload runs on, an instance type, GPUs, CPUs, memory, storage or data transfer (instance, gpu, cpu, memoryGb, storage, networkGb)',
    );
  }
  return instance;
}

/** The AI shape of the workload (hours from model size or tokens), or null for a plain workload. */
export function shapeAi(w: Workload, tables: Tables, ledger: Ledger): AiShape | null {
  if (!w.ai) return null;
  const aiTables = tables.ai;
  if (!aiTables)
    throw new EstimateError(
      'missing_throughput',
      ['ai'],
      'this deployment has no AI reference tables',
    );
  return w.ai.task === 'training'
    ? shapeTraining(w, w.ai, tables, aiTables, ledger)
    : shapeInference(w, w.ai, tables, aiTables, ledger);
}
