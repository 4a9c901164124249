// The Cloud bill's Web Worker: reads the chosen file and runs the FOCUS library over it here, off
// the page's thread, with the same tables and estimator as the API. It makes no request at all.
import { estimator } from '../../src/data/index.ts';
import {
  createFocusRun,
  FOCUS_ROW_CSV_HEADER,
  focusRowCsvLine,
  readFocusHeader,
  type FocusRun,
} from '../../src/service/focus/index.ts';
import { problemFromError } from '../../src/service/problem.ts';
import { NotUtf8Error, readCsvFile } from './bills-parse.ts';
import type { BillMessage, BillRequest } from './bills-protocol.ts';

const post = (message: BillMessage): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<BillRequest>) => void run(event.data);

async function run({ file, options }: BillRequest): Promise<void> {
  let focus: FocusRun | null = null;
  // The per-row CSV, one Blob part per chunk: the browser may keep large Blobs out of the heap.
  const parts: BlobPart[] = [`${FOCUS_ROW_CSV_HEADER}\r\n`];
  try {
    const records = await readCsvFile(file, {
      onRecords(batch) {
        let start = 0;
        if (focus === null && batch.length > 0) {
          focus = createFocusRun(estimator, readFocusHeader(batch[0]!), {
            ...(options.tagKey === '' ? {} : { tagKey: options.tagKey }),
            sameContinent: options.sameContinent,
          });
          start = 1;
        }
        const lines: string[] = [];
        for (let i = start; i < batch.length; i++)
          lines.push(focusRowCsvLine(focus!.add(batch[i]!)));
        if (lines.length > 0) parts.push(new Blob([lines.join('\r\n'), '\r\n']));
      },
      onProgress(progress) {
        post({ type: 'progress', ...progress });
      },
    });
    if (focus === null) {
      post({
        type: 'refused',
        title: 'This file is empty',
        detail: `${file.name} has no text.`,
        errors: [],
      });
      return;
    }
    const summary = (focus as FocusRun).summary();
    post({ type: 'done', summary, rowsCsv: new Blob(parts, { type: 'text/csv' }), records });
  } catch (err) {
    post(refusal(err));
  }
}

/** A refusal of the file (not FOCUS, not UTF-8 text) in the API's words; anything else as a fault. */
function refusal(err: unknown): BillMessage {
  const problem = problemFromError(err);
  if (problem)
    return {
      type: 'refused',
      title: 'This file is not a FOCUS export',
      detail: problem.detail,
      errors: (problem.errors ?? []).map((e) => ({ ...e })),
    };
  if (err instanceof NotUtf8Error)
    return {
      type: 'refused',
      title: 'This file is not UTF-8 text',
      detail: `FOCUS exports are UTF-8 CSV; this file is ${err.message} (UTF-16, Latin-1 or binary?).`,
      errors: [],
    };
  return { type: 'failed', detail: err instanceof Error ? err.message : String(err) };
}
