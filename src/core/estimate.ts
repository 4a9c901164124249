// The estimate: workload -> energy, emissions, range, water, SCI, and everything it rests on.
import type { AiResult, Components, EstimateResult, Workload } from './schemas.ts';
import type { AiShape } from './ai-training.ts';
import { shapeTraining } from './ai-training.ts';
import { shapeInference } from './ai-inference.ts';
import type { Tables } from './tables.ts';
import { EstimateError } from './errors.ts';
import { Ledger } from './ledger.ts';
import { indexSources, summarizeSources } from './source-index.ts';
import { addBounded, multiplyBounded, scaleBy } from './range.ts';
import { resolvePlace } from './resolve-location.ts';
import { resolveInstance } from './resolve-hardware.ts';
import { estimateItEnergy } from './energy.ts';
import { resolvePue, resolveWue } from './pue.ts';
import { resolveCarbonFreeShare, resolveIntensity } from './carbon.ts';
import { estimateEmbodied } from './embodied.ts';

/** Version of the estimation method; changes whenever a number for the same input may change. */
export const METHODOLOGY_VERSION = '2026.11-1';

/** Energy, emissions, range and sources of one workload. Pure: tables are passed in. */
export function estimate(input: Workload, tables: Tables): EstimateResult {
  const sources = indexSources(tables.sources);
  const ledger = new Ledger(sources);
  if (input.durationHours !== undefined) ledger.user('duration', 'Duration', input.durationHours, 'h');
  const shape = shapeAi(input, tables, ledger);
  const w = shape?.workload ?? input;
  if (w.durationHours === undefined) throw new EstimateError('missing_duration', ['durationHours'], 'give durationHours (hours the workload runs), or an ai shape it can be derived from');
  const hours = w.durationHours;
  const hoursFactor = shape?.hoursFactor ?? EXACT;
  const place = resolvePlace(w.location, tables);
  const instance = w.instance ? resolveInstance(w.instance.type, tables, ['instance', 'type']) : null;
  if (!instance && !w.gpu && !w.cpu && !w.memoryGb && !w.storage && !w.networkGb) {
    throw new EstimateError('empty_workload', [], 'nothing to estimate: give an instance, gpu, cpu, memoryGb, storage or networkGb');
  }

  const it = estimateItEnergy(w, hours, instance, tables, ledger);
  const pue = resolvePue(w, place.region, tables, ledger);
  const itTotal = addBounded(it.cpu, it.gpu, it.memory, it.storage, it.network);
  const facility = multiplyBounded(itTotal, pue.pue, hoursFactor);
  const pueValue = pue.pue.central;

  const grid = resolveIntensity(w, place, hours, tables, ledger);
  const gPerKwh = grid.intensity.central;
  const operational = scaleBy(multiplyBounded(facility, grid.intensity), 1 / 1000);
  const cfe = resolveCarbonFreeShare(w, place.region, ledger);
  const embodied = multiplyBounded(estimateEmbodied(w, hours, instance, it, tables, ledger), hoursFactor);
  const total = addBounded(operational, embodied);

  const energyBy: Components = {
    cpu: it.cpu.central,
    gpu: it.gpu.central,
    memory: it.memory.central,
    storage: it.storage.central,
    network: it.network.central,
    overhead: itTotal.central * (pueValue - 1),
  };
  const kgPerKwh = gPerKwh / 1000;
  // Overhead is its own component, so per-component emissions sum to the location-based figure.
  const emissionsBy = mapComponents(energyBy, (kwh) => kwh * kgPerKwh);

  const wue = resolveWue(place.region, w.year, tables, ledger);
  const fu = w.functionalUnit;
  const location = operational.central;
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    durationHours: hours,
    energyKwh: { total: facility.central, low: facility.low, high: facility.high, byComponent: energyBy },
    emissionsKgCo2e: {
      total: total.central,
      low: total.low,
      high: total.high,
      location,
      market: location * (1 - cfe),
      embodied: embodied.central,
      byComponent: emissionsBy,
    },
    sci: fu
      ? { functionalUnit: fu.name, units: fu.count, gCo2ePerUnit: (total.central * 1000) / fu.count, whPerUnit: (facility.central * 1000) / fu.count }
      : null,
    waterL: wue.wueLPerKwh === null ? null : itTotal.central * wue.wueLPerKwh,
    ai: shape ? withPerUnit(shape, facility.central, total.central) : null,
    resolved: {
      location: {
        input: w.location,
        kind: place.kind,
        regionId: place.region?.id ?? null,
        name: place.region?.name ?? place.zone?.name ?? w.location,
        zone: place.zone?.id ?? null,
        countryIso2: place.region?.countryIso2 ?? place.zone?.countryIso2 ?? null,
        intensityGCo2ePerKwh: gPerKwh,
        year: grid.year,
        basis: grid.basis,
        source: grid.source,
      },
      pue: { value: pueValue, source: pue.source, year: pue.year },
      instance: instance ? { id: instance.id, count: w.instance?.count ?? 1, vcpu: instance.vcpu, memoryGb: instance.memoryGb } : null,
      gpu: it.gpuDraw ? { id: it.gpuDraw.id, name: it.gpuDraw.name, count: it.gpuDraw.count, averagePowerW: it.gpuDraw.powerW.central, powerModel: it.gpuDraw.powerModel } : null,
      cpu: it.cpuDraw ? { id: it.cpuDraw.id, name: it.cpuDraw.name, count: it.cpuDraw.threads, averagePowerW: it.cpuDraw.powerW.central, powerModel: it.cpuDraw.powerModel } : null,
      memoryGb: it.memoryGb,
      water: wue,
    },
    assumptions: ledger.assumptions,
    factors: ledger.factors,
    sources: summarizeSources(sources, ledger.sourceIds),
  };
}

const EXACT = { central: 1, low: 1, high: 1 };

/** The AI shape of the workload (hours from model size or tokens), or null for a plain workload. */
export function shapeAi(w: Workload, tables: Tables, ledger: Ledger): AiShape | null {
  if (!w.ai) return null;
  const aiTables = tables.ai;
  if (!aiTables) throw new EstimateError('missing_throughput', ['ai'], 'this deployment has no AI reference tables');
  return w.ai.task === 'training' ? shapeTraining(w, w.ai, tables, aiTables, ledger) : shapeInference(w, w.ai, tables, aiTables, ledger);
}

/** Per-1k-output-token and per-request figures once the totals are known. */
function withPerUnit(shape: AiShape, kwh: number, kg: number): AiResult {
  const r = shape.result;
  // A vanishing count (1e-300 tokens) would overflow: no figure rather than Infinity.
  const per = (n: number | null | undefined, k: number) => {
    const wh = n ? (kwh * 1000 * k) / n : NaN;
    const gCo2e = n ? (kg * 1000 * k) / n : NaN;
    return Number.isFinite(wh) && Number.isFinite(gCo2e) ? { wh, gCo2e } : null;
  };
  return { ...r, perThousandOutputTokens: per(shape.outputTokens, 1000), perRequest: per(shape.requests, 1) };
}

function mapComponents(c: Components, f: (v: number) => number): Components {
  return { cpu: f(c.cpu), gpu: f(c.gpu), memory: f(c.memory), storage: f(c.storage), network: f(c.network), overhead: f(c.overhead) };
}
