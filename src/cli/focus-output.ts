// The FOCUS summary in words for a terminal: what was mapped, the totals, the largest groups and
// the moves, each table with its unit in the heading.
import type { FocusGroup, FocusSummary } from '../service/focus/index.ts';
import { formatNumber } from './output.ts';

const TOP = 10;

/** The summary as `gridshift focus` prints it. */
export function renderFocusSummary(s: FocusSummary): string {
  const money = (x: number) => `${formatNumber(x)}${s.currency ? ` ${s.currency}` : ''}`;
  const share = s.mappedCostShare === null ? 'n/a' : `${(s.mappedCostShare * 100).toFixed(1)} %`;
  const k = s.totals.kgCo2e;
  const lines = [
    `FOCUS ${s.focusVersion} bill: ${s.rows.toLocaleString('en-US')} rows, ${s.usageRows.toLocaleString('en-US')} of them usage; ${s.mappedRows.toLocaleString('en-US')} mapped to workloads (${share} of the billed cost of ${money(s.billedCost)})`,
    '',
    `  Energy      ${formatNumber(s.totals.energyKwh)} kWh   (range ${formatNumber(s.totals.energyKwhLow)} – ${formatNumber(s.totals.energyKwhHigh)})`,
    `  Emissions   ${formatNumber(k.total)} kgCO2e   (range ${formatNumber(k.low)} – ${formatNumber(k.high)})`,
    `    location-based  ${formatNumber(k.location)}`,
    `    market-based    ${formatNumber(k.market)}`,
    `    embodied        ${formatNumber(k.embodied)}`,
  ];
  if (s.byMethod.length > 0)
    lines.push(
      '',
      'Mapped rows by method:',
      table(
        ['method', 'rows', 'cost', 'kWh', 'kgCO2e'],
        s.byMethod.map((m) => [m.method, m.rows, money(m.billedCost), m.energyKwh, m.kgCo2e]),
      ),
    );
  if (s.unmapped.length > 0)
    lines.push(
      '',
      'Unmapped rows by reason:',
      table(
        ['reason', 'rows', 'cost', 'why'],
        s.unmapped.map((u) => [u.reason, u.rows, money(u.billedCost), u.detail]),
      ),
    );
  const groups: [string, readonly FocusGroup[] | undefined][] = [
    ['service', s.groups.service],
    ['region', s.groups.region],
    ['month', s.groups.month],
    ['sub-account', s.groups.subAccount],
    [`tag ${s.groups.tag?.key ?? ''}`.trim(), s.groups.tag?.groups],
  ];
  for (const [name, list] of groups) {
    if (!list || list.length === 0) continue;
    const top = [...list].sort((a, b) => b.kgCo2e - a.kgCo2e).slice(0, TOP);
    lines.push(
      '',
      `By ${name}${list.length > TOP ? ` (the ${TOP} largest of ${list.length})` : ''}:`,
      table(
        [name, 'rows', 'cost', 'kWh', 'kgCO2e'],
        top.map((g) => [g.key, g.rows, money(g.billedCost), g.energyKwh, g.kgCo2e]),
      ),
    );
  }
  if (s.moves.length > 0)
    lines.push(
      '',
      'Moves (the cleanest region of the same provider for the largest region × service groups):',
      table(
        ['service', 'from', 'to', 'kgCO2e', 'after', 'saving'],
        s.moves.map((m) => [
          m.service,
          m.regionId,
          m.toRegionId,
          m.kgCo2e,
          m.toKgCo2e,
          `${formatNumber(m.savingKgCo2e)} (${(m.savingShare * 100).toFixed(0)} %)`,
        ]),
      ),
    );
  if (s.assumptions.length > 0)
    lines.push('', 'Assumptions:', ...s.assumptions.map((a) => `  - ${a}`));
  return `${lines.join('\n')}\n`;
}

/** Columns padded to their widest cell; numbers right-aligned. */
function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const numeric = head.map((_, i) => rows.every((r) => typeof r[i] === 'number'));
  const widths = head.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(head), ...text.map(line)].join('\n');
}
