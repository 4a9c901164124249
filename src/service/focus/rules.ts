// The mapping rules of data/focus-rules.ts, expanded over the instance types of the tables and
// ranked: the one ordered list that both the TypeScript matcher and footprint.sql use.
import type { Tables } from '../../core/tables.ts';
import {
  FOCUS_INSTANCE_TEMPLATES,
  FOCUS_RULES,
  type FocusMethod,
  type FocusRuleColumn,
} from '../../../data/focus-rules.ts';

/** One ranked rule: `key` names the unit workload (an instance id, or '' for a generic method). */
export interface RankedRule {
  readonly rank: number;
  readonly id: string;
  readonly provider: string;
  readonly column: FocusRuleColumn;
  readonly pattern: string;
  readonly unit: string;
  readonly method: FocusMethod;
  readonly key: string;
  readonly factor: number;
  readonly reason: string;
}

/** An instance type's name as the provider's bill writes it, or null when no template applies. */
function billingName(provider: string, type: string): string | null {
  if (provider === 'aws') return type;
  if (provider !== 'azure') return null;
  const m = /^Standard_(.+)$/i.exec(type);
  return m ? m[1]!.replace(/_/g, ' ') : null;
}

/** Every rule in match order: instance rules (longest pattern first within a template), then the fixed ones. */
export function rankRules(tables: Tables): RankedRule[] {
  const out: Omit<RankedRule, 'rank'>[] = [];
  const instances = [...tables.instances.values()];
  for (const t of FOCUS_INSTANCE_TEMPLATES) {
    const expanded: Omit<RankedRule, 'rank'>[] = [];
    for (const inst of instances) {
      if (inst.provider !== t.provider) continue;
      const name = billingName(inst.provider, inst.type);
      if (name === null || /[%_\\]/.test(name)) continue;
      expanded.push({
        id: t.id,
        provider: t.provider,
        column: t.column,
        pattern: t.pattern.replace('{type}', name),
        unit: t.unit,
        method: inst.gpuCount > 0 ? 'gpu_instance' : 'instance',
        key: inst.id,
        factor: t.factor,
        reason: '',
      });
    }
    expanded.sort(
      (a, b) => b.pattern.length - a.pattern.length || (a.pattern < b.pattern ? -1 : 1),
    );
    out.push(...dedupe(expanded));
  }
  for (const r of FOCUS_RULES) out.push({ ...r, key: '' });
  return out.map((r, i) => ({ ...r, rank: i + 1 }));
}

// Two types with one billing name (case variants) keep the first.
function dedupe(rules: Omit<RankedRule, 'rank'>[]): Omit<RankedRule, 'rank'>[] {
  const seen = new Set<string>();
  return rules.filter((r) => !seen.has(r.pattern) && seen.add(r.pattern));
}

/** SQL LIKE (`%`, `_`, no escape, case-sensitive) as an anchored RegExp. */
export function likeToRegExp(pattern: string): RegExp {
  let src = '';
  for (const ch of pattern) {
    if (ch === '%') src += '[\\s\\S]*';
    else if (ch === '_') src += '[\\s\\S]';
    else src += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}

/** The longest literal run of a LIKE pattern: a cheap `includes` check before the RegExp. */
function needleOf(pattern: string): string {
  return pattern.split(/[%_]/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

export interface RuleInput {
  readonly provider: string;
  readonly unit: string | null;
  readonly ChargeDescription: string | null;
  readonly ServiceName: string | null;
  readonly SkuId: string | null;
  readonly ServiceCategory: string | null;
}

interface CompiledRule {
  readonly rule: RankedRule;
  readonly re: RegExp;
  readonly needle: string;
  readonly unitRe: RegExp;
}

/** First matching rule (by rank) for a row's provider, unit and columns; null when none matches. */
export type RuleMatcher = (row: RuleInput) => RankedRule | null;

/** A matcher over the ranked rules, grouped by provider. */
export function createRuleMatcher(rules: readonly RankedRule[]): RuleMatcher {
  const unitRes = new Map<string, RegExp>();
  const byProvider = new Map<string, CompiledRule[]>();
  const any: CompiledRule[] = [];
  for (const rule of rules) {
    let unitRe = unitRes.get(rule.unit);
    if (!unitRe) unitRes.set(rule.unit, (unitRe = likeToRegExp(rule.unit)));
    const c = { rule, re: likeToRegExp(rule.pattern), needle: needleOf(rule.pattern), unitRe };
    if (rule.provider === '*') any.push(c);
    else
      (byProvider.get(rule.provider) ?? byProvider.set(rule.provider, []).get(rule.provider)!).push(
        c,
      );
  }
  const merged = new Map<string, CompiledRule[]>();
  const listFor = (provider: string) => {
    let list = merged.get(provider);
    if (!list) {
      list = [...(byProvider.get(provider) ?? []), ...any].sort(
        (a, b) => a.rule.rank - b.rule.rank,
      );
      merged.set(provider, list);
    }
    return list;
  };
  return (row) => {
    if (row.unit === null) return null;
    for (const c of listFor(row.provider)) {
      const value = row[c.rule.column];
      if (value === null || !value.includes(c.needle)) continue;
      if (c.re.test(value) && c.unitRe.test(row.unit)) return c.rule;
    }
    return null;
  };
}
