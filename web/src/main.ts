// The page: form -> POST /v1/estimate -> panels; the form's state lives in the query string.
import type { EstimateResult } from '../../src/core/schemas.ts';
import { callApi } from './api.ts';
import { ensureModels, loadCatalogue, showPresetInfo, type Catalogue } from './catalog.ts';
import { byId, download } from './dom.ts';
import {
  clearErrors,
  describeSent,
  fromQuery,
  fromWorkload,
  pruneState,
  readForm,
  showErrors,
  syncTask,
  toQuery,
  toWorkload,
  writeForm,
  type FormState,
} from './form.ts';
import { formatMass, formatNumber, massUnitFor } from './format.ts';
import { loadPanels, rerenderCompare, type PanelData } from './panels.ts';
import { renderReport } from './report.ts';
import { renderBasis, renderBreakdown, renderSummary } from './results.ts';
import { rangeColumns, tablesToCsv, type TableModel } from './tables.ts';

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

const INITIAL_STATUS = 'Choose a preset or describe a workload, then press Estimate.';
const TOOLBAR_BUTTONS = ['btn-share', 'btn-json', 'btn-csv', 'btn-print'];

function setStatus(state: 'idle' | 'loading' | 'ready' | 'error', message: string): void {
  results.dataset.state = state;
  status.textContent = message;
}

/** The result no longer matches the form: said in words, and Share, Export and Print are off. */
function markStale(): void {
  if (!current || results.dataset.stale === 'true') return;
  results.dataset.stale = 'true';
  byId('stale-note').hidden = false;
  for (const id of TOOLBAR_BUTTONS) byId<HTMLButtonElement>(id).disabled = true;
  byId('share-url').hidden = true;
}

function markFresh(): void {
  delete results.dataset.stale;
  byId('stale-note').hidden = true;
  for (const id of TOOLBAR_BUTTONS) byId<HTMLButtonElement>(id).disabled = false;
}

/** Clear: no result, no example, nothing in the URL. */
function clearResult(): void {
  inflight?.abort();
  inflight = null;
  current = null;
  markFresh();
  delete results.dataset.example;
  delete results.dataset.panels;
  byId('toolbar').hidden = true;
  byId('result-body').hidden = true;
  byId('example-label').hidden = true;
  history.replaceState(null, '', location.pathname);
  setStatus('idle', INITIAL_STATUS);
}

async function run(given: FormState, focusResults: boolean): Promise<void> {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  clearErrors(form);
  const state = pruneState(given);
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
  delete results.dataset.example;
  byId('example-label').hidden = true;
  byId('toolbar').hidden = false;
  byId('result-body').hidden = false;
  byId('share-url').hidden = true;
  markFresh();
  const unit = massUnitFor(estimate.emissionsKgCo2e.total);
  renderSummary(estimate, {
    inputs: state,
    sent: describeSent(form, workload),
    presetName: presetName(state.preset),
    sources: catalogue.sources,
    unit,
  });
  const generatedAt = new Date().toISOString();
  byId('report-date').textContent = `${generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  byId('report-date').setAttribute('datetime', generatedAt);
  byId('report-method').textContent = estimate.methodologyVersion;
  byId('report-url').textContent = location.href;
  const e = estimate.emissionsKgCo2e;
  const t = (kg: number | null) => (kg === null ? null : kg / unit.kgPer);
  const mass = `${unit.symbol}CO2e`;
  const summary: TableModel = {
    id: 'summary',
    caption: 'Result',
    columns: rangeColumns(),
    rows: [
      ['Emissions (location-based + embodied)', t(e.total), t(e.low), t(e.high), mass],
      ['Energy', estimate.energyKwh.total, estimate.energyKwh.low, estimate.energyKwh.high, 'kWh'],
      ['Operational, location-based', t(e.location), null, null, mass],
      ['Operational, market-based', t(e.market), null, null, mass],
      ['Embodied', t(e.embodied), null, null, mass],
    ],
  };
  const tables = [renderBreakdown(estimate, unit), renderBasis(estimate, catalogue.sources)];
  current = { state, workload, estimate, generatedAt, summary, tables, panels: {} };
  setStatus(
    'ready',
    `Estimate ready: ${formatMass(e.total, unit)} (range ${formatMass(e.low, unit)} – ${formatMass(e.high, unit)}) and ${formatNumber(estimate.energyKwh.total)} kWh.`,
  );
  // Side by side on wide screens, so only a phone needs to be taken down to the results.
  const narrow = matchMedia('(max-width: 820px)').matches;
  if (focusResults) results.focus({ preventScroll: !narrow });
  else if (narrow) results.scrollIntoView({ block: 'start' });
  await loadPanels(
    { workload, state, estimate, signal: controller.signal, unit, names: catalogue.names },
    current.panels,
  );
  if (controller.signal.aborted) return;
  updateReport();
  results.dataset.panels = 'done';
}

/** The printed report, from the last answer (called again before printing, for the current filter). */
function updateReport(): void {
  if (current) renderReport({ ...current, presets: catalogue.presets, sources: catalogue.sources });
}

/**
 * First visit: the form's starting values estimated by the API, shown as a labelled example (summary
 * and breakdown only, no export), so the result column is never empty. Any Estimate replaces it.
 */
function startExample(): () => Promise<void> {
  const controller = new AbortController();
  inflight = controller;
  const state = pruneState(readForm(form, {}));
  const workload = toWorkload(state);
  const answer = callApi<EstimateResult>('v1/estimate', workload, controller.signal).catch(
    () => null,
  );
  return () => showExample(controller, state, workload, answer);
}

async function showExample(
  controller: AbortController,
  state: FormState,
  workload: Record<string, unknown>,
  answer: Promise<Awaited<ReturnType<typeof callApi<EstimateResult>>> | null>,
): Promise<void> {
  const outcome = await answer;
  if (controller.signal.aborted || !outcome?.ok) return;
  inflight = null;
  const estimate = outcome.value;
  results.dataset.example = 'true';
  byId('example-label').hidden = false;
  byId('result-body').hidden = false;
  const sent = describeSent(form, workload);
  const unit = massUnitFor(estimate.emissionsKgCo2e.total);
  renderSummary(estimate, { inputs: state, sent, sources: catalogue.sources, unit });
  renderBreakdown(estimate, unit);
  setStatus(
    'ready',
    `Example, not your workload: ${sent.join(', ')} (the form's starting values). Change the form and press Estimate for your own.`,
  );
}

function presetName(id: string | undefined): string | undefined {
  return id ? catalogue.presets?.find((p) => p.id === id)?.name : undefined;
}

function exportRows(): TableModel[] {
  if (!current) return [];
  const p = current.panels;
  return [
    current.summary,
    ...current.tables.slice(0, 1),
    ...(p.scenarios ? [p.scenarios] : []),
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
    if (!current || results.dataset.stale === 'true') return;
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
  byId('btn-csv').addEventListener('click', () => {
    if (current && results.dataset.stale !== 'true')
      download(`${fileStem()}.csv`, 'text/csv', tablesToCsv(exportRows()));
  });
  byId('btn-print').addEventListener('click', () => {
    if (current && results.dataset.stale !== 'true') window.print();
  });
  // The listener ignores promises: share() settles its own failures.
  const share = async () => {
    if (!current || results.dataset.stale === 'true') return;
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
    clearResult();
    setTimeout(() => {
      extras = {};
      syncTask(form);
      clearErrors(form);
      showPresetInfo(undefined);
    });
  });
  // Any edit, in any field or the preset, makes the result shown out of date.
  form.addEventListener('input', markStale);
  form.addEventListener('change', markStale);
  byId('f-ai-task').addEventListener('change', (event) => {
    syncTask(form);
    if ((event.target as HTMLSelectElement).value) void ensureModels();
  });
  byId('f-ai-model').addEventListener('focus', () => void ensureModels(), { once: true });
  byId('btn-start-next').addEventListener('click', () => {
    const next = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    byId<HTMLInputElement>('f-start').value = next.toISOString().slice(0, 16);
    markStale();
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

/**
 * The sticky form panel starts below the header on first view, so its height is what is left of the
 * viewport below its top: the Estimate button at its foot is then always on screen.
 */
function fitFormPanel(): void {
  const panel = byId('workload');
  let queued = false;
  const fit = () => {
    queued = false;
    const top = Math.max(0, panel.getBoundingClientRect().top - 8);
    panel.style.setProperty('--form-offset', `${Math.round(top)}px`);
  };
  const queue = () => {
    if (!queued) requestAnimationFrame(fit);
    queued = true;
  };
  fit();
  addEventListener('scroll', queue, { passive: true });
  addEventListener('resize', queue);
}

/** Puts a state into the form; names without a control (a preset's rarer fields) are kept aside. */
function applyState(state: FormState): void {
  catalogue.regions.ensure(state.location);
  extras = writeForm(form, state);
  if (state['ai.task']) void ensureModels();
  delete extras.compareProvider;
  byId<HTMLSelectElement>('f-compare-provider').value = state.compareProvider ?? '';
  clearErrors(form);
}

const restored = fromQuery(location.search);
// The example is asked for while the catalogue loads (the form's starting values need none of it).
const example = restored.location ? null : startExample();
const catalogue: Catalogue = await loadCatalogue();
wireForm();
wireToolbar();
syncTask(form);
if (restored.location) {
  applyState(restored);
  showPresetInfo(catalogue.presets?.find((p) => p.id === restored.preset));
  void run(readForm(form, extras), false);
} else if (example) void example();
fitFormPanel();
document.documentElement.dataset.ready = 'true';
