// The report's three-sentence summary (footprint with its range, the biggest lever, the data basis)
// and its method paragraph, all phrased from the answers, never from what the page assumes.
import type { Suggestion, SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import {
  formatMass,
  formatNumber,
  formatScaled,
  formatUtc,
  massUnitFor,
  type MassUnit,
} from './format.ts';

/** How the grid intensity was taken: given, an annual mean, an hourly shape scaled to an annual mean, or hourly (in the answer's own words). */
export type Basis =
  | { kind: 'user' }
  | { kind: 'annual'; year: number | null }
  | { kind: 'scaled'; shapeYear: number; levelYear: number; levelGCo2ePerKwh: number }
  | { kind: 'hourly'; statement: string | null };

/** `resolved.location.hourly` (shape year and annual level) when the answer has it. */
function scaledShape(location: object): Extract<Basis, { kind: 'scaled' }> | null {
  const hourly = (location as Record<string, unknown>).hourly as
    | { shape?: { year?: unknown }; level?: { year?: unknown; gCo2ePerKwh?: unknown } }
    | null
    | undefined;
  const shapeYear = hourly?.shape?.year;
  const levelYear = hourly?.level?.year;
  const level = hourly?.level?.gCo2ePerKwh;
  return typeof shapeYear === 'number' && typeof levelYear === 'number' && typeof level === 'number'
    ? { kind: 'scaled', shapeYear, levelYear, levelGCo2ePerKwh: level }
    : null;
}

export function dataBasis(result: EstimateResult): Basis {
  const l = result.resolved.location;
  if (l.source === 'user') return { kind: 'user' };
  const scaled = scaledShape(l);
  if (scaled) return scaled;
  if (!/hourly/i.test(l.basis)) return { kind: 'annual', year: l.year };
  const statement = result.assumptions.find((a) => /hourly/i.test(a)) ?? null;
  return { kind: 'hourly', statement };
}

// One mass unit for the whole report (that of its total), as on screen: never t beside kg.
function quantity(kg: number, unit: MassUnit): string {
  return formatMass(kg, unit);
}

function footprint(result: EstimateResult, unit: MassUnit): string {
  const e = result.emissionsKgCo2e;
  const energy = formatScaled(result.energyKwh.total, 'kWh');
  return `This workload is estimated to emit ${quantity(e.total, unit)} (range ${quantity(e.low, unit)} to ${quantity(e.high, unit)}) and to use ${energy.value} ${energy.unit} of electricity, data-centre overhead included.`;
}

function action(s: Suggestion): string {
  if (s.kind === 'time' && s.change.start) return `start it at ${formatUtc(s.change.start)}`;
  if (s.kind === 'region') return `run it in ${s.label}`;
  return `run it on ${s.label}`;
}

/** The option with the largest saving among region, start time and hardware, if any saves. */
export function biggestLever(suggest: SuggestResult | undefined): Suggestion | null {
  if (!suggest) return null;
  const options = [...suggest.region, ...suggest.time, ...suggest.hardware];
  const best = options.reduce<Suggestion | null>(
    (top, s) => (s.kgCo2eSaved > (top?.kgCo2eSaved ?? 0) ? s : top),
    null,
  );
  return best;
}

function lever(suggest: SuggestResult | undefined, unit: MassUnit): string {
  if (!suggest) return 'Greener options could not be computed for this report.';
  const best = biggestLever(suggest);
  if (!best)
    return 'No other region, start time or hardware among the candidates would lower the footprint.';
  return `The biggest lever is to ${action(best)}, which would save ${quantity(best.kgCo2eSaved, unit)} (${formatNumber(best.pctSaved)} %).`;
}

/** The data-basis sentence: annual wording only when the annual mean was used. */
export function basisSentence(result: EstimateResult): string {
  const l = result.resolved.location;
  const where = l.zone ?? l.countryIso2 ?? l.name;
  const value = `${formatNumber(l.intensityGCo2ePerKwh)} gCO2e/kWh`;
  const basis = dataBasis(result);
  if (basis.kind === 'user') return `The grid intensity, ${value}, was given with the request.`;
  if (basis.kind === 'annual') {
    const year = basis.year === null ? 'annual mean' : `annual ${basis.year} mean`;
    return `The grid intensity is the ${year} for ${where}, ${value} (${l.basis}).`;
  }
  if (basis.kind === 'scaled')
    return `The grid intensity, ${value} on average over the run for ${where}, follows the hourly shape of ${basis.shapeYear} scaled to the annual ${basis.levelYear} mean (${formatNumber(basis.levelGCo2ePerKwh)} gCO2e/kWh).`;
  const stated = basis.statement ? `: ${basis.statement.replace(/^Start \S+:\s+/, '')}` : '.';
  return `The grid intensity, ${value} on average over the run for ${where}, is taken hour by hour${stated}`;
}

/** Footprint with range; the biggest lever and its saving; the data basis. */
export function summarySentences(
  result: EstimateResult,
  suggest: SuggestResult | undefined,
): [string, string, string] {
  const unit = massUnitFor(result.emissionsKgCo2e.total);
  return [footprint(result, unit), lever(suggest, unit), basisSentence(result)];
}

/** The method in one paragraph, worded for the data basis actually used. */
export function methodParagraph(result: EstimateResult): string {
  const basis = dataBasis(result);
  const grid =
    basis.kind === 'annual'
      ? "the annual grid intensity of the region's zone"
      : basis.kind === 'scaled'
        ? "the zone's hourly shape, scaled to the annual mean of the run's year, averaged over the run's hours"
        : basis.kind === 'hourly'
          ? "the zone's hourly grid intensity averaged over the run's hours"
          : 'the grid intensity given with the request';
  return `Facility energy = IT energy × PUE. Location-based CO2e = facility kWh × ${grid}. Market-based CO2e removes the carbon-free share (published or contracted). Embodied CO2e = each device's manufacturing footprint × hours used ÷ its lifetime. The range combines every factor's uncertainty.`;
}
