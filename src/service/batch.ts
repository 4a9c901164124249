// Batch below HTTP: runs core's batch over read rows (JSON or CSV) and writes each refusal as a
// per-item problem, so one bad item never fails the rest; the JSON answer lists provenance once.
import type { Estimator } from '../core/estimator.ts';
import type {
  BatchAnswerItem,
  BatchItem,
  BatchItemError,
  BatchResult,
  Provenance,
} from '../core/decision-schemas.ts';
import type { BatchOutcome } from '../core/batch.ts';
import { describeIssues } from './issues.ts';
import {
  invalidValues,
  PROBLEMS,
  problemFromEstimateError,
  problemTypeUri,
  type ProblemInit,
} from './problem.ts';
import { columnOf, type CsvRow } from './batch-csv.ts';

export interface BatchInput {
  readonly rows: readonly CsvRow[];
  readonly csv: boolean;
}

/** Results in input order; rows unreadable as CSV keep their own error. */
export function runBatch(input: BatchInput, estimator: Estimator): BatchItem[] {
  const requests = input.rows.flatMap((row) => (row.ok ? [row.request] : []));
  const outcomes = estimator.batch(requests);
  let next = 0;
  return input.rows.map((row) => {
    if (!row.ok)
      return {
        ok: false,
        error: itemError({
          code: 'validation_failed',
          detail: 'The row cannot be read.',
          errors: row.errors,
        }),
      };
    const outcome = outcomes[next++]!;
    return outcome.ok ? outcome : { ok: false, error: outcomeError(outcome, input.csv) };
  });
}

function outcomeError(outcome: Exclude<BatchOutcome, { ok: true }>, csv: boolean): BatchItemError {
  const init =
    'refusal' in outcome
      ? problemFromEstimateError(outcome.refusal)
      : invalidValues(describeIssues(outcome.issues, outcome.schema), 'workload', '(item)');
  return itemError(
    csv
      ? { ...init, errors: (init.errors ?? []).map((e) => ({ ...e, path: columnOf(e.path) })) }
      : init,
  );
}

function itemError(init: ProblemInit): BatchItemError {
  const kind = PROBLEMS[init.code];
  return {
    type: problemTypeUri(init.code),
    status: kind.status,
    title: kind.title,
    detail: init.detail,
    errors: [...(init.errors ?? [])],
  };
}

/**
 * The JSON answer of a batch: each distinct provenance once, each result naming its entry. Results
 * of one workload shape share their plan's lists (the same arrays), so they are matched by identity
 * first; preset items carry their own assumptions list, matched by content.
 */
export function shareProvenance(items: readonly BatchItem[]): BatchResult {
  const shared = createProvenanceIndex();
  const results = items.map(shared.item);
  return { results, provenance: shared.provenance };
}

/** shareProvenance one item at a time (a streamed batch): `provenance` grows as new shapes come. */
export function createProvenanceIndex(): {
  item(item: BatchItem): BatchAnswerItem;
  readonly provenance: Provenance[];
} {
  const provenance: Provenance[] = [];
  const byLists = new Map<
    readonly unknown[],
    Map<readonly unknown[], { readonly assumptions: readonly string[]; readonly index: number }[]>
  >();
  const indexOf = (p: Provenance): number => {
    let bySources = byLists.get(p.factors);
    if (!bySources)
      byLists.set(
        p.factors,
        (bySources = new Map<
          readonly unknown[],
          { readonly assumptions: readonly string[]; readonly index: number }[]
        >()),
      );
    let seen = bySources.get(p.sources);
    if (!seen) bySources.set(p.sources, (seen = []));
    for (const s of seen)
      if (s.assumptions === p.assumptions || sameStrings(s.assumptions, p.assumptions))
        return s.index;
    const index =
      provenance.push({ assumptions: p.assumptions, factors: p.factors, sources: p.sources }) - 1;
    seen.push({ assumptions: p.assumptions, index });
    return index;
  };
  return {
    provenance,
    item: (item) => {
      if (!item.ok) return item;
      const { assumptions, factors, sources, ...figures } = item.result;
      return { ok: true, result: figures, provenance: indexOf({ assumptions, factors, sources }) };
    },
  };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
