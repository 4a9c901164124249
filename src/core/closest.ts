// Closest known ids for an unknown one, so a 422 can say what was probably meant.
import { editDistance } from './edit-distance.ts';
import { normalizeName } from './names.ts';

/**
 * Up to `n` ids closest to `input`: keys containing the input (or contained in it) first, then by
 * edit distance. `keys` maps a searchable name to the id it stands for.
 */
export function closestIds(
  input: string,
  keys: Iterable<readonly [string, string]>,
  n = 5,
): string[] {
  const q = normalizeName(input);
  const limit = Math.max(2, Math.ceil(q.length / 2));
  const scored = new Map<string, number>();
  for (const [key, id] of keys) {
    const k = normalizeName(key);
    const score =
      k.includes(q) || (k.length > 2 && q.includes(k))
        ? Math.abs(k.length - q.length) / 100
        : editDistance(q, k, limit);
    if (score > limit) continue;
    const seen = scored.get(id);
    if (seen === undefined || score < seen) scored.set(id, score);
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}
