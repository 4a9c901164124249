// Resolves GPU, CPU and instance names to table rows, case-insensitively via aliases.
import type { Accelerator, Cpu, Instance, Tables } from './tables.ts';
import { EstimateError } from './errors.ts';
import { closestIds } from './closest.ts';
import { normalizeName } from './names.ts';

type Path = readonly (string | number)[];

/** The accelerator named `model` (id, name or alias), or `unknown_gpu` with close ids. */
export function resolveGpu(model: string, tables: Tables, path: Path): Accelerator {
  const id = tables.accelerators.has(model)
    ? model
    : tables.acceleratorAliases.get(normalizeName(model));
  const gpu = id === undefined ? undefined : tables.accelerators.get(id);
  if (gpu) return gpu;
  throw new EstimateError(
    'unknown_gpu',
    path,
    `unknown GPU/accelerator '${model}': expected an id or name from /v1/hardware?kind=gpus`,
    closestIds(model, tables.acceleratorAliases),
  );
}

/** The CPU named `model` (id, name or alias), or `unknown_cpu` with close ids. */
export function resolveCpu(model: string, tables: Tables, path: Path): Cpu {
  const id = tables.cpus.has(model) ? model : tables.cpuAliases.get(normalizeName(model));
  const cpu = id === undefined ? undefined : tables.cpus.get(id);
  if (cpu) return cpu;
  throw new EstimateError(
    'unknown_cpu',
    path,
    `unknown CPU '${model}': expected an id or name from /v1/hardware?kind=cpus, or give cpu.tdpW`,
    closestIds(model, tables.cpuAliases),
  );
}

/** The instance `provider:type` (or a bare type that only one provider has), or `unknown_instance`. */
export function resolveInstance(type: string, tables: Tables, path: Path): Instance {
  const key = type.trim().toLowerCase();
  const direct = tables.instances.get(key);
  if (direct) return direct;
  if (!key.includes(':')) {
    const matches = [...tables.instances.values()].filter((i) => i.type.toLowerCase() === key);
    if (matches.length === 1) return matches[0]!;
  }
  const keys: [string, string][] = [];
  for (const i of tables.instances.values()) keys.push([i.id, i.id]);
  throw new EstimateError(
    'unknown_instance',
    path,
    `unknown instance type '${type}': expected 'provider:type' like 'aws:p5.48xlarge' from /v1/hardware?kind=instances`,
    closestIds(type, keys),
  );
}
