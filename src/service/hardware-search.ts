// Hardware catalogue search: GPUs/accelerators, CPUs (thousands of rows, so paged) and instances.
import type { Accelerator, Cpu, Instance, Tables } from '../core/tables.ts';
import { searchByName } from './text-match.ts';

export const HARDWARE_KINDS = ['gpus', 'cpus', 'instances'] as const;
export type HardwareKind = (typeof HARDWARE_KINDS)[number];

export interface HardwareQuery {
  kind?: HardwareKind | undefined;
  q?: string | undefined;
  /** Instances only: `aws`, `gcp`, `azure`. */
  provider?: string | undefined;
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  /** Rows in this page. */
  count: number;
  /** Rows matching before paging. */
  total: number;
}

export interface HardwareResult {
  gpus?: Page<Accelerator>;
  cpus?: Page<Cpu>;
  instances?: Page<Instance>;
}

/** Matching rows of each kind asked (all kinds when `kind` is absent), best match first. */
export function searchHardware(tables: Tables, query: HardwareQuery): HardwareResult {
  const wants = (kind: HardwareKind) => query.kind === undefined || query.kind === kind;
  const result: HardwareResult = {};
  if (wants('gpus')) {
    const rows = searchByName(tables.accelerators.values(), query.q, (g) => [
      g.id,
      g.name,
      ...g.aliases,
    ]);
    result.gpus = paginate(rows, query);
  }
  if (wants('cpus')) {
    const rows = searchByName(tables.cpus.values(), query.q, (c) => [c.id, c.name, ...c.aliases]);
    result.cpus = paginate(rows, query);
  }
  if (wants('instances')) {
    const provider = query.provider?.toLowerCase();
    const inProvider = [...tables.instances.values()].filter(
      (i) => provider === undefined || i.provider === provider,
    );
    const rows = searchByName(inProvider, query.q, (i) => [
      i.id,
      i.type,
      i.cpuName ?? '',
      i.gpu ?? '',
    ]);
    result.instances = paginate(rows, query);
  }
  return result;
}

function paginate<T>(
  rows: readonly T[],
  { limit, offset }: { limit: number; offset: number },
): Page<T> {
  const items = rows.slice(offset, offset + limit);
  return { items, count: items.length, total: rows.length };
}
