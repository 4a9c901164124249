// Catalogue views over the tables: listing, lookup and search as small pure functions.
import type {
  AnnualIntensity,
  GridZone,
  LlmModel,
  Provider,
  Region,
  Source,
  Tables,
} from '../core/tables.ts';
import { GridshiftError } from './problem.ts';
import { closestIds, closestPhrase } from '../core/closest.ts';
import { nearestIds, searchByName } from './text-match.ts';

export interface RegionFilter {
  provider?: Provider | undefined;
  /** ISO 3166-1 alpha-2, any case. */
  country?: string | undefined;
  q?: string | undefined;
}

/** Regions matching every filter given; sorted by id, or by match quality when `q` is given. */
export function listRegions(tables: Tables, filter: RegionFilter): Region[] {
  const country = filter.country?.toUpperCase();
  const filtered = sortById([...tables.regions.values()]).filter(
    (r) =>
      (filter.provider === undefined || r.provider === filter.provider) &&
      (country === undefined || r.countryIso2 === country),
  );
  return searchByName(filtered, filter.q, (r) => [r.id, r.region, r.name, r.countryIso2 ?? '']);
}

export interface RegionView extends Region {
  /** The grid zone's most recent primary annual intensity; null when the region has no zone. */
  latestIntensity: (AnnualIntensity & { zone: string; zoneName: string }) | null;
}

/** One region with its zone's latest intensity, or a 404 problem naming the closest ids. */
export function describeRegion(tables: Tables, id: string): RegionView {
  const region = tables.regions.get(id) ?? tables.regions.get(id.toLowerCase());
  if (!region) {
    const names = [...tables.regions.values()].flatMap(
      (r) =>
        [
          [r.id, r.id],
          [r.region, r.id],
          [r.name, r.id],
        ] as const,
    );
    throw unknownId('unknown_region', 'region', id, names, (r) =>
      nameOf(r, tables.regions.get(r)?.name),
    );
  }
  const zone = region.gridZone === null ? undefined : tables.zones.get(region.gridZone);
  const latest = zone?.primary.at(-1);
  return {
    ...region,
    latestIntensity: zone && latest ? { zone: zone.id, zoneName: zone.name, ...latest } : null,
  };
}

export interface ZoneView extends GridZone {
  /** The datasets its intensities come from. */
  sources: SourceView[];
}

/** One grid zone with every annual intensity and their sources, or a 404 problem. */
export function describeZone(tables: Tables, id: string): ZoneView {
  const zone =
    tables.zones.get(id) ??
    tables.zones.get(id.toUpperCase()) ??
    findIgnoringCase(tables.zones, id);
  if (!zone) {
    const names = [...tables.zones.values()].flatMap(
      (z) =>
        [
          [z.id, z.id],
          [z.name, z.id],
        ] as const,
    );
    throw unknownId('unknown_zone', 'grid zone', id, names, (z) =>
      nameOf(z, tables.zones.get(z)?.name),
    );
  }
  const used = new Set([...zone.primary, ...zone.alternates].map((row) => row.source));
  return { ...zone, sources: listSources(tables).filter((s) => used.has(s.id)) };
}

export type SourceView = Pick<
  Source,
  'id' | 'title' | 'publisher' | 'licence' | 'year' | 'url' | 'attribution'
>;

/** Every dataset the tables come from, without build-only fields. */
export function listSources(tables: Tables): SourceView[] {
  return tables.sources.map(({ id, title, publisher, licence, year, url, attribution }) => ({
    id,
    title,
    publisher,
    licence,
    year,
    url,
    attribution,
  }));
}

/** LLM models known to the inference estimate (none when the tables carry no AI references). */
export function listModels(tables: Tables, q: string | undefined): LlmModel[] {
  const models = sortById([...(tables.ai?.llmModels.values() ?? [])]);
  return searchByName(models, q, (m) => [m.id, m.name, ...m.aliases]);
}

/** Row counts of every table, for `/health`. */
export function countTables(tables: Tables): Record<string, number> {
  return {
    sources: tables.sources.length,
    regions: tables.regions.size,
    zones: tables.zones.size,
    gpus: tables.accelerators.size,
    cpus: tables.cpus.size,
    instances: tables.instances.size,
    ...(tables.ai ? { models: tables.ai.llmModels.size } : {}),
  };
}

/** 404 problem with the closest ids: core's matcher (names too), else the nearest ids at all. */
function unknownId(
  code: 'unknown_region' | 'unknown_zone',
  noun: string,
  id: string,
  names: readonly (readonly [string, string])[],
  label: (id: string) => string,
) {
  const close = closestIds(id, names);
  const candidates =
    close.length > 0 ? close : nearestIds(id, new Set(names.map(([, target]) => target)));
  const message = `there is no ${noun} with this id${closestPhrase(candidates, label)}`;
  return new GridshiftError({
    code,
    detail: message,
    errors: [{ path: 'id', code, message }],
    candidates,
  });
}

/** `FR (France)`: the id to type and the name people know. */
function nameOf(id: string, name: string | undefined): string {
  return name === undefined || name === id ? id : `${id} (${name})`;
}

function findIgnoringCase<T>(map: ReadonlyMap<string, T>, id: string): T | undefined {
  const lower = id.toLowerCase();
  for (const [key, value] of map) if (key.toLowerCase() === lower) return value;
  return undefined;
}

function sortById<T extends { id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
