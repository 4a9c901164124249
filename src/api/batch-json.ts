// The JSON answer of a batch, written as a stream: the same bytes as JSON.stringify({ results }),
// serialised a slice of items at a time while the client reads the slices before. A 10,000-item
// answer is tens of MB; built whole it took more time and memory than estimating the items.
import type { BatchItem } from '../core/decision-schemas.ts';

/** Items per chunk: large enough that per-chunk overhead vanishes, small enough to overlap. */
const ITEMS_PER_CHUNK = 200;

export function batchJsonStream(results: readonly BatchItem[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const from = next;
      const to = Math.min(results.length, from + ITEMS_PER_CHUNK);
      const parts: string[] = [];
      for (let i = from; i < to; i++) parts.push(JSON.stringify(results[i]));
      next = to;
      const head = from === 0 ? '{"results":[' : ',';
      const tail = to === results.length ? ']}' : '';
      controller.enqueue(encoder.encode(head + parts.join(',') + tail));
      if (to === results.length) controller.close();
    },
  });
}
