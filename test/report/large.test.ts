/** Runs over many articles: what an editor reads stays short; machine formats keep everything. */
import { describe, expect, it } from 'vitest';
import { listArticles, makeFinding } from '../../src/findings.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Evidence, Finding, Report, ValueGroup } from '../../src/types.js';

const ids = (n: number, p = 'desk') => Array.from({ length: n }, (_, i) => `${p}${String(i + 1).padStart(2, '0')}`);

function group(value: string, articles: string[]): ValueGroup {
  const evidence: Evidence[] = articles.map((a) => ({ article: a, path: `wire/${a}.txt`, line: 2, column: 20, offset: 40, text: `${value} homes`, sentence: `The cyclone destroyed ${value} homes near Port Ellery.` }));
  return { value, display: `${value} homes`, articles, evidence };
}

/** A report over wire articles with these ids and one finding. */
function reportOf(articles: string[], finding: Finding): Report {
  return {
    version: 1,
    tool: { name: 'factlint', version: '0.1.0' },
    articles: articles.map((id) => ({ id, path: `wire/${id}.txt`, publishedSource: 'missing' })),
    findings: [finding],
    silenced: 0,
    silencedFindings: [],
    fixed: [],
    warnings: [],
  };
}

describe('many articles', () => {
  it('a sentence names eight articles and counts the rest', () => {
    expect(listArticles(ids(3))).toBe('desk01, desk02 and desk03');
    expect(listArticles(ids(9))).toBe('desk01, desk02, desk03, desk04, desk05, desk06, desk07, desk08 and desk09');
    expect(listArticles(ids(30))).toBe('desk01, desk02, desk03, desk04, desk05, desk06, desk07, desk08 and 22 other articles');
  });

  it('the Markdown report quotes five articles per value and points to the JSON report for the rest, which has them all', () => {
    const f = makeFinding(
      { id: 'cyclone-homes', type: 'count', severity: 'error', singleSource: false, options: {}, examples: [] },
      'contradiction',
      { key: 'homes', label: 'homes destroyed by the cyclone' },
      [group('340', ids(30)), group('430', ['late01'])],
      'Sources disagree on homes destroyed by the cyclone.',
      { outliers: ['late01'] },
    );
    const report = reportOf([...ids(30), 'late01'], f);
    const md = renderMarkdown(report);
    const row = md.split('\n').find((l) => l.startsWith('| **340 homes**'))!;
    expect(row.match(/The cyclone destroyed/g)).toHaveLength(5);
    expect(row).toContain('(and 25 more articles: the JSON report lists every one)');
    expect(md).toContain('wire/late01.txt:2:20');
    expect(JSON.parse(renderJson(report)).findings[0].values[0].evidence).toHaveLength(30);
  });

  it('the Markdown tables of articles and of a timeline show the first and last 50 rows and count the rest', () => {
    const many = ids(260, 'w');
    const timeline = many.map((article, i) => ({ article, published: `2031-03-${String(1 + (i % 28)).padStart(2, '0')}`, value: String(100 + i) }));
    const f = makeFinding(
      { id: 'flood-missing', type: 'count', severity: 'error', singleSource: false, options: {}, examples: [] },
      'update',
      { key: 'missing', label: 'people missing after the flood' },
      [group('100', many.slice(0, 1)), group('359', many.slice(259))],
      'The figure rose over time.',
      { details: { timeline } },
    );
    const report = reportOf(many, f);
    const md = renderMarkdown(report);
    const lines = md.split('\n');
    expect(lines.filter((l) => /^\| w\d+ \| — \| not given \|/.test(l))).toHaveLength(100);
    expect(md).toContain('| w50 |');
    expect(md).not.toContain('| w51 |');
    expect(md).toContain('| w211 |');
    expect(lines.filter((l) => l.includes('160 more articles: the JSON report lists every one'))).toHaveLength(2);
    expect(md).toContain('**100**');
    expect(md).toContain('**359**');
    expect(md).not.toContain('**150**');
    expect(JSON.parse(renderJson(report)).articles).toHaveLength(260);
  });
});
