// The summary of a FOCUS bill's footprint: zod, so the API documents it (OpenAPI) from one source.
import { z } from 'zod';
import { EmissionsSummary } from '../../core/schemas.ts';

export const FocusGroupKey = z.enum(['service', 'region', 'month', 'subAccount', 'tag']);
export type FocusGroupKey = z.infer<typeof FocusGroupKey>;

export const focusGroupSchema = z.object({
  key: z.string(),
  rows: z.number().int(),
  billedCost: z.number(),
  energyKwh: z.number(),
  kgCo2e: z.number(),
  kgCo2eLow: z.number(),
  kgCo2eHigh: z.number(),
});
export type FocusGroup = z.infer<typeof focusGroupSchema>;

export const focusMoveSchema = z.object({
  regionId: z.string(),
  service: z.string(),
  kgCo2e: z.number(),
  toRegionId: z.string(),
  toKgCo2e: z.number(),
  savingKgCo2e: z.number(),
  /** Saving ÷ the group's kgCO2e, 0–1. */
  savingShare: z.number(),
  candidates: z.number().int(),
  assumption: z.string(),
});
export type FocusMove = z.infer<typeof focusMoveSchema>;

export const focusSummarySchema = z.object({
  focusVersion: z.enum(['1.0', '1.1', '1.2']),
  rows: z.number().int(),
  usageRows: z.number().int(),
  mappedRows: z.number().int(),
  currency: z.string().nullable(),
  billedCost: z.number(),
  mappedBilledCost: z.number(),
  /** Mapped rows' share of the billed cost, 0–1 (null when the bill costs nothing). */
  mappedCostShare: z.number().nullable(),
  byMethod: z.array(
    z.object({
      method: z.string(),
      rows: z.number().int(),
      billedCost: z.number(),
      energyKwh: z.number(),
      kgCo2e: z.number(),
    }),
  ),
  unmapped: z.array(
    z.object({
      reason: z.string(),
      detail: z.string(),
      rows: z.number().int(),
      billedCost: z.number(),
    }),
  ),
  totals: z.object({
    energyKwh: z.number(),
    energyKwhLow: z.number(),
    energyKwhHigh: z.number(),
    // The same split as one estimate's emissions, summed over the bill's rows.
    kgCo2e: EmissionsSummary,
  }),
  groups: z.object({
    service: z.array(focusGroupSchema).optional(),
    region: z.array(focusGroupSchema).optional(),
    month: z.array(focusGroupSchema).optional(),
    subAccount: z.array(focusGroupSchema).optional(),
    tag: z.object({ key: z.string(), groups: z.array(focusGroupSchema) }).optional(),
  }),
  moves: z.array(focusMoveSchema),
  assumptions: z.array(z.string()),
});
export type FocusSummary = z.infer<typeof focusSummarySchema>;
