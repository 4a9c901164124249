// A local file's bytes, read in pieces on demand (nothing leaves the browser): the shared FOCUS
// reader (src/service/focus-stream.ts) pulls them, so memory holds a piece or two at a time.

/** Largest piece handed on at once: progress moves, and each parse stays short. */
const PIECE_BYTES = 256 * 1024;

/** The bytes of `file` in order; `onBytes` hears each piece's size as the reader takes it. */
export async function* readFilePieces(
  file: Blob,
  onBytes: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (let at = 0; at < value.byteLength; at += PIECE_BYTES) {
        const piece = value.subarray(at, at + PIECE_BYTES);
        onBytes(piece.byteLength);
        yield piece;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
