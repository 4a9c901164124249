// Plain-language equivalents of an amount of CO2e, each with its factor and source shown on the page.

export interface Equivalent {
  /** kgCO2e per unit of the comparison. */
  kgPerUnit: number;
  unit: string;
  phrase: string;
  factorText: string;
  source: { title: string; url: string };
}

// EPA: a typical passenger vehicle emits about 400 g CO2 per mile (22.2 mpg, 8,887 g CO2 per gallon).
const CAR: Equivalent = {
  kgPerUnit: 0.4 / 1.609344,
  unit: 'km',
  phrase: 'driven by an average petrol car',
  factorText: '400 g CO2 per mile ≈ 249 g per km, tailpipe only',
  source: {
    title:
      'US EPA, Greenhouse Gas Emissions from a Typical Passenger Vehicle (EPA-420-F-23-014, 2023)',
    url: 'https://www.epa.gov/greenvehicles/greenhouse-gas-emissions-typical-passenger-vehicle',
  },
};

/** Distance an average car drives for the same emissions. */
export function carEquivalent(kgCo2e: number): { amount: number; equivalent: Equivalent } {
  return { amount: kgCo2e / CAR.kgPerUnit, equivalent: CAR };
}
