// What the report rests on: the greener options found, the factors (each citing a numbered source)
// and the sources by title with licence, year and address, never by internal id.
import type { SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import { el } from './dom.ts';
import { formatMass, formatNumber, formatUtc, type MassUnit } from './format.ts';
import type { SourceInfo } from './results.ts';
import { renderTable, type TableModel } from './tables.ts';

export type CitedSource = Pick<SourceInfo, 'id' | 'title' | 'licence' | 'year' | 'url'>;

/** The estimate's sources, then any other the report shows (the hourly profile's), each once. */
export function citedSources(
  result: EstimateResult,
  catalogue: ReadonlyMap<string, SourceInfo>,
  extraIds: readonly string[],
): CitedSource[] {
  const list: CitedSource[] = [...result.sources];
  for (const id of extraIds) {
    const known = catalogue.get(id);
    if (known && !list.some((s) => s.id === id)) list.push(known);
  }
  return list;
}

export function sourcesList(sources: readonly CitedSource[]): HTMLElement {
  const section = el('section');
  section.id = 'report-sources';
  const list = el('ol', undefined, 'report-sources');
  for (const s of sources) {
    const li = el('li');
    li.dataset.source = s.id;
    li.append(el('cite', s.title), ` — ${s.licence}; ${s.year}. `, el('span', s.url, 'report-url'));
    list.append(li);
  }
  section.append(el('h2', 'Sources and licences'), list);
  return section;
}

/** Every factor with its value, unit, year and the number of its source in the list. */
export function factorsTable(result: EstimateResult, sources: readonly CitedSource[]): HTMLElement {
  const ref = (id: string) => {
    if (id === 'user') return 'given';
    const n = sources.findIndex((s) => s.id === id);
    return n >= 0 ? `[${n + 1}]` : 'not listed';
  };
  const model: TableModel = {
    id: 'report-factors',
    caption: 'Factors behind the numbers (source numbers refer to the list below)',
    columns: [
      { label: 'Factor' },
      { label: 'Value', numeric: true },
      { label: 'Unit' },
      { label: 'Source' },
      { label: 'Year' },
    ],
    rows: result.factors.map((f) => [
      f.label,
      f.value,
      f.unit,
      ref(f.source),
      f.year === null ? null : String(f.year),
    ]),
  };
  const section = el('section');
  section.id = 'report-factors';
  const box = el('div', undefined, 'report-table');
  renderTable(box, model);
  section.append(el('h2', 'Factors'), box);
  return section;
}

const KINDS = [
  ['region', 'Another region'],
  ['time', 'A later start'],
  ['hardware', 'Other hardware'],
] as const;

/** The options found, best per kind, and all of them together, each with its saving. */
export function optionsList(suggest: SuggestResult | undefined, unit: MassUnit): HTMLElement {
  const mass = (kg: number) => formatMass(kg, unit);
  const section = el('section');
  section.id = 'report-options';
  section.append(el('h2', 'Greener options'));
  if (!suggest) {
    section.append(el('p', 'Greener options could not be computed for this report.'));
    return section;
  }
  const list = el('ul');
  for (const [kind, heading] of KINDS) {
    const s = suggest[kind][0];
    if (!s || s.kgCo2eSaved <= 0) continue;
    const what =
      s.kind === 'time' && s.change.start ? `start at ${formatUtc(s.change.start)}` : s.label;
    list.append(
      el(
        'li',
        `${heading}: ${what} — ${mass(s.emissionsKgCo2e.total)}, saving ${mass(s.kgCo2eSaved)} (${formatNumber(s.pctSaved)} %). ${s.assumption}`,
      ),
    );
  }
  const best = suggest.best;
  if (best.kgCo2eSaved > 0)
    list.append(
      el(
        'li',
        `All together (best hardware, region and start): ${mass(best.emissionsKgCo2e.total)}, saving ${mass(best.kgCo2eSaved)} (${formatNumber(best.pctSaved)} %).`,
      ),
    );
  section.append(
    list.children.length ? list : el('p', 'No lower-carbon option was found among the candidates.'),
  );
  return section;
}
