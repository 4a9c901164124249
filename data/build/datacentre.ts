// Datacentre table: PUE/WUE by entity and year (provider reports, Green Algorithms defaults), plus the
// model coefficients of data/build/coefficients.ts.
import { type AcceleratorFacilityPue, Datacentre, PueEntry } from '../../src/core/tables.ts';
import { buildCoefficients } from './coefficients.ts';
import { byKey, cell, type CsvRow, num, readCsv, reqNum, rowError, validateRow } from './csv.ts';

/** Entities of pue_wue_reference.csv kept (provider fleet figures and the industry average). */
function entityOf(row: CsvRow): string | null {
  const e = cell(row, 'entity');
  // Model defaults (CCF/EcoLogits) and design targets are assumptions, not reported fleet values.
  if (/\((CCF default|EcoLogits assumption)\)/.test(e) || /design/i.test(cell(row, 'scope')))
    return null;
  if (e.startsWith('Industry average')) return 'industry';
  if (e === 'Amazon Web Services') return 'aws';
  if (e === 'Google') return 'gcp';
  if (e === 'Microsoft Azure') return 'azure';
  return null; // IDC estimates, Meta, Equinix, Alibaba: other scopes, not used by the estimator
}

function pueEntries(): PueEntry[] {
  const out: PueEntry[] = [];
  for (const row of readCsv('datacenter/pue_wue_reference.csv')) {
    const entity = entityOf(row);
    const year = num(row, 'year');
    if (!entity || year === null) continue; // the undated academic WUE estimate has no year
    const wueUnverified = /WUE unverified/i.test(cell(row, 'verification'));
    out.push(
      validateRow(
        PueEntry,
        {
          entity,
          year,
          pue: num(row, 'pue'),
          wueLPerKwh: wueUnverified ? null : num(row, 'wue_l_per_kwh'),
          source: 'pue-wue-reference',
        },
        row,
      ),
    );
  }
  // Green Algorithms defaults: 'Unknown' is Uptime 2024; provider values cite a 2023 Nutanix post.
  const gaEntity: Readonly<Record<string, string>> = {
    Unknown: 'industry',
    gcp: 'gcp',
    aws: 'aws',
    azure: 'azure',
    Oracle: 'oci',
  };
  for (const row of readCsv('datacenter/green_algorithms_defaults_PUE.csv', { headerRows: 2 })) {
    const entity = gaEntity[cell(row, 'provider')];
    if (!entity) continue; // OVHcloud: no instances or regions in the tables
    const year = entity === 'industry' ? 2024 : 2023;
    out.push(
      validateRow(
        PueEntry,
        { entity, year, pue: reqNum(row, 'PUE'), wueLPerKwh: null, source: 'green-algorithms' },
        row,
      ),
    );
  }
  return out.sort(byKey((p) => `${p.entity}|${p.year}|${p.source}|${p.pue}`));
}

/** Hyperscale operators whose fleet PUE bounds an accelerator cluster's PUE from below. */
const HYPERSCALE = new Set(['Amazon Web Services', 'Google', 'Microsoft Azure', 'Meta']);

/**
 * PUE of an accelerator (GPU/TPU) cluster when only a grid zone or country is known: large AI clusters
 * mostly run in cloud and hyperscale facilities, so the central value is IDC's public-cloud average;
 * the range runs from the best hyperscale fleet figure to IDC's on-premises enterprise average.
 */
function acceleratorFacilityPue(): AcceleratorFacilityPue {
  const rows = readCsv('datacenter/pue_wue_reference.csv');
  const one = (entity: RegExp): CsvRow => {
    const found = rows.filter((r) => entity.test(cell(r, 'entity')) && num(r, 'pue') !== null);
    if (found.length !== 1)
      throw new Error(
        `data/raw/datacenter/pue_wue_reference.csv: expected one PUE row for ${entity}, found ${found.length}`,
      );
    return found[0]!;
  };
  const cloud = one(/^Public cloud industry average/);
  const onPrem = one(/^On-premises enterprise average/);
  const fleet = rows.filter(
    (r) =>
      HYPERSCALE.has(cell(r, 'entity')) &&
      !/design/i.test(cell(r, 'scope')) &&
      num(r, 'pue') !== null,
  );
  if (fleet.length === 0)
    throw new Error('data/raw/datacenter/pue_wue_reference.csv: no hyperscale fleet PUE rows');
  const best = fleet.reduce((a, b) => (reqNum(b, 'pue') < reqNum(a, 'pue') ? b : a));
  const value = {
    central: reqNum(cloud, 'pue'),
    low: reqNum(best, 'pue'),
    high: reqNum(onPrem, 'pue'),
    year: reqNum(cloud, 'year'),
    source: 'pue-wue-reference',
    note: `central: ${cell(cloud, 'entity')} ${cell(cloud, 'year')} ${cell(cloud, 'pue')}; low: best hyperscale fleet figure (${cell(best, 'entity')} ${cell(best, 'year')} ${cell(best, 'pue')}, of ${fleet.length} AWS/Google/Microsoft/Meta fleet rows); high: ${cell(onPrem, 'entity')} ${cell(onPrem, 'year')} ${cell(onPrem, 'pue')}`,
  };
  if (!(value.low <= value.central && value.central <= value.high))
    throw rowError(
      cloud,
      `accelerator PUE central ${value.central} is outside ${value.low}..${value.high}`,
    );
  return value;
}

export function buildDatacentre(): Datacentre {
  const at = { file: 'data/build/datacentre.ts', line: 0 };
  return validateRow(
    Datacentre,
    {
      pue: pueEntries(),
      acceleratorFacilityPue: acceleratorFacilityPue(),
      coefficients: buildCoefficients(),
    },
    at,
  );
}
