// The golden corpus's requests: every route a client calls, over workload shapes that exercise each
// part of the model, and the refusals. Answers are in answers.json; `npm run golden:update` rewrites them.
export interface GoldenRequest {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** Sent as is with this content type (a CSV body); otherwise `body` is sent as JSON. */
  readonly text?: { readonly contentType: string; readonly body: string };
  readonly accept?: string;
}

const places = [
  'aws:us-east-1',
  'aws:eu-west-1',
  'gcp:europe-west4',
  'azure:westeurope',
  'FR',
  'US-CAL-CISO',
  'IN',
];
const shapes: Record<string, unknown> = {
  'cpu threads': { durationHours: 10, cpu: { threads: 32, utilization: 0.4 } },
  'cpu model': {
    durationHours: 3,
    cpu: { model: 'AMD EPYC 9654', threads: 384, utilization: 1 },
    memoryGb: 768,
  },
  instance: { durationHours: 720, instance: { type: 'aws:m6i.8xlarge', count: 4 } },
  'gpu instance': { durationHours: 36, instance: { type: 'aws:p5.48xlarge' } },
  'gpu utilisation': {
    durationHours: 36,
    gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
    memoryGb: 2048,
    storage: { ssdTb: 30, replication: 2 },
    networkGb: 500,
  },
  'gpu measured': { durationHours: 12, gpu: { model: 'A100', count: 4, powerW: 310 } },
  'estimated rating': { durationHours: 5, instance: { type: 'aws:g5.xlarge' } },
  'with unit': {
    durationHours: 24,
    instance: { type: 'gcp:n2-standard-8' },
    functionalUnit: { name: 'request', count: 1e6 },
    renewableShare: 0.5,
  },
  training: {
    gpu: { model: 'H100', count: 64 },
    ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
  },
  'training fp8': {
    gpu: { model: 'H100', count: 64 },
    ai: { task: 'training', parameters: 7e9, tokens: 2e12, precision: 'fp8' },
  },
  'inference measured': {
    gpu: { model: 'H100' },
    ai: { task: 'inference', model: 'llama-3.1-8b-instruct', requests: 100000 },
  },
  'inference modelled': {
    gpu: { model: 'L4' },
    ai: { task: 'inference', model: 'mistral-7b-instruct-v0-3', requests: 1000 },
  },
  'inference provisioned': {
    durationHours: 24,
    gpu: { model: 'H100', count: 2 },
    ai: { task: 'inference', model: 'llama-3.1-8b-instruct', requests: 1e6 },
  },
  'inference moe': {
    gpu: { model: 'H100', count: 16 },
    ai: {
      task: 'inference',
      parameters: 671e9,
      activeParameters: 37e9,
      outputTokens: 1e7,
      precision: 'fp8',
    },
  },
};

function estimates(): GoldenRequest[] {
  const out: GoldenRequest[] = [];
  for (const [name, shape] of Object.entries(shapes)) {
    for (const location of places)
      out.push({
        name: `estimate ${name} at ${location}`,
        method: 'POST',
        path: '/v1/estimate',
        body: { location, ...(shape as object) },
      });
  }
  out.push({
    name: 'estimate with start',
    method: 'POST',
    path: '/v1/estimate',
    body: {
      location: 'aws:eu-west-1',
      durationHours: 8,
      start: '2026-03-01T22:00:00Z',
      instance: { type: 'aws:c5.2xlarge' },
    },
  });
  out.push({
    name: 'estimate preset',
    method: 'POST',
    path: '/v1/estimate',
    body: { preset: 'llm-chat-inference' },
  });
  out.push({
    name: 'estimate as csv',
    method: 'POST',
    path: '/v1/estimate',
    body: { location: 'FR', durationHours: 1, cpu: { threads: 8 } },
    accept: 'text/csv',
  });
  return out;
}

const refusals: GoldenRequest[] = [
  {
    name: 'refuse unknown region',
    method: 'POST',
    path: '/v1/estimate',
    body: { location: 'aws:moon-1', durationHours: 1, cpu: { threads: 1 } },
  },
  {
    name: 'refuse bad type',
    method: 'POST',
    path: '/v1/estimate',
    body: { location: 'FR', durationHours: 'ten', cpu: { threads: 1 } },
  },
  {
    name: 'refuse empty',
    method: 'POST',
    path: '/v1/estimate',
    body: { location: 'FR', durationHours: 1 },
  },
  {
    name: 'refuse impossible power',
    method: 'POST',
    path: '/v1/estimate',
    body: { location: 'FR', durationHours: 1, gpu: { model: 'H100', count: 1, powerW: 5000 } },
  },
  {
    name: 'refuse short training',
    method: 'POST',
    path: '/v1/estimate',
    body: {
      location: 'FR',
      durationHours: 1,
      gpu: { model: 'A100', count: 8 },
      ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
    },
  },
  {
    name: 'refuse too few gpus',
    method: 'POST',
    path: '/v1/estimate',
    body: {
      location: 'FR',
      gpu: { model: 'H100', count: 1 },
      ai: { task: 'inference', model: 'llama-3.1-70b-instruct', requests: 10 },
    },
  },
  {
    name: 'refuse unknown gpu',
    method: 'POST',
    path: '/v1/estimate',
    body: { location: 'FR', durationHours: 1, gpu: { model: 'H1000', count: 1 } },
  },
  { name: 'not found', method: 'GET', path: '/v1/nothing' },
];

const decisions: GoldenRequest[] = [
  {
    name: 'compare',
    method: 'POST',
    path: '/v1/compare',
    body: {
      workload: { location: 'aws:us-east-1', durationHours: 36, gpu: { model: 'H100', count: 8 } },
      regions: { provider: 'aws' },
    },
  },
  {
    name: 'compare continent',
    method: 'POST',
    path: '/v1/compare',
    body: {
      workload: {
        location: 'gcp:us-central1',
        durationHours: 10,
        instance: { type: 'gcp:n2-standard-8' },
      },
      regions: { continent: 'Europe' },
    },
  },
  {
    name: 'suggest',
    method: 'POST',
    path: '/v1/suggest',
    body: {
      workload: {
        location: 'aws:us-east-1',
        durationHours: 12,
        instance: { type: 'aws:p4d.24xlarge' },
      },
    },
  },
  {
    name: 'suggest with start',
    method: 'POST',
    path: '/v1/suggest',
    body: {
      workload: {
        location: 'aws:eu-west-1',
        durationHours: 6,
        start: '2026-06-01T09:00:00Z',
        instance: { type: 'aws:c5.4xlarge' },
      },
      flexibility: { delayHours: 24 },
    },
  },
  {
    name: 'batch json',
    method: 'POST',
    path: '/v1/batch',
    body: {
      workloads: [
        { location: 'FR', durationHours: 1, cpu: { threads: 4 } },
        { location: 'aws:moon-1', durationHours: 1, cpu: { threads: 4 } },
        { location: 'DE', durationHours: 5, instance: { type: 'aws:m5.large' } },
      ],
    },
  },
  {
    name: 'batch csv',
    method: 'POST',
    path: '/v1/batch',
    text: {
      contentType: 'text/csv',
      body: 'location,durationHours,instance,instanceCount\naws:us-east-1,24,aws:c5.2xlarge,2\nFR,1,aws:m5.large,1\n',
    },
    accept: 'text/csv',
  },
];

const catalog: GoldenRequest[] = [
  { name: 'health', method: 'GET', path: '/health' },
  { name: 'presets', method: 'GET', path: '/v1/presets' },
  { name: 'preset', method: 'GET', path: '/v1/presets/llm-chat-inference' },
  { name: 'hardware gpus', method: 'GET', path: '/v1/hardware?kind=gpus' },
  { name: 'hardware search', method: 'GET', path: '/v1/hardware?kind=instances&q=p5' },
  { name: 'models search', method: 'GET', path: '/v1/models?q=llama%203.1' },
  { name: 'regions aws', method: 'GET', path: '/v1/regions?provider=aws' },
  { name: 'region', method: 'GET', path: '/v1/regions/gcp:europe-west4' },
  { name: 'zone', method: 'GET', path: '/v1/zones/DE' },
  { name: 'zone profile', method: 'GET', path: '/v1/zones/DE/profile' },
  {
    name: 'zone profile from a start',
    method: 'GET',
    path: '/v1/zones/IE/profile?start=2026-03-01T22:00:00Z&hours=8',
  },
  { name: 'zone profile without hourly data', method: 'GET', path: '/v1/zones/US/profile' },
  { name: 'sources', method: 'GET', path: '/v1/sources' },
];

export const goldenRequests: readonly GoldenRequest[] = [
  ...estimates(),
  ...refusals,
  ...decisions,
  ...catalog,
];
