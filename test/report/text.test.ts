import { describe, expect, it } from 'vitest';
import { primaryEvidence } from '../../src/report/text.js';
import type { Evidence, Finding, ValueGroup } from '../../src/types.js';

const ev = (article: string, line: number): Evidence => ({ article, path: `${article}.md`, line, column: 1, offset: 0, text: 'x', sentence: 'x' });
const group = (value: string, articles: string[], evidence: Evidence[]): ValueGroup => ({ value, display: value, articles, evidence });

describe('where the terminal, GitHub and SARIF reports show a finding', () => {
  it('at the outlier’s own value, not at a figure of the outlier’s that the majority shares', () => {
    const f: Finding = {
      rule: 'deaths', type: 'count', kind: 'contradiction', severity: 'error',
      subject: { key: 'k', label: 'people killed' }, message: 'm', fingerprint: 'f',
      outliers: ['west'],
      values: [group('9', ['east', 'north', 'west'], [ev('east', 3), ev('west', 2), ev('north', 5)]), group('12', ['west'], [ev('west', 14)])],
    };
    expect(primaryEvidence(f)).toMatchObject({ article: 'west', line: 14 });
  });
  it('at the first value’s first evidence when there is no outlier', () => {
    const f: Finding = {
      rule: 'deaths', type: 'count', kind: 'contradiction', severity: 'error',
      subject: { key: 'k', label: 'people killed' }, message: 'm', fingerprint: 'f', outliers: [],
      values: [group('9', ['east'], [ev('east', 3)]), group('12', ['west'], [ev('west', 14)])],
    };
    expect(primaryEvidence(f)).toMatchObject({ article: 'east', line: 3 });
  });
});
