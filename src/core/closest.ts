// Closest known ids for an unknown one, so a 422 can say what was probably meant.
import { editDistance } from './edit-distance.ts';
import { normalizeName } from './names.ts';

/**
 * Up to `n` ids closest to `input`: names starting with the input first, then names containing it,
 * then by edit distance to the whole name or to its beginning (a name typed half-way). `keys` maps a
 * searchable name (display name, alias or id) to the id it stands for.
 */
export function closestIds(
  input: string,
  keys: Iterable<readonly [string, string]>,
  n = 5,
): string[] {
  const q = normalizeName(input);
  if (q === '') return [];
  const limit = Math.max(2, Math.ceil(q.length / 2));
  const scored = new Map<string, number>();
  for (const [key, id] of keys) {
    const score = scoreName(q, normalizeName(key), limit);
    if (score > limit) continue;
    const seen = scored.get(id);
    if (seen === undefined || score < seen) scored.set(id, score);
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}

/** 0 for the name itself; below 1 for a name holding the input; else an edit distance. */
function scoreName(q: string, k: string, limit: number): number {
  if (k === q) return 0;
  const lengthGap = Math.abs(k.length - q.length) / 1000;
  if (k.startsWith(q)) return 0.1 + lengthGap;
  if (k.includes(q)) return 0.2 + lengthGap;
  // A name the input holds (`nvidia a10` in `nvidia a100`) ranks after the names holding the input.
  if (k.length > 2 && q.includes(k)) return 0.5 + lengthGap;
  const whole = editDistance(q, k, limit);
  // Against the name's beginning, plus a half step so a full match still wins a tie.
  const begun = k.length > q.length ? editDistance(q, k.slice(0, q.length), limit) + 0.5 : whole;
  return Math.min(whole, begun);
}

/**
 * `"; did you mean A, B or C?"` for the ids `closestIds` found, each shown as `label` gives it (a
 * display name people recognise); `""` when there are none.
 */
export function closestPhrase(ids: readonly string[], label: (id: string) => string): string {
  const names = ids.map(label);
  const last = names.pop();
  if (last === undefined) return '';
  return `; did you mean ${names.length > 0 ? `${names.join(', ')} or ` : ''}${last}?`;
}
