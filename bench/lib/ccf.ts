// Cloud Carbon Footprint, called as a library (@cloud-carbon-footprint/core) the way its AWS usage
// path calls it for one EC2 row of a cost-and-usage report: per-row constants from the instance's
// processors, then its compute, memory and embodied estimators, one row each.
//
// @cloud-carbon-footprint/core ships the estimators but not the AWS constants (they live in the
// @cloud-carbon-footprint/aws package), so the few used here are written out below; each block names
// the CCF source file it comes from. Values are CCF's, unchanged.
import { createRequire } from 'node:module';
import type { ComputeRow } from '../../test/helpers/synthetic-rows.ts';

// The package's `types` point at its TypeScript sources, which do not compile under this project's
// strict settings, so the few signatures used are declared here (from its dist/*.d.ts).
interface Estimate {
  kilowattHours: number;
  co2e: number;
}
type Factors = Record<string, number>;
interface Constants {
  minWatts?: number;
  maxWatts?: number;
  powerUsageEffectiveness?: number;
  replicationFactor?: number;
}
interface CcfCore {
  ComputeEstimator: new () => {
    estimate(
      data: { cpuUtilizationAverage: number; vCpuHours: number; usesAverageCPUConstant: boolean }[],
      region: string,
      f: Factors,
      c: Constants,
    ): Estimate[];
  };
  MemoryEstimator: new (coefficient: number) => {
    estimate(
      data: { gigabyteHours: number }[],
      region: string,
      f: Factors,
      c: Constants,
    ): Estimate[];
  };
  EmbodiedEmissionsEstimator: new (lifespanHours: number) => {
    estimate(
      data: {
        instancevCpu: number;
        largestInstancevCpu: number;
        usageTimePeriod: number;
        scopeThreeEmissions: number;
      }[],
      region: string,
      f: Factors,
    ): Estimate[];
  };
  COMPUTE_PROCESSOR_TYPES: Record<
    | 'CASCADE_LAKE'
    | 'SKYLAKE'
    | 'BROADWELL'
    | 'HASWELL'
    | 'AMD_EPYC_1ST_GEN'
    | 'AMD_EPYC_2ND_GEN'
    | 'AWS_GRAVITON_2',
    string
  >;
  US_NERC_REGIONS_EMISSIONS_FACTORS: Record<'SERC' | 'RFC' | 'WECC', number>;
  getWattsByAverageOrMedian(processors: string[], watts: number[]): number;
  getAverage(nums: number[]): number;
  getPhysicalChips(largestInstanceTypevCpus: number): number;
  calculateGigabyteHours(
    physicalChips: number,
    largestMemory: number,
    processorMemory: number,
    instanceMemory: number,
    usageAmount: number,
  ): number;
}

// CCF's dist/package.json has a `main` that Node warns about on every load (DEP0128); the warning
// is about their packaging, not this benchmark, so it is silenced while the library loads.
const require = createRequire(import.meta.url);
const noDeprecation = process.noDeprecation;
process.noDeprecation = true;
const ccf = require('@cloud-carbon-footprint/core') as CcfCore;
process.noDeprecation = noDeprecation;

const {
  ComputeEstimator,
  MemoryEstimator,
  EmbodiedEmissionsEstimator,
  COMPUTE_PROCESSOR_TYPES: P,
  US_NERC_REGIONS_EMISSIONS_FACTORS: NERC,
} = ccf;
const { getWattsByAverageOrMedian, getAverage, getPhysicalChips, calculateGigabyteHours } = ccf;

// packages/aws/src/domain/AwsFootprintEstimationConstants.ts — AWS_CLOUD_CONSTANTS
const AWS_PUE = 1.135; // PUE_AVG (getPUE() returns it for every region)
const AWS_MEMORY_COEFFICIENT = 0.000392; // MEMORY_COEFFICIENT, kWh per GB-hour
const AWS_SERVER_EXPECTED_LIFESPAN = 35040; // SERVER_EXPECTED_LIFESPAN, hours
const AWS_REPLICATION_EC2 = 1; // REPLICATION_FACTORS.DEFAULT (EC2 compute)
// MIN_WATTS_BY_COMPUTE_PROCESSOR, MAX_WATTS_BY_COMPUTE_PROCESSOR (W per vCPU) and
// MEMORY_BY_COMPUTE_PROCESSOR (GB per physical chip), for the processors of the instances below.
const MIN_WATTS: Record<string, number> = {
  [P.CASCADE_LAKE]: 0.64,
  [P.SKYLAKE]: 0.65,
  [P.BROADWELL]: 0.71,
  [P.HASWELL]: 1,
  [P.AMD_EPYC_1ST_GEN]: 0.82,
  [P.AMD_EPYC_2ND_GEN]: 0.47,
  [P.AWS_GRAVITON_2]: 0.47,
};
const MAX_WATTS: Record<string, number> = {
  [P.CASCADE_LAKE]: 3.97,
  [P.SKYLAKE]: 4.26,
  [P.BROADWELL]: 3.69,
  [P.HASWELL]: 4.74,
  [P.AMD_EPYC_1ST_GEN]: 2.55,
  [P.AMD_EPYC_2ND_GEN]: 1.69,
  [P.AWS_GRAVITON_2]: 1.69,
};
const MEMORY_GB_PER_CHIP: Record<string, number> = {
  [P.CASCADE_LAKE]: 98.12,
  [P.SKYLAKE]: 81.32,
  [P.BROADWELL]: 69.65,
  [P.HASWELL]: 27.71,
  [P.AMD_EPYC_1ST_GEN]: 89.6,
  [P.AMD_EPYC_2ND_GEN]: 129.78,
  [P.AWS_GRAVITON_2]: 129.78,
};
// AWS_EMISSIONS_FACTORS_METRIC_TON_PER_KWH (US regions use core's US_NERC_REGIONS_EMISSIONS_FACTORS)
const EMISSIONS_FACTORS: Record<string, number> = {
  'us-east-1': NERC.SERC,
  'us-east-2': NERC.RFC,
  'us-west-1': NERC.WECC,
  'us-west-2': NERC.WECC,
  'af-south-1': 0.000928,
  'ap-east-1': 0.00081,
  'ap-south-1': 0.000708,
  'ap-northeast-3': 0.000506,
  'ap-northeast-2': 0.0005,
  'ap-southeast-1': 0.0004085,
  'ap-southeast-2': 0.00079,
  'ap-northeast-1': 0.000506,
  'ca-central-1': 0.00013,
  'eu-central-1': 0.000338,
  'eu-west-1': 0.000316,
  'eu-west-2': 0.000228,
  'eu-south-1': 0.000233,
  'eu-west-3': 0.000052,
  'eu-north-1': 0.000008,
  'me-south-1': 0.000732,
  'sa-east-1': 0.000074,
  Unknown: 0.00038738,
};

interface CcfInstance {
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly processors: readonly string[];
  /** vCPU and memory of the largest type of the family (CCF takes the family's last entry). */
  readonly largestVcpu: number;
  readonly largestMemoryGb: number;
  /** Scope 3 emissions of the whole platform, metric tons CO2e. */
  readonly scopeThreeT: number;
}

// packages/aws/src/lib/AWSInstanceTypes.ts — EC2_INSTANCE_TYPES ([vCPU, memory, scope 3 t]; the
// family's last entry is its largest) and INSTANCE_TYPE_COMPUTE_PROCESSOR_MAPPING.
const INSTANCES: ReadonlyMap<string, CcfInstance> = new Map([
  [
    'm5.xlarge',
    {
      vcpu: 4,
      memoryGb: 16,
      processors: [P.SKYLAKE],
      largestVcpu: 96,
      largestMemoryGb: 384,
      scopeThreeT: 1.6103792,
    },
  ],
  [
    'm5.2xlarge',
    {
      vcpu: 8,
      memoryGb: 32,
      processors: [P.SKYLAKE],
      largestVcpu: 96,
      largestMemoryGb: 384,
      scopeThreeT: 1.6103792,
    },
  ],
  [
    'm5a.xlarge',
    {
      vcpu: 4,
      memoryGb: 16,
      processors: [P.AMD_EPYC_1ST_GEN],
      largestVcpu: 96,
      largestMemoryGb: 384,
      scopeThreeT: 1.6103792,
    },
  ],
  [
    'c5.xlarge',
    {
      vcpu: 4,
      memoryGb: 8,
      processors: [P.CASCADE_LAKE, P.SKYLAKE],
      largestVcpu: 96,
      largestMemoryGb: 192,
      scopeThreeT: 1.3440944,
    },
  ],
  [
    'c5a.2xlarge',
    {
      vcpu: 8,
      memoryGb: 16,
      processors: [P.AMD_EPYC_2ND_GEN],
      largestVcpu: 96,
      largestMemoryGb: 192,
      scopeThreeT: 1.2440944,
    },
  ],
  [
    'r5.xlarge',
    {
      vcpu: 4,
      memoryGb: 32,
      processors: [P.CASCADE_LAKE, P.SKYLAKE],
      largestVcpu: 96,
      largestMemoryGb: 768,
      scopeThreeT: 2.1429488,
    },
  ],
  [
    'm6g.xlarge',
    {
      vcpu: 4,
      memoryGb: 16,
      processors: [P.AWS_GRAVITON_2],
      largestVcpu: 64,
      largestMemoryGb: 256,
      scopeThreeT: 1.332856,
    },
  ],
  [
    'c6g.2xlarge',
    {
      vcpu: 8,
      memoryGb: 16,
      processors: [P.AWS_GRAVITON_2],
      largestVcpu: 64,
      largestMemoryGb: 128,
      scopeThreeT: 1.1553328,
    },
  ],
  [
    'm4.xlarge',
    {
      vcpu: 4,
      memoryGb: 16,
      processors: [P.BROADWELL, P.HASWELL],
      largestVcpu: 64,
      largestMemoryGb: 256,
      scopeThreeT: 1.432856,
    },
  ],
]);

/** One row's estimate, as CCF reports it: kWh and metric tons CO2e per estimator. */
export interface CcfRowEstimate {
  readonly kwh: number;
  readonly co2eT: number;
}

/** An estimator over the rows with CCF's three EC2 estimators (built once, as CCF does per report). */
export function createCcfEstimator(): (row: ComputeRow) => CcfRowEstimate {
  const compute = new ComputeEstimator();
  const memory = new MemoryEstimator(AWS_MEMORY_COEFFICIENT);
  const embodied = new EmbodiedEmissionsEstimator(AWS_SERVER_EXPECTED_LIFESPAN);
  return (row) => {
    const spec = INSTANCES.get(row.instance);
    if (!spec) throw new Error(`no CCF constants for ${row.instance}`);
    const processors = spec.processors as string[];
    // AWS_CLOUD_CONSTANTS.getMinWatts / getMaxWatts / getMemory, per row as CCF computes them.
    const minWatts =
      getWattsByAverageOrMedian(
        processors,
        processors.map((p) => MIN_WATTS[p]!),
      ) || 0.74;
    const maxWatts =
      getWattsByAverageOrMedian(
        processors,
        processors.map((p) => MAX_WATTS[p]!),
      ) || 3.5;
    const constants = {
      minWatts,
      maxWatts,
      powerUsageEffectiveness: AWS_PUE,
      replicationFactor: AWS_REPLICATION_EC2,
    };
    const cpu = compute.estimate(
      [
        {
          cpuUtilizationAverage: row.utilization * 100,
          vCpuHours: spec.vcpu * row.hours,
          usesAverageCPUConstant: false,
        },
      ],
      row.region,
      EMISSIONS_FACTORS,
      constants,
    )[0]!;
    const processorMemory = getAverage(processors.map((p) => MEMORY_GB_PER_CHIP[p]!)) || 80.69;
    const gigabyteHours = calculateGigabyteHours(
      getPhysicalChips(spec.largestVcpu),
      spec.largestMemoryGb,
      processorMemory,
      spec.memoryGb,
      row.hours,
    );
    const mem = memory.estimate([{ gigabyteHours }], row.region, EMISSIONS_FACTORS, constants)[0]!;
    const emb = embodied.estimate(
      [
        {
          instancevCpu: spec.vcpu,
          largestInstancevCpu: spec.largestVcpu,
          usageTimePeriod: row.hours,
          scopeThreeEmissions: spec.scopeThreeT,
        },
      ],
      row.region,
      EMISSIONS_FACTORS,
    )[0]!;
    return { kwh: cpu.kilowattHours + mem.kilowattHours, co2eT: cpu.co2e + mem.co2e + emb.co2e };
  };
}
