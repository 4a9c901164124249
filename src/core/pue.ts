// Which PUE (and WUE) applies: the user's, the region's, the provider's or the industry average.
import type { Workload } from './schemas.ts';
import type { AcceleratorFacilityPue, PueEntry, Region, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import { bounded } from './range.ts';

export interface ResolvedPue {
  readonly pue: Bounded;
  readonly source: string;
  readonly year: number | null;
}

/** The entity's entry nearest `year` from below (latest when no year), with a value in `pick`. */
function latestEntry(
  entries: readonly PueEntry[],
  entity: string,
  year: number | undefined,
  pick: (e: PueEntry) => number | null,
): PueEntry | null {
  const candidates = entries.filter((e) => e.entity === entity && pick(e) !== null);
  if (candidates.length === 0) return null;
  const upTo = year === undefined ? candidates : candidates.filter((e) => e.year <= year);
  if (upTo.length > 0) return upTo.reduce((a, b) => (b.year > a.year ? b : a));
  return candidates.reduce((a, b) => (b.year < a.year ? b : a));
}

/** Industry-average bounds: well-run sites reach ~1.1, older enterprise rooms 2.0 (Uptime survey). */
const INDUSTRY_PUE_LOW = 1.1;
const INDUSTRY_PUE_HIGH = 2.0;

export function resolvePue(
  w: Workload,
  region: Region | null,
  tables: Tables,
  ledger: Ledger,
): ResolvedPue {
  if (w.pue !== undefined) {
    ledger.user('pue', 'Power usage effectiveness', w.pue, 'ratio');
    return { pue: bounded(w.pue, 1, 1), source: 'user', year: null };
  }
  const accel =
    region === null && runsAccelerators(w, tables)
      ? tables.datacentre.acceleratorFacilityPue
      : undefined;
  if (accel) return ledger.memo(accel, 'pue', (l) => acceleratorPue(accel, l));
  return ledger.memo(region ?? tables.datacentre, `pue|${w.year}`, (l) =>
    tablePue(w.year, region, tables, l),
  );
}

/** True when the workload runs GPUs/TPUs: given directly, or through an instance type that has them. */
function runsAccelerators(w: Workload, tables: Tables): boolean {
  if (w.gpu !== undefined) return true;
  const type = w.instance?.type;
  return type !== undefined && (tables.instances.get(type.trim().toLowerCase())?.gpuCount ?? 0) > 0;
}

/**
 * An accelerator cluster at a grid zone or country: such clusters mostly run in cloud/hyperscale
 * facilities, so the central PUE is the public-cloud average; the range spans the best hyperscale
 * fleet to the on-premises enterprise average.
 */
function acceleratorPue(p: AcceleratorFacilityPue, ledger: Ledger): ResolvedPue {
  ledger.factor({
    id: 'pue',
    label: 'PUE of a GPU/TPU cluster whose data centre is not named (public-cloud average)',
    value: p.central,
    unit: 'ratio',
    source: p.source,
    year: p.year,
  });
  ledger.assume(
    `Location is a grid zone, not a data centre: GPU/TPU clusters mostly run in cloud and hyperscale facilities, so PUE ${p.central} (public-cloud average) is used, with a range from ${p.low} (best hyperscale fleet) to ${p.high} (on-premises enterprise average); give \`pue\` for your facility.`,
  );
  return { pue: { central: p.central, low: p.low, high: p.high }, source: p.source, year: p.year };
}

function tablePue(
  year: number | undefined,
  region: Region | null,
  tables: Tables,
  ledger: Ledger,
): ResolvedPue {
  if (region?.pue) {
    const p = region.pue;
    ledger.factor({
      id: 'pue',
      label: `PUE of ${region.id}`,
      value: p.value,
      unit: 'ratio',
      source: p.source,
      year: p.year,
    });
    return { pue: bounded(p.value, 0.97, 1.03), source: p.source, year: p.year };
  }
  const entries = tables.datacentre.pue;
  const provider = region ? latestEntry(entries, region.provider, year, (e) => e.pue) : null;
  if (provider) {
    ledger.factor({
      id: 'pue',
      label: `PUE of ${region!.provider} data centres (fleet average)`,
      value: provider.pue!,
      unit: 'ratio',
      source: provider.source,
      year: provider.year,
    });
    ledger.assume(`No PUE published for ${region!.id}: the provider's fleet average is used.`);
    return { pue: bounded(provider.pue!, 0.95, 1.1), source: provider.source, year: provider.year };
  }
  const industry = latestEntry(entries, 'industry', year, (e) => e.pue)!;
  ledger.factor({
    id: 'pue',
    label: 'Industry average PUE',
    value: industry.pue!,
    unit: 'ratio',
    source: industry.source,
    year: industry.year,
  });
  ledger.assume(
    region
      ? `No PUE published for ${region.provider}: the industry average is used.`
      : 'Location is a grid zone, not a data centre: the industry average PUE is used (give `pue` for your facility).',
  );
  const pue = industry.pue!;
  return {
    pue: {
      central: pue,
      low: Math.min(pue, INDUSTRY_PUE_LOW),
      high: Math.max(pue, INDUSTRY_PUE_HIGH),
    },
    source: industry.source,
    year: industry.year,
  };
}

export interface ResolvedWue {
  readonly wueLPerKwh: number | null;
  readonly reason: string | null;
}

/** On-site water per IT kWh: the region's, else the provider's fleet figure, else unknown. */
export function resolveWue(
  region: Region | null,
  year: number | undefined,
  tables: Tables,
  ledger: Ledger,
): ResolvedWue {
  return ledger.memo(region ?? tables.datacentre, `wue|${year}`, (l) =>
    tableWue(region, year, tables, l),
  );
}

function tableWue(
  region: Region | null,
  year: number | undefined,
  tables: Tables,
  ledger: Ledger,
): ResolvedWue {
  if (region?.wueLPerKwh) {
    const v = region.wueLPerKwh;
    ledger.factor({
      id: 'wue',
      label: `WUE of ${region.id}`,
      value: v.value,
      unit: 'L/kWh',
      source: v.source,
      year: v.year,
    });
    return { wueLPerKwh: v.value, reason: null };
  }
  const provider = region
    ? latestEntry(tables.datacentre.pue, region.provider, year, (e) => e.wueLPerKwh)
    : null;
  if (provider) {
    ledger.factor({
      id: 'wue',
      label: `WUE of ${region!.provider} data centres (fleet average)`,
      value: provider.wueLPerKwh!,
      unit: 'L/kWh',
      source: provider.source,
      year: provider.year,
    });
    return { wueLPerKwh: provider.wueLPerKwh, reason: null };
  }
  const reason = region
    ? `${region.provider} publishes no water usage effectiveness (WUE) we could verify`
    : 'location is a grid zone, not a data centre: no WUE known';
  return { wueLPerKwh: null, reason };
}
