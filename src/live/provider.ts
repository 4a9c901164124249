// Live grid intensity: one interface over Electricity Maps, WattTime and the UK NESO API; a TTL cache;
// the embedded tables stay the default and the fallback. Fetch and clock are passed in.
import type { GridZone, Region } from '../core/tables.ts';

export const LIVE_PROVIDER_IDS = ['electricitymaps', 'watttime', 'neso'] as const;
export type LiveProviderId = (typeof LIVE_PROVIDER_IDS)[number];

/** Where the live value is wanted: the resolved zone, and the region when one was named. */
export interface LivePlace {
  zone: GridZone;
  region: Region | null;
}

/** One live reading, with its provenance. */
export interface LiveIntensity {
  provider: LiveProviderId;
  /** The provider's own name of the area (`DE`, `CAISO_NORTH`, `GB`). */
  area: string;
  intensityGCo2ePerKwh: number;
  /** ISO 8601 time the value is for. */
  datetime: string;
  /** What the number counts, in words (`lifecycle, consumption-based`). */
  basis: string;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface GridProvider {
  readonly id: LiveProviderId;
  readonly title: string;
  /** The provider's home page, listed with the estimate's sources. */
  readonly url: string;
  /** Whether the provider can answer for this place at all (no request made). */
  covers(place: LivePlace): boolean;
  /** The latest value; throws `LiveGridError` when the provider cannot answer. */
  latest(place: LivePlace): Promise<LiveIntensity>;
}

/** A provider's failure, in words safe to show (no keys, no response bodies). */
export class LiveGridError extends Error {
  constructor(
    readonly provider: LiveProviderId,
    message: string,
  ) {
    super(message);
    this.name = 'LiveGridError';
  }
}

/** What the shell asked for: a live value, or why the embedded tables answer instead. */
export type LiveLookup =
  { ok: true; value: LiveIntensity } | { ok: false; provider: LiveProviderId; reason: string };

export interface LiveGrid {
  readonly providers: readonly GridProvider[];
  /** The first covering provider's value (cached), or why not; null when none covers the place. */
  lookup(place: LivePlace): Promise<LiveLookup | null>;
}

export interface LiveGridOptions {
  /** How long a value is reused, per provider and area. Default 5 minutes. */
  ttlMs?: number;
  now?: () => number;
}

/** Providers in order of preference, each value cached for `ttlMs`; failures are not cached. */
export function createLiveGrid(
  providers: readonly GridProvider[],
  options: LiveGridOptions = {},
): LiveGrid {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { value: LiveIntensity; expires: number }>();
  return {
    providers,
    async lookup(place) {
      const provider = providers.find((p) => p.covers(place));
      if (!provider) return null;
      const key = `${provider.id}|${place.region?.id ?? ''}|${place.zone.id}`;
      const hit = cache.get(key);
      if (hit && hit.expires > now()) return { ok: true, value: hit.value };
      try {
        const value = await provider.latest(place);
        cache.set(key, { value, expires: now() + ttlMs });
        return { ok: true, value };
      } catch (err) {
        const reason = err instanceof LiveGridError ? err.message : 'the request failed';
        return { ok: false, provider: provider.id, reason };
      }
    },
  };
}

/** GETs JSON with a timeout; any failure becomes a LiveGridError that names the status only. */
export async function fetchJson(
  fetchFn: FetchLike,
  provider: LiveProviderId,
  url: string,
  init: RequestInit = {},
  timeoutMs = 5_000,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw new LiveGridError(provider, 'no answer (network error or timeout)');
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new LiveGridError(provider, `answered HTTP ${res.status}`);
  }
  try {
    return (await res.json()) as unknown;
  } catch {
    throw new LiveGridError(provider, 'answered something that is not JSON');
  }
}
