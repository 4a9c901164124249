// Oracle Cloud (OCI) regions for the FOCUS mapping: a hand-curated table (city, country, grid zone)
// from Oracle's "Regions and Availability Domains" documentation; the zone must exist in the grid table.
import { BillingRegion } from '../../src/core/tables.ts';
import { byKey, cell, readCsv, rowError, validateRow } from './csv.ts';
import { continents } from './regions.ts';

export function buildOciRegions(zoneIds: ReadonlySet<string>): BillingRegion[] {
  const continentOf = continents();
  const out: BillingRegion[] = [];
  for (const row of readCsv('cloud-regions/oci_regions_curated.csv')) {
    const region = cell(row, 'region');
    const country = cell(row, 'country_iso2');
    const zone = cell(row, 'em_zone');
    if (!zoneIds.has(zone)) throw rowError(row, `grid zone "${zone}" is not in the grid table`);
    const continent = continentOf.get(country);
    if (!continent) throw rowError(row, `no continent for country "${country}"`);
    out.push(
      validateRow(
        BillingRegion,
        {
          id: `oci:${region}`,
          provider: 'oci',
          region,
          name: cell(row, 'city'),
          countryIso2: country,
          continent,
          gridZone: zone,
          source: cell(row, 'source'),
        },
        row,
      ),
    );
  }
  return out.sort(byKey((r) => r.id));
}
