/**
 * npm run stories: the built-in rules (no rules file, no entities) on the
 * seeds and on the invented stories in test/fixtures/stories/<name>/, and per
 * story the findings by kind. Figures for people, not a timed test.
 *
 *   node dist/bench/stories.js            every story
 *   node dist/bench/stories.js DIR...     these folders only
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findArticleFiles, loadArticles } from '../articles/load.js';
import { defaultConfig } from '../config/load.js';
import { articleInfo, compareFacts, extractArticle } from '../runner.js';
import type { Article, Fact, Finding, FindingKind } from '../types.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface StoryResult {
  name: string;
  articles: Article[];
  facts: Fact[];
  findings: Finding[];
}

/** The built-in rules on every article of one folder (a sources.yaml beside them gives their dates). */
export function runStory(dir: string, name = relative(ROOT, dir) || dir): StoryResult {
  const config = defaultConfig(dir);
  const files = findArticleFiles(['.'], dir);
  const { articles } = loadArticles(files);
  const facts = articles.flatMap((a) => extractArticle(a, config.rules, config));
  const findings = compareFacts(facts, config.rules, new Map(articles.map((a) => [a.id, articleInfo(a)])));
  return { name, articles, facts, findings };
}

/** The seeds and every folder under test/fixtures/stories. */
export function storyDirs(): string[] {
  const base = join(ROOT, 'test', 'fixtures', 'stories');
  const own = readdirSync(base)
    .map((d) => join(base, d))
    .filter((d) => statSync(d).isDirectory())
    .sort();
  return [join(ROOT, 'seeds'), ...own];
}

const KINDS: FindingKind[] = ['contradiction', 'update', 'variant', 'single-source'];

export function printStory(r: StoryResult, countOnly = false): string {
  const lines: string[] = [];
  const findings = countOnly ? r.findings.filter((f) => f.type === 'count') : r.findings;
  const byKind = KINDS.map((k) => `${findings.filter((f) => f.kind === k).length} ${k}`).join(', ');
  const countFacts = r.facts.filter((f) => f.rule.startsWith('default-') && /^default-(deaths|injuries|missing|arrests|displaced|homes|magnitude|wind)/.test(f.rule));
  lines.push(`## ${r.name}: ${r.articles.length} articles, ${countFacts.length} count facts; findings: ${byKind}`);
  for (const k of KINDS) {
    const list = findings.filter((f) => f.kind === k);
    if (!list.length) continue;
    lines.push(`  ${k}:`);
    for (const f of list) {
      lines.push(`    [${f.rule}] ${f.subject.label}: ${f.values.map((v) => `${v.display} (${v.articles.join(', ')})`).join(' | ')}`);
      const timeline = f.details?.timeline as { article: string; published: string | null; value: string; stage?: string; source?: string }[] | undefined;
      if (timeline && f.type === 'count') {
        lines.push(`      timeline: ${timeline.map((e) => `${e.published ?? 'undated'} ${e.article} ${e.value}${e.stage ? ' (earlier)' : ''}${e.source ? ` per ${e.source}` : ''}`).join(' → ')}`);
      }
    }
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const dirs = args.filter((a) => !a.startsWith('--'));
  const started = performance.now();
  for (const dir of dirs.length ? dirs.map((d) => resolve(d)) : storyDirs()) {
    console.log(printStory(runStory(dir), !all));
    console.log('');
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(2)} s; count findings only, --all for every built-in rule)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
