// The datasets the hourly tables are built from. Shipped inside data/built/hourly.ts so the hourly
// rows' `source` ids resolve without the main sources table. Provenance: data/raw/SOURCES.md.
import type { Source } from '../../src/core/tables.ts';

const ODBL_EM = 'ODbL 1.0 (© Electricity Maps); derived tables are shared under ODbL 1.0';
const ATTRIBUTION = 'Contains data from Electricity Maps (electricitymaps.com), ODbL 1.0.';
const DIR_2021_2024 = 'data/raw/grid-hourly/electricitymaps_2021_2024';

export const HOURLY_SOURCES: readonly Source[] = [
  {
    id: 'em-hourly-hpe',
    title:
      'Electricity Maps hourly carbon intensity 2021–2024, 16 zones (lifecycle, consumption-based, UTC)',
    publisher: 'Electricity Maps (via HewlettPackard/green-dcc)',
    licence: ODBL_EM,
    year: 2024,
    url: 'https://github.com/HewlettPackard/green-dcc/tree/3f6ea95cb835b89ba50b0ef76d66d14b8037643e/data/carbon_intensity',
    files: [2021, 2022, 2023, 2024]
      .map((y) => `${DIR_2021_2024}/em_hourly_${y}_lifecycle.csv`)
      .concat(`${DIR_2021_2024}/em_hourly_zone_year_summary.csv`),
    attribution: `${ATTRIBUTION} Collected by Hewlett Packard Enterprise (green-dcc).`,
  },
  {
    id: 'em-hourly-umassos',
    title:
      'Electricity Maps hourly carbon intensity 2021–2023 for BR, ES and NO (lifecycle, consumption-based, UTC)',
    publisher: 'Electricity Maps (via umassos/decarbonization-potential)',
    licence: ODBL_EM,
    year: 2023,
    url: 'https://github.com/umassos/decarbonization-potential/tree/3493a63016bd2aaa71cae1f33809576786b331d4/downloaded_carbon_data',
    files: [2021, 2022, 2023]
      .map((y) => `${DIR_2021_2024}/em_hourly_${y}_lifecycle.csv`)
      .concat(`${DIR_2021_2024}/em_hourly_zone_year_summary.csv`),
    attribution: `${ATTRIBUTION} Collected by Sukprasert et al. (EuroSys 2024), umassos/decarbonization-potential.`,
  },
  {
    id: 'em-hourly-umassos-123',
    title:
      'Electricity Maps hourly carbon intensity 2022, 123 zones (lifecycle, older download, gaps filled upstream)',
    publisher: 'Electricity Maps (via umassos/decarbonization-potential)',
    licence: ODBL_EM,
    year: 2022,
    url: 'https://github.com/umassos/decarbonization-potential/tree/3493a63016bd2aaa71cae1f33809576786b331d4/sim_what_ifs/prediction_error/data_output/added_error',
    files: [
      'data/raw/grid-hourly/electricitymaps_2022_123zones/em_hourly_2022_lifecycle_123zones.csv',
      'data/raw/grid-hourly/electricitymaps_2022_123zones/zones_123.csv',
    ],
    attribution: `${ATTRIBUTION} Trace from Sukprasert et al., "On the Limitations of Carbon-Aware Temporal and Spatial Workload Shifting in the Cloud" (EuroSys 2024).`,
  },
];

/** `source_repo` of the summary file -> source id. */
export const SOURCE_BY_REPO: Readonly<Record<string, string>> = {
  'HewlettPackard/green-dcc': 'em-hourly-hpe',
  'umassos/decarbonization-potential': 'em-hourly-umassos',
};
