// Cloud bill page: a chosen FOCUS file is handed to a Web Worker (bills-worker.ts), which reads it
// and runs the FOCUS library in this browser; the page shows progress, then the summary, charts,
// moves and exports. The file never leaves the machine: no request is made while it is worked out.
import { byId, download, el } from './dom.ts';
import { formatNumber } from './format.ts';
import type { BillMessage, BillOptions, BillRequest } from './bills-protocol.ts';
import { renderSummary } from './bills-render.ts';
import { rowsCsvFileName, saveBlob, summaryJson } from './bills-export.ts';

const fileInput = byId<HTMLInputElement>('bill-file');
const tagInput = byId<HTMLInputElement>('bill-tag');
const continentInput = byId<HTMLInputElement>('bill-continent');
const progressBox = byId('bill-progress-box');
const progress = byId<HTMLProgressElement>('bill-progress');
const status = byId('bill-status');
const errorBox = byId('bill-error');
const results = byId('bill-results');

/** The worker, started when the page opens (its script and tables load while a file is chosen). */
let worker: Worker | null = null;
let running = false;
let exports: { stem: string; summary: string; rowsCsv: Blob } | null = null;

function options(): BillOptions {
  return { tagKey: tagInput.value.trim(), sameContinent: continentInput.checked };
}

function startWorker(): Worker {
  const job = new Worker(new URL('bills-worker.js', import.meta.url));
  job.onerror = (event) => {
    event.preventDefault();
    if (job !== worker) return;
    worker = null;
    job.terminate();
    if (running)
      fail(`The file could not be worked out: ${event.message || 'the worker stopped'}.`);
  };
  return job;
}

/** Starts (or restarts) the work on the chosen file with the current options. */
function start(): void {
  const file = fileInput.files?.[0];
  // A run in progress is abandoned: its worker is stopped and a fresh one takes the new file.
  if (running) {
    worker?.terminate();
    worker = null;
  }
  if (!file) return;
  running = true;
  setState('running');
  exports = null;
  results.hidden = true;
  errorBox.hidden = true;
  progress.value = 0;
  status.textContent = `Reading ${file.name} in this browser…`;
  const started = performance.now();
  const job = (worker ??= startWorker());
  job.onmessage = (event: MessageEvent<BillMessage>) => {
    if (job === worker) onMessage(file, event.data, performance.now() - started);
  };
  const request: BillRequest = { file, options: options() };
  job.postMessage(request);
}

function onMessage(file: File, message: BillMessage, elapsedMs: number): void {
  switch (message.type) {
    case 'progress':
      progress.value = message.totalBytes > 0 ? message.bytesRead / message.totalBytes : 1;
      status.textContent = `Reading ${file.name}: ${formatNumber(message.rows)} rows, ${Math.round(progress.value * 100)} %`;
      return;
    case 'refused':
      showRefusal(
        message.title,
        message.detail,
        message.errors.map((e) => e.message),
      );
      return finish('refused');
    case 'failed':
      return fail(`The file could not be worked out: ${message.detail}`);
    case 'done': {
      progress.value = 1;
      if (message.summary.rows === 0) {
        showRefusal(
          'This file has a header but no rows',
          `${file.name} has the FOCUS columns but no billing rows to work out.`,
          [],
        );
        return finish('refused');
      }
      const stem = file.name.replace(/\.csv(?:\.gz)?$|\.gz$/i, '') || 'bill';
      exports = { stem, summary: summaryJson(message.summary), rowsCsv: message.rowsCsv };
      status.textContent = `${file.name}: ${formatNumber(message.summary.rows)} rows worked out in this browser in ${(elapsedMs / 1000).toFixed(1)} s.`;
      byId('bill-file-name').textContent =
        `${file.name} · ${formatNumber(file.size / 1e6)} MB · nothing was uploaded`;
      results.hidden = false;
      renderSummary(message.summary);
      return finish('done');
    }
  }
}

function showRefusal(title: string, detail: string, items: readonly string[]): void {
  const heading = el('h2', title);
  const list = el('ul');
  for (const item of items) list.append(el('li', item));
  errorBox.replaceChildren(heading, el('p', detail), ...(items.length > 0 ? [list] : []));
  errorBox.hidden = false;
  errorBox.focus();
  status.textContent = '';
}

function fail(detail: string): void {
  showRefusal('Something went wrong', detail, []);
  finish('failed');
}

function finish(state: 'done' | 'refused' | 'failed'): void {
  running = false;
  setState(state);
}

function setState(state: 'idle' | 'running' | 'done' | 'refused' | 'failed'): void {
  document.documentElement.dataset.bill = state;
  progressBox.hidden = state !== 'running' && state !== 'done';
}

fileInput.addEventListener('change', start);
tagInput.addEventListener('change', start);
continentInput.addEventListener('change', start);
byId('export-summary').addEventListener('click', () => {
  if (exports)
    download(`${exports.stem}-footprint-summary.json`, 'application/json', exports.summary);
});
byId('export-rows').addEventListener('click', () => {
  if (exports) saveBlob(rowsCsvFileName(exports.stem), exports.rowsCsv);
});

setState('idle');
worker = startWorker();
document.documentElement.dataset.ready = 'true';
