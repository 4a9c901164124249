// The JSON answer of a batch, written as a stream: the same bytes as JSON.stringify(answer),
// serialised a slice of items at a time while the client reads the slices before (each result's
// shared parts as bytes encoded once: json-bytes.ts). A 10,000-item answer is megabytes; built
// whole it took more time and memory than estimating the items.
import type { BatchResult } from '../core/decision-schemas.ts';
import { JsonWriter } from './json-bytes.ts';

/** Items per chunk: large enough that per-chunk overhead vanishes, small enough to overlap. */
const ITEMS_PER_CHUNK = 200;

export function batchJsonStream(answer: BatchResult): ReadableStream<Uint8Array> {
  const { results, provenance } = answer;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const from = next;
      const to = Math.min(results.length, from + ITEMS_PER_CHUNK);
      const out = new JsonWriter();
      out.raw(from === 0 ? '{"results":[' : ',');
      for (let i = from; i < to; i++) {
        if (i > from) out.raw(',');
        out.value(results[i]);
      }
      if (to === results.length) {
        out.raw('],"provenance":');
        out.value(provenance);
        out.raw('}');
      }
      next = to;
      controller.enqueue(out.finish());
      if (to === results.length) controller.close();
    },
  });
}
