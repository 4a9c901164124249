// Model coefficients: each is read or derived from the raw files (the derivation is in its note) and
// carries a judged relative uncertainty. Derivations check their own assumptions and fail loudly,
// naming the row, when a raw file stops fitting them.
import type { Coefficient, Coefficients } from '../../src/core/tables.ts';
import { cell, type CsvRow, num, type Origin, readCsv, reqNum, round, rowError } from './csv.ts';
import { mean, Microarch } from './microarch.ts';
import { SOURCES } from './sources.ts';

function coef(
  value: number,
  unit: string,
  source: string,
  relUncertainty: number,
  note: string,
): Coefficient {
  return { value, unit, source, year: yearOf(source), relUncertainty, note };
}

function yearOf(source: string): number {
  const s = SOURCES.find((x) => x.id === source);
  if (!s) throw new Error(`unknown source ${source}`);
  return s.year;
}

/** An AWS constant of ccf_provider_constants.csv (the providers share these values). */
function ccfConstant(rows: CsvRow[], constant: string): number {
  const row = rows.find((r) => cell(r, 'provider') === 'aws' && cell(r, 'constant') === constant);
  if (!row) throw new Error(`data/raw/hardware/ccf_provider_constants.csv: no aws ${constant}`);
  return reqNum(row, 'value');
}

/** The one value all rows share (e.g. the 1000 kg base); throws naming the first row that differs. */
function constantAcross(
  values: readonly (readonly [number | null, Origin])[],
  what: string,
): number {
  const present = values.filter((v): v is readonly [number, Origin] => v[0] !== null);
  const first = present[0];
  if (!first) throw new Error(`no rows for ${what}`);
  const odd = present.find(([v]) => Math.abs(v - first[0]) > 0.01);
  if (odd) throw rowError(odd[1], `${what} is ${odd[0]}, expected ${first[0]} as in other rows`);
  return round(first[0], 4);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** CCF min/max watts per GPU type (all providers; the FPGA key excluded): ratio per type. */
function gpuIdleRatios(ccf: CsvRow[]): Map<string, number> {
  const ratios = new Map<string, number>();
  const isGpuMin = (r: CsvRow) =>
    cell(r, 'constant') === 'MIN_WATTS_BY_COMPUTE_PROCESSOR' &&
    /^(NVIDIA|AMD_RADEON)/.test(cell(r, 'key'));
  for (const r of ccf.filter(isGpuMin)) {
    const max = ccf.find(
      (m) =>
        cell(m, 'provider') === cell(r, 'provider') &&
        cell(m, 'constant') === 'MAX_WATTS_BY_COMPUTE_PROCESSOR' &&
        cell(m, 'key') === cell(r, 'key'),
    );
    if (!max) throw rowError(r, 'no matching MAX_WATTS_BY_COMPUTE_PROCESSOR row');
    ratios.set(cell(r, 'key'), reqNum(r, 'value') / reqNum(max, 'value'));
  }
  return ratios;
}

/** CCF embodied components, recovered from the per-platform coefficient files. */
function embodiedDerivations() {
  const azureInst = readCsv('hardware/ccf/azure-instances.csv');
  const azureEmb = readCsv('hardware/ccf/coefficients-azure-embodied.csv');
  const rows = [
    ...readCsv('hardware/ccf/coefficients-aws-embodied.csv'),
    ...readCsv('hardware/ccf/coefficients-gcp-embodied.csv'),
    ...azureEmb,
  ];
  const extras = ['additional_memory', 'additional_storage', 'additional_cpus', 'additional_gpus'];
  const baseKg = constantAcross(
    rows.map(
      (r) => [reqNum(r, 'total') - extras.reduce((sum, k) => sum + reqNum(r, k), 0), r] as const,
    ),
    'total minus additional_*',
  );
  // Row i of the Azure embodied file describes row i of the Azure instance list (which has the platform).
  const azure = azureInst.map((inst, i) => {
    const emb = azureEmb[i];
    const aligned =
      emb &&
      cell(emb, 'type') === cell(inst, 'Virtual Machine') &&
      cell(emb, 'microarchitecture') === cell(inst, 'Microarchitecture');
    if (!aligned)
      throw rowError(
        inst,
        'azure-instances.csv and coefficients-azure-embodied.csv rows are not aligned',
      );
    return { inst, emb };
  });
  const BASE_MEMORY_GB = 16; // CCF's base server memory
  const perGb = median(
    azure
      .filter(({ inst }) => reqNum(inst, 'Platform Memory') > BASE_MEMORY_GB)
      .map(
        ({ inst, emb }) =>
          reqNum(emb, 'additional_memory') / (reqNum(inst, 'Platform Memory') - BASE_MEMORY_GB),
      ),
  );
  const perGpu = constantAcross(
    azure.map(({ inst, emb }) => {
      const gpus = num(inst, 'Platform GPU');
      return [gpus ? reqNum(emb, 'additional_gpus') / gpus : null, emb] as const;
    }),
    'additional_gpus per platform GPU',
  );
  const perDrive = (type: string) =>
    constantAcross(
      azure.map(({ inst, emb }) => {
        const drives = num(inst, 'Platform (largest instance) Storage Drive quantity');
        const ok = cell(inst, 'Platform Storage Type') === type && drives;
        return [ok ? reqNum(emb, 'additional_storage') / drives : null, emb] as const;
      }),
      `additional_storage per ${type} drive`,
    );
  // additional_cpus is 100/300/700 for 2/4/8-socket platforms: one step per CPU beyond the first.
  const cpuValues = rows
    .map((r) => [reqNum(r, 'additional_cpus'), r] as const)
    .filter(([v]) => v > 0);
  const perCpu = Math.min(...cpuValues.map(([v]) => v));
  const odd = cpuValues.find(([v]) => Math.abs(v / perCpu - Math.round(v / perCpu)) > 1e-9);
  if (odd) throw rowError(odd[1], `additional_cpus ${odd[0]} is not a multiple of ${perCpu}`);
  const cpuSteps = [...new Set(cpuValues.map(([v]) => v))].sort((a, b) => a - b).join('/');
  return {
    rowCount: rows.length,
    baseKg,
    perGb: round(perGb, 4),
    perGpu,
    perSsd: perDrive('SSD'),
    perHdd: perDrive('HDD'),
    perCpu,
    cpuSteps,
  };
}

/**
 * Lowest measured average GPU draw per device as a share of the GPU's rated power over the ML.ENERGY v3
 * LLM configurations (busy GPUs serving at a fixed batch), with the median for the note. TDPs are the
 * curated specs table's, matched by the GPU names the benchmark uses.
 */
function mlEnergyPowerShares(): { min: number; median: number; n: number; byGpu: string } {
  const specs = readCsv('hardware/gpu_accelerator_specs_curated.csv');
  const tdpOf: Readonly<Record<string, string>> = {
    H100: 'H100 SXM5 80GB',
    B200: 'B200 (HGX B200)',
  };
  const shares: number[] = [];
  const counts = new Map<string, number>();
  for (const r of readCsv('llm-inference/mlenergy_v3_llm.csv')) {
    const gpu = cell(r, 'gpu_model');
    const spec = specs.find((x) => cell(x, 'model') === tdpOf[gpu]);
    if (!spec) throw rowError(r, `no curated TDP for ML.ENERGY gpu_model "${gpu}"`);
    const watts = num(r, 'avg_power_watts');
    if (watts === null) continue;
    shares.push(watts / reqNum(r, 'num_gpus') / reqNum(spec, 'max_power_w'));
    counts.set(gpu, (counts.get(gpu) ?? 0) + 1);
  }
  if (shares.length === 0)
    throw new Error('data/raw/llm-inference/mlenergy_v3_llm.csv: no avg_power_watts');
  const byGpu = [...counts]
    .sort()
    .map(([g, n]) => `${g} ${n}`)
    .join(', ');
  return { min: Math.min(...shares), median: median(shares), n: shares.length, byGpu };
}

export function buildCoefficients(): Coefficients {
  const ccf = readCsv('hardware/ccf_provider_constants.csv');
  const k = (name: string) => ccfConstant(ccf, name);
  const gaMemory = readCsv('hardware/green-algorithms/referenceValues.csv', { headerRows: 2 }).find(
    (r) => cell(r, 'variable') === 'memoryPower',
  );
  const gpu = gpuIdleRatios(ccf);
  const aws = new Microarch().average('aws');
  const e = embodiedDerivations();
  const ml = mlEnergyPowerShares();
  const lifetimeH = k('SERVER_EXPECTED_LIFESPAN');
  const refThreads = median(
    readCsv('hardware/ccf/aws-instances-cpus.csv').map((r) =>
      reqNum(r, 'Platform Total Number of vCPU'),
    ),
  );
  const cpuNote = (kind: 'Min' | 'Max', avg: string) =>
    `mean ${kind} Watts over the microarchitectures of coefficients-aws-use.csv, the fallback used for unknown CPUs (CCF constant ${avg} ${k(avg)})`;
  return {
    memoryWPerGb: coef(
      round(k('MEMORY_COEFFICIENT') * 1000, 6),
      'W/GB',
      'ccf',
      0.3,
      `CCF MEMORY_COEFFICIENT ${k('MEMORY_COEFFICIENT')} kWh per GB-hour; Green Algorithms uses ${gaMemory ? cell(gaMemory, 'value') : '?'} W/GB`,
    ),
    ssdWhPerTbH: coef(k('SSDCOEFFICIENT'), 'Wh/(TB·h)', 'ccf', 0.5, 'CCF SSDCOEFFICIENT'),
    hddWhPerTbH: coef(k('HDDCOEFFICIENT'), 'Wh/(TB·h)', 'ccf', 0.5, 'CCF HDDCOEFFICIENT'),
    networkKwhPerGb: coef(
      k('NETWORKING_COEFFICIENT'),
      'kWh/GB',
      'ccf',
      1.0,
      'CCF NETWORKING_COEFFICIENT; intra-cloud network energy per GB is very uncertain',
    ),
    gpuDefaultPowerFraction: coef(
      0.8,
      'fraction of rated power',
      'measured-accelerator-power',
      1.67,
      'average draw over a run when utilisation is unknown: measured runs average 30–99 % of TDP (Patterson 2021: TPU v2 74 %, TPU v3 64 %, P100 99 %; Dodge 2022: V100/A100 30–86 %; Morrison 2025: H100 78–87 %), median ~0.8; the range runs from gpuMinPowerFraction to TDP. Devices with a published measured average (TPU v2/v3/v4) use it instead',
    ),
    gpuMinPowerFraction: coef(
      round(ml.min, 3),
      'fraction of rated power',
      'ml-energy-v3',
      0.2,
      `lowest average GPU power per device / TDP over the ${ml.n} ML.ENERGY v3 LLM configurations with a power reading (${ml.byGpu}; median ${round(ml.median, 2)}); Dodge et al. 2022 measured 0.30 for ViT-Tiny on one V100: busy accelerators seldom average below this share, so it is the default draw's low bound`,
    ),
    gpuIdleFraction: coef(
      round(mean([...gpu.values()]), 3),
      'fraction of max power',
      'ccf',
      0.5,
      `mean min/max of CCF MIN/MAX_WATTS_BY_COMPUTE_PROCESSOR over ${gpu.size} GPU types (${[...gpu.keys()].sort().join(', ')}); a modelled floor, not a measurement`,
    ),
    defaultCpuWattsPerVcpuMin: coef(
      round(aws.min, 4),
      'W/vCPU',
      'ccf-coefficients',
      0.3,
      cpuNote('Min', 'MIN_WATTS_AVG'),
    ),
    defaultCpuWattsPerVcpuMax: coef(
      round(aws.max, 4),
      'W/vCPU',
      'ccf-coefficients',
      0.3,
      cpuNote('Max', 'MAX_WATTS_AVG'),
    ),
    defaultCpuUtilization: coef(
      round(k('AVG_CPU_UTILIZATION_2020') / 100, 4),
      'fraction',
      'ccf',
      0.5,
      `CCF AVG_CPU_UTILIZATION_2020 ${k('AVG_CPU_UTILIZATION_2020')} % (average utilisation of cloud servers); real fleets vary widely`,
    ),
    embodiedServerBaseKg: coef(
      e.baseKg,
      'kgCO2e per server',
      'ccf-coefficients',
      0.5,
      `total minus additional_* in every row of coefficients-{aws,gcp,azure}-embodied.csv (${e.rowCount} rows): CCF base server after the Dell R740 LCA (1 CPU, 16 GB RAM)`,
    ),
    embodiedPerGpuKg: coef(
      e.perGpu,
      'kgCO2e per GPU',
      'ccf-coefficients',
      0.5,
      'additional_gpus / Platform GPU of every Azure GPU platform (coefficients-azure-embodied.csv with azure-instances.csv)',
    ),
    embodiedPerGbMemoryKg: coef(
      e.perGb,
      'kgCO2e per GB',
      'ccf-coefficients',
      0.5,
      'median of additional_memory / (Platform Memory - 16 GB base) over Azure platforms, i.e. CCF 533 kg per 384 GB',
    ),
    embodiedPerTbSsdKg: coef(
      e.perSsd,
      'kgCO2e per TB SSD',
      'ccf-coefficients',
      0.5,
      'additional_storage per SSD drive of Azure platforms; CCF counts per drive, taken here as per TB',
    ),
    embodiedPerTbHddKg: coef(
      e.perHdd,
      'kgCO2e per TB HDD',
      'ccf-coefficients',
      0.5,
      'additional_storage per HDD drive of Azure platforms; CCF counts per drive, taken here as per TB',
    ),
    embodiedPerCpuKg: coef(
      e.perCpu,
      'kgCO2e per additional CPU',
      'ccf-coefficients',
      0.5,
      `smallest non-zero additional_cpus; every value is a multiple of it (${e.cpuSteps} for 2/4/8 sockets): CCF adds it per CPU beyond the first`,
    ),
    lifetimeYears: coef(
      round(lifetimeH / 8760, 4),
      'years',
      'ccf',
      0.25,
      `CCF SERVER_EXPECTED_LIFESPAN ${lifetimeH} h / 8760 h per year`,
    ),
    referenceServerThreads: coef(
      refThreads,
      'threads',
      'ccf-coefficients',
      0.5,
      'median Platform Total Number of vCPU of the CCF AWS platform list (aws-instances-cpus.csv): threads the base embodied figure is shared over when no platform is known',
    ),
    cpuLoadCurve: {
      // SPECpower-derived curve (fraction of TDP vs utilisation) used by Teads and the GSF Impact Framework.
      points: [
        { utilization: 0, fractionOfTdp: 0.12 },
        { utilization: 0.1, fractionOfTdp: 0.32 },
        { utilization: 0.5, fractionOfTdp: 0.75 },
        { utilization: 1, fractionOfTdp: 1.02 },
      ],
      source: 'teads-specpower-curve',
      year: yearOf('teads-specpower-curve'),
    },
  };
}
