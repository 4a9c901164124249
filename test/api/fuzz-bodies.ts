// Hostile request bodies for the POST routes, as fast-check arbitraries. Bodies are written as JSON
// text from a small tree, so duplicate keys, `__proto__` keys and raw tokens (NaN, 1e999) survive.
// Each case says which statuses may answer and which field the refusal must name.
import { fc } from '@fast-check/vitest';

export class Raw {
  constructor(readonly text: string) {}
}
export class Obj {
  constructor(readonly entries: readonly (readonly [string, Json])[]) {}
}
export type Json = null | boolean | number | string | Raw | Obj | readonly Json[];
type Key = string | number;
type Path = readonly Key[];

/** A plain value as a tree. */
export function tree(value: unknown): Json {
  if (Array.isArray(value)) return value.map(tree);
  if (typeof value === 'object' && value !== null)
    return new Obj(Object.entries(value).map(([k, v]) => [k, tree(v)] as const));
  return value as Json;
}

/** JSON text of a tree; entries are written in order, duplicates included. */
export function write(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`write: ${value} is not JSON; use Raw`);
  return JSON.stringify(value);
}

/** `root` with the value at `path` replaced (the last entry of a repeated key), parents created. */
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [Key, ...Key[]];
  if (Array.isArray(root) && typeof head === 'number')
    return root.map((item, i) => (i === head ? setAt(item, rest, value) : item));
  const entries = root instanceof Obj ? root.entries : [];
  const last = entries.map(([k]) => k).lastIndexOf(String(head));
  if (last < 0) return new Obj([...entries, [String(head), setAt(new Obj([]), rest, value)]]);
  return new Obj(
    entries.map((entry, i) => (i === last ? [entry[0], setAt(entry[1], rest, value)] : entry)),
  );
}

function removeAt(root: Json, path: Path): Json {
  const parent = path.slice(0, -1);
  const key = String(path.at(-1));
  const obj = getAt(root, parent);
  return obj instanceof Obj
    ? setAt(root, parent, new Obj(obj.entries.filter(([k]) => k !== key)))
    : root;
}

function getAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) {
    if (Array.isArray(node)) node = node[Number(key)];
    else if (node instanceof Obj)
      node = [...node.entries].reverse().find(([k]) => k === String(key))?.[1];
    else return undefined;
  }
  return node;
}

/** Appends `key: value` to the object at `path`, after any entry of the same name. */
function addEntry(root: Json, path: Path, key: string, value: Json): Json {
  const obj = getAt(root, path);
  return setAt(root, path, new Obj([...(obj instanceof Obj ? obj.entries : []), [key, value]]));
}

// ---------------------------------------------------------------------------------------------
// What each field accepts (mirrors src/core/schemas.ts and decision-schemas.ts)

type Slot =
  | { kind: 'number'; min: number; max?: number; int?: boolean; exclusiveMin?: boolean }
  | {
      kind: 'string';
      max: number;
      min?: number;
      unknownIds?: readonly string[];
      pattern?: 'country';
    }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'datetime' }
  | { kind: 'object'; keys: readonly string[] }
  | {
      kind: 'array';
      max?: number;
      min?: number;
      item: Slot;
      oneOrMany?: boolean;
      anyItem?: boolean;
    };

export interface Field {
  path: Path;
  slot: Slot;
  required?: boolean;
}

const num = (
  min: number,
  max?: number,
  more: { int?: boolean; exclusiveMin?: boolean } = {},
): Slot => ({ kind: 'number', min, ...(max === undefined ? {} : { max }), ...more });
const pos = (max?: number): Slot => num(0, max, { exclusiveMin: true });
const str = (max: number, unknownIds?: readonly string[]): Slot => ({
  kind: 'string',
  min: 1,
  max,
  ...(unknownIds ? { unknownIds } : {}),
});
const obj = (...keys: string[]): Slot => ({ kind: 'object', keys });
const at = (prefix: Path, fields: readonly Field[]): Field[] =>
  fields.map((f) => ({ ...f, path: [...prefix, ...f.path] }));

const GPU_KEYS = ['model', 'count', 'utilization', 'maxPowerW', 'powerW'];
const CPU_KEYS = ['model', 'threads', 'utilization', 'tdpW', 'powerW'];
const WORKLOAD_KEYS = [
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
  'start',
  'ai',
];

const COMMON_FIELDS: Field[] = [
  { path: [], slot: obj(...WORKLOAD_KEYS) },
  {
    path: ['location'],
    slot: str(100, ['aws:mars-1', 'XX-NOWHERE', 'gcp:europe-west99']),
    required: true,
  },
  { path: ['durationHours'], slot: num(0, 100_000_000) },
  { path: ['memoryGb'], slot: num(0, 100_000_000) },
  { path: ['networkGb'], slot: num(0, 1e12) },
  { path: ['pue'], slot: num(1, 3) },
  { path: ['gridIntensity'], slot: num(0, 3_000) },
  { path: ['year'], slot: num(2000, 2100, { int: true }) },
  { path: ['renewableShare'], slot: num(0, 1) },
  { path: ['embodied'], slot: { kind: 'boolean' } },
  { path: ['start'], slot: { kind: 'datetime' } },
  { path: ['storage'], slot: obj('ssdTb', 'hddTb', 'replication') },
  { path: ['storage', 'ssdTb'], slot: num(0, 1_000_000) },
  { path: ['storage', 'hddTb'], slot: num(0, 1_000_000) },
  { path: ['storage', 'replication'], slot: num(1, 100) },
  { path: ['functionalUnit'], slot: obj('name', 'count') },
  { path: ['functionalUnit', 'name'], slot: str(100), required: true },
  { path: ['functionalUnit', 'count'], slot: pos(), required: true },
];

const GPU_FIELDS: Field[] = [
  { path: ['gpu'], slot: obj(...GPU_KEYS) },
  { path: ['gpu', 'model'], slot: str(200, ['H900', 'quantum-gpu-zz']), required: true },
  { path: ['gpu', 'count'], slot: num(1, 1_000_000, { int: true }) },
  { path: ['gpu', 'utilization'], slot: num(0, 1) },
  { path: ['gpu', 'maxPowerW'], slot: pos(10_000) },
  { path: ['gpu', 'powerW'], slot: num(0, 10_000) },
];

const CPU_FIELDS: Field[] = [
  { path: ['cpu'], slot: obj(...CPU_KEYS) },
  { path: ['cpu', 'model'], slot: str(200, ['Pentium 99 zz']) },
  { path: ['cpu', 'threads'], slot: pos(10_000_000) },
  { path: ['cpu', 'utilization'], slot: num(0, 1) },
  { path: ['cpu', 'tdpW'], slot: pos(5_000) },
  { path: ['cpu', 'powerW'], slot: num(0, 10_000_000) },
];

const INSTANCE_FIELDS: Field[] = [
  { path: ['instance'], slot: obj('type', 'count') },
  { path: ['instance', 'type'], slot: str(200, ['aws:zz.huge']), required: true },
  { path: ['instance', 'count'], slot: pos(1_000_000) },
];

const TRAINING_FIELDS: Field[] = [
  {
    path: ['ai'],
    slot: obj('task', 'parameters', 'tokens', 'activeParameters', 'mfu', 'precision'),
  },
  {
    path: ['ai', 'task'],
    slot: { kind: 'enum', values: ['training', 'inference'] },
    required: true,
  },
  { path: ['ai', 'parameters'], slot: pos(1e14), required: true },
  { path: ['ai', 'tokens'], slot: pos(1e17), required: true },
  { path: ['ai', 'mfu'], slot: pos(1) },
  {
    path: ['ai', 'precision'],
    slot: { kind: 'enum', values: ['bf16', 'fp16', 'fp8', 'tf32', 'fp32'] },
  },
];

const INFERENCE_FIELDS: Field[] = [
  {
    path: ['ai'],
    slot: obj(
      'task',
      'model',
      'parameters',
      'activeParameters',
      'inputTokens',
      'outputTokens',
      'requests',
      'batchSize',
    ),
  },
  {
    path: ['ai', 'task'],
    slot: { kind: 'enum', values: ['training', 'inference'] },
    required: true,
  },
  { path: ['ai', 'model'], slot: str(200, ['llama-99b-zz']) },
  { path: ['ai', 'requests'], slot: pos(1e15) },
  { path: ['ai', 'batchSize'], slot: pos(4096) },
  { path: ['ai', 'inputTokens'], slot: num(0, 1e18) },
];

export interface Base {
  name: string;
  body: unknown;
  fields: readonly Field[];
  /** `{ preset, ...overrides }`: null removes a field and a missing field comes from the preset. */
  preset: boolean;
}

/** Valid workloads of each shape, with the fields a mutation may aim at. */
export const WORKLOADS: readonly Base[] = [
  {
    name: 'GPU job',
    body: {
      location: 'aws:us-east-1',
      durationHours: 36,
      gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
      cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
      memoryGb: 2048,
      storage: { ssdTb: 30, replication: 2 },
      networkGb: 500,
      pue: 1.2,
      renewableShare: 0.3,
      functionalUnit: { name: 'request', count: 1_000_000 },
      embodied: true,
      start: '2024-03-01T20:00:00Z',
    },
    fields: [...COMMON_FIELDS, ...GPU_FIELDS, ...CPU_FIELDS],
    preset: false,
  },
  {
    name: 'instances',
    body: {
      location: 'aws:us-east-1',
      durationHours: 720,
      instance: { type: 'aws:m5.large', count: 3 },
      year: 2023,
      gridIntensity: 400,
    },
    fields: [...COMMON_FIELDS, ...INSTANCE_FIELDS],
    preset: false,
  },
  {
    name: 'AI training',
    body: {
      location: 'US',
      gpu: { model: 'A100 SXM4 80GB', count: 1024 },
      ai: { task: 'training', parameters: 7e9, tokens: 2e12, mfu: 0.4, precision: 'bf16' },
    },
    fields: [...COMMON_FIELDS, ...GPU_FIELDS, ...TRAINING_FIELDS],
    preset: false,
  },
  {
    name: 'AI inference',
    body: {
      location: 'gcp:europe-west4',
      gpu: { model: 'H100' },
      ai: {
        task: 'inference',
        model: 'llama-3.1-8b',
        requests: 1_000_000,
        batchSize: 64,
        inputTokens: 5e8,
      },
    },
    fields: [...COMMON_FIELDS, ...GPU_FIELDS, ...INFERENCE_FIELDS],
    preset: false,
  },
  {
    name: 'preset with overrides',
    body: {
      preset: 'llm-finetune-lora-8xh100',
      location: 'FR',
      gpu: { count: 4 },
      storage: { ssdTb: 2 },
    },
    fields: [
      { path: [], slot: obj('preset', ...WORKLOAD_KEYS) },
      { path: ['preset'], slot: str(100, ['no-such-preset']) },
      ...COMMON_FIELDS.slice(1),
      ...GPU_FIELDS,
    ],
    preset: true,
  },
];

const REGION_FILTER: Field[] = [
  { path: ['regions'], slot: obj('provider', 'country', 'continent', 'ids') },
  {
    path: ['regions', 'provider'],
    slot: {
      kind: 'array',
      max: 50,
      min: 1,
      oneOrMany: true,
      item: { kind: 'enum', values: ['aws', 'gcp', 'azure'] },
    },
  },
  {
    path: ['regions', 'country'],
    slot: {
      kind: 'array',
      max: 50,
      min: 1,
      oneOrMany: true,
      item: { kind: 'string', max: 2, min: 2, pattern: 'country' },
    },
  },
  {
    path: ['regions', 'ids'],
    slot: { kind: 'array', max: 500, min: 1, item: { kind: 'string', min: 1, max: 100 } },
  },
];

export interface Route {
  path: '/v1/estimate' | '/v1/compare' | '/v1/suggest' | '/v1/batch';
  bases: readonly Base[];
}

const wrapped = (
  name: 'compare' | 'suggest',
  build: (w: unknown) => unknown,
  fields: readonly Field[],
): Base[] =>
  WORKLOADS.map((w) => ({
    name: `${name}: ${w.name}`,
    body: build(w.body),
    fields: [...fields, ...at(['workload'], w.fields)],
    preset: w.preset,
  }));

export const ROUTES: readonly Route[] = [
  { path: '/v1/estimate', bases: WORKLOADS },
  {
    path: '/v1/compare',
    bases: wrapped(
      'compare',
      (workload) => ({
        workload,
        regions: { provider: 'aws', country: ['US', 'DE'] },
        top: 5,
        rankBy: 'location',
      }),
      [
        { path: [], slot: obj('workload', 'regions', 'hardware', 'baseline', 'top', 'rankBy') },
        { path: ['workload'], slot: obj(...WORKLOAD_KEYS, 'preset'), required: true },
        ...REGION_FILTER,
        {
          path: ['hardware'],
          slot: { kind: 'array', max: 20, min: 1, item: { kind: 'string', min: 1, max: 200 } },
        },
        { path: ['baseline'], slot: str(100, ['aws:mars-1']) },
        { path: ['top'], slot: num(1, 200, { int: true }) },
        { path: ['rankBy'], slot: { kind: 'enum', values: ['location', 'market'] } },
      ],
    ),
  },
  {
    path: '/v1/suggest',
    bases: wrapped(
      'suggest',
      (workload) => ({
        workload,
        regions: { provider: 'gcp' },
        flexibility: { delayHours: 24 },
        rankBy: 'market',
        top: 3,
        offsetPricePerTonne: 80,
      }),
      [
        {
          path: [],
          slot: obj('workload', 'regions', 'flexibility', 'rankBy', 'top', 'offsetPricePerTonne'),
        },
        { path: ['workload'], slot: obj(...WORKLOAD_KEYS, 'preset'), required: true },
        ...REGION_FILTER,
        { path: ['flexibility'], slot: obj('delayHours', 'deadline') },
        { path: ['flexibility', 'delayHours'], slot: num(0, 8760) },
        { path: ['top'], slot: num(1, 50, { int: true }) },
        { path: ['rankBy'], slot: { kind: 'enum', values: ['location', 'market'] } },
        { path: ['offsetPricePerTonne'], slot: pos() },
      ],
    ),
  },
  {
    path: '/v1/batch',
    bases: [
      {
        name: 'batch',
        body: { workloads: WORKLOADS.map((w) => w.body) },
        fields: [
          { path: [], slot: obj('workloads') },
          // Any item is read on its own (a bad one fails alone), so only the list itself can be wrong here.
          {
            path: ['workloads'],
            slot: { kind: 'array', item: { kind: 'object', keys: [] }, anyItem: true },
            required: true,
          },
        ],
        preset: false,
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Invalid values

const EVIL_KEYS = [
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupSetter__',
  'then',
  'length',
  '',
  ' ',
  'ǥpu',
  'gpu\u0000',
  'durationHour',
  'Location',
  '\u202egpu',
  '💥',
];
const NUMERIC_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '12',
  '0x10',
  '',
  ' ',
  '١٢',
  '1,5',
];
const SYNTAX_TOKENS = [
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  "'x'",
  '0x10',
  '01',
  '+1',
  '.5',
  '1.',
  '1e',
  '--1',
  'True',
  'nul',
];

/** Strings of every kind: empty, unicode, lone surrogates, control characters. */
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\ud800', '\udfff\ud800', '\u0000', 'e\u0301', '👩‍👩‍👧', '\u200b', 'ﷺ'),
);

/** Values of any JSON type but `not`: nested a little, sometimes an object with odd keys. */
function wrongType(
  not: 'number' | 'string' | 'boolean' | 'object' | 'array',
  allowNull: boolean,
): fc.Arbitrary<Json> {
  const options: fc.Arbitrary<Json>[] = [];
  if (not !== 'number')
    options.push(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
  if (not !== 'string')
    options.push(
      fc.constantFrom(...NUMERIC_STRINGS, 'true', 'null', '[]'),
      anyString.filter((s) => !/^[A-Za-z]{2}$/.test(s)),
    );
  if (not !== 'boolean') options.push(fc.boolean());
  if (not !== 'object')
    options.push(
      fc
        .dictionary(fc.oneof(anyString, fc.constantFrom(...EVIL_KEYS)), fc.integer(), {
          maxKeys: 3,
        })
        .map((d) => new Obj(Object.entries(d))),
    );
  if (not !== 'array') options.push(fc.array(fc.oneof(fc.integer(), anyString), { maxLength: 3 }));
  if (allowNull) options.push(fc.constant(null));
  return fc.oneof(...options);
}

function kindOf(slot: Slot): 'number' | 'string' | 'boolean' | 'object' | 'array' {
  if (slot.kind === 'enum' || slot.kind === 'datetime') return 'string';
  return slot.kind;
}

/** A value `slot` refuses (at schema level, or as an unknown id in core). */
function invalidValue(slot: Slot, allowNull: boolean): fc.Arbitrary<Json> {
  const wrong = wrongType(kindOf(slot), allowNull);
  switch (slot.kind) {
    case 'number': {
      const below = slot.exclusiveMin
        ? fc.double({ max: slot.min, noNaN: true, noDefaultInfinity: true })
        : fc
            .double({ max: slot.min, noNaN: true, noDefaultInfinity: true })
            .filter((x) => x < slot.min);
      const above =
        slot.max === undefined
          ? fc.constant(new Raw('1e999'))
          : fc.oneof(
              fc.double({ min: slot.max, minExcluded: true, noNaN: true, noDefaultInfinity: true }),
              fc.constantFrom(new Raw('1e999'), 1e308),
            );
      const options = [wrong, below, above, fc.constantFrom(new Raw('-1e999'), -Number.MIN_VALUE)];
      if (slot.int)
        options.push(
          fc
            .double({ min: slot.min, max: slot.max ?? 1e9, noNaN: true })
            .filter((x) => !Number.isInteger(x)),
        );
      return fc.oneof(...options);
    }
    case 'string': {
      const tooLong = fc.oneof(
        fc.string({ minLength: slot.max + 1, maxLength: slot.max + 40 }),
        fc.string({ unit: 'binary', minLength: slot.max + 1, maxLength: slot.max + 40 }),
        fc.constantFrom('x'.repeat(100_000), '💥'.repeat(50_000)),
      );
      const options: fc.Arbitrary<Json>[] = [wrong, tooLong];
      if ((slot.min ?? 0) > 0) options.push(fc.constant(''));
      if (slot.unknownIds) options.push(fc.constantFrom(...slot.unknownIds));
      if (slot.pattern === 'country')
        options.push(fc.constantFrom('D', 'DEU', '12', 'D1', 'ΔΕ', ''));
      return fc.oneof(...options);
    }
    case 'enum':
      return fc.oneof(
        wrong,
        anyString.filter((s) => !slot.values.includes(s)),
        fc.constantFrom(
          ...slot.values.map((v) => v.toUpperCase()),
          ...slot.values.map((v) => ` ${v}`),
        ),
      );
    case 'boolean':
      return fc.oneof(wrong, fc.constantFrom('true', 'false', 0, 1));
    case 'datetime':
      return fc.oneof(
        wrong,
        fc.constantFrom(
          'yesterday',
          '2024-13-01T00:00:00Z',
          '2024-02-30T12:00:00Z',
          '2024-01-01T25:00:00Z',
          '2024-01-01T00:00:00',
          '2024-01-01T00:00:00+25:00',
          '2024-01-01',
          'x'.repeat(41),
          '٢٠٢٤-٠١-٠١T00:00:00Z',
        ),
      );
    case 'object':
      return wrong;
    case 'array': {
      if (slot.anyItem) return wrong;
      const options: fc.Arbitrary<Json>[] = [
        fc
          .tuple(fc.nat(3), invalidValue(slot.item, true))
          .map(([i, bad]) => [...Array<Json>(i).fill(validItem(slot.item)), bad]),
      ];
      if (slot.max !== undefined)
        options.push(
          fc.integer({ min: slot.max + 1, max: slot.max + 5 }).map((n) => Array<Json>(n).fill(1)),
        );
      // One-or-many fields read a single value as a list of one: only non-lists of the wrong kind fail.
      options.push(slot.oneOrMany ? invalidValue(slot.item, true) : wrong);
      if ((slot.min ?? 0) > 0) options.push(fc.constant([]));
      return fc.oneof(...options);
    }
  }
}

function validItem(slot: Slot): Json {
  if (slot.kind === 'enum') return slot.values[0]!;
  if (slot.kind === 'string') return slot.pattern === 'country' ? 'DE' : 'aws:us-east-1';
  return new Obj([]);
}

/** JSON text nested `depth` levels, arrays, objects or both (written flat: no recursion). */
function nested(depth: number, style: number): Raw {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    const array = (style + i) % 3 === 0;
    open.push(array ? '[' : '{"a":');
    close.push(array ? ']' : '}');
  }
  return new Raw(open.join('') + (style % 2 === 0 ? '1' : '"deep"') + close.reverse().join(''));
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface Case {
  label: string;
  contentType: string | undefined;
  body: string;
  /** Statuses that may answer. */
  statuses: readonly number[];
  /** Dotted paths, one of which an error must name (or lie under, or above); null: no check. */
  paths: readonly string[] | null;
}

const dotted = (path: Path) => path.join('.');
const JSON_TYPE = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/problem+json',
);

interface Mutation {
  label: string;
  apply(root: Json): Json;
  path: string;
  /** Keys in the path: deeper mutations go first, so one that replaces a parent wins. */
  depth: number;
}

/** The body with every mutation applied, deepest first. */
function applyAll(body: unknown, mutations: readonly Mutation[]): Json {
  return [...mutations]
    .sort((a, b) => b.depth - a.depth)
    .reduce((root, m) => m.apply(root), tree(body));
}

function fieldMutation(base: Base): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = base.fields.map((field) =>
    invalidValue(field.slot, !base.preset).map((value) => ({
      label: `invalid ${dotted(field.path) || '(body)'}`,
      apply: (root: Json) => setAt(root, field.path, value),
      path: dotted(field.path),
      depth: field.path.length,
    })),
  );
  const required = base.preset
    ? []
    : base.fields.filter((f) => f.required && getAt(tree(base.body), f.path) !== undefined);
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((field) => ({
        label: `missing ${dotted(field.path)}`,
        apply: (root: Json) => removeAt(root, field.path),
        path: dotted(field.path),
        depth: field.path.length,
      })),
    );
  }
  const objects = base.fields.filter(
    (f) => f.slot.kind === 'object' && (f.slot.keys.length > 0 || f.path.length === 0),
  );
  const unknownKey = fc.oneof(
    fc.constantFrom(...EVIL_KEYS),
    anyString,
    fc.constantFrom('k'.repeat(10_000), 'ключ'.repeat(2_000)),
  );
  options.push(
    // In a preset's overrides null removes a field, so it is no unknown value there.
    fc
      .tuple(
        fc.constantFrom(...objects),
        unknownKey,
        base.preset
          ? fc.oneof(fc.integer(), anyString)
          : fc.oneof(fc.integer(), anyString, fc.constant(null)),
      )
      .filter(
        ([field, key]) =>
          field.slot.kind === 'object' && !field.slot.keys.includes(key) && key !== 'preset',
      )
      .map(([field, key, value]) => ({
        label: `unknown key ${JSON.stringify(key.slice(0, 20))} in ${dotted(field.path) || '(body)'}`,
        apply: (root: Json) => addEntry(root, field.path, key, value),
        path: dotted([...field.path, key]),
        depth: field.path.length + 1,
      })),
  );
  // Duplicate keys: JSON.parse keeps the last one, so the invalid value goes last.
  const leaves = base.fields.filter((f) => f.path.length > 0 && f.slot.kind !== 'object');
  options.push(
    fc.constantFrom(...leaves).chain((field) =>
      invalidValue(field.slot, !base.preset).map((value) => ({
        label: `duplicate ${dotted(field.path)}, invalid last`,
        apply: (root: Json) =>
          addEntry(root, field.path.slice(0, -1), String(field.path.at(-1)), value),
        path: dotted(field.path),
        depth: field.path.length,
      })),
    ),
  );
  return fc.oneof(...options);
}

const objectPaths = (base: Base) =>
  base.fields.filter((f) => f.slot.kind === 'object').map((f) => f.path);

/** Hostile bodies for one route: mutations of valid bodies, broken JSON, wrong types and sizes. */
export function hostileCase(
  route: Route,
  limits: { bodyBytes: number; oversized: boolean },
): fc.Arbitrary<Case> {
  const base = fc.constantFrom(...route.bases);
  const json = (
    label: string,
    body: string,
    statuses: readonly number[],
    paths: readonly string[] | null,
  ) => JSON_TYPE.map((contentType): Case => ({ label, contentType, body, statuses, paths }));

  const mutated = base.chain((b) =>
    fc.array(fieldMutation(b), { minLength: 1, maxLength: 3 }).chain((mutations) => {
      const body = write(applyAll(b.body, mutations));
      const bytes = Buffer.byteLength(body);
      return json(
        `${b.name}: ${mutations.map((m) => m.label).join('; ')}`,
        body,
        bytes > limits.bodyBytes ? [413] : [422],
        bytes > limits.bodyBytes ? [''] : mutations.map((m) => m.path),
      );
    }),
  );

  const protoKey = base.chain((b) =>
    fc
      .tuple(
        fc.constantFrom(...objectPaths(b)),
        fc.oneof(fc.integer(), fc.constant(new Obj([['polluted', true]]))),
      )
      .chain(([path, value]) =>
        json(
          `${b.name}: __proto__ in ${dotted(path) || '(body)'}`,
          write(addEntry(tree(b.body), path, '__proto__', value)),
          [422],
          [dotted([...path, '__proto__'])],
        ),
      ),
  );

  const deep = base.chain((b) =>
    fc
      .tuple(fc.constantFrom(...objectPaths(b)), fc.integer({ min: 33, max: 20_000 }), fc.nat(5))
      .chain(([path, depth, style]) =>
        json(
          `${b.name}: ${depth} levels under ${dotted(path) || '(body)'}`,
          write(addEntry(tree(b.body), path, 'deep', nested(depth, style))),
          [422],
          [dotted([...path, 'deep'])],
        ),
      ),
  );

  const truncated = base.chain((b) => {
    const text = JSON.stringify(b.body);
    return fc
      .nat(text.length - 1)
      .chain((cut) => json(`${b.name}: cut at ${cut}`, text.slice(0, cut), [400], ['']));
  });

  const badToken = base.chain((b) => {
    const numbers = b.fields.filter((f) => f.slot.kind === 'number').map((f) => f.path);
    return fc
      .tuple(
        fc.constantFrom(...(numbers.length > 0 ? numbers : [['x']])),
        fc.constantFrom(...SYNTAX_TOKENS),
      )
      .chain(([path, token]) =>
        json(
          `${b.name}: ${dotted(path)} = ${token}`,
          write(setAt(tree(b.body), path, new Raw(token))),
          [400],
          [''],
        ),
      );
  });

  const brokenText = fc
    .oneof(
      fc.constantFrom(
        '',
        ' ',
        '\n\t',
        '{',
        '}',
        '{"location":',
        '{"a":1,}',
        '{"a":1}//',
        '/* */{}',
        '{a:1}',
        "{'a':1}",
        '\ufeff{}',
        '[',
        '"',
        '{"a":"\\x"}',
        '{"a":"\u0001"}',
        '\u0000',
      ),
      anyString.filter((s) => !isJson(s)),
      // Reading the body as UTF-8 drops a leading BOM: BOM + JSON is JSON, refused as a value (422).
    )
    .chain((text) =>
      json(`not JSON: ${JSON.stringify(text.slice(0, 30))}`, text, [400, 422], null),
    );

  const notObject = fc
    .oneof(
      fc.constantFrom<Json>(null, true, 0, -1, 'text', [], [1, 2]),
      fc.array(
        base.map((b) => tree(b.body)),
        { minLength: 1, maxLength: 3 },
      ),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    .chain((value) => json(`top level ${write(value).slice(0, 30)}`, write(value), [422], ['']));

  const wrongMediaType = fc
    .tuple(
      base,
      fc.constantFrom(
        undefined,
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/jsonx',
        'application/json-seq',
        'json',
        'application/',
        '*/*',
        'application/javascript',
        'text/json',
      ),
    )
    .map(([b, contentType]): Case => ({
      label: `${b.name} as ${contentType}`,
      contentType,
      body: JSON.stringify(b.body),
      statuses: [415],
      paths: [''],
    }));

  const oversized = base.chain((b) =>
    json(`${b.name}: over ${limits.bodyBytes} bytes`, paddedBody(b, limits.bodyBytes), [413], ['']),
  );

  return fc.oneof(
    { arbitrary: mutated, weight: 40 },
    { arbitrary: protoKey, weight: 4 },
    { arbitrary: deep, weight: 3 },
    { arbitrary: truncated, weight: 6 },
    { arbitrary: badToken, weight: 4 },
    { arbitrary: brokenText, weight: 6 },
    { arbitrary: notObject, weight: 4 },
    { arbitrary: wrongMediaType, weight: 6 },
    ...(limits.oversized ? [{ arbitrary: oversized, weight: 1 }] : []),
  );
}

const padded = new Map<string, string>();

/** A base body with a field of padding that takes it just past `bytes` (built once per base). */
function paddedBody(base: Base, bytes: number): string {
  const key = `${base.name}:${bytes}`;
  let body = padded.get(key);
  if (body === undefined) {
    body = write(addEntry(tree(base.body), [], 'padding', 'x'.repeat(bytes)));
    padded.set(key, body);
  }
  return body;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Batch: bad items fail alone; CSV bodies

export interface ItemsCase {
  label: string;
  body: string;
  /** For each item: null when valid, else the paths its error must name. */
  items: readonly (readonly string[] | null)[];
}

/** A batch of valid and mutated workloads: 200, each mutated item failing alone with a 4xx problem. */
export const batchItems: fc.Arbitrary<ItemsCase> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORKLOADS).map((w) => ({ label: 'ok', value: tree(w.body), paths: null })),
      fc.constantFrom(...WORKLOADS).chain((w) =>
        fc.array(fieldMutation(w), { minLength: 1, maxLength: 2 }).map((ms) => ({
          label: ms.map((m) => m.label).join('; '),
          value: applyAll(w.body, ms),
          paths: ms.map((m) => m.path),
        })),
      ),
      fc
        .oneof(fc.constantFrom<Json>(null, 1, 'x', true, []), wrongType('object', true))
        .map((value) => ({ label: `item ${write(value).slice(0, 20)}`, value, paths: [''] })),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .filter((items) => Buffer.byteLength(write(items.map((i) => i.value))) < 1_000_000)
  .map((items) => ({
    label: items.map((i) => i.label).join(' | '),
    body: write(new Obj([['workloads', items.map((i) => i.value)]])),
    items: items.map((i) => i.paths),
  }));

const CSV_COLUMNS = [
  'location',
  'durationHours',
  'instance',
  'instanceCount',
  'gpu',
  'gpuCount',
  'gpuUtilization',
  'cpu',
  'cpuThreads',
  'memoryGb',
  'pue',
  'year',
  'renewableShare',
  'embodied',
  'preset',
  'functionalUnit',
  'functionalUnitCount',
];
const csvCell = fc.oneof(
  fc.constantFrom(
    '',
    'DE',
    'aws:us-east-1',
    'H100',
    '8',
    '-1',
    '1e999',
    'NaN',
    'Infinity',
    'true',
    'yes',
    '0.5',
    '1,5',
    '"a""b"',
    '"unterminated',
    '=cmd()',
    '__proto__',
  ),
  anyString,
);
const csvHeader = fc.oneof(
  {
    arbitrary: fc.uniqueArray(fc.constantFrom(...CSV_COLUMNS), { minLength: 1, maxLength: 8 }),
    weight: 4,
  },
  {
    arbitrary: fc.array(
      fc.oneof(fc.constantFrom(...CSV_COLUMNS, ...EVIL_KEYS, '__proto__'), anyString),
      { minLength: 1, maxLength: 6 },
    ),
    weight: 2,
  },
);

/** CSV bodies: known and unknown columns, hostile cells, broken quoting, odd row lengths. */
export const csvBody: fc.Arbitrary<{ label: string; body: string }> = fc
  .tuple(
    csvHeader,
    fc.array(fc.array(csvCell, { maxLength: 10 }), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([header, rows, eol, bom]) => {
    const line = (cells: readonly string[]) =>
      cells
        .map((c) => (/[",\r\n]/.test(c) && !c.startsWith('"') ? `"${c.replace(/"/g, '""')}"` : c))
        .join(',');
    const body = (bom ? '\ufeff' : '') + [header, ...rows].map(line).join(eol);
    return { label: `csv ${JSON.stringify(body.slice(0, 60))}`, body };
  });
