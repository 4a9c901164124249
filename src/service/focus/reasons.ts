// Why a row carries no energy: one sentence per reason code (rules add their own, in their note).
import { FOCUS_RULES } from '../../../data/focus-rules.ts';

const FIXED: Record<string, string> = {
  not_usage:
    'ChargeCategory is not Usage (purchase, tax, credit or adjustment): no resource was used',
  no_quantity: 'ConsumedQuantity is empty or not a number',
  bad_row: 'the row has fewer cells than the header',
  unknown_provider: 'ProviderName is not AWS, Microsoft, Google Cloud or Oracle',
  no_rule: 'no mapping rule matches this service, description and unit',
  unknown_region: 'RegionId names no region in the tables',
  no_region_data: 'the provider has no regions in the tables (no grid zone or PUE to use)',
  estimate_refused: 'the estimator refused the workload this row maps to',
};

const FROM_RULES = new Map(
  FOCUS_RULES.filter((r) => r.reason !== '').map((r) => [
    r.reason,
    r.note.slice(r.reason.length + 2),
  ]),
);

/** The sentence for a reason code. */
export function describeReason(reason: string): string {
  return FIXED[reason] ?? FROM_RULES.get(reason) ?? reason;
}
