/**
 * check(options) → Report: load rules, read each article once, let every rule
 * extract its facts from the shared parse, group facts by (rule, subject) and
 * compare each group. Nothing here knows about output formats.
 */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { displayPath, findArticleFiles, loadArticle, type SourceFile } from './articles/load.js';
import { parseConfig, type Config } from './config/load.js';
import { FactlintError } from './errors.js';
import { cmp, compareValues } from './findings.js';
import { ruleTypes } from './rules/index.js';
import type { Article, ArticleInfo, Fact, Finding, Report, Rule, Severity } from './types.js';
import { VERSION } from './version.js';

export interface CheckOptions {
  /** Article paths or globs; default: the rules file's `articles:`. */
  paths?: string[];
  /** Rules file; default: rules.yaml in the working directory. */
  rules?: string;
  /** Only these rule ids (default: all). */
  only?: string[];
  /** Severity overrides per rule id. */
  severity?: Record<string, Severity>;
  /** Called after each article (for progress). */
  onArticle?: (done: number, total: number) => void;
}

export interface CheckResult {
  report: Report;
  facts: Fact[];
  config: Config;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.subject.key, b.subject.key) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

export function loadConfig(rulesPath?: string): Config {
  const file = resolve(rulesPath ?? 'rules.yaml');
  if (!rulesPath && !existsSync(file)) throw new FactlintError('rules.yaml: no rules file here; pass --rules FILE (or run `factlint init` to write one)');
  return parseConfig(file);
}

/** Facts of one article for every rule: the unit of work a worker or a cache handles. */
export function extractArticle(article: Article, rules: Rule[], config: Config): Fact[] {
  const out: Fact[] = [];
  for (const rule of rules) {
    const t = ruleTypes[rule.type]!;
    let facts: Fact[];
    try {
      facts = t.extract(article, rule, config.vocab);
    } catch (e) {
      throw new FactlintError(`${article.path}: rule "${rule.id}" failed: ${(e as Error).message}`);
    }
    out.push(...facts);
  }
  return out;
}

/** Group facts by rule and subject and compare each group. */
export function compareFacts(facts: Fact[], rules: Rule[], articles: Map<string, ArticleInfo>): Finding[] {
  const byRule = new Map(rules.map((r) => [r.id, r]));
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.rule}\u0000${f.subject.key}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  const findings: Finding[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    group.sort((a, b) => cmp(a.article, b.article) || a.evidence.offset - b.evidence.offset);
    const rule = byRule.get(group[0]!.rule);
    if (!rule) continue;
    const t = ruleTypes[rule.type]!;
    findings.push(...(t.compare ?? compareValues)(group, rule as never, { articles }));
  }
  return sortFindings(findings);
}

export function articleInfo(a: Article): ArticleInfo {
  return { id: a.id, path: a.path, meta: a.meta, ...(a.disabled ? { disabled: a.disabled } : {}) };
}

/** Split findings into kept and silenced by the articles' disable comments and sidecar entries. */
export function applyDisables(findings: Finding[], articles: Map<string, ArticleInfo>): { kept: Finding[]; silenced: Report['silencedFindings'] } {
  const kept: Finding[] = [];
  const silenced: Report['silencedFindings'] = [];
  for (const f of findings) {
    let hit: { article: string; d: { rule: string; reason?: string; where: string } } | undefined;
    for (const g of f.values) {
      for (const id of g.articles) {
        const d = articles.get(id)?.disabled?.find((x) => x.rule === f.rule || x.rule === '*');
        if (d) {
          hit = { article: id, d };
          break;
        }
      }
      if (hit) break;
    }
    if (!hit) kept.push(f);
    else silenced.push({ fingerprint: f.fingerprint, rule: f.rule, subject: f.subject.label, article: hit.article, ...(hit.d.reason ? { reason: hit.d.reason } : {}), where: hit.d.where });
  }
  return { kept, silenced };
}

export function buildReport(config: Config, infos: ArticleInfo[], all: Finding[], warnings: string[]): Report {
  const { kept: findings, silenced } = applyDisables(all, new Map(infos.map((a) => [a.id, a])));
  return {
    version: 1,
    tool: { name: 'factlint', version: VERSION },
    ...(config.file ? { rulesFile: displayPath(config.file) } : {}),
    articles: infos
      .map((a) => ({
        id: a.id,
        path: a.path,
        ...(a.meta.outlet ? { outlet: a.meta.outlet } : {}),
        ...(a.meta.published ? { published: a.meta.published } : {}),
        publishedSource: a.meta.published ? 'metadata' : 'missing',
      }))
      .sort((a, b) => cmp(a.id, b.id)),
    findings,
    silenced: silenced.length,
    silencedFindings: silenced,
    fixed: [],
    warnings,
  };
}

export function check(options: CheckOptions = {}): CheckResult {
  const config = loadConfig(options.rules);
  let rules = config.rules;
  if (options.only?.length) {
    const unknown = options.only.filter((id) => !rules.some((r) => r.id === id));
    if (unknown.length) throw new FactlintError(`--rule ${unknown[0]}: no such rule in ${config.file}`);
    rules = rules.filter((r) => options.only!.includes(r.id));
  }
  if (options.severity) {
    for (const [id, sev] of Object.entries(options.severity)) {
      const r = rules.find((x) => x.id === id);
      if (!r) throw new FactlintError(`--severity ${id}=${sev}: no such rule in ${config.file}`);
      r.severity = sev;
    }
  }
  const patterns = options.paths?.length ? options.paths : config.articles;
  if (!patterns.length) throw new FactlintError('no articles: give paths on the command line or an `articles:` glob in the rules file');
  const files: SourceFile[] = findArticleFiles(patterns, options.paths?.length ? process.cwd() : config.baseDir);
  const warnings: string[] = [];
  const sidecars = new Map();
  const infos: ArticleInfo[] = [];
  const facts: Fact[] = [];
  const ids = new Map<string, string>();
  let done = 0;
  for (const f of files) {
    const article = loadArticle(f, sidecars, warnings);
    done++;
    if (article) {
      const other = ids.get(article.id);
      if (other) throw new FactlintError(`${article.path}: article id "${article.id}" is already used by ${other}; give one of them another id in its metadata`);
      ids.set(article.id, article.path);
      infos.push(articleInfo(article));
      facts.push(...extractArticle(article, rules, config));
    }
    options.onArticle?.(done, files.length);
  }
  if (infos.length === 0) throw new FactlintError(`no readable article among ${files.length} file${files.length === 1 ? '' : 's'}: ${warnings[0] ?? ''}`);
  const findings = compareFacts(facts, rules, new Map(infos.map((a) => [a.id, a])));
  return { report: buildReport(config, infos, findings, warnings), facts, config };
}
