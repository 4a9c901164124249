// Workload flags shared by estimate, compare and suggest: each names a dotted workload path.
import { readJsonFile, readValue, setPath, usageError, type Options } from './args.ts';

/** flag -> workload path, with the help line of each. */
export const WORKLOAD_FLAGS: readonly (readonly [flag: string, path: string, help: string])[] = [
  ['location', 'location', 'region id (aws:us-east-1), country (FR) or grid zone (US-CAL-CISO)'],
  ['hours', 'durationHours', 'hours the workload runs'],
  ['start', 'start', 'when it starts, ISO 8601 with offset (hourly grid data)'],
  ['gpu', 'gpu.model', 'GPU or accelerator id or name (h100-sxm, "A100 80GB")'],
  ['count', 'gpu.count', 'number of GPUs'],
  ['gpu-util', 'gpu.utilization', 'average GPU utilisation 0–1'],
  ['gpu-power-w', 'gpu.powerW', 'measured average draw per GPU, W'],
  ['cpu', 'cpu.model', 'CPU model (AMD EPYC 9654)'],
  ['threads', 'cpu.threads', 'hardware threads (vCPUs) used'],
  ['cpu-util', 'cpu.utilization', 'average CPU utilisation 0–1'],
  ['instance', 'instance.type', 'cloud instance type (aws:p5.48xlarge)'],
  ['instances', 'instance.count', 'number of instances'],
  ['memory-gb', 'memoryGb', 'memory, GB'],
  ['ssd-tb', 'storage.ssdTb', 'SSD storage, TB'],
  ['hdd-tb', 'storage.hddTb', 'HDD storage, TB'],
  ['replication', 'storage.replication', 'storage replication factor'],
  ['network-gb', 'networkGb', 'data transferred, GB'],
  ['pue', 'pue', 'data-centre PUE override'],
  ['grid-intensity', 'gridIntensity', 'grid intensity override, gCO2e/kWh'],
  ['year', 'year', 'year of the grid data'],
  ['renewable-share', 'renewableShare', 'contracted renewable share 0–1 (market-based)'],
  ['embodied', 'embodied', 'true|false: count manufacturing emissions'],
  ['unit-name', 'functionalUnit.name', 'functional unit for SCI (request)'],
  ['units', 'functionalUnit.count', 'functional units served'],
  ['ai-task', 'ai.task', 'training | inference'],
  ['params', 'ai.parameters', 'model parameters (7e9)'],
  ['tokens', 'ai.tokens', 'training tokens (2e12)'],
  ['model', 'ai.model', 'LLM id for inference (llama-3.1-8b)'],
  ['requests', 'ai.requests', 'inference requests'],
  ['input-tokens', 'ai.inputTokens', 'prompt tokens in all'],
  ['output-tokens', 'ai.outputTokens', 'generated tokens in all'],
];

/** Paths whose values are names, never numbers. */
const TEXT_PATHS = new Set([
  'location',
  'start',
  'gpu.model',
  'cpu.model',
  'instance.type',
  'functionalUnit.name',
  'ai.model',
]);

export const WORKLOAD_OPTIONS: Options = {
  ...Object.fromEntries(WORKLOAD_FLAGS.map(([flag]) => [flag, { type: 'string' }])),
  region: { type: 'string' },
  input: { type: 'string', short: 'i' },
  set: { type: 'string', multiple: true },
};

/** The workload of the flags: `--input` file first, then each flag, then each `--set path=value`. */
export function workloadFromFlags(
  values: Record<string, unknown>,
  readText: (path: string) => string,
): Record<string, unknown> {
  const base = typeof values.input === 'string' ? readJsonFile(readText, values.input) : {};
  if (typeof base !== 'object' || base === null || Array.isArray(base))
    throw usageError('--input must hold a JSON object (one workload)');
  const workload = structuredClone(base) as Record<string, unknown>;
  if (typeof values.region === 'string') workload.location = values.region;
  for (const [flag, path] of WORKLOAD_FLAGS) {
    const text = values[flag];
    if (typeof text === 'string')
      setPath(workload, path, TEXT_PATHS.has(path) ? text : readValue(text));
  }
  for (const assignment of (values.set as string[] | undefined) ?? []) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw usageError(`--set expects path=value, got '${assignment}'`);
    setPath(workload, assignment.slice(0, eq), readValue(assignment.slice(eq + 1)));
  }
  // An AI shape given by flags alone still needs its task; infer it from the fields given.
  const ai = workload.ai as Record<string, unknown> | undefined;
  if (ai && ai.task === undefined)
    ai.task = 'tokens' in ai && !('model' in ai) ? 'training' : 'inference';
  return workload;
}

/** Help lines for the workload flags. */
export function workloadFlagsHelp(): string {
  const lines = WORKLOAD_FLAGS.map(([flag, , help]) => `  --${flag.padEnd(16)} ${help}`);
  return [
    ...lines,
    `  --${'region'.padEnd(16)} same as --location`,
    `  --${'input, -i'.padEnd(16)} a workload JSON file (- for stdin); flags override its fields`,
    `  --${'set'.padEnd(16)} path=value for any other workload field (repeatable)`,
  ].join('\n');
}
