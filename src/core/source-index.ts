// Lookups of the sources list, built once per estimator (createEstimator) and shared by its estimates.
import type { Source } from './tables.ts';

export interface SourceSummary {
  readonly id: string;
  readonly title: string;
  readonly licence: string;
  readonly year: number;
  readonly url: string;
}

export interface SourceIndex {
  readonly yearOf: ReadonlyMap<string, number>;
  /** Summaries in table order with their position, for a deterministic `sources` list. */
  readonly summaries: ReadonlyMap<
    string,
    { readonly order: number; readonly summary: SourceSummary }
  >;
}

/** The year and summary of every source, by id. */
export function indexSources(sources: readonly Source[]): SourceIndex {
  const yearOf = new Map<string, number>();
  const summaries = new Map<string, { order: number; summary: SourceSummary }>();
  sources.forEach((s, order) => {
    yearOf.set(s.id, s.year);
    summaries.set(s.id, {
      order,
      summary: Object.freeze({
        id: s.id,
        title: s.title,
        licence: s.licence,
        year: s.year,
        url: s.url,
      }),
    });
  });
  return { yearOf, summaries };
}

/** The summaries of `ids` in table order (ids not in the table are left out). */
export function summarizeSources(index: SourceIndex, ids: Iterable<string>): SourceSummary[] {
  const found: { order: number; summary: SourceSummary }[] = [];
  for (const id of ids) {
    const s = index.summaries.get(id);
    if (s) found.push(s);
  }
  return found.sort((a, b) => a.order - b.order).map((s) => s.summary);
}
