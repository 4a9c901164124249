// Resolves GPU, CPU and instance names to table rows, case-insensitively via aliases.
import type { Accelerator, Cpu, Instance, Tables } from './tables.ts';
import { EstimateError } from './errors.ts';
import { closestIds, closestPhrase } from './closest.ts';
import { normalizeName } from './names.ts';

type Path = readonly (string | number)[];

/** The accelerator named `model` (id, name or alias), or `unknown_gpu` with close ids. */
export function resolveGpu(model: string, tables: Tables, path: Path): Accelerator {
  const id = tables.accelerators.has(model)
    ? model
    : tables.acceleratorAliases.get(normalizeName(model));
  const gpu = id === undefined ? undefined : tables.accelerators.get(id);
  if (gpu) return gpu;
  const close = closestIds(model, tables.acceleratorAliases);
  throw new EstimateError(
    'unknown_gpu',
    path,
    `'${model}' is not a GPU or accelerator in the catalogue${closestPhrase(close, (id) => tables.accelerators.get(id)?.name ?? id)}`,
    close,
  );
}

/** The CPU named `model` (id, name or alias), or `unknown_cpu` with close ids. */
export function resolveCpu(model: string, tables: Tables, path: Path): Cpu {
  const id = tables.cpus.has(model) ? model : tables.cpuAliases.get(normalizeName(model));
  const cpu = id === undefined ? undefined : tables.cpus.get(id);
  if (cpu) return cpu;
  const close = closestIds(model, tables.cpuAliases);
  throw new EstimateError(
    'unknown_cpu',
    path,
    `'${model}' is not a CPU in the catalogue${closestPhrase(close, (id) => tables.cpus.get(id)?.name ?? id)}; or give its TDP in watts (cpu.tdpW) instead of the model`,
    close,
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
  // The type alone too, so `p5.48xl` finds its family as `aws:p5.48xl` does.
  const keys: [string, string][] = [];
  for (const i of tables.instances.values()) keys.push([i.id, i.id], [i.type, i.id]);
  const close = closestIds(type, keys);
  throw new EstimateError(
    'unknown_instance',
    path,
    `'${type}' is not an instance type in the catalogue (written provider:type, like aws:p5.48xlarge)${closestPhrase(close, (id) => id)}`,
    close,
  );
}
