// The Cloud bill's exports, made in the browser: the summary as JSON, and the per-row CSV the
// worker built (saved as the Blob it is, never turned back into one string).
import type { FocusSummary } from '../../src/service/focus/index.ts';
import { el } from './dom.ts';

/** The summary as the library returns it, pretty-printed. */
export function summaryJson(summary: FocusSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

export function rowsCsvFileName(stem: string): string {
  return `${stem}-footprint-rows.csv`;
}

/** Saves `blob` as `filename` through a temporary link (no server round trip). */
export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
