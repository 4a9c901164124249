// Workload fields in people's words, for refusals: `gpu.count` is "the number of GPUs".

/** Every field of a workload request (dotted path) and what it means; a test checks it against the schema. */
export const FIELD_WORDS: { readonly [path: string]: string } = {
  preset: 'the preset',
  location: 'the location (a cloud region, country code or grid zone)',
  durationHours: 'the hours the workload runs',
  instance: 'the instance',
  'instance.type': 'the instance type',
  'instance.count': 'the number of instances',
  gpu: 'the GPUs',
  'gpu.model': 'the GPU model',
  'gpu.count': 'the number of GPUs',
  'gpu.utilization': 'the GPU utilisation (0 to 1)',
  'gpu.maxPowerW': "the GPU's rated power in watts",
  'gpu.powerW': "the GPU's measured average power in watts",
  cpu: 'the CPUs',
  'cpu.model': 'the CPU model',
  'cpu.threads': 'the number of CPU threads',
  'cpu.utilization': 'the CPU utilisation (0 to 1)',
  'cpu.tdpW': "the CPU's TDP in watts",
  'cpu.powerW': "the CPUs' measured average power in watts",
  memoryGb: 'the memory in GB',
  storage: 'the storage',
  'storage.ssdTb': 'the SSD storage in TB',
  'storage.hddTb': 'the HDD storage in TB',
  'storage.replication': 'the number of storage copies',
  networkGb: 'the data transferred in GB',
  pue: 'the PUE (data-centre overhead, 1 to 3)',
  gridIntensity: 'the grid carbon intensity in gCO2e/kWh',
  year: 'the year of the grid figures',
  renewableShare: 'the renewable share (0 to 1)',
  functionalUnit: 'the functional unit',
  'functionalUnit.name': 'the name of the functional unit',
  'functionalUnit.count': 'the number of functional units',
  embodied: 'whether to count embodied emissions',
  start: 'the start time',
  ai: 'the AI job',
  'ai.task': 'the AI task (training or inference)',
  'ai.parameters': "the model's parameters",
  'ai.tokens': 'the training tokens',
  'ai.activeParameters': "the model's active parameters",
  'ai.mfu': 'the model FLOPs utilisation (0 to 1)',
  'ai.precision': 'the precision',
  'ai.model': 'the AI model',
  'ai.inputTokens': 'the prompt tokens',
  'ai.outputTokens': 'the generated tokens',
  'ai.requests': 'the number of requests',
  'ai.batchSize': 'the serving batch size',
};

/**
 * The words for a refused field at `path`, wherever the workload sits in the body (`workload.gpu.count`,
 * `workloads.3.gpu.count`): the longest known ending of the path; null when none is known.
 */
export function fieldWords(path: readonly PropertyKey[]): string | null {
  const parts = path.map(String);
  for (let start = 0; start < parts.length; start++) {
    const key = parts.slice(start).join('.');
    if (Object.hasOwn(FIELD_WORDS, key)) return FIELD_WORDS[key]!;
  }
  return null;
}
