// Runs the published validation cases (test/validation/cases.json, copied from shared/validation) through
// the estimator in two modes: `full` (every input the case publishes) and `planner` (hardware as named,
// count, hours and where the run was: a cloud region when the provider is known, else a zone or country).
// Shared by `npm run validate` and test/validation.
import { estimatorFor } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { Workload } from '../../src/core/schemas.ts';
import { normalizeName } from '../../src/core/names.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import type { Tables } from '../../src/core/tables.ts';

export interface ValidationCase {
  id: string;
  workload_kind: string;
  reliability: 'A' | 'B' | 'C';
  year?: number;
  location: string;
  inputs: Record<string, unknown>;
  published: Record<string, unknown>;
  notes: string;
  inconsistencies?: string[];
}

export type Mode = 'full' | 'planner';
/** What the published figure covers: GPU energy only, IT energy (no PUE), or facility energy. */
export type Scope = 'gpu' | 'it' | 'facility' | 'emissions';

export interface CaseRun {
  id: string;
  reliability: string;
  mode: Mode;
  scope: Scope | null;
  published: number | null;
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** (estimate − published) / published. */
  error: number | null;
  inside: boolean | null;
  /** Why the case was not run in this mode. */
  skipped: string | null;
  /** Run but not graded: the case's own notes say why it cannot match (kept visible, outside the summary). */
  listed: string | null;
}

/**
 * Cases run and shown but not graded, each for a reason its own notes give. Not a tuning device: a case
 * goes here only when its published figure contradicts its own published inputs.
 */
export const NOT_GRADED: Readonly<Record<string, string>> = {
  'llama3.3-70b':
    "internally inconsistent (its inconsistencies): the card table lists 7.0M H100-hours with 12.9 tCO2e, while 7.0M H100-h at 700 W and Meta's ~0.41 kg per TDP-kWh give ~2,040 t (the value the card showed until Feb 2025); 12.9 t probably covers only the incremental post-training",
};

/** The hardware as a planner names it: the case's model name without its parenthetical remarks. */
function hardwareName(model: string): string {
  return model.replace(/\s*\(.*?\)\s*/g, ' ').trim();
}

/** Servers in the SPECpower cases, as their titles state them: CPUs, cores per chip (2 threads each), memory. */
const SERVERS: Record<string, { cpu: string; threads: number; memoryGb: number }> = {
  'spec-lenovo-sr665v3-2x-epyc9754': { cpu: 'AMD EPYC 9754', threads: 2 * 128 * 2, memoryGb: 384 },
  'spec-hpe-dl380-gen11-2x-xeon8480p': {
    cpu: 'Intel Xeon Platinum 8480+',
    threads: 2 * 56 * 2,
    memoryGb: 256,
  },
};

/** Where each run happened, as a planner would name it: a cloud region when known, else a zone or country. */
const PLACES: [RegExp, string][] = [
  [/Google Georgia/, 'gcp:us-east1'],
  [/Google North Carolina/, 'gcp:us-east1'],
  [/Google Iowa/, 'gcp:us-central1'],
  [/Google Cloud us-central1/, 'gcp:us-central1'],
  [/Google Oklahoma/, 'gcp:us-south1'],
  [/Google data centre/, 'US'],
  [/AWS us-west-2/, 'aws:us-west-2'],
  [/AWS US-east/, 'aws:us-east-1'],
  [/Microsoft Azure/, 'US'],
  [/Augusta \(IA\)/, 'US-MIDW-MISO'],
  [/Jupiter|Austin TX/, 'US-TEX-ERCO'],
];

export function placeOf(c: ValidationCase): string {
  for (const [re, place] of PLACES) if (re.test(c.location)) return place;
  return 'US';
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function scopeOf(c: ValidationCase): Scope | null {
  const scope = String(c.published.energy_scope ?? '');
  if (num(c.published.energy_kwh) === null)
    return num(c.published.emissions_kgco2e_location) === null ? null : 'emissions';
  if (/GPU-only|GPU energy/i.test(scope))
    return c.published.energy_includes_pue === true ? 'facility' : 'gpu';
  return c.published.energy_includes_pue === true ? 'facility' : 'it';
}

/** The workload a case gives in `mode`, or the reason it cannot be run. */
export function workloadFor(c: ValidationCase, mode: Mode, tables: Tables): WorkloadInput | string {
  const i = c.inputs;
  const count = num(i.hardware_count);
  const wall = num(i.wall_hours);
  const deviceHours = num(i.device_hours);
  const hours = wall ?? (deviceHours !== null ? deviceHours / (count ?? 1) : null);
  if (hours === null) return 'no hours published (needs a throughput assumption)';
  const full = mode === 'full';
  const emissionsOnly = num(c.published.energy_kwh) === null;
  const includesPue = emissionsOnly
    ? c.published.emissions_include_pue
    : c.published.energy_includes_pue;
  const casePue = includesPue === true ? num(i.pue) : includesPue === false ? 1 : null;
  const intensity = full ? num(i.grid_intensity_gco2e_per_kwh) : null;
  const year = full ? num(c.year) : null;
  const base: WorkloadInput = {
    location: placeOf(c),
    durationHours: hours,
    embodied: false,
    // IT-scope figures exclude PUE in both modes (scope for scope); facility figures use the case's PUE only with full inputs.
    ...(casePue === 1 ? { pue: 1 } : full && casePue !== null ? { pue: casePue } : {}),
    ...(intensity !== null ? { gridIntensity: intensity } : {}),
    // The year of the run is published (full inputs); a planner gives only hardware, count, hours and place.
    ...(year !== null ? { year } : {}),
  };
  const server = SERVERS[c.id];
  if (server) {
    // TDP is per chip; the table's thread count may be unknown, so give the TDP share per thread via tdpW of one chip's threads.
    const cpuId = tables.cpuAliases.get(normalizeName(server.cpu));
    const cpu = cpuId === undefined ? undefined : tables.cpus.get(cpuId);
    if (!cpu) return `CPU ${server.cpu} is not in the tables`;
    return {
      ...base,
      cpu: { tdpW: cpu.tdpW * 2, threads: server.threads, utilization: 1 },
      memoryGb: server.memoryGb,
    };
  }
  const model = String(i.hardware_model ?? '');
  const power = full ? num(i.avg_power_w_per_device) : null;
  return {
    ...base,
    gpu: {
      model: hardwareName(model),
      count: count ?? 1,
      ...(power !== null ? { powerW: power } : {}),
    },
  };
}

/** Runs one case in one mode and compares scope for scope. */
export function runCase(c: ValidationCase, mode: Mode, tables: Tables): CaseRun {
  const scope = scopeOf(c);
  const row: CaseRun = {
    id: c.id,
    reliability: c.reliability,
    mode,
    scope,
    published: null,
    estimate: null,
    low: null,
    high: null,
    error: null,
    inside: null,
    skipped: null,
    listed: NOT_GRADED[c.id] ?? null,
  };
  if (scope === null) return { ...row, skipped: 'no published energy or emissions' };
  const w = workloadFor(c, mode, tables);
  if (typeof w === 'string') return { ...row, skipped: w };
  const published =
    scope === 'emissions'
      ? num(c.published.emissions_kgco2e_location)!
      : num(c.published.energy_kwh)!;
  try {
    const r = estimatorFor(tables).estimate(Workload.parse(w));
    const [est, low, high] =
      scope === 'emissions'
        ? [r.emissionsKgCo2e.location, r.emissionsKgCo2e.low, r.emissionsKgCo2e.high]
        : [r.energyKwh.total, r.energyKwh.low, r.energyKwh.high];
    // A GPU-only figure is compared with the GPU part alone: the workload has no other component and no PUE.
    if (
      scope === 'gpu' &&
      Math.abs(r.energyKwh.byComponent.gpu - r.energyKwh.total) > 1e-9 * r.energyKwh.total
    ) {
      throw new Error(`${c.id}: GPU-only case but the estimate has non-GPU energy`);
    }
    return {
      ...row,
      published,
      estimate: est,
      low,
      high,
      error: (est - published) / published,
      inside: low <= published && published <= high,
    };
  } catch (e) {
    if (e instanceof EstimateError)
      return { ...row, published, skipped: `${e.code}: ${e.message}` };
    throw e;
  }
}

/** Runs that count in the summary figures: run, and not listed as ungradable. */
export function graded(runs: readonly CaseRun[]): CaseRun[] {
  return runs.filter((r) => !r.skipped && !r.listed);
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Fixed-width table of runs, for the test log and `npm run validate`. */
export function formatRuns(runs: readonly CaseRun[]): string {
  const pad = (v: string, n: number) => v.padEnd(n);
  const f = (v: number | null) => (v === null ? '—' : v >= 100 ? v.toFixed(0) : v.toPrecision(3));
  const lines = [
    `${pad('case', 40)} ${pad('tier', 4)} ${pad('scope', 9)} ${pad('published', 10)} ${pad('estimate', 10)} ${pad('range', 20)} ${pad('error', 8)} inside`,
  ];
  for (const r of runs) {
    if (r.skipped)
      lines.push(
        `${pad(r.id, 40)} ${pad(r.reliability, 4)} ${pad(r.scope ?? '—', 9)} skipped: ${r.skipped}`,
      );
    else {
      const inside = r.listed ? `${r.inside ? 'yes' : 'no'} (not graded)` : r.inside ? 'yes' : 'NO';
      lines.push(
        `${pad(r.id, 40)} ${pad(r.reliability, 4)} ${pad(r.scope!, 9)} ${pad(f(r.published), 10)} ${pad(f(r.estimate), 10)} ${pad(`${f(r.low)}–${f(r.high)}`, 20)} ${pad(`${(r.error! * 100).toFixed(1)}%`, 8)} ${inside}`,
      );
    }
  }
  const listed = runs.filter((r) => r.listed && !r.skipped);
  if (listed.length > 0)
    lines.push(
      '',
      'not graded (the case contradicts its own inputs):',
      ...listed.map((r) => `  ${r.id}: ${r.listed}`),
    );
  return lines.join('\n');
}
