// The Cloud bill's Web Worker: reads the chosen file and runs the shared FOCUS reader and library
// over it here, off the page's thread, with the same tables and estimator as the API. It makes no
// request at all.
import { estimator } from '../../src/data/index.ts';
import { focusRowCsvChunks, openFocusStream } from '../../src/service/focus-stream.ts';
import { problemFromError } from '../../src/service/problem.ts';
import { readFilePieces } from './bills-read.ts';
import type { BillMessage, BillRequest } from './bills-protocol.ts';

const post = (message: BillMessage): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<BillRequest>) => void run(event.data);

async function run({ file, options }: BillRequest): Promise<void> {
  if (file.size === 0) {
    post({
      type: 'refused',
      title: 'This file is empty',
      detail: `${file.name} has no text.`,
      errors: [],
    });
    return;
  }
  let bytesRead = 0;
  try {
    const stream = await openFocusStream(
      readFilePieces(file, (n) => (bytesRead += n)),
      estimator,
      {
        ...(options.tagKey === '' ? {} : { tagKey: options.tagKey }),
        sameContinent: options.sameContinent,
        onRows: (rows) => post({ type: 'progress', bytesRead, totalBytes: file.size, rows }),
      },
    );
    // The per-row CSV as one Blob part per batch: the browser may keep large Blobs out of the heap.
    const parts: Blob[] = [];
    for await (const text of focusRowCsvChunks(stream)) parts.push(new Blob([text]));
    post({
      type: 'done',
      summary: stream.run.summary(),
      rowsCsv: new Blob(parts, { type: 'text/csv' }),
    });
  } catch (err) {
    post(refusal(err));
  }
}

const TITLES: Readonly<Record<string, string>> = {
  not_focus: 'This file is not a FOCUS export',
  unsupported_media_type: 'This file is not UTF-8 text',
};

/** A refusal of the file in the API's words (what is wrong, each missing column); anything else as a fault. */
function refusal(err: unknown): BillMessage {
  const problem = problemFromError(err);
  if (!problem) return { type: 'failed', detail: err instanceof Error ? err.message : String(err) };
  return {
    type: 'refused',
    title: TITLES[problem.code] ?? 'This file cannot be read',
    detail: problem.detail,
    errors: (problem.errors ?? []).map((e) => ({ path: e.path, code: e.code, message: e.message })),
  };
}
