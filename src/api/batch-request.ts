// Batch transport: reads JSON (`{ workloads: [...] }`) or CSV bodies, runs core's batch, and writes
// each refusal as a per-item problem, so one bad item never fails the rest.
import type { Context } from 'hono';
import type { Tables } from '../core/tables.ts';
import { BatchRequest, MAX_BATCH_ITEMS, type BatchItem, type BatchItemError } from '../core/decision-schemas.ts';
import { estimateBatch, type BatchOutcome } from '../core/batch.ts';
import { describeIssues } from './issues.ts';
import { PROBLEMS, ProblemException, problemFromEstimateError, problemTypeUri, type ProblemInit, type ProblemItem } from './problem.ts';
import { columnOf, parseBatchCsv, type CsvRow } from './batch-csv.ts';
import { readJsonBody } from './validate.ts';

const CSV_MEDIA_TYPE = /^text\/csv\s*(?:;|$)/i;

export interface BatchInput {
  readonly rows: readonly CsvRow[];
  readonly csv: boolean;
}

/** The body's workloads: CSV when declared `text/csv`, else JSON; more than the limit is a 413. */
export async function readBatch(c: Context): Promise<BatchInput> {
  const csv = CSV_MEDIA_TYPE.test(c.req.header('content-type') ?? '');
  const rows: CsvRow[] = csv
    ? parseBatchCsv(await c.req.text())
    : (await readJsonBody(c, BatchRequest)).workloads.map((request) => ({ ok: true, request }) as const);
  if (rows.length > MAX_BATCH_ITEMS) {
    const message = `expected at most ${MAX_BATCH_ITEMS} workloads per batch, got ${rows.length}`;
    throw new ProblemException({
      code: 'payload_too_large',
      detail: `A batch holds at most ${MAX_BATCH_ITEMS} workloads: split the request.`,
      errors: [{ path: csv ? '' : 'workloads', code: 'payload_too_large', message }],
    });
  }
  return { rows, csv };
}

/** Results in input order; rows unreadable as CSV keep their own error. */
export function runBatch(input: BatchInput, tables: Tables): BatchItem[] {
  const requests = input.rows.flatMap((row) => (row.ok ? [row.request] : []));
  const outcomes = estimateBatch(requests, tables);
  let next = 0;
  return input.rows.map((row) => {
    if (!row.ok) return { ok: false, error: itemError({ code: 'validation_failed', detail: 'The row cannot be read.', errors: row.errors }) };
    const outcome = outcomes[next++]!;
    return outcome.ok ? outcome : { ok: false, error: outcomeError(outcome, input.csv) };
  });
}

/** CSV out when the client asks for `text/csv` ahead of JSON. */
export function wantsCsv(c: Context): boolean {
  const accept = (c.req.header('accept') ?? '').toLowerCase();
  const csvAt = accept.indexOf('text/csv');
  const jsonAt = accept.indexOf('application/json');
  return csvAt >= 0 && (jsonAt < 0 || csvAt < jsonAt);
}

function outcomeError(outcome: Exclude<BatchOutcome, { ok: true }>, csv: boolean): BatchItemError {
  const init = 'refusal' in outcome ? problemFromEstimateError(outcome.refusal) : issuesProblem(describeIssues(outcome.issues, outcome.schema));
  return itemError(csv ? { ...init, errors: (init.errors ?? []).map((e) => ({ ...e, path: columnOf(e.path) })) } : init);
}

function issuesProblem(errors: ProblemItem[]): ProblemInit {
  const paths = [...new Set(errors.map((e) => (e.path === '' ? '(item)' : e.path)))];
  return { code: 'validation_failed', detail: `The workload has ${errors.length} invalid value(s): ${paths.join(', ')}.`, errors };
}

function itemError(init: ProblemInit): BatchItemError {
  const kind = PROBLEMS[init.code];
  return { type: problemTypeUri(init.code), status: kind.status, title: kind.title, detail: init.detail, errors: [...(init.errors ?? [])] };
}
