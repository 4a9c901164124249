// The run's state read out as the summary (groups sorted, reasons worded, assumptions listed).
import type { FocusGroupKey, FocusSummary } from './summary-schema.ts';
import type { FocusVersion } from './columns.ts';
import type { GroupSums, Sums } from './aggregate.ts';
import type { MoveTracker } from './moves.ts';
import { describeReason } from './reasons.ts';

export interface RunState {
  readonly version: FocusVersion;
  rows: number;
  usageRows: number;
  currency: string | null;
  billed: number;
  readonly mapped: Sums;
  readonly totals: {
    energyKwhLow: number;
    energyKwhHigh: number;
    location: number;
    market: number;
    embodied: number;
  };
  readonly byMethod: Map<string, Sums>;
  readonly unmapped: Map<string, { rows: number; billedCost: number }>;
  readonly groups: Map<FocusGroupKey, GroupSums>;
  readonly tagKey: string | null;
  readonly assumptions: Set<string>;
  readonly moves: MoveTracker;
}

const METHOD_ASSUMPTIONS = [
  'Each mapped row is the workload /v1/estimate takes for its instance, vCPU, memory, storage or transfer units in its region, with the same defaults (utilisation, PUE, grid year, embodied), scaled by ConsumedQuantity.',
  'Usage rows only: purchases, taxes, credits and adjustments carry no resource use; negative quantities (refunds, corrections) subtract.',
  'Group and total low/high bounds add the rows\u2019 bounds, as if every row\u2019s uncertainty ran the same way (the widest range).',
];

/** The summary of everything added so far. */
export function summarise(s: RunState): FocusSummary {
  const groups: FocusSummary['groups'] = {};
  for (const [dim, sums] of s.groups) {
    if (dim === 'tag') groups.tag = { key: s.tagKey ?? '', groups: sums.list() };
    else groups[dim] = sums.list();
  }
  return {
    focusVersion: s.version,
    rows: s.rows,
    usageRows: s.usageRows,
    mappedRows: s.mapped.rows,
    currency: s.currency,
    billedCost: s.billed,
    mappedBilledCost: s.mapped.billedCost,
    mappedCostShare: s.billed === 0 ? null : s.mapped.billedCost / s.billed,
    byMethod: [...s.byMethod]
      .map(([method, m]) => ({
        method,
        rows: m.rows,
        billedCost: m.billedCost,
        energyKwh: m.energyKwh,
        kgCo2e: m.kgCo2e,
      }))
      .sort((a, b) => b.kgCo2e - a.kgCo2e || (a.method < b.method ? -1 : 1)),
    unmapped: [...s.unmapped]
      .map(([reason, u]) => ({
        reason,
        detail: describeReason(reason),
        rows: u.rows,
        billedCost: u.billedCost,
      }))
      .sort((a, b) => b.rows - a.rows || (a.reason < b.reason ? -1 : 1)),
    totals: {
      energyKwh: s.mapped.energyKwh,
      energyKwhLow: s.totals.energyKwhLow,
      energyKwhHigh: s.totals.energyKwhHigh,
      kgCo2e: {
        total: s.mapped.kgCo2e,
        low: s.mapped.kgCo2eLow,
        high: s.mapped.kgCo2eHigh,
        location: s.totals.location,
        market: s.totals.market,
        embodied: s.totals.embodied,
      },
    },
    groups,
    moves: s.moves.moves(),
    assumptions: [...METHOD_ASSUMPTIONS, ...[...s.assumptions].sort()],
  };
}
