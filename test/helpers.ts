/** Shared test helpers: articles from strings, rules from literals, the CLI as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArticle } from '../src/articles/parse.js';
import { compareFacts } from '../src/runner.js';
import { ruleTypes } from '../src/rules/index.js';
import type { Article, Finding, Rule, Vocabulary } from '../src/types.js';

export const ROOT = resolve(__dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SEEDS = join(ROOT, 'seeds');

export const SEED_DATES: Record<string, string | undefined> = {
  '000': '2025-05-09',
  '001': '2025-05-09',
  '002': undefined,
  '003': '2025-05-08',
  '004': '2025-05-10',
};

/** The seeds' people (as rules.yaml lists them) and the adviser title synonyms. */
export const SEED_PEOPLE: Vocabulary = {
  entities: [
    { id: 'rubio', name: 'Marco Rubio', aliases: ['Rubio', 'Secretary Rubio', '@SecRubio'], kind: 'person' },
    { id: 'leavitt', name: 'Karoline Leavitt', aliases: ['Leavitt'], kind: 'person' },
    { id: 'bruce', name: 'Tammy Bruce', aliases: ['Bruce'], kind: 'person' },
    { id: 'jaishankar', name: 'S Jaishankar', aliases: ['S. Jaishankar', 'Jaishankar', 'Dr. S. Jaishankar'], kind: 'person' },
    { id: 'sharif', name: 'Shehbaz Sharif', aliases: ['Sharif'], kind: 'person' },
    { id: 'trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person' },
    { id: 'kwatra', name: 'Vinay Mohan Kwatra', aliases: ['Kwatra'], kind: 'person' },
  ],
  titles: { 'National Security Adviser': ['national security advisor', 'NSA'] },
};

export function article(id: string, text: string, published?: string): Article {
  return parseArticle({ id, path: `${id}.txt`, text, meta: published ? { published } : {} });
}

/** The dates the rule-type tests were first written against (002 and 003 dated 9 May). */
export const BRIEF_DATES: Record<string, string> = { '000': '2025-05-09', '001': '2025-05-09', '002': '2025-05-09', '003': '2025-05-09', '004': '2025-05-10' };

/** The seeds as articles, dated as seeds/sources.yaml dates them unless other dates are given. */
export function seedArticles(dates: Record<string, string | undefined> = SEED_DATES): Article[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.slice(0, 3);
      return parseArticle({ id, path: `seeds/${f}`, text: readFileSync(join(SEEDS, f), 'utf8'), meta: dates[id] ? { published: dates[id] } : {} });
    });
}

export function rule<O>(type: string, options: O, extra: Partial<Rule> = {}): Rule<O> {
  return { id: extra.id ?? `${type}-rule`, type, severity: extra.severity ?? ruleTypes[type]!.defaultSeverity, singleSource: extra.singleSource ?? false, options, examples: [] };
}

/** prepare, extract from every article, compare: the pipeline without files. */
export function run(articles: Article[], r: Rule<any>, vocab: Vocabulary = { entities: [], titles: {} }): Finding[] {
  const t = ruleTypes[r.type]!;
  t.prepare?.(r, vocab);
  const facts = articles.flatMap((a) => t.extract(a, r, vocab));
  return compareFacts(facts, [r as Rule], new Map(articles.map((a) => [a.id, { id: a.id, path: a.path, meta: a.meta }])));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder, optionally holding a copy of another folder. */
export function tempDir(copyFrom?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'factlint-test-'));
  if (copyFrom) cpSync(copyFrom, dir, { recursive: true });
  return dir;
}
