// The factor tables behind footprint.sql, derived from the same rules and the same estimator:
// a unit's IT energy and embodied share, a region's PUE and grid intensity (energy = IT × PUE).
import type { Estimator } from '../../core/estimator.ts';
import { FOCUS_PROVIDERS, type FocusMethod } from '../../../data/focus-rules.ts';
import { rankRules } from './rules.ts';
import { providerFallbacks } from './regions.ts';
import { estimateUnit } from './units.ts';
import { FOOTPRINT_SQL } from './footprint-sql.ts';

/** Stand-ins for "no key" and "region not given" (warehouse CSV loaders read an empty cell as NULL). */
export const ANY_KEY = '(any)';
export const REGION_NOT_GIVEN = '(not given)';

export interface FactorTables {
  /** CSV files named as the SQL names the tables (`focus_rules.csv` -> table `focus_rules`). */
  readonly files: { name: string; csv: string }[];
  readonly sql: string;
}

function csvCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

/** The factor tables (CSV) and footprint.sql, for `gridshift factors -o DIR` and warehouses. */
export function writeFactorTables(estimator: Estimator): FactorTables {
  const tables = estimator.tables;
  const rules = rankRules(tables);
  const fallbacks = providerFallbacks(tables);
  const providers = [...fallbacks.keys()];

  const unitRows: (string | number)[][] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (r.method === 'unmapped') continue;
    for (const provider of r.provider === '*' ? providers : [r.provider]) {
      const fb = fallbacks.get(provider);
      const k = `${provider}\u0000${r.method}\u0000${r.key}`;
      if (!fb || seen.has(k)) continue;
      seen.add(k);
      const u = estimateUnit(estimator, tables, r.method, r.key, fb.regionId);
      if (u === null || u.kgCo2e === 0) continue;
      unitRows.push([
        provider,
        r.method,
        r.key || ANY_KEY,
        u.itKwh,
        u.embodiedKg,
        u.kgCo2eLow / u.kgCo2e,
        u.kgCo2eHigh / u.kgCo2e,
      ]);
    }
  }

  const regionRows: (string | number)[][] = [];
  for (const provider of providers) {
    const fb = fallbacks.get(provider)!;
    const list = [...tables.regions.values()].filter(
      (r) => r.provider === provider && r.gridZone !== null,
    );
    for (const region of list.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const probe = estimateUnit(
        estimator,
        tables,
        'memory_gb_hours' satisfies FocusMethod,
        '',
        region.id,
      );
      if (probe === null) continue;
      regionRows.push([
        provider,
        region.id.slice(provider.length + 1),
        region.id,
        probe.pue,
        probe.intensityKgPerKwh,
      ]);
      if (region.id === fb.regionId)
        regionRows.push([
          provider,
          REGION_NOT_GIVEN,
          region.id,
          probe.pue,
          probe.intensityKgPerKwh,
        ]);
    }
  }

  return {
    files: [
      {
        name: 'focus_providers.csv',
        csv: toCsv(
          ['focus_name', 'provider'],
          FOCUS_PROVIDERS.map((p) => [p.name, p.provider]),
        ),
      },
      {
        name: 'focus_rules.csv',
        csv: toCsv(
          [
            'rule_rank',
            'rule_id',
            'provider',
            'column_name',
            'pattern',
            'unit_pattern',
            'method',
            'unit_key',
            'factor',
          ],
          rules.map((r) => [
            r.rank,
            r.id,
            r.provider,
            r.column,
            r.pattern,
            r.unit,
            r.method,
            r.key || ANY_KEY,
            r.factor,
          ]),
        ),
      },
      {
        name: 'focus_unit_factors.csv',
        csv: toCsv(
          ['provider', 'method', 'unit_key', 'it_kwh', 'embodied_kg', 'low_ratio', 'high_ratio'],
          unitRows,
        ),
      },
      {
        name: 'focus_regions.csv',
        csv: toCsv(['provider', 'region', 'region_id', 'pue', 'kg_co2e_per_kwh'], regionRows),
      },
    ],
    sql: FOOTPRINT_SQL,
  };
}
