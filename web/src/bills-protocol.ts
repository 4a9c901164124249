// Messages between the Cloud bill page (bills.ts) and its Web Worker (bills-worker.ts).
import type { FocusSummary } from '../../src/service/focus/index.ts';

export interface BillOptions {
  /** A key of the bill's Tags column to group by, or '' for none. */
  tagKey: string;
  sameContinent: boolean;
}

/** Page -> worker: work out this file (a File is passed by reference, not copied or sent anywhere). */
export interface BillRequest {
  file: File;
  options: BillOptions;
}

/** One refused field, as the API's problem+json lists it. */
export interface BillProblemItem {
  path: string;
  code: string;
  message: string;
}

export type BillMessage =
  /** Bytes of the file (as stored, compressed or not) read so far, and data rows worked out. */
  | { type: 'progress'; bytesRead: number; totalBytes: number; rows: number }
  | {
      type: 'done';
      summary: FocusSummary;
      /** The per-row CSV (FOCUS_ROW_CSV_HEADER and one line per row), ready to save. */
      rowsCsv: Blob;
    }
  /** The file is not a FOCUS export (or not CSV): what is wrong, with each missing column. */
  | { type: 'refused'; title: string; detail: string; errors: BillProblemItem[] }
  | { type: 'failed'; detail: string };
