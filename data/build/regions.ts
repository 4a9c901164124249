// Cloud regions (AWS, GCP, Azure): identity from the merged table's identity columns, completed from
// CCF, carbon-aware-sdk, Google, codecarbon, mlco2 and Green Algorithms, then REGION_FIXES.
// PUE only from openly licensed per-region figures; CFE only from Google's region-carbon-info.
import { Provider, Region, type SourcedValue } from '../../src/core/tables.ts';
import {
  byKey,
  cell,
  type CsvRow,
  num,
  type Origin,
  readCsv,
  reqNum,
  round,
  rowError,
  validateRow,
} from './csv.ts';
import { iso3ToIso2Map } from './grid.ts';
import { CONTINENT_OVERRIDES, REGION_FIXES, REGION_TYPOS } from './region-facts.ts';

interface Draft {
  provider: Provider;
  region: string;
  at: Origin;
  name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  emZone: string | null;
  pue: SourcedValue | null;
  cfe: SourcedValue | null;
  sources: Set<string>;
}

type Regions = Map<string, Draft>;

/** Finds or creates the draft for provider/region; returns null for providers outside aws/gcp/azure. */
function upsert(
  regions: Regions,
  provider: string,
  rawRegion: string,
  at: CsvRow,
  source: string,
): Draft | null {
  const p = Provider.safeParse(provider.toLowerCase());
  const lower = rawRegion.trim().toLowerCase();
  const region = REGION_TYPOS[lower] ?? lower;
  if (!p.success || region === '' || region === 'unknown') return null;
  const id = `${p.data}:${region}`;
  const empty = {
    name: null,
    country: null,
    lat: null,
    lon: null,
    emZone: null,
    pue: null,
    cfe: null,
  };
  const draft = regions.get(id) ?? {
    provider: p.data,
    region,
    at,
    ...empty,
    sources: new Set<string>(),
  };
  regions.set(id, draft);
  draft.sources.add(source);
  return draft;
}

const firstOf = <T>(current: T | null, next: T | null | undefined): T | null =>
  current ?? next ?? null;
const orNull = (s: string): string | null => (s === '' ? null : s);

function readMerged(regions: Regions): void {
  for (const row of readCsv('cloud-regions/cloud_regions_merged_identity.csv')) {
    const d = upsert(
      regions,
      cell(row, 'provider'),
      cell(row, 'region'),
      row,
      'cloud-regions-merged',
    );
    if (!d) continue;
    d.name = orNull(cell(row, 'location'));
    d.lat = num(row, 'lat');
    d.lon = num(row, 'lon');
    d.emZone = orNull(cell(row, 'em_zone'));
    d.country = orNull(cell(row, 'country_iso2'));
  }
}

function readOthers(regions: Regions, iso2Of: Map<string, string>): void {
  for (const row of readCsv('cloud-regions/ccf_region_to_electricitymaps_zone.csv')) {
    const d = upsert(regions, cell(row, 'provider'), cell(row, 'region'), row, 'ccf');
    if (d) d.emZone = firstOf(d.emZone, orNull(cell(row, 'electricitymaps_zone')));
  }
  for (const row of readCsv('cloud-regions/aws_regions_names.csv')) {
    const d = upsert(regions, 'aws', cell(row, 'aws_region'), row, 'gsf-carbon-aware-sdk');
    if (d) d.name = firstOf(d.name, orNull(cell(row, 'full_name')));
  }
  for (const row of readCsv('cloud-regions/azure_regions_locations_2021.csv')) {
    // Logical entries without a geography group are geographies (`asia`, `global`, ...), not regions.
    const geographyOnly =
      cell(row, 'region_type') === 'Logical' && cell(row, 'geography_group') === '';
    if (geographyOnly && !regions.has(`azure:${cell(row, 'azure_region')}`)) continue;
    const d = upsert(regions, 'azure', cell(row, 'azure_region'), row, 'gsf-carbon-aware-sdk');
    if (!d) continue;
    d.name = firstOf(d.name, orNull(cell(row, 'display_name')));
    if (d.lat === null) [d.lat, d.lon] = [num(row, 'latitude'), num(row, 'longitude')];
  }
  const gcpRows = readCsv('cloud-regions/gcp_region_carbon_info_2019_2024.csv');
  for (const row of gcpRows) {
    const d = upsert(regions, 'gcp', cell(row, 'gcp_region'), row, 'gcp-region-carbon');
    if (!d) continue;
    d.name = firstOf(d.name, orNull(cell(row, 'location')));
    const cfePct = num(row, 'google_cfe_pct');
    const year = reqNum(row, 'year');
    // Latest year with a value wins (file is sorted by year, but do not rely on it).
    if (cfePct !== null && (d.cfe === null || year > d.cfe.year))
      d.cfe = { value: round(cfePct / 100, 4), year, source: 'gcp-region-carbon' };
  }
  for (const row of readCsv('cloud-regions/codecarbon_cloud_impact.csv')) {
    const d = upsert(regions, cell(row, 'provider'), cell(row, 'region'), row, 'codecarbon');
    if (!d) continue;
    d.name = firstOf(d.name, orNull(cell(row, 'city')));
    d.country = firstOf(d.country, iso2Of.get(cell(row, 'countryIsoCode')));
  }
  for (const row of readCsv('cloud-regions/mlco2_impact_cloud_regions.csv')) {
    const d = upsert(regions, cell(row, 'provider'), cell(row, 'region'), row, 'mlco2-impact');
    if (d) d.name = firstOf(d.name, orNull(cell(row, 'regionName')) ?? orNull(cell(row, 'city')));
  }
  for (const row of readCsv('cloud-regions/green_algorithms_cloudProviders_datacenters.csv', {
    headerRows: 2,
  })) {
    // Azure rows use display names ("Germany North (Public)") -> CLI ids ("germanynorth").
    const raw = cell(row, 'Name');
    const regionId =
      cell(row, 'provider') === 'azure' ? raw.replace(/\(.*?\)/g, '').replace(/\s+/g, '') : raw;
    const d = upsert(regions, cell(row, 'provider'), regionId, row, 'green-algorithms');
    if (!d) continue;
    d.name = firstOf(d.name, orNull(cell(row, 'location_freeForm')) ?? orNull(raw));
    // Green Algorithms writes Hong Kong as CN-HK; ISO 3166 gives it its own code.
    const location = cell(row, 'location');
    const country = location === 'CN-HK' ? 'HK' : location.slice(0, 2);
    d.country = firstOf(d.country, orNull(country));
    const pue = num(row, 'PUE');
    // Region-specific PUE, dated by the source's own access note "(29/09/2020)".
    if (pue !== null && d.pue === null)
      d.pue = { value: pue, year: 2020, source: 'green-algorithms' };
  }
}

/** CCF's per-region GCP PUE (trailing twelve months as captured by CCF, ~2021); wins over Green Algorithms. */
function applyCcfPue(regions: Regions): void {
  for (const row of readCsv('hardware/ccf_provider_constants.csv')) {
    if (cell(row, 'constant') !== 'PUE_TRAILING_TWELVE_MONTH' || cell(row, 'provider') !== 'gcp')
      continue;
    const d = regions.get(`gcp:${cell(row, 'key')}`);
    if (!d) throw rowError(row, `PUE for unknown GCP region "${cell(row, 'key')}"`);
    d.pue = { value: reqNum(row, 'value'), year: 2021, source: 'ccf' };
    d.sources.add('ccf');
  }
}

/** Country -> continent from Green Algorithms CI_aggregated country rows, plus CONTINENT_OVERRIDES. */
export function continents(): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of readCsv('grid-annual/green_algorithms_CI_aggregated.csv', { headerRows: 2 })) {
    if (cell(row, 'Type') === 'Country') map.set(cell(row, 'location'), cell(row, 'continentName'));
  }
  for (const [country, continent] of Object.entries(CONTINENT_OVERRIDES))
    map.set(country, continent);
  return map;
}

export function buildRegions(zoneIds: ReadonlySet<string>): Region[] {
  const regions: Regions = new Map();
  readMerged(regions);
  readOthers(regions, iso3ToIso2Map());
  applyCcfPue(regions);
  const continentOf = continents();
  const out: Region[] = [];
  for (const [id, d] of [...regions.entries()].sort(byKey(([k]) => k))) {
    const fix = REGION_FIXES[id];
    const country = fix?.country ?? d.country;
    const emZone = fix?.emZone ?? d.emZone;
    // EM zone if the grid table has it, else the country's zone, else null (no estimate possible).
    const gridZone =
      emZone && zoneIds.has(emZone) ? emZone : country && zoneIds.has(country) ? country : null;
    const continent = country ? (continentOf.get(country) ?? null) : null;
    if (country && !continent)
      throw rowError(d.at, `no continent for country "${country}" (add it to CONTINENT_OVERRIDES)`);
    out.push(
      validateRow(
        Region,
        {
          id,
          provider: d.provider,
          region: d.region,
          name: fix?.name ?? d.name ?? d.region,
          countryIso2: country,
          continent,
          lat: fix?.lat ?? d.lat,
          lon: fix?.lon ?? d.lon,
          gridZone,
          pue: d.pue,
          wueLPerKwh: null, // no openly licensed per-region WUE in the sources
          carbonFreeEnergyShare: d.cfe,
          sources: [...d.sources].sort(),
        },
        d.at,
      ),
    );
  }
  return out;
}
