// The streamed batch answer must be exactly JSON.stringify({ results }), whatever the item count.
import { describe, expect, it } from 'vitest';
import { batchJsonStream } from '../../src/api/batch-json.ts';
import type { BatchItem } from '../../src/core/decision-schemas.ts';
import { estimate } from '../../src/core/estimate.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

const ok = (hours: number): BatchItem => ({ ok: true, result: estimate(Workload.parse({ location: 'FR', durationHours: hours, cpu: { threads: 4, utilization: 0.5 } }), tables) });
const refused: BatchItem = { ok: false, error: { type: 'https://gridshift.dev/problems/validation-failed', status: 422, title: 'Invalid request', detail: 'The workload has 1 invalid value(s): location.', errors: [{ path: 'location', code: 'invalid_type', message: 'required: "ünïcode" \u2028 and quotes' }] } };

describe('batchJsonStream', () => {
  it.each([0, 1, 199, 200, 201, 450])('writes %i items as JSON.stringify({ results }) would', async (n) => {
    const results = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? refused : ok(i + 1)));
    const streamed = await text(batchJsonStream(results));
    expect(streamed).toBe(JSON.stringify({ results }));
    expect(JSON.parse(streamed).results).toHaveLength(n);
  });
});
