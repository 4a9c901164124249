// Plans shared by estimates of the same shape: a fleet, a billing export or a batch repeats a few
// instance types in a few places with different hours and utilisations. The key holds every input
// except those a plan reads per run (durationHours, cpu.utilization, gpu.utilization: their
// presence is in the key, their value is not). Workloads with an AI shape or a start time derive
// hours or hourly intensity from their numbers, so they are planned per run.
import type { Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import type { EstimatePlan } from './plan.ts';
import { planEstimate } from './plan.ts';

/** Plans kept per tables object; past it the cache starts afresh (a bound, not an LRU). */
export const MAX_PLANS = 4096;

/**
 * Two levels of dictionaries (location, then instance type) and, under them, a short list of the
 * shapes seen there, compared part by part: looking up two strings and a few `===` cost less than
 * building and hashing a joined key, which cost more than the arithmetic. The dictionaries are
 * null-prototype objects, not Maps: a string property key is looked up through V8's table of
 * internalized strings and then compared by identity, where a Map compares the text of each key
 * (two Map.get calls were ~60 ns of a ~320 ns estimate, two property reads ~40 ns).
 */
interface Entry {
  readonly count: number | undefined;
  readonly gpu: string | undefined;
  readonly cpu: string | number | undefined;
  readonly rest: string;
  readonly plan: EstimatePlan;
}

/** Shapes kept under one location and instance type; past it the oldest goes. */
const MAX_PER_LEAF = 64;

/** A dictionary keyed by arbitrary text (no prototype, so no inherited key such as `constructor`). */
type Dictionary<T> = Record<string, T | undefined>;

function dictionary<T>(): Dictionary<T> {
  return Object.create(null) as Dictionary<T>;
}

interface Cache {
  readonly tables: Tables;
  byLocation: Dictionary<Dictionary<Entry[]>>;
  size: number;
}

const caches = new WeakMap<Tables, Cache>();
/** The last cache used: one deployment has one tables object, so the WeakMap is rarely asked. */
let last: Cache | undefined;

function cacheOf(tables: Tables): Cache {
  if (last?.tables === tables) return last;
  let cache = caches.get(tables);
  if (!cache) caches.set(tables, (cache = { tables, byLocation: dictionary(), size: 0 }));
  return (last = cache);
}

/** The plan of `w`: shared when its shape was planned before over the same tables. */
export function planFor(w: Workload, tables: Tables): EstimatePlan {
  if (w.ai !== undefined || w.start !== undefined) return planEstimate(w, tables);
  const g = w.gpu;
  const c = w.cpu;
  const gpu = g === undefined ? undefined : gpuKey(g);
  const cpu = c === undefined ? undefined : cpuKey(c);
  const rest = restKey(w);
  const instance = w.instance;
  // No instance is keyed as the type SEP, which a cached type then must not be.
  const type = instance === undefined ? SEP : instance.type;
  if (gpu === null || cpu === null || rest === null || (instance !== undefined && type === SEP)) return planEstimate(w, tables);
  const cache = cacheOf(tables);
  let byType = cache.byLocation[w.location];
  if (byType === undefined) cache.byLocation[w.location] = byType = dictionary();
  let leaf = byType[type];
  if (leaf === undefined) byType[type] = leaf = [];
  const count = instance?.count;
  for (let k = 0; k < leaf.length; k++) {
    const e = leaf[k]!;
    if (e.count === count && e.gpu === gpu && e.cpu === cpu && e.rest === rest) return e.plan;
  }
  const plan = planEstimate(w, tables);
  if (cache.size >= MAX_PLANS) {
    cache.byLocation = dictionary();
    cache.byLocation[w.location] = byType = dictionary();
    byType[type] = leaf = [];
    cache.size = 0;
  }
  if (leaf.length >= MAX_PER_LEAF) leaf.shift();
  else cache.size++;
  leaf.push({ count, gpu, cpu, rest, plan });
  return plan;
}

/** Separates the fields joined into one key part; a text holding it is not cached (it could forge another key). */
const SEP = '\u0001';

/** The GPU's key part (utilisation by presence only), or null when its text holds SEP. */
function gpuKey(g: NonNullable<Workload['gpu']>): string | null {
  if (g.model.includes(SEP)) return null;
  return `${g.model}${SEP}${g.count ?? ''}${SEP}${g.utilization === undefined ? '' : 'u'}${SEP}${g.maxPowerW ?? ''}${SEP}${g.powerW ?? ''}`;
}

/** The CPU's key part (utilisation by presence only), or null when its text holds SEP. */
function cpuKey(c: NonNullable<Workload['cpu']>): string | number | null {
  // The common case, a utilisation alone (or nothing), keys by a number: no string to build.
  if (c.model === undefined && c.threads === undefined && c.tdpW === undefined && c.powerW === undefined) return c.utilization === undefined ? 0 : 1;
  if (c.model?.includes(SEP)) return null;
  return `${c.model ?? ''}${SEP}${c.threads ?? ''}${SEP}${c.utilization === undefined ? '' : 'u'}${SEP}${c.tdpW ?? ''}${SEP}${c.powerW ?? ''}`;
}

/** The other fields and whether durationHours is given, joined ('' when none is given and it
 * is, the common case); null when a text holds SEP. */
function restKey(w: Workload): string | null {
  const { storage: s, functionalUnit: f } = w;
  if (f?.name.includes(SEP)) return null;
  let key = w.durationHours === undefined ? `${SEP}D` : '';
  if (w.memoryGb !== undefined) key += `${SEP}m${w.memoryGb}`;
  if (s) key += `${SEP}s${s.ssdTb ?? ''}${SEP}${s.hddTb ?? ''}${SEP}${s.replication ?? ''}`;
  if (w.networkGb !== undefined) key += `${SEP}n${w.networkGb}`;
  if (w.pue !== undefined) key += `${SEP}p${w.pue}`;
  if (w.gridIntensity !== undefined) key += `${SEP}G${w.gridIntensity}`;
  if (w.year !== undefined) key += `${SEP}y${w.year}`;
  if (w.renewableShare !== undefined) key += `${SEP}r${w.renewableShare}`;
  if (f) key += `${SEP}f${f.name}${SEP}${f.count}`;
  if (w.embodied !== undefined) key += `${SEP}e${w.embodied}`;
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
