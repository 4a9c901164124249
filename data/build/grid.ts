// Grid zones: every Electricity Maps zone plus every country with an ISO code in the Ember sources.
// primary = EM yearly where EM has the zone, else Ember/OWID, else Ember via co2.js; alternates = the
// other Ember figures for the same country. Years before 2021 are dropped (see brief / SOURCES.md).
import { type AnnualIntensity, GridZone } from '../../src/core/tables.ts';
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

export const MIN_YEAR = 2021;

/**
 * ISO alpha-3 -> alpha-2 for codes missing from the UNFCCC list (which predates them or skips
 * territories). XK is the code Electricity Maps uses for Kosovo (user-assigned, not ISO).
 */
const EXTRA_ISO3_TO_ISO2: Readonly<Record<string, string>> = {
  HKG: 'HK',
  MAC: 'MO',
  ESH: 'EH',
  XKX: 'XK',
};

/** ISO alpha-3 -> alpha-2 from the iso3/iso2 columns of the UNFCCC file (plus the few extras above). */
export function iso3ToIso2Map(): Map<string, string> {
  const map = new Map<string, string>(Object.entries(EXTRA_ISO3_TO_ISO2));
  for (const row of readCsv('grid-annual/unfccc_ifi_marginal_grid_factors_2021.csv')) {
    const iso3 = cell(row, 'iso3');
    const iso2 = cell(row, 'iso2');
    if (iso3 && iso2) map.set(iso3, iso2);
  }
  return map;
}

interface ZoneDraft {
  id: string;
  name: string;
  at: Origin;
  primary: AnnualIntensity[];
  alternates: AnnualIntensity[];
}

const pctToShare = (row: CsvRow, column: string): number | null => {
  const v = num(row, column);
  return v === null ? null : round(v / 100, 4);
};

function emZones(): Map<string, ZoneDraft> {
  const zones = new Map<string, ZoneDraft>();
  for (const row of readCsv('grid-annual/electricitymaps_yearly_2021_2025.csv')) {
    const id = cell(row, 'zone');
    const year = reqNum(row, 'year');
    if (year < MIN_YEAR) continue;
    const zone = zones.get(id) ?? {
      id,
      name: cell(row, 'zone_name') || id,
      at: row,
      primary: [],
      alternates: [],
    };
    zones.set(id, zone);
    zone.primary.push({
      year,
      intensityGCo2ePerKwh: reqNum(row, 'carbon_intensity_gco2e_per_kwh'),
      basis: 'lifecycle', // EM API yearly default (SOURCES.md "Read this first")
      source: 'em-yearly',
      carbonFreeShare: pctToShare(row, 'carbon_free_pct'),
      renewableShare: pctToShare(row, 'renewable_pct'),
    });
  }
  return zones;
}

interface CountryYears {
  name: string;
  at: Origin;
  values: AnnualIntensity[];
}

/** Ember/OWID by ISO2: rows with an ISO code and an intensity, years >= 2021. Aggregates have no code. */
function emberOwid(iso2Of: Map<string, string>): Map<string, CountryYears> {
  const out = new Map<string, CountryYears>();
  for (const row of readCsv('grid-annual/owid_ember_carbon_intensity_elec_2018_2024.csv')) {
    const iso3 = cell(row, 'iso_code');
    const intensity = num(row, 'carbon_intensity_elec_gco2e_per_kwh');
    const year = reqNum(row, 'year');
    if (!iso3 || intensity === null || year < MIN_YEAR) continue;
    const iso2 = iso2Of.get(iso3);
    if (!iso2) throw rowError(row, `no ISO alpha-2 code known for "${iso3}"`);
    const entry = out.get(iso2) ?? { name: cell(row, 'country'), at: row, values: [] };
    out.set(iso2, entry);
    entry.values.push({
      year,
      intensityGCo2ePerKwh: intensity,
      basis: 'lifecycle', // Ember methodology aims at full lifecycle emissions (SOURCES.md)
      source: 'ember-owid',
      carbonFreeShare: null, // the trimmed OWID copy has no low-carbon share column
      renewableShare: pctToShare(row, 'renewables_share_elec_pct'),
    });
  }
  return out;
}

function emberCo2js(iso2Of: Map<string, string>): Map<string, CountryYears> {
  const out = new Map<string, CountryYears>();
  for (const row of readCsv('grid-annual/ember_via_co2js_2021_2024.csv')) {
    const iso3 = cell(row, 'iso3');
    const year = reqNum(row, 'year');
    if (!iso3 || year < MIN_YEAR) continue;
    const iso2 = iso2Of.get(iso3);
    if (!iso2) throw rowError(row, `no ISO alpha-2 code known for "${iso3}"`);
    const entry = out.get(iso2) ?? { name: cell(row, 'country_or_region'), at: row, values: [] };
    out.set(iso2, entry);
    entry.values.push({
      year,
      intensityGCo2ePerKwh: reqNum(row, 'emissions_intensity_gco2_per_kwh'),
      basis: 'lifecycle',
      source: 'ember-co2js',
      carbonFreeShare: null,
      renewableShare: null,
    });
  }
  return out;
}

const byYear = (a: AnnualIntensity, b: AnnualIntensity) =>
  a.year - b.year || (a.source < b.source ? -1 : 1);

export function buildZones(): GridZone[] {
  const iso2Of = iso3ToIso2Map();
  const zones = emZones();
  const owid = emberOwid(iso2Of);
  const co2js = emberCo2js(iso2Of);
  const countries = new Set([...owid.keys(), ...co2js.keys()]);
  for (const iso2 of countries) {
    const fromOwid = owid.get(iso2);
    const fromCo2js = co2js.get(iso2);
    const existing = zones.get(iso2);
    if (existing) {
      existing.alternates.push(...(fromOwid?.values ?? []), ...(fromCo2js?.values ?? []));
      continue;
    }
    // EM lacks this country: Ember/OWID is primary (co2.js copy when OWID has no year >= 2021).
    const [primary, alternate] = fromOwid ? [fromOwid, fromCo2js] : [fromCo2js, undefined];
    if (!primary) continue;
    zones.set(iso2, {
      id: iso2,
      name: primary.name,
      at: primary.at,
      primary: [...primary.values],
      alternates: [...(alternate?.values ?? [])],
    });
  }
  return [...zones.values()].sort(byKey((z) => z.id)).map((z) =>
    validateRow(
      GridZone,
      {
        id: z.id,
        name: z.name,
        countryIso2: z.id.slice(0, 2), // sub-zones: prefix (`US-CAL-CISO` -> `US`)
        isCountry: !z.id.includes('-'),
        primary: [...z.primary].sort(byYear),
        alternates: [...z.alternates].sort(byYear),
      },
      z.at,
    ),
  );
}
