// The FOCUS 1.0 sample (data/raw/focus/, © FinOps Foundation, CC BY 4.0) as parsed rows, and a run over it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Estimator } from '../../src/core/estimator.ts';
import {
  createFocusRun,
  readFocusHeader,
  type FocusOptions,
  type FocusRowResult,
  type FocusSummary,
} from '../../src/service/focus/index.ts';

export const FOCUS_SAMPLE_PATH = fileURLToPath(
  new URL('../../data/raw/focus/focus-1.0-sample-1000.csv', import.meta.url),
);

/** Header and data rows of the sample, as a CSV reader hands them over. */
export function readFocusSample(): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(readFileSync(FOCUS_SAMPLE_PATH, 'utf8'), {
    skipEmptyLines: true,
  });
  const [header, ...rows] = parsed.data;
  return { header: header!, rows };
}

/** Every row of the sample through one run: per-row results (by Id) and the summary. */
export function runFocusSample(
  estimator: Estimator,
  options?: FocusOptions,
): { results: FocusRowResult[]; byId: Map<string, FocusRowResult>; summary: FocusSummary } {
  const { header, rows } = readFocusSample();
  const run = createFocusRun(estimator, readFocusHeader(header), options);
  const results = rows.map((r) => run.add(r));
  return { results, byId: new Map(results.map((r) => [r.id, r])), summary: run.summary() };
}
