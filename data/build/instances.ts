// Cloud instances: CCF instance lists (AWS, GCP, Azure) plus the curated GPU/accelerator instances,
// which win for the types they have (and add OCI). Watts per vCPU from CCF coefficients by host
// microarchitecture; embodied = CCF platform total x (instance vCPU / platform vCPU).
import { normalizeName } from '../../src/core/names.ts';
import { type Accelerator, Instance } from '../../src/core/tables.ts';
import {
  byKey,
  cell,
  type CsvRow,
  num,
  type Origin,
  readCsv,
  reqNum,
  round,
  rowError,
  validateRow,
} from './csv.ts';
import { Microarch, mean } from './microarch.ts';

/**
 * GPU model of Azure GPU series in the CCF list that the curated table does not cover (CCF gives only
 * counts). Facts from Azure's size documentation. Series not listed here (NV: M60, NP: FPGA) are left out.
 */
const AZURE_GPU_SERIES: Readonly<Record<string, string>> = {
  'NC-series': 'Tesla K80',
  'NC-series Promo': 'Tesla K80',
  'NCsv2-series': 'NVIDIA Tesla P100 PCIe', // NC sizes carry PCIe cards (the SXM2 V100s are the NDv2 series); generic `p100` is the SXM2 module
  'NDs-series': 'Tesla P40',
  'NDv2 Series': 'Tesla V100 SXM2 32GB',
};

interface Draft {
  value: Omit<Instance, 'embodiedKgCo2e'>;
  at: Origin;
  family: string;
  /** CCF platform embodied total (kgCO2e, whole platform), when CCF has the type. */
  platformKg: number | null;
  /** Platform vCPU given by the source (Azure); else the family maximum is used. */
  platformVcpu: number | null;
}

/** `m5.large` -> `m5`; `n2-standard-8` -> `n2-standard`; `Standard_NC6s_v3` -> `Standard_NC6s_v3`'s series row. */
const awsFamily = (type: string) => type.split('.')[0] ?? type;
const gcpFamily = (type: string) => type.replace(/-\d+[a-z]*(-lssd|-metal)?$/, '');

/** Curated ids: TPU rows `v5p-8 (ct5p-hightpu-4t)` -> `v5p-8`; N1 rows `n1-standard-8 + 1x nvidia-tesla-t4` -> `n1-standard-8+1x-nvidia-tesla-t4`. */
const curatedType = (raw: string) =>
  raw
    .replace(/\s*\(.*\)$/, '')
    .replace(/\s*\+\s*/g, '+')
    .replace(/\s+/g, '-');
/** CCF Azure names `NC6s v3` -> the API name `Standard_NC6s_v3`. */
const azureType = (vm: string) => `Standard_${vm.trim().replace(/\s+/g, '_')}`;

function ccfEmbodied(): Map<string, number[]> {
  const totals = new Map<string, number[]>();
  const add = (key: string, v: number) => totals.set(key, [...(totals.get(key) ?? []), v]);
  for (const r of readCsv('hardware/ccf/coefficients-aws-embodied.csv'))
    add(`aws:${cell(r, 'type')}`, reqNum(r, 'total'));
  for (const r of readCsv('hardware/ccf/coefficients-gcp-embodied.csv'))
    add(`gcp:${cell(r, 'type')}@${cell(r, 'microarchitecture')}`, reqNum(r, 'total'));
  for (const r of readCsv('hardware/ccf/coefficients-gcp-embodied-mean.csv'))
    add(`gcp:${cell(r, 'type')}`, reqNum(r, 'total_mean'));
  for (const r of readCsv('hardware/ccf/coefficients-azure-embodied.csv'))
    add(`azure:${azureType(cell(r, 'type'))}`, reqNum(r, 'total'));
  return totals;
}

export function buildInstances(accelerators: readonly Accelerator[]): Instance[] {
  const micro = new Microarch();
  const embodied = ccfEmbodied();
  const embodiedOf = (key: string): number | null => {
    const v = embodied.get(key);
    return v ? mean(v) : null;
  };
  const gpuIds = new Map<string, string>();
  for (const a of accelerators)
    for (const n of [a.id, a.name, ...a.aliases]) gpuIds.set(normalizeName(n), a.id);
  const resolveGpu = (name: string, at: Origin): string => {
    const id = gpuIds.get(normalizeName(name));
    if (!id) throw rowError(at, `GPU "${name}" is not in the accelerator table`);
    return id;
  };

  const drafts = new Map<string, Draft>();
  const put = (d: Draft) => drafts.set(d.value.id, d);
  type Host = { vcpu: number; memoryGb: number; cpuName: string | null; arches: string[] };
  /** A CPU-only instance row; watts from the host's microarchitecture(s). */
  const base = (
    provider: string,
    type: string,
    row: CsvRow,
    host: Host,
  ): Omit<Instance, 'embodiedKgCo2e'> => {
    const w = micro.watts(provider, host.arches, row);
    return {
      id: `${provider}:${type.toLowerCase()}`,
      provider,
      type,
      vcpu: host.vcpu,
      memoryGb: host.memoryGb,
      cpuName: host.cpuName,
      minWattsPerVcpu: round(w.min),
      maxWattsPerVcpu: round(w.max),
      gpu: null,
      gpuCount: 0,
      localSsdTb: 0, // CCF lists give no per-instance disk sizes
      source: 'ccf-coefficients',
    };
  };
  const curated = readCsv('hardware/gpu_cloud_instances_curated.csv');
  const curatedIds = new Set(
    curated.map(
      (r) => `${cell(r, 'provider')}:${curatedType(cell(r, 'instance_type')).toLowerCase()}`,
    ),
  );
  const isCurated = (provider: string, type: string) =>
    curatedIds.has(`${provider}:${type.toLowerCase()}`);

  for (const row of readCsv('hardware/ccf/aws-instances-latest-2026.csv')) {
    const type = cell(row, 'Instance Type');
    // Accelerator instances need a GPU model/count, which CCF's list lacks: only curated ones are kept.
    if (cell(row, 'Category') === 'Accelerated Computing' && !isCurated('aws', type)) continue;
    const cpu = cell(row, 'Platform CPU Name') || null;
    const host = {
      vcpu: reqNum(row, 'vCPUs'),
      memoryGb: reqNum(row, 'Memory (GiB)'),
      cpuName: cpu,
      arches: micro.archesOf(cpu),
    };
    put({
      value: base('aws', type, row, host),
      at: row,
      family: awsFamily(type),
      platformKg: embodiedOf(`aws:${type}`),
      platformVcpu: null,
    });
  }
  for (const row of readCsv('hardware/ccf/gcp-instances-latest-2026.csv')) {
    const type = cell(row, 'Instance Type');
    const family = cell(row, 'Platform') || gcpFamily(type);
    if (/^(a\d+|g\d+)-/.test(family) && !isCurated('gcp', type)) continue; // GPU families: curated only
    const arch = cell(row, 'Microarchitecture');
    const cpu = cell(row, 'CPU Name') || null;
    const arches = arch ? [arch] : micro.archesOf(cpu);
    const host = {
      vcpu: reqNum(row, 'Instance vCPU'),
      memoryGb: reqNum(row, 'Instance Memory'),
      cpuName: cpu,
      arches,
    };
    const platformKg = embodiedOf(`gcp:${type}@${arch}`) ?? embodiedOf(`gcp:${type}`); // per-microarchitecture row, else CCF's mean
    put({ value: base('gcp', type, row, host), at: row, family, platformKg, platformVcpu: null });
  }
  // Azure lists one row per (VM, possible microarchitecture): group them, as CCF averages over them.
  const azureRows = new Map<string, CsvRow[]>();
  for (const row of readCsv('hardware/ccf/azure-instances.csv')) {
    const type = azureType(cell(row, 'Virtual Machine'));
    azureRows.set(type, [...(azureRows.get(type) ?? []), row]);
  }
  for (const [type, rows] of azureRows) {
    const row = rows[0] as CsvRow;
    const series = cell(row, 'Series');
    const gpuCount = num(row, 'Instance GPUs') ?? 0;
    const gpuModel = AZURE_GPU_SERIES[series];
    if ((gpuCount > 0 || /^N[CDVP]/.test(series)) && !gpuModel && !isCurated('azure', type))
      continue;
    const platformVcpu = reqNum(row, 'Platform vCPUs (highest vCPU possible)');
    // "Constrained vCPUs capable" rows give the active-vCPU ratio, not a count (DS11-1 v2: 0.5 of 2 = 1).
    const vcpu =
      series === 'Constrained vCPUs capable'
        ? reqNum(row, 'Instance vCPUs') * platformVcpu
        : reqNum(row, 'Instance vCPUs');
    const arches = [
      ...new Set(rows.map((r) => cell(r, 'Microarchitecture')).filter((a) => a !== 'Unknown')),
    ].sort();
    const host = { vcpu, memoryGb: reqNum(row, 'Instance Memory'), cpuName: null, arches }; // CCF gives no Azure CPU names
    const value = {
      ...base('azure', type, row, host),
      gpu: gpuModel ? resolveGpu(gpuModel, row) : null,
      gpuCount,
    };
    put({ value, at: row, family: series, platformKg: embodiedOf(`azure:${type}`), platformVcpu });
  }

  for (const row of curated) {
    const provider = cell(row, 'provider');
    const type = curatedType(cell(row, 'instance_type'));
    const id = `${provider}:${type.toLowerCase()}`;
    const ccf = drafts.get(id);
    const cpu = cell(row, 'cpu_model') || null;
    const value = {
      ...base(provider, type, row, {
        vcpu: reqNum(row, 'vcpu'),
        memoryGb: reqNum(row, 'memory_gib'),
        cpuName: cpu,
        arches: micro.archesOf(cpu),
      }),
      gpu: resolveGpu(cell(row, 'gpu_model'), row),
      gpuCount: reqNum(row, 'gpu_count'),
      localSsdTb: num(row, 'local_ssd_tb') ?? 0,
      source: 'curated-gpu-instances',
    };
    const family =
      ccf?.family ??
      (provider === 'aws' ? awsFamily(type) : provider === 'gcp' ? gcpFamily(type) : type);
    put({
      value,
      at: row,
      family,
      platformKg: ccf?.platformKg ?? embodiedOf(`${provider}:${type}`),
      platformVcpu: ccf?.platformVcpu ?? null,
    });
  }

  // Platform vCPU = the largest instance of the family (CCF: the platform the family runs on).
  const familyMax = new Map<string, number>();
  for (const d of drafts.values()) {
    const key = `${d.value.provider}:${d.family}`;
    familyMax.set(key, Math.max(familyMax.get(key) ?? 0, d.value.vcpu));
  }
  return [...drafts.values()].sort(byKey((d) => d.value.id)).map((d) => {
    const platformVcpu =
      d.platformVcpu ?? familyMax.get(`${d.value.provider}:${d.family}`) ?? d.value.vcpu;
    const embodiedKgCo2e =
      d.platformKg === null ? null : round((d.platformKg * d.value.vcpu) / platformVcpu, 2);
    return validateRow(Instance, { ...d.value, embodiedKgCo2e }, d.at);
  });
}
