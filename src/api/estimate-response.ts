// The estimate's answer in the format asked: `?format=json|csv|boamps`, else the Accept header
// (`text/csv`, `application/vnd.boamps+json`), else JSON.
import type { Context } from 'hono';
import type { AppEnv } from './route.ts';
import type { EstimateResult, Workload } from '../core/schemas.ts';
import { estimatesToCsv } from '../core/report-csv.ts';
import { estimateToBoamps } from '../core/report-boamps.ts';
import {
  BOAMPS_MEDIA_TYPE,
  ESTIMATE_MEDIA_TYPES,
  type EstimateFormat,
} from '../service/estimate-format.ts';
import { boampsMetaNow } from '../service/report-meta.ts';
import { preferredMediaType } from './accept.ts';
import { jsonAnswer } from './json-text.ts';

const FORMAT_OF_MEDIA_TYPE = new Map(
  Object.entries(ESTIMATE_MEDIA_TYPES).map(([format, type]) => [type, format as EstimateFormat]),
);

/** The format of `?format`, else the first of text/csv or the BoAmps type that Accept names before JSON. */
export function negotiateEstimateFormat(
  format: EstimateFormat | undefined,
  accept: string | undefined,
): EstimateFormat {
  if (format) return format;
  const { json, csv, boamps } = ESTIMATE_MEDIA_TYPES;
  return FORMAT_OF_MEDIA_TYPE.get(preferredMediaType(accept, [json, csv, boamps]))!;
}

/** The response of an estimate in the negotiated format; `Vary: Accept` since the body depends on it. */
export function respondEstimate(
  c: Context<AppEnv>,
  workload: Workload,
  result: EstimateResult,
  format: EstimateFormat | undefined,
): Response {
  const chosen = negotiateEstimateFormat(format, c.req.header('accept'));
  c.header('vary', 'accept');
  if (chosen === 'csv')
    return c.body(estimatesToCsv([result]), 200, { 'content-type': 'text/csv; charset=utf-8' });
  if (chosen === 'boamps')
    return jsonAnswer(c, estimateToBoamps(workload, result, boampsMetaNow()), 200, {
      'content-type': `${BOAMPS_MEDIA_TYPE}; charset=utf-8`,
    });
  return jsonAnswer(c, result);
}
