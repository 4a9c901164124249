// jsonText must write exactly JSON.stringify's text with non-ASCII as \u escapes, whatever it
// reuses: the estimates of many shapes (their plans' shared parts, first time and again), edge
// values, and frozen objects that still hold something mutable.
import { describe, expect, it } from 'vitest';
import { jsonText } from '../../src/api/json-text.ts';
import { estimate } from '../helpers/estimator.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';
import { generateRows, toWorkload } from '../helpers/synthetic-rows.ts';

/** JSON.stringify, then each UTF-16 unit above 0x7f as \uXXXX (lowercase hex, as JSON.stringify writes lone surrogates). */
const expected = (v: unknown) =>
  JSON.stringify(v).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

describe('jsonText', () => {
  it('writes estimates of many shapes as JSON.stringify does, ASCII only, the first time and again', () => {
    const workloads = generateRows(300, 7).map((r) => Workload.parse(toWorkload(r)));
    // An AI shape derives its own hours (a training run cannot be squeezed into 3 h: that is refused).
    for (const preset of tables.presets?.values() ?? [])
      workloads.push(
        Workload.parse(
          preset.workload.durationHours !== undefined || preset.workload.ai
            ? preset.workload
            : { ...preset.workload, durationHours: 3 },
        ),
      );
    workloads.push(
      Workload.parse({
        location: 'aws:us-east-1',
        durationHours: 36,
        gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
        cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
        memoryGb: 2048,
        storage: { ssdTb: 30, replication: 2 },
        networkGb: 500,
        functionalUnit: { name: 'request', count: 1e6 },
      }),
    );
    expect(workloads.length).toBeGreaterThan(301);
    let escaped = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (const w of workloads) {
        const result = estimate(w, tables);
        const text = jsonText(result);
        expect(text).toBe(expected(result));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
        if (text !== JSON.stringify(result)) escaped++;
      }
    }
    // Source titles hold "–": the escapes were exercised.
    expect(escaped).toBeGreaterThan(0);
  });

  it('writes edge values as JSON.stringify does', () => {
    const values: unknown[] = [
      {
        a: undefined,
        b: () => 1,
        c: Symbol('s'),
        d: null,
        e: [undefined, () => 1, NaN, -0, Infinity, 1e21, 5e-324],
      },
      {
        when: new Date(0),
        nested: { toJSON: () => ({ replaced: true }) },
        shared: Object.freeze({ x: 1 }),
      },
      ['ünïcode \u2028 "quotes" \\ \n', '\ud800 lone surrogate', '😀', Object.freeze(['é'])],
      Object.freeze({ frozen: Object.freeze(['x', 'ü']), empty: Object.freeze({}) }),
      {
        'key with "quotes"': 1,
        ключ: Object.freeze({ v: 'ß' }),
        3: 'numeric key first',
        u: undefined,
      },
      { ключ: { v: 1 }, n: [1, 2] },
      { plain: { numbers: [1, 2.5, -0], flag: true, none: null }, deeper: { é: 3 } },
      [Object.freeze({ a: 1 }), undefined, { b: Object.freeze([2]) }],
      [],
      {},
      0,
      'plain',
      true,
      null,
    ];
    for (const v of values) {
      expect(jsonText(v)).toBe(expected(v));
      expect(jsonText(v)).toBe(expected(v));
    }
  });

  it('does not reuse the text of a frozen object whose inside can still change', () => {
    const inner = { value: 1 };
    const outer = Object.freeze({ inner, label: 'outer' });
    expect(jsonText(outer)).toBe('{"inner":{"value":1},"label":"outer"}');
    inner.value = 2;
    expect(jsonText(outer)).toBe('{"inner":{"value":2},"label":"outer"}');
  });

  it('reflects changes to the parts of an answer that are not frozen', () => {
    const shared = Object.freeze({ id: 'same' });
    const answer = { n: 1, shared };
    expect(jsonText(answer)).toBe('{"n":1,"shared":{"id":"same"}}');
    answer.n = 2;
    expect(jsonText(answer)).toBe('{"n":2,"shared":{"id":"same"}}');
  });
});
