// Great Britain's national carbon intensity from NESO's Carbon Intensity API (no key): the current
// half hour's actual value, else its forecast. Direct (operational) emissions, generation-based.
import { z } from 'zod';
import { fetchJson, LiveGridError, type FetchLike, type GridProvider } from './provider.ts';

export const NESO_BASE_URL = 'https://api.carbonintensity.org.uk';

const Intensity = z.object({
  data: z
    .array(
      z.object({
        from: z.string(),
        to: z.string(),
        intensity: z.object({
          forecast: z.number().nonnegative().nullable(),
          actual: z.number().nonnegative().nullable(),
        }),
      }),
    )
    .min(1),
});

export interface NesoOptions {
  baseUrl?: string;
  fetch: FetchLike;
}

/** Grid zones NESO's national figure stands for. */
const GB_ZONES = new Set(['GB']);

export function nesoProvider(options: NesoOptions): GridProvider {
  const base = (options.baseUrl ?? NESO_BASE_URL).replace(/\/+$/, '');
  return {
    id: 'neso',
    title: 'NESO Carbon Intensity API (Great Britain)',
    url: 'https://carbonintensity.org.uk',
    covers: ({ zone }) => GB_ZONES.has(zone.id),
    async latest() {
      const parsed = Intensity.safeParse(
        await fetchJson(options.fetch, 'neso', `${base}/intensity`),
      );
      const slot = parsed.success ? parsed.data.data[0] : undefined;
      const value = slot?.intensity.actual ?? slot?.intensity.forecast;
      if (!slot || value === null || value === undefined)
        throw new LiveGridError('neso', 'answered in an unexpected shape');
      return {
        provider: 'neso',
        area: 'GB',
        intensityGCo2ePerKwh: value,
        datetime: slot.from,
        basis: `direct, generation-based, ${slot.intensity.actual === null ? 'forecast' : 'actual'}`,
      };
    },
  };
}
