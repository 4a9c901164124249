// The Cloud bill's tables beside the charts: the moves to cleaner regions, and what was not mapped
// (by reason, with its cost) next to what was (by method).
import type { FocusMove, FocusSummary } from '../../src/service/focus/index.ts';
import { byId, el } from './dom.ts';
import { formatPercent, type MassUnit } from './format.ts';
import { renderTable } from './tables.ts';

export function renderMoves(moves: readonly FocusMove[], unit: MassUnit): void {
  const u = `${unit.symbol}CO2e`;
  const t = (kg: number) => kg / unit.kgPer;
  const box = byId('table-moves');
  if (moves.length === 0) {
    box.replaceChildren(
      el('p', 'No region × service group could move to a cleaner region.', 'unavailable'),
    );
    return;
  }
  renderTable(box, {
    id: 'moves',
    caption: `Moves for the ${moves.length} largest region × service groups`,
    columns: [
      { label: 'Region' },
      { label: 'Service' },
      { label: u, numeric: true },
      { label: 'Cleanest region' },
      { label: `${u} there`, numeric: true },
      { label: `Saving ${u}`, numeric: true },
      { label: 'Saving', numeric: true },
    ],
    rows: moves.map((m) => [
      m.regionId,
      m.service,
      t(m.kgCo2e),
      m.toRegionId === m.regionId ? `${m.toRegionId} (already the cleanest)` : m.toRegionId,
      t(m.toKgCo2e),
      t(m.savingKgCo2e),
      formatPercent(m.savingShare),
    ]),
  });
  const notes = [...new Set(moves.map((m) => m.assumption))];
  box.append(...notes.map((note) => el('p', note, 'hint')));
}

export function renderUnmapped(s: FocusSummary, unit: MassUnit): void {
  const currency = s.currency ? ` (${s.currency})` : '';
  const unmapped = byId('table-unmapped');
  if (s.unmapped.length === 0) unmapped.replaceChildren(el('p', 'Every row was mapped.', 'hint'));
  else
    renderTable(unmapped, {
      id: 'unmapped',
      caption: `Rows not mapped, by reason (${s.rows - s.mappedRows} rows)`,
      columns: [
        { label: 'Reason' },
        { label: 'Why' },
        { label: 'Rows', numeric: true },
        { label: `Billed cost${currency}`, numeric: true },
      ],
      rows: s.unmapped.map((u) => [u.reason, u.detail, u.rows, u.billedCost]),
    });
  renderTable(
    byId('table-methods'),
    {
      id: 'methods',
      caption: 'Rows mapped, by method',
      columns: [
        { label: 'Method' },
        { label: 'Rows', numeric: true },
        { label: `Billed cost${currency}`, numeric: true },
        { label: 'kWh', numeric: true },
        { label: `${unit.symbol}CO2e`, numeric: true },
      ],
      rows: s.byMethod.map((m) => [
        m.method,
        m.rows,
        m.billedCost,
        m.energyKwh,
        m.kgCo2e / unit.kgPer,
      ]),
    },
    true,
  );
}
