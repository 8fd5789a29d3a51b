/**
 * `factlint explain TARGET`: why a finding was reported, or what a rule read.
 *
 * TARGET is a finding fingerprint (or a unique prefix of one) or a rule id.
 * For a finding: per article, the sentences it stands on, raw text → value,
 * the note saying why it was normalised so, and path:line:col.
 * For a rule: per article, every fact it read, or why it read none (hints:
 * is the subject entity mentioned at all, do the cues stand near it).
 */
import { resolve } from 'node:path';
import { locate } from '../articles/parse.js';
import { loadArticle } from '../articles/load.js';
import { didYouMean } from '../errors.js';
import { FactlintError } from '../errors.js';
import { cmp } from '../findings.js';
import { ruleTypes } from '../rules/index.js';
import type { CheckResult } from '../runner.js';
import type { Article, Entity, Evidence, Fact, Finding, Rule, Vocabulary } from '../types.js';
import { entityTerms, findEntity, mentions, termsRegExp } from '../vocab.js';

function at(e: Evidence): string {
  return `${e.path}:${e.line}:${e.column}`;
}

function shown(display: string, value: string): string {
  return display === value ? display : `${display} (compared as “${value}”)`;
}

function evidenceLines(e: Evidence, display: string, value: string, indent = '  '): string[] {
  const lines = [`${indent}${at(e)}  “${e.text}” → ${shown(display, value)}`];
  if (e.note) lines.push(`${indent}  why: ${e.note}`);
  lines.push(`${indent}  sentence: ${e.sentence}`);
  return lines;
}

function isPlain(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function ruleHeader(rule: Rule): string[] {
  const t = ruleTypes[rule.type];
  const lines = [`Rule ${rule.id} (${rule.type}, ${rule.severity})${rule.pos ? ` at ${rule.pos.file}:${rule.pos.line}:${rule.pos.column}` : ''}`];
  if (rule.description) lines.push(`  ${rule.description}`);
  if (t) lines.push(`  type ${t.type}: ${t.summary}`);
  const opts = Object.entries(rule.options as Record<string, unknown>)
    .filter(([, v]) => isPlain(v) || (Array.isArray(v) && v.every(isPlain)))
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  if (opts.length) lines.push(`  options: ${opts.join(', ')}`);
  return lines;
}

function explainFinding(result: CheckResult, f: Finding): string {
  const lines: string[] = [];
  lines.push(`Finding ${f.fingerprint}: ${f.kind}, ${f.severity}`);
  lines.push(`  ${f.message}`);
  lines.push(`  subject: ${f.subject.label} (key ${f.subject.key})`);
  if (f.outliers.length) lines.push(`  outliers: ${f.outliers.join(', ')}`);
  const rule = result.config.rules.find((r) => r.id === f.rule);
  if (rule) lines.push(...ruleHeader(rule));
  lines.push('');
  lines.push('Values:');
  for (const g of f.values) lines.push(`  ${shown(g.display, g.value)}: ${g.articles.join(', ')}`);
  // per article, the evidence of every value group
  const byArticle = new Map<string, { e: Evidence; display: string; value: string }[]>();
  for (const g of f.values) {
    for (const e of g.evidence) {
      let list = byArticle.get(e.article);
      if (!list) byArticle.set(e.article, (list = []));
      list.push({ e, display: g.display, value: g.value });
    }
  }
  const paths = new Map(result.report.articles.map((a) => [a.id, a.path]));
  for (const id of [...byArticle.keys()].sort(cmp)) {
    lines.push('');
    lines.push(`${id} (${paths.get(id) ?? byArticle.get(id)![0]!.e.path})`);
    for (const { e, display, value } of byArticle.get(id)!.sort((a, b) => a.e.offset - b.e.offset)) lines.push(...evidenceLines(e, display, value));
  }
  const silent = result.report.articles.filter((a) => !byArticle.has(a.id)).map((a) => a.id);
  if (silent.length) {
    lines.push('');
    lines.push(`Not in this finding (no value for this subject): ${silent.join(', ')}. Run \`factlint explain ${f.rule}\` to see why.`);
  }
  return `${lines.join('\n')}\n`;
}

/** Entities a rule's options refer to (an option whose value, or one of whose values, is an entity id). */
function referencedEntities(rule: Rule, vocab: Vocabulary): { option: string; entity: Entity }[] {
  const out: { option: string; entity: Entity }[] = [];
  for (const [k, v] of Object.entries(rule.options as Record<string, unknown>)) {
    const ids = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    for (const id of ids) {
      const e = findEntity(vocab, id);
      if (e) out.push({ option: k, entity: e });
    }
  }
  return out;
}

function listTerms(terms: string[], max = 6): string {
  const shownTerms = terms.slice(0, max).map((t) => `“${t}”`);
  return terms.length > max ? `${shownTerms.join(', ')}…` : shownTerms.join(', ');
}

/** Why a rule read nothing in one article: plain hints for the rule author. */
export function silenceHints(article: Article, rule: Rule, vocab: Vocabulary): string[] {
  const hints: string[] = [];
  const o = rule.options as Record<string, unknown>;
  const refs = referencedEntities(rule, vocab);
  const subjectRef = refs.find((r) => r.option === 'subject') ?? refs[0];
  for (const { option, entity } of refs) {
    const sentences = article.sentences.filter((s) => mentions(s.text, entity).length > 0);
    if (sentences.length === 0) {
      hints.push(
        `${entity.name} (${option}: ${entity.id}) is not mentioned at all (looked for ${listTerms(entityTerms(entity))}); if this article writes it another way, add that to the entity's aliases`,
      );
    } else {
      const lines = [...new Set(sentences.map((s) => lineOf(article, s.start)))];
      hints.push(`${entity.name} (${option}) is mentioned in ${sentences.length} sentence${sentences.length === 1 ? '' : 's'} (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`);
    }
  }
  // count-like rules: do the cues and unit words stand in the sentences about the subject?
  if (subjectRef && Array.isArray(o.cues)) {
    const win = typeof o.window === 'number' ? o.window : 0;
    const ss = article.sentences;
    const candidate = new Set<number>();
    for (const s of ss) if (mentions(s.text, subjectRef.entity).length) for (let i = 0; i <= win && s.index + i < ss.length; i++) candidate.add(s.index + i);
    if (candidate.size) {
      const cues = o.cues.map(String);
      const cueRe = termsRegExp(cues);
      const withCue = [...candidate].sort((a, b) => a - b).filter((i) => { cueRe.lastIndex = 0; return cueRe.test(ss[i]!.text); });
      const scope = `the ${candidate.size} sentence${candidate.size === 1 ? '' : 's'} ${win ? `read for ${subjectRef.entity.name} (those mentioning it and the ${win} after each)` : `about ${subjectRef.entity.name}`}`;
      if (withCue.length === 0) {
        hints.push(`none of the cues (${listTerms(cues)}) appears in ${scope}`);
      } else {
        const units = Array.isArray(o.unit_words) ? o.unit_words.map(String) : typeof o.unit === 'string' ? [o.unit] : [];
        const unitRe = termsRegExp(units);
        const withUnit = withCue.filter((i) => { unitRe.lastIndex = 0; return unitRe.test(ss[i]!.text); });
        const lines = withCue.map((i) => lineOf(article, ss[i]!.start));
        if (units.length && withUnit.length === 0) {
          hints.push(`a cue stands in ${linesText(lines)}, but no unit word (${listTerms(units)}) does`);
        } else {
          hints.push(
            `a cue and a unit word stand in ${linesText(lines)}, but no number before the unit word within ${String(o.cue_distance ?? '?')} words of a cue (or more than ${String(o.max_gap ?? '?')} words between number and unit)`,
          );
        }
      }
    }
  }
  // rules that find their subject in the text when none is given (date, count)
  if (refs.length === 0 && (rule.type === 'date' || rule.type === 'count') && o.subject === undefined) {
    hints.push(
      rule.type === 'date'
        ? 'this rule has no subject, so it dates only events the text names ("Operation X", "the <Place> attack", "the flood in <Place>"); if the articles only say "a train derailed near Lindvik", add the event under entities: and set subject: to its id'
        : 'this rule has no subject, so it reads figures next to an event word ("killed in the blast"); if the articles name the event otherwise, add it under entities: and set subject: to its id',
    );
  }
  const disabled = article.disabled?.filter((d) => d.rule === rule.id || d.rule === '*');
  if (disabled?.length) hints.push(`the article disables this rule (${disabled.map((d) => d.reason ?? 'no reason given').join('; ')})`);
  return hints;
}

function linesText(lines: number[]): string {
  const u = [...new Set(lines)];
  return `line${u.length === 1 ? '' : 's'} ${u.join(', ')}`;
}

function lineOf(article: Article, offset: number): number {
  return locate(article, offset).line;
}

/** Re-read the run's articles (a CheckResult keeps no text). Unreadable ones are left out. */
function reloadArticles(result: CheckResult): Map<string, Article> {
  const out = new Map<string, Article>();
  const sidecars = new Map();
  const warnings: string[] = [];
  for (const a of result.report.articles) {
    try {
      const art = loadArticle({ file: resolve(a.path), path: a.path }, sidecars, warnings);
      if (art) out.set(a.id, art);
    } catch {
      // hints are a bonus: an article that cannot be re-read just gets none
    }
  }
  return out;
}

function explainRule(result: CheckResult, rule: Rule, articles?: Article[]): string {
  const lines = ruleHeader(rule);
  const findings = result.report.findings.filter((f) => f.rule === rule.id);
  lines.push(
    findings.length
      ? `  findings: ${findings.map((f) => `${f.fingerprint.slice(0, 8)} ${f.kind} on ${f.subject.label}`).join('; ')}`
      : '  findings: none',
  );
  const facts = result.facts.filter((f) => f.rule === rule.id);
  const byArticle = new Map<string, Fact[]>();
  for (const f of facts) {
    let list = byArticle.get(f.article);
    if (!list) byArticle.set(f.article, (list = []));
    list.push(f);
  }
  let texts: Map<string, Article> | undefined;
  const textOf = (id: string): Article | undefined => {
    texts ??= articles ? new Map(articles.map((a) => [a.id, a])) : reloadArticles(result);
    return texts.get(id);
  };
  const ids = [...new Set([...result.report.articles.map((a) => a.id), ...byArticle.keys()])].sort(cmp);
  const paths = new Map(result.report.articles.map((a) => [a.id, a.path]));
  for (const id of ids) {
    lines.push('');
    lines.push(`${id} (${paths.get(id) ?? ''})`);
    const list = byArticle.get(id);
    if (list?.length) {
      for (const f of list.sort((a, b) => a.evidence.offset - b.evidence.offset)) {
        lines.push(...evidenceLines(f.evidence, f.display ?? f.value, f.value));
        lines.push(`    subject: ${f.subject.label}`);
      }
    } else {
      lines.push('  no fact: the rule matched nothing in this article');
      const art = textOf(id);
      if (art) for (const h of silenceHints(art, rule, result.config.vocab)) lines.push(`  hint: ${h}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Explain a finding (fingerprint or unique prefix) or a rule id. `result` must
 * come from check({ keepFacts: true }) (a rule is explained by its facts).
 * `articles` are the run's parsed articles, for hints; when absent they are
 * re-read from their paths.
 */
export function explain(result: CheckResult, target: string, articles?: Article[]): string {
  const t = target.trim();
  const rule = result.config.rules.find((r) => r.id === t);
  if (rule) {
    if (!result.keptFacts) throw new FactlintError('explain: the check result holds no facts; run check({ keepFacts: true })');
    return explainRule(result, rule, articles);
  }
  const findings = result.report.findings;
  const exact = findings.find((f) => f.fingerprint === t.toLowerCase());
  if (exact) return explainFinding(result, exact);
  if (/^[0-9a-f]+$/i.test(t) && t.length >= 4) {
    const hits = findings.filter((f) => f.fingerprint.startsWith(t.toLowerCase()));
    if (hits.length === 1) return explainFinding(result, hits[0]!);
    if (hits.length > 1) {
      throw new FactlintError(`explain ${t}: ${hits.length} findings start with this prefix (${hits.map((f) => f.fingerprint).join(', ')}); give more characters`);
    }
  }
  const candidates = [...result.config.rules.map((r) => r.id), ...findings.map((f) => f.fingerprint)];
  const rules = result.config.rules.map((r) => r.id).join(', ') || '(none)';
  throw new FactlintError(
    `explain ${t}: no finding fingerprint or rule id matches.${didYouMean(t, candidates)} Give a rule id (${rules}) or a fingerprint from the report${findings.length ? ` (e.g. ${findings[0]!.fingerprint})` : ''}.`,
  );
}
