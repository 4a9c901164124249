// The only importer of data/built: turns the generated rows into the Tables that core receives.
// Built once at module load; no zod parsing here (data/build.ts validated every row, and
// test/data/tables.test.ts re-validates the committed files).
import { accelerators } from '../../data/built/accelerators.ts';
import { aiCoefficients } from '../../data/built/ai-coefficients.ts';
import { cpus } from '../../data/built/cpus.ts';
import { datacentre } from '../../data/built/datacentre.ts';
import { zones } from '../../data/built/grid.ts';
import { instances } from '../../data/built/instances.ts';
import { llmMeasurements, llmModels } from '../../data/built/llm.ts';
import { inferenceCalibration } from '../../data/built/inference-calibration.ts';
import { focusRegions } from '../../data/built/focus-regions.ts';
import { regions } from '../../data/built/regions.ts';
import { sources } from '../../data/built/sources.ts';
import { presets } from '../../data/presets.ts';
import { normalizeName } from '../core/names.ts';
import { hourlyFor, hourlySourceList, typicalProfile } from './hourly.ts';
import type { Tables } from '../core/tables.ts';
import { createEstimator } from '../core/estimator.ts';

function byId<T extends { id: string }>(rows: readonly T[]): ReadonlyMap<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Normalised name -> id over every alias, the normalised id and the normalised name of each row.
 * Rows store only the extra spellings in `aliases`; the id and name are added here.
 */
export function aliasMap(
  rows: readonly { id: string; name: string; aliases: readonly string[] }[],
): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const r of rows) {
    for (const alias of [r.id, r.name, ...r.aliases]) map.set(normalizeName(alias), r.id);
  }
  return map;
}

const sourceIds = new Set(sources.map((s) => s.id));

export const tables: Tables = {
  // The hourly tables cite their own datasets; one list serves every factor's source id.
  sources: [...sources, ...hourlySourceList.filter((s) => !sourceIds.has(s.id))],
  zones: byId(zones),
  regions: byId(regions),
  accelerators: byId(accelerators),
  cpus: byId(cpus),
  instances: byId(instances),
  acceleratorAliases: aliasMap(accelerators),
  cpuAliases: aliasMap(cpus),
  datacentre,
  presets: byId(presets),
  hourly: { forZone: hourlyFor, typical: typicalProfile },
  billingRegions: byId(focusRegions),
  ai: {
    llmModels: byId(llmModels),
    llmModelAliases: aliasMap(llmModels),
    llmMeasurements,
    inferenceCalibration,
    coefficients: aiCoefficients,
  },
};

/** The one estimator over the embedded tables: api, CLI and library use it (and its caches). */
export const estimator = createEstimator(tables);

export { presets };
