// Panels fed by the other endpoints: region comparison (/v1/compare), suggestions and hardware
// alternatives (/v1/suggest), and the zone's hourly profile (/v1/zones/:id/profile). A server without
// an endpoint gets a "not available" note in that panel; nothing is invented in its place.
import type { ZoneProfile } from '../../src/service/zone-profile.ts';
import type { CompareResult, SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import { callApi, type Outcome } from './api.ts';
import type { Names } from './catalog.ts';
import { clearChart } from './charts.ts';
import { compareNote, renderCompare } from './compare-panel.ts';
import { byId, setPanelState } from './dom.ts';
import type { MassUnit } from './format.ts';
import type { FormState } from './form.ts';
import { renderProfile, renderProfileTable, sliceHours } from './profile-panel.ts';
import { renderHardware, renderSuggestions } from './suggest-panel.ts';
import type { TableModel } from './tables.ts';

export interface PanelContext {
  workload: Record<string, unknown>;
  state: FormState;
  estimate: EstimateResult;
  signal: AbortSignal;
  /** The one mass unit of this result's view. */
  unit: MassUnit;
  names: Names;
}

/** What the panels showed, for export. */
export interface PanelData {
  compare?: TableModel;
  suggestions?: TableModel;
  scenarios?: TableModel;
  profile?: TableModel;
  hardware?: TableModel;
  compareRaw?: CompareResult;
  unit?: MassUnit;
  suggestRaw?: SuggestResult;
  profileRaw?: ZoneProfile;
}

const PANELS = {
  compare: {
    id: 'compare',
    canvas: 'chart-compare',
    endpoint: 'POST /v1/compare',
    what: 'Region comparison',
  },
  suggestions: {
    id: 'suggestions',
    canvas: null,
    endpoint: 'POST /v1/suggest',
    what: 'Suggestions',
  },
  hardware: {
    id: 'hardware',
    canvas: 'chart-hardware',
    endpoint: 'POST /v1/suggest',
    what: 'Hardware alternatives',
  },
  profile: {
    id: 'profile',
    canvas: 'chart-profile',
    endpoint: 'GET /v1/zones/{id}/profile',
    what: 'The hourly profile',
  },
} as const;

type PanelKey = keyof typeof PANELS;

/** Marks a panel not ready: unavailable (no endpoint), refused (the API's message) or empty. */
function panelNotReady(
  key: PanelKey,
  outcome: Exclude<Outcome<unknown>, { ok: true }> | null,
  emptyMessage = '',
): void {
  const panel = PANELS[key];
  if (panel.canvas) clearChart(byId<HTMLCanvasElement>(panel.canvas));
  if (!outcome) return setPanelState(panel.id, 'empty', emptyMessage);
  if (outcome.unavailable)
    return setPanelState(
      panel.id,
      'unavailable',
      `Not available: this server does not provide ${panel.endpoint}.`,
    );
  setPanelState(
    panel.id,
    'error',
    `${panel.what} could not be computed: ${outcome.problem.detail}`,
  );
}

/** Loads every panel in parallel; each renders itself as soon as its answer arrives. */
export async function loadPanels(ctx: PanelContext, data: PanelData): Promise<void> {
  data.unit = ctx.unit;
  for (const key of Object.keys(PANELS) as PanelKey[])
    setPanelState(PANELS[key].id, 'loading', 'Loading…');
  await Promise.all([
    loadCompare(ctx, data),
    loadSuggest(ctx, data).then((suggest) => loadProfile(ctx, data, suggest)),
  ]);
}

async function loadCompare(ctx: PanelContext, data: PanelData): Promise<void> {
  const outcome = await callApi<CompareResult>(
    'v1/compare',
    { workload: ctx.workload, top: 10 },
    ctx.signal,
  );
  if (ctx.signal.aborted) return;
  if (!outcome.ok) return panelNotReady('compare', outcome);
  data.compareRaw = outcome.value;
  setPanelState('compare', 'ready', compareNote(outcome.value, ctx.unit, ctx.estimate));
  data.compare = renderCompare(outcome.value, ctx.state.compareProvider ?? '', ctx.unit);
}

function delayHours(state: FormState): number | null {
  const delay = Number(state.delayHours);
  return state.delayHours !== undefined && Number.isFinite(delay) && delay >= 0 ? delay : null;
}

async function loadSuggest(ctx: PanelContext, data: PanelData): Promise<SuggestResult | null> {
  const delay = delayHours(ctx.state);
  const body = {
    workload: ctx.workload,
    top: 5,
    ...(delay === null ? {} : { flexibility: { delayHours: delay } }),
  };
  const outcome = await callApi<SuggestResult>('v1/suggest', body, ctx.signal);
  if (ctx.signal.aborted) return null;
  if (!outcome.ok) {
    panelNotReady('suggestions', outcome);
    panelNotReady('hardware', outcome);
    return null;
  }
  data.suggestRaw = outcome.value;
  setPanelState('suggestions', 'ready');
  const start = typeof ctx.workload.start === 'string' ? ctx.workload.start : null;
  const rendered = renderSuggestions(outcome.value, { ...ctx, start });
  data.suggestions = rendered.options;
  data.scenarios = rendered.scenarios;
  if (outcome.value.hardware.length > 0) {
    // Shown before drawing, so chart.js measures a visible canvas.
    setPanelState(
      'hardware',
      'ready',
      'The same work on other accelerators, with the run time scaled by their throughput.',
    );
    data.hardware = renderHardware(outcome.value, { ...ctx, start }) ?? undefined;
  } else {
    const why = outcome.value.notes.find((n) => n.startsWith('hardware:'));
    panelNotReady(
      'hardware',
      null,
      why ?? 'No hardware alternative applies to this workload (it names no GPU).',
    );
  }
  return outcome.value;
}

async function loadProfile(
  ctx: PanelContext,
  data: PanelData,
  suggest: SuggestResult | null,
): Promise<void> {
  const zone = ctx.estimate.resolved.location.zone;
  if (!zone)
    return panelNotReady(
      'profile',
      null,
      'This location has no grid zone, so there is no hourly profile.',
    );
  const start = typeof ctx.workload.start === 'string' ? ctx.workload.start : null;
  const hours = sliceHours(ctx.estimate.durationHours, delayHours(ctx.state) ?? 0);
  // The level year the estimate used, so the chart's level matches the estimate's when the form gives a year.
  const year = typeof ctx.workload.year === 'number' ? `&year=${ctx.workload.year}` : '';
  const query = start ? `?start=${encodeURIComponent(start)}&hours=${hours}${year}` : '';
  const outcome = await callApi<ZoneProfile>(
    `v1/zones/${encodeURIComponent(zone)}/profile${query}`,
    undefined,
    ctx.signal,
  );
  if (ctx.signal.aborted) return;
  if (!outcome.ok) {
    if (outcome.unavailable) return panelNotReady('profile', outcome);
    return panelNotReady('profile', null, outcome.problem.detail);
  }
  data.profileRaw = outcome.value;
  setPanelState('profile', 'ready');
  const month = start ? new Date(start).getUTCMonth() : new Date().getUTCMonth();
  const view = renderProfile(outcome.value, ctx.estimate.durationHours, suggest?.time[0], month);
  setPanelState('profile', 'ready', view.note);
  renderProfileTable(view.table);
  data.profile = view.table;
}

/** Redraws the comparison for another provider filter from the answer already loaded. */
export function rerenderCompare(data: PanelData, provider: string): void {
  if (data.compareRaw && data.unit)
    data.compare = renderCompare(data.compareRaw, provider, data.unit);
}
