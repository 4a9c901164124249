// A FOCUS run: rows in one at a time (O(1) memory each), per-row results out, a bounded summary.
import type { Estimator } from '../../core/estimator.ts';
import type { FocusColumns } from './columns.ts';
import type { FocusGroupKey, FocusSummary } from './summary-schema.ts';
import { isNullCell, tagValue, toNumber } from './cells.ts';
import { prepareFocus } from './prepared.ts';
import { createPlaceCache, createRuleCache, createRuleUnits, createUnitCache } from './caches.ts';
import { GroupSums, addTo, emptySums } from './aggregate.ts';
import { createMoveTracker } from './moves.ts';
import { summarise, type RunState } from './summary.ts';

export interface FocusOptions {
  /** Dimensions to group by; default service, region, month and subAccount (and tag with `tagKey`). */
  readonly groupBy?: readonly FocusGroupKey[];
  /** Tag whose value groups rows (the `Tags` JSON object's key). */
  readonly tagKey?: string;
  /** Moves only to regions on the same continent. */
  readonly sameContinent?: boolean;
}

export interface FocusRowResult {
  readonly id: string;
  /** Data row number, from 1. */
  readonly row: number;
  readonly method: string;
  readonly energyKwh: number;
  readonly kgCo2e: number;
  readonly kgCo2eLow: number;
  readonly kgCo2eHigh: number;
  readonly regionId: string | null;
  readonly zone: string | null;
  /** Why an `unmapped` row carries no energy (a reason code). */
  readonly reason?: string;
}

export interface FocusRun {
  /** One data row's cells; never throws (a bad row is `unmapped` with its reason). */
  add(cells: readonly string[]): FocusRowResult;
  summary(): FocusSummary;
}

const DEFAULT_GROUPS: readonly FocusGroupKey[] = ['service', 'region', 'month', 'subAccount'];

/** A run over `estimator`'s tables for a file with these `columns`. */
export function createFocusRun(
  estimator: Estimator,
  columns: FocusColumns,
  options: FocusOptions = {},
): FocusRun {
  const tables = estimator.tables;
  const { match, fallbacks, places: known } = prepareFocus(tables);
  const rules = createRuleCache(match);
  const units = createUnitCache(estimator, known);
  const unitFor = createRuleUnits(units);
  const places = createPlaceCache(known);
  const c = columns;
  const need = Math.max(
    c.provider,
    c.billedCost,
    c.chargeCategory,
    c.consumedQuantity,
    c.consumedUnit,
    c.regionId,
  );
  const dims = new Set(
    options.groupBy ?? [...DEFAULT_GROUPS, ...(options.tagKey ? ['tag' as const] : [])],
  );
  const state: RunState = {
    version: c.version,
    rows: 0,
    usageRows: 0,
    currency: null,
    billed: 0,
    mapped: emptySums(),
    totals: { energyKwhLow: 0, energyKwhHigh: 0, location: 0, market: 0, embodied: 0 },
    byMethod: new Map(),
    unmapped: new Map(),
    groups: new Map([...dims].map((d) => [d, new GroupSums()])),
    tagKey: options.tagKey ?? null,
    assumptions: new Set(),
    moves: createMoveTracker(known, fallbacks, units, options.sameContinent ?? false),
  };
  // The groups as a list: every row adds to each, and a list walks without an iterator per row.
  const groups = [...state.groups];

  const cell = (cells: readonly string[], i: number): string | null => {
    if (i < 0) return null;
    const v = cells[i];
    return isNullCell(v) ? null : v!;
  };

  function unmapped(
    cells: readonly string[],
    id: string,
    cost: number,
    reason: string,
  ): FocusRowResult {
    const r: FocusRowResult = {
      id,
      row: state.rows,
      method: 'unmapped',
      energyKwh: 0,
      kgCo2e: 0,
      kgCo2eLow: 0,
      kgCo2eHigh: 0,
      regionId: null,
      zone: null,
      reason,
    };
    const u =
      state.unmapped.get(reason) ??
      state.unmapped.set(reason, { rows: 0, billedCost: 0 }).get(reason)!;
    u.rows += 1;
    u.billedCost += cost;
    record(cells, r, cost, null);
    return r;
  }

  function record(
    cells: readonly string[],
    r: FocusRowResult,
    cost: number,
    regionKey: string | null,
  ): void {
    for (const [dim, sums] of groups) {
      if (dim === 'service') sums.add(cell(cells, c.serviceName) ?? '(none)', r, cost);
      else if (dim === 'region') sums.add(regionKey ?? '(none)', r, cost);
      else if (dim === 'month')
        sums.add((cell(cells, c.chargePeriodStart) ?? '(none)').slice(0, 7), r, cost);
      else if (dim === 'subAccount')
        sums.add(cell(cells, c.subAccountName) ?? cell(cells, c.subAccountId) ?? '(none)', r, cost);
      else sums.add(tagValue(cell(cells, c.tags), state.tagKey), r, cost);
    }
  }

  function add(cells: readonly string[]): FocusRowResult {
    state.rows += 1;
    const id = cell(cells, c.id) ?? String(state.rows);
    const cost = toNumber(cell(cells, c.billedCost)) ?? 0;
    state.billed += Number.isFinite(cost) ? cost : 0;
    if (state.currency === null) state.currency = cell(cells, c.billingCurrency);
    if (cells.length <= need) return unmapped(cells, id, cost, 'bad_row');
    if (cell(cells, c.chargeCategory) !== 'Usage') return unmapped(cells, id, cost, 'not_usage');
    state.usageRows += 1;
    const provider = places.provider(cell(cells, c.provider) ?? '');
    if (provider === null) return unmapped(cells, id, cost, 'unknown_provider');
    const quantity = toNumber(cell(cells, c.consumedQuantity));
    if (quantity === null) return unmapped(cells, id, cost, 'no_quantity');
    const rule = rules.ruleFor(
      provider,
      cell(cells, c.consumedUnit),
      cell(cells, c.serviceName),
      cell(cells, c.chargeDescription),
    );
    if (rule === null) return unmapped(cells, id, cost, 'no_rule');
    if (rule.method === 'unmapped') return unmapped(cells, id, cost, rule.reason);
    const regionCell = cell(cells, c.regionId);
    // RegionId NULL: a RegionName that is one of the provider's region ids (Oracle's bills) stands in.
    const nameCell = regionCell === null ? cell(cells, c.regionName) : null;
    const byName = nameCell === null ? null : places.regionId(provider, nameCell);
    const named = byName !== null && known.get(byName)?.gridZone ? byName : null;
    let regionId: string;
    if (named !== null) {
      state.assumptions.add(
        `RegionId not given: RegionName '${named.slice(provider.length + 1)}' is ${provider}'s region id, so the row is placed in ${named}.`,
      );
      regionId = named;
    } else if (regionCell === null) {
      const fb = fallbacks.get(provider);
      if (!fb) return unmapped(cells, id, cost, 'no_region_data');
      state.assumptions.add(fb.assumption);
      regionId = fb.regionId;
    } else {
      const known = places.regionId(provider, regionCell);
      if (known === null) {
        const reason = fallbacks.has(provider) ? 'unknown_region' : 'no_region_data';
        return unmapped(cells, id, cost, reason);
      }
      regionId = known;
    }
    const unit = unitFor(rule, regionId);
    if (unit === null) return unmapped(cells, id, cost, 'estimate_refused');
    const zoned = known.get(regionId)?.assumption;
    if (zoned) state.assumptions.add(zoned);
    const q = quantity * rule.factor;
    const r: FocusRowResult = {
      id,
      row: state.rows,
      method: rule.method,
      energyKwh: unit.energyKwh * q,
      kgCo2e: unit.kgCo2e * q,
      kgCo2eLow: unit.kgCo2eLow * q,
      kgCo2eHigh: unit.kgCo2eHigh * q,
      regionId,
      zone: unit.zone,
    };
    addTo(state.mapped, r, cost);
    const t = state.totals;
    t.energyKwhLow += unit.energyKwhLow * q;
    t.energyKwhHigh += unit.energyKwhHigh * q;
    t.location += unit.locationKg * q;
    t.market += unit.marketKg * q;
    t.embodied += unit.embodiedKg * q;
    const m =
      state.byMethod.get(rule.method) ??
      state.byMethod.set(rule.method, emptySums()).get(rule.method)!;
    addTo(m, r, cost);
    const located = regionCell !== null || named !== null;
    const regionKey = located ? regionId : `${provider}:(not given)`;
    record(cells, r, cost, regionKey);
    if (located) {
      state.moves.add(
        provider,
        regionId,
        cell(cells, c.serviceName) ?? '(none)',
        rule,
        q,
        r.kgCo2e,
      );
    }
    return r;
  }

  return { add, summary: () => summarise(state) };
}
