// FOCUS billing rows -> workloads: hand-written mapping rules (data, not code). The same rows drive
// the TypeScript mapping (src/service/focus/) and the exported footprint.sql (`focus_rules` table).
// Patterns are SQL LIKE patterns (`%` any text, `_` one character, case-sensitive) over one column.
// Coefficients are Cloud Carbon Footprint's (Apache-2.0, cloud-carbon-footprint/cloud-carbon-footprint
// packages/aws/src/domain/AwsFootprintEstimationConstants.ts REPLICATION_FACTORS; microsite Methodology.md).

/** What a billing unit of a mapped row is, as a workload of one unit (src/service/focus/methods.ts). */
export type FocusMethod =
  | 'instance'
  | 'gpu_instance'
  | 'gpu_hours'
  | 'vcpu_hours'
  | 'memory_gb_hours'
  | 'serverless_gb_seconds'
  | 'ssd_gb_months'
  | 'hdd_gb_months'
  | 'network_gb'
  | 'unmapped';

/** Columns a rule may read (present in FOCUS 1.0, 1.1 and 1.2). */
export type FocusRuleColumn = 'ChargeDescription' | 'ServiceName';

export interface FocusRule {
  /** Stable id, named in the per-row output's reason for `unmapped` rules. */
  readonly id: string;
  /** gridshift provider (`aws`, `azure`, `gcp`, `oci`); `*` = any. */
  readonly provider: string;
  readonly column: FocusRuleColumn;
  readonly pattern: string;
  /** LIKE pattern on ConsumedUnit (`%` = any unit). */
  readonly unit: string;
  readonly method: FocusMethod;
  /** Method units per billed unit (replication, GiB -> GB, OCPU -> vCPU, a disk tier's size). */
  readonly factor: number;
  /** Why: the source of `factor`, or why an `unmapped` rule's rows carry no energy (`reason: why`). */
  readonly note: string;
  /** For `unmapped` rules, the reason code the row carries (the note's prefix); else ''. */
  readonly reason: string;
  /** What the unit is, for methods that need it (`gpu_hours`: the accelerator id); else ''. */
  readonly key: string;
}

/** A rule expanded once per instance type of the provider in the tables: `{type}` is the type's billing name. */
export interface FocusInstanceTemplate {
  readonly id: string;
  readonly provider: 'aws' | 'azure' | 'gcp' | 'oci';
  readonly column: FocusRuleColumn;
  /** `{type}` = AWS `c5.2xlarge`; Azure `D11 v2` (meter name: `Standard_D11_v2` without prefix, `_` -> space). */
  readonly pattern: string;
  readonly unit: string;
  readonly factor: number;
  readonly note: string;
}

/** FOCUS ProviderName (lower-cased) -> gridshift provider. */
export const FOCUS_PROVIDERS: readonly { readonly name: string; readonly provider: string }[] = [
  { name: 'aws', provider: 'aws' },
  { name: 'amazon web services', provider: 'aws' },
  { name: 'microsoft', provider: 'azure' },
  { name: 'azure', provider: 'azure' },
  { name: 'microsoft azure', provider: 'azure' },
  { name: 'google cloud', provider: 'gcp' },
  { name: 'google', provider: 'gcp' },
  { name: 'gcp', provider: 'gcp' },
  { name: 'google cloud platform', provider: 'gcp' },
  { name: 'oracle', provider: 'oci' },
  { name: 'oci', provider: 'oci' },
  { name: 'oracle cloud infrastructure', provider: 'oci' },
];

/** Hours in a month of storage (365 × 24 / 12), as providers bill GB-months. */
export const HOURS_PER_MONTH = 730;
/** 1 GiB in GB. */
const GIB = 1.073741824;
/** AWS Lambda: 1,769 MB of memory = one vCPU (AWS Lambda docs, "Memory and computing power"). */
export const LAMBDA_VCPU_PER_GB = 1024 / 1769;

export const FOCUS_INSTANCE_TEMPLATES: readonly FocusInstanceTemplate[] = [
  {
    id: 'aws-ec2-instance-hour',
    provider: 'aws',
    column: 'ChargeDescription',
    pattern: '% {type} Instance Hour%',
    unit: 'Hour%',
    factor: 1,
    note: 'EC2 "per On Demand Linux c5.2xlarge Instance Hour": one instance-hour',
  },
  {
    id: 'aws-ec2-reserved-applied',
    provider: 'aws',
    column: 'ChargeDescription',
    pattern: '%, {type} reserved instance applied%',
    unit: 'Hour%',
    factor: 1,
    note: 'EC2 reserved instance usage: one instance-hour',
  },
  {
    id: 'aws-ec2-spot',
    provider: 'aws',
    column: 'ChargeDescription',
    pattern: '% {type} Spot Instance-hour%',
    unit: 'Hour%',
    factor: 1,
    note: 'EC2 Spot usage: one instance-hour',
  },
  {
    id: 'aws-rds-single-az',
    provider: 'aws',
    column: 'ChargeDescription',
    pattern: '% db.{type} Single-AZ instance hour%',
    unit: 'Hour%',
    factor: 1,
    note: 'RDS db.<type> Single-AZ: the EC2 type it runs on, one copy',
  },
  {
    id: 'aws-rds-multi-az',
    provider: 'aws',
    column: 'ChargeDescription',
    pattern: '% db.{type} Multi-AZ %',
    unit: 'Hour%',
    factor: 2,
    note: 'RDS Multi-AZ: two copies (CCF REPLICATION_FACTORS.RDS_MULTI_AZ = 2)',
  },
  {
    id: 'azure-vm-meter',
    provider: 'azure',
    column: 'ChargeDescription',
    pattern: 'Virtual Machines % - {type}/%',
    unit: '%Hour%',
    factor: 1,
    note: 'Azure meter "Virtual Machines Dv2/DSv2 Series - D11 v2/DS11 v2 - US East 2": one VM-hour',
  },
  {
    id: 'azure-vm-meter-end',
    provider: 'azure',
    column: 'ChargeDescription',
    pattern: 'Virtual Machines % - {type} - %',
    unit: '%Hour%',
    factor: 1,
    note: 'Azure meter "Virtual Machines … - D2s v3 - …": one VM-hour',
  },
  {
    id: 'azure-vm-meter-spot',
    provider: 'azure',
    column: 'ChargeDescription',
    pattern: 'Virtual Machines % - {type} Spot%',
    unit: '%Hour%',
    factor: 1,
    note: 'Azure Spot meter "… - D2s v3 Spot - …": one VM-hour',
  },
  {
    id: 'azure-vm-meter-low-priority',
    provider: 'azure',
    column: 'ChargeDescription',
    pattern: 'Virtual Machines % - {type} Low Priority%',
    unit: '%Hour%',
    factor: 1,
    note: 'Azure Low Priority meter "… - D2s v3 Low Priority - …": one VM-hour',
  },
];

/** Google Cloud GPU SKU names ("Nvidia Tesla T4 GPU running in Americas") -> accelerator id; longer names first. */
const GCP_GPUS: readonly [string, string][] = [
  ['Tesla A100 80GB', 'nvidia-a100-sxm4'],
  ['H100 80GB Mega', 'nvidia-h100-sxm'],
  ['H100 80GB', 'nvidia-h100-sxm'],
  ['Tesla A100', 'nvidia-a100-sxm4-40gb'],
  ['Tesla V100', 'nvidia-v100-sxm2'],
  ['Tesla P100', 'nvidia-p100-pcie'],
  ['Tesla T4', 'nvidia-t4'],
  ['Tesla P4', 'nvidia-p4'],
  ['Tesla K80', 'nvidia-k80'],
  ['L4', 'nvidia-l4'],
];

/** Units priced per request, operation or object, with no energy per unit published. */
const FOCUS_REQUEST_UNITS: readonly string[] = [
  'Requests',
  'API Requests',
  'Units',
  'IOs',
  'Queries',
  'Events',
  'Metrics',
  'Alarms',
  'Keys',
  'ReadRequestUnits',
  'WriteRequestUnits',
  'StateTransitions',
  'Security Checks',
  'Units/Hour',
];

const ssd = (id: string, column: FocusRuleColumn, pattern: string, factor: number, note: string) =>
  rule(id, 'aws', column, pattern, '%GB%Mo%', 'ssd_gb_months', factor, note);
const hdd = (id: string, column: FocusRuleColumn, pattern: string, factor: number, note: string) =>
  rule(id, 'aws', column, pattern, '%GB%Mo%', 'hdd_gb_months', factor, note);

function rule(
  id: string,
  provider: string,
  column: FocusRuleColumn,
  pattern: string,
  unit: string,
  method: FocusMethod,
  factor: number,
  note: string,
): FocusRule {
  const reason = method === 'unmapped' ? note.slice(0, note.indexOf(':')) : '';
  return { id, provider, column, pattern, unit, method, factor, note, reason, key: '' };
}

/** Azure Premium SSD managed disk tiers (GiB per disk; Azure "Managed disk types" price table). */
const AZURE_PREMIUM_SSD_GIB: readonly [string, number][] = [
  ['P1', 4],
  ['P2', 8],
  ['P3', 16],
  ['P4', 32],
  ['P6', 64],
  ['P10', 128],
  ['P15', 256],
  ['P20', 512],
  ['P30', 1024],
  ['P40', 2048],
  ['P50', 4096],
  ['P60', 8192],
  ['P70', 16384],
  ['P80', 32767],
];

/**
 * Fixed rules, tried in this order after the instance rules (first match wins). Units per billed
 * unit are stated in `factor`; replication factors are CCF's.
 */
export const FOCUS_RULES: readonly FocusRule[] = [
  // Instance-hours whose type the tables do not hold (the instance rules come first).
  rule(
    'aws-ec2-unknown-type',
    'aws',
    'ChargeDescription',
    '% Instance Hour%',
    'Hour%',
    'unmapped',
    0,
    'unknown_instance: an instance type the instance table does not hold',
  ),
  rule(
    'azure-vm-unknown-type',
    'azure',
    'ChargeDescription',
    'Virtual Machines %',
    '%Hour%',
    'unmapped',
    0,
    'unknown_instance: an instance type the instance table does not hold',
  ),
  // Fees and allowances first: they name instances but carry no energy of their own.
  rule(
    'aws-ebs-bandwidth-allowance',
    'aws',
    'ChargeDescription',
    '% Mbps per % instance-hour%',
    '%',
    'unmapped',
    0,
    'included_allowance: EBS-optimised bandwidth included with an instance; the instance row carries its energy',
  ),
  rule(
    'aws-rds-extended-support',
    'aws',
    'ChargeDescription',
    '%Extended Support%',
    '%',
    'unmapped',
    0,
    'support_fee: a support charge per vCPU; the instance row carries its energy',
  ),
  rule(
    'aws-marketplace-software',
    'aws',
    'ChargeDescription',
    '%Marketplace%software%',
    '%',
    'unmapped',
    0,
    'software_licence: software billed per hour; the instance it runs on is billed (and counted) separately',
  ),
  // AWS managed compute by its stated units.
  rule(
    'aws-fargate-vcpu',
    'aws',
    'ChargeDescription',
    '%Fargate%vCPU%',
    'Hour%',
    'vcpu_hours',
    1,
    'Fargate vCPU-hours: one vCPU-hour each',
  ),
  rule(
    'aws-fargate-memory',
    'aws',
    'ChargeDescription',
    '%Fargate%Memory%',
    'Hour%',
    'memory_gb_hours',
    GIB,
    'Fargate memory GB-hours (GiB): one GiB-hour each',
  ),
  rule(
    'aws-lambda-gb-seconds',
    'aws',
    'ChargeDescription',
    '%Lambda%Compute%',
    '%Second%',
    'serverless_gb_seconds',
    1,
    'Lambda GB-seconds: 1 GB of memory with 1024/1769 vCPU (AWS: 1,769 MB = 1 vCPU) for one second',
  ),
  rule(
    'aws-lambda-edge-gb-seconds',
    'aws',
    'ChargeDescription',
    '%Lambda-GB-Second%',
    '%Second%',
    'serverless_gb_seconds',
    1,
    'Lambda@Edge GB-seconds: as Lambda',
  ),
  rule(
    'aws-vcpu-hours',
    'aws',
    'ChargeDescription',
    '%',
    'vCPU-Hour%',
    'vcpu_hours',
    1,
    'vCPU-hours: one vCPU-hour each',
  ),
  // AWS storage (CCF replication factors).
  ssd(
    'aws-ebs-gp',
    'ChargeDescription',
    '%General Purpose%provisioned storage%',
    2,
    'EBS General Purpose SSD volume: SSD × 2 (CCF EC2_EBS_VOLUME = 2)',
  ),
  ssd(
    'aws-ebs-piops',
    'ChargeDescription',
    '%Provisioned IOPS SSD%storage%',
    2,
    'EBS Provisioned IOPS SSD volume: SSD × 2 (CCF EC2_EBS_VOLUME = 2)',
  ),
  hdd(
    'aws-ebs-magnetic',
    'ChargeDescription',
    '%Magnetic provisioned storage%',
    2,
    'EBS Magnetic volume: HDD × 2 (CCF EC2_EBS_VOLUME = 2)',
  ),
  hdd(
    'aws-ebs-hdd',
    'ChargeDescription',
    '%HDD%provisioned storage%',
    2,
    'EBS Throughput/Cold HDD volume: HDD × 2 (CCF EC2_EBS_VOLUME = 2)',
  ),
  hdd(
    'aws-ebs-snapshot',
    'ChargeDescription',
    '%snapshot data stored%',
    3,
    'EBS snapshot: object storage, HDD × 3 (CCF EC2_EBS_SNAPSHOT = 3)',
  ),
  hdd(
    'aws-ebs-snapshot-usage',
    'ChargeDescription',
    '%SnapshotUsage%',
    3,
    'EBS snapshot: object storage, HDD × 3 (CCF EC2_EBS_SNAPSHOT = 3)',
  ),
  ssd(
    'aws-aurora-storage',
    'ChargeDescription',
    '%consumed storage (Aurora%',
    6,
    'Aurora storage: SSD × 6 (CCF RDS_AURORA = 6)',
  ),
  ssd(
    'aws-rds-storage',
    'ServiceName',
    'Amazon Relational Database Service',
    2,
    'RDS storage: SSD × 2 (CCF RDS_MULTI_AZ = 2)',
  ),
  ssd(
    'aws-dynamodb-storage',
    'ServiceName',
    'Amazon DynamoDB',
    2,
    'DynamoDB storage: SSD × 2 (CCF DYNAMO_DB = 2)',
  ),
  hdd(
    'aws-efs-ia',
    'ChargeDescription',
    '%Infrequent Access%',
    3,
    'EFS Infrequent Access: HDD × 3 (CCF EFS = 3)',
  ),
  ssd(
    'aws-efs',
    'ServiceName',
    'Amazon Elastic File System',
    3,
    'EFS Standard: SSD × 3 (CCF EFS = 3)',
  ),
  hdd(
    'aws-ecr',
    'ServiceName',
    'Amazon EC2 Container Registry%',
    3,
    'ECR images: object storage, HDD × 3 (CCF ECR_STORAGE = 3)',
  ),
  hdd(
    'aws-s3-one-zone',
    'ChargeDescription',
    '%One Zone%',
    2,
    'S3 One Zone: HDD × 2 (CCF S3_ONE_ZONE_REDUCED_REDUNDANCY = 2)',
  ),
  hdd(
    'aws-s3',
    'ServiceName',
    'Amazon Simple Storage Service',
    3,
    'S3: object storage, HDD × 3 (CCF S3 = 3)',
  ),
  hdd(
    'aws-cloudwatch-logs',
    'ChargeDescription',
    '%log storage%',
    3,
    'CloudWatch Logs archive: object storage, HDD × 3 (as S3)',
  ),
  // AWS data transfer: CCF's 0.001 kWh/GB, every GB moved between or out of data centres.
  rule(
    'aws-data-transfer',
    'aws',
    'ChargeDescription',
    '%data transfer%',
    'GB',
    'network_gb',
    1,
    'data transfer: one GB',
  ),
  rule(
    'aws-data-transfer-bytes',
    'aws',
    'ChargeDescription',
    '%-Bytes%',
    'GB',
    'network_gb',
    1,
    'data transfer (usage type *-Bytes): one GB',
  ),
  rule(
    'aws-data-transfer-nat',
    'aws',
    'ChargeDescription',
    '%Data Processed by NAT Gateway%',
    'GB',
    'network_gb',
    1,
    'data processed by a NAT gateway: one GB through the network',
  ),
  // Azure.
  rule(
    'azure-data-transfer',
    'azure',
    'ChargeDescription',
    '%Data Transfer%',
    'GB',
    'network_gb',
    1,
    'data transfer: one GB',
  ),
  rule(
    'azure-data-processed',
    'azure',
    'ChargeDescription',
    '%Data Processed%',
    'GB',
    'network_gb',
    1,
    'data processed by a load balancer: one GB through the network',
  ),
  ...AZURE_PREMIUM_SSD_GIB.map(([tier, gib]) =>
    rule(
      `azure-premium-ssd-${tier.toLowerCase()}`,
      'azure',
      'ChargeDescription',
      `%SSD Managed Disks - ${tier} %`,
      '%Month%',
      'ssd_gb_months',
      gib * GIB * 3,
      `Premium SSD ${tier}: ${gib} GiB per disk-month, SSD × 3 (LRS keeps three copies)`,
    ),
  ),
  rule(
    'azure-lrs-stored',
    'azure',
    'ChargeDescription',
    '%LRS%Data Stored%',
    '%GB%Month%',
    'hdd_gb_months',
    3,
    'Azure Storage LRS data stored: HDD × 3 (LRS keeps three copies)',
  ),
  rule(
    'azure-db-stored',
    'azure',
    'ChargeDescription',
    '%Database%Storage%Data Stored%',
    '%GB%Month%',
    'ssd_gb_months',
    3,
    'Azure Database storage: SSD × 3 (LRS)',
  ),
  // Google Cloud: cores, RAM and GPUs are billed apart (SKU descriptions).
  rule(
    'gcp-core',
    'gcp',
    'ChargeDescription',
    '%Instance Core running in%',
    '%Hour%',
    'vcpu_hours',
    1,
    'Compute Engine vCPU-hours',
  ),
  rule(
    'gcp-ram',
    'gcp',
    'ChargeDescription',
    '%Instance Ram running in%',
    '%Hour%',
    'memory_gb_hours',
    GIB,
    'Compute Engine RAM GiB-hours',
  ),
  rule(
    'gcp-pd-ssd',
    'gcp',
    'ChargeDescription',
    '%SSD backed PD Capacity%',
    '%Month%',
    'ssd_gb_months',
    GIB * 2,
    'persistent disk SSD GiB-months × 2 (zonal PD keeps two copies: CCF GCP replication)',
  ),
  rule(
    'gcp-pd-hdd',
    'gcp',
    'ChargeDescription',
    '%Storage PD Capacity%',
    '%Month%',
    'hdd_gb_months',
    GIB * 2,
    'persistent disk GiB-months, HDD × 2',
  ),
  rule(
    'gcp-gcs',
    'gcp',
    'ServiceName',
    'Cloud Storage',
    '%Month%',
    'hdd_gb_months',
    GIB * 3,
    'Cloud Storage GiB-months, HDD × 3',
  ),
  rule(
    'gcp-egress',
    'gcp',
    'ChargeDescription',
    '%Egress%',
    '%GiB%',
    'network_gb',
    GIB,
    'network egress GiB',
  ),
  ...GCP_GPUS.map(([name, id]) => ({
    ...rule(
      `gcp-gpu-${id}`,
      'gcp',
      'ChargeDescription',
      `%Nvidia ${name} GPU running in%`,
      '%our%',
      'gpu_hours',
      1,
      `Compute Engine ${name} GPU-hours: one accelerator-hour`,
    ),
    key: id,
  })),
  // Oracle: OCPU = 2 vCPUs (Oracle "Compute Shapes": one OCPU is one physical core, two threads).
  rule(
    'oci-memory',
    'oci',
    'ChargeDescription',
    'Standard - % - Memory',
    '%Hour%',
    'memory_gb_hours',
    1,
    'flexible shape memory GB-hours',
  ),
  rule(
    'oci-ocpu',
    'oci',
    'ChargeDescription',
    'Standard - %',
    'OCPU%Hour%',
    'vcpu_hours',
    2,
    'flexible shape OCPU-hours: 2 vCPUs per OCPU',
  ),
  rule(
    'log-ingestion',
    '*',
    'ChargeDescription',
    '%log%ingested%',
    '%',
    'unmapped',
    0,
    'log_ingestion: log data ingested is priced per GB processed by a managed service; no energy per GB is published',
  ),
  // Priced by something other than energy-bearing resources: unmapped, with the reason.
  rule(
    'public-ip-hours',
    '*',
    'ChargeDescription',
    '%IPv4%',
    '%',
    'unmapped',
    0,
    'address_hours: a public IP address has no energy figure of its own',
  ),
  rule(
    'load-balancer-hours',
    '*',
    'ChargeDescription',
    '%LoadBalancer-hour%',
    '%',
    'unmapped',
    0,
    'managed_network_hours: a load balancer-hour has no published power; its traffic is counted in GB rows',
  ),
  rule(
    'nat-gateway-hours',
    '*',
    'ChargeDescription',
    '%NAT Gateway Hour%',
    '%',
    'unmapped',
    0,
    'managed_network_hours: a NAT gateway-hour has no published power; its traffic is counted in GB rows',
  ),
  rule(
    'capacity-units',
    '*',
    'ChargeDescription',
    '%',
    '%Capacity%Unit%',
    'unmapped',
    0,
    'capacity_units: capacity units (LCU, WCU, ACU) have no published power per unit',
  ),
  rule(
    'acu-hours',
    '*',
    'ChargeDescription',
    '%',
    'ACU-Hours',
    'unmapped',
    0,
    'capacity_units: capacity units (LCU, WCU, ACU) have no published power per unit',
  ),
  rule(
    'lcu-hours',
    '*',
    'ChargeDescription',
    '%',
    'LCU-Hours',
    'unmapped',
    0,
    'capacity_units: capacity units (LCU, WCU, ACU) have no published power per unit',
  ),
  rule(
    'control-plane-hours',
    '*',
    'ChargeDescription',
    '%cluster usage%',
    '%',
    'unmapped',
    0,
    'control_plane_hours: a managed control plane has no published power',
  ),
  rule(
    'provisioned-performance',
    '*',
    'ChargeDescription',
    '%',
    '%IOPS%',
    'unmapped',
    0,
    'provisioned_performance: provisioned IOPS or throughput are not capacity; the volume row carries its energy',
  ),
  rule(
    'provisioned-throughput',
    '*',
    'ChargeDescription',
    '%',
    '%/Second-Month%',
    'unmapped',
    0,
    'provisioned_performance: provisioned IOPS or throughput are not capacity; the volume row carries its energy',
  ),
  rule(
    'performance-units',
    '*',
    'ChargeDescription',
    '%Performance Units%',
    '%',
    'unmapped',
    0,
    'provisioned_performance: provisioned IOPS or throughput are not capacity; the volume row carries its energy',
  ),
  ...FOCUS_REQUEST_UNITS.map((unit) =>
    rule(
      `per-unit-${unit.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      '*',
      'ChargeDescription',
      '%',
      unit,
      'unmapped',
      0,
      'per_request_pricing: priced per request, operation or object; no energy per unit is published',
    ),
  ),
];
