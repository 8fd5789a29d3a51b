/**
 * `factlint test`: every rule's inline `examples:` run as tests. Each example's
 * articles are parsed from the YAML text, read by that rule only, compared, and
 * the findings checked against `expect:` / `expect_none:`. A rule whose examples
 * never produce a single fact is a failure too (its examples prove nothing), and
 * a rule without examples is counted so the author sees what is untested.
 */
import { parseArticle } from '../articles/parse.js';
import { DEFAULT_RULES_NAME } from '../config/defaults.js';
import type { Config } from '../config/load.js';
import { cmp } from '../findings.js';
import { compareFacts, extractArticle } from '../runner.js';
import type { Article, ArticleInfo, Fact, Finding, FindingKind, Rule, RuleExample } from '../types.js';

export interface FindingSummary {
  kind: FindingKind;
  /** Displayed values, in the finding's order (most articles first). */
  values: string[];
  subject: string;
}

export type Expectation = NonNullable<RuleExample['expect']>[number];

export interface ExampleResult {
  rule: string;
  /**
   * `example`: one example of a rule; `silent-rule`: a rule whose examples never
   * produced a fact (a failure); `no-examples`: a rule without examples (not a failure).
   */
  status: 'example' | 'silent-rule' | 'no-examples';
  /** Example name (or "example N"); for rule-level results, a short description. */
  name: string;
  ok: boolean;
  /** Where the rule is defined (file:line:col), when known. */
  where?: string;
  expected: Expectation[];
  expectNone: boolean;
  /** Findings the example produced. */
  actual: FindingSummary[];
  /** Facts read, per article id, as displayed ("26 people"); articles with none are listed with []. */
  facts: Record<string, string[]>;
  /** Human lines explaining a failure: "- " expected and missing, "+ " found and not expected, "  " matched. */
  diff: string[];
}

function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function summarise(f: Finding): FindingSummary {
  return { kind: f.kind, values: f.values.map((v) => v.display), subject: f.subject.label };
}

/** Does one expectation describe this finding? */
export function matches(e: Expectation, f: Finding): boolean {
  if (e.kind && e.kind !== f.kind) return false;
  if (e.subject !== undefined) {
    const s = norm(e.subject);
    if (!norm(f.subject.label).includes(s) && !norm(f.subject.key).includes(s)) return false;
  }
  if (e.values) {
    const wanted = e.values.map(norm);
    const groupMatches = (w: string) => f.values.some((g) => norm(g.display) === w || norm(g.value) === w);
    if (!wanted.every(groupMatches)) return false;
    // no extra value groups
    if (!f.values.every((g) => wanted.includes(norm(g.display)) || wanted.includes(norm(g.value)))) return false;
  }
  return true;
}

export function formatExpectation(e: Expectation): string {
  const parts = [e.kind ?? 'any finding'];
  if (e.values) parts.push(`[${e.values.join(' | ')}]`);
  if (e.subject !== undefined) parts.push(`subject ~ “${e.subject}”`);
  return parts.join(' ');
}

export function formatSummary(s: FindingSummary): string {
  return `${s.kind} [${s.values.join(' | ')}] subject “${s.subject}”`;
}

function where(rule: Rule): string | undefined {
  return rule.pos ? `${rule.pos.file}:${rule.pos.line}:${rule.pos.column}` : undefined;
}

/** Parse the inline articles of one example. */
export function exampleArticles(example: RuleExample): Article[] {
  return example.articles.map((a) =>
    parseArticle({ id: String(a.id), path: String(a.id), text: String(a.text), meta: a.published !== undefined ? { published: String(a.published) } : {} }),
  );
}

/** Run one example of one rule. `fired` tells the caller whether any fact was read. */
export function runExample(rule: Rule, example: RuleExample, index: number, config: Config): { result: ExampleResult; fired: boolean } {
  const name = example.name ?? `example ${index + 1}`;
  // a failing example is shown where it is written, not where its rule starts
  const at = example.pos ? `${example.pos.file}:${example.pos.line}:${example.pos.column}` : where(rule);
  const base = { rule: rule.id, status: 'example' as const, name, ...(at ? { where: at } : {}), expected: example.expect ?? [], expectNone: example.expectNone === true };
  const articles = exampleArticles(example);
  const ids = new Set<string>();
  for (const a of articles) {
    if (ids.has(a.id)) {
      return { result: { ...base, ok: false, actual: [], facts: {}, diff: [`two articles have the id "${a.id}": give each article of an example its own id`] }, fired: false };
    }
    ids.add(a.id);
  }
  const facts: Fact[] = [];
  let findings: Finding[] = [];
  try {
    for (const a of articles) facts.push(...extractArticle(a, [rule], config));
    const infos = new Map<string, ArticleInfo>(articles.map((a) => [a.id, { id: a.id, path: a.path, meta: a.meta }]));
    findings = compareFacts(facts, [rule], infos);
  } catch (e) {
    return { result: { ...base, ok: false, actual: [], facts: {}, diff: [`the rule failed: ${(e as Error).message}`] }, fired: false };
  }
  const factMap: Record<string, string[]> = {};
  for (const a of articles) factMap[a.id] = [];
  for (const f of facts) factMap[f.article]!.push(f.display ?? f.value);

  const used = new Set<Finding>();
  const diff: string[] = [];
  let ok = true;
  for (const e of base.expected) {
    const hit = findings.find((f) => !used.has(f) && matches(e, f)) ?? findings.find((f) => matches(e, f));
    if (hit) {
      used.add(hit);
      diff.push(`  ${formatExpectation(e)}`);
    } else {
      ok = false;
      diff.push(`- ${formatExpectation(e)}`);
    }
  }
  if (base.expectNone && findings.length > 0) ok = false;
  for (const f of findings) if (!used.has(f)) diff.push(`+ ${formatSummary(summarise(f))}`);
  if (base.expectNone) diff.unshift(findings.length ? '- no finding' : '  no finding');
  if (!ok) {
    diff.push(
      `  facts read: ${Object.entries(factMap)
        .map(([id, vs]) => `${id} → ${vs.length ? vs.join(', ') : '(none)'}`)
        .join('; ')}`,
    );
  }
  return { result: { ...base, ok, actual: findings.map(summarise), facts: factMap, diff: ok ? [] : diff }, fired: facts.length > 0 };
}

/** Run every rule's examples. Rule-level results (silent rule, no examples) follow the rule's examples. */
export function runExamples(config: Config, only?: string[]): ExampleResult[] {
  const out: ExampleResult[] = [];
  const rules = only?.length ? config.rules.filter((r) => only.includes(r.id)) : config.rules;
  for (const rule of [...rules].sort((a, b) => cmp(a.id, b.id))) {
    const w = where(rule);
    const common = { rule: rule.id, ...(w ? { where: w } : {}), expected: [], expectNone: false, actual: [], facts: {} };
    if (rule.examples.length === 0) {
      // the built-in rules (extends: default) are tested with factlint's own tests, not here
      if (rule.pos?.file === DEFAULT_RULES_NAME) continue;
      out.push({ ...common, status: 'no-examples', name: 'no examples', ok: true, diff: [] });
      continue;
    }
    let fired = false;
    rule.examples.forEach((ex, i) => {
      const r = runExample(rule, ex, i, config);
      fired ||= r.fired;
      out.push(r.result);
    });
    if (!fired) {
      out.push({
        ...common,
        status: 'silent-rule',
        name: 'matched nothing',
        ok: false,
        diff: [`rule ${rule.id} matched nothing in its examples`],
      });
    }
  }
  return out;
}

export function examplesFailed(results: ExampleResult[]): boolean {
  return results.some((r) => !r.ok);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line per example (✓ / ✗), the diff under each failure, a summary line last. */
export function formatExampleResults(results: ExampleResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.status === 'no-examples') continue;
    if (r.status === 'silent-rule') {
      lines.push(`✗ rule ${r.rule} matched nothing in its examples${r.where ? ` (${r.where})` : ''}`);
      lines.push('    no example gave it a single fact: add one where it reads a value (check the subject\'s aliases, the cues and the unit words)');
      continue;
    }
    lines.push(`${r.ok ? '✓' : '✗'} ${r.rule} › ${r.name}`);
    if (!r.ok) {
      if (r.where) lines.push(`    example at ${r.where}`);
      for (const d of r.diff) lines.push(`    ${d}`);
    }
  }
  const examples = results.filter((r) => r.status === 'example');
  const passed = examples.filter((r) => r.ok).length;
  const failed = examples.length - passed;
  const silent = results.filter((r) => r.status === 'silent-rule');
  const none = results.filter((r) => r.status === 'no-examples');
  let summary = `${plural(examples.length, 'example')}: ${passed} passed, ${failed} failed`;
  if (silent.length) summary += `; ${plural(silent.length, 'rule')} matched nothing`;
  if (none.length) summary += `; ${none.length} ${none.length === 1 ? 'rule has' : 'rules have'} no examples (${none.map((r) => r.rule).join(', ')})`;
  lines.push(summary);
  return `${lines.join('\n')}\n`;
}
