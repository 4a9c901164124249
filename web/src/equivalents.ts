// Plain-language equivalents of an estimate, each a published factor with its source and year shown
// on the page. Emission equivalents divide kgCO2e; the household one divides energy (kWh), so it
// does not depend on any grid's intensity.

export interface Equivalent {
  id: string;
  /** What the factor divides: the estimate's kgCO2e or its kWh. */
  basis: 'kgCo2e' | 'kWh';
  /** kgCO2e (or kWh) per unit of the comparison. */
  perUnit: number;
  unit: string;
  phrase: string;
  factorText: string;
  source: { title: string; year: number; url: string };
}

export const EQUIVALENTS: readonly Equivalent[] = [
  {
    id: 'car-km',
    basis: 'kgCo2e',
    // 400 g CO2 per mile (22.2 mpg, 8,887 g CO2 per gallon), per km.
    perUnit: 0.4 / 1.609344,
    unit: 'km',
    phrase: 'driven by an average petrol car',
    factorText: '400 g CO2 per mile ≈ 249 g per km, tailpipe only',
    source: {
      title:
        'US EPA, Greenhouse Gas Emissions from a Typical Passenger Vehicle (EPA-420-F-23-014, 2023)',
      year: 2023,
      url: 'https://www.epa.gov/greenvehicles/greenhouse-gas-emissions-typical-passenger-vehicle',
    },
  },
  {
    id: 'flight-km',
    basis: 'kgCo2e',
    perUnit: 0.171,
    unit: 'passenger-km',
    phrase: 'flown in economy class',
    factorText:
      '171 g CO2e per passenger-km (economy, range 139–244 g by route), as compiled in the Green Algorithms reference values',
    source: {
      title: 'UK Government GHG Conversion Factors for Company Reporting (BEIS, 2020)',
      year: 2020,
      url: 'https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2020',
    },
  },
  {
    id: 'home-days',
    basis: 'kWh',
    perUnit: 10791 / 365,
    unit: 'days',
    phrase: 'of the electricity an average US home uses',
    factorText: '10,791 kWh a year per US residential customer (2022) ≈ 29.6 kWh a day',
    source: {
      title: 'US EIA, How much electricity does an American home use? (2022 data)',
      year: 2022,
      url: 'https://www.eia.gov/tools/faqs/faq.php?id=97&t=3',
    },
  },
  {
    id: 'streaming-hours',
    basis: 'kgCo2e',
    perUnit: 0.036,
    unit: 'hours',
    phrase: 'of video streaming',
    factorText:
      '36 g CO2e per hour streamed (device, network and data centre, 2019 IEA-based estimate)',
    source: {
      title:
        'Carbon Brief, Factcheck: What is the carbon footprint of streaming video on Netflix? (2020)',
      year: 2020,
      url: 'https://www.carbonbrief.org/factcheck-what-is-the-carbon-footprint-of-streaming-video-on-netflix',
    },
  },
];

/** How many units of `equivalent` an estimate of `kgCo2e` and `kWh` amounts to. */
export function amountOf(equivalent: Equivalent, kgCo2e: number, kWh: number): number {
  return (equivalent.basis === 'kWh' ? kWh : kgCo2e) / equivalent.perUnit;
}
