// Default average draw of an accelerator when the workload gives no utilisation: the device's published
// measured average under training load where its operator published one (Google TPUs), else a share of
// rated power from measured runs. The range runs from the lowest measured busy draw to rated power.
import type { Accelerator, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import { gpuDefaultPowerW } from './power.ts';

export interface TypicalDraw {
  readonly watts: number;
  readonly basis: string;
  readonly source: string;
  readonly name: string;
  readonly year: number | null;
}

/** Rated and idle power, plus the device's published typical draw when it applies (no override). */
export interface RatedWithTypical {
  readonly maxW: number;
  readonly idleW: number;
  /** Rating the high bound uses: an estimated rating's high watts (no override), else maxW. */
  readonly highW: number;
  readonly typical: TypicalDraw | null;
}

/** Rated power with the device's typical draw attached (only when the rated power is the table's own). */
export function withTypical(
  gpu: Accelerator,
  override: number | undefined,
  maxW: number,
  idleW: number,
): RatedWithTypical {
  const t = override === undefined ? gpu.typicalPower : null;
  const highW = override === undefined && gpu.maxPowerEstimate ? gpu.maxPowerEstimate.highW : maxW;
  return {
    maxW,
    idleW,
    highW,
    typical: t
      ? { watts: t.watts, basis: t.basis, source: t.source, name: gpu.name, year: gpu.launchYear }
      : null,
  };
}

function typicalOf(rated: { readonly maxW: number; readonly idleW: number }): TypicalDraw | null {
  return 'typical' in rated ? ((rated as RatedWithTypical).typical ?? null) : null;
}

/** Lowest share of rated power a busy accelerator is measured to draw (the range's floor), default 0.3. */
function minFraction(tables: Tables, ledger: Ledger): number {
  const c = tables.datacentre.coefficients.gpuMinPowerFraction;
  if (!c) {
    const f = tables.datacentre.coefficients.gpuDefaultPowerFraction;
    return f.value / (1 + f.relUncertainty);
  }
  return ledger.coefficient(
    'gpu_min_power_fraction',
    'Lowest measured average draw of a busy accelerator, share of rated power',
    c,
  );
}

/** Average draw of one device when utilisation is unknown, recorded in `ledger`. */
export function defaultGpuDraw(
  rated: { readonly maxW: number; readonly idleW: number; readonly highW?: number },
  tables: Tables,
  ledger: Ledger,
): Bounded {
  const floor = minFraction(tables, ledger);
  const pct = (x: number) => Math.round(x * 100);
  const typical = typicalOf(rated);
  if (typical) {
    ledger.factor({
      id: 'gpu_typical_power',
      label: `${typical.name} measured average draw under training load (${typical.basis})`,
      value: typical.watts,
      unit: 'W',
      source: typical.source,
      year: typical.year,
    });
    ledger.assume(
      `Utilisation not given: the ${typical.name}'s published measured average of ${typical.watts} W (${pct(typical.watts / rated.maxW)} % of its ${rated.maxW} W rating) is used; the range spans ${pct(floor)} % to 100 % of rated power (give gpu.utilization or gpu.powerW to narrow it).`,
    );
    return gpuDefaultPowerW(rated.maxW, rated.idleW, typical.watts, floor, rated.highW);
  }
  const f = tables.datacentre.coefficients.gpuDefaultPowerFraction;
  const fraction = ledger.coefficient(
    'gpu_power_fraction',
    'GPU average draw as a share of rated power (measured runs)',
    f,
  );
  ledger.assume(
    `GPU utilisation not given: average draw ${pct(fraction)} % of rated power, as measured runs average; the range spans ${pct(floor)} % to 100 % (give gpu.utilization or gpu.powerW to narrow it).`,
  );
  return gpuDefaultPowerW(rated.maxW, rated.idleW, rated.maxW * fraction, floor, rated.highW);
}
