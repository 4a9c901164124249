// Methodology page: the dataset list, with licences and attribution, straight from GET /v1/sources.
import { callApi } from './api.ts';
import { byId, el } from './dom.ts';
import type { SourceInfo } from './results.ts';
import { renderTable } from './tables.ts';

interface SourceRow extends SourceInfo {
  publisher?: string;
}

const [sources, health] = await Promise.all([
  callApi<{ sources: SourceRow[] }>('v1/sources'),
  callApi<{ methodologyVersion: string }>('health'),
]);
if (health.ok) byId('method-version').textContent = health.value.methodologyVersion;
const box = byId('source-list');
if (sources.ok) {
  renderTable(box, {
    id: 'sources',
    caption: `Datasets behind the estimates (${sources.value.sources.length})`,
    columns: [
      { label: 'Dataset' },
      { label: 'Publisher' },
      { label: 'Licence' },
      { label: 'Year' },
      { label: 'Attribution' },
    ],
    rows: sources.value.sources.map((s) => [
      s.title,
      s.publisher ?? null,
      s.licence,
      String(s.year),
      s.attribution ?? null,
    ]),
  });
  const links = el('ul', undefined, 'sources');
  links.append(
    ...sources.value.sources.map((s) => {
      const a = el('a', s.title);
      a.href = s.url;
      a.rel = 'noopener';
      const li = el('li');
      li.append(a);
      return li;
    }),
  );
  box.append(el('h3', 'Where to get them'), links);
} else {
  box.replaceChildren(
    el('p', `The list of datasets could not be loaded: ${sources.problem.detail}`, 'unavailable'),
  );
}
document.documentElement.dataset.ready = 'true';
