// Electricity Maps: latest lifecycle carbon intensity of a zone (v3 /carbon-intensity/latest).
// Our grid zones are Electricity Maps zone ids, so no mapping is needed.
import { z } from 'zod';
import { fetchJson, LiveGridError, type FetchLike, type GridProvider } from './provider.ts';

export const ELECTRICITY_MAPS_BASE_URL = 'https://api.electricitymaps.com';

const Latest = z.object({
  zone: z.string(),
  carbonIntensity: z.number().nonnegative(),
  datetime: z.string(),
  emissionFactorType: z.string().optional(),
});

export interface ElectricityMapsOptions {
  apiKey: string;
  baseUrl?: string;
  fetch: FetchLike;
}

export function electricityMapsProvider(options: ElectricityMapsOptions): GridProvider {
  const base = (options.baseUrl ?? ELECTRICITY_MAPS_BASE_URL).replace(/\/+$/, '');
  return {
    id: 'electricitymaps',
    title: 'Electricity Maps',
    url: 'https://www.electricitymaps.com',
    covers: () => true,
    async latest({ zone }) {
      const body = await fetchJson(
        options.fetch,
        'electricitymaps',
        `${base}/v3/carbon-intensity/latest?zone=${encodeURIComponent(zone.id)}`,
        {
          headers: { 'auth-token': options.apiKey },
        },
      );
      const parsed = Latest.safeParse(body);
      if (!parsed.success)
        throw new LiveGridError('electricitymaps', 'answered in an unexpected shape');
      const type = parsed.data.emissionFactorType ?? 'lifecycle';
      return {
        provider: 'electricitymaps',
        area: parsed.data.zone,
        intensityGCo2ePerKwh: parsed.data.carbonIntensity,
        datetime: parsed.data.datetime,
        basis: `${type}, consumption-based`,
      };
    },
  };
}
