import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, makeBaseline } from '../../src/baseline.js';
import { makeFinding } from '../../src/findings.js';
import { annotation, escapeData, escapeProperty, renderGithub } from '../../src/report/github.js';
import { check } from '../../src/runner.js';
import type { Evidence, Finding, Report, Rule, Severity } from '../../src/types.js';
import { ROOT } from '../helpers.js';

const ev = (article: string, line: number, column: number, path = `news/${article}.txt`): Evidence => ({
  article,
  path,
  line,
  column,
  offset: line * 100 + column,
  text: 'x',
  sentence: 'x.',
});

function finding(n: number, severity: Severity, message = `Finding number ${n}.`, path?: string): Finding {
  const rule: Rule = { id: `rule-${severity}`, type: 'count', severity, singleSource: false, options: {}, examples: [] };
  return makeFinding(
    rule,
    'contradiction',
    { key: `subject-${n}`, label: `subject ${n}` },
    [
      { value: `${n}`, display: `${n}`, articles: ['a'], evidence: [ev('a', n, 3, path)] },
      { value: `${n + 1}`, display: `${n + 1}`, articles: ['b'], evidence: [ev('b', n + 1, 7)] },
    ],
    message,
    { severity },
  );
}

function report(findings: Finding[]): Report {
  return { version: 1, tool: { name: 'factlint', version: '0.1.0' }, articles: [], findings, silenced: 0, silencedFindings: [], fixed: [], warnings: [] };
}

describe('escaping', () => {
  it('escapes % CR LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% sure\r\nsecond line: a, b')).toBe('100%25 sure%0D%0Asecond line: a, b');
    expect(escapeProperty('dir,1/a:b%.txt\n')).toBe('dir%2C1/a%3Ab%25.txt%0A');
  });

  it('an annotation carries file, line, column and rule as title, with both escapings', () => {
    const f = finding(2, 'error', 'Sources disagree: 50% say 2,\nothers 3.', 'news/a,b:c.txt');
    expect(annotation(f)).toBe('::error file=news/a%2Cb%3Ac.txt,line=2,col=3,title=rule-error::Sources disagree: 50%25 say 2,%0Aothers 3.');
  });

  it('warning → ::warning and info → ::notice', () => {
    expect(annotation(finding(1, 'warning'))).toMatch(/^::warning file=news\/a\.txt,line=1,col=3,title=rule-warning::Finding number 1\.$/);
    expect(annotation(finding(1, 'info'))).toMatch(/^::notice file=/);
  });
});

describe('renderGithub', () => {
  it('prints nothing when there is nothing new', () => {
    expect(renderGithub(report([]))).toBe('');
    const r = report([finding(1, 'error')]);
    expect(renderGithub(applyBaseline(r, makeBaseline(r)))).toBe('');
  });

  it('annotates only new findings when a baseline was applied', () => {
    const old = report([finding(1, 'error')]);
    const now = applyBaseline(report([finding(1, 'error'), finding(5, 'warning')]), makeBaseline(old));
    expect(renderGithub(now)).toBe('::warning file=news/a.txt,line=5,col=3,title=rule-warning::Finding number 5.\n');
  });

  it('puts the most severe first, at most 10 per level, then one notice for the rest', () => {
    const findings = [
      ...Array.from({ length: 4 }, (_, i) => finding(100 + i, 'info')),
      ...Array.from({ length: 12 }, (_, i) => finding(i + 1, 'warning')),
      ...Array.from({ length: 13 }, (_, i) => finding(50 + i, 'error')),
    ];
    const lines = renderGithub(report(findings)).trimEnd().split('\n');
    const kinds = lines.map((l) => /^::(\w+)/.exec(l)![1]);
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(4).fill('notice'), 'notice']);
    expect(lines[0]).toContain('Finding number 50.');
    expect(lines[9]).toContain('Finding number 59.');
    expect(lines[10]).toContain('Finding number 1.');
    expect(lines.at(-1)).toBe('::notice::and 5 more findings: see the Markdown report');
  });

  it('keeps the summary within the 10 notices GitHub shows', () => {
    const findings = [...Array.from({ length: 12 }, (_, i) => finding(i + 1, 'info')), finding(40, 'error')];
    const lines = renderGithub(report(findings)).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::notice')).length).toBe(10);
    expect(lines[0]).toMatch(/^::error /);
    // 9 of the 12 notices fit beside the summary, which counts the other 3
    expect(lines.at(-1)).toBe('::notice::and 3 more findings: see the Markdown report');
  });

  it('says "1 more finding" in the singular, and nothing when all fit', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => finding(i + 1, 'error'));
    expect(renderGithub(report(eleven)).trimEnd().split('\n').at(-1)).toBe('::notice::and 1 more finding: see the Markdown report');
    const ten = eleven.slice(0, 10);
    expect(renderGithub(report(ten))).not.toContain('more finding');
  });

  it('on the seeds: the death-toll contradiction at the outlier sentence', () => {
    const seeds = check({ rules: join(ROOT, 'rules.yaml'), paths: [join(ROOT, 'seeds')] }).report;
    const out = renderGithub(seeds);
    expect(out).toContain(
      '::error file=seeds/002_df112d5052861120.txt,line=2,col=45,title=pahalgam-death-toll::Sources disagree on people killed in the Pahalgam attack: 26 people (000, 001, 003 and 004) against 27 people (002). 002 is the outlier. 002 has no published time, so it is compared as written at the same time as the others.\n',
    );
  });
});
