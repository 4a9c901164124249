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

const ZoneLevelView = z
  .object({
    year: z.number().int(),
    gCo2ePerKwh: z.number(),
    source: z.string(),
  })
  .meta({
    description:
      "The zone's annual average for `year`, else for the start's year, else the latest (the nearest published year): the level an estimate uses.",
  });

const ZoneHourlyProfileView = z.object({
  hourly: z.literal(true),
  zone: z.string(),
  name: z.string(),
  year: z
    .number()
    .int()
    .meta({ description: "The shape's year: the latest year with hourly data for the zone." }),
  unit: z.literal('gCO2e/kWh'),
  source: z
    .string()
    .meta({ description: "The hourly shape's source (the level's is in `level`)." }),
  estimated: z.boolean().nullable(),
  level: ZoneLevelView,
  shapeMeanGCo2ePerKwh: z
    .number()
    .meta({ description: "Mean of the shape year's hours as stored; every value is × scale." }),
  scale: z.number().meta({ description: 'level.gCo2ePerKwh ÷ shapeMeanGCo2ePerKwh.' }),
  months: z.array(z.array(z.number())).meta({
    description:
      'months[m][h]: mean of month m (0 = January) at UTC hour h, scaled to the level, whole grams.',
  }),
  slice: z
    .object({ start: z.string(), hours: z.number().int(), values: z.array(z.number()) })
    .nullable()
    .meta({
      description:
        "With `start`: the run's calendar hours of the shape's year, scaled to the level (0.1 g), as the estimate and the time-shift search see them.",
    }),
});

const ZoneAnnualOnlyView = z.object({
  hourly: z.literal(false),
  zone: z.string(),
  name: z.string(),
  unit: z.literal('gCO2e/kWh'),
  reason: z.string().meta({ description: 'Why there is no profile, in words.' }),
  level: ZoneLevelView,
});

export const ZoneProfileView = z
  .discriminatedUnion('hourly', [ZoneHourlyProfileView, ZoneAnnualOnlyView])
  .meta({
    description:
      'With hourly data (hourly: true): the hourly shape scaled to the annual level, as estimates with `start` use it. Without (hourly: false): the reason and the annual figure estimates use.',
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
