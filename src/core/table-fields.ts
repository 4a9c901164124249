// Field schemas shared by the tables (tables.ts), the request schemas (schemas.ts) and the hourly
// tables (hourly.ts); a leaf, so those three import it rather than each other.
import { z } from 'zod';

/** Short id of a dataset in the sources table, e.g. `em-yearly`, `ember-owid`, `ccf-coefficients`. */
export const SourceId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
export type SourceId = z.infer<typeof SourceId>;

/** Number format of served weights; bytes per parameter are in core/inference-model.ts. */
export const WeightPrecision = z.enum(['bf16', 'fp16', 'fp8', 'int8', 'mxfp4', 'int4']);
export type WeightPrecision = z.infer<typeof WeightPrecision>;
