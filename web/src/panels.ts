// Panels fed by the other endpoints: region comparison (/v1/compare), suggestions and hardware
// alternatives (/v1/suggest), and the zone's hourly profile. A server without an endpoint gets a
// "not available" note in that panel; nothing is invented in its place.
import type { CompareResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import { callApi, type Outcome } from './api.ts';
import { clearChart } from './charts.ts';
import { compareNote, renderCompare } from './compare-panel.ts';
import { byId, setPanelState } from './dom.ts';
import type { FormState } from './form.ts';
import type { TableModel } from './tables.ts';

export interface PanelContext {
  workload: Record<string, unknown>;
  state: FormState;
  estimate: EstimateResult;
  signal: AbortSignal;
}

/** What the panels showed, for export. */
export interface PanelData {
  compare?: TableModel;
  suggestions?: TableModel;
  profile?: TableModel;
  hardware?: TableModel;
  compareRaw?: CompareResult;
  suggestRaw?: unknown;
  profileRaw?: unknown;
}

const PANELS = {
  compare: { id: 'compare', canvas: 'chart-compare', endpoint: 'POST /v1/compare', what: 'Region comparison' },
  suggestions: { id: 'suggestions', canvas: null, endpoint: 'POST /v1/suggest', what: 'Suggestions' },
  hardware: { id: 'hardware', canvas: 'chart-hardware', endpoint: 'POST /v1/suggest', what: 'Hardware alternatives' },
  profile: { id: 'profile', canvas: 'chart-profile', endpoint: 'an hourly profile endpoint', what: 'Hourly profile' },
} as const;

type PanelKey = keyof typeof PANELS;

/** Marks a panel not ready: unavailable (no endpoint), refused (the API's message) or empty. */
export function panelNotReady(key: PanelKey, outcome: Exclude<Outcome<unknown>, { ok: true }> | null, emptyMessage = ''): void {
  const panel = PANELS[key];
  if (panel.canvas) clearChart(byId<HTMLCanvasElement>(panel.canvas));
  if (!outcome) return setPanelState(panel.id, 'empty', emptyMessage);
  if (outcome.unavailable) return setPanelState(panel.id, 'unavailable', `Not available: this server does not provide ${panel.endpoint}.`);
  setPanelState(panel.id, 'error', `${panel.what} could not be computed: ${outcome.problem.detail}`);
}

/** Loads every panel in parallel; each renders itself as soon as its answer arrives. */
export async function loadPanels(ctx: PanelContext, data: PanelData): Promise<void> {
  for (const key of Object.keys(PANELS) as PanelKey[]) setPanelState(PANELS[key].id, 'loading', 'Loading…');
  await Promise.all([loadCompare(ctx, data), loadSuggest(ctx, data)]);
}

async function loadCompare(ctx: PanelContext, data: PanelData): Promise<void> {
  const outcome = await callApi<CompareResult>('v1/compare', { workload: ctx.workload, top: 10 }, ctx.signal);
  if (ctx.signal.aborted) return;
  if (!outcome.ok) return panelNotReady('compare', outcome);
  data.compareRaw = outcome.value;
  setPanelState('compare', 'ready', compareNote(outcome.value));
  data.compare = renderCompare(outcome.value, ctx.state.compareProvider ?? '');
}

async function loadSuggest(ctx: PanelContext, data: PanelData): Promise<void> {
  const outcome = await callApi<unknown>('v1/suggest', ctx.workload, ctx.signal);
  if (ctx.signal.aborted) return;
  if (!outcome.ok) {
    panelNotReady('suggestions', outcome);
    panelNotReady('hardware', outcome);
    panelNotReady('profile', outcome);
    return;
  }
  data.suggestRaw = outcome.value;
}

/** Redraws the comparison for another provider filter from the answer already loaded. */
export function rerenderCompare(data: PanelData, provider: string): void {
  if (data.compareRaw) data.compare = renderCompare(data.compareRaw, provider);
}
