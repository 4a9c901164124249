// The per-row CSV: one line per FOCUS row, safe to open in a spreadsheet.
import type { FocusRowResult } from './run.ts';

export const FOCUS_ROW_CSV_HEADER =
  'Id,row,method,energyKwh,kgCo2e,kgCo2eLow,kgCo2eHigh,regionId,zone';

/** A text cell a spreadsheet cannot take for a formula (OWASP CSV injection: leading = + - @ tab CR get a `'`), quoted per RFC 4180. */
export function safeCsvText(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number to 4 significant digits (`0` for zero, no trailing zeros). */
export function formatSig4(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return '0';
  return String(Number(x.toPrecision(4)));
}

/** One row of the per-row CSV (no line ending). */
export function focusRowCsvLine(r: FocusRowResult): string {
  return [
    safeCsvText(r.id),
    String(r.row),
    safeCsvText(r.method),
    formatSig4(r.energyKwh),
    formatSig4(r.kgCo2e),
    formatSig4(r.kgCo2eLow),
    formatSig4(r.kgCo2eHigh),
    safeCsvText(r.regionId ?? ''),
    safeCsvText(r.zone ?? ''),
  ].join(',');
}
