// The batch route's transport: JSON (`{ workloads: [...] }`) or CSV bodies in, JSON or CSV out.
import type { Context } from 'hono';
import { BatchRequest, MAX_BATCH_ITEMS } from '../core/decision-schemas.ts';
import { parseBatchCsv, type CsvRow } from '../service/batch-csv.ts';
import type { BatchInput } from '../service/batch.ts';
import { GridshiftError } from '../service/problem.ts';
import { preferredMediaType } from './accept.ts';
import { readJsonBody } from './validate.ts';

const CSV_MEDIA_TYPE = /^text\/csv\s*(?:;|$)/i;

/** The body's workloads: CSV when declared `text/csv`, else JSON; more than the limit is a 413. */
export async function readBatch(c: Context): Promise<BatchInput> {
  const csv = CSV_MEDIA_TYPE.test(c.req.header('content-type') ?? '');
  const rows: CsvRow[] = csv
    ? parseBatchCsv(await c.req.text())
    : (await readJsonBody(c, BatchRequest)).workloads.map(
        (request) => ({ ok: true, request }) as const,
      );
  if (rows.length > MAX_BATCH_ITEMS) {
    const message = `expected at most ${MAX_BATCH_ITEMS} workloads per batch, got ${rows.length}`;
    throw new GridshiftError({
      code: 'payload_too_large',
      detail: `A batch holds at most ${MAX_BATCH_ITEMS} workloads: split the request.`,
      errors: [{ path: csv ? '' : 'workloads', code: 'payload_too_large', message }],
    });
  }
  return { rows, csv };
}

/** CSV out when the client asks for `text/csv` ahead of JSON. */
export function wantsCsv(c: Context): boolean {
  return (
    preferredMediaType(c.req.header('accept'), ['application/json', 'text/csv']) === 'text/csv'
  );
}
