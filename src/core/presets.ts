// Presets: a request `{ preset, ...overrides }` is the preset's workload with the overrides merged
// over it (objects key by key; arrays and scalars replace; null removes, as in RFC 7396), then
// validated as a Workload.
import { z } from 'zod';
import { Workload, type EstimateResult, type Preset } from './schemas.ts';
import { PresetRequest, type WorkloadRequest } from './decision-schemas.ts';
import type { Tables } from './tables.ts';
import { EstimateError } from './errors.ts';
import { closestIds, closestPhrase } from './closest.ts';
import { safeParseReporting } from './safe-parse.ts';

/** Which preset a workload came from and which fields the request changed (dotted paths). */
export interface PresetUse {
  readonly id: string;
  readonly overrides: readonly string[];
  readonly assumptions: readonly string[];
}

export type ParsedWorkload =
  | { readonly ok: true; readonly workload: Workload; readonly preset: PresetUse | null }
  | {
      readonly ok: false;
      readonly issues: readonly z.core.$ZodIssue[];
      readonly schema: z.ZodType;
    };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The preset `id`, or `unknown_preset` (path `preset`) naming the closest ids. */
export function resolvePreset(id: string, tables: Tables): Preset {
  const presets = tables.presets ?? new Map<string, Preset>();
  const preset = presets.get(id) ?? presets.get(id.trim().toLowerCase());
  if (preset) return preset;
  const keys = [...presets.values()].flatMap(
    (p) =>
      [
        [p.id, p.id],
        [p.name, p.id],
      ] as const,
  );
  const close = closestIds(id, keys);
  throw new EstimateError(
    'unknown_preset',
    ['preset'],
    `'${id}' is not a preset${closestPhrase(close, (p) => `${p} (${presets.get(p)?.name ?? p})`)}`,
    close,
  );
}

/** `patch` merged over `base`: objects key by key, anything else replaces, null removes. */
export function mergeOver(base: unknown, patch: unknown): unknown {
  if (!isObject(patch) || !isObject(base)) return patch;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergeOver(base[key], value);
  }
  return out;
}

/** Dotted paths of the leaves a patch sets: `{ gpu: { count: 4 } }` -> `['gpu.count']`. */
export function leafPaths(patch: Json, prefix = ''): string[] {
  return Object.entries(patch).flatMap(([key, value]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return isObject(value) && Object.keys(value).length > 0 ? leafPaths(value, path) : [path];
  });
}

/**
 * A workload request, with or without `preset`, as a validated Workload. Schema issues are
 * returned (the caller decides how to report them); an unknown preset throws `unknown_preset`.
 */
export function parseWorkloadRequest(request: unknown, tables: Tables): ParsedWorkload {
  if (!isObject(request) || !('preset' in request)) return validateWorkload(request, null);
  const ref = safeParseReporting(PresetRequest, request);
  if (!ref.success) return { ok: false, issues: ref.error.issues, schema: PresetRequest };
  return mergePresetRequest(ref.data, tables);
}

/** A body WorkloadRequest has already parsed: a workload as it is, a preset request merged and validated. */
export function resolveWorkloadRequest(request: WorkloadRequest, tables: Tables): ParsedWorkload {
  return 'preset' in request
    ? mergePresetRequest(request, tables)
    : { ok: true, workload: request, preset: null };
}

function mergePresetRequest(
  { preset: id, ...overrides }: PresetRequest,
  tables: Tables,
): ParsedWorkload {
  const preset = resolvePreset(id, tables);
  const changed = leafPaths(overrides);
  const note =
    changed.length > 0
      ? `Preset ${preset.id} with overrides: ${changed.join(', ')}.`
      : `Preset ${preset.id}, as published.`;
  const use = {
    id: preset.id,
    overrides: changed,
    assumptions: [note, ...preset.assumptions.map((a) => `Preset ${preset.id}: ${a}.`)],
  };
  return validateWorkload(mergeOver(preset.workload, overrides), use);
}

function validateWorkload(data: unknown, preset: PresetUse | null): ParsedWorkload {
  const parsed = safeParseReporting(Workload, data);
  return parsed.success
    ? { ok: true, workload: parsed.data, preset }
    : { ok: false, issues: parsed.error.issues, schema: Workload };
}

/** The result with the preset named first in its assumptions. */
export function withPresetAssumptions(
  result: EstimateResult,
  preset: PresetUse | null,
): EstimateResult {
  return preset
    ? { ...result, assumptions: [...preset.assumptions, ...result.assumptions] }
    : result;
}
