// The JSON answer of a batch, written as a stream: the same bytes as JSON.stringify(answer),
// serialised a slice of items at a time while the client reads the slices before. The items hold
// only their own figures (their provenance is listed once, at the end), so the engine's own
// JSON.stringify is the fastest way to write them.
import type { BatchResult } from '../core/decision-schemas.ts';

/** Items per chunk: large enough that per-chunk overhead vanishes, small enough to overlap. */
const ITEMS_PER_CHUNK = 200;

export function batchJsonStream(answer: BatchResult): ReadableStream<Uint8Array> {
  const { results, provenance } = answer;
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const from = next;
      const to = Math.min(results.length, from + ITEMS_PER_CHUNK);
      let text = from === 0 ? '{"results":[' : ',';
      for (let i = from; i < to; i++)
        text += i > from ? ',' + JSON.stringify(results[i]) : JSON.stringify(results[i]);
      next = to;
      if (to < results.length) return controller.enqueue(encoder.encode(text));
      controller.enqueue(encoder.encode(`${text}],"provenance":${JSON.stringify(provenance)}}`));
      controller.close();
    },
  });
}
