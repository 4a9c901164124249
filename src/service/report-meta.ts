// The clock- and randomness-dependent part of a BoAmps report, made in the shells (API, CLI, library).
import type { BoampsMeta } from '../core/report-boamps.ts';

/** A fresh report id and the current UTC time as `YYYY-MM-DD HH:MM:SS`. */
export function boampsMetaNow(now: Date = new Date()): BoampsMeta {
  return {
    reportId: crypto.randomUUID(),
    reportDatetime: now.toISOString().slice(0, 19).replace('T', ' '),
  };
}
