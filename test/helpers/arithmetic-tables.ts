// Small hand-made tables whose every figure is round, so core's arithmetic can be checked by hand;
// test/helpers/fixture-tables.ts is the schema-parsed catalogue fixture.
import type { AiTables, Coefficient, InferenceCalibration, Tables } from '../../src/core/tables.ts';

const coef = (value: number, unit: string, relUncertainty = 0.3): Coefficient => ({ value, unit, source: 'test', year: 2024, relUncertainty, note: '' });

export function fixtureTables(): Tables {
  const zones = [
    {
      id: 'XX', name: 'Testland', countryIso2: 'XX', isCountry: true,
      primary: [
        { year: 2023, intensityGCo2ePerKwh: 500, basis: 'lifecycle' as const, source: 'test', carbonFreeShare: 0.2, renewableShare: 0.1 },
        { year: 2024, intensityGCo2ePerKwh: 400, basis: 'lifecycle' as const, source: 'test', carbonFreeShare: 0.3, renewableShare: 0.2 },
      ],
      alternates: [{ year: 2024, intensityGCo2ePerKwh: 440, basis: 'lifecycle' as const, source: 'test', carbonFreeShare: null, renewableShare: null }],
    },
    {
      id: 'XX-SUB', name: 'Testland South', countryIso2: 'XX', isCountry: false,
      primary: [{ year: 2024, intensityGCo2ePerKwh: 100, basis: 'lifecycle' as const, source: 'test', carbonFreeShare: 0.8, renewableShare: 0.7 }],
      alternates: [],
    },
  ];
  const regions = [
    { id: 'aws:test-1', provider: 'aws' as const, region: 'test-1', name: 'Test One', countryIso2: 'XX', continent: 'Europe', lat: 0, lon: 0, gridZone: 'XX', pue: { value: 1.1, year: 2024, source: 'test' }, wueLPerKwh: { value: 0.2, year: 2024, source: 'test' }, carbonFreeEnergyShare: { value: 0.6, year: 2024, source: 'test' }, sources: ['test'] },
    { id: 'gcp:nozone-1', provider: 'gcp' as const, region: 'nozone-1', name: 'No Zone', countryIso2: null, continent: null, lat: null, lon: null, gridZone: null, pue: null, wueLPerKwh: null, carbonFreeEnergyShare: null, sources: ['test'] },
    { id: 'azure:plain', provider: 'azure' as const, region: 'plain', name: 'Plain', countryIso2: 'XX', continent: 'Europe', lat: 1, lon: 1, gridZone: 'XX-SUB', pue: null, wueLPerKwh: null, carbonFreeEnergyShare: null, sources: ['test'] },
  ];
  const noTflops = { bf16: null, fp16: null, tf32: null, fp32: null, fp8: null, fp4: null };
  const accelerators = [
    { id: 'test-gpu-700', name: 'Test GPU 700', vendor: 'Test', formFactor: 'SXM', aliases: ['test gpu 700', 'tg700'], memoryGb: 80, maxPowerW: 700, maxPowerEstimate: null, idlePowerW: 70, peakDenseTflops: { ...noTflops, bf16: 1000 }, memoryBandwidthTbs: 2, embodiedKgCo2e: 164, launchYear: 2023, source: 'test' },
    { id: 'test-gpu-nopower', name: 'Test GPU No Power', vendor: 'Test', formFactor: null, aliases: ['tgnp'], memoryGb: null, maxPowerW: null, maxPowerEstimate: null, idlePowerW: null, peakDenseTflops: noTflops, memoryBandwidthTbs: null, embodiedKgCo2e: null, launchYear: null, source: 'test' },
  ];
  const cpus = [{ id: 'test-cpu-360', name: 'Test CPU 360', aliases: ['test cpu 360'], tdpW: 360, cores: 96, threads: 192, source: 'test' }];
  const instances = [
    { id: 'aws:t.large', provider: 'aws', type: 't.large', vcpu: 4, memoryGb: 16, cpuName: null, minWattsPerVcpu: 1, maxWattsPerVcpu: 4, gpu: 'test-gpu-700', gpuCount: 2, localSsdTb: 0, embodiedKgCo2e: 876, source: 'test' },
  ];
  const sources = [{ id: 'test', title: 'Test data', publisher: 'tests', licence: 'CC0', year: 2024, url: 'https://example.org', files: [], attribution: 'tests' }];
  return {
    ai: fixtureAiTables(),
    sources,
    zones: new Map(zones.map((z) => [z.id, z])),
    regions: new Map(regions.map((r) => [r.id, r])),
    accelerators: new Map(accelerators.map((a) => [a.id, a])),
    cpus: new Map(cpus.map((c) => [c.id, c])),
    instances: new Map(instances.map((i) => [i.id, i])),
    acceleratorAliases: new Map(accelerators.flatMap((a) => a.aliases.map((al) => [al, a.id] as const))),
    cpuAliases: new Map(cpus.flatMap((c) => c.aliases.map((al) => [al, c.id] as const))),
    datacentre: {
      pue: [
        { entity: 'industry', year: 2024, pue: 1.5, wueLPerKwh: null, source: 'test' },
        { entity: 'azure', year: 2023, pue: 1.2, wueLPerKwh: 0.3, source: 'test' },
      ],
      coefficients: {
        memoryWPerGb: coef(0.4, 'W/GB'),
        ssdWhPerTbH: coef(1.2, 'Wh/TBh', 0.5),
        hddWhPerTbH: coef(0.65, 'Wh/TBh', 0.5),
        networkKwhPerGb: coef(0.001, 'kWh/GB', 1),
        gpuIdleFraction: coef(0.1, 'fraction', 0.5),
        gpuDefaultPowerFraction: coef(0.8, 'fraction', 1.5),
        defaultCpuWattsPerVcpuMin: coef(1, 'W/vCPU'),
        defaultCpuWattsPerVcpuMax: coef(4, 'W/vCPU'),
        defaultCpuUtilization: coef(0.5, 'fraction'),
        embodiedServerBaseKg: coef(1000, 'kgCO2e', 0.5),
        embodiedPerGpuKg: coef(150, 'kgCO2e', 0.5),
        embodiedPerGbMemoryKg: coef(1.5, 'kgCO2e/GB', 0.5),
        embodiedPerTbSsdKg: coef(100, 'kgCO2e/TB', 0.5),
        embodiedPerTbHddKg: coef(50, 'kgCO2e/TB', 0.5),
        embodiedPerCpuKg: coef(100, 'kgCO2e', 0.5),
        lifetimeYears: coef(4, 'years', 0.25),
        referenceServerThreads: coef(48, 'threads', 0),
        cpuLoadCurve: {
          points: [
            { utilization: 0, fractionOfTdp: 0.12 },
            { utilization: 0.1, fractionOfTdp: 0.32 },
            { utilization: 0.5, fractionOfTdp: 0.75 },
            { utilization: 1, fractionOfTdp: 1.02 },
          ],
          source: 'test',
          year: 2024,
        },
      },
    },
  };
}

/** Round numbers so the roofline can be worked by hand: KV 50,000 bytes per token at any size. */
export const fixtureCalibration: InferenceCalibration = {
  memoryEfficiency: 0.5,
  computeEfficiency: 0.25,
  powerShareMemoryBound: 0.5,
  powerShareComputeBound: 1,
  kvBytesAt1B: 50000,
  kvExponent: 0,
  kvModels: 1, hostPowerShareOfGpuRated: 0.2,
  throughput: { p10: 0.5, median: 1, p90: 1.5, medianAbsLog: 0.3, rows: 10 },
  power: { p10: 0.8, median: 1, p90: 1.2, medianAbsLog: 0.1, rows: 10 },
  energy: { p10: 0.75, median: 1, p90: 2, medianAbsLog: 0.3, rows: 10 },
  heldOutEnergy: { p10: 1, median: 1.5, p90: 2.5, medianAbsLog: 0.5, rows: 10 },
  source: 'test',
  year: 2025,
  note: '',
};

function fixtureAiTables(): AiTables {
  const models = [
    { id: 'm8', name: 'Model 8B', aliases: ['model 8b'], totalParamsB: 8, activeParamsB: 8, paramsEstimated: false, precision: 'bf16' as const, weights: 'm8', source: 'test' },
    { id: 'm8-base', name: 'Model 8B Base', aliases: ['model 8b base'], totalParamsB: 8, activeParamsB: 8, paramsEstimated: false, precision: 'bf16' as const, weights: 'm8', source: 'test' },
    { id: 'm70', name: 'Model 70B', aliases: ['model 70b'], totalParamsB: 70, activeParamsB: 70, paramsEstimated: false, precision: 'bf16' as const, weights: 'm70', source: 'test' },
    { id: 'moe', name: 'MoE 100B A10B', aliases: ['moe'], totalParamsB: 100, activeParamsB: 10, paramsEstimated: false, precision: 'fp8' as const, weights: 'moe', source: 'test' },
  ];
  // J/token = draw × GPUs ÷ tokens/s: 400 W / 2000 = 0.2 J, 400 W / 8000 = 0.05 J.
  const row = (model: string, maxBatch: number, j: number, tps: number) => ({ model, gpu: 'test-gpu-700', numGpus: 1, maxBatch, avgBatch: null, jPerOutputToken: j, avgOutputTokens: null, outputTokensPerS: tps, avgPowerW: j * tps, precision: 'bf16' as const, year: 2025, task: 'chat', source: 'test' });
  return {
    llmModels: new Map(models.map((m) => [m.id, m])),
    llmModelAliases: new Map(models.flatMap((m) => m.aliases.map((a) => [a, m.id] as const))),
    llmMeasurements: [row('m8', 32, 0.2, 2000), row('m8', 128, 0.05, 8000)],
    inferenceCalibration: fixtureCalibration,
    coefficients: {
      trainingMfu: coef(0.4, 'fraction', 0.35),
      trainingMfuFp8: coef(0.25, 'fraction', 1),
      trainingRunOverhead: coef(1.5, 'factor', 1),
      trainingRuns: { source: 'test', year: 2024, note: 'no runs: the fixture sets the training coefficients by hand', runs: [] },
      prefillMfu: coef(0.5, 'fraction', 0.5),
      hostPowerPerGpuW: coef(150, 'W', 0.5),
      defaultBatchSize: coef(64, 'sequences', 0),
      modelMemoryOverhead: coef(1.2, 'ratio', 0.1),
      defaultInputTokensPerRequest: coef(300, 'tokens', 1),
      defaultOutputTokensPerRequest: coef(400, 'tokens', 1),
    },
  };
}
