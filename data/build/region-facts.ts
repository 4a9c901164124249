// Hand-checked geographic facts for cloud regions, applied on top of the shipped sources. Each entry
// says why: a source gap (no country/zone) or a source error (wrong coordinates or zone).

export interface RegionFix {
  country?: string;
  /** Electricity Maps zone id of the region's city. */
  emZone?: string;
  lat?: number;
  lon?: number;
  name?: string;
  why: string;
}

export const REGION_FIXES: Readonly<Record<string, RegionFix>> = {
  'aws:ca-west-1': {
    country: 'CA',
    emZone: 'CA-AB',
    why: 'Calgary, Alberta; no zone in the sources',
  },
  'aws:cn-north-1': {
    country: 'CN',
    why: 'Beijing; no country in the merged table (mlco2 lists China)',
  },
  'aws:cn-northwest-1': {
    country: 'CN',
    why: 'Ningxia; no country in the merged table (mlco2 lists China)',
  },
  'azure:jioindiawest': {
    country: 'IN',
    emZone: 'IN-WE',
    why: 'Jamnagar, Gujarat (Western grid region); no zone in the sources',
  },
  'azure:jioindiacentral': {
    country: 'IN',
    emZone: 'IN-WE',
    why: 'Nagpur, Maharashtra (Western grid region); no zone in the sources',
  },
  'azure:apeast': {
    country: 'HK',
    emZone: 'HK',
    lat: 22.267,
    lon: 114.188,
    name: 'Asia Pacific East (Hong Kong)',
    why: "CCF's billing-name alias of eastasia: it gives apeast eastasia's Hong Kong factor (710 g/kWh)",
  },
  'azure:eastasiastage': {
    country: 'HK',
    emZone: 'HK',
    why: 'logical staging region of eastasia (Hong Kong), as CCF maps the US *stage regions to the zone of their parent',
  },
  'azure:southeastasiastage': {
    country: 'SG',
    emZone: 'SG',
    why: 'logical staging region of southeastasia (Singapore)',
  },
  'azure:qatarcentral': {
    country: 'QA',
    name: 'Doha',
    why: 'Green Algorithms lists the region without a location',
  },
  'azure:westus': {
    emZone: 'US-CAL-CISO',
    lat: 37.783,
    lon: -122.417,
    name: 'California: West US',
    why: 'merged table places West US in Washington; Azure CLI list, CCF and mlco2 agree on California',
  },
  'gcp:europe-north2': {
    country: 'SE',
    emZone: 'SE-SE3',
    why: 'Stockholm; no zone in the sources',
  },
  'gcp:me-central1': {
    country: 'QA',
    emZone: 'QA',
    why: 'Doha, Qatar (codecarbon: QAT); the merged table says AE',
  },
  'gcp:northamerica-south1': {
    country: 'MX',
    why: 'Querétaro, Mexico; no country in the merged table',
  },
  'gcp:us-east2': {
    country: 'US',
    why: 'listed by Google region-carbon-info; no country in the merged table',
  },
  'gcp:southamerica-east1': {
    lat: -23.55,
    lon: -46.63,
    name: 'São Paulo',
    why: 'São Paulo; upstream coordinates point to the Amazon (same bug as aws:sa-east-1) and spell it "Sāo"',
  },
  'gcp:us-south1': { lat: 32.78, lon: -96.8, why: 'Dallas; upstream coordinates point to Oregon' },
  'gcp:us-west4': {
    lat: 36.17,
    lon: -115.14,
    why: 'Las Vegas; upstream coordinates point to New Mexico',
  },
  'gcp:us-east5': {
    lat: 39.96,
    lon: -83.0,
    why: 'Columbus, Ohio; upstream coordinates point to Columbus, Nebraska',
  },
};

/** Misspelt region ids in upstream files -> the provider's id. */
export const REGION_TYPOS: Readonly<Record<string, string>> = {
  'me-cenrtal1': 'me-central1', // codecarbon_cloud_impact.csv
  germanynortheastt: 'germanynortheast', // Green Algorithms "Germany Northeastt (Sovereign)"
};

/**
 * Continent per country where Green Algorithms CI_aggregated (continentName) has no country row, and
 * the Middle East split: Green Algorithms files Gulf and Levant countries under Asia; gridshift reports
 * them as `Middle East` (a plain, widely used grouping for cloud regions).
 */
export const CONTINENT_OVERRIDES: Readonly<Record<string, string>> = {
  AE: 'Middle East',
  BH: 'Middle East',
  IL: 'Middle East',
  QA: 'Middle East',
  SA: 'Middle East',
  HK: 'Asia',
  TW: 'Asia',
  CL: 'South America',
};
