// What a FOCUS run needs from the tables, prepared once per tables object (rules ranked, matcher
// indexed, provider fallbacks): a WeakMap cache that never changes an answer.
import type { Tables } from '../../core/tables.ts';
import { createRuleMatcher, rankRules, type RankedRule, type RuleMatcher } from './rules.ts';
import { providerFallbacks, type ProviderFallback } from './regions.ts';
import { focusPlaces, type FocusPlace } from './places.ts';

export interface PreparedFocus {
  readonly rules: readonly RankedRule[];
  readonly match: RuleMatcher;
  readonly fallbacks: ReadonlyMap<string, ProviderFallback>;
  readonly places: ReadonlyMap<string, FocusPlace>;
}

const prepared = new WeakMap<Tables, PreparedFocus>();

/** The ranked rules, their matcher, the places rows can run in and the provider fallbacks of `tables`. */
export function prepareFocus(tables: Tables): PreparedFocus {
  let p = prepared.get(tables);
  if (!p) {
    const rules = rankRules(tables);
    const places = focusPlaces(tables);
    p = {
      rules,
      match: createRuleMatcher(rules),
      fallbacks: providerFallbacks(tables, places),
      places,
    };
    prepared.set(tables, p);
  }
  return p;
}
