// Candidate regions for compare and suggest: by provider, country, continent or explicit ids.
import type { RegionFilter } from './decision-schemas.ts';
import type { Region, Tables } from './tables.ts';
import { EstimateError } from './errors.ts';
import { closestIds, closestPhrase } from './closest.ts';

/**
 * Regions matching every filter given, in table order; all regions without a filter. Unknown ids
 * and continents are refused with the closest known ones (`path` prefixes the filter's fields).
 */
export function selectRegions(
  tables: Tables,
  filter: RegionFilter | undefined,
  path: readonly string[] = ['regions'],
): Region[] {
  const all = [...tables.regions.values()];
  if (!filter) return all;
  const providers = filter.provider ? new Set<string>(filter.provider) : null;
  const countries = filter.country ? new Set(filter.country.map((c) => c.toUpperCase())) : null;
  const continents = filter.continent
    ? new Set(checkContinents(all, filter.continent, [...path, 'continent']))
    : null;
  const ids = filter.ids
    ? new Set(filter.ids.map((id, i) => checkRegionId(tables, id, [...path, 'ids', String(i)])))
    : null;
  return all.filter(
    (r) =>
      (providers === null || providers.has(r.provider)) &&
      (countries === null || (r.countryIso2 !== null && countries.has(r.countryIso2))) &&
      (continents === null || (r.continent !== null && continents.has(r.continent))) &&
      (ids === null || ids.has(r.id)),
  );
}

function checkRegionId(tables: Tables, id: string, path: readonly string[]): string {
  const region = tables.regions.get(id) ?? tables.regions.get(id.trim().toLowerCase());
  if (region) return region.id;
  const keys = [...tables.regions.values()].flatMap(
    (r) =>
      [
        [r.id, r.id],
        [r.region, r.id],
        [r.name, r.id],
      ] as const,
  );
  const close = closestIds(id, keys);
  throw new EstimateError(
    'unknown_location',
    path,
    `'${id}' is not a cloud region (written provider:region, like aws:eu-west-1)${closestPhrase(close, (r) => `${r} (${tables.regions.get(r)?.name ?? r})`)}`,
    close,
  );
}

/** The continents as the table spells them; matching ignores case. */
function checkContinents(
  regions: readonly Region[],
  asked: readonly string[],
  path: readonly string[],
): string[] {
  const known = [
    ...new Set(regions.flatMap((r) => (r.continent === null ? [] : [r.continent]))),
  ].sort();
  return asked.map((name, i) => {
    const match = known.find((k) => k.toLowerCase() === name.trim().toLowerCase());
    if (match) return match;
    throw new EstimateError(
      'unknown_location',
      [...path, String(i)],
      `'${name}' is not a continent: expected one of ${known.join(', ')}`,
      closestIds(
        name,
        known.map((k) => [k, k] as const),
      ),
    );
  });
}
