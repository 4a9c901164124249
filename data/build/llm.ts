// LLM inference references: the model table (every text LLM that ML.ENERGY v1–v3 measured, plus
// EcoLogits' model list, which gives parameter counts for closed models) and ML.ENERGY's GPU energy,
// throughput and power per configuration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeName, slugify } from '../../src/core/names.ts';
import {
  type Accelerator,
  LlmMeasurement,
  LlmModel,
  type WeightPrecision,
} from '../../src/core/tables.ts';
import { AliasIndex } from './aliases.ts';
import {
  cell,
  type CsvRow,
  num,
  type Origin,
  RAW_DIR,
  readCsv,
  reqNum,
  round,
  rowError,
  validateRow,
} from './csv.ts';
import { SOURCES } from './sources.ts';
import {
  RENAMED_REPOS,
  SHORT_FORM_DROP_WORDS,
  SHORT_FORM_PREFERENCES,
  WEIGHTS_DROP_WORDS,
} from './llm-names.ts';

export const LLM_FILES = {
  v3: 'llm-inference/mlenergy_v3_llm.csv',
  v2: 'llm-inference/mlenergy_v2_2024_llm_A100_H100.csv',
  v1: 'llm-inference/mlenergy_v1_2023_legacy_A100_A40_V100.csv',
  ecoModels: 'llm-inference/ecologits/ecologits_models.csv',
  ecoAliases: 'llm-inference/ecologits/ecologits_model_aliases.csv',
  ecoParams: 'llm-inference/ecologits/ecologits_llm_inference_parameters.json',
} as const;

/** Text-generation tasks kept per benchmark round (all of them today; a new task must be added here). */
const TEXT_TASKS: Readonly<Record<string, readonly string[]>> = {
  'ml-energy-v3': ['gpqa', 'lm-arena-chat', 'sourcegraph-fim'],
  'ml-energy-v2': ['chat', 'code'],
};

/** Reads a JSON file of data/raw; the returned `at` names it in errors. */
export function readJson(relPath: string): { value: unknown; at: Origin } {
  const file = `data/raw/${relPath}`;
  return {
    value: JSON.parse(readFileSync(join(RAW_DIR, relPath), 'utf8')) as unknown,
    at: { file, line: 1 },
  };
}

/** A number at a dotted path of a parsed JSON value; throws naming the file and path when absent. */
export function jsonNumber(json: { value: unknown; at: Origin }, path: string): number {
  let v: unknown = json.value;
  for (const key of path.split('.'))
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw rowError(json.at, `"${path}" is not a number`);
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Models

interface Params {
  total: number;
  active: number;
  estimated: boolean;
  source: string;
  /** Precedence of the figure: 0 ML.ENERGY v3 columns, 1 EcoLogits, 2 the `NNb` token of the name. */
  rank: 0 | 1 | 2;
}

interface ModelDraft {
  id: string;
  name: string;
  /** Names that must resolve to this model only: HF ids, names without org, nickname, EcoLogits aliases. */
  spellings: Set<string>;
  params: Params | null;
  /** Set when ML.ENERGY measured the model (its nickname is the display name). */
  measuredBy: Set<string>;
  /** Weight precision ML.ENERGY v3 served the model at, when it did. */
  precision: WeightPrecision | null;
  at: Origin;
}

const withoutOrg = (hfId: string) => hfId.slice(hfId.lastIndexOf('/') + 1);
const canonicalRepo = (hfId: string) => RENAMED_REPOS[hfId] ?? hfId;
/** `meta-llama/Llama-3.1-8B-Instruct` -> `llama-3-1-8b-instruct`. */
export const modelIdOf = (hfId: string) => slugify(withoutOrg(canonicalRepo(hfId)));

class Models {
  readonly drafts = new Map<string, ModelDraft>();

  get(hfId: string, at: Origin): ModelDraft {
    const id = modelIdOf(hfId);
    let d = this.drafts.get(id);
    if (!d) {
      d = {
        id,
        name: withoutOrg(canonicalRepo(hfId)),
        spellings: new Set(),
        params: null,
        measuredBy: new Set(),
        precision: null,
        at,
      };
      this.drafts.set(id, d);
    }
    for (const s of [hfId, withoutOrg(hfId), canonicalRepo(hfId), withoutOrg(canonicalRepo(hfId))])
      d.spellings.add(s);
    return d;
  }

  /** Sets the parameter counts unless a higher-precedence source gave them; equal-rank sources must agree. */
  setParams(d: ModelDraft, p: Params, at: Origin): void {
    const prev = d.params;
    if (prev && prev.rank < p.rank) return;
    if (
      prev &&
      prev.rank === p.rank &&
      (prev.total !== p.total || prev.active !== p.active || prev.estimated !== p.estimated)
    ) {
      throw rowError(
        at,
        `parameters of "${d.id}" (${p.total}B/${p.active}B) differ from an earlier ${prev.source} row (${prev.total}B/${prev.active}B)`,
      );
    }
    d.params = p;
  }
}

/** ML.ENERGY v3 `weight_precision` as a WeightPrecision. */
function v3Precision(row: CsvRow): WeightPrecision {
  const v = cell(row, 'weight_precision');
  const p = ({ bfloat16: 'bf16', float16: 'fp16', fp8: 'fp8', mxfp4: 'mxfp4' } as const)[v];
  if (p === undefined) throw rowError(row, `unknown weight_precision "${v}"`);
  return p;
}

/** A checkpoint's precision: as ML.ENERGY v3 served it (gpt-oss MXFP4, DeepSeek FP8), else a precision word in the name, else 16-bit. */
function precisionOf(d: ModelDraft): WeightPrecision {
  if (d.precision !== null) return d.precision;
  const words = normalizeName(d.name).split(' ');
  if (words.includes('fp8')) return 'fp8';
  if (words.includes('int8') || words.includes('w8a8')) return 'int8';
  if (words.includes('awq') || words.includes('gptq') || words.includes('int4')) return 'int4';
  return 'bf16';
}

/** The name without org prefix, tuning words and release suffix: models sharing it (and their size) share the weights' architecture. */
function weightsKey(d: ModelDraft): string {
  const drop = new Set(WEIGHTS_DROP_WORDS);
  let words = normalizeName(d.name)
    .split(' ')
    .filter((w) => !drop.has(w));
  if (words[0] === 'meta' && words[1] === 'llama') words = words.slice(1);
  if (words.length > 1 && RELEASE_SUFFIX.test(words[words.length - 1]!)) words = words.slice(0, -1);
  return words.join(' ');
}

/** Sources round parameter counts differently (8.0 vs 8.03 B): within this they are one size. */
const SAME_SIZE = 0.05;

/** Model id -> the id whose measurements serve it: per weights key and size, the model ML.ENERGY measured most recently, else the first id. */
function weightsIds(drafts: readonly ModelDraft[]): Map<string, string> {
  const rank = (d: ModelDraft) =>
    d.measuredBy.has('ml-energy-v3') ? 0 : d.measuredBy.has('ml-energy-v2') ? 1 : 2;
  const groups = new Map<string, ModelDraft[]>();
  for (const d of drafts) groups.set(weightsKey(d), [...(groups.get(weightsKey(d)) ?? []), d]);
  const near = (a: number, b: number) => Math.abs(a / b - 1) <= SAME_SIZE;
  const out = new Map<string, string>();
  for (const g of groups.values()) {
    const ordered = [...g].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
    for (const d of ordered) {
      const head = ordered.find(
        (h) =>
          near(h.params!.total, d.params!.total) &&
          near(h.params!.active, d.params!.active) &&
          (out.get(h.id) ?? h.id) === h.id,
      )!;
      out.set(d.id, head.id);
    }
  }
  return out;
}

/** EcoLogits parameter cell: a number, or a range `lo-hi` (an estimate) taken at its midpoint. */
function ecoParam(row: CsvRow, column: string): { value: number; range: boolean } {
  const v = cell(row, column);
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(v);
  if (range) return { value: round((Number(range[1]) + Number(range[2])) / 2, 4), range: true };
  return { value: reqNum(row, column), range: false };
}

/** The one explicit `NNb` size token of a name (`vicuna-13B` -> 13), or null when none or several. */
export function sizeFromName(name: string): number | null {
  const sizes = normalizeName(name)
    .split(' ')
    .map((w) => /^(\d+(?:\.\d+)?)b$/.exec(w))
    .filter((m): m is RegExpExecArray => m !== null);
  return sizes.length === 1 ? Number(sizes[0]![1]) : null;
}

const DROP_WORDS = new Set(SHORT_FORM_DROP_WORDS);
/** `YYMM` release suffixes of 2023–2025 (`2407`, `2507`): dropped from short forms when last. */
const RELEASE_SUFFIX = /^2[345](0[1-9]|1[0-2])$/;

/**
 * Derived spellings of a name, each with its strength (0 = the whole name re-spaced, 1 = shortened):
 * the family word joined to or split from its version number (`llama3 1 8b instruct`, `qwen 3 8b`), and
 * the same with the variant words dropped (`llama 3 1 8b`, `llama3 1 8b`).
 */
export function shortForms(name: string): { form: string; strength: 0 | 1 }[] {
  const words = normalizeName(name).split(' ');
  let short = words.filter((w) => !DROP_WORDS.has(w));
  if (short.length > 1 && RELEASE_SUFFIX.test(short[short.length - 1]!)) short = short.slice(0, -1);
  const out: { form: string; strength: 0 | 1 }[] = [];
  for (const [w, strength] of [
    [words, 0],
    [short, 1],
  ] as const) {
    if (w.length === 0) continue;
    out.push({ form: w.join(' '), strength });
    const [first, second, ...rest] = w;
    if (
      first !== undefined &&
      second !== undefined &&
      /^[a-z]+$/.test(first) &&
      /^\d+$/.test(second)
    )
      out.push({ form: [first + second, ...rest].join(' '), strength });
    const split = first === undefined ? null : /^([a-z]{3,})(\d+)$/.exec(first);
    if (split) out.push({ form: [split[1], split[2], ...w.slice(1)].join(' '), strength });
  }
  return out.filter((f) => f.form !== '');
}

export interface LlmBuild {
  models: LlmModel[];
  measurements: LlmMeasurement[];
  /** Models left out (no parameter count): `name (file)`. */
  droppedModels: string[];
  /** Short forms more than one model derives, left out. */
  ambiguousShortForms: string[];
}

function collectModels(): { models: Models; v3: CsvRow[]; v2: CsvRow[]; v1: CsvRow[] } {
  const models = new Models();
  const v3 = readCsv(LLM_FILES.v3);
  for (const row of v3) {
    const d = models.get(cell(row, 'model_id'), row);
    const nickname = cell(row, 'nickname');
    if (d.measuredBy.has('ml-energy-v3') && d.name !== nickname)
      throw rowError(row, `nickname "${nickname}" differs from "${d.name}" in an earlier row`);
    d.name = nickname;
    d.spellings.add(nickname);
    d.measuredBy.add('ml-energy-v3');
    const precision = v3Precision(row);
    if (d.precision !== null && d.precision !== precision)
      throw rowError(
        row,
        `weight precision "${precision}" differs from "${d.precision}" in an earlier row`,
      );
    d.precision = precision;
    models.setParams(
      d,
      {
        total: reqNum(row, 'total_params_billions'),
        active: reqNum(row, 'activated_params_billions'),
        estimated: false,
        source: 'ml-energy-v3',
        rank: 0,
      },
      row,
    );
  }
  const v2 = readCsv(LLM_FILES.v2).filter((r) => cell(r, 'family') === 'llm_text_generation');
  for (const row of v2) models.get(cell(row, 'model'), row).measuredBy.add('ml-energy-v2');
  const v1 = readCsv(LLM_FILES.v1);
  for (const row of v1) models.get(cell(row, 'model'), row).measuredBy.add('ml-energy-v1');

  for (const row of readCsv(LLM_FILES.ecoModels)) {
    const d = models.get(cell(row, 'model'), row);
    const total = ecoParam(row, 'total_params_billion');
    const active = ecoParam(row, 'active_params_billion');
    const estimated =
      total.range ||
      active.range ||
      cell(row, 'warnings').split(';').includes('model-arch-not-released');
    models.setParams(
      d,
      { total: total.value, active: active.value, estimated, source: 'ecologits', rank: 1 },
      row,
    );
  }
  for (const row of readCsv(LLM_FILES.ecoAliases)) {
    const target = models.drafts.get(modelIdOf(cell(row, 'alias')));
    if (!target)
      throw rowError(row, `alias target "${cell(row, 'alias')}" is not in ${LLM_FILES.ecoModels}`);
    target.spellings.add(cell(row, 'name'));
  }
  return { models, v3, v2, v1 };
}

/** Fills the remaining parameter counts from the names; returns the models left without one. */
function paramsFromNames(models: Models): string[] {
  const dropped: string[] = [];
  for (const d of [...models.drafts.values()]) {
    if (d.params) continue;
    const size = sizeFromName(d.name);
    if (size === null) {
      dropped.push(`${d.name} (${d.at.file})`);
      models.drafts.delete(d.id);
      continue;
    }
    const source = d.measuredBy.has('ml-energy-v2') ? 'ml-energy-v2' : 'ml-energy-v1';
    models.setParams(d, { total: size, active: size, estimated: false, source, rank: 2 }, d.at);
  }
  return dropped.sort();
}

/**
 * Every spelling must name one model (else the build fails). A derived short form goes to the one model
 * that derives it most directly (a re-spaced whole name beats a shortened one); a tie is left out unless
 * SHORT_FORM_PREFERENCES settles it.
 */
function indexAliases(models: Models): { index: AliasIndex; ambiguous: string[] } {
  const index = new AliasIndex();
  const drafts = [...models.drafts.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const d of drafts) {
    index.add(d.id, d.id, d.at);
    index.add(d.name, d.id, d.at);
    for (const s of [...d.spellings].sort()) index.add(s, d.id, d.at);
  }
  // form -> model id -> strongest (lowest) strength with which that model derives it
  const candidates = new Map<string, Map<string, number>>();
  for (const d of drafts) {
    const bases = [d.name, ...[...d.spellings].filter((s) => !s.includes('/'))];
    for (const { form, strength } of bases.flatMap(shortForms)) {
      const byId = candidates.get(form) ?? new Map<string, number>();
      byId.set(d.id, Math.min(strength, byId.get(d.id) ?? strength));
      candidates.set(form, byId);
    }
  }
  const prefsAt = { file: 'data/build/llm-names.ts', line: 0 };
  const used = new Set<string>();
  const ambiguous: string[] = [];
  for (const [form, byId] of [...candidates.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (index.resolve(form) !== undefined) continue; // a model's own name, or a primary spelling
    const preferred = SHORT_FORM_PREFERENCES[form];
    const best = Math.min(...byId.values());
    const strongest = [...byId.entries()]
      .filter(([, s]) => s === best)
      .map(([id]) => id)
      .sort();
    if (preferred !== undefined) {
      if (!byId.has(preferred))
        throw rowError(
          prefsAt,
          `short-form preference "${form}" -> "${preferred}": that model does not derive it`,
        );
      used.add(form);
      index.add(form, preferred, prefsAt);
    } else if (strongest.length === 1) index.add(form, strongest[0]!, prefsAt);
    else ambiguous.push(`${form} (${strongest.join(', ')})`);
  }
  const stale = Object.keys(SHORT_FORM_PREFERENCES).find((f) => !used.has(f));
  if (stale !== undefined) throw rowError(prefsAt, `short-form preference "${stale}" is unused`);
  return { index, ambiguous };
}

// ---------------------------------------------------------------------------------------------------
// Measurements

/** Normalised name -> accelerator id over ids, names and aliases (as src/data maps them). */
function gpuResolver(accelerators: readonly Accelerator[]): (label: string, at: Origin) => string {
  const map = new Map<string, string>();
  for (const a of accelerators)
    for (const n of [a.id, a.name, ...a.aliases]) map.set(normalizeName(n), a.id);
  return (label, at) => {
    const n = normalizeName(label);
    const id = map.get(n) ?? map.get(n.replace(/^nvidia /, ''));
    if (id === undefined) throw rowError(at, `GPU "${label}" is not in the accelerator table`);
    return id;
  };
}

interface Sample {
  key: Omit<
    LlmMeasurement,
    'avgBatch' | 'jPerOutputToken' | 'avgOutputTokens' | 'outputTokensPerS' | 'avgPowerW' | 'year'
  >;
  avgBatch: number | null;
  jPerOutputToken: number;
  avgOutputTokens: number | null;
  outputTokensPerS: number | null;
  avgPowerW: number | null;
  at: Origin;
}

function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0
    ? null
    : round(present.reduce((s, v) => s + v, 0) / present.length, 6);
}

function sourceYear(id: string): number {
  const year = SOURCES.find((s) => s.id === id)?.year;
  if (year === undefined) throw new Error(`source "${id}" missing from data/build/sources.ts`);
  return year;
}

/** One row per (model, gpu, numGpus, maxBatch, task, source); repeated runs of a configuration are averaged. */
function mergeSamples(samples: readonly Sample[]): LlmMeasurement[] {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) {
    const k = JSON.stringify(s.key);
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups.values()].map((g) => {
    const first = g[0]!;
    return validateRow(
      LlmMeasurement,
      {
        ...first.key,
        avgBatch: meanOf(g.map((s) => s.avgBatch)),
        jPerOutputToken: meanOf(g.map((s) => s.jPerOutputToken)),
        avgOutputTokens: meanOf(g.map((s) => s.avgOutputTokens)),
        outputTokensPerS: meanOf(g.map((s) => s.outputTokensPerS)),
        avgPowerW: meanOf(g.map((s) => s.avgPowerW)),
        year: sourceYear(first.key.source),
      },
      first.at,
    );
  });
}

function checkTask(row: CsvRow, source: string): string {
  const task = cell(row, 'task');
  if (!TEXT_TASKS[source]?.includes(task))
    throw rowError(
      row,
      `task "${task}" is not a known text-generation task of ${source} (data/build/llm.ts TEXT_TASKS)`,
    );
  return task;
}

function v3Samples(
  rows: readonly CsvRow[],
  modelOf: (hfId: string) => string | undefined,
  gpu: ReturnType<typeof gpuResolver>,
): Sample[] {
  return rows.map((row) => {
    const model = modelOf(cell(row, 'model_id'));
    if (model === undefined) throw rowError(row, 'model missing from the model table');
    return {
      key: {
        model,
        gpu: gpu(cell(row, 'gpu_model'), row),
        numGpus: reqNum(row, 'num_gpus'),
        maxBatch: reqNum(row, 'max_num_seqs'),
        precision: v3Precision(row),
        task: checkTask(row, 'ml-energy-v3'),
        source: 'ml-energy-v3',
      },
      avgBatch: num(row, 'avg_batch_size'),
      jPerOutputToken: reqNum(row, 'energy_per_token_joules'),
      avgOutputTokens: num(row, 'avg_output_len'),
      outputTokensPerS: num(row, 'output_throughput_tokens_per_sec'),
      // avg_power_watts is the whole GPU group's (it equals J/token × tokens/s).
      avgPowerW: reqNum(row, 'avg_power_watts') / reqNum(row, 'num_gpus'),
      at: row,
    };
  });
}

function v2Samples(
  rows: readonly CsvRow[],
  modelOf: (hfId: string) => string | undefined,
  gpu: ReturnType<typeof gpuResolver>,
): Sample[] {
  return rows.flatMap((row) => {
    const model = modelOf(cell(row, 'model'));
    if (model === undefined) return []; // dropped model (no parameter count), listed in SOURCES.md
    const j = reqNum(row, 'energy_per_output_token_j_derived');
    const outputTokens = reqNum(row, 'avg_output_tokens');
    const tps = num(row, 'token_throughput_tok_per_s');
    // The compiler derived J/token as energy per request / output tokens: check it still is.
    if (Math.abs(reqNum(row, 'energy_per_request_j') / outputTokens / j - 1) > 0.01)
      throw rowError(
        row,
        'energy_per_output_token_j_derived != energy_per_request_j / avg_output_tokens',
      );
    return [
      {
        key: {
          model,
          gpu: gpu(cell(row, 'gpu'), row),
          numGpus: reqNum(row, 'tensor_parallel') * reqNum(row, 'pipeline_parallel'),
          maxBatch: reqNum(row, 'max_batch_size'),
          // ML.ENERGY v2 served every model in its released 16-bit weights.
          precision: 'bf16',
          task: checkTask(row, 'ml-energy-v2'),
          source: 'ml-energy-v2',
        },
        avgBatch: num(row, 'avg_batch_size'),
        jPerOutputToken: j,
        avgOutputTokens: outputTokens,
        outputTokensPerS: tps,
        // Power of one GPU: the group's J/token × tokens/s over its GPUs.
        avgPowerW:
          tps === null
            ? null
            : (j * tps) / (reqNum(row, 'tensor_parallel') * reqNum(row, 'pipeline_parallel')),
        at: row,
      },
    ];
  });
}

/** Column order of the measurement tuples in data/built/llm.ts. */
export const LLM_MEASUREMENT_COLUMNS = [
  'model',
  'gpu',
  'numGpus',
  'maxBatch',
  'avgBatch',
  'jPerOutputToken',
  'avgOutputTokens',
  'outputTokensPerS',
  'avgPowerW',
  'precision',
  'year',
  'task',
  'source',
] as const satisfies readonly (keyof LlmMeasurement)[];

function compareMeasurements(a: LlmMeasurement, b: LlmMeasurement): number {
  const ka = [a.model, a.gpu, a.source, a.task];
  const kb = [b.model, b.gpu, b.source, b.task];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return a.numGpus - b.numGpus || a.maxBatch - b.maxBatch;
}

// ---------------------------------------------------------------------------------------------------

export function buildLlm(accelerators: readonly Accelerator[]): LlmBuild {
  const { models, v3, v2 } = collectModels();
  // ML.ENERGY v1 (2023) rows name neither batch size nor parallelism, so they give models, not measurements.
  const droppedModels = paramsFromNames(models);
  const { index, ambiguous } = indexAliases(models);

  const modelOf = (hfId: string) =>
    models.drafts.has(modelIdOf(hfId)) ? modelIdOf(hfId) : undefined;
  const gpu = gpuResolver(accelerators);
  const measurements = mergeSamples([
    ...v3Samples(v3, modelOf, gpu),
    ...v2Samples(v2, modelOf, gpu),
  ]).sort(compareMeasurements);

  const weights = weightsIds([...models.drafts.values()]);
  const modelRows = [...models.drafts.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((d) => {
      const p = d.params!;
      const implicit = new Set([normalizeName(d.id), normalizeName(d.name)]);
      return validateRow(
        LlmModel,
        {
          id: d.id,
          name: d.name,
          aliases: index.aliasesOf(d.id).filter((a) => !implicit.has(a)),
          totalParamsB: p.total,
          activeParamsB: p.active,
          paramsEstimated: p.estimated,
          precision: precisionOf(d),
          weights: weights.get(d.id)!,
          source: p.source,
        },
        d.at,
      );
    });
  return { models: modelRows, measurements, droppedModels, ambiguousShortForms: ambiguous };
}
