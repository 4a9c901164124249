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
  for (const r of FOCUS_RULES) {
    out.push({
      id: r.id,
      provider: r.provider,
      column: r.column,
      pattern: r.pattern,
      unit: r.unit,
      method: r.method,
      key: r.key,
      factor: r.factor,
      reason: r.reason,
    });
  }
  return out.map((r, i) => ({ ...r, rank: i + 1 }));
}

// Two types with one billing name (case variants) keep the first.
function dedupe(rules: Omit<RankedRule, 'rank'>[]): Omit<RankedRule, 'rank'>[] {
  const seen = new Set<string>();
  return rules.filter((r) => !seen.has(r.pattern) && seen.add(r.pattern));
}

/** SQL LIKE (`%`, `_`, no escape, case-sensitive) as an anchored RegExp. */
export function likeToRegExp(pattern: string): RegExp {
  const parts = pattern.split(/([%_])/);
  const src = parts
    .map((p) =>
      p === '%' ? '[\\s\\S]*' : p === '_' ? '[\\s\\S]' : p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${src}$`);
}

/** The longest literal run of a LIKE pattern: a cheap `includes` check before the RegExp. */
function needleOf(pattern: string): string {
  return pattern.split(/[%_]/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

const WORD_SPLIT = /[\s/]+/;

/** Words a matching value must contain whole (delimited by space or `/` on both sides within a literal). */
function wholeWords(pattern: string): string[] {
  const segments = pattern.split(/([%_])/);
  const words: string[] = [];
  segments.forEach((seg, i) => {
    if (seg === '%' || seg === '_' || seg === '') return;
    const parts = seg.split(WORD_SPLIT);
    const leftOpen = i > 0;
    const rightOpen = i < segments.length - 1;
    words.push(...parts.slice(leftOpen ? 1 : 0, rightOpen ? parts.length - 1 : parts.length));
  });
  return words.filter((w) => w !== '');
}

export interface RuleInput {
  readonly provider: string;
  readonly unit: string | null;
  readonly ChargeDescription: string | null;
  readonly ServiceName: string | null;
}

interface CompiledRule {
  readonly rule: RankedRule;
  /** Compiled on first use: most rules never see a value containing their needle. */
  re: RegExp | null;
  readonly needle: string;
  readonly unitRe: RegExp;
}

/** First matching rule (by rank) for a row's provider, unit and columns; null when none matches. */
export type RuleMatcher = (row: RuleInput) => RankedRule | null;

/** Rules of one provider (with the `*` ones): indexed by their rarest whole word, the rest scanned. */
interface ProviderRules {
  readonly byWord: Map<string, CompiledRule[]>;
  readonly scan: CompiledRule[];
}

function indexRules(list: CompiledRule[]): ProviderRules {
  const wordsOf = new Map(list.map((c) => [c, wholeWords(c.rule.pattern)]));
  const freq = new Map<string, number>();
  for (const words of wordsOf.values()) {
    for (const w of new Set(words)) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const byWord = new Map<string, CompiledRule[]>();
  const scan: CompiledRule[] = [];
  for (const c of list) {
    const words = wordsOf.get(c)!;
    if (words.length === 0) {
      scan.push(c);
      continue;
    }
    const key = `${c.rule.column}\u0000${words.reduce((a, b) => (freq.get(b)! < freq.get(a)! ? b : a))}`;
    (byWord.get(key) ?? byWord.set(key, []).get(key)!).push(c);
  }
  return { byWord, scan };
}

function accepts(c: CompiledRule, row: RuleInput, unit: string): boolean {
  const value = row[c.rule.column];
  if (value === null || !value.includes(c.needle)) return false;
  c.re ??= likeToRegExp(c.rule.pattern);
  return c.re.test(value) && c.unitRe.test(unit);
}

/** A matcher over the ranked rules: per provider, candidates found by word, then tested in rank order. */
export function createRuleMatcher(rules: readonly RankedRule[]): RuleMatcher {
  const unitRes = new Map<string, RegExp>();
  const compiled = rules.map((rule) => {
    let unitRe = unitRes.get(rule.unit);
    if (!unitRe) unitRes.set(rule.unit, (unitRe = likeToRegExp(rule.unit)));
    const c: CompiledRule = { rule, re: null, needle: needleOf(rule.pattern), unitRe };
    return c;
  });
  const columns = [...new Set(rules.map((r) => r.column))];
  const indexes = new Map<string, ProviderRules>();
  const indexFor = (provider: string) => {
    let ix = indexes.get(provider);
    if (!ix) {
      const list = compiled.filter((c) => c.rule.provider === provider || c.rule.provider === '*');
      indexes.set(provider, (ix = indexRules(list)));
    }
    return ix;
  };
  return (row) => {
    const unit = row.unit;
    if (unit === null) return null;
    const ix = indexFor(row.provider);
    let best: CompiledRule | null = null;
    for (const column of columns) {
      const value = row[column];
      if (value === null) continue;
      for (const word of value.split(WORD_SPLIT)) {
        const bucket = ix.byWord.get(`${column}\u0000${word}`);
        if (!bucket) continue;
        for (const c of bucket) {
          if ((best === null || c.rule.rank < best.rule.rank) && accepts(c, row, unit)) best = c;
        }
      }
    }
    for (const c of ix.scan) {
      if (best !== null && c.rule.rank > best.rule.rank) break;
      if (accepts(c, row, unit)) return c.rule;
    }
    return best?.rule ?? null;
  };
}
