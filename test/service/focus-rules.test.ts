// The rule matcher: its word index finds exactly the first rule (by rank) that a plain scan of every
// ranked rule finds, on the sample's rows and on descriptions made from the rules' own patterns.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tables } from '../../src/data/index.ts';
import {
  createRuleMatcher,
  likeToRegExp,
  rankRules,
  type RankedRule,
  type RuleInput,
} from '../../src/service/focus/rules.ts';
import { readFocusSample } from '../helpers/focus-sample.ts';
import { FOCUS_PROVIDERS } from '../../data/focus-rules.ts';

const rules = rankRules(tables);
const match = createRuleMatcher(rules);
// Every literal run must occur in a matching value: a cheap necessary check before the RegExp.
const compiled = rules.map((r) => ({
  r,
  re: likeToRegExp(r.pattern),
  unit: likeToRegExp(r.unit),
  literals: r.pattern.split(/[%_]/).filter((x) => x !== ''),
}));

/** The definition: the lowest-ranked rule whose provider, unit and column pattern all match. */
function scan(row: RuleInput): RankedRule | null {
  if (row.unit === null) return null;
  for (const { r, re, unit, literals } of compiled) {
    const value = row[r.column];
    if (value === null || (r.provider !== row.provider && r.provider !== '*')) continue;
    if (literals.every((l) => value.includes(l))) {
      if (re.test(value) && unit.test(row.unit)) return r;
    }
  }
  return null;
}

describe('likeToRegExp', () => {
  it('reads % and _ as SQL LIKE does, everything else literally', () => {
    expect(
      likeToRegExp('% c5.2xlarge Instance Hour%').test('$0.34 per c5.2xlarge Instance Hour'),
    ).toBe(true);
    expect(
      likeToRegExp('% c5.2xlarge Instance Hour%').test('$0.34 per c5x2xlarge Instance Hour'),
    ).toBe(false);
    expect(likeToRegExp('a_c').test('abc')).toBe(true);
    expect(likeToRegExp('a_c').test('ac')).toBe(false);
    expect(likeToRegExp('(x)+[y]$^').test('(x)+[y]$^')).toBe(true);
    expect(likeToRegExp('%GB%Mo%').test('GB-Months')).toBe(true);
    expect(likeToRegExp('Hours').test('hours')).toBe(false);
  });
});

describe('createRuleMatcher', () => {
  it('ranks the instance rules before the fixed ones, and each rank once', () => {
    expect(rules.map((r) => r.rank)).toEqual(rules.map((_, i) => i + 1));
    expect(rules.length).toBeGreaterThan(3000);
    const firstFixed = rules.findIndex((r) => r.key === '' || r.method === 'gpu_hours');
    expect(rules.slice(0, firstFixed).every((r) => /instance$/.test(r.method))).toBe(true);
  });

  it('agrees with a scan of every rule on each row of the sample', () => {
    const { header, rows } = readFocusSample();
    const col = (n: string) => header.indexOf(n);
    const nul = (v: string | undefined) => (v === undefined || v === '' || v === 'NULL' ? null : v);
    const providers = new Map(FOCUS_PROVIDERS.map((p) => [p.name, p.provider]));
    for (const r of rows) {
      const row: RuleInput = {
        provider: providers.get(r[col('ProviderName')]!.toLowerCase())!,
        unit: nul(r[col('ConsumedUnit')]),
        ChargeDescription: nul(r[col('ChargeDescription')]),
        ServiceName: nul(r[col('ServiceName')]),
      };
      expect(match(row)?.rank ?? null, r[col('Id')]).toBe(scan(row)?.rank ?? null);
    }
  });

  it("agrees with a scan on descriptions made from the rules' patterns", () => {
    const fill = fc.constantFrom('', ' ', 'x', ' 2 ', '/', 'Standard', ' - US East', 'v2');
    const units = fc.constantFrom(
      'Hours',
      '1 Hour',
      'GB',
      'GB-Months',
      'GiB-Hours',
      'Requests',
      'vCPU-Hours',
      'OCPU Hours',
      'Lambda-GB-Seconds',
    );
    const pattern = fc.constantFrom(...rules.map((r) => r.pattern));
    fc.assert(
      fc.property(
        fc.constantFrom('aws', 'azure', 'gcp', 'oci'),
        pattern,
        pattern,
        fc.array(fill, { minLength: 4, maxLength: 4 }),
        units,
        (provider, p1, p2, fills, unit) => {
          const text = (p: string, i: number) =>
            p.replace(/%/g, () => fills[i++ % fills.length]!).replace(/_/g, 'z');
          const description = fills[0]! + text(p1, 1) + (fills[2] === '' ? '' : text(p2, 3));
          const row: RuleInput = {
            provider,
            unit,
            ChargeDescription: description,
            ServiceName: text(p2, 0),
          };
          expect(match(row)?.rank ?? null).toBe(scan(row)?.rank ?? null);
        },
      ),
      { numRuns: 1500, seed: 16 },
    );
  });
});
