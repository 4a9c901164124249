// Catalogue views over the presets.
import type { Preset } from '../core/schemas.ts';
import type { Tables } from '../core/tables.ts';
import { EstimateError } from '../core/errors.ts';
import { resolvePreset } from '../core/presets.ts';
import { GridshiftError, problemFromEstimateError } from './problem.ts';

/** Every preset, sorted by id. */
export function listPresets(tables: Tables): Preset[] {
  return [...(tables.presets?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** One preset, or a 404 problem naming the closest ids. */
export function describePreset(tables: Tables, id: string): Preset {
  try {
    return resolvePreset(id, tables);
  } catch (err) {
    if (!(err instanceof EstimateError)) throw err;
    const { detail, candidates } = problemFromEstimateError(err);
    throw new GridshiftError({
      code: 'not_found',
      detail,
      errors: [{ path: 'id', code: 'not_found', message: detail }],
      ...(candidates ? { candidates } : {}),
    });
  }
}
