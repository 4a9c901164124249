// JSON answers as UTF-8 bytes, with the immutable parts they share encoded once. An estimate's
// factors, sources, assumptions and resolved place come from its plan and are the same frozen
// objects in every answer of that workload shape (core/plan.ts); they are most of its bytes. Their
// bytes are kept here and copied into each answer, so an answer only serialises its own numbers.
// The output is byte for byte what TextEncoder would make of JSON.stringify(value) (tested).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const encoder = new TextEncoder();

/** Marks a frozen object that holds something mutable: serialised afresh every time. */
const NOT_SHARED = new Uint8Array(0);

/** Bytes of deeply frozen objects; weak, so they go when their plan or table goes. */
const sharedBytes = new WeakMap<object, Uint8Array>();

/** The JSON text of `value` as UTF-8 bytes, as JSON.stringify would write it (no replacer, no indent). */
export function jsonBytes(value: unknown): Uint8Array<ArrayBuffer> {
  const out = new JsonWriter();
  out.value(value);
  return out.finish();
}

/** Builds one piece of JSON text from values and literal text (e.g. a slice of a streamed array). */
export class JsonWriter {
  /** Finished pieces: text not yet encoded, or shared bytes. */
  private readonly pieces: (string | Uint8Array)[] = [];
  private text = '';
  /** Upper bound of the answer's bytes (3 per UTF-16 unit of text). */
  private bound = 0;

  /** Appends `text` as it is: it must be JSON syntax the caller vouches for. */
  raw(text: string): void {
    this.text += text;
  }

  value(v: unknown): void {
    if (typeof v === 'number') {
      this.text += Number.isFinite(v) ? String(v) : 'null';
    } else if (typeof v === 'string' || typeof v === 'boolean' || v === null) {
      this.text += JSON.stringify(v);
    } else if (typeof v === 'object') {
      this.object(v);
    } else {
      // undefined, functions, symbols (only reached inside arrays: objects skip them) and bigint (throws, as JSON.stringify does).
      this.text += JSON.stringify(v) ?? 'null';
    }
  }

  private object(v: object): void {
    const shared = Object.isFrozen(v) ? bytesOfFrozen(v) : undefined;
    if (shared !== undefined) {
      this.flush();
      this.pieces.push(shared);
      this.bound += shared.byteLength;
    } else if (typeof (v as { toJSON?: unknown }).toJSON === 'function' || !holdsFrozen(v)) {
      // Nothing inside is shared: the engine's own serialiser is faster than walking it here.
      this.text += JSON.stringify(v);
    } else if (Array.isArray(v)) {
      this.text += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.text += ',';
        this.value(v[i]);
      }
      this.text += ']';
    } else {
      this.text += '{';
      let first = true;
      const record = v as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        this.text += first ? JSON.stringify(key) + ':' : ',' + JSON.stringify(key) + ':';
        first = false;
        this.value(item);
      }
      this.text += '}';
    }
  }

  private flush(): void {
    if (this.text === '') return;
    this.pieces.push(this.text);
    this.bound += this.text.length * 3;
    this.text = '';
  }

  finish(): Uint8Array<ArrayBuffer> {
    this.flush();
    // A fresh array each time: the shared bytes are never handed out themselves.
    const out = new Uint8Array(this.bound);
    let at = 0;
    for (const piece of this.pieces) {
      if (typeof piece === 'string') {
        at += encoder.encodeInto(piece, out.subarray(at)).written;
      } else {
        out.set(piece, at);
        at += piece.byteLength;
      }
    }
    return out.subarray(0, at);
  }
}

/** The shared bytes of a frozen object, or undefined when something inside it can still change. */
function bytesOfFrozen(v: object): Uint8Array | undefined {
  let bytes = sharedBytes.get(v);
  if (bytes === undefined) {
    bytes = isDeeplyFrozen(v) ? encoder.encode(JSON.stringify(v)) : NOT_SHARED;
    sharedBytes.set(v, bytes);
  }
  return bytes === NOT_SHARED ? undefined : bytes;
}

/** Whether a frozen object sits anywhere inside `v` (an object that is not frozen itself). */
function holdsFrozen(v: object): boolean {
  const record = v as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null && (Object.isFrozen(item) || holdsFrozen(item))) return true;
  }
  return false;
}

function isDeeplyFrozen(v: object): boolean {
  if (!Object.isFrozen(v)) return false;
  for (const item of Object.values(v)) {
    if (typeof item === 'object' && item !== null && !isDeeplyFrozen(item)) return false;
  }
  return true;
}

/** A JSON answer (what Hono's c.json answers, same bytes) through jsonBytes. */
export function jsonAnswer(c: Context, value: unknown, status: ContentfulStatusCode = 200, headers?: Record<string, string>): Response {
  return c.body(jsonBytes(value), status, { 'content-type': 'application/json', ...headers });
}
