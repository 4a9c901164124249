// Uploaded bytes -> UTF-8 text, streamed: gzip detected by its magic bytes (whatever the headers
// say), a UTF-8 byte order mark dropped, UTF-16 and invalid UTF-8 refused with the byte offset. Web
// streams only (DecompressionStream, TextDecoder), so the same code runs on Node, Workers and pages.
import { GridshiftError } from './problem.ts';

export interface TextInputLimits {
  /** Most bytes read from the source (a 413 past it); none when absent. */
  readonly maxBytes?: number;
  /** Most bytes a gzip body may inflate to (a 413 past it, against gzip bombs); none when absent. */
  readonly maxInflatedBytes?: number;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Text chunks of `bytes`, in order; throws a GridshiftError (4xx) for input that is not UTF-8 text. */
export async function* readTextChunks(
  bytes: AsyncIterable<Uint8Array>,
  limits: TextInputLimits = {},
): AsyncGenerator<string> {
  const counted = countBytes(bytes, limits.maxBytes, 'body');
  const first = await counted.next();
  if (first.done === true) return;
  let source = prepend(first.value, counted);
  if (first.value[0] === GZIP_MAGIC[0] && first.value[1] === GZIP_MAGIC[1])
    source = countBytes(gunzip(source), limits.maxInflatedBytes, 'inflated');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  for await (const chunk of source) {
    // A UTF-16 mark split over two chunks still fails below: 0xFF and 0xFE are never UTF-8.
    if (offset === 0) checkNotUtf16(chunk);
    yield decode(decoder, chunk, offset, true);
    offset += chunk.length;
  }
  const rest = decode(decoder, new Uint8Array(0), offset, false);
  if (rest !== '') yield rest;
}

function decode(decoder: TextDecoder, chunk: Uint8Array, offset: number, more: boolean): string {
  try {
    return decoder.decode(chunk, { stream: more });
  } catch {
    throw encodingProblem(
      `expected UTF-8 text; the bytes near byte ${offset.toLocaleString('en-US')} are not UTF-8 (save the file as UTF-8)`,
    );
  }
}

function checkNotUtf16(chunk: Uint8Array): void {
  const [a, b] = [chunk[0], chunk[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff))
    throw encodingProblem('expected UTF-8 text; this file is UTF-16 (save it as UTF-8)');
}

function encodingProblem(message: string): GridshiftError {
  return new GridshiftError({
    code: 'unsupported_media_type',
    detail: `The file cannot be read: ${message}.`,
    errors: [{ path: '', code: 'invalid_encoding', message }],
  });
}

async function* prepend(
  head: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  try {
    yield head;
    for (let next = await rest.next(); next.done !== true; next = await rest.next())
      yield next.value;
  } finally {
    // Stopped early: the source learns it, as a for-await loop would tell it.
    await rest.return?.();
  }
}

async function* countBytes(
  bytes: AsyncIterable<Uint8Array>,
  max: number | undefined,
  what: 'body' | 'inflated',
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of bytes) {
    if (chunk.length === 0) continue;
    total += chunk.length;
    if (max !== undefined && total > max) throw tooLarge(max, what);
    yield chunk;
  }
}

function tooLarge(max: number, what: 'body' | 'inflated'): GridshiftError {
  const message =
    what === 'body'
      ? `expected at most ${max} bytes`
      : `expected a gzip body that inflates to at most ${max} bytes`;
  return new GridshiftError({
    code: 'payload_too_large',
    detail:
      what === 'body'
        ? `The request body is larger than ${max} bytes.`
        : `The gzip body inflates to more than ${max} bytes: send it in parts.`,
    errors: [{ path: '', code: 'payload_too_large', message }],
  });
}

/** Inflates gzip through the platform's DecompressionStream; a corrupt stream is a 422. */
async function* gunzip(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader();
  let sourceError: Error | undefined;
  // Source errors (a 413, a cut connection) pass through as they are; the inflater's own are corruption.
  const pump = (async () => {
    const source = bytes[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await source.next();
      } catch (err) {
        sourceError = err instanceof Error ? err : new Error(String(err));
        return void (await writer.abort(err).catch(() => undefined));
      }
      if (next.done === true) return void (await writer.close().catch(() => undefined));
      try {
        await writer.write(next.value as Uint8Array<ArrayBuffer>);
      } catch {
        return void (await source.return?.());
      }
    }
  })();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        await pump;
        throw sourceError ?? corruptGzip();
      }
      if (next.done) break;
      yield next.value;
    }
    await pump;
    if (sourceError !== undefined) throw sourceError;
  } finally {
    // Stopped early (or failed): cancelling ends the pump, which then stops reading the source.
    await reader.cancel().catch(() => undefined);
  }
}

function corruptGzip(): GridshiftError {
  const message = 'expected a complete gzip stream; the compressed data is corrupt or cut short';
  return new GridshiftError({
    code: 'validation_failed',
    detail: `The file cannot be read: ${message}.`,
    errors: [{ path: '', code: 'invalid_gzip', message }],
  });
}
