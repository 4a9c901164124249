// jsonBytes must write exactly what JSON.stringify writes, whatever it reuses: the estimates of many
// shapes (their plans' shared parts), edge values, and frozen objects that still hold something mutable.
import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../../src/api/json-bytes.ts';
import { estimate } from '../../src/core/estimate.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';
import { generateRows, toWorkload } from '../../bench/lib/rows.ts';

const decoder = new TextDecoder();
const text = (v: unknown) => decoder.decode(jsonBytes(v));

describe('jsonBytes', () => {
  it('writes estimates of many shapes as JSON.stringify does, the first time and again', () => {
    const workloads = generateRows(300, 7).map((r) => Workload.parse(toWorkload(r)));
    for (const preset of tables.presets?.values() ?? []) workloads.push(Workload.parse({ ...preset.workload, durationHours: preset.workload.durationHours ?? 3 }));
    workloads.push(Workload.parse({ location: 'aws:us-east-1', durationHours: 36, gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 }, cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 }, memoryGb: 2048, storage: { ssdTb: 30, replication: 2 }, networkGb: 500, functionalUnit: { name: 'request', count: 1e6 } }));
    expect(workloads.length).toBeGreaterThan(300);
    for (let pass = 0; pass < 2; pass++) {
      for (const w of workloads) {
        const result = estimate(w, tables);
        expect(text(result)).toBe(JSON.stringify(result));
      }
    }
  });

  it('gives each answer its own bytes', () => {
    const result = estimate(Workload.parse({ location: 'FR', durationHours: 2, cpu: { threads: 4 } }), tables);
    const a = jsonBytes(result);
    a.fill(0);
    expect(text(result)).toBe(JSON.stringify(result));
  });

  it('writes edge values as JSON.stringify does', () => {
    const values: unknown[] = [
      { a: undefined, b: () => 1, c: Symbol('s'), d: null, e: [undefined, () => 1, NaN, -0, Infinity, 1e21, 5e-324] },
      { when: new Date(0), nested: { toJSON: () => ({ replaced: true }) } },
      ['ünïcode \u2028 "quotes" \\ \n', '\ud800 lone surrogate', '😀'],
      Object.freeze({ frozen: Object.freeze(['x', 'ü']), empty: Object.freeze({}) }),
      { 'key with "quotes"': 1, 'ключ': 2, 3: 'numeric key first' },
      [],
      {},
      0,
      'plain',
      true,
      null,
    ];
    for (const v of values) expect(text(v)).toBe(JSON.stringify(v));
  });

  it('does not reuse the bytes of a frozen object whose inside can still change', () => {
    const inner = { value: 1 };
    const outer = Object.freeze({ inner, label: 'outer' });
    expect(text(outer)).toBe('{"inner":{"value":1},"label":"outer"}');
    inner.value = 2;
    expect(text(outer)).toBe('{"inner":{"value":2},"label":"outer"}');
  });

  it('reflects changes to the parts of an answer that are not frozen', () => {
    const shared = Object.freeze({ id: 'same' });
    const answer = { n: 1, shared };
    expect(text(answer)).toBe('{"n":1,"shared":{"id":"same"}}');
    answer.n = 2;
    expect(text(answer)).toBe('{"n":2,"shared":{"id":"same"}}');
  });
});
