// Hand-maintained naming decisions for accelerators, kept apart from the build logic so each choice is
// visible and reviewable. Keys are the model names exactly as written in the raw files.

/**
 * Stable ids for the curated models (gpu_accelerator_specs_curated.csv / accelerator_performance_curated.csv).
 * Vendor prefix + short model; form factor kept where a model has several; a memory size is kept only
 * where two rows differ by memory alone (A100 PCIe 40GB/80GB, A100 SXM4 40GB: the SXM4 80GB row keeps the
 * pre-split id `nvidia-a100-sxm4`). Rows that cover two memory SKUs (`16GB/32GB`) get one id without the
 * size. The build fails on a curated model missing here.
 */
export const CURATED_IDS: Readonly<Record<string, string>> = {
  'Tesla V100 SXM2 16GB/32GB': 'nvidia-v100-sxm2',
  'Tesla V100 PCIe 16GB/32GB': 'nvidia-v100-pcie',
  'Tesla T4': 'nvidia-t4',
  'A100 PCIe 40GB': 'nvidia-a100-pcie-40gb',
  'A100 PCIe 80GB': 'nvidia-a100-pcie-80gb',
  'A100 SXM4 40GB': 'nvidia-a100-sxm4-40gb',
  'A100 SXM4 80GB': 'nvidia-a100-sxm4', // the pre-split id stays on the larger SKU, so old requests keep resolving
  A10: 'nvidia-a10',
  'A10G (AWS G5 variant)': 'nvidia-a10g',
  A40: 'nvidia-a40',
  L4: 'nvidia-l4',
  L40: 'nvidia-l40',
  L40S: 'nvidia-l40s',
  'H100 SXM5 80GB': 'nvidia-h100-sxm',
  'H100 PCIe 80GB': 'nvidia-h100-pcie',
  'H100 NVL 94GB': 'nvidia-h100-nvl',
  'H800 SXM5 80GB': 'nvidia-h800-sxm',
  H20: 'nvidia-h20',
  'H200 SXM 141GB': 'nvidia-h200-sxm',
  'H200 NVL 141GB': 'nvidia-h200-nvl',
  'B200 (HGX B200)': 'nvidia-b200',
  'B200 in GB200 (Grace Blackwell)': 'nvidia-b200-gb200',
  'B300 (HGX B300)': 'nvidia-b300',
  'B300 in GB300 (Grace Blackwell Ultra)': 'nvidia-b300-gb300',
  'RTX A6000': 'nvidia-rtx-a6000',
  'RTX 6000 Ada Generation': 'nvidia-rtx-6000-ada',
  'GeForce RTX 3080 (10GB)': 'nvidia-rtx-3080',
  'GeForce RTX 3090': 'nvidia-rtx-3090',
  'GeForce RTX 4080': 'nvidia-rtx-4080',
  'GeForce RTX 4090': 'nvidia-rtx-4090',
  'GeForce RTX 5090': 'nvidia-rtx-5090',
  'Instinct MI210': 'amd-mi210',
  'Instinct MI250': 'amd-mi250',
  'Instinct MI250X': 'amd-mi250x',
  'Instinct MI300X': 'amd-mi300x',
  'Instinct MI325X': 'amd-mi325x',
  'Instinct MI355X': 'amd-mi355x',
  'TPU v4 (per chip)': 'google-tpu-v4',
  'TPU v5e': 'google-tpu-v5e',
  'TPU v5p': 'google-tpu-v5p',
  'TPU v6e': 'google-tpu-v6e',
  Trainium1: 'aws-trainium1',
  Trainium2: 'aws-trainium2',
  Inferentia1: 'aws-inferentia1',
  Inferentia2: 'aws-inferentia2',
  'Gaudi 2': 'intel-gaudi-2',
  'Gaudi 3': 'intel-gaudi-3',
};

/**
 * The 9 models only in accelerator_performance_curated.csv have no specs row. Vendor is a fact of the
 * product name; memory and form factor are read from that file's own `notes` column (per device).
 */
export const PERF_ONLY_SPECS: Readonly<
  Record<string, { vendor: string; formFactor: string | null; memoryGb: number | null }>
> = {
  'TPU v5e': { vendor: 'Google', formFactor: null, memoryGb: 16 },
  'TPU v5p': { vendor: 'Google', formFactor: null, memoryGb: 95 },
  'TPU v6e': { vendor: 'Google', formFactor: null, memoryGb: 32 },
  Trainium1: { vendor: 'AWS', formFactor: null, memoryGb: 32 },
  Trainium2: { vendor: 'AWS', formFactor: null, memoryGb: 96 },
  Inferentia1: { vendor: 'AWS', formFactor: null, memoryGb: 8 },
  Inferentia2: { vendor: 'AWS', formFactor: null, memoryGb: 32 },
  'Gaudi 2': { vendor: 'Intel', formFactor: 'OAM', memoryGb: 96 },
  'Gaudi 3': { vendor: 'Intel', formFactor: 'OAM', memoryGb: 128 },
};

/** Marketing words dropped to form the short aliases (`Tesla T4` -> `t4`, `Instinct MI300X` -> `mi300x`). */
export const BRAND_WORDS = [
  'nvidia',
  'tesla',
  'geforce',
  'amd',
  'instinct',
  'radeon',
  'google',
  'intel',
  'aws',
];

/**
 * Alias preferences: generic or informal names and the id they resolve to. Generic names go to the
 * common data-centre part: `h100`/`a100`/`v100` -> the SXM module (what the big training clusters and
 * 8-GPU cloud instances use); `b200` -> the HGX part. Keys are normalised by the build.
 */
export const ALIAS_PREFERENCES: Readonly<Record<string, string>> = {
  h100: 'nvidia-h100-sxm',
  'h100 sxm': 'nvidia-h100-sxm',
  'h100 sxm5': 'nvidia-h100-sxm',
  'h100 sxm 80gb': 'nvidia-h100-sxm',
  'h100 80gb': 'nvidia-h100-sxm',
  'h100 80gb hbm3': 'nvidia-h100-sxm', // ML.ENERGY v2 spelling
  'h100 pcie': 'nvidia-h100-pcie',
  'h100 nvl': 'nvidia-h100-nvl',
  h200: 'nvidia-h200-sxm',
  'h200 sxm5': 'nvidia-h200-sxm',
  'h200 nvl': 'nvidia-h200-nvl',
  a100: 'nvidia-a100-sxm4',
  'a100 sxm': 'nvidia-a100-sxm4',
  'a100 80gb': 'nvidia-a100-sxm4',
  'a100 40gb': 'nvidia-a100-sxm4-40gb',
  'a100 sxm4 40gb': 'nvidia-a100-sxm4-40gb',
  'a100 sxm4 80gb': 'nvidia-a100-sxm4',
  'a100 sxm4': 'nvidia-a100-sxm4', // the pre-split name: the 80GB SKU
  'a100 sxm4 80 gb': 'nvidia-a100-sxm4', // mlco2 gpus.csv spelling
  'a100 pcie': 'nvidia-a100-pcie-40gb', // the original (2020) PCIe SKU
  v100: 'nvidia-v100-sxm2',
  'tesla v100': 'nvidia-v100-sxm2',
  'v100 sxm2': 'nvidia-v100-sxm2',
  'v100 pcie': 'nvidia-v100-pcie',
  b200: 'nvidia-b200',
  'hgx b200': 'nvidia-b200',
  gb200: 'nvidia-b200-gb200',
  b300: 'nvidia-b300',
  'hgx b300': 'nvidia-b300',
  gb300: 'nvidia-b300-gb300',
  h800: 'nvidia-h800-sxm',
  'h800 sxm': 'nvidia-h800-sxm',
  'h20 96gb': 'nvidia-h20',
  'rtx 6000 ada': 'nvidia-rtx-6000-ada',
  'tpu v4': 'google-tpu-v4',
  tpuv4: 'google-tpu-v4',
  'tpu v5 lite': 'google-tpu-v5e',
  trn1: 'aws-trainium1',
  trn2: 'aws-trainium2',
  inf2: 'aws-inferentia2',
  inf1: 'aws-inferentia1',
  inferentia: 'aws-inferentia1',
  'inferentia 1': 'aws-inferentia1',
  'inferentia 2': 'aws-inferentia2',
  trainium: 'aws-trainium1',
  'trainium 1': 'aws-trainium1',
  'trainium 2': 'aws-trainium2',
  'tpu v5e': 'google-tpu-v5e',
  'tpu v5p': 'google-tpu-v5p',
  'tpu v6e': 'google-tpu-v6e',
  trillium: 'google-tpu-v6e',
  gaudi2: 'intel-gaudi-2',
  gaudi3: 'intel-gaudi-3',
  'agx xavier': 'nvidia-jetson-agx-xavier', // mlco2 spelling of the Green Algorithms Jetson row
  // TPU v2/v3 and the P100 SXM2 come from accelerator_power_published.csv (Patterson et al. 2021 chip
  // TDPs); their spellings are that file's `aliases`. Generic `p100` goes to the SXM2 module, as for V100.
};

/**
 * Rows of the non-curated GPU lists (Green Algorithms TDP_gpu.csv, mlco2 gpus.csv) that are NOT added
 * as accelerators, with the reason. Other rows that name a device already in the table become aliases.
 */
export const EXTRA_SKIPS: Readonly<Record<string, string>> = {
  any: 'Green Algorithms placeholder row',
  'a100 pcie 40 80gb':
    'mlco2 row mixes two SKUs and gives the 40GB TDP to both (known upstream error)',
  'gtx 750': 'mlco2 values are implausible (known upstream error)',
};
