// The page: form -> POST /v1/estimate -> panels; the form's state lives in the query string.
import type { EstimateResult } from '../../src/core/schemas.ts';
import { callApi } from './api.ts';
import { loadCatalogue, showPresetInfo, type Catalogue } from './catalog.ts';
import { byId, download } from './dom.ts';
import {
  clearErrors,
  fromQuery,
  fromWorkload,
  readForm,
  showErrors,
  syncTask,
  toQuery,
  toWorkload,
  writeForm,
  type FormState,
} from './form.ts';
import { formatNumber } from './format.ts';
import { loadPanels, rerenderCompare, type PanelData } from './panels.ts';
import { renderReport } from './report.ts';
import { renderBasis, renderBreakdown, renderSummary } from './results.ts';
import { tablesToCsv, type TableModel } from './tables.ts';

interface Run {
  state: FormState;
  workload: Record<string, unknown>;
  estimate: EstimateResult;
  generatedAt: string;
  summary: TableModel;
  tables: TableModel[];
  panels: PanelData;
}

const form = byId<HTMLFormElement>('workload-form');
const results = byId('results');
const status = byId('status');
let extras: FormState = {};
let current: Run | null = null;
let inflight: AbortController | null = null;

function setStatus(state: 'idle' | 'loading' | 'ready' | 'error', message: string): void {
  results.dataset.state = state;
  status.textContent = message;
}

async function run(state: FormState, focusResults: boolean): Promise<void> {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  clearErrors(form);
  const provider = byId<HTMLSelectElement>('f-compare-provider').value;
  if (provider) state.compareProvider = provider;
  const workload = toWorkload(state);
  history.replaceState(null, '', `?${toQuery(state)}`);
  delete results.dataset.panels;
  setStatus('loading', 'Estimating…');
  const outcome = await callApi<EstimateResult>('v1/estimate', workload, controller.signal);
  if (controller.signal.aborted) return;
  if (!outcome.ok) {
    showErrors(form, outcome.problem.detail, outcome.problem.errors);
    setStatus('error', `${outcome.problem.title ?? 'Refused'}: ${outcome.problem.detail}`);
    return;
  }
  const estimate = outcome.value;
  byId('toolbar').hidden = false;
  byId('result-body').hidden = false;
  byId('share-url').hidden = true;
  renderSummary(estimate, state);
  const generatedAt = new Date().toISOString();
  byId('report-date').textContent = `${generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  byId('report-date').setAttribute('datetime', generatedAt);
  byId('report-method').textContent = estimate.methodologyVersion;
  byId('report-url').textContent = location.href;
  const e = estimate.emissionsKgCo2e;
  const summary: TableModel = {
    id: 'summary',
    caption: 'Result',
    columns: [
      { label: 'Quantity' },
      { label: 'Central', numeric: true },
      { label: 'Low', numeric: true },
      { label: 'High', numeric: true },
      { label: 'Unit' },
    ],
    rows: [
      ['Emissions (location-based + embodied)', e.total, e.low, e.high, 'kgCO2e'],
      ['Energy', estimate.energyKwh.total, estimate.energyKwh.low, estimate.energyKwh.high, 'kWh'],
      ['Operational, location-based', e.location, null, null, 'kgCO2e'],
      ['Operational, market-based', e.market, null, null, 'kgCO2e'],
      ['Embodied', e.embodied, null, null, 'kgCO2e'],
    ],
  };
  const tables = [renderBreakdown(estimate), renderBasis(estimate, catalogue.sources)];
  current = { state, workload, estimate, generatedAt, summary, tables, panels: {} };
  setStatus(
    'ready',
    `Estimate ready: ${formatNumber(e.total)} kgCO2e (range ${formatNumber(e.low)}–${formatNumber(e.high)}) and ${formatNumber(estimate.energyKwh.total)} kWh.`,
  );
  // Side by side on wide screens, so only a phone needs to be taken down to the results.
  const narrow = matchMedia('(max-width: 820px)').matches;
  if (focusResults) results.focus({ preventScroll: !narrow });
  else if (narrow) results.scrollIntoView({ block: 'start' });
  await loadPanels({ workload, state, estimate, signal: controller.signal }, current.panels);
  if (controller.signal.aborted) return;
  updateReport();
  results.dataset.panels = 'done';
}

/** The printed report, from the last answer (called again before printing, for the current filter). */
function updateReport(): void {
  if (current) renderReport({ ...current, presets: catalogue.presets, sources: catalogue.sources });
}

function exportRows(): TableModel[] {
  if (!current) return [];
  const p = current.panels;
  return [
    current.summary,
    ...current.tables.slice(0, 1),
    ...(p.suggestions ? [p.suggestions] : []),
    ...(p.compare ? [p.compare] : []),
    ...(p.profile ? [p.profile] : []),
    ...(p.hardware ? [p.hardware] : []),
    ...current.tables.slice(1),
  ];
}

function fileStem(): string {
  return `gridshift-${(current?.state.preset || current?.state.location || 'estimate').replace(/[^\w.-]+/g, '-')}`;
}

function wireToolbar(): void {
  byId('btn-json').addEventListener('click', () => {
    if (!current) return;
    const { state, workload, estimate, generatedAt, panels } = current;
    download(
      `${fileStem()}.json`,
      'application/json',
      JSON.stringify(
        {
          generatedAt,
          url: location.href,
          form: state,
          workload,
          estimate,
          compare: panels.compareRaw ?? null,
          suggest: panels.suggestRaw ?? null,
          profile: panels.profileRaw ?? null,
        },
        null,
        2,
      ),
    );
  });
  byId('btn-csv').addEventListener('click', () =>
    download(`${fileStem()}.csv`, 'text/csv', tablesToCsv(exportRows())),
  );
  byId('btn-print').addEventListener('click', () => window.print());
  // The listener ignores promises: share() settles its own failures.
  const share = async () => {
    const input = byId<HTMLInputElement>('share-url');
    input.value = location.href;
    input.hidden = false;
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = 'Share link copied to the clipboard.';
    } catch {
      input.select();
      status.textContent = 'Copy the share link from the box.';
    }
  };
  byId('btn-share').addEventListener('click', () => void share());
  byId<HTMLSelectElement>('f-compare-provider').addEventListener('change', (event) => {
    if (!current) return;
    const provider = (event.target as HTMLSelectElement).value;
    const state = { ...current.state };
    if (provider) state.compareProvider = provider;
    else delete state.compareProvider;
    current.state = state;
    history.replaceState(null, '', `?${toQuery(state)}`);
    rerenderCompare(current.panels, provider);
  });
  window.addEventListener('beforeprint', () => {
    updateReport();
    for (const d of document.querySelectorAll<HTMLDetailsElement>(
      '#details-assumptions, #details-sources',
    ))
      d.open = true;
  });
}

function wireForm(): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(readForm(form, extras), true);
  });
  form.addEventListener('reset', () => {
    setTimeout(() => {
      extras = {};
      syncTask(form);
      clearErrors(form);
      showPresetInfo(undefined);
    });
  });
  byId('f-ai-task').addEventListener('change', () => syncTask(form));
  byId('btn-start-next').addEventListener('click', () => {
    const next = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    byId<HTMLInputElement>('f-start').value = next.toISOString().slice(0, 16);
  });
  byId<HTMLSelectElement>('f-preset').addEventListener('change', (event) => {
    const id = (event.target as HTMLSelectElement).value;
    const preset = catalogue.presets?.find((p) => p.id === id);
    showPresetInfo(preset);
    if (!preset) return;
    const delay = byId<HTMLInputElement>('f-delay').value;
    applyState({
      preset: id,
      ...fromWorkload(preset.workload),
      ...(delay ? { delayHours: delay } : {}),
    });
  });
}

/** Puts a state into the form; names without a control (a preset's rarer fields) are kept aside. */
function applyState(state: FormState): void {
  catalogue.regions.ensure(state.location);
  extras = writeForm(form, state);
  delete extras.compareProvider;
  byId<HTMLSelectElement>('f-compare-provider').value = state.compareProvider ?? '';
  clearErrors(form);
}

const catalogue: Catalogue = await loadCatalogue();
wireForm();
wireToolbar();
syncTask(form);
const restored = fromQuery(location.search);
if (restored.location) {
  applyState(restored);
  showPresetInfo(catalogue.presets?.find((p) => p.id === restored.preset));
  void run(readForm(form, extras), false);
}
document.documentElement.dataset.ready = 'true';
