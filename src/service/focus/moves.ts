// Moves: for the largest region × service groups, the same usage in the provider's cleanest region.
import type { Tables } from '../../core/tables.ts';
import type { FocusMove } from './summary-schema.ts';
import type { ProviderFallback } from './regions.ts';
import type { RankedRule } from './rules.ts';
import type { UnitCache } from './caches.ts';
import { MAX_GROUP_KEYS, boundedKey } from './aggregate.ts';

/** Region × service groups a summary proposes moves for (the largest by kgCO2e). */
export const MOVE_GROUPS = 5;

interface Group {
  readonly provider: string;
  readonly regionId: string;
  readonly service: string;
  kgCo2e: number;
  /** Net method units per rule: bounded by the rules. */
  readonly shapes: Map<RankedRule, { units: number }>;
}

export interface MoveTracker {
  add(
    provider: string,
    regionId: string,
    service: string,
    rule: RankedRule,
    units: number,
    kgCo2e: number,
  ): void;
  moves(): FocusMove[];
}

export function createMoveTracker(
  tables: Tables,
  fallbacks: ReadonlyMap<string, ProviderFallback>,
  units: UnitCache,
  sameContinent: boolean,
): MoveTracker {
  const groups = new Map<string, Map<string, Group>>();
  let count = 0;

  function add(
    provider: string,
    regionId: string,
    serviceName: string,
    rule: RankedRule,
    n: number,
    kg: number,
  ): void {
    const service = boundedKey(serviceName);
    let byService = groups.get(regionId);
    if (!byService) groups.set(regionId, (byService = new Map<string, Group>()));
    let g = byService.get(service);
    if (!g) {
      if (count >= MAX_GROUP_KEYS) return;
      count += 1;
      byService.set(service, (g = { provider, regionId, service, kgCo2e: 0, shapes: new Map() }));
    }
    g.kgCo2e += kg;
    const s = g.shapes.get(rule);
    if (s) s.units += n;
    else g.shapes.set(rule, { units: n });
  }

  /** kgCO2e of the group's usage in `regionId`; null when any of its units is refused there. */
  function footprintIn(g: Group, regionId: string): number | null {
    let kg = 0;
    for (const [rule, s] of g.shapes) {
      const u = units.unit(rule.method, rule.key, regionId);
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
      if (kg !== null && (best === null || kg < best.kg || (kg === best.kg && r.id < best.id))) {
        best = { id: r.id, kg };
      }
    }
    if (best === null || g.kgCo2e <= 0) return null;
    const saving = Math.max(0, g.kgCo2e - best.kg);
    const where = sameContinent ? ` on ${from?.continent ?? 'the same continent'}` : '';
    return {
      regionId: g.regionId,
      service: g.service,
      kgCo2e: g.kgCo2e,
      toRegionId: saving > 0 ? best.id : g.regionId,
      toKgCo2e: saving > 0 ? best.kg : g.kgCo2e,
      savingKgCo2e: saving,
      savingShare: saving / g.kgCo2e,
      candidates: candidates.length,
      assumption: `The same usage (instance types, vCPU, memory, storage and transfer units) estimated in each of ${candidates.length} ${g.provider} regions${where}, with that region's grid intensity and PUE; latency, price and service availability are not checked.`,
    };
  }

  return {
    add,
    moves: () =>
      [...groups.values()]
        .flatMap((byService) => [...byService.values()])
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
