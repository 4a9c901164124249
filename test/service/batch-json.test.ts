// The streamed batch answer must be exactly JSON.stringify({ results }), whatever the item count.
import { describe, expect, it } from 'vitest';
import { batchJsonStream } from '../../src/service/batch-json.ts';
import { shareProvenance } from '../../src/service/batch.ts';
import type { BatchItem } from '../../src/core/decision-schemas.ts';
import { estimate } from '../helpers/estimator.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

const ok = (hours: number): BatchItem => ({
  ok: true,
  result: estimate(
    Workload.parse({ location: 'FR', durationHours: hours, cpu: { threads: 4, utilization: 0.5 } }),
    tables,
  ),
});
const refused: BatchItem = {
  ok: false,
  error: {
    type: 'https://gridshift.dev/problems/validation-failed',
    status: 422,
    title: 'Invalid request',
    detail: 'The workload has 1 invalid value(s): location.',
    errors: [
      { path: 'location', code: 'invalid_type', message: 'required: "ünïcode" \u2028 and quotes' },
    ],
  },
};

describe('batchJsonStream', () => {
  it.each([0, 1, 199, 200, 201, 450])(
    'writes %i items as JSON.stringify(answer) would',
    async (n) => {
      const answer = shareProvenance(
        Array.from({ length: n }, (_, i) => (i % 7 === 3 ? refused : ok(i + 1))),
      );
      const streamed = await text(batchJsonStream(answer));
      expect(streamed).toBe(JSON.stringify(answer));
      expect(JSON.parse(streamed).results).toHaveLength(n);
    },
  );
});

describe('shareProvenance', () => {
  it('lists each provenance once and keeps every result whole once joined', () => {
    const items: BatchItem[] = [
      ok(1),
      refused,
      ok(2),
      {
        ok: true,
        result: estimate(
          Workload.parse({ location: 'DE', durationHours: 1, cpu: { threads: 4 } }),
          tables,
        ),
      },
    ];
    // The same list contents in fresh arrays (as a preset's assumptions are) share an entry too.
    const copy = items[0]!.ok ? items[0]!.result : null;
    items.push({ ok: true, result: { ...copy!, assumptions: [...copy!.assumptions] } });
    const { results, provenance } = shareProvenance(items);
    expect(results.map((r) => (r.ok ? r.provenance : 'refused'))).toEqual([0, 'refused', 0, 1, 0]);
    expect(provenance).toHaveLength(2);
    results.forEach((r, i) => {
      const item = items[i]!;
      if (r.ok && item.ok)
        expect({ ...r.result, ...provenance[r.provenance]! }).toEqual(item.result);
      else expect(r).toEqual(item);
    });
  });
});
