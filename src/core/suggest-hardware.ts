// Hardware options: the same work on each accelerator with a published peak dense bf16 rate and
// rated power, ranked by kgCO2e; only those that save are kept.
import type { RankBy, Suggestion } from './decision-schemas.ts';
import type { Workload } from './schemas.ts';
import type { EstimatorContext } from './context.ts';
import { EstimateError } from './errors.ts';
import { isSwappable, swapGpu, workloadGpu } from './hardware-swap.ts';
import { rankMeasure } from './compare.ts';
import { makeSuggestion } from './suggest-option.ts';

export interface HardwareOptions {
  readonly options: Suggestion[];
  /** The workload of each option, best first (for the combined option). */
  readonly workloads: Workload[];
  readonly note: string | null;
}

/** Alternative GPUs that lower emissions, best first; a note says why there are none. */
export function suggestHardware(
  w: Workload,
  ctx: EstimatorContext,
  baseKg: number,
  rankBy: RankBy,
  top: number,
): HardwareOptions {
  const { tables } = ctx;
  const current = workloadGpu(w, tables);
  if (!current)
    return {
      options: [],
      workloads: [],
      note: 'hardware: the workload has no GPU; no accelerator alternatives.',
    };
  if (current.gpu.peakDenseTflops.bf16 === null) {
    return {
      options: [],
      workloads: [],
      note: `hardware: ${current.gpu.name} has no published peak dense bf16 rate, so the same work cannot be scaled to another GPU.`,
    };
  }
  const measure = rankMeasure(rankBy);
  const found: { option: Suggestion; workload: Workload }[] = [];
  for (const alt of tables.accelerators.values()) {
    if (alt.id === current.gpu.id || !isSwappable(alt)) continue;
    const swap = swapGpu(w, current, alt);
    let result;
    try {
      result = ctx.estimate(swap.workload);
    } catch (err) {
      if (err instanceof EstimateError) continue;
      throw err;
    }
    const count = result.resolved.gpu?.count ?? current.count;
    const label = `${count} × ${alt.name} instead of ${current.gpu.name}`;
    const option = makeSuggestion(
      'hardware',
      label,
      { gpu: alt.id, durationHours: result.durationHours },
      result,
      baseKg,
      rankBy,
      swap.assumption,
    );
    if (option.kgCo2eSaved > 0) found.push({ option, workload: swap.workload });
  }
  found.sort(
    (a, b) =>
      measure(a.option.emissionsKgCo2e) - measure(b.option.emissionsKgCo2e) ||
      (a.option.label < b.option.label ? -1 : 1),
  );
  const kept = found.slice(0, top);
  const note =
    kept.length === 0
      ? `hardware: no accelerator with published throughput and power does the same work for less than ${current.gpu.name}.`
      : null;
  return { options: kept.map((f) => f.option), workloads: kept.map((f) => f.workload), note };
}
