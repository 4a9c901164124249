// WattTime v3: log in (HTTP Basic -> bearer token), find the balancing authority of the region's
// coordinates, then read the current value of its emissions signal. Values come in lbs CO2/MWh.
import { z } from 'zod';
import {
  fetchJson,
  LiveGridError,
  type FetchLike,
  type GridProvider,
  type LivePlace,
} from './provider.ts';

export const WATTTIME_BASE_URL = 'https://api.watttime.org';
/** Average operating emissions rate: comparable with an annual grid average (MOER is marginal). */
export const WATTTIME_DEFAULT_SIGNAL = 'co2_aoer';
const G_PER_LB = 453.59237;

const Login = z.object({ token: z.string().min(1) });
const RegionFromLoc = z.object({ region: z.string().min(1) });
const Signal = z.object({
  data: z.array(z.object({ point_time: z.string(), value: z.number() })).min(1),
  meta: z.object({ units: z.string(), region: z.string().optional() }),
});

export interface WattTimeOptions {
  username: string;
  password: string;
  signalType?: string;
  baseUrl?: string;
  fetch: FetchLike;
  now?: () => number;
}

/** Tokens last 30 minutes; renew a little earlier. */
const TOKEN_TTL_MS = 25 * 60_000;

export function wattTimeProvider(options: WattTimeOptions): GridProvider {
  const base = (options.baseUrl ?? WATTTIME_BASE_URL).replace(/\/+$/, '');
  const signal = options.signalType ?? WATTTIME_DEFAULT_SIGNAL;
  const now = options.now ?? Date.now;
  let token: { value: string; expires: number } | null = null;
  const regions = new Map<string, string>();

  async function bearer(): Promise<string> {
    if (token && token.expires > now()) return token.value;
    const basic = btoa(`${options.username}:${options.password}`);
    const login = Login.safeParse(
      await fetchJson(options.fetch, 'watttime', `${base}/login`, {
        headers: { authorization: `Basic ${basic}` },
      }),
    );
    if (!login.success)
      throw new LiveGridError('watttime', 'login answered in an unexpected shape');
    token = { value: login.data.token, expires: now() + TOKEN_TTL_MS };
    return token.value;
  }

  async function regionOf(place: LivePlace, auth: string): Promise<string> {
    const { lat, lon, id } = place.region!;
    const known = regions.get(id);
    if (known) return known;
    const url = `${base}/v3/region-from-loc?latitude=${lat}&longitude=${lon}&signal_type=${encodeURIComponent(signal)}`;
    const parsed = RegionFromLoc.safeParse(
      await fetchJson(options.fetch, 'watttime', url, { headers: { authorization: auth } }),
    );
    if (!parsed.success)
      throw new LiveGridError('watttime', 'region-from-loc answered in an unexpected shape');
    regions.set(id, parsed.data.region);
    return parsed.data.region;
  }

  return {
    id: 'watttime',
    title: 'WattTime',
    url: 'https://watttime.org',
    // WattTime finds its area from coordinates, which only cloud regions carry here.
    covers: ({ region }) => region !== null && region.lat !== null && region.lon !== null,
    async latest(place) {
      const auth = `Bearer ${await bearer()}`;
      const area = await regionOf(place, auth);
      const url = `${base}/v3/forecast?region=${encodeURIComponent(area)}&signal_type=${encodeURIComponent(signal)}&horizon_hours=0`;
      const parsed = Signal.safeParse(
        await fetchJson(options.fetch, 'watttime', url, { headers: { authorization: auth } }),
      );
      if (!parsed.success)
        throw new LiveGridError('watttime', 'forecast answered in an unexpected shape');
      if (parsed.data.meta.units !== 'lbs_co2_per_mwh')
        throw new LiveGridError(
          'watttime',
          `answered in unknown units (${parsed.data.meta.units})`,
        );
      const point = parsed.data.data[0]!;
      return {
        provider: 'watttime',
        area,
        intensityGCo2ePerKwh: (point.value * G_PER_LB) / 1000,
        datetime: point.point_time,
        basis: `${signal}, direct`,
      };
    },
  };
}
