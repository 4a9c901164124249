// An estimate as a BoAmps report (Boavizta's AI energy report format 1.1.0, model/report_schema.json):
// field names as published; an estimate is declared as such, since BoAmps was made for measurements.
import type { EstimateResult, Workload } from './schemas.ts';

export const BOAMPS_FORMAT_VERSION = '1.1.0';
export const BOAMPS_SCHEMA_URI =
  'https://raw.githubusercontent.com/Boavizta/BoAmps/main/model/report_schema.json';

/** What the report needs from the caller (core has no clock and no randomness). */
export interface BoampsMeta {
  reportId: string;
  /** `YYYY-MM-DD HH:MM:SS`, as the schema asks. */
  reportDatetime: string;
  publisherName?: string;
  licensing?: string;
}

type Json = Record<string, unknown>;

/** The BoAmps report of one estimate: header, task, measures, infrastructure, environment, quality. */
export function estimateToBoamps(
  workload: Workload,
  result: EstimateResult,
  meta: BoampsMeta,
): Json {
  return {
    $schema: BOAMPS_SCHEMA_URI,
    header: {
      licensing: meta.licensing ?? 'CC-BY-4.0',
      formatVersion: BOAMPS_FORMAT_VERSION,
      formatVersionSpecificationUri: BOAMPS_SCHEMA_URI,
      reportId: meta.reportId,
      reportDatetime: meta.reportDatetime,
      reportStatus: 'draft',
      publisher: { name: meta.publisherName ?? 'gridshift', confidentialityLevel: 'public' },
    },
    task: describeTask(workload, result),
    measures: [describeMeasure(workload, result)],
    infrastructure: describeInfrastructure(workload, result),
    environment: {
      country: result.resolved.location.countryIso2 ?? 'unknown',
      location:
        result.resolved.location.regionId ??
        result.resolved.location.zone ??
        result.resolved.location.input,
      powerSupplierType: 'public',
      powerSourceCarbonIntensity: result.resolved.location.intensityGCo2ePerKwh,
    },
    quality: qualityOf(result),
  };
}

function describeTask(w: Workload, r: EstimateResult): Json {
  const ai = w.ai;
  const summary = `Estimated by gridshift ${r.methodologyVersion}, not measured: ${round(r.energyKwh.total)} kWh (${round(r.energyKwh.low)}–${round(r.energyKwh.high)}), ${round(r.emissionsKgCo2e.total)} kgCO2e (${round(r.emissionsKgCo2e.low)}–${round(r.emissionsKgCo2e.high)}), of which embodied ${round(r.emissionsKgCo2e.embodied)}.`;
  if (!ai) {
    return {
      taskStage: 'other',
      taskFamily: 'compute workload',
      algorithms: [{ algorithmType: 'unspecified' }],
      dataset: [{ dataUsage: 'input', dataType: 'other' }],
      taskDescription: summary,
    };
  }
  const parametersB = ai.parameters === undefined ? undefined : ai.parameters / 1e9;
  const algorithm: Json = {
    algorithmType: 'llm',
    ...(parametersB === undefined ? {} : { parametersNumber: parametersB }),
  };
  if (ai.task === 'training') {
    return {
      taskStage: 'training',
      taskFamily: 'text generation',
      algorithms: [{ ...algorithm, ...(ai.precision ? { quantization: ai.precision } : {}) }],
      dataset: [{ dataUsage: 'input', dataType: 'token', dataQuantity: ai.tokens }],
      taskDescription: summary,
    };
  }
  const dataset = [
    {
      dataUsage: 'input',
      dataType: 'token',
      ...(ai.inputTokens === undefined ? {} : { dataQuantity: ai.inputTokens }),
    },
    {
      dataUsage: 'output',
      dataType: 'token',
      ...(ai.outputTokens === undefined ? {} : { dataQuantity: ai.outputTokens }),
    },
  ];
  return {
    taskStage: 'inference',
    taskFamily: 'text generation',
    ...(ai.requests === undefined ? {} : { nbRequest: ai.requests }),
    algorithms: [{ ...algorithm, ...(ai.model ? { foundationModelName: ai.model } : {}) }],
    dataset,
    taskDescription: summary,
  };
}

function describeMeasure(w: Workload, r: EstimateResult): Json {
  return {
    measurementMethod: 'gridshift estimate (model, not a meter)',
    version: r.methodologyVersion,
    unit: 'kWh',
    powerConsumption: r.energyKwh.total,
    measurementDuration: r.durationHours * 3600,
    ...(w.cpu?.utilization === undefined ? {} : { averageUtilizationCpu: w.cpu.utilization }),
    ...(w.gpu?.utilization === undefined ? {} : { averageUtilizationGpu: w.gpu.utilization }),
  };
}

const CLOUD_NAMES: Record<string, string> = { aws: 'aws', gcp: 'google', azure: 'azure' };

function describeInfrastructure(w: Workload, r: EstimateResult): Json {
  const { gpu, cpu, instance, memoryGb } = r.resolved;
  const components: Json[] = [];
  if (gpu)
    components.push({
      componentName: gpu.name,
      componentType: 'gpu',
      nbComponent: Math.ceil(gpu.count),
    });
  if (cpu)
    components.push({
      componentName: cpu.name,
      componentType: 'cpu',
      nbComponent: Math.ceil(cpu.count),
    });
  if (memoryGb > 0)
    components.push({ componentType: 'ram', nbComponent: 1, memorySize: Math.round(memoryGb) });
  if (w.storage?.ssdTb)
    components.push({
      componentType: 'ssd',
      nbComponent: 1,
      memorySize: Math.round(w.storage.ssdTb * 1000),
    });
  if (w.storage?.hddTb)
    components.push({
      componentType: 'hdd',
      nbComponent: 1,
      memorySize: Math.round(w.storage.hddTb * 1000),
    });
  if (components.length === 0) components.push({ componentType: 'other', nbComponent: 1 });
  const provider = r.resolved.location.regionId?.split(':')[0];
  const cloud = provider === undefined ? undefined : CLOUD_NAMES[provider];
  return {
    infraType: cloud ? 'publicCloud' : 'other',
    ...(cloud ? { cloudProvider: cloud } : {}),
    ...(instance ? { cloudInstance: instance.id.split(':')[1] ?? instance.id } : {}),
    components,
  };
}

/** BoAmps quality: high within ±10 %, medium within ±25 %, else low — from the emissions range. */
function qualityOf(r: EstimateResult): 'high' | 'medium' | 'low' {
  const { total, low, high } = r.emissionsKgCo2e;
  if (total <= 0) return 'high';
  const spread = Math.max(total - low, high - total) / total;
  return spread <= 0.1 ? 'high' : spread <= 0.25 ? 'medium' : 'low';
}

function round(value: number): string {
  return String(Number(value.toPrecision(3)));
}
