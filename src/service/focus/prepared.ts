// What a FOCUS run needs from the tables, prepared once per tables object (rules ranked, matcher
// indexed, provider fallbacks): a WeakMap cache that never changes an answer.
import type { Tables } from '../../core/tables.ts';
import { createRuleMatcher, rankRules, type RankedRule, type RuleMatcher } from './rules.ts';
import { providerFallbacks, type ProviderFallback } from './regions.ts';

export interface PreparedFocus {
  readonly rules: readonly RankedRule[];
  readonly match: RuleMatcher;
  readonly fallbacks: ReadonlyMap<string, ProviderFallback>;
}

const prepared = new WeakMap<Tables, PreparedFocus>();

/** The ranked rules, their matcher and the provider fallbacks of `tables`. */
export function prepareFocus(tables: Tables): PreparedFocus {
  let p = prepared.get(tables);
  if (!p) {
    const rules = rankRules(tables);
    p = { rules, match: createRuleMatcher(rules), fallbacks: providerFallbacks(tables) };
    prepared.set(tables, p);
  }
  return p;
}
