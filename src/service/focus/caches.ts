// The per-run caches that make repeated row shapes cost a few Map lookups: rule by (provider, unit,
// service, description) and unit factor by (rule, region). Nested maps: no key strings built per row.
import type { Estimator } from '../../core/estimator.ts';
import type { FocusMethod } from '../../../data/focus-rules.ts';
import type { RankedRule, RuleMatcher } from './rules.ts';
import { providerOf } from './regions.ts';
import type { FocusPlace } from './places.ts';
import { estimateUnit, type UnitFactor } from './units.ts';

/** Distinct row shapes remembered before the rule cache starts over (bounds memory on odd bills). */
export const MATCH_CACHE_MAX = 50_000;

/** Longer cells are matched but not remembered: a hostile file's 1 MB cells never pile up in a cache. */
const CACHE_KEY_MAX_CHARS = 2_048;

function longerThan(cell: string | null): boolean {
  return cell !== null && cell.length > CACHE_KEY_MAX_CHARS;
}

type Level<T> = Map<string, T>;
type Leaf = Level<RankedRule | null>;

/** The map under `k` in `m`, made empty at first use. */
function child<T>(m: Level<Level<T>>, k: string): Level<T> {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = new Map<string, T>()));
  return v;
}

export interface RuleCache {
  ruleFor(
    provider: string,
    unit: string | null,
    service: string | null,
    description: string | null,
  ): RankedRule | null;
}

export function createRuleCache(match: RuleMatcher): RuleCache {
  let root = new Map<string, Level<Level<Leaf>>>();
  let size = 0;
  const matchRow: RuleCache['ruleFor'] = (provider, unit, service, description) =>
    match({ provider, unit, ServiceName: service, ChargeDescription: description });
  return {
    ruleFor(provider, unit, service, description) {
      if (longerThan(unit) || longerThan(service) || longerThan(description))
        return matchRow(provider, unit, service, description);
      const leaf = child(child(child(root, provider), unit ?? '\u0000'), service ?? '\u0000');
      const d = description ?? '\u0000';
      let r = leaf.get(d);
      if (r === undefined) {
        r = matchRow(provider, unit, service, description);
        if (++size > MATCH_CACHE_MAX) {
          root = new Map<string, Level<Level<Leaf>>>();
          size = 0;
        } else leaf.set(d, r);
      }
      return r;
    },
  };
}

export interface UnitCache {
  /** One unit of (method, key) in `regionId`, estimated once; null when refused. */
  unit(method: FocusMethod, key: string, regionId: string): UnitFactor | null;
}

export function createUnitCache(
  estimator: Estimator,
  places: ReadonlyMap<string, FocusPlace>,
): UnitCache {
  const byShape = new Map<string, Map<string, UnitFactor | null>>();
  return {
    unit(method, key, regionId) {
      const perRegion = child(byShape, `${method}\u0000${key}`);
      let u = perRegion.get(regionId);
      if (u === undefined) {
        perRegion.set(
          regionId,
          (u = estimateUnit(
            estimator,
            estimator.tables,
            method,
            key,
            regionId,
            places.get(regionId)?.location ?? regionId,
          )),
        );
      }
      return u;
    },
  };
}

/** Rule -> its unit factors by region, for the per-row path (no key string per row). */
export function createRuleUnits(units: UnitCache) {
  const byRule = new Map<RankedRule, Map<string, UnitFactor | null>>();
  return (rule: RankedRule, regionId: string): UnitFactor | null => {
    let perRegion = byRule.get(rule);
    if (!perRegion) byRule.set(rule, (perRegion = new Map<string, UnitFactor | null>()));
    let u = perRegion.get(regionId);
    if (u === undefined) perRegion.set(regionId, (u = units.unit(rule.method, rule.key, regionId)));
    return u;
  };
}

/** Distinct ProviderName and RegionId spellings remembered per run. */
const PLACE_CACHE_MAX = 10_000;

export interface PlaceCache {
  /** gridshift provider of a ProviderName cell, or null. */
  provider(name: string): string | null;
  /** `provider:region` of a RegionId (or RegionName) cell when it names a known place, else null. */
  regionId(provider: string, cell: string): string | null;
}

export function createPlaceCache(places: ReadonlyMap<string, FocusPlace>): PlaceCache {
  const providers = new Map<string, string | null>();
  const regions = new Map<string, Map<string, string | null>>();
  return {
    provider(name) {
      if (name.length > 100) return null;
      let p = providers.get(name);
      if (p === undefined) {
        p = providerOf(name);
        if (providers.size < PLACE_CACHE_MAX) providers.set(name, p);
      }
      return p;
    },
    regionId(provider, cell) {
      if (cell.length > 100) return null;
      const m = child(regions, provider);
      let id = m.get(cell);
      if (id === undefined) {
        const candidate = `${provider}:${cell.trim().toLowerCase()}`;
        id = places.has(candidate) ? candidate : null;
        if (m.size < PLACE_CACHE_MAX) m.set(cell, id);
      }
      return id;
    },
  };
}
