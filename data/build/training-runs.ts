// Training coefficients from published runs (data/raw/ai-training/published_runs.csv): per run,
// MFU = 6·N·D ÷ (GPU-hours × 3600 × peak dense FLOP/s at the run's precision); from those, the steady
// MFU of 16-bit and of FP8 runs and the whole-run overhead. Fails the build when a row stops fitting.
import { type Accelerator, type Coefficient, TrainingRun } from '../../src/core/tables.ts';
import { cell, type CsvRow, num, readCsv, reqNum, round, rowError, validateRow } from './csv.ts';
import { SOURCES } from './sources.ts';

export const TRAINING_RUNS_FILE = 'ai-training/published_runs.csv';
const SOURCE = 'published-training-runs';
/** A row's own datasheet peak may differ from the accelerator table's by rounding only. */
const PEAK_TOLERANCE = 0.02;

type Precision = TrainingRun['precision'];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Rounds up (2 decimals) so a spread derived to cover the runs still covers them after rounding. */
function ceil2(x: number): number {
  return Math.ceil(round(x * 100, 9)) / 100;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Peak at the run's precision: the accelerator table's when it has one (checked against the row), else the row's own. */
function runPeak(r: CsvRow, precision: Precision, accelerators: readonly Accelerator[]): number {
  const own = reqNum(r, 'peak_tflops');
  const table =
    accelerators.find((a) => a.id === cell(r, 'accelerator_id'))?.peakDenseTflops[precision] ??
    null;
  if (table === null) return own;
  if (Math.abs(table / own - 1) > PEAK_TOLERANCE)
    throw rowError(
      r,
      `peak_tflops ${own} disagrees with the accelerator table's ${precision} rate ${table}`,
    );
  return table;
}

function parseRun(r: CsvRow, accelerators: readonly Accelerator[]): TrainingRun {
  const precision = cell(r, 'precision') as Precision;
  const peakTflops = runPeak(r, precision, accelerators);
  const params = reqNum(r, 'params');
  const tokens = num(r, 'tokens');
  const gpuHours = num(r, 'gpu_hours');
  const hoursBasis = cell(r, 'hours_basis');
  const mfuFromHours =
    tokens !== null && gpuHours !== null
      ? round((6 * params * tokens) / (gpuHours * 3600 * peakTflops * 1e12), 4)
      : null;
  const statedMfu = num(r, 'steady_mfu');
  const statedTflops = num(r, 'steady_tflops');
  // A steady-rate row's hours are its steady throughput, so its MFU from hours is the steady MFU.
  const steadyMfu =
    statedMfu ??
    (statedTflops !== null
      ? round(statedTflops / peakTflops, 4)
      : hoursBasis === 'steady-rate'
        ? mfuFromHours
        : null);
  if (mfuFromHours === null && steadyMfu === null)
    throw rowError(r, 'a run needs tokens and gpu_hours, or a stated steady MFU or throughput');
  return validateRow(
    TrainingRun,
    {
      id: cell(r, 'id'),
      model: cell(r, 'model'),
      params,
      tokens,
      accelerator: cell(r, 'accelerator_id'),
      precision,
      peakTflops,
      gpuHours,
      hoursBasis,
      mfuFromHours,
      steadyMfu,
      citation: `${cell(r, 'citation')} — ${cell(r, 'locator')}`,
    },
    r,
  );
}

/** Relative spread so that `value / (1 + r)` … `value × (1 + r)` covers every x. */
function coveringSpread(value: number, xs: readonly number[]): number {
  return ceil2(Math.max(...xs.map((x) => Math.max(value / x, x / value))) - 1);
}

/**
 * Overhead spread: the smallest r (2 decimals) for which the hours range — steady-MFU bounds and
 * overhead bounds combined in log quadrature as core combines them, the overhead never below 1 —
 * holds the whole-run MFU of every run.
 */
function overheadSpread(
  overhead: number,
  mfuSpread: number,
  wholeRunMfu: number,
  runs: readonly number[],
): number {
  const mfuLog = Math.log(1 + mfuSpread);
  const up = Math.max(...runs.map((m) => Math.log(wholeRunMfu / m)));
  const down = Math.max(...runs.map((m) => Math.log(m / wholeRunMfu)));
  const r = ceil2(Math.exp(Math.sqrt(Math.max(0, up * up - mfuLog * mfuLog))) - 1);
  const downLog = Math.log(Math.min(overhead, 1 + r));
  if (Math.sqrt(downLog * downLog + mfuLog * mfuLog) < down)
    throw new Error(
      `${TRAINING_RUNS_FILE}: the fastest whole run (MFU ${pct(wholeRunMfu * Math.exp(down))}) lies above the range an overhead ≥ 1 allows`,
    );
  return r;
}

export interface TrainingCoefficients {
  trainingMfu: Coefficient;
  trainingMfuFp8: Coefficient;
  trainingRunOverhead: Coefficient;
  trainingRuns: { source: string; year: number; note: string; runs: TrainingRun[] };
}

export function buildTrainingCoefficients(
  accelerators: readonly Accelerator[],
): TrainingCoefficients {
  const year = SOURCES.find((s) => s.id === SOURCE)?.year;
  if (year === undefined) throw new Error(`unknown source ${SOURCE}`);
  const runs = readCsv(TRAINING_RUNS_FILE).map((r) => parseRun(r, accelerators));
  const sixteen = runs.filter((r) => r.precision !== 'fp8');
  const fp8 = runs.filter((r) => r.precision === 'fp8');
  const steady16 = sixteen.filter((r) => r.steadyMfu !== null);
  const steady8 = fp8.filter((r) => r.steadyMfu !== null);
  const whole = sixteen.filter((r) => r.hoursBasis === 'whole-run' && r.mfuFromHours !== null);
  const both = whole.filter((r) => r.steadyMfu !== null);
  if (steady16.length < 3 || whole.length < 5 || both.length < 2 || steady8.length < 1)
    throw new Error(
      `${TRAINING_RUNS_FILE}: too few runs to calibrate (steady ${steady16.length}, whole-run ${whole.length}, both ${both.length}, fp8 ${steady8.length})`,
    );

  const list = (rs: readonly TrainingRun[], f: (r: TrainingRun) => string) =>
    rs.map((r) => `${r.model} ${f(r)}`).join(', ');
  const steadyValues = steady16.map((r) => r.steadyMfu!);
  const mfu = round(median(steadyValues), 2);
  const mfuSpread = coveringSpread(mfu, steadyValues);
  const wholeValues = whole.map((r) => r.mfuFromHours!);
  const wholeMedian = median(wholeValues);
  // Central overhead: the factor that turns the median steady MFU into the median whole-run MFU.
  const overhead = round(mfu / wholeMedian, 2);
  const overheadR = overheadSpread(overhead, mfuSpread, mfu / overhead, wholeValues);
  const fp8Values = steady8.map((r) => r.steadyMfu!);
  const mfuFp8 = round(median(fp8Values), 3);
  const coef = (
    value: number,
    unit: string,
    relUncertainty: number,
    note: string,
  ): Coefficient => ({ value, unit, source: SOURCE, year, relUncertainty, note });
  const h100 = accelerators.find((a) => a.id === 'nvidia-h100-sxm')?.peakDenseTflops;
  if (!h100?.fp8 || !h100.bf16)
    throw new Error('accelerator nvidia-h100-sxm has no bf16 or fp8 peak');
  return {
    trainingMfu: coef(
      mfu,
      'fraction of peak dense 16-bit FLOP/s',
      mfuSpread,
      `median steady model FLOPs utilisation of the ${steady16.length} runs in 16-bit precision that state one (${list(steady16, (r) => pct(r.steadyMfu!))}), 6·N·D over the peak dense rate; ` +
        `±${Math.round(mfuSpread * 100)} % covers them. Whole-run hours add trainingRunOverhead`,
    ),
    trainingMfuFp8: coef(
      mfuFp8,
      'fraction of peak dense FP8 FLOP/s',
      1,
      `median steady MFU of the only ${steady8.length} public FP8 runs, against the FP8 peak (${list(steady8, (r) => pct(r.steadyMfu!))}); both are MoE, whose expert all-to-all lowers MFU, ` +
        `so the range is wide (×2 either way) — on an H100-class GPU the central rate (${Math.round(mfuFp8 * h100.fp8)} TFLOP/s) is no faster than 16-bit dense runs (${Math.round(mfu * h100.bf16)}), not twice as fast`,
    ),
    trainingRunOverhead: coef(
      overhead,
      'factor on steady-rate GPU-hours',
      overheadR,
      `median steady MFU ${pct(mfu)} ÷ median whole-run MFU ${pct(wholeMedian)} of the ${whole.length} runs in 16-bit precision publishing whole-run GPU-hours (6·N·D ÷ (GPU-hours × peak): ${list(whole, (r) => pct(r.mfuFromHours!))}): ` +
        `restarts, evaluation, checkpointing and slow stretches. Runs stating both give ${list(both, (r) => `×${(r.steadyMfu! / r.mfuFromHours!).toFixed(2)}`)}. ` +
        `Never below 1; ×${(1 + overheadR).toFixed(2)} above is the least that, with the MFU spread, keeps every whole run inside the hours range`,
    ),
    trainingRuns: {
      source: SOURCE,
      year,
      note: `${runs.length} published runs (${TRAINING_RUNS_FILE}); mfuFromHours = 6·N·D ÷ (GPU-hours × 3600 × peak at the run's precision), N active parameters for MoE`,
      runs,
    },
  };
}
