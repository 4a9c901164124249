// The report's figures: each chart as an <img> snapshot of its canvas (canvases do not always
// print) and its numbers as a compact table that fits a portrait A4 or Letter page.
import type { CompareResult, SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { ZoneProfile } from '../../src/service/zone-profile.ts';
import { pickRows } from './compare-panel.ts';
import { el } from './dom.ts';
import { formatMass, formatNumber, formatUtc, massUnitFor, type MassUnit } from './format.ts';
import { renderTable, type TableModel } from './tables.ts';

/** A profile with hourly data (a zone without it may answer with its annual figure only). */
export type HourlyProfile = Extract<ZoneProfile, { slice: unknown }>;

export function hourlyProfile(profile: ZoneProfile | undefined): HourlyProfile | undefined {
  return profile && 'slice' in profile ? profile : undefined;
}

/** A still image of a drawn chart, or null when the canvas holds none (panel not shown). */
export function snapshot(canvasId: string): HTMLImageElement | null {
  const canvas = document.getElementById(canvasId);
  if (!(canvas instanceof HTMLCanvasElement) || !canvas.dataset.chart || canvas.width === 0)
    return null;
  const img = el('img', undefined, 'report-chart');
  img.src = canvas.toDataURL('image/png');
  img.alt = canvas.getAttribute('aria-label') ?? '';
  img.dataset.chart = canvasId;
  return img;
}

/** A figure: heading, optional note, chart image, then the tables of the same numbers. */
export function figure(
  id: string,
  heading: string,
  canvasId: string | null,
  models: readonly TableModel[],
  note?: string,
): HTMLElement {
  const section = el('section', undefined, 'report-figure');
  section.id = id;
  // Heading, note and chart stay on one page; a long table may run on.
  const head = el('div', undefined, 'report-figure-head');
  head.append(el('h2', heading));
  if (note) head.append(el('p', note, 'report-note'));
  const img = canvasId ? snapshot(canvasId) : null;
  if (img) head.append(img);
  section.append(head);
  for (const model of models) {
    const box = el('div', undefined, 'report-table');
    renderTable(box, model);
    section.append(box);
  }
  return section;
}

const COMPONENTS = [
  ['cpu', 'CPU'],
  ['gpu', 'GPU'],
  ['memory', 'Memory'],
  ['storage', 'Storage'],
  ['network', 'Network'],
  ['overhead', 'Data-centre overhead (PUE − 1)'],
] as const;

export function breakdownTable(result: EstimateResult, unit: MassUnit): TableModel {
  const m = (kg: number) => kg / unit.kgPer;
  const e = result.emissionsKgCo2e;
  const k = result.energyKwh.byComponent;
  const shown = COMPONENTS.filter(([key]) => e.byComponent[key] > 0 || k[key] > 0);
  return {
    id: 'report-breakdown',
    caption: 'Energy and emissions by component',
    columns: [
      { label: 'Component' },
      { label: 'Energy (kWh)', numeric: true },
      { label: `${unit.symbol}CO2e`, numeric: true },
    ],
    rows: [
      ...shown.map(([key, label]) => [label, k[key], m(e.byComponent[key])]),
      ['Embodied (manufacturing)', null, m(e.embodied)],
      ['Total', result.energyKwh.total, m(e.total)],
    ],
  };
}

/** The comparison; savings only against a chosen cloud region (a country or zone is not one). */
export function compareTable(
  result: CompareResult,
  provider: string,
  chosenRegion: string | null,
  unit: MassUnit,
): TableModel {
  const baseline = result.baseline.location;
  const rows = pickRows(result.table, baseline, provider);
  const chosen = (id: string) => chosenRegion !== null && id === chosenRegion;
  return {
    id: 'report-compare',
    caption: `The same workload in ${rows.length} of ${result.count} regions, lowest first`,
    columns: [
      { label: 'Rank', numeric: true },
      { label: 'Region' },
      { label: 'gCO2e/kWh', numeric: true },
      { label: `${unit.symbol}CO2e`, numeric: true },
      ...(chosenRegion ? [{ label: 'Saving %', numeric: true }] : []),
    ],
    rows: rows.map((r) => [
      r.rank,
      `${r.name} (${r.regionId})${chosen(r.regionId) ? ' — chosen' : ''}`,
      r.intensityGCo2ePerKwh,
      r.emissionsKgCo2e.total / unit.kgPer,
      ...(chosenRegion ? [r.savingPct] : []),
    ]),
    highlight: rows.map((r, i) => (chosen(r.regionId) ? i : -1)).filter((i) => i >= 0),
  };
}

/** Why a comparison has no chosen row, when the estimate was for a country or grid zone. */
export function compareNote(result: EstimateResult): string | undefined {
  const l = result.resolved.location;
  if (l.regionId) return undefined;
  const kg = result.emissionsKgCo2e.total;
  return `${l.name} is a ${l.kind === 'country' ? 'country' : 'grid zone'}, not a cloud region: compare these figures with the estimate for it, ${formatMass(kg, massUnitFor(kg))}.`;
}

/** With a start: the run as given against the best start found; the hourly values when few. */
export function timeTables(
  result: EstimateResult,
  profile: HourlyProfile | undefined,
  suggest: SuggestResult | undefined,
  hourly: TableModel | undefined,
  unit: MassUnit,
): TableModel[] {
  const models: TableModel[] = [];
  if (profile?.slice && suggest) {
    const best = suggest.time[0];
    models.push({
      id: 'report-time',
      caption: 'Start time: as given and the cleanest start within the allowed delay',
      columns: [
        { label: 'Run' },
        { label: `${unit.symbol}CO2e`, numeric: true },
        { label: 'Saving %', numeric: true },
      ],
      rows: [
        [
          `As given, from ${formatUtc(profile.slice.start)} (${formatNumber(result.durationHours)} h)`,
          suggest.asGiven.emissionsKgCo2e.total / unit.kgPer,
          0,
        ],
        best?.change.start
          ? [
              `Start at ${formatUtc(best.change.start)}`,
              best.emissionsKgCo2e.total / unit.kgPer,
              best.pctSaved,
            ]
          : ['No cleaner start found within the allowed delay', null, null],
      ],
    });
  }
  if (hourly && hourly.rows.length <= 48) models.push(...hourGrid(hourly));
  return models;
}

/** Hourly values in blocks of twelve hours (hour over value), so a day fits the page width. */
function hourGrid(model: TableModel): TableModel[] {
  const per = 12;
  const blocks: TableModel[] = [];
  for (let i = 0; i < model.rows.length; i += per) {
    const block = model.rows.slice(i, i + per);
    blocks.push({
      id: 'report-hourly',
      caption: i === 0 ? model.caption : '',
      columns: [
        { label: 'Hour (UTC)' },
        ...block.map((r) => ({ label: String(r[0]).slice(-5), numeric: true })),
      ],
      rows: [['gCO2e/kWh', ...block.map((r) => r[1] ?? null)]],
    });
  }
  return blocks;
}

/** One line on the hourly data: zone, year, and what the chart shows; or why there is none. */
export function profileNote(profile: ZoneProfile, hourlyRows: number): string {
  const hourly = hourlyProfile(profile);
  if (!hourly)
    return 'reason' in profile
      ? `No hourly data for ${profile.name} (${profile.zone}): ${String(profile.reason)}.`
      : `No hourly data for ${profile.name} (${profile.zone}).`;
  const level = (hourly as unknown as { level?: { year?: unknown } }).level?.year;
  const years =
    typeof level === 'number'
      ? `the hourly shape of ${hourly.year} scaled to the annual ${level} mean`
      : `data year ${hourly.year}`;
  const data = `Hourly grid intensity of ${hourly.name} (${hourly.zone}), ${years}${hourly.estimated ? ', mostly estimated by Electricity Maps' : ''}.`;
  if (!hourly.slice)
    return `${data} No start time was given, so the chart shows a typical day of the month and no later start was searched.`;
  return hourlyRows > 48
    ? `${data} The ${hourlyRows} hourly values are in the CSV and JSON exports.`
    : data;
}
