// Number and text formatting for the page: three significant digits, thousands separators, units kept apart.

const sig3 = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

/** `12345.6` -> `12,346`; `0.01234` -> `0.0123`; large values keep every integer digit. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Math.abs(value) >= 1000 ? whole.format(value) : sig3.format(value);
}

/** A quantity in the unit that keeps it between 1 and 1000 where possible: kg -> t, kWh -> MWh. */
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
