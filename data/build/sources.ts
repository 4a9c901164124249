// The sources table: one entry per dataset the build reads (or, for the Teads curve, cites).
// Full provenance (repo, path, commit) is in data/raw/SOURCES.md; this is what ships with the tables.
import type { Source } from '../../src/core/tables.ts';

const ODBL_EM = 'ODbL 1.0 (© Electricity Maps); derived tables are shared under ODbL 1.0';

export const SOURCES: readonly Source[] = [
  {
    id: 'em-yearly',
    title: 'Electricity Maps yearly carbon intensity 2021–2025 (lifecycle, consumption-based)',
    publisher: 'Electricity Maps (via thegreenwebfoundation/co2.js)',
    licence: ODBL_EM,
    year: 2025,
    url: 'https://github.com/thegreenwebfoundation/co2.js/tree/main/data/output/electricity-maps',
    files: ['data/raw/grid-annual/electricitymaps_yearly_2021_2025.csv'],
    attribution: 'Contains data from Electricity Maps (electricitymaps.com), ODbL 1.0.',
  },
  {
    id: 'ember-owid',
    title:
      'Carbon intensity of electricity generation (Ember, via Our World in Data energy dataset)',
    publisher: 'Our World in Data; Ember',
    licence: 'CC BY 4.0',
    year: 2024,
    url: 'https://github.com/owid/energy-data',
    files: ['data/raw/grid-annual/owid_ember_carbon_intensity_elec_2018_2024.csv'],
    attribution:
      'Ember (2025); Energy Institute Statistical Review of World Energy; Our World in Data, CC BY 4.0.',
  },
  {
    id: 'ember-co2js',
    title: 'Ember yearly electricity emissions intensity as republished by co2.js',
    publisher: 'Ember (via thegreenwebfoundation/co2.js)',
    licence: 'CC BY 4.0 (Ember); co2.js labels its copy CC BY-SA 4.0',
    year: 2024,
    url: 'https://github.com/thegreenwebfoundation/co2.js/blob/main/data/output/average-intensities.json',
    files: ['data/raw/grid-annual/ember_via_co2js_2021_2024.csv'],
    attribution:
      'Ember Yearly Electricity Data, CC BY 4.0; compiled by The Green Web Foundation co2.js.',
  },
  {
    id: 'unfccc-ifi-codes',
    title:
      'UNFCCC/IFI harmonized grid factors 2021 — used only for its ISO 3166 alpha-3 to alpha-2 columns',
    publisher: 'UNFCCC / IFI (via thegreenwebfoundation/co2.js)',
    licence: 'CC BY-SA 4.0 (as stated by co2.js)',
    year: 2021,
    url: 'https://github.com/thegreenwebfoundation/co2.js/blob/main/data/output/marginal-intensities-2021.json',
    files: ['data/raw/grid-annual/unfccc_ifi_marginal_grid_factors_2021.csv'],
    attribution:
      'UNFCCC/IFI Harmonized Default Grid Emission Factors v3.1; The Green Web Foundation co2.js.',
  },
  {
    id: 'green-algorithms',
    title:
      'Green Algorithms tool data (CI_aggregated, datacentres, TDP_cpu, TDP_gpu, defaults_PUE, referenceValues)',
    publisher: 'Green Algorithms (Lannelongue et al.)',
    licence: 'CC BY 4.0',
    year: 2024,
    url: 'https://github.com/GreenAlgorithms/green-algorithms-tool/tree/master/data/latest',
    files: [
      'data/raw/grid-annual/green_algorithms_CI_aggregated.csv',
      'data/raw/cloud-regions/green_algorithms_cloudProviders_datacenters.csv',
      'data/raw/hardware/green-algorithms/TDP_cpu.csv',
      'data/raw/hardware/green-algorithms/TDP_gpu.csv',
      'data/raw/hardware/green-algorithms/referenceValues.csv',
      'data/raw/datacenter/green_algorithms_defaults_PUE.csv',
    ],
    attribution:
      'Lannelongue, Grealey, Inouye (2021), Green Algorithms, Adv. Sci.; green-algorithms.org, CC BY 4.0.',
  },
  {
    id: 'gcp-region-carbon',
    title: 'Google Cloud region carbon information 2019–2024 (hourly-matched CFE%)',
    publisher: 'Google Cloud',
    licence: 'Apache-2.0',
    year: 2024,
    url: 'https://github.com/GoogleCloudPlatform/region-carbon-info',
    files: ['data/raw/cloud-regions/gcp_region_carbon_info_2019_2024.csv'],
    attribution: 'Google Cloud region-carbon-info, Apache-2.0.',
  },
  {
    id: 'cloud-regions-merged',
    title:
      'Cloud region identity table (provider, region, location, coordinates, EM zone, country)',
    publisher:
      'gridshift data-sources compilation (from CCF, carbon-aware-sdk, Google, GSF identity fields)',
    licence:
      'Geographic facts; cross-checked against MIT/Apache-2.0 sources. No GSF PUE/WUE/CFE/intensity values shipped.',
    year: 2026,
    url: 'https://github.com/Green-Software-Foundation/carbon-aware-sdk',
    files: ['data/raw/cloud-regions/cloud_regions_merged_identity.csv'],
    attribution:
      'Region names and coordinates as published by the cloud providers; EM zone ids by Electricity Maps.',
  },
  {
    id: 'ccf',
    title: 'Cloud Carbon Footprint constants and region to Electricity Maps zone mapping',
    publisher: 'Cloud Carbon Footprint (Thoughtworks)',
    licence: 'Apache-2.0',
    year: 2024,
    url: 'https://github.com/cloud-carbon-footprint/cloud-carbon-footprint',
    files: [
      'data/raw/hardware/ccf_provider_constants.csv',
      'data/raw/cloud-regions/ccf_region_to_electricitymaps_zone.csv',
    ],
    attribution: 'Cloud Carbon Footprint, Apache-2.0.',
  },
  {
    id: 'ccf-coefficients',
    title: 'CCF coefficients: per-microarchitecture watts, embodied emissions, instance lists',
    publisher: 'Cloud Carbon Footprint (Thoughtworks)',
    licence: 'Apache-2.0',
    year: 2026,
    url: 'https://github.com/cloud-carbon-footprint/ccf-coefficients',
    files: ['data/raw/hardware/ccf/'],
    attribution: 'Cloud Carbon Footprint ccf-coefficients (SPECpower-derived), Apache-2.0.',
  },
  {
    id: 'codecarbon',
    title: 'CodeCarbon CPU TDP table and GCP region list',
    publisher: 'CodeCarbon (mlco2)',
    licence: 'MIT',
    year: 2025,
    url: 'https://github.com/mlco2/codecarbon',
    files: [
      'data/raw/hardware/codecarbon/cpu_power.csv',
      'data/raw/cloud-regions/codecarbon_cloud_impact.csv',
    ],
    attribution: 'CodeCarbon contributors, MIT.',
  },
  {
    id: 'mlco2-impact',
    title: 'ML CO2 Impact calculator data (GPUs, cloud regions)',
    publisher: 'mlco2/impact (Lacoste et al.)',
    licence: 'MIT',
    year: 2026,
    url: 'https://github.com/mlco2/impact',
    files: [
      'data/raw/hardware/mlco2-impact/gpus.csv',
      'data/raw/cloud-regions/mlco2_impact_cloud_regions.csv',
    ],
    attribution:
      'Lacoste et al. (2019), Quantifying the Carbon Emissions of Machine Learning; mlco2/impact, MIT.',
  },
  {
    id: 'gsf-carbon-aware-sdk',
    title: 'Azure region locations (2021) and AWS region names from the GSF Carbon Aware SDK',
    publisher: 'Green Software Foundation',
    licence: 'MIT',
    year: 2021,
    url: 'https://github.com/Green-Software-Foundation/carbon-aware-sdk',
    files: [
      'data/raw/cloud-regions/azure_regions_locations_2021.csv',
      'data/raw/cloud-regions/aws_regions_names.csv',
    ],
    attribution: 'Green Software Foundation Carbon Aware SDK, MIT.',
  },
  {
    id: 'curated-accelerators',
    title: 'Accelerator specifications and performance (compiled from vendor datasheets)',
    publisher: 'gridshift data-sources compilation (NVIDIA, AMD, Google, AWS, Intel datasheets)',
    licence: 'Facts from public datasheets (no copyright claimed)',
    year: 2025,
    url: 'https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet',
    files: [
      'data/raw/hardware/gpu_accelerator_specs_curated.csv',
      'data/raw/hardware/accelerator_performance_curated.csv',
    ],
    attribution:
      'Vendor datasheets as listed per row in the source_urls column; embodied H100 from NVIDIA HGX H100 PCF summary.',
  },
  {
    id: 'curated-gpu-instances',
    title: 'GPU/accelerator cloud instances (compiled from provider documentation)',
    publisher: 'gridshift data-sources compilation (AWS, Google Cloud, Azure, OCI documentation)',
    licence: 'Facts from public provider documentation (no copyright claimed)',
    year: 2025,
    url: 'https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html',
    files: ['data/raw/hardware/gpu_cloud_instances_curated.csv'],
    attribution: 'Provider instance-type pages as listed per row in the source_url column.',
  },
  {
    id: 'curated-cpus',
    title: 'CPU cores and threads per chip (compiled from vendor specification pages)',
    publisher: 'gridshift data-sources compilation (AMD and Intel product specifications)',
    licence: 'Facts from public vendor pages (no copyright claimed)',
    year: 2026,
    url: 'https://www.amd.com/en/products/specifications/server-processor.html',
    files: ['data/raw/hardware/cpu_threads_curated.csv'],
    attribution:
      'AMD and Intel product specification pages, as listed per row in the source_url column.',
  },
  {
    id: 'pue-wue-reference',
    title: 'Data-centre PUE/WUE reference values (compiled from provider reports and surveys)',
    publisher:
      'gridshift data-sources compilation (Uptime Institute, AWS, Google, Microsoft reports)',
    licence: 'Facts from public reports (no copyright claimed)',
    year: 2025,
    url: 'https://datacenter.uptimeinstitute.com/rs/711-RIA-145/images/2024.GlobalDataCenterSurvey.Report.pdf',
    files: ['data/raw/datacenter/pue_wue_reference.csv'],
    attribution:
      'Uptime Institute Global Data Center Survey; AWS, Google and Microsoft sustainability reports.',
  },
  {
    id: 'teads-specpower-curve',
    title: 'Estimating AWS EC2 instances power consumption (SPECpower-derived CPU load curve)',
    publisher: 'Teads Engineering; Green Software Foundation Impact Framework',
    licence: 'Figures cited as facts',
    year: 2021,
    url: 'https://medium.com/teads-engineering/estimating-aws-ec2-instances-power-consumption-c9745e347959',
    files: [],
    attribution:
      'Benjamin Davy, Teads Engineering (2021); used by the GSF Impact Framework Teads curve model.',
  },
  {
    id: 'measured-accelerator-power',
    title: 'Measured average accelerator power in published training runs',
    publisher:
      'Patterson et al. 2021 (arXiv:2104.10350, Table 4); Dodge et al. 2022 (FAccT, GPU energy on Azure); Morrison et al. 2025 (OLMo, arXiv:2503.05804)',
    licence: 'facts cited from the papers',
    year: 2025,
    url: 'https://arxiv.org/abs/2104.10350',
    files: [],
    attribution: 'Patterson et al. 2021; Dodge et al. 2022; Morrison et al. 2025.',
  },
  {
    id: 'published-accelerator-power',
    title: 'Published per-chip accelerator power: chip TDPs and measured average draw (compiled)',
    publisher:
      'Patterson et al. 2021 (arXiv:2104.10350, Tables 1 and 4); NVIDIA Tesla P100 datasheet; mlco2/impact gpus.csv; Green Algorithms TDP_gpu.csv',
    licence: 'Facts cited from the papers and datasheets (no copyright claimed)',
    year: 2021,
    url: 'https://arxiv.org/abs/2104.10350',
    files: ['data/raw/hardware/accelerator_power_published.csv'],
    attribution:
      'Patterson, Gonzalez, Le, Liang, Munguia, Rothchild, So, Texier, Dean (2021), Carbon Emissions and Large Neural Network Training; NVIDIA; mlco2/impact (MIT); Green Algorithms (CC BY 4.0).',
  },
  {
    id: 'ml-energy-v3',
    title: 'ML.ENERGY Benchmark v3: LLM inference energy per output token (H100, B200; vLLM)',
    publisher: 'ML.ENERGY (Chung et al., University of Michigan)',
    licence: 'Apache-2.0 (ML.ENERGY Benchmark Dataset v3 dataset card)',
    year: 2026,
    url: 'https://github.com/ml-energy/leaderboard',
    files: ['data/raw/llm-inference/mlenergy_v3_llm.csv'],
    attribution:
      'Chung et al., The ML.ENERGY Benchmark (NeurIPS 2025 Datasets and Benchmarks); ml.energy leaderboard v3, Apache-2.0.',
  },
  {
    id: 'ml-energy-v2',
    title:
      'ML.ENERGY Leaderboard v2 (2024): LLM inference energy per request and output token (A100, H100; vLLM)',
    publisher: 'ML.ENERGY (Chung et al., University of Michigan)',
    licence: 'Apache-2.0',
    year: 2024,
    url: 'https://github.com/ml-energy/leaderboard-v2',
    files: ['data/raw/llm-inference/mlenergy_v2_2024_llm_A100_H100.csv'],
    attribution: 'ML.ENERGY Leaderboard v2 (ml-energy/leaderboard-v2), Apache-2.0.',
  },
  {
    id: 'ml-energy-v1',
    title:
      'ML.ENERGY Leaderboard v1 (2023, legacy): LLM chat energy per response (A100, A40, V100)',
    publisher: 'ML.ENERGY (Chung et al., University of Michigan)',
    licence: 'Apache-2.0',
    year: 2023,
    url: 'https://github.com/ml-energy/leaderboard-v2/tree/master/data/legacy',
    files: ['data/raw/llm-inference/mlenergy_v1_2023_legacy_A100_A40_V100.csv'],
    attribution: 'ML.ENERGY Leaderboard v1 (legacy data in ml-energy/leaderboard-v2), Apache-2.0.',
  },
  {
    id: 'ecologits',
    title:
      'EcoLogits LLM inference model: energy/latency per output token fits, server assumptions, model parameter counts',
    publisher: 'GenAI Impact (EcoLogits)',
    licence: 'MPL-2.0',
    year: 2025,
    url: 'https://github.com/genai-impact/ecologits',
    files: [
      'data/raw/llm-inference/ecologits/ecologits_llm_inference_parameters.json',
      'data/raw/llm-inference/ecologits/ecologits_models.csv',
      'data/raw/llm-inference/ecologits/ecologits_model_aliases.csv',
    ],
    attribution:
      'GenAI Impact, EcoLogits (genai-impact/ecologits), MPL-2.0; parameter counts of closed models are EcoLogits estimates.',
  },
  {
    id: 'published-training-runs',
    title:
      'Published training runs: parameters, tokens, device-hours and stated MFU (PaLM, LLaMA, Llama 2/3, OPT, BLOOM, Gopher, Falcon, DeepSeek-V3)',
    publisher:
      'Papers and model cards: Google (PaLM), Meta (LLaMA, Llama 2, 3, 3.1, 4), Meta/OPT, BigScience (BLOOM), DeepMind (Gopher), TII (Falcon), DeepSeek-AI',
    licence: 'Facts cited from papers',
    year: 2025,
    url: 'https://arxiv.org/abs/2407.21783',
    files: ['data/raw/ai-training/published_runs.csv'],
    attribution:
      'Chowdhery et al. (2022) arXiv:2204.02311; Touvron et al. (2023) arXiv:2302.13971 and arXiv:2307.09288; Dubey et al. (2024) arXiv:2407.21783; Zhang et al. (2022) arXiv:2205.01068; Luccioni et al. (2022) arXiv:2211.02001; Le Scao et al. (2022) arXiv:2211.05100; Rae et al. (2021) arXiv:2112.11446; Almazrouei et al. (2023) arXiv:2311.16867; DeepSeek-AI (2024) arXiv:2412.19437; Meta Llama 3/3.1 model cards and The Llama 4 herd (2025). Per-row citations in data/raw/ai-training/published_runs.csv.',
  },
];
