// Content negotiation for every route that answers in more than one format.

/**
 * Of `types` (the first being the default), the one the Accept header names first; the default
 * when it names none. Order of appearance stands in for q-values, which no client of ours sends.
 */
export function preferredMediaType<T extends string>(
  accept: string | undefined,
  types: readonly [T, ...T[]],
): T {
  const wanted = (accept ?? '').toLowerCase();
  let best = types[0];
  let bestAt = Infinity;
  for (const type of types) {
    const at = wanted.indexOf(type);
    if (at >= 0 && at < bestAt) [best, bestAt] = [type, at];
  }
  return best;
}
