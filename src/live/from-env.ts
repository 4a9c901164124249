// Which live providers run, from variables the entry (src/node.ts or src/worker.ts) reads and passes in.
import { electricityMapsProvider } from './electricity-maps.ts';
import { nesoProvider } from './neso.ts';
import {
  createLiveGrid,
  LIVE_PROVIDER_IDS,
  type FetchLike,
  type GridProvider,
  type LiveGrid,
} from './provider.ts';
import { wattTimeProvider } from './watttime.ts';

/** The variables read; base URLs exist for tests and proxies. */
export interface LiveGridEnv {
  ELECTRICITYMAPS_API_KEY?: string | undefined;
  ELECTRICITYMAPS_BASE_URL?: string | undefined;
  WATTTIME_USERNAME?: string | undefined;
  WATTTIME_PASSWORD?: string | undefined;
  WATTTIME_SIGNAL?: string | undefined;
  WATTTIME_BASE_URL?: string | undefined;
  /** `1` turns on NESO for Great Britain (it needs no key, so it is not on by default). */
  GRIDSHIFT_LIVE_NESO?: string | undefined;
  NESO_BASE_URL?: string | undefined;
  /** Seconds a live value is reused; default 300. */
  GRIDSHIFT_LIVE_TTL_S?: string | undefined;
}

/**
 * Providers with credentials (NESO when enabled) in order: NESO for GB, Electricity Maps, WattTime.
 * Null when none is configured: the embedded tables answer alone.
 */
export function liveGridFromEnv(
  env: LiveGridEnv,
  fetchFn: FetchLike,
  now: () => number = Date.now,
): LiveGrid | null {
  const providers: GridProvider[] = [];
  if (env.GRIDSHIFT_LIVE_NESO === '1')
    providers.push(nesoProvider({ baseUrl: env.NESO_BASE_URL, fetch: fetchFn }));
  if (env.ELECTRICITYMAPS_API_KEY)
    providers.push(
      electricityMapsProvider({
        apiKey: env.ELECTRICITYMAPS_API_KEY,
        baseUrl: env.ELECTRICITYMAPS_BASE_URL,
        fetch: fetchFn,
      }),
    );
  if (env.WATTTIME_USERNAME && env.WATTTIME_PASSWORD) {
    providers.push(
      wattTimeProvider({
        username: env.WATTTIME_USERNAME,
        password: env.WATTTIME_PASSWORD,
        signalType: env.WATTTIME_SIGNAL,
        baseUrl: env.WATTTIME_BASE_URL,
        fetch: fetchFn,
        now,
      }),
    );
  }
  if (providers.length === 0) return null;
  const ttlS = Number(env.GRIDSHIFT_LIVE_TTL_S ?? 300);
  return createLiveGrid(providers, {
    ttlMs: Number.isFinite(ttlS) && ttlS >= 0 ? ttlS * 1000 : 300_000,
    now,
  });
}

export { LIVE_PROVIDER_IDS };
