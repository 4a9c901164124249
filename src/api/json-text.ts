// JSON answers as ASCII text, with the immutable parts they share written once. An estimate's
// factors, sources, assumptions and resolved place come from its plan and are the same frozen
// objects in every answer of that workload shape (core/plan.ts); they are most of its bytes. Their
// text is kept here and joined into each answer, so an answer only serialises its own numbers.
//
// Characters beyond ASCII are written as \u escapes (as Python's json.dumps does by default), so the
// answer stays one byte per character and is written to the socket without re-encoding.
// The text is exactly JSON.stringify(value) with those escapes (tested), so it parses to the same.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './route.ts';

/** Text of deeply frozen objects (null: frozen, but something inside can change); weak, so it goes with its plan or table. */
const sharedText = new WeakMap<object, string | null>();

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

/** JSON.stringify(value) (no replacer, no indent) with every non-ASCII UTF-16 unit as a \u escape. */
export function jsonText(value: unknown): string {
  return write(value) ?? 'null';
}

/** A JSON answer (what Hono's c.json answers, as ASCII) through jsonText. */
export function jsonAnswer(
  c: Context<AppEnv>,
  value: unknown,
  status: ContentfulStatusCode = 200,
  headers?: Record<string, string>,
): Response {
  return textAnswer(c, jsonText(value), status, headers);
}

/** A JSON answer whose text jsonText wrote, as the runtime's adapter encodes it (src/node/ascii-body.ts). */
export function textAnswer(
  c: Context<AppEnv>,
  text: string,
  status: ContentfulStatusCode = 200,
  headers?: Record<string, string>,
): Response {
  const encode = c.get('encodeAscii');
  return c.body(encode ? encode(text) : text, status, {
    'content-type': 'application/json',
    ...headers,
  });
}

/** The text of `v`, or undefined where JSON.stringify leaves a member out (undefined, functions, symbols). */
function write(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v !== 'object' || v === null) return ascii(JSON.stringify(v));
  if (Object.isFrozen(v)) {
    const shared = textOfFrozen(v);
    if (shared !== null) return shared;
  }
  // Nothing inside is shared (or toJSON decides): the engine's own serialiser is faster than walking
  // it here, and text made of numbers and ASCII keys needs no check for escapes.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return ascii(JSON.stringify(v));
  const inside = contents(v);
  if (inside === 0) return JSON.stringify(v);
  if (inside === HOLDS_TEXT) return ascii(JSON.stringify(v));
  if (Array.isArray(v)) {
    let text = '[';
    for (let i = 0; i < v.length; i++) text += (i > 0 ? ',' : '') + (write(v[i]) ?? 'null');
    return text + ']';
  }
  let text = '{';
  let first = true;
  const record = v as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = write(record[key]);
    if (item === undefined) continue;
    text += (first ? '' : ',') + quotedKey(key) + item;
    first = false;
  }
  return text + '}';
}

/** Keys as written (`"key":`): answers repeat the same few, and quoting and checking each cost more than a lookup. */
const quotedKeys = new Map<string, string>();
/** Past this many keys (answers keyed by data, not by schema), keys are quoted afresh. */
const MAX_QUOTED_KEYS = 4096;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = ascii(JSON.stringify(key)) + ':';
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function ascii(text: string): string;
function ascii(text: string | undefined): string | undefined;
function ascii(text: string | undefined): string | undefined {
  return text !== undefined && NON_ASCII.test(text)
    ? text.replace(NON_ASCII_ALL, escapeUnit)
    : text;
}

function escapeUnit(unit: string): string {
  return '\\u' + unit.charCodeAt(0).toString(16).padStart(4, '0');
}

/** The shared text of a frozen object, or null when something inside it can still change. */
function textOfFrozen(v: object): string | null {
  let text = sharedText.get(v);
  if (text === undefined) {
    text = isDeeplyFrozen(v) ? ascii(JSON.stringify(v)) : null;
    sharedText.set(v, text);
  }
  return text;
}

const HOLDS_FROZEN = 1;
const HOLDS_TEXT = 2;

/**
 * What sits inside `v` (an object that is not frozen itself): HOLDS_FROZEN when a frozen object
 * does anywhere (the scan stops: `v` is walked), else HOLDS_TEXT when its JSON may hold characters
 * to escape (a string, a key beyond ASCII, or a function, which may be a toJSON), else 0.
 */
function contents(v: object): number {
  let found = 0;
  const record = v as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) {
      if (Object.isFrozen(item)) return HOLDS_FROZEN;
      const inner = contents(item);
      if (inner === HOLDS_FROZEN) return HOLDS_FROZEN;
      found |= inner;
    } else if (typeof item === 'string' || typeof item === 'function') {
      found |= HOLDS_TEXT;
    }
    if (!isAscii(key)) found |= HOLDS_TEXT;
  }
  return found;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isDeeplyFrozen(v: object): boolean {
  if (!Object.isFrozen(v)) return false;
  for (const item of Object.values(v) as unknown[]) {
    if (typeof item === 'object' && item !== null && !isDeeplyFrozen(item)) return false;
  }
  return true;
}
