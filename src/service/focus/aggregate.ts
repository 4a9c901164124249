// Bounded aggregates of a FOCUS run: sums per group key, with a cap on distinct keys per dimension.
import type { FocusGroup } from './summary-schema.ts';

/** Distinct keys kept per dimension; later keys fold into OTHER_KEY, so memory stays bounded. */
export const MAX_GROUP_KEYS = 10_000;
export const OTHER_KEY = '(other)';
/** Group keys (service names, tags…) are cut to this length, so a key's memory is bounded too. */
export const MAX_KEY_CHARS = 200;

/** `key` cut to MAX_KEY_CHARS (an ellipsis marks a cut). */
export function boundedKey(key: string): string {
  return key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key;
}

export interface Sums {
  rows: number;
  billedCost: number;
  energyKwh: number;
  kgCo2e: number;
  kgCo2eLow: number;
  kgCo2eHigh: number;
}

export function emptySums(): Sums {
  return { rows: 0, billedCost: 0, energyKwh: 0, kgCo2e: 0, kgCo2eLow: 0, kgCo2eHigh: 0 };
}

/** A row's figures (a FocusRowResult is one). */
export interface RowFigures {
  readonly energyKwh: number;
  readonly kgCo2e: number;
  readonly kgCo2eLow: number;
  readonly kgCo2eHigh: number;
}

/** Adds one row, its figures and billed cost, to `s` (no object per row: this runs for every row). */
export function addTo(s: Sums, r: RowFigures, billedCost: number): void {
  s.rows += 1;
  s.billedCost += billedCost;
  s.energyKwh += r.energyKwh;
  s.kgCo2e += r.kgCo2e;
  s.kgCo2eLow += r.kgCo2eLow;
  s.kgCo2eHigh += r.kgCo2eHigh;
}

/** Sums by key, at most MAX_GROUP_KEYS keys. */
export class GroupSums {
  private readonly map = new Map<string, Sums>();

  add(raw: string, r: RowFigures, billedCost: number): void {
    const key = boundedKey(raw);
    let s = this.map.get(key);
    if (!s) {
      const k = this.map.size < MAX_GROUP_KEYS ? key : OTHER_KEY;
      s = this.map.get(k) ?? emptySums();
      this.map.set(k, s);
    }
    addTo(s, r, billedCost);
  }

  /** Groups by kgCO2e, largest first (ties by key). */
  list(): FocusGroup[] {
    return [...this.map]
      .map(([key, s]) => ({ key, ...s }))
      .sort((a, b) => b.kgCo2e - a.kgCo2e || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
