// One billed unit of a mapped row as a workload, estimated by the real estimator (the defaults of
// /v1/estimate), once per (method, key, region): rows scale it by their quantity.
import type { Estimator } from '../../core/estimator.ts';
import type { Tables } from '../../core/tables.ts';
import {
  HOURS_PER_MONTH,
  LAMBDA_VCPU_PER_GB,
  type FocusMethod,
} from '../../../data/focus-rules.ts';
import { readWorkload } from '../workload-request.ts';

/** The answer for one unit: what rows multiply by their quantity. */
export interface UnitFactor {
  readonly energyKwh: number;
  readonly energyKwhLow: number;
  readonly energyKwhHigh: number;
  readonly kgCo2e: number;
  readonly kgCo2eLow: number;
  readonly kgCo2eHigh: number;
  readonly locationKg: number;
  readonly marketKg: number;
  readonly embodiedKg: number;
  /** IT energy (facility energy before the data-centre overhead): for the SQL factor tables. */
  readonly itKwh: number;
  readonly pue: number;
  readonly intensityKgPerKwh: number;
  readonly regionId: string;
  readonly zone: string | null;
}

/** The request body /v1/estimate would take for one unit of `method` at `location`. */
export function unitRequest(method: FocusMethod, key: string, location: string): object | null {
  switch (method) {
    case 'instance':
    case 'gpu_instance':
      return { location, durationHours: 1, instance: { type: key } };
    case 'gpu_hours':
      return { location, durationHours: 1, gpu: { model: key, count: 1 } };
    case 'vcpu_hours':
      return { location, durationHours: 1, cpu: { threads: 1 } };
    case 'memory_gb_hours':
      return { location, durationHours: 1, memoryGb: 1 };
    case 'serverless_gb_seconds':
      return {
        location,
        durationHours: 1 / 3600,
        memoryGb: 1,
        cpu: { threads: LAMBDA_VCPU_PER_GB },
      };
    case 'ssd_gb_months':
      return { location, durationHours: HOURS_PER_MONTH, storage: { ssdTb: 0.001 } };
    case 'hdd_gb_months':
      return { location, durationHours: HOURS_PER_MONTH, storage: { hddTb: 0.001 } };
    case 'network_gb':
      return { location, durationHours: 0, networkGb: 1 };
    case 'unmapped':
      return null;
  }
}

/** Estimates one unit; null when the estimator refuses it (the row is then unmapped, `estimate_refused`). */
export function estimateUnit(
  estimator: Estimator,
  tables: Tables,
  method: FocusMethod,
  key: string,
  regionId: string,
): UnitFactor | null {
  const request = unitRequest(method, key, regionId);
  if (request === null) return null;
  try {
    const r = estimator.estimate(readWorkload(request, tables).workload);
    const e = r.energyKwh;
    const k = r.emissionsKgCo2e;
    return {
      energyKwh: e.total,
      energyKwhLow: e.low,
      energyKwhHigh: e.high,
      kgCo2e: k.total,
      kgCo2eLow: k.low,
      kgCo2eHigh: k.high,
      locationKg: k.location,
      marketKg: k.market,
      embodiedKg: k.embodied,
      itKwh: e.total - e.byComponent.overhead,
      pue: r.resolved.pue.value,
      intensityKgPerKwh: r.resolved.location.intensityGCo2ePerKwh / 1000,
      regionId,
      zone: r.resolved.location.zone,
    };
  } catch {
    return null;
  }
}
