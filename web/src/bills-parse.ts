// A local file read as CSV rows in chunks: File.stream() (gunzipped when the file is gzip), decoded
// as UTF-8 by a streaming TextDecoder — so a character split between chunks stays whole — and parsed
// by papaparse. Nothing leaves the browser; memory holds one chunk at a time.
import Papa from 'papaparse';

export interface ReadProgress {
  /** Bytes of the file (as stored, compressed or not) read so far. */
  bytesRead: number;
  totalBytes: number;
  /** CSV records parsed so far, header included. */
  records: number;
}

export interface CsvReadHandlers {
  /** The records of one chunk, in file order (the header is the first record of the first call). */
  onRecords(records: readonly string[][]): void;
  onProgress(progress: ReadProgress): void;
}

type Bytes = Uint8Array<ArrayBuffer>;

/** Largest piece of the file parsed at once. */
const CHUNK_BYTES = 256 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** True when `file` starts with the gzip magic bytes. */
export async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** Reads `file` to the end; resolves with the number of records, rejects on a read or parse failure. */
export async function readCsvFile(file: Blob, handlers: CsvReadHandlers): Promise<number> {
  let bytesRead = 0;
  let records = 0;
  const counted = file
    .stream()
    .pipeThrough(splitInto(CHUNK_BYTES))
    .pipeThrough(
      // Counted as parsing pulls them (streams pass data on only on demand), not as the file is read.
      new TransformStream<Bytes, Bytes>({
        transform(piece, controller) {
          bytesRead += piece.byteLength;
          controller.enqueue(piece);
        },
      }),
    );
  const bytes: ReadableStream<Bytes> = (await isGzip(file))
    ? counted.pipeThrough(new DecompressionStream('gzip'))
    : counted;
  const text = bytes.pipeThrough(decodeUtf8());
  const source = new TextSource(text);
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(source as unknown as NodeJS.ReadableStream, {
      skipEmptyLines: true,
      chunk: (results) => {
        records += results.data.length;
        handlers.onRecords(results.data);
        handlers.onProgress({ bytesRead, totalBytes: file.size, records });
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
    source.start();
  });
  return records;
}

/** Thrown when the file is not UTF-8 text (FOCUS exports are), with about where it stops being so. */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`not UTF-8 text from about byte ${byteOffset}`);
    this.name = 'NotUtf8Error';
  }
}

/** Bytes to text, refusing bytes that are not UTF-8 (a leading byte order mark is dropped). */
function decodeUtf8(): TransformStream<Bytes, string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const decode = (chunk?: Bytes): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8Error(offset);
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(decode(chunk));
      offset += chunk.byteLength;
    },
    flush(controller) {
      controller.enqueue(decode());
    },
  });
}

/** Pieces of at most `size` bytes (views, not copies): progress moves and each parse stays short. */
function splitInto(size: number): TransformStream<Bytes, Bytes> {
  return new TransformStream({
    transform(chunk, controller) {
      for (let at = 0; at < chunk.byteLength; at += size)
        controller.enqueue(chunk.subarray(at, at + size));
    },
  });
}

type Listener = (arg?: unknown) => void;

/**
 * A web ReadableStream of text in the shape papaparse reads as a Node stream (`readable`, `read`,
 * `on`, `removeListener`, `pause`, `resume`): papaparse then keeps the partial last line of each
 * chunk for the next one, so records never break at chunk edges.
 */
class TextSource {
  readonly readable = true;
  private readonly listeners = new Map<string, Listener>();
  private paused = false;
  private waiting: (() => void) | null = null;

  constructor(private readonly stream: ReadableStream<string>) {}

  read(): void {}

  on(event: string, listener: Listener): void {
    this.listeners.set(event, listener);
  }

  removeListener(event: string): void {
    this.listeners.delete(event);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.waiting?.();
    this.waiting = null;
  }

  /** Pumps the stream into the listeners, one chunk at a time. */
  start(): void {
    void this.pump().catch((err: unknown) => this.listeners.get('error')?.(err));
  }

  private async pump(): Promise<void> {
    const reader = this.stream.getReader();
    for (;;) {
      if (this.paused) await new Promise<void>((resume) => (this.waiting = resume));
      const { done, value } = await reader.read();
      if (done) break;
      this.listeners.get('data')?.(value);
    }
    this.listeners.get('end')?.();
  }
}
