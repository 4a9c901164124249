// Zod schemas of the catalogue answers, for the API document only (the catalogue functions are
// typed in TypeScript; these mirror those types and a test checks real answers against them).
import { z } from 'zod';
import {
  Accelerator,
  AnnualIntensity,
  Cpu,
  GridZone,
  Instance,
  LlmModel,
  Region,
  Source,
} from '../core/tables.ts';
import { Preset } from '../core/schemas.ts';

export const SourceView = Source.pick({
  id: true,
  title: true,
  publisher: true,
  licence: true,
  year: true,
  url: true,
  attribution: true,
});

export const RegionView = Region.extend({
  latestIntensity: AnnualIntensity.extend({ zone: z.string(), zoneName: z.string() })
    .nullable()
    .meta({
      description: "The grid zone's most recent primary annual intensity; null without a zone.",
    }),
});

export const RegionList = z.object({ regions: z.array(Region), count: z.number().int() });

export const ZoneView = GridZone.extend({ sources: z.array(SourceView) });

export const ZoneProfileView = z.object({
  zone: z.string(),
  name: z.string(),
  year: z.number().int().meta({ description: 'The latest year with hourly data for the zone.' }),
  unit: z.literal('gCO2e/kWh'),
  source: z.string(),
  estimated: z.boolean().nullable(),
  months: z
    .array(z.array(z.number()))
    .meta({ description: 'months[m][h]: mean of month m (0 = January) at UTC hour h.' }),
  slice: z
    .object({ start: z.string(), hours: z.number().int(), values: z.array(z.number()) })
    .nullable(),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), count: z.number().int(), total: z.number().int() });

export const HardwareView = z.object({
  gpus: page(Accelerator).optional(),
  cpus: page(Cpu).optional(),
  instances: page(Instance).optional(),
});

export const ModelList = z.object({ models: z.array(LlmModel), count: z.number().int() });

export const PresetList = z.object({ presets: z.array(Preset), count: z.number().int() });

export const SourceList = z.object({ sources: z.array(SourceView), count: z.number().int() });

export const Health = z.object({
  status: z.literal('ok'),
  methodologyVersion: z.string(),
  tables: z.record(z.string(), z.number().int()).meta({ description: 'Rows in each table.' }),
});
