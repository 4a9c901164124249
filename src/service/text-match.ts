// Small text matching for the catalogue: closest ids for 404s, query matching for search.
import { editDistance } from '../core/edit-distance.ts';
import { normalizeName } from '../core/names.ts';

/**
 * The `limit` ids nearest to `input` by case-insensitive edit distance, never empty while ids exist
 * (the fallback when core's `closestIds` finds nothing close). Ids sharing the input's `prefix:`
 * come first, then by distance, then by id.
 */
export function nearestIds(input: string, ids: Iterable<string>, limit = 5): string[] {
  const needle = input.toLowerCase();
  const prefix = needle.includes(':') ? needle.slice(0, needle.indexOf(':') + 1) : null;
  return [...ids]
    .map((id) => ({
      id,
      foreign: prefix !== null && !id.toLowerCase().startsWith(prefix) ? 1 : 0,
      distance: editDistance(needle, id.toLowerCase()),
    }))
    .sort(
      (a, b) =>
        a.foreign - b.foreign ||
        a.distance - b.distance ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, limit)
    .map((entry) => entry.id);
}

/**
 * How well `names` match a search: 0 = one equals the query, 1 = one starts with it, 2 = every
 * query word occurs somewhere, null = no match. Names are compared normalised (`normalizeName`).
 */
export function scoreMatch(query: string, names: readonly string[]): number | null {
  const needle = normalizeName(query);
  if (needle === '') return 2;
  const haystacks = names.map(normalizeName);
  if (haystacks.includes(needle)) return 0;
  if (haystacks.some((name) => name.startsWith(needle))) return 1;
  const all = haystacks.join(' ');
  return needle.split(' ').every((word) => all.includes(word)) ? 2 : null;
}

/** Items whose names match `query`, best match first, then in their given order. */
export function searchByName<T>(
  items: Iterable<T>,
  query: string | undefined,
  names: (item: T) => readonly string[],
): T[] {
  const list = [...items];
  if (query === undefined) return list;
  return list
    .map((item, index) => ({ item, index, score: scoreMatch(query, names(item)) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.item);
}
