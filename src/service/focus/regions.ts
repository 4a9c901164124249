// Where a row ran: its provider's region, or — RegionId NULL — the provider's average, taken as the
// region whose grid intensity is nearest the mean of the provider's regions (stated as an assumption).
import type { Tables } from '../../core/tables.ts';
import { pickYear } from '../../core/resolve-location.ts';
import { FOCUS_PROVIDERS } from '../../../data/focus-rules.ts';

export interface ProviderFallback {
  readonly provider: string;
  readonly regionId: string;
  readonly meanGCo2ePerKwh: number;
  readonly regions: number;
  readonly assumption: string;
}

const PROVIDERS = new Map(FOCUS_PROVIDERS.map((p) => [p.name, p.provider]));

/** gridshift provider of a FOCUS ProviderName (any case), or null. */
export function providerOf(name: string): string | null {
  return PROVIDERS.get(name.trim().toLowerCase()) ?? null;
}

/** Per provider with regions in the tables: the region standing in for a row without RegionId. */
export function providerFallbacks(tables: Tables): Map<string, ProviderFallback> {
  const byProvider = new Map<string, { id: string; g: number }[]>();
  for (const r of tables.regions.values()) {
    const zone = r.gridZone === null ? undefined : tables.zones.get(r.gridZone);
    if (!zone) continue;
    const list = byProvider.get(r.provider) ?? byProvider.set(r.provider, []).get(r.provider)!;
    list.push({ id: r.id, g: pickYear(zone, undefined).entry.intensityGCo2ePerKwh });
  }
  const out = new Map<string, ProviderFallback>();
  for (const [provider, list] of [...byProvider].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const mean = list.reduce((s, x) => s + x.g, 0) / list.length;
    const best = [...list].sort(
      (a, b) => Math.abs(a.g - mean) - Math.abs(b.g - mean) || (a.id < b.id ? -1 : 1),
    )[0]!;
    out.set(provider, {
      provider,
      regionId: best.id,
      meanGCo2ePerKwh: mean,
      regions: list.length,
      assumption: `RegionId not given: the ${provider} average is taken as ${best.id}, the region whose grid intensity (${round(best.g)} gCO2e/kWh) is nearest the mean of the provider's ${list.length} regions (${round(mean)} gCO2e/kWh).`,
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x);
}
