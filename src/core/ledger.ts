// Collects what an estimate rests on: the defaults it took (assumptions) and every value it used
// (factors, each with unit, source and year), so each number in the result is traceable.
import type { Factor } from './schemas.ts';
import type { Coefficient } from './tables.ts';
import type { SourceIndex } from './source-index.ts';

/** What a memoised step returned and recorded, replayed into later ledgers unchanged. */
export interface Recording {
  readonly value: unknown;
  readonly factors: readonly Factor[];
  readonly assumptions: readonly string[];
}

/**
 * What the ledgers of one estimator share (createEstimator owns it): the source index, and the
 * recordings of steps that depend only on table rows (the owner objects) and a key.
 */
export interface LedgerStore {
  readonly sources: SourceIndex;
  readonly recordings: WeakMap<object, Map<string, Recording>>;
  readonly coefficientFactors: WeakMap<Coefficient, Map<string, Factor>>;
}

/** An empty store over `sources`; WeakMaps let recordings go with the table rows they are keyed by. */
export function createLedgerStore(sources: SourceIndex): LedgerStore {
  return { sources, recordings: new WeakMap(), coefficientFactors: new WeakMap() };
}

export class Ledger {
  readonly assumptions: string[] = [];
  readonly factors: Factor[] = [];
  readonly sourceIds = new Set<string>();

  constructor(readonly store: LedgerStore) {}

  assume(text: string): void {
    this.assumptions.push(text);
  }

  /** Records a value used; a row without its own year takes its dataset's year. */
  factor(f: Factor): void {
    if (f.year === null && f.source !== 'user')
      f = { ...f, year: this.store.sources.yearOf.get(f.source) ?? null };
    this.factors.push(f);
    this.sourceIds.add(f.source);
  }

  /** Records a table coefficient under `id` (one shared factor object per coefficient and id). */
  coefficient(id: string, label: string, c: Coefficient): number {
    const shared = this.store.coefficientFactors;
    let byId = shared.get(c);
    if (!byId) shared.set(c, (byId = new Map<string, Factor>()));
    const key = `${id}\u0000${label}`;
    let f = byId.get(key);
    if (!f)
      byId.set(
        key,
        (f = Object.freeze({
          id,
          label,
          value: c.value,
          unit: c.unit,
          source: c.source,
          year: c.year,
          note: c.note,
        })),
      );
    this.factors.push(f);
    this.sourceIds.add(f.source);
    return c.value;
  }

  /** Records a value the request gave. */
  user(id: string, label: string, value: number, unit: string): number {
    this.factor({ id, label, value, unit, source: 'user', year: null });
    return value;
  }

  /**
   * Runs `step` once per (`owner`, `key`) and replays what it recorded into this ledger afterwards.
   * Only for steps whose result and records depend on nothing but the owner table row and the key;
   * the value is shared, so callers must not mutate it.
   */
  memo<T>(owner: object, key: string, step: (ledger: Ledger) => T): T {
    const recordings = this.store.recordings;
    let byKey = recordings.get(owner);
    if (!byKey) recordings.set(owner, (byKey = new Map<string, Recording>()));
    let rec = byKey.get(key);
    if (!rec) {
      const scratch = new Ledger(this.store);
      const value = step(scratch);
      rec = {
        value,
        factors: scratch.factors.map((f) => Object.freeze(f)),
        assumptions: scratch.assumptions,
      };
      byKey.set(key, rec);
    }
    for (const f of rec.factors) {
      this.factors.push(f);
      this.sourceIds.add(f.source);
    }
    for (const a of rec.assumptions) this.assumptions.push(a);
    return rec.value as T;
  }
}
