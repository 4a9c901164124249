// Runs the public inference validation set (test/validation/inference-cases.json) through the estimator:
// each case's request as stored, the figure of the published scope per published unit, error in log terms.
// Shared by `npm run validate` and test/validation/inference-validation.test.ts.
import { estimatorFor } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { Workload } from '../../src/core/schemas.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import type { Tables } from '../../src/core/tables.ts';

/** gpu: accelerator energy only; it: machine energy without PUE; facility: with PUE. */
export type InferenceScope = 'gpu' | 'it' | 'facility';
export type PublishedUnit = 'Wh/request' | 'J/request' | 'J/output token' | 'kWh/run';

export interface InferenceCase {
  id: string;
  title: string;
  reliability: 'A' | 'B' | 'C';
  year: number;
  source: { citation: string; url: string; locator: string; accessed_via: string };
  measured: string;
  scope: InferenceScope;
  scope_note: string;
  published: { value: number; unit: PublishedUnit; quote: string };
  request: WorkloadInput;
  provenance: Record<string, string>;
  notes: string;
}

export interface InferenceRun {
  id: string;
  reliability: string;
  scope: InferenceScope;
  unit: PublishedUnit;
  published: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** log2(estimate / published): +1 is twice the published figure, −1 half of it. */
  log2Ratio: number | null;
  /** |ln(est/pub)| / ln 2: the issue's error, 1 = a factor of 2 either way. */
  absError: number | null;
  inside: boolean | null;
  skipped: string | null;
}

export function loadInferenceCases(json: string): InferenceCase[] {
  return (JSON.parse(json) as { cases: InferenceCase[] }).cases;
}

/** kWh of the whole request converted to the published unit. */
function perUnit(kwh: number, unit: PublishedUnit, w: WorkloadInput): number {
  const ai = w.ai?.task === 'inference' ? w.ai : undefined;
  switch (unit) {
    case 'kWh/run':
      return kwh;
    case 'Wh/request':
      return (kwh * 1000) / ai!.requests!;
    case 'J/request':
      return (kwh * 3.6e6) / ai!.requests!;
    case 'J/output token':
      return (kwh * 3.6e6) / ai!.outputTokens!;
  }
}

/** The denominator the unit needs must be in the request, or the case is malformed. */
function checkUnits(c: InferenceCase): void {
  const ai = c.request.ai;
  if (ai?.task !== 'inference') throw new Error(`${c.id}: request has no ai {task: 'inference'}`);
  if (
    (c.published.unit === 'Wh/request' || c.published.unit === 'J/request') &&
    ai.requests === undefined
  )
    throw new Error(`${c.id}: per-request unit without ai.requests`);
  if (c.published.unit === 'J/output token' && ai.outputTokens === undefined)
    throw new Error(`${c.id}: per-token unit without ai.outputTokens`);
}

/** Runs one case: the scoped energy, its range scaled by the same share of the total, and the log error. */
export function runInferenceCase(c: InferenceCase, tables: Tables): InferenceRun {
  checkUnits(c);
  const row: InferenceRun = {
    id: c.id,
    reliability: c.reliability,
    scope: c.scope,
    unit: c.published.unit,
    published: c.published.value,
    estimate: null,
    low: null,
    high: null,
    log2Ratio: null,
    absError: null,
    inside: null,
    skipped: null,
  };
  try {
    const r = estimatorFor(tables).estimate(Workload.parse(c.request));
    const e = r.energyKwh;
    const scoped =
      c.scope === 'facility'
        ? e.total
        : c.scope === 'it'
          ? e.total - e.byComponent.overhead
          : e.byComponent.gpu;
    // The range is published for the total only: scale it by the scope's share, as the issue asks.
    const share = e.total > 0 ? scoped / e.total : 0;
    const est = perUnit(scoped, c.published.unit, c.request);
    const low = perUnit(e.low * share, c.published.unit, c.request);
    const high = perUnit(e.high * share, c.published.unit, c.request);
    const log2Ratio = Math.log2(est / c.published.value);
    return {
      ...row,
      estimate: est,
      low,
      high,
      log2Ratio,
      absError: Math.abs(log2Ratio),
      inside: low <= c.published.value && c.published.value <= high,
    };
  } catch (err) {
    if (err instanceof EstimateError) return { ...row, skipped: `${err.code}: ${err.message}` };
    throw err;
  }
}

export interface InferenceSummary {
  label: string;
  cases: number;
  run: number;
  medianAbsError: number | null;
  insideShare: number | null;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Summary over the given runs; a skipped case counts as outside the range (a refusal is not a match). */
export function summarize(label: string, runs: readonly InferenceRun[]): InferenceSummary {
  const run = runs.filter((r) => !r.skipped);
  return {
    label,
    cases: runs.length,
    run: run.length,
    medianAbsError: run.length ? median(run.map((r) => r.absError!)) : null,
    insideShare: runs.length ? runs.filter((r) => r.inside === true).length / runs.length : null,
  };
}

export function formatSummary(s: InferenceSummary): string {
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)} %`);
  return `${s.label.padEnd(16)} cases ${String(s.cases).padStart(2)} (run ${String(s.run).padStart(2)})  median |error| ${pct(s.medianAbsError).padStart(8)}  inside range ${pct(s.insideShare).padStart(5)}`;
}

/** Fixed-width table: published and estimate in the published unit, ratio, error and whether inside. */
export function formatInferenceRuns(runs: readonly InferenceRun[]): string {
  const pad = (v: string, n: number) => v.padEnd(n);
  const f = (v: number | null) => (v === null ? '—' : v >= 1000 ? v.toFixed(0) : v.toPrecision(3));
  const lines = [
    `${pad('case', 46)} ${pad('tier', 4)} ${pad('scope', 8)} ${pad('unit', 14)} ${pad('published', 10)} ${pad('estimate', 10)} ${pad('range', 22)} ${pad('est/pub', 9)} ${pad('|error|', 9)} inside`,
  ];
  for (const r of runs) {
    const head = `${pad(r.id, 46)} ${pad(r.reliability, 4)} ${pad(r.scope, 8)} ${pad(r.unit, 14)} ${pad(f(r.published), 10)}`;
    if (r.skipped) lines.push(`${head} refused: ${r.skipped}`);
    else
      lines.push(
        `${head} ${pad(f(r.estimate), 10)} ${pad(`${f(r.low)}–${f(r.high)}`, 22)} ${pad(`${f(2 ** r.log2Ratio!)}×`, 9)} ${pad(`${(r.absError! * 100).toFixed(0)} %`, 9)} ${r.inside ? 'yes' : 'NO'}`,
      );
  }
  return lines.join('\n');
}

/** Issue 13's targets for the inference set. */
export const INFERENCE_TARGETS = { medianAbsError: 0.35, insideShare: 0.8 } as const;
