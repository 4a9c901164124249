// Builds the data tables from data/raw into data/built/*.ts.
// Offline and deterministic: no clock, no network, sorted output. Every generated row is validated
// with the zod schemas of src/core/tables.ts; a bad row throws an Error naming its file and line.
// Usage: `npm run data:build` (= `tsx data/build.ts`). Tests call buildTables() in memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Source } from '../src/core/tables.ts';
import { buildAccelerators } from './build/accelerators.ts';
import { buildAiCoefficients } from './build/ai-coefficients.ts';
import { buildCpus } from './build/cpus.ts';
import { validateRow } from './build/csv.ts';
import { buildDatacentre } from './build/datacentre.ts';
import {
  arrayModule,
  datacentreModule,
  LICENCE_EM,
  LICENCE_LLM,
  LICENCE_MIXED,
  llmModule,
  objectModule,
  tupleModule,
} from './build/emit.ts';
import { buildZones } from './build/grid.ts';
import { buildInstances } from './build/instances.ts';
import { buildLlm, LLM_MEASUREMENT_COLUMNS } from './build/llm.ts';
import { buildInferenceCalibration } from './build/inference-calibration.ts';
import { buildOciRegions } from './build/oci-regions.ts';
import { buildRegions } from './build/regions.ts';
import { SOURCES } from './build/sources.ts';

export { validateRow } from './build/csv.ts';

const BUILT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'built');

/** Every `source` id used by a row must be declared in the sources table. */
function checkSourceIds(used: Iterable<string>): void {
  const known = new Set(SOURCES.map((s) => s.id));
  for (const id of used)
    if (!known.has(id))
      throw new Error(`source id "${id}" is used but not in data/build/sources.ts`);
}

/** Pure: parses data/raw and returns output file name -> file contents. Writes nothing. */
export function buildTables(): Record<string, string> {
  const sources = SOURCES.map((s, i) =>
    validateRow(Source, s, { file: 'data/build/sources.ts', line: i + 1 }),
  );
  const zones = buildZones();
  const accelerators = buildAccelerators();
  const regions = buildRegions(new Set(zones.map((z) => z.id)));
  const ociRegions = buildOciRegions(new Set(zones.map((z) => z.id)));
  const cpus = buildCpus();
  const instances = buildInstances(accelerators);
  const datacentre = buildDatacentre();
  const llm = buildLlm(accelerators);
  const aiCoefficients = buildAiCoefficients(accelerators);
  const inferenceCalibration = buildInferenceCalibration(
    accelerators,
    llm,
    aiCoefficients,
    datacentre.coefficients.gpuIdleFraction.value,
  );

  checkSourceIds(
    [
      ...zones.flatMap((z) => [...z.primary, ...z.alternates].map((a) => a.source)),
      ...regions.flatMap((r) => [
        ...r.sources,
        r.pue?.source,
        r.wueLPerKwh?.source,
        r.carbonFreeEnergyShare?.source,
      ]),
      ...accelerators.map((a) => a.source),
      ...cpus.flatMap((c) => [c.source, c.threadsSource ?? undefined]),
      ...instances.map((i) => i.source),
      ...datacentre.pue.map((p) => p.source),
      ...Object.values(datacentre.coefficients).map((c) => c.source),
      ...llm.models.map((m) => m.source),
      ...llm.measurements.map((m) => m.source),
      inferenceCalibration.source,
      ...Object.values(aiCoefficients).map((c) => c.source),
    ].filter((s): s is string => s !== undefined),
  );

  return {
    'sources.ts': arrayModule({
      licence: LICENCE_MIXED,
      typeName: 'Source',
      constName: 'sources',
      rows: sources,
    }),
    'grid.ts': arrayModule({
      licence: LICENCE_EM,
      typeName: 'GridZone',
      constName: 'zones',
      rows: zones,
    }),
    'regions.ts': arrayModule({
      licence: LICENCE_EM,
      typeName: 'Region',
      constName: 'regions',
      rows: regions,
    }),
    'focus-regions.ts': arrayModule({
      licence: LICENCE_MIXED,
      typeName: 'BillingRegion',
      constName: 'focusRegions',
      rows: ociRegions,
    }),
    'accelerators.ts': arrayModule({
      licence: LICENCE_MIXED,
      typeName: 'Accelerator',
      constName: 'accelerators',
      rows: accelerators,
    }),
    'cpus.ts': tupleModule({
      licence: LICENCE_MIXED,
      typeName: 'Cpu',
      constName: 'cpus',
      columns: ['id', 'name', 'aliases', 'tdpW', 'cores', 'threads', 'threadsSource', 'source'],
      rows: cpus,
    }),
    'instances.ts': arrayModule({
      licence: LICENCE_MIXED,
      typeName: 'Instance',
      constName: 'instances',
      rows: instances,
    }),
    'datacentre.ts': datacentreModule({ licence: LICENCE_MIXED, value: datacentre }),
    'llm.ts': llmModule({
      licence: LICENCE_LLM,
      models: llm.models,
      measurementColumns: LLM_MEASUREMENT_COLUMNS,
      measurements: llm.measurements,
    }),
    'inference-calibration.ts': objectModule({
      licence: LICENCE_LLM,
      typeName: 'InferenceCalibration',
      constName: 'inferenceCalibration',
      value: inferenceCalibration,
    }),
    'ai-coefficients.ts': objectModule({
      licence: LICENCE_MIXED,
      typeName: 'AiCoefficients',
      constName: 'aiCoefficients',
      value: aiCoefficients,
    }),
  };
}

/** Writes the built files; only when this module is run as a script. */
function main(): void {
  mkdirSync(BUILT_DIR, { recursive: true });
  for (const [name, text] of Object.entries(buildTables())) {
    writeFileSync(join(BUILT_DIR, name), text);
    console.log(`data/built/${name}: ${text.split('\n').length} lines`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
