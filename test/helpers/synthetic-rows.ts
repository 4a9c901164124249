// The synthetic compute rows both engines estimate: EC2 usage as a billing export would list it
// (instance type, region, hours, average CPU utilisation), generated from a fixed seed.
import { pick, seededRandom } from './rng.ts';

export interface ComputeRow {
  /** AWS region id, e.g. `us-east-1`. */
  readonly region: string;
  /** EC2 instance type, e.g. `m5.xlarge`. */
  readonly instance: string;
  readonly vcpu: number;
  readonly hours: number;
  /** Average CPU utilisation, 0–1. */
  readonly utilization: number;
}

/** The instance types used, with their vCPU count (AWS's published sizes). */
export const INSTANCE_VCPUS: Readonly<Record<string, number>> = {
  'm5.xlarge': 4,
  'm5.2xlarge': 8,
  'm5a.xlarge': 4,
  'c5.xlarge': 4,
  'c5a.2xlarge': 8,
  'r5.xlarge': 4,
  'm6g.xlarge': 4,
  'c6g.2xlarge': 8,
  'm4.xlarge': 4,
};

/** Regions both CCF's AWS emission factors and gridshift's tables know (CCF has no newer ones). */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-north-1',
  'me-south-1',
  'sa-east-1',
] as const;

export const DEFAULT_SEED = 20261121;

/** `n` rows from `seed`: 1–720 hours, utilisation 5–95 %. */
export function generateRows(n: number, seed = DEFAULT_SEED): ComputeRow[] {
  const random = seededRandom(seed);
  const types = Object.keys(INSTANCE_VCPUS);
  const rows: ComputeRow[] = [];
  for (let i = 0; i < n; i++) {
    const instance = pick(random, types);
    rows.push({
      region: pick(random, REGIONS),
      instance,
      vcpu: INSTANCE_VCPUS[instance]!,
      hours: 1 + Math.floor(random() * 720),
      utilization: Math.round((0.05 + random() * 0.9) * 1000) / 1000,
    });
  }
  return rows;
}

/** The row as a gridshift workload (the request body of POST /v1/estimate). */
export function toWorkload(row: ComputeRow): {
  location: string;
  durationHours: number;
  instance: { type: string };
  cpu: { utilization: number };
} {
  return {
    location: `aws:${row.region}`,
    durationHours: row.hours,
    instance: { type: `aws:${row.instance}` },
    cpu: { utilization: row.utilization },
  };
}
