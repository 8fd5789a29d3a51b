/**
 * The shared comparator: facts of one subject → findings. Grouping is by the
 * normalised value (a Map), never by pairs of articles.
 */
import { createHash } from 'node:crypto';
import type { CompareContext, Evidence, Fact, Finding, FindingKind, Rule, Severity, Subject, ValueGroup } from './types.js';

export function fingerprint(rule: string, subjectKey: string, values: string[], kind: FindingKind): string {
  const sorted = [...new Set(values)].sort();
  return createHash('sha256').update([rule, subjectKey, kind, ...sorted].join('\u0000')).digest('hex').slice(0, 16);
}

export function byEvidence(a: Evidence, b: Evidence): number {
  return cmp(a.article, b.article) || a.offset - b.offset || cmp(a.text, b.text);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Facts → one group per distinct value, most articles first, then by value. */
export function groupValues(facts: Fact[]): ValueGroup[] {
  const groups = new Map<string, ValueGroup>();
  const seen = new Map<ValueGroup, Set<string>>();
  for (const f of facts) {
    let g = groups.get(f.value);
    if (!g) {
      g = { value: f.value, display: f.display ?? f.value, articles: [], evidence: [] };
      if (f.data) g.data = f.data;
      groups.set(f.value, g);
      seen.set(g, new Set());
    }
    const articles = seen.get(g)!;
    if (!articles.has(f.article)) {
      articles.add(f.article);
      g.articles.push(f.article);
    }
    g.evidence.push(f.evidence);
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.articles.sort(cmp);
    g.evidence.sort(byEvidence);
  }
  return out.sort((a, b) => b.articles.length - a.articles.length || cmp(a.value, b.value));
}

/** Articles that stand against a clear majority: every article not in the largest group, when that group is the only largest. */
export function outliersOf(groups: ValueGroup[]): string[] {
  if (groups.length < 2) return [];
  const [top, second] = groups;
  if (top!.articles.length <= second!.articles.length) return [];
  const majority = new Set(top!.articles);
  const out = new Set<string>();
  for (const g of groups.slice(1)) for (const a of g.articles) if (!majority.has(a)) out.add(a);
  return [...out].sort(cmp);
}

/** How many article ids a sentence names before it counts the rest. */
export const LISTED_ARTICLES = 8;

/** "a, b and c"; past LISTED_ARTICLES, "a, b, … h and 92 other articles". */
export function listArticles(ids: string[]): string {
  if (ids.length <= 1) return ids.join('');
  if (ids.length > LISTED_ARTICLES + 1) return `${ids.slice(0, LISTED_ARTICLES).join(', ')} and ${ids.length - LISTED_ARTICLES} other articles`;
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

export function makeFinding(
  rule: Rule<unknown>,
  kind: FindingKind,
  subject: Subject,
  values: ValueGroup[],
  message: string,
  extra: { severity?: Severity; outliers?: string[]; details?: Record<string, unknown> } = {},
): Finding {
  const f: Finding = {
    rule: rule.id,
    type: rule.type,
    kind,
    severity: extra.severity ?? (kind === 'single-source' || kind === 'update' ? 'info' : rule.severity),
    subject,
    message,
    values,
    outliers: extra.outliers ?? [],
    fingerprint: fingerprint(rule.id, subject.key, values.map((v) => v.value), kind),
  };
  if (extra.details) f.details = extra.details;
  return f;
}

/** Describe the groups for a message: “26 people (000, 001) against 27 people (002)”. */
export function describeGroups(groups: ValueGroup[]): string {
  return groups.map((g) => `${g.display} (${listArticles(g.articles)})`).join(' against ');
}

/**
 * The default comparison: more than one distinct value is a contradiction;
 * one value from one article only is single-source (when the rule asks for it).
 */
export function compareValues(facts: Fact[], rule: Rule<unknown>, _ctx?: CompareContext): Finding[] {
  if (facts.length === 0) return [];
  const subject = facts[0]!.subject;
  const groups = groupValues(facts);
  if (groups.length > 1) {
    const outliers = outliersOf(groups);
    const who = outliers.length ? ` ${listArticles(outliers)} ${outliers.length > 1 ? 'are the outliers' : 'is the outlier'}.` : '';
    return [
      makeFinding(rule, 'contradiction', subject, groups, `Sources disagree on ${subject.label}: ${describeGroups(groups)}.${who}`, {
        outliers,
      }),
    ];
  }
  const only = groups[0]!;
  if (rule.singleSource && only.articles.length === 1) {
    return [
      makeFinding(rule, 'single-source', subject, groups, `Only ${only.articles[0]} gives ${subject.label}: ${only.display}.`),
    ];
  }
  return [];
}
