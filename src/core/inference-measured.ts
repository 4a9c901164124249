// Measured serving (ML.ENERGY) of one set of weights on one accelerator: throughput and draw at a
// batch size, interpolated in log batch between the measured configurations of one GPU group size.
import type { AiTables, LlmMeasurement, WeightPrecision } from './tables.ts';

export interface MeasuredServing {
  /** Output tokens per second of one replica, and the average draw of one of its GPUs (W). */
  readonly tokensPerS: number;
  readonly drawW: number;
  readonly gpusPerReplica: number;
  readonly batchClamped: boolean;
  readonly task: string;
  readonly source: string;
}

/** GPU group sizes `weights` was measured on with `gpuId` at `precision`, smallest first. */
export function measuredGroupSizes(ai: AiTables, weights: string, gpuId: string, precision: WeightPrecision): number[] {
  const sizes = new Set(rowsFor(ai, weights, gpuId, precision).map((m) => m.numGpus));
  return [...sizes].sort((a, b) => a - b);
}

function rowsFor(ai: AiTables, weights: string, gpuId: string, precision: WeightPrecision): LlmMeasurement[] {
  return ai.llmMeasurements.filter((m) => m.model === weights && m.gpu === gpuId && m.precision === precision && m.outputTokensPerS !== null && m.avgPowerW !== null);
}

/** The measurement at `batch` for a replica of `gpus` devices, or null when none was measured so. */
export function lookupMeasuredServing(ai: AiTables, weights: string, gpuId: string, precision: WeightPrecision, gpus: number, batch: number): MeasuredServing | null {
  const rows = rowsFor(ai, weights, gpuId, precision).filter((m) => m.numGpus === gpus);
  if (rows.length === 0) return null;
  // The task with most configurations gives the densest batch axis (ties: the first by name).
  const byTask = new Map<string, LlmMeasurement[]>();
  for (const m of rows) byTask.set(`${m.task}|${m.source}`, [...(byTask.get(`${m.task}|${m.source}`) ?? []), m]);
  const [key, taskRows] = [...byTask.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
  const sorted = [...taskRows].sort((a, b) => a.maxBatch - b.maxBatch);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const [task, source] = key.split('|') as [string, string];
  const at = (m: LlmMeasurement, clamped: boolean): MeasuredServing => ({ tokensPerS: m.outputTokensPerS!, drawW: m.avgPowerW!, gpusPerReplica: gpus, batchClamped: clamped, task, source });
  if (batch <= first.maxBatch) return at(first, batch < first.maxBatch);
  if (batch >= last.maxBatch) return at(last, batch > last.maxBatch);
  const i = sorted.findIndex((r) => r.maxBatch >= batch);
  const a = sorted[i - 1]!;
  const b = sorted[i]!;
  const t = Math.log(batch / a.maxBatch) / Math.log(b.maxBatch / a.maxBatch);
  const lerp = (x: number, y: number) => Math.exp(Math.log(x) + t * (Math.log(y) - Math.log(x)));
  return { tokensPerS: lerp(a.outputTokensPerS!, b.outputTokensPerS!), drawW: lerp(a.avgPowerW!, b.avgPowerW!), gpusPerReplica: gpus, batchClamped: false, task, source };
}
