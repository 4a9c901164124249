// The printed report (#report, shown only in print): built from the last estimate, the request body
// actually sent and the panels' answers, so what is handed on says what was asked and answered.
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { PresetRow } from './catalog.ts';
import { byId, el } from './dom.ts';
import type { FormState } from './form.ts';
import { formatUtc, massUnitFor, type MassUnit } from './format.ts';
import type { PanelData } from './panels.ts';
import { citeBibtex, citeText, type Citation } from './report-cite.ts';
import {
  breakdownTable,
  compareNote,
  compareTable,
  figure,
  hourlyProfile,
  profileNote,
  timeTables,
} from './report-figures.ts';
import { citedSources, factorsTable, optionsList, sourcesList } from './report-basis.ts';
import { methodParagraph, summarySentences } from './report-summary.ts';
import { describeInputs, workloadName } from './report-words.ts';
import type { SourceInfo } from './results.ts';
import { rangeColumns, renderTable, type TableModel } from './tables.ts';

export interface ReportInput {
  state: FormState;
  /** The body of POST /v1/estimate as sent. */
  workload: Record<string, unknown>;
  estimate: EstimateResult;
  generatedAt: string;
  panels: PanelData;
  presets: readonly PresetRow[] | null;
  sources: ReadonlyMap<string, SourceInfo>;
}

/** Rebuilds the report from the last answer; call after the panels load and before printing. */
export function renderReport(input: ReportInput): void {
  const { estimate, panels } = input;
  const unit = massUnitFor(estimate.emissionsKgCo2e.total);
  const name = reportName(input);
  const shareUrl = location.href;
  const methodologyUrl = new URL('methodology.html', document.baseURI).href;
  byId('report-workload').textContent = name;
  const date = byId('report-date');
  date.textContent = formatUtc(input.generatedAt);
  date.setAttribute('datetime', input.generatedAt);
  byId('report-method').textContent = estimate.methodologyVersion;
  byId('report-url').textContent = shareUrl;
  byId('report-methodology-url').textContent = methodologyUrl;
  byId('report-method-text').textContent = methodParagraph(estimate);

  const summary = el('section', undefined, 'report-summary');
  summary.id = 'report-summary';
  summary.append(
    el('h2', 'Summary'),
    el('p', summarySentences(estimate, panels.suggestRaw).join(' ')),
  );

  const inputs = el('section');
  inputs.id = 'report-inputs';
  const dl = el('dl', undefined, 'report-inputs');
  for (const line of describeInputs(input.workload, estimate, input.state.delayHours))
    dl.append(el('dt', line.label), el('dd', line.text));
  inputs.append(el('h2', 'Inputs'), dl);

  const notReady = (panelId: string) =>
    document.querySelector(`#${panelId} > .panel-note`)?.textContent?.trim() ||
    'Not available when this report was made.';
  const compare = panels.compareRaw
    ? figure(
        'report-fig-compare',
        'Same workload in other regions',
        'chart-compare',
        [
          compareTable(
            panels.compareRaw,
            input.state.compareProvider ?? '',
            estimate.resolved.location.regionId,
            unit,
          ),
        ],
        compareNote(estimate),
      )
    : figure('report-fig-compare', 'Same workload in other regions', null, [], notReady('compare'));
  const hourly = hourlyProfile(panels.profileRaw);
  const sources = citedSources(estimate, input.sources, hourly ? [hourly.source] : []);
  const time = timeTables(estimate, hourly, panels.suggestRaw, panels.profile, unit);
  const timeFigure = figure(
    'report-fig-time',
    'Grid intensity over time and the start window',
    hourly ? 'chart-profile' : null,
    time,
    panels.profileRaw
      ? profileNote(panels.profileRaw, panels.profile?.rows.length ?? 0)
      : notReady('profile'),
  );

  // The page marks a result the form has moved away from; on paper that must be said too.
  const stale = document.getElementById('results')?.dataset.stale === 'true';
  byId('report-body').replaceChildren(
    ...(stale
      ? [
          el(
            'p',
            'Out of date: the form was changed after this estimate; this report shows the estimate as it was made (its share link reopens it).',
            'report-stale',
          ),
        ]
      : []),
    summary,
    resultSection(estimate, unit),
    inputs,
    figure('report-fig-breakdown', 'Where the emissions come from', 'chart-breakdown', [
      breakdownTable(estimate, unit),
    ]),
    compare,
    timeFigure,
    optionsList(panels.suggestRaw, unit),
    listSection('report-assumptions', 'Assumptions', estimate.assumptions),
    factorsTable(estimate, sources),
    sourcesList(sources),
  );
  renderCitation({
    workload: name,
    methodologyVersion: estimate.methodologyVersion,
    generatedAt: input.generatedAt,
    shareUrl,
    methodologyUrl,
  });
  byId('report').dataset.generatedAt = input.generatedAt;
}

/** The preset's name (marked when the form changed it), else the workload in words. */
function reportName(input: ReportInput): string {
  const preset = input.presets?.find((p) => p.id === input.state.preset);
  if (!preset) return workloadName(input.workload, input.estimate, undefined);
  const changed = changedFields(preset.workload, input.workload);
  return changed.length ? `${preset.name}, modified (${changed.join(', ')})` : preset.name;
}

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value))
      for (const [path, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(path, leaf);
  } else {
    const ms = prefix === 'start' && typeof value === 'string' ? Date.parse(value) : NaN;
    out.set(prefix, Number.isNaN(ms) ? String(value) : String(ms));
  }
  return out;
}

/** Dotted fields whose value differs between the preset's workload and the body sent. */
function changedFields(preset: Record<string, unknown>, sent: Record<string, unknown>): string[] {
  const a = leaves(preset);
  const b = leaves(sent);
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
}

function resultSection(result: EstimateResult, unit: MassUnit): HTMLElement {
  const m = (kg: number) => kg / unit.kgPer;
  const u = `${unit.symbol}CO2e`;
  const e = result.emissionsKgCo2e;
  const model: TableModel = {
    id: 'report-result',
    caption: 'Emissions, energy and water, with the range where one is computed',
    columns: rangeColumns(),
    rows: [
      ['Emissions (location-based + embodied)', m(e.total), m(e.low), m(e.high), u],
      [
        'Energy (at the meter, incl. PUE)',
        result.energyKwh.total,
        result.energyKwh.low,
        result.energyKwh.high,
        'kWh',
      ],
      ['Operational, location-based', m(e.location), null, null, u],
      ['Operational, market-based', m(e.market), null, null, u],
      ['Embodied (manufacturing)', m(e.embodied), null, null, u],
      ...(result.waterL === null ? [] : [['Water (on site)', result.waterL, null, null, 'L']]),
      ...(result.sci
        ? [[`Per ${result.sci.functionalUnit}`, result.sci.gCo2ePerUnit, null, null, 'gCO2e']]
        : []),
    ],
  };
  const section = el('section');
  section.id = 'report-result';
  const box = el('div', undefined, 'report-table');
  renderTable(box, model);
  section.append(el('h2', 'Result'), box);
  return section;
}

function listSection(id: string, heading: string, items: readonly string[]): HTMLElement {
  const section = el('section');
  section.id = id;
  const list = el('ul');
  list.append(...items.map((a) => el('li', a)));
  section.append(el('h2', heading), list);
  return section;
}

function renderCitation(c: Citation): void {
  byId('report-cite-text').textContent = citeText(c);
  byId('report-cite-bibtex').textContent = citeBibtex(c);
}
