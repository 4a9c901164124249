// Moves: for the largest region × service groups, the same usage in the provider's cleanest region.
import type { Estimator } from '../../core/estimator.ts';
import type { FocusMethod } from '../../../data/focus-rules.ts';
import type { FocusMove } from './summary-schema.ts';
import type { ProviderFallback } from './regions.ts';
import { estimateUnit, type UnitFactor } from './units.ts';
import { MAX_GROUP_KEYS } from './aggregate.ts';

/** Region × service groups a summary proposes moves for (the largest by kgCO2e). */
export const MOVE_GROUPS = 5;

interface Group {
  readonly provider: string;
  readonly regionId: string;
  readonly service: string;
  kgCo2e: number;
  /** Net method units per (method, key): bounded by the rules. */
  readonly shapes: Map<string, { method: FocusMethod; key: string; units: number }>;
}

export interface MoveTracker {
  add(
    provider: string,
    regionId: string,
    service: string,
    method: FocusMethod,
    key: string,
    units: number,
    kgCo2e: number,
  ): void;
  moves(): FocusMove[];
}

export function createMoveTracker(
  estimator: Estimator,
  fallbacks: ReadonlyMap<string, ProviderFallback>,
  units: Map<string, UnitFactor | null>,
  sameContinent: boolean,
): MoveTracker {
  const groups = new Map<string, Group>();
  const tables = estimator.tables;
  const unit = (method: FocusMethod, key: string, regionId: string) => {
    const k = `${method}\u0000${key}\u0000${regionId}`;
    let u = units.get(k);
    if (u === undefined) units.set(k, (u = estimateUnit(estimator, tables, method, key, regionId)));
    return u;
  };

  function add(
    provider: string,
    regionId: string,
    service: string,
    method: FocusMethod,
    key: string,
    n: number,
    kg: number,
  ): void {
    const gk = `${regionId}\u0000${service}`;
    let g = groups.get(gk);
    if (!g) {
      if (groups.size >= MAX_GROUP_KEYS) return;
      groups.set(gk, (g = { provider, regionId, service, kgCo2e: 0, shapes: new Map() }));
    }
    g.kgCo2e += kg;
    const sk = `${method}\u0000${key}`;
    const s = g.shapes.get(sk) ?? g.shapes.set(sk, { method, key, units: 0 }).get(sk)!;
    s.units += n;
  }

  /** kgCO2e of the group's usage in `regionId`; null when any of its units is refused there. */
  function footprintIn(g: Group, regionId: string): number | null {
    let kg = 0;
    for (const s of g.shapes.values()) {
      const u = unit(s.method, s.key, regionId);
      if (u === null) return null;
      kg += u.kgCo2e * s.units;
    }
    return kg;
  }

  function moveFor(g: Group): FocusMove | null {
    const from = tables.regions.get(g.regionId);
    const candidates = [...tables.regions.values()].filter(
      (r) =>
        r.provider === g.provider &&
        r.gridZone !== null &&
        (!sameContinent || r.continent === from?.continent),
    );
    let best: { id: string; kg: number } | null = null;
    for (const r of candidates) {
      const kg = footprintIn(g, r.id);
      if (kg !== null && (best === null || kg < best.kg || (kg === best.kg && r.id < best.id)))
        best = { id: r.id, kg };
    }
    if (best === null || g.kgCo2e <= 0) return null;
    const saving = Math.max(0, g.kgCo2e - best.kg);
    return {
      regionId: g.regionId,
      service: g.service,
      kgCo2e: g.kgCo2e,
      toRegionId: saving > 0 ? best.id : g.regionId,
      toKgCo2e: saving > 0 ? best.kg : g.kgCo2e,
      savingKgCo2e: saving,
      savingShare: saving / g.kgCo2e,
      candidates: candidates.length,
      assumption: `The same usage (instance types, vCPU, memory, storage and transfer units) in each of ${candidates.length} ${g.provider} regions${sameContinent ? ` on ${from?.continent ?? 'the same continent'}` : ''}, with that region's grid intensity and PUE; latency, price and service availability are not checked.`,
    };
  }

  return {
    add,
    moves: () =>
      [...groups.values()]
        .filter((g) => fallbacks.has(g.provider))
        .sort(
          (a, b) =>
            b.kgCo2e - a.kgCo2e || (a.regionId + a.service < b.regionId + b.service ? -1 : 1),
        )
        .slice(0, MOVE_GROUPS)
        .map(moveFor)
        .filter((m): m is FocusMove => m !== null),
  };
}
