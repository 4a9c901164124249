// Collects what an estimate rests on: the defaults it took (assumptions) and every value it used
// (factors, each with unit, source and year), so each number in the result is traceable.
import type { Factor } from './schemas.ts';
import type { Coefficient } from './tables.ts';
import type { SourceIndex } from './source-index.ts';

export class Ledger {
  readonly assumptions: string[] = [];
  readonly factors: Factor[] = [];
  readonly sourceIds = new Set<string>();

  constructor(private readonly sources: SourceIndex) {}

  assume(text: string): void {
    this.assumptions.push(text);
  }

  /** Records a value used; a row without its own year takes its dataset's year. */
  factor(f: Factor): void {
    if (f.year === null && f.source !== 'user') f = { ...f, year: this.sources.yearOf.get(f.source) ?? null };
    this.factors.push(f);
    this.sourceIds.add(f.source);
  }

  /** Records a table coefficient under `id`. */
  coefficient(id: string, label: string, c: Coefficient): number {
    this.factor({ id, label, value: c.value, unit: c.unit, source: c.source, year: c.year, note: c.note });
    return c.value;
  }

  /** Records a value the request gave. */
  user(id: string, label: string, value: number, unit: string): number {
    this.factor({ id, label, value, unit, source: 'user', year: null });
    return value;
  }
}
