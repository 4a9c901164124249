// Hand-written workload presets (not generated). Each states its assumptions and where its
// numbers come from; test/data/presets.test.ts validates them and estimates each in several regions.
import type { Preset } from '../src/core/schemas.ts';

export const presets: readonly Preset[] = [
  {
    id: 'llm-pretrain-7b',
    name: 'LLM pre-training, 7B parameters on 2T tokens',
    category: 'ai-training',
    description: 'A Llama-2-7B-like dense model trained from scratch on 1,024 A100 80GB GPUs.',
    workload: {
      location: 'US',
      gpu: { model: 'A100 SXM4 80GB', count: 1024 },
      ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
    },
    assumptions: [
      'FLOPs ≈ 6 × 7e9 × 2e12 = 8.4e22',
      'bf16 at MFU 0.4 (published large runs)',
      'GPUs at rated power (utilisation 1), host not counted, as Meta reports',
    ],
    references: [
      'Touvron et al. 2023, Llama 2 (184,320 A100-80GB GPU-hours for 7B)',
      'curated-accelerators',
    ],
  },
  {
    id: 'llm-pretrain-70b',
    name: 'LLM pre-training, 70B parameters on 2T tokens',
    category: 'ai-training',
    description: 'A Llama-2-70B-like dense model trained on 2,048 H100 SXM GPUs.',
    workload: {
      location: 'US',
      gpu: { model: 'H100 SXM', count: 2048 },
      ai: { task: 'training', parameters: 7e10, tokens: 2e12 },
    },
    assumptions: [
      'FLOPs ≈ 6 × 7e10 × 2e12 = 8.4e23',
      'bf16 at MFU 0.4',
      'GPUs at rated power, host not counted',
    ],
    references: [
      'Touvron et al. 2023, Llama 2 (1,720,320 A100 GPU-hours for 70B)',
      'curated-accelerators',
    ],
  },
  {
    id: 'llm-finetune-lora-8xh100',
    name: 'LLM fine-tune (LoRA) on one 8-GPU node',
    category: 'ai-training',
    description:
      'Parameter-efficient fine-tuning on one AWS p5.48xlarge (8 × H100 SXM) for 36 hours.',
    workload: {
      location: 'aws:us-east-1',
      durationHours: 36,
      instance: { type: 'aws:p5.48xlarge', count: 1 },
      gpu: { model: 'H100 SXM', count: 8, utilization: 0.7 },
      cpu: { threads: 192, utilization: 0.3 },
    },
    assumptions: [
      'LoRA fine-tunes keep GPUs busy but below full power: utilisation 0.7',
      'host CPUs lightly loaded (30 %): data loading only',
      'instance memory (2 TB) and local NVMe counted',
    ],
    references: [
      'curated-gpu-instances (p5.48xlarge: 8 × H100, 192 vCPU, 2,048 GiB)',
      'ccf-coefficients',
    ],
  },
  {
    id: 'llm-chat-inference',
    name: 'LLM chat service, one million requests a day',
    category: 'ai-inference',
    description: 'Llama 3.1 8B served on two H100s for 24 hours, one million chat requests.',
    workload: {
      location: 'aws:us-east-1',
      durationHours: 24,
      gpu: { model: 'H100 SXM', count: 2 },
      ai: { task: 'inference', model: 'llama-3.1-8b-instruct', requests: 1e6, batchSize: 64 },
      functionalUnit: { name: 'request', count: 1e6 },
    },
    assumptions: [
      'throughput and GPU draw measured by ML.ENERGY (Llama 3.1 8B on one H100, up to 64 sequences at a time)',
      'default prompt and answer lengths per request (300 and 562 tokens)',
      "two replicas: one H100 would need ~33 h (at most 64 sequences at a time) for the day's 562 M answer tokens, more than the day; two share the load and are busy all day at the batch it sets (about 33 sequences each)",
    ],
    references: ['ml-energy-v3', 'EcoLogits (host power per GPU)'],
  },
  {
    id: 'image-generation',
    name: 'Image generation, 100,000 images',
    category: 'ai-inference',
    description: 'Stable Diffusion XL base (25 steps, batch 8) on one H100: 100,000 images.',
    workload: {
      location: 'gcp:us-central1',
      durationHours: 31.03,
      gpu: { model: 'H100 SXM', count: 1, powerW: 677 },
      functionalUnit: { name: 'image', count: 1e5 },
    },
    assumptions: [
      'ML.ENERGY v2: 756 J per image and 8.94 s per batch of 8 on H100 → 677 W average, 1.117 s per image',
      '100,000 × 1.117 s = 31.0 GPU-hours',
      'host not counted (GPU-only measurement)',
    ],
    references: [
      'ML.ENERGY leaderboard v2 (2024), stabilityai/stable-diffusion-xl-base-1.0 on H100 80GB HBM3',
    ],
  },
  {
    id: 'fraud-training-cpu-cluster',
    name: 'Fraud-detection model training on a CPU cluster',
    category: 'analytics',
    description:
      'Gradient-boosted trees (XGBoost/LightGBM) over two years of transaction history on 16 × m6i.8xlarge for 6 hours.',
    workload: {
      location: 'aws:eu-west-1',
      durationHours: 6,
      instance: { type: 'aws:m6i.8xlarge', count: 16 },
      cpu: { threads: 512, utilization: 0.85 },
      storage: { ssdTb: 2, replication: 3 },
      networkGb: 400,
    },
    assumptions: [
      'histogram-based GBDT keeps cores busy: 85 % utilisation',
      '2 TB of features on replicated SSD (3 copies)',
      '400 GB shuffled between nodes',
    ],
    references: [
      'ccf-coefficients (Ice Lake per-vCPU watts, embodied)',
      'ccf (storage and network coefficients)',
    ],
  },
  {
    id: 'transaction-anomaly-scoring',
    name: 'Real-time transaction anomaly scoring',
    category: 'service',
    description:
      'A scoring service answering 50 million card transactions a day on 6 × c6i.2xlarge; SCI per transaction.',
    workload: {
      location: 'aws:eu-central-1',
      durationHours: 24,
      instance: { type: 'aws:c6i.2xlarge', count: 6 },
      cpu: { threads: 48, utilization: 0.35 },
      networkGb: 200,
      functionalUnit: { name: 'transaction', count: 5e7 },
    },
    assumptions: [
      'latency-bound service sized for peaks: 35 % average utilisation',
      'about 4 KB in and out per transaction (200 GB/day)',
      'scoring model is a small gradient-boosted ensemble: CPU-only',
    ],
    references: ['ccf-coefficients', 'ISO/IEC 21031 (SCI)'],
  },
  {
    id: 'blockchain-graph-analytics',
    name: 'Blockchain transaction-graph analytics on GPUs',
    category: 'analytics',
    description:
      'Graph neural network and community detection over a transaction graph on one p4d.24xlarge (8 × A100) for 12 hours.',
    workload: {
      location: 'aws:us-east-1',
      durationHours: 12,
      instance: { type: 'aws:p4d.24xlarge', count: 1 },
      gpu: { model: 'A100 SXM4 40GB', count: 8, utilization: 0.6 },
      storage: { ssdTb: 8 },
    },
    assumptions: [
      'sparse graph kernels are memory-bound: GPU utilisation 0.6',
      'graph and features on local NVMe (8 TB)',
    ],
    references: ['curated-gpu-instances (p4d.24xlarge)', 'curated-accelerators'],
  },
  {
    id: 'web-api-fleet-year',
    name: 'Web/API fleet running all year',
    category: 'service',
    description: '20 × m6g.xlarge (Graviton2) serving a billion requests over a year.',
    workload: {
      location: 'aws:us-east-1',
      durationHours: 8760,
      instance: { type: 'aws:m6g.xlarge', count: 20 },
      cpu: { threads: 80, utilization: 0.3 },
      networkGb: 50000,
      functionalUnit: { name: 'request', count: 1e9 },
    },
    assumptions: [
      'typical web fleet utilisation 30 %',
      '50 KB per request on average (50 TB/year)',
    ],
    references: ['ccf-coefficients (Graviton2 per-vCPU watts, embodied)'],
  },
];
