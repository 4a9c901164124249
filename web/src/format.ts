// Number and text formatting for the page, one formatter per kind: plain quantities (three
// significant digits, grouped), counts (grouped; scientific when huge), masses of CO2e in the one
// unit a view uses, shares, hours and times. Units are kept apart from the digits.

const sig3 = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

/** From here on a number reads better as `8.4 × 10²³` than as a row of digit groups. */
const SCIENTIFIC_FROM = 1e9;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `8.4e23` -> `8.4 × 10²³` (three significant digits). */
export function formatScientific(value: number): string {
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  let mantissa = Number((value / 10 ** exponent).toPrecision(3));
  let e = exponent;
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    e += 1;
  }
  const sup = String(e)
    .split('')
    .map((d) => (d === '-' ? '⁻' : SUPERSCRIPT[Number(d)]))
    .join('');
  return `${sig3.format(mantissa)} × 10${sup}`;
}

/** `12345.6` -> `12,346`; `0.01234` -> `0.0123`; `8.4e23` -> `8.4 × 10²³`. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= SCIENTIFIC_FROM) return formatScientific(value);
  return Math.abs(value) >= 1000 ? whole.format(value) : sig3.format(value);
}

/** A count of things (devices, requests, FLOPs): `2048` -> `2,048`, huge ones scientific. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= SCIENTIFIC_FROM) return formatScientific(value);
  return Number.isInteger(value) ? whole.format(value) : sig3.format(value);
}

/** The one mass unit of a view: tonnes once the view's main figure reaches 1,000 kg, else kg. */
export interface MassUnit {
  /** `kg` or `t`, as written after a number. */
  symbol: 'kg' | 't';
  /** kg per unit. */
  kgPer: number;
}

export const KG: MassUnit = { symbol: 'kg', kgPer: 1 };
export const TONNE: MassUnit = { symbol: 't', kgPer: 1000 };

/** The unit a view whose main figure is `kg` uses for every mass it shows. */
export function massUnitFor(kg: number): MassUnit {
  return Math.abs(kg) >= 1000 ? TONNE : KG;
}

/** `170861` kg in t -> `171`: the number only, in `unit`. */
export function formatMassValue(kg: number, unit: MassUnit): string {
  return formatNumber(kg / unit.kgPer);
}

/** `170861` kg in t -> `171 tCO2e`. */
export function formatMass(kg: number, unit: MassUnit): string {
  return `${formatMassValue(kg, unit)} ${unit.symbol}CO2e`;
}

/** An energy in the unit that keeps it between 1 and 1000 where possible: kWh -> MWh. */
export function formatScaled(
  value: number,
  unit: 'kgCO2e' | 'kWh',
): { value: string; unit: string } {
  const steps =
    unit === 'kWh' ? ['Wh', 'kWh', 'MWh', 'GWh'] : ['gCO2e', 'kgCO2e', 'tCO2e', 'ktCO2e'];
  let i = 1;
  let v = value;
  while (Math.abs(v) >= 1000 && i < steps.length - 1) {
    v /= 1000;
    i++;
  }
  if (Math.abs(v) < 1 && v !== 0 && i > 0) {
    v *= 1000;
    i--;
  }
  return { value: formatNumber(v), unit: steps[i] ?? unit };
}

export function formatPercent(share: number): string {
  return pct.format(share);
}

/** Hour of day `7` -> `07:00`. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** `2026-06-01T12:00:00.000Z` -> `2026-06-01 12:00 UTC`; other text unchanged. */
export function formatUtc(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms)
    ? iso
    : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A CSV number: four significant digits (JSON export keeps full precision). */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : '';
}
