// Answer text as bytes for @hono/node-server's socket write.
import { Buffer } from 'node:buffer';

/**
 * ASCII text as bytes copied one for one (latin1): Node would otherwise write the string as UTF-8,
 * scanning it twice (length, then conversion), which costs more than the copy.
 */
export function asciiBody(text: string): Uint8Array<ArrayBuffer> {
  return Buffer.from(text, 'latin1');
}
