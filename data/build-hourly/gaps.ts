// Gap filling of one zone-year: empty cells are filled by linear interpolation between the nearest
// known hours (leading / trailing gaps repeat the nearest known hour). Gaps of at most 6 hours are
// always filled; a zone-year with a longer gap is kept only when at least 95 % of its hours are known.

export const MAX_SHORT_GAP_HOURS = 6;
export const MIN_COVERAGE = 0.95;

export interface GapReport {
  /** Filled values; null when the zone-year is dropped. */
  values: number[] | null;
  /** Hours that were empty and were filled. */
  filledHours: number;
  /** Empty hours inside gaps longer than MAX_SHORT_GAP_HOURS. */
  longGapHours: number;
  /** Share of hours with a value in the source, 0–1. */
  coverage: number;
}

export function fillGaps(cells: readonly (number | null)[]): GapReport {
  const n = cells.length;
  const known = cells.reduce<number>((c, v) => c + (v === null ? 0 : 1), 0);
  const coverage = n === 0 ? 0 : known / n;
  let longGapHours = 0;
  for (let i = 0; i < n;) {
    if (cells[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && cells[j] === null) j++;
    if (j - i > MAX_SHORT_GAP_HOURS) longGapHours += j - i;
    i = j;
  }
  const filledHours = n - known;
  if (known === 0 || (longGapHours > 0 && coverage < MIN_COVERAGE))
    return { values: null, filledHours: 0, longGapHours, coverage };

  const values = new Array<number>(n);
  let prev = -1; // index of the last known hour
  for (let i = 0; i <= n; i++) {
    if (i < n && cells[i] === null) continue;
    // i is known (or the end): fill (prev, i)
    for (let g = prev + 1; g < i; g++) {
      if (prev < 0) values[g] = cells[i]!;
      else if (i === n) values[g] = cells[prev]!;
      else values[g] = cells[prev]! + ((cells[i]! - cells[prev]!) * (g - prev)) / (i - prev);
    }
    if (i < n) values[i] = cells[i]!;
    prev = i;
  }
  return { values, filledHours, longGapHours, coverage };
}
