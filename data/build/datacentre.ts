// Datacentre table: PUE/WUE by entity and year (provider reports, Green Algorithms defaults), plus the
// model coefficients of data/build/coefficients.ts.
import { Datacentre, PueEntry } from '../../src/core/tables.ts';
import { buildCoefficients } from './coefficients.ts';
import { byKey, cell, type CsvRow, num, readCsv, reqNum, validateRow } from './csv.ts';

/** Entities of pue_wue_reference.csv kept (provider fleet figures and the industry average). */
function entityOf(row: CsvRow): string | null {
  const e = cell(row, 'entity');
  // Model defaults (CCF/EcoLogits) and design targets are assumptions, not reported fleet values.
  if (/\((CCF default|EcoLogits assumption)\)/.test(e) || /design/i.test(cell(row, 'scope'))) return null;
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
    out.push(validateRow(PueEntry, { entity, year, pue: num(row, 'pue'), wueLPerKwh: wueUnverified ? null : num(row, 'wue_l_per_kwh'), source: 'pue-wue-reference' }, row));
  }
  // Green Algorithms defaults: 'Unknown' is Uptime 2024; provider values cite a 2023 Nutanix post.
  const gaEntity: Readonly<Record<string, string>> = { Unknown: 'industry', gcp: 'gcp', aws: 'aws', azure: 'azure', Oracle: 'oci' };
  for (const row of readCsv('datacenter/green_algorithms_defaults_PUE.csv', { headerRows: 2 })) {
    const entity = gaEntity[cell(row, 'provider')];
    if (!entity) continue; // OVHcloud: no instances or regions in the tables
    const year = entity === 'industry' ? 2024 : 2023;
    out.push(validateRow(PueEntry, { entity, year, pue: reqNum(row, 'PUE'), wueLPerKwh: null, source: 'green-algorithms' }, row));
  }
  return out.sort(byKey((p) => `${p.entity}|${p.year}|${p.source}|${p.pue}`));
}

export function buildDatacentre(): Datacentre {
  const at = { file: 'data/build/datacentre.ts', line: 0 };
  return validateRow(Datacentre, { pue: pueEntries(), coefficients: buildCoefficients() }, at);
}
