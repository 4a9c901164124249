// Accelerators: the 47 curated models (specs + performance joined on `model`), then GPUs/TPUs from
// Green Algorithms TDP_gpu.csv and mlco2 gpus.csv that are not already in the table (P100, TPU v2/v3, ...).
import { normalizeName, slugify } from '../../src/core/names.ts';
import { Accelerator } from '../../src/core/tables.ts';
import {
  ALIAS_PREFERENCES,
  BRAND_WORDS,
  CURATED_IDS,
  EXTRA_SKIPS,
  PERF_ONLY_SPECS,
} from './accelerator-names.ts';
import { AliasIndex, tokenSetKey, withoutWords } from './aliases.ts';
import {
  byKey,
  cell,
  type CsvRow,
  num,
  type Origin,
  readCsv,
  rowError,
  validateRow,
} from './csv.ts';

interface Draft {
  value: Omit<Accelerator, 'aliases'>;
  at: Origin;
}

/** `16GB/32GB` style memory SKUs inside a model name. */
const MEMORY_PAIR = /(\d+)\s*GB\/(\d+)\s*GB/i;

/** `a|b` (two SKUs) -> the larger value: power and compute are the same across the SKUs, the larger is the current one. */
function largerOf(row: CsvRow, column: string): number | null {
  const v = cell(row, column);
  if (v === '') return null;
  const parts = v.split('|').map(Number);
  if (parts.some((p) => !Number.isFinite(p)))
    throw rowError(row, `column "${column}" is not a number list: "${v}"`);
  return Math.max(...parts);
}

/**
 * `max_power_basis` of a curated row: `published` (no range) or `estimated` (low/high watts and basis
 * required, central inside them). Any other value, or a range on a published row, fails the build.
 */
function powerEstimateOf(row: CsvRow, maxPowerW: number | null): Accelerator['maxPowerEstimate'] {
  const basis = cell(row, 'max_power_basis');
  const lowW = num(row, 'power_estimate_low_w');
  const highW = num(row, 'power_estimate_high_w');
  const why = cell(row, 'power_estimate_basis');
  if (basis === 'published' || (basis === '' && maxPowerW === null)) {
    if (lowW !== null || highW !== null || why !== '')
      throw rowError(row, 'a power estimate range on a row whose max_power_w is not estimated');
    if (basis === 'published' && maxPowerW === null)
      throw rowError(row, 'max_power_basis "published" without max_power_w');
    return null;
  }
  if (basis !== 'estimated')
    throw rowError(row, `max_power_basis must be "published" or "estimated", got "${basis}"`);
  if (maxPowerW === null || lowW === null || highW === null || why === '')
    throw rowError(
      row,
      'an estimated max_power_w needs power_estimate_low_w, power_estimate_high_w and power_estimate_basis',
    );
  if (!(lowW <= maxPowerW && maxPowerW <= highW && lowW < highW))
    throw rowError(
      row,
      `estimate ${lowW}-${highW} W must contain max_power_w ${maxPowerW} and be a range`,
    );
  return { lowW, highW, basis: why };
}

/** Names users type for a curated model: with/without vendor, brand words, parentheses, memory size. */
function curatedAliasForms(vendor: string, model: string): string[] {
  const base = [model, model.replace(/\s*\(.*?\)\s*/g, ' ').trim()];
  const forms = new Set<string>();
  for (const b of base) {
    const m = MEMORY_PAIR.exec(b);
    const variants = m
      ? [
          b,
          b.replace(MEMORY_PAIR, `${m[1]}GB`),
          b.replace(MEMORY_PAIR, `${m[2]}GB`),
          b.replace(MEMORY_PAIR, ''),
        ]
      : [b];
    for (const v of variants) {
      forms.add(normalizeName(v));
      forms.add(normalizeName(`${vendor} ${v}`));
      forms.add(withoutWords(v, BRAND_WORDS));
    }
  }
  return [...forms].filter((f) => f !== '');
}

function buildCurated(index: AliasIndex): Draft[] {
  const specs = new Map(
    readCsv('hardware/gpu_accelerator_specs_curated.csv').map((r) => [cell(r, 'model'), r]),
  );
  const drafts: Draft[] = [];
  for (const perf of readCsv('hardware/accelerator_performance_curated.csv')) {
    const model = cell(perf, 'model');
    const id = CURATED_IDS[model];
    if (!id)
      throw rowError(perf, `no id for curated model "${model}" in data/build/accelerator-names.ts`);
    const spec = specs.get(model);
    const extra = PERF_ONLY_SPECS[model];
    if (!spec && !extra)
      throw rowError(perf, `model "${model}" has no specs row and no PERF_ONLY_SPECS entry`);
    specs.delete(model);
    const maxPowerW = num(perf, 'max_power_w');
    if (spec && num(spec, 'max_power_w') !== maxPowerW)
      throw rowError(perf, `max_power_w differs from ${spec.file}:${spec.line}`);
    const maxPowerEstimate = powerEstimateOf(perf, maxPowerW);
    const vendor = spec ? cell(spec, 'vendor') : (extra?.vendor ?? '');
    drafts.push({
      at: perf,
      value: {
        id,
        name: `${vendor} ${model}`,
        vendor,
        formFactor: spec ? cell(spec, 'form_factor') || null : (extra?.formFactor ?? null),
        memoryGb: spec ? largerOf(spec, 'memory_gb') : (extra?.memoryGb ?? null),
        maxPowerW,
        maxPowerEstimate,
        idlePowerW: num(perf, 'idle_power_w'),
        typicalPower: null,
        peakDenseTflops: {
          bf16: num(perf, 'peak_dense_bf16_tflops'),
          fp16: num(perf, 'peak_dense_fp16_tflops'),
          tf32: num(perf, 'peak_tf32_tflops'),
          fp32: num(perf, 'peak_fp32_tflops'),
          fp8: num(perf, 'peak_fp8_tflops'),
          fp4: num(perf, 'peak_dense_fp4_tflops'),
        },
        memoryBandwidthTbs: largerOf(perf, 'memory_bandwidth_tbs'),
        embodiedKgCo2e: num(perf, 'embodied_kgco2e'),
        launchYear: spec ? num(spec, 'launch_year') : null,
        source: 'curated-accelerators',
      },
    });
    for (const form of curatedAliasForms(vendor, model)) index.add(form, id, perf);
  }
  const orphan = [...specs.values()][0];
  if (orphan)
    throw rowError(orphan, `specs model "${cell(orphan, 'model')}" has no performance row`);
  return drafts;
}

/** Vendor of a GPU list row that may omit it (mlco2 writes `T4`, `RX480`, `TPUv2 Chip`). */
function vendorOf(name: string): string {
  const n = normalizeName(name);
  if (/\b(amd|rx\d+)/.test(n)) return 'AMD';
  if (/\btpu/.test(n)) return 'Google';
  return 'NVIDIA';
}

/** Adds rows of a non-curated GPU list that name a device not yet in the table; others become aliases. */
function addExtras(
  index: AliasIndex,
  drafts: Draft[],
  rows: CsvRow[],
  cols: { name: string; tdp: string; memory?: string; year?: string; type?: string },
  source: string,
): void {
  for (const row of rows) {
    const name = cell(row, cols.name);
    const n = normalizeName(name);
    if (n === '' || EXTRA_SKIPS[n] || (cols.type && cell(row, cols.type) === 'cpu')) continue;
    const short = withoutWords(name, BRAND_WORDS);
    const tokenKeys = new Map(index.entries().map(([alias, id]) => [tokenSetKey(alias), id]));
    const known =
      index.resolve(n) ??
      index.resolve(short) ??
      ALIAS_PREFERENCES[n] ??
      ALIAS_PREFERENCES[short] ??
      tokenKeys.get(tokenSetKey(n)) ??
      tokenKeys.get(tokenSetKey(short));
    if (known) {
      // Same device as an existing row: keep that row's figures, remember this spelling.
      index.addIfFree(n, known);
      index.addIfFree(short, known);
      continue;
    }
    const vendor = vendorOf(name);
    const id = `${slugify(vendor)}-${slugify(short)}`;
    const maxPowerW = num(row, cols.tdp);
    if (maxPowerW === null) throw rowError(row, `no TDP for "${name}"`);
    const memory = cols.memory ? num(row, cols.memory) : null;
    drafts.push({
      at: row,
      value: {
        id,
        name: n.startsWith(normalizeName(vendor)) ? name : `${vendor} ${name}`,
        vendor,
        formFactor: null,
        memoryGb: memory && memory > 0 ? memory : null,
        maxPowerW,
        maxPowerEstimate: null,
        idlePowerW: null,
        typicalPower: null,
        // Not taken from these lists: mlco2 mixes sparse/dense and FP16 tensor/non-tensor rates.
        peakDenseTflops: { bf16: null, fp16: null, tf32: null, fp32: null, fp8: null, fp4: null },
        memoryBandwidthTbs: null,
        embodiedKgCo2e: null,
        launchYear: cols.year ? num(row, cols.year) : null,
        source,
      },
    });
    index.add(n, id, row);
    index.addIfFree(short, id);
    index.addIfFree(`${vendor} ${short}`, id);
  }
}

/**
 * Published per-chip figures (accelerator_power_published.csv): rows with a name add a device the
 * curated table lacks or correct a list's TDP (TPU v3 450 W, P100 SXM2 300 W, Patterson et al. 2021);
 * rows without a name annotate an existing id. `typical_power_w` is a measured average under training
 * load, cross-checked against mlco2 gpus.csv where that file carries it.
 */
function addPublished(index: AliasIndex, drafts: Draft[]): void {
  const mlco2Average = new Map(
    readCsv('hardware/mlco2-impact/gpus.csv')
      .filter((r) => /average consumption/i.test(cell(r, 'source')))
      .map((r) => [normalizeName(cell(r, 'name')), num(r, 'tdp_watts')] as const),
  );
  for (const row of readCsv('hardware/accelerator_power_published.csv')) {
    const id = cell(row, 'id');
    const watts = num(row, 'typical_power_w');
    const typicalPower =
      watts === null
        ? null
        : { watts, basis: cell(row, 'typical_power_basis'), source: 'published-accelerator-power' };
    const aliases = cell(row, 'aliases')
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    for (const alias of aliases) {
      const listed = mlco2Average.get(normalizeName(alias));
      if (listed !== undefined && listed !== watts)
        throw rowError(
          row,
          `typical_power_w ${watts} differs from mlco2 gpus.csv "${alias}" ${listed}`,
        );
    }
    if (cell(row, 'name') === '') {
      const draft = drafts.find((d) => d.value.id === id);
      if (!draft) throw rowError(row, `no accelerator "${id}" to annotate`);
      draft.value = { ...draft.value, typicalPower };
      continue;
    }
    const maxPowerW = num(row, 'max_power_w');
    if (maxPowerW === null) throw rowError(row, 'a new device needs max_power_w');
    if (typicalPower && typicalPower.watts > maxPowerW)
      throw rowError(row, 'typical_power_w above max_power_w');
    drafts.push({
      at: row,
      value: {
        id,
        name: cell(row, 'name'),
        vendor: cell(row, 'vendor'),
        formFactor: cell(row, 'form_factor') || null,
        memoryGb: num(row, 'memory_gb'),
        maxPowerW,
        maxPowerEstimate: null,
        idlePowerW: null,
        typicalPower,
        peakDenseTflops: { bf16: null, fp16: null, tf32: null, fp32: null, fp8: null, fp4: null },
        memoryBandwidthTbs: null,
        embodiedKgCo2e: null,
        launchYear: null,
        source: 'published-accelerator-power',
      },
    });
    for (const alias of aliases) index.add(alias, id, row);
  }
}

/** Builds and validates the accelerator table; aliases are unique across ids (else the build throws). */
export function buildAccelerators(): Accelerator[] {
  const index = new AliasIndex();
  const drafts = buildCurated(index);
  // Published chip figures before the generic lists, so their spellings become aliases of these rows.
  addPublished(index, drafts);
  // Green Algorithms first (CC BY, TDP column), then mlco2 for what is still missing.
  const ga = readCsv('hardware/green-algorithms/TDP_gpu.csv', { headerRows: 2 });
  addExtras(
    index,
    drafts,
    ga,
    { name: 'model', tdp: 'TDP', year: 'Release_year' },
    'green-algorithms',
  );
  const mlco2 = readCsv('hardware/mlco2-impact/gpus.csv');
  addExtras(
    index,
    drafts,
    mlco2,
    { name: 'name', tdp: 'tdp_watts', memory: 'memory', type: 'type' },
    'mlco2-impact',
  );

  const ids = new Set(drafts.map((d) => d.value.id));
  const prefsAt = { file: 'data/build/accelerator-names.ts', line: 0 };
  for (const [alias, id] of Object.entries(ALIAS_PREFERENCES)) {
    if (!ids.has(id))
      throw rowError(prefsAt, `alias preference "${alias}" points to unknown id "${id}"`);
    index.add(alias, id, prefsAt);
  }
  for (const d of drafts) {
    // The normalised id and name must not point elsewhere either (src/data maps them too).
    index.add(d.value.id, d.value.id, d.at);
    index.add(d.value.name, d.value.id, d.at);
  }
  if (ids.size !== drafts.length) throw new Error('duplicate accelerator id');
  return drafts.sort(byKey((d) => d.value.id)).map((d) => {
    // Aliases hold the extra spellings; the normalised id and name resolve too (src/data adds them).
    const implicit = new Set([normalizeName(d.value.id), normalizeName(d.value.name)]);
    return validateRow(
      Accelerator,
      { ...d.value, aliases: index.aliasesOf(d.value.id).filter((a) => !implicit.has(a)) },
      d.at,
    );
  });
}
