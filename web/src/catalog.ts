// What the form offers: presets, regions, GPUs, models and (searched as you type) instances and CPUs.
import { callApi } from './api.ts';
import { byId, el } from './dom.ts';
import { RegionPicker, type RegionRow } from './regions.ts';
import type { SourceInfo } from './results.ts';

export interface PresetRow {
  id: string;
  name: string;
  category: string;
  description: string;
  workload: Record<string, unknown>;
  assumptions: string[];
  references: string[];
}

/** Display names for ids the API answers with (`nvidia-b200` -> `NVIDIA B200`). */
export interface Names {
  gpu(id: string): string;
  region(id: string): string;
}

export interface Catalogue {
  presets: PresetRow[] | null;
  regions: RegionPicker;
  sources: Map<string, SourceInfo>;
  names: Names;
}

interface Named {
  id: string;
  name?: string;
  type?: string;
}

/** Loads everything the form lists, in parallel; a missing endpoint leaves its control usable by typing. */
export async function loadCatalogue(): Promise<Catalogue> {
  const picker = new RegionPicker(
    byId<HTMLSelectElement>('f-location'),
    byId<HTMLInputElement>('f-location-search'),
    byId('location-count'),
    byId('location-matches'),
  );
  const [presets, regions, gpus, sources] = await Promise.all([
    callApi<{ presets: PresetRow[] }>('v1/presets'),
    callApi<{ regions: RegionRow[] }>('v1/regions'),
    callApi<{ gpus: { items: Named[] } }>('v1/hardware?kind=gpus&limit=500'),
    callApi<{ sources: SourceInfo[] }>('v1/sources'),
  ]);
  if (regions.ok) picker.setRegions(regions.value.regions);
  else
    byId('location-count').textContent =
      `Regions could not be listed (${regions.problem.detail}); pick from the list.`;
  if (gpus.ok) fillDatalist('dl-gpus', gpus.value.gpus.items);
  fillPresets(presets.ok ? presets.value.presets : null);
  searchAsYouType('f-instance-type', 'dl-instances', 'instances');
  searchAsYouType('f-cpu-model', 'dl-cpus', 'cpus');
  const gpuNames = new Map(
    (gpus.ok ? gpus.value.gpus.items : []).map((g) => [g.id, g.name ?? g.id]),
  );
  return {
    presets: presets.ok ? presets.value.presets : null,
    regions: picker,
    names: {
      gpu: (id) => gpuNames.get(id) ?? id,
      region: (id) => picker.labelOf(id),
    },
    sources: new Map((sources.ok ? sources.value.sources : []).map((s) => [s.id, s])),
  };
}

let models: Promise<void> | null = null;

/** The model list (~77 KB) is fetched the first time an AI size mode or the model field needs it. */
export function ensureModels(): Promise<void> {
  models ??= callApi<{ models: Named[] }>('v1/models').then((res) => {
    if (res.ok) fillDatalist('dl-models', res.value.models);
    else models = null;
  });
  return models;
}

function fillPresets(presets: PresetRow[] | null): void {
  const select = byId<HTMLSelectElement>('f-preset');
  if (!presets) {
    select.replaceChildren(new Option('Presets are not available on this server', ''));
    select.disabled = true;
    return;
  }
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const p of presets) {
    let group = groups.get(p.category);
    if (!group) {
      group = document.createElement('optgroup');
      group.label = CATEGORY_LABELS[p.category] ?? p.category;
      groups.set(p.category, group);
    }
    group.append(new Option(p.name, p.id));
  }
  select.replaceChildren(new Option('None — free entry', ''), ...groups.values());
}

const CATEGORY_LABELS: Record<string, string> = {
  'ai-training': 'AI training',
  'ai-inference': 'AI inference',
  analytics: 'Analytics',
  service: 'Services',
};

/** The preset's description, assumptions and references under the select. */
export function showPresetInfo(preset: PresetRow | undefined): void {
  const box = byId('preset-info');
  box.hidden = !preset;
  if (!preset) return box.replaceChildren();
  const list = el('ul');
  list.append(...preset.assumptions.map((a) => el('li', a)));
  box.replaceChildren(
    el('p', preset.description),
    el('strong', 'Assumes'),
    list,
    el('p', `References: ${preset.references.join('; ')}`, 'hint'),
  );
}

function fillDatalist(id: string, rows: readonly Named[]): void {
  byId(id).replaceChildren(
    ...rows.map((r) => new Option(r.name && r.name !== r.id ? r.name : '', r.id)),
  );
}

function searchAsYouType(inputId: string, listId: string, kind: 'instances' | 'cpus'): void {
  const input = byId<HTMLInputElement>(inputId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    const search = async (): Promise<void> => {
      controller?.abort();
      controller = new AbortController();
      try {
        const res = await callApi<Record<string, { items: Named[] }>>(
          `v1/hardware?kind=${kind}&limit=20&q=${encodeURIComponent(q)}`,
          undefined,
          controller.signal,
        );
        if (res.ok) fillDatalist(listId, res.value[kind]?.items ?? []);
      } catch {
        // aborted by a newer keystroke
      }
    };
    timer = setTimeout(() => void search(), 200);
  });
}
