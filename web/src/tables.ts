// Tables: every chart's numbers as an HTML table, and the same rows as CSV (exactly the rows shown).
import { csvNumber, formatNumber } from './format.ts';

export type Cell = string | number | null;

export interface Column {
  label: string;
  numeric?: boolean;
}

export interface TableModel {
  /** File-friendly id, e.g. `region-comparison`. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Rows to emphasise (the chosen region, the current hardware). */
  highlight?: number[];
}

/** The columns of a figure with its range: the page's result table and the report's share them. */
export function rangeColumns(): Column[] {
  return [
    { label: 'Quantity' },
    { label: 'Central', numeric: true },
    { label: 'Low', numeric: true },
    { label: 'High', numeric: true },
    { label: 'Unit' },
  ];
}

/** Renders `model` into `container`; inside a closed <details> when `collapsed`. */
export function renderTable(container: HTMLElement, model: TableModel, collapsed = false): void {
  const table = document.createElement('table');
  table.dataset.table = model.id;
  const caption = table.createCaption();
  caption.textContent = model.caption;
  const head = table.createTHead().insertRow();
  for (const column of model.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.label;
    if (column.numeric) th.className = 'num';
    head.append(th);
  }
  const body = table.createTBody();
  model.rows.forEach((row, i) => {
    const tr = body.insertRow();
    if (model.highlight?.includes(i)) tr.className = 'chosen';
    row.forEach((cell, j) => {
      const td = j === 0 ? document.createElement('th') : document.createElement('td');
      if (j === 0) td.scope = 'row';
      td.textContent = typeof cell === 'number' ? formatNumber(cell) : (cell ?? '–');
      if (model.columns[j]?.numeric) td.className = 'num';
      tr.append(td);
    });
  });
  if (!collapsed) {
    container.replaceChildren(table);
    requestAnimationFrame(() => markOverflow(container));
    return;
  }
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `Data table: ${model.caption} (${model.rows.length} rows)`;
  details.append(summary, table);
  container.replaceChildren(details);
  details.addEventListener('toggle', () => markOverflow(container));
  requestAnimationFrame(() => markOverflow(container));
}

/**
 * A table wider than its box scrolls sideways; this says so in words under it and turns on the
 * fading edges (styles.css), so hidden columns on a phone are never a surprise.
 */
export function markOverflow(container: HTMLElement): void {
  const table = container.querySelector('table');
  const wide =
    !!table && table.offsetParent !== null && table.scrollWidth > container.clientWidth + 1;
  container.dataset.overflow = String(wide);
  let cue = container.nextElementSibling;
  if (!cue?.classList.contains('scroll-cue')) {
    if (!wide) return;
    cue = document.createElement('p');
    cue.className = 'scroll-cue no-print';
    container.after(cue);
  }
  (cue as HTMLElement).hidden = !wide;
  const columns = table?.tHead?.rows[0]?.cells.length ?? 0;
  cue.textContent = `Scroll the table sideways to see all ${columns} columns →`;
}

addEventListener('resize', () => {
  for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) markOverflow(wrap);
});

/** One CSV document of several tables: each block is its caption, header and rows, then a blank line. */
export function tablesToCsv(models: readonly TableModel[]): string {
  const lines: string[] = [];
  for (const model of models) {
    lines.push(csvRow([model.caption]));
    lines.push(csvRow(model.columns.map((c) => c.label)));
    for (const row of model.rows) lines.push(csvRow(row));
    lines.push('');
  }
  return lines.join('\r\n');
}

function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

// RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  const safe = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
