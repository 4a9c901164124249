// A tiny hand-written Tables for unit tests of the catalogue functions (the HTTP suite uses the real
// tables). Every row is parsed with the table schemas, so the fixture cannot drift from them.
import { fixtureCalibration } from './arithmetic-tables.ts';
import { z } from 'zod';
import { normalizeName } from '../../src/core/names.ts';
import {
  Accelerator,
  Coefficient,
  Cpu,
  Datacentre,
  GridZone,
  Instance,
  LlmModel,
  Region,
  Source,
  type AiTables,
  type InferenceCalibration,
  type Tables,
} from '../../src/core/tables.ts';

const sources = z.array(Source).parse([
  {
    id: 'em-yearly',
    title: 'Electricity Maps yearly',
    publisher: 'Electricity Maps',
    licence: 'ODbL-1.0',
    year: 2024,
    url: 'https://example.org/em',
    files: [],
    attribution: 'Electricity Maps',
  },
  {
    id: 'ember',
    title: 'Ember yearly',
    publisher: 'Ember',
    licence: 'CC-BY-4.0',
    year: 2024,
    url: 'https://example.org/ember',
    files: [],
    attribution: 'Ember',
  },
  {
    id: 'fixture',
    title: 'Fixture',
    publisher: 'tests',
    licence: 'CC0-1.0',
    year: 2024,
    url: 'https://example.org/fixture',
    files: [],
    attribution: 'tests',
  },
]);

const annual = (year: number, intensityGCo2ePerKwh: number, source = 'em-yearly') => ({
  year,
  intensityGCo2ePerKwh,
  basis: 'lifecycle' as const,
  source,
  carbonFreeShare: null,
  renewableShare: null,
});

const zones = z.array(GridZone).parse([
  {
    id: 'DE',
    name: 'Germany',
    countryIso2: 'DE',
    isCountry: true,
    primary: [annual(2023, 380), annual(2024, 344)],
    alternates: [annual(2024, 360, 'ember')],
  },
  {
    id: 'FR',
    name: 'France',
    countryIso2: 'FR',
    isCountry: true,
    primary: [annual(2024, 33)],
    alternates: [],
  },
  {
    id: 'US-MIDA-PJM',
    name: 'PJM',
    countryIso2: 'US',
    isCountry: false,
    primary: [annual(2024, 400)],
    alternates: [],
  },
]);

const region = (id: string, countryIso2: string, gridZone: string | null) => {
  const [provider = '', name = ''] = id.split(':');
  return {
    id,
    provider,
    region: name,
    name,
    countryIso2,
    continent: null,
    lat: null,
    lon: null,
    gridZone,
    pue: null,
    wueLPerKwh: null,
    carbonFreeEnergyShare: null,
    sources: ['fixture'],
  };
};

const regions = z
  .array(Region)
  .parse([
    region('aws:us-east-1', 'US', 'US-MIDA-PJM'),
    region('aws:eu-central-1', 'DE', 'DE'),
    region('gcp:europe-west9', 'FR', 'FR'),
    region('azure:germanywestcentral', 'DE', null),
  ]);

const noTflops = { bf16: null, fp16: null, tf32: null, fp32: null, fp8: null, fp4: null };
const accelerators = z.array(Accelerator).parse([
  {
    id: 'nvidia-h100-sxm',
    name: 'NVIDIA H100 SXM',
    vendor: 'NVIDIA',
    formFactor: 'SXM',
    aliases: ['h100', 'h100 sxm'],
    memoryGb: 80,
    maxPowerW: 700,
    maxPowerEstimate: null,
    idlePowerW: null,
    peakDenseTflops: noTflops,
    memoryBandwidthTbs: null,
    embodiedKgCo2e: null,
    launchYear: 2022,
    source: 'fixture',
  },
  {
    id: 'nvidia-h100-pcie',
    name: 'NVIDIA H100 PCIe',
    vendor: 'NVIDIA',
    formFactor: 'PCIe',
    aliases: ['h100 pcie'],
    memoryGb: 80,
    maxPowerW: 350,
    maxPowerEstimate: null,
    idlePowerW: null,
    peakDenseTflops: noTflops,
    memoryBandwidthTbs: null,
    embodiedKgCo2e: null,
    launchYear: 2022,
    source: 'fixture',
  },
  {
    id: 'nvidia-a100-sxm',
    name: 'NVIDIA A100 SXM',
    vendor: 'NVIDIA',
    formFactor: 'SXM',
    aliases: ['a100'],
    memoryGb: 80,
    maxPowerW: 400,
    maxPowerEstimate: null,
    idlePowerW: null,
    peakDenseTflops: noTflops,
    memoryBandwidthTbs: null,
    embodiedKgCo2e: null,
    launchYear: 2020,
    source: 'fixture',
  },
]);

const cpus = z.array(Cpu).parse(
  Array.from({ length: 120 }, (_, i) => ({
    id: `intel-xeon-e-${2100 + i}`,
    name: `Intel Xeon E-${2100 + i}`,
    aliases: [] as string[],
    tdpW: 80,
    cores: 8,
    threads: 16,
    source: 'fixture',
  })).concat([
    {
      id: 'amd-epyc-9654',
      name: 'AMD EPYC 9654',
      aliases: ['epyc 9654'],
      tdpW: 360,
      cores: 96,
      threads: 192,
      source: 'fixture',
    },
  ]),
);

const instance = (id: string, vcpu: number, gpu: string | null, gpuCount: number) => {
  const [provider = '', type = ''] = id.split(':');
  return {
    id,
    provider,
    type,
    vcpu,
    memoryGb: vcpu * 4,
    cpuName: null,
    minWattsPerVcpu: 0.7,
    maxWattsPerVcpu: 3.5,
    gpu,
    gpuCount,
    localSsdTb: 0,
    embodiedKgCo2e: null,
    source: 'fixture',
  };
};
const instances = z
  .array(Instance)
  .parse([
    instance('aws:p5.48xlarge', 192, 'nvidia-h100-sxm', 8),
    instance('aws:m5.large', 2, null, 0),
    instance('gcp:n2-standard-2', 2, null, 0),
  ]);

const coefficient = (value: number, unit: string) =>
  Coefficient.parse({ value, unit, source: 'fixture', year: 2024, relUncertainty: 0.2, note: '' });
const datacentre = Datacentre.parse({
  pue: [{ entity: 'industry', year: 2024, pue: 1.56, wueLPerKwh: null, source: 'fixture' }],
  coefficients: {
    memoryWPerGb: coefficient(0.38, 'W/GB'),
    ssdWhPerTbH: coefficient(1.2, 'Wh/TBh'),
    hddWhPerTbH: coefficient(0.65, 'Wh/TBh'),
    networkKwhPerGb: coefficient(0.001, 'kWh/GB'),
    gpuIdleFraction: coefficient(0.1, 'ratio'),
    gpuDefaultPowerFraction: coefficient(0.8, 'ratio'),
    defaultCpuWattsPerVcpuMin: coefficient(0.74, 'W'),
    defaultCpuWattsPerVcpuMax: coefficient(3.5, 'W'),
    defaultCpuUtilization: coefficient(0.5, 'ratio'),
    embodiedServerBaseKg: coefficient(1000, 'kg'),
    embodiedPerGpuKg: coefficient(150, 'kg'),
    embodiedPerGbMemoryKg: coefficient(0.5, 'kg'),
    embodiedPerTbSsdKg: coefficient(100, 'kg'),
    embodiedPerTbHddKg: coefficient(20, 'kg'),
    embodiedPerCpuKg: coefficient(30, 'kg'),
    lifetimeYears: coefficient(4, 'years'),
    referenceServerThreads: coefficient(48, 'threads'),
    cpuLoadCurve: {
      points: [
        { utilization: 0, fractionOfTdp: 0.12 },
        { utilization: 1, fractionOfTdp: 1.02 },
      ],
      source: 'fixture',
      year: 2024,
    },
  },
});

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  new Map(rows.map((row) => [row.id, row]));
const aliasesOf = (rows: readonly { id: string; name: string; aliases: readonly string[] }[]) =>
  new Map(
    rows.flatMap((row) =>
      [row.id, row.name, ...row.aliases].map((alias) => [normalizeName(alias), row.id] as const),
    ),
  );

/**
 * A small, valid Tables: 4 regions (one without a zone), 3 zones, 3 GPUs, 121 CPUs, 3 instances, and no
 * AI references. `Tables.ai` is required (the real tables always carry it); this fixture leaves it out
 * on purpose for the catalogue tests of a deployment without AI tables — use fixtureTablesWithAi for AI.
 */
export const fixtureTables = {
  sources,
  zones: byId(zones),
  regions: byId(regions),
  accelerators: byId(accelerators),
  cpus: byId(cpus),
  instances: byId(instances),
  acceleratorAliases: aliasesOf(accelerators),
  cpuAliases: aliasesOf(cpus),
  datacentre,
} satisfies Omit<Tables, 'ai'> as unknown as Tables;

const llmModels = z.array(LlmModel).parse([
  {
    id: 'llama-3-1-8b-instruct',
    name: 'Llama 3.1 8B Instruct',
    aliases: ['llama-3.1-8b'],
    totalParamsB: 8,
    activeParamsB: 8,
    paramsEstimated: false,
    precision: 'bf16',
    weights: 'llama-3-1-8b-instruct',
    source: 'fixture',
  },
  {
    id: 'llama-3-1-70b-instruct',
    name: 'Llama 3.1 70B Instruct',
    aliases: ['llama-3.1-70b'],
    totalParamsB: 70,
    activeParamsB: 70,
    paramsEstimated: false,
    precision: 'bf16',
    weights: 'llama-3-1-70b-instruct',
    source: 'fixture',
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B',
    aliases: [],
    totalParamsB: 46.7,
    activeParamsB: 12.9,
    paramsEstimated: false,
    precision: 'bf16',
    weights: 'mixtral-8x7b',
    source: 'fixture',
  },
]);

// The arithmetic fixture's round calibration, under this fixture's source id.
const inferenceCalibration: InferenceCalibration = {
  ...fixtureCalibration,
  source: 'fixture',
  year: 2024,
};

const ai: AiTables = {
  llmModels: byId(llmModels),
  llmModelAliases: aliasesOf(llmModels),
  llmMeasurements: [],
  inferenceCalibration,
  coefficients: {
    trainingMfu: coefficient(0.4, 'ratio'),
    trainingMfuFp8: coefficient(0.2, 'ratio'),
    trainingRunOverhead: coefficient(1.5, 'factor'),
    trainingRuns: { source: 'fixture', year: 2024, note: 'no runs: set by hand', runs: [] },
    prefillMfu: coefficient(0.5, 'ratio'),
    hostPowerPerGpuW: coefficient(150, 'W'),
    defaultBatchSize: coefficient(64, 'sequences'),
    modelMemoryOverhead: coefficient(1.2, 'ratio'),
    defaultInputTokensPerRequest: coefficient(500, 'tokens'),
    defaultOutputTokensPerRequest: coefficient(300, 'tokens'),
  },
};

/** The fixture plus AI references: 3 LLMs, no measurements. */
export const fixtureTablesWithAi: Tables = { ...fixtureTables, ai };
