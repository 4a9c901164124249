// The formats an estimate can be answered in: JSON, CSV (one header and one result row) or a BoAmps
// 1.1.0 report; the API picks one by `?format=` or Accept, the CLI by `--format`.
import { z } from 'zod';

export const ESTIMATE_FORMATS = ['json', 'csv', 'boamps'] as const;
export type EstimateFormat = (typeof ESTIMATE_FORMATS)[number];

export const BOAMPS_MEDIA_TYPE = 'application/vnd.boamps+json';

/** Media type of each format, as Accept names it. */
export const ESTIMATE_MEDIA_TYPES: { readonly [F in EstimateFormat]: string } = {
  json: 'application/json',
  csv: 'text/csv',
  boamps: BOAMPS_MEDIA_TYPE,
};

export const EstimateQuery = z
  .object({
    /** Overrides the Accept header: `csv` (one header row and one result row) or `boamps` (BoAmps 1.1.0 report). */
    format: z.enum(ESTIMATE_FORMATS).optional().meta({
      description:
        'json (default), csv, or boamps (a BoAmps 1.1.0 report); overrides the Accept header.',
    }),
  })
  .strict();
