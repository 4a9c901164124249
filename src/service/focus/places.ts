// Where a billing row can run: the estimator's cloud regions (estimated at the region) and the regions
// known only to the FOCUS mapping (Oracle Cloud: estimated at their grid zone, stated as an assumption).
import type { BillingRegion, Tables } from '../../core/tables.ts';

export interface FocusPlace {
  /** `provider:region`. */
  readonly id: string;
  readonly provider: string;
  readonly continent: string | null;
  readonly gridZone: string | null;
  /** The `location` /v1/estimate is given for this place: the region id, or its grid zone. */
  readonly location: string;
  /** Why the place is estimated at a grid zone (null for the estimator's own regions). */
  readonly assumption: string | null;
}

function billingPlace(r: BillingRegion): FocusPlace {
  return {
    id: r.id,
    provider: r.provider,
    continent: r.continent,
    gridZone: r.gridZone,
    location: r.gridZone,
    assumption: `${r.id} (${r.name}, ${r.countryIso2}; ${r.source}) is estimated at its grid zone ${r.gridZone}: no PUE is published for it, so the estimator's industry-average PUE for a grid-zone location applies.`,
  };
}

/** Every place by id: the tables' regions, then the FOCUS-only regions whose zone the tables hold. */
export function focusPlaces(tables: Tables): ReadonlyMap<string, FocusPlace> {
  const out = new Map<string, FocusPlace>();
  for (const r of tables.regions.values()) {
    out.set(r.id, {
      id: r.id,
      provider: r.provider,
      continent: r.continent,
      gridZone: r.gridZone,
      location: r.id,
      assumption: null,
    });
  }
  for (const r of tables.billingRegions?.values() ?? []) {
    if (!out.has(r.id) && tables.zones.has(r.gridZone)) out.set(r.id, billingPlace(r));
  }
  return out;
}
