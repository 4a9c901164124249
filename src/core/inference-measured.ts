// Measured serving (ML.ENERGY) of one set of weights on one accelerator: throughput and draw at a
// batch (the sequences actually in flight), interpolated in log batch between the measured
// configurations of one GPU group size.
import type { AiTables, LlmMeasurement, WeightPrecision } from './tables.ts';

export interface MeasuredServing {
  /** Output tokens per second of one replica, and the average draw of one of its GPUs (W). */
  readonly tokensPerS: number;
  readonly drawW: number;
  readonly gpusPerReplica: number;
  /** The batch these figures are for: the one asked, or the nearest measured one outside their span. */
  readonly atBatch: number;
  readonly task: string;
  readonly source: string;
}

/** GPU group sizes `weights` was measured on with `gpuId` at `precision`, smallest first. */
export function measuredGroupSizes(
  ai: AiTables,
  weights: string,
  gpuId: string,
  precision: WeightPrecision,
): number[] {
  const sizes = new Set(rowsFor(ai, weights, gpuId, precision).map((m) => m.numGpus));
  return [...sizes].sort((a, b) => a - b);
}

function rowsFor(
  ai: AiTables,
  weights: string,
  gpuId: string,
  precision: WeightPrecision,
): LlmMeasurement[] {
  return ai.llmMeasurements.filter(
    (m) =>
      m.model === weights &&
      m.gpu === gpuId &&
      m.precision === precision &&
      m.outputTokensPerS !== null &&
      m.avgPowerW !== null,
  );
}

/** Median answer length of a task's rows (null when none says). */
function medianOutput(rows: readonly LlmMeasurement[]): number | null {
  const v = rows
    .map((m) => m.avgOutputTokens)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  return v.length === 0 ? null : v[Math.floor(v.length / 2)]!;
}

/** One measured configuration series, chosen once; `at` interpolates it at any batch. */
export interface MeasuredCurve {
  readonly task: string;
  readonly source: string;
  at(batch: number): MeasuredServing;
}

/**
 * The measurements of `weights` on replicas of `gpus` × `gpuId` at `precision`, or null when none
 * was measured so. Of the newest benchmark round's tasks, the one whose answers are nearest
 * `outputTokensPerRequest` in length (its KV cache is the request's), then the one with most rows.
 */
export function measuredCurve(
  ai: AiTables,
  weights: string,
  gpuId: string,
  precision: WeightPrecision,
  gpus: number,
  outputTokensPerRequest: number,
): MeasuredCurve | null {
  const all = rowsFor(ai, weights, gpuId, precision).filter((m) => m.numGpus === gpus);
  if (all.length === 0) return null;
  const newest = Math.max(...all.map((m) => m.year));
  const byTask = new Map<string, LlmMeasurement[]>();
  for (const m of all.filter((r) => r.year === newest))
    byTask.set(`${m.task}|${m.source}`, [...(byTask.get(`${m.task}|${m.source}`) ?? []), m]);
  const distance = (rs: readonly LlmMeasurement[]) => {
    const out = medianOutput(rs);
    return out === null ? Infinity : Math.abs(Math.log(out / outputTokensPerRequest));
  };
  const [key, taskRows] = [...byTask.entries()].sort(
    (a, b) =>
      distance(a[1]) - distance(b[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
  )[0]!;
  const [task, source] = key.split('|') as [string, string];
  const sorted = [...taskRows].sort((a, b) => batchOf(a) - batchOf(b));
  return { task, source, at: (batch) => interpolate(sorted, batch, gpus, task, source) };
}

/** The average batch is the concurrency the figures were measured at; the configured cap where it is missing. */
const batchOf = (m: LlmMeasurement) => m.avgBatch ?? m.maxBatch;

/** Log-linear in batch between the rows around it; the nearest row outside their span. */
function interpolate(
  sorted: readonly LlmMeasurement[],
  batch: number,
  gpus: number,
  task: string,
  source: string,
): MeasuredServing {
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const at = (m: LlmMeasurement): MeasuredServing => ({
    tokensPerS: m.outputTokensPerS!,
    drawW: m.avgPowerW!,
    gpusPerReplica: gpus,
    atBatch: batchOf(m),
    task,
    source,
  });
  if (batch <= batchOf(first)) return at(first);
  if (batch >= batchOf(last)) return at(last);
  const i = sorted.findIndex((r) => batchOf(r) >= batch);
  const a = sorted[i - 1]!;
  const b = sorted[i]!;
  const t = Math.log(batch / batchOf(a)) / Math.log(batchOf(b) / batchOf(a));
  const lerp = (x: number, y: number) => Math.exp(Math.log(x) + t * (Math.log(y) - Math.log(x)));
  return {
    tokensPerS: lerp(a.outputTokensPerS!, b.outputTokensPerS!),
    drawW: lerp(a.avgPowerW!, b.avgPowerW!),
    gpusPerReplica: gpus,
    atBatch: batch,
    task,
    source,
  };
}
