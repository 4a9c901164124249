// Alias bookkeeping shared by the accelerator and CPU builds: every alias is stored normalised
// (src/core/names.ts) and may map to one id only; a second id for the same alias fails the build.
import { normalizeName } from '../../src/core/names.ts';
import { type Origin, rowError } from './csv.ts';

export class AliasIndex {
  private readonly ids = new Map<string, string>();
  private readonly byId = new Map<string, Set<string>>();

  /** Adds `alias` -> `id`. Throws (naming `at`) if the alias already maps to another id. */
  add(alias: string, id: string, at: Origin): void {
    const key = normalizeName(alias);
    if (key === '') return;
    const prev = this.ids.get(key);
    if (prev !== undefined && prev !== id)
      throw rowError(at, `alias "${key}" maps to both "${prev}" and "${id}"`);
    this.ids.set(key, id);
    const set = this.byId.get(id) ?? new Set<string>();
    set.add(key);
    this.byId.set(id, set);
  }

  /** Adds the alias only if nobody owns it yet (for derived short forms that may be ambiguous). */
  addIfFree(alias: string, id: string): void {
    const key = normalizeName(alias);
    if (key !== '' && !this.ids.has(key)) this.add(key, id, { file: '', line: 0 });
  }

  resolve(name: string): string | undefined {
    return this.ids.get(normalizeName(name));
  }

  /** Sorted aliases of one id. */
  aliasesOf(id: string): string[] {
    return [...(this.byId.get(id) ?? [])].sort();
  }

  entries(): [string, string][] {
    return [...this.ids.entries()];
  }
}

/** Removes the given whole words from a normalised name (`nvidia tesla t4` -> `t4`). */
export function withoutWords(name: string, words: readonly string[]): string {
  const drop = new Set(words);
  return normalizeName(name)
    .split(' ')
    .filter((w) => !drop.has(w))
    .join(' ');
}

/** Order-insensitive key of a name's words, to match `A100 40GB PCIe` with `A100 PCIe 40GB`. */
export function tokenSetKey(name: string): string {
  return normalizeName(name).split(' ').sort().join(' ');
}
