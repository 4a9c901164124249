// The estimate's answer: one run's figures (evaluate.ts) with what the plan resolved, in the
// result's shape. The plan's lists are frozen and shared by every estimate of its shape.
import type { AiResult, EstimateResult, Workload } from './schemas.ts';
import type { AiShape } from './ai-shape.ts';
import type { EstimatePlan } from './plan.ts';
import { evaluateRun } from './evaluate.ts';

/** Version of the estimation method; changes whenever a number for the same input may change. */
export const METHODOLOGY_VERSION = '2026.12-2';

/** Energy, emissions, range and sources of one run of the planned workload `input`. */
export function estimateFromPlan(p: EstimatePlan, input: Workload): EstimateResult {
  const r = evaluateRun(p, input);
  const it = r.it;
  const { cpu, gpu } = p.it;
  const kgPerKwh = p.intensity.central / 1000;
  const overhead = it.total * (p.pue.central - 1);
  const fu = p.functionalUnit;
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    durationHours: r.hours,
    energyKwh: {
      total: r.facilityKwh,
      low: r.facilityLowKwh,
      high: r.facilityHighKwh,
      byComponent: {
        cpu: it.cpu,
        gpu: it.gpu,
        memory: it.memory,
        storage: it.storage,
        network: it.network,
        overhead,
      },
    },
    emissionsKgCo2e: {
      total: r.totalKg,
      low: r.totalLowKg,
      high: r.totalHighKg,
      location: r.locationKg,
      market: r.locationKg * (1 - p.carbonFreeShare),
      embodied: r.embodiedKg,
      // Overhead is its own component, so per-component emissions sum to the location-based figure.
      byComponent: {
        cpu: it.cpu * kgPerKwh,
        gpu: it.gpu * kgPerKwh,
        memory: it.memory * kgPerKwh,
        storage: it.storage * kgPerKwh,
        network: it.network * kgPerKwh,
        overhead: overhead * kgPerKwh,
      },
    },
    sci: fu
      ? {
          functionalUnit: fu.name,
          units: fu.count,
          gCo2ePerUnit: (r.totalKg * 1000) / fu.count,
          whPerUnit: (r.facilityKwh * 1000) / fu.count,
        }
      : null,
    waterL: p.wueLPerKwh === null ? null : it.total * p.wueLPerKwh,
    ai: p.ai ? withPerUnit(p.ai, r.facilityKwh, r.totalKg) : null,
    resolved: {
      location: p.location,
      pue: p.resolvedPue,
      instance: p.instance,
      gpu: gpu
        ? {
            id: gpu.id,
            name: gpu.name,
            count: gpu.count,
            utilization: it.gpuUtilization,
            averagePowerW: it.gpuW,
            powerModel: gpu.powerModel,
          }
        : null,
      cpu: cpu
        ? {
            id: cpu.id,
            name: cpu.name,
            count: cpu.threads,
            utilization: it.cpuUtilization,
            averagePowerW: it.cpuW,
            powerModel: cpu.powerModel,
          }
        : null,
      memoryGb: p.it.memoryGb,
      water: p.water,
    },
    // The plan's own frozen lists: shared by every estimate of this shape, never copied.
    assumptions: p.assumptions,
    factors: p.factors,
    sources: p.sources,
  };
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
  return {
    ...r,
    perThousandOutputTokens: per(shape.outputTokens, 1000),
    perRequest: per(shape.requests, 1),
  };
}
