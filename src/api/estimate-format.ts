// The estimate's answer in the format asked: `?format=json|csv|boamps`, else the Accept header
// (`text/csv`, `application/vnd.boamps+json`), else JSON.
import type { Context } from 'hono';
import { z } from 'zod';
import type { EstimateResult, Workload } from '../core/schemas.ts';
import { estimatesToCsv } from '../core/report-csv.ts';
import { estimateToBoamps } from '../core/report-boamps.ts';
import { boampsMetaNow } from '../lib/report-meta.ts';
import { jsonAnswer } from './json-text.ts';

export const ESTIMATE_FORMATS = ['json', 'csv', 'boamps'] as const;
export type EstimateFormat = (typeof ESTIMATE_FORMATS)[number];

export const BOAMPS_MEDIA_TYPE = 'application/vnd.boamps+json';

export const EstimateQuery = z
  .object({
    /** Overrides the Accept header: `csv` (one header row and one result row) or `boamps` (BoAmps 1.1.0 report). */
    format: z.enum(ESTIMATE_FORMATS).optional().meta({ description: 'json (default), csv, or boamps (a BoAmps 1.1.0 report); overrides the Accept header.' }),
  })
  .strict();

/** The format of `?format`, else the first of text/csv or the BoAmps type that Accept names before JSON. */
export function negotiateEstimateFormat(format: EstimateFormat | undefined, accept: string | undefined): EstimateFormat {
  if (format) return format;
  const wanted = (accept ?? '').toLowerCase();
  const at = (type: string) => {
    const i = wanted.indexOf(type);
    return i < 0 ? Infinity : i;
  };
  const json = at('application/json');
  const csv = at('text/csv');
  const boamps = at(BOAMPS_MEDIA_TYPE);
  if (csv < json && csv < boamps) return 'csv';
  if (boamps < json && boamps < csv) return 'boamps';
  return 'json';
}

/** The response of an estimate in the negotiated format; `Vary: Accept` since the body depends on it. */
export function respondEstimate(c: Context, workload: Workload, result: EstimateResult, format: EstimateFormat | undefined): Response {
  const chosen = negotiateEstimateFormat(format, c.req.header('accept'));
  c.header('vary', 'accept');
  if (chosen === 'csv') return c.body(estimatesToCsv([result]), 200, { 'content-type': 'text/csv; charset=utf-8' });
  if (chosen === 'boamps') return jsonAnswer(c, estimateToBoamps(workload, result, boampsMetaNow()), 200, { 'content-type': `${BOAMPS_MEDIA_TYPE}; charset=utf-8` });
  return jsonAnswer(c, result);
}
