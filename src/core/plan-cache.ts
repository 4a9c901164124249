// Plans shared by estimates of the same shape: a fleet, a billing export or a batch repeats a few
// instance types in a few places with different hours and utilisations. The key holds every input
// except those a plan reads per run (durationHours, cpu.utilization, gpu.utilization: their
// presence is in the key, their value is not). Workloads with an AI shape or a start time derive
// hours or hourly intensity from their numbers, so they are planned per run.
import type { Workload } from './schemas.ts';
import type { EstimatePlan } from './plan.ts';

/** Plans kept per cache; past it the cache starts afresh (a bound, not an LRU). */
export const MAX_PLANS = 4096;

/** Shapes kept under one location and instance type; past it the oldest goes. */
const MAX_PER_LEAF = 64;

/**
 * One planned shape under its location and instance type, compared part by part: a few string
 * comparisons cost less than building and hashing one joined key per estimate.
 */
interface Entry {
  readonly count: number | undefined;
  readonly gpu: string | undefined;
  readonly cpu: string | number | undefined;
  readonly rest: string;
  readonly plan: EstimatePlan;
}

/** A dictionary keyed by arbitrary text (no prototype, so no inherited key such as `constructor`). */
type Dictionary<T> = Record<string, T | undefined>;

function dictionary<T>(): Dictionary<T> {
  return Object.create(null) as Dictionary<T>;
}

/**
 * `planFor(w)`: the plan of `w` from `plan`, shared with earlier workloads of the same shape.
 * Contract: the same answer as `plan(w)` (test/core/plan-cache.test.ts holds it to a fresh plan).
 */
export class PlanCache {
  private byLocation: Dictionary<Dictionary<Entry[]>> = dictionary();
  private size = 0;

  constructor(private readonly plan: (w: Workload) => EstimatePlan) {}

  planFor(w: Workload): EstimatePlan {
    // The key's parts, in one pass over the fields the workload has (a for-in loop reads each value by its slot).
    let location: string | undefined;
    let instance: Workload['instance'];
    let gpu: string | undefined;
    let cpu: string | number | undefined;
    let rest = '';
    let hours = false;
    const fields = w as unknown as Fields;
    for (const name in fields) {
      const value = fields[name];
      if (value === undefined) continue;
      switch (name) {
        case 'location':
          location = value as string;
          break;
        case 'durationHours':
          // By presence: the hours are the run's.
          hours = true;
          break;
        case 'instance':
          instance = value as Workload['instance'];
          break;
        case 'gpu': {
          const key = partKey(value as Fields);
          if (key === null) return this.plan(w);
          gpu = key;
          break;
        }
        case 'cpu': {
          const key = cpuKey(value as Fields);
          if (key === null) return this.plan(w);
          cpu = key;
          break;
        }
        case 'storage':
        case 'functionalUnit': {
          const key = partKey(value as Fields);
          if (key === null) return this.plan(w);
          rest += `${SEP}${name}${key}`;
          break;
        }
        case 'memoryGb':
        case 'networkGb':
        case 'pue':
        case 'gridIntensity':
        case 'year':
        case 'renewableShare':
        case 'embodied':
          rest += `${SEP}${name}=${value as number | boolean}`;
          break;
        default:
          // ai and start (PER_RUN_FIELDS), or a field this key does not know: planned per run.
          return this.plan(w);
      }
    }
    if (!hours) rest += `${SEP}durationHours`;
    // No instance is keyed as the type SEP, which a cached type then must not be.
    const type = instance === undefined ? SEP : instance.type;
    if (location === undefined || (instance !== undefined && type === SEP)) return this.plan(w);
    return this.lookup(w, location, type, instance?.count, gpu, cpu, rest);
  }

  private lookup(
    w: Workload,
    location: string,
    type: string,
    count: number | undefined,
    gpu: string | undefined,
    cpu: string | number | undefined,
    rest: string,
  ): EstimatePlan {
    let byType = this.byLocation[location];
    if (byType === undefined) this.byLocation[location] = byType = dictionary();
    let leaf = byType[type];
    if (leaf === undefined) byType[type] = leaf = [];
    for (let k = 0; k < leaf.length; k++) {
      const e = leaf[k]!;
      if (e.count === count && e.gpu === gpu && e.cpu === cpu && e.rest === rest) return e.plan;
    }
    const planned = this.plan(w);
    if (this.size >= MAX_PLANS) {
      this.byLocation = dictionary();
      this.byLocation[location] = byType = dictionary();
      byType[type] = leaf = [];
      this.size = 0;
    }
    if (leaf.length >= MAX_PER_LEAF) leaf.shift();
    else this.size++;
    leaf.push({ count, gpu, cpu, rest, plan: planned });
    return planned;
  }
}

/** A workload, or one of its parts, as the fields it has. */
type Fields = Record<string, unknown>;

/**
 * Separates the parts of a key; a text holding it is not cached (it could forge another key). Each
 * part is SEP, the field's name and its value, so the parts of a key read back one way only (a
 * workload with the same fields in another order gets a key of its own: a second plan, not a wrong one).
 */
const SEP = '\u0001';

/**
 * The key part of a GPU, CPU, storage or functional unit: `name=value` of each field it has, the
 * utilisation by presence only (its value is the run's); null, not cached, when a text holds SEP
 * or a value is not a string, number or boolean (its text would not tell it apart).
 */
function partKey(part: Fields): string | null {
  let key = '';
  for (const name in part) {
    const value = part[name];
    if (value === undefined) continue;
    if (name === 'utilization') key += `${SEP}utilization`;
    else if (
      typeof value === 'string'
        ? value.includes(SEP)
        : typeof value !== 'number' && typeof value !== 'boolean'
    )
      return null;
    else key += `${SEP}${name}=${value as string | number | boolean}`;
  }
  return key;
}

/** The CPU's key part: the common case, a utilisation alone (or nothing), as a number (no text to build); else partKey's. */
function cpuKey(cpu: Fields): string | number | null {
  let key = 0;
  for (const name in cpu) {
    if (cpu[name] === undefined) continue;
    if (name !== 'utilization') return partKey(cpu);
    key = 1;
  }
  return key;
}

/** Fields of Workload the key covers (a test checks the list against the schema). */
export const KEYED_FIELDS = [
  'location',
  'durationHours',
  'instance',
  'gpu',
  'cpu',
  'memoryGb',
  'storage',
  'networkGb',
  'pue',
  'gridIntensity',
  'year',
  'renewableShare',
  'functionalUnit',
  'embodied',
] as const;

/** Fields that make a workload be planned per run. */
export const PER_RUN_FIELDS = ['ai', 'start'] as const;
