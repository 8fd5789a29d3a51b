import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesFailed, formatExampleResults, matches, runExamples } from '../../src/authoring/examples.js';
import { parseConfig, type Config } from '../../src/config/load.js';
import type { Finding } from '../../src/types.js';
import { ROOT, tempDir } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'authoring');

describe('factlint test: the examples of rules.yaml run as tests', () => {
  it('the seeds rules file passes, and the rule without examples is counted', () => {
    const results = runExamples(parseConfig(join(ROOT, 'rules.yaml'), 'rules.yaml'));
    const out = formatExampleResults(results);
    expect(examplesFailed(results)).toBe(false);
    expect(out).toContain('✓ pahalgam-death-toll › a different toll in one article is a contradiction\n');
    // rules.yaml grows; what matters: every example passes, the rules without examples are named
    const noExamples = results.filter((r) => r.status === 'no-examples').map((r) => r.rule);
    expect(noExamples).toContain('sindoor-sites-struck');
    const n = results.filter((r) => r.status === 'example').length;
    expect(out.trim().split('\n').pop()).toBe(
      `${n} example${n === 1 ? '' : 's'}: ${n} passed, 0 failed; ${noExamples.length} ${noExamples.length === 1 ? 'rule has' : 'rules have'} no examples (${noExamples.join(', ')})`,
    );
    const ex = results.find((r) => r.rule === 'pahalgam-death-toll' && r.status === 'example')!;
    expect(ex.actual).toEqual([{ kind: 'contradiction', values: ['26 people', '27 people'], subject: 'people killed in the Pahalgam attack' }]);
    expect(ex.facts).toEqual({ a: ['26 people'], b: ['26 people'], c: ['27 people'] });
  });

  it('the built-in rules that extends: default adds are not listed as rules without examples', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'rules.yaml'),
      'extends: default\nrules:\n  - id: quake-toll\n    type: count\n    unit: people\n    cues: [killed]\n    examples:\n      - articles:\n          - { id: a, text: The quake killed 12 people. }\n          - { id: b, text: The quake killed 14 people. }\n        expect:\n          - { kind: contradiction, values: ["12 people", "14 people"] }\n',
    );
    const results = runExamples(parseConfig(join(dir, 'rules.yaml'), 'rules.yaml'));
    expect(formatExampleResults(results).trim().split('\n').pop()).toBe('1 example: 1 passed, 0 failed');
  });

  it('a failing example (flood story) shows ✗ and a diff of expected against actual', () => {
    const results = runExamples(parseConfig(join(FIXTURES, 'flood', 'rules.yaml'), 'flood/rules.yaml'));
    const out = formatExampleResults(results);
    expect(examplesFailed(results)).toBe(true);
    expect(out).toContain('✓ flood-deaths › twelve against fourteen is a contradiction\n');
    expect(out).toContain('✓ flood-deaths › a hedged figure agrees with an exact one\n');
    expect(out).toContain(
      [
        '✗ flood-deaths › deliberately wrong expectation',
        '    example at flood/rules.yaml:42:9',
        '    - contradiction [12 people | 15 people]',
        '    + contradiction [12 people | 14 people] subject “people killed in the Karven River flood”',
        '      facts read: one → 12 people; two → 14 people',
      ].join('\n'),
    );
    const failed = results.find((r) => r.name === 'deliberately wrong expectation')!;
    expect(failed.ok).toBe(false);
    expect(failed.expected).toEqual([{ kind: 'contradiction', values: ['12 people', '15 people'] }]);
    expect(failed.actual[0]!.values).toEqual(['12 people', '14 people']);
  });

  it('a rule that reads no fact in any of its examples fails, though its example "passes"', () => {
    const results = runExamples(parseConfig(join(FIXTURES, 'flood', 'rules.yaml'), 'flood/rules.yaml'));
    const out = formatExampleResults(results);
    expect(out).toContain('✓ homes-flooded › the text never names the flood\n');
    expect(out).toContain('✗ rule homes-flooded matched nothing in its examples (flood/rules.yaml:');
    const silent = results.find((r) => r.status === 'silent-rule')!;
    expect(silent).toMatchObject({ rule: 'homes-flooded', ok: false, diff: ['rule homes-flooded matched nothing in its examples'] });
    expect(out.trim().split('\n').pop()).toBe('4 examples: 3 passed, 1 failed; 1 rule matched nothing; 1 rule has no examples (evacuations)');
  });

  it('values match the displayed or the compared form; expect_none and single-source work (factory fire story)', () => {
    const results = runExamples(parseConfig(join(FIXTURES, 'fire', 'rules.yaml'), 'fire/rules.yaml'));
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['values may be written as displayed or as compared', true],
      ['one source alone is reported when single_source is on', true],
      ['agreeing sources give no contradiction', true],
      ['nothing to compare without the subject', true],
    ]);
    expect(formatExampleResults(results).trim().split('\n').pop()).toBe('4 examples: 4 passed, 0 failed');
  });

  it('only the named rules run', () => {
    const results = runExamples(parseConfig(join(FIXTURES, 'flood', 'rules.yaml'), 'flood/rules.yaml'), ['flood-deaths']);
    expect(new Set(results.map((r) => r.rule))).toEqual(new Set(['flood-deaths']));
  });

  it('an example whose articles share an id fails with a plain message', () => {
    const config = parseConfig(join(ROOT, 'rules.yaml'), 'rules.yaml');
    const rule = config.rules.find((r) => r.id === 'pahalgam-death-toll')!;
    const cfg: Config = {
      ...config,
      rules: [{ ...rule, examples: [{ name: 'twins', articles: [{ id: 'a', text: 'The Pahalgam attack killed 26 people.' }, { id: 'a', text: 'x' }], expectNone: true }] }],
    };
    const [r] = runExamples(cfg);
    expect(r).toMatchObject({ ok: false, diff: ['two articles have the id "a": give each article of an example its own id'] });
    expect(formatExampleResults([r!])).toContain('✗ pahalgam-death-toll › twins');
  });
});

describe('matching an expectation against a finding', () => {
  const finding = {
    rule: 'r',
    type: 'count',
    kind: 'contradiction',
    severity: 'error',
    subject: { key: 'river-flood:people', label: 'people killed in the flood' },
    message: '',
    values: [
      { value: '12', display: '12 people', articles: ['a'], evidence: [] },
      { value: '14', display: '14 people', articles: ['b'], evidence: [] },
    ],
    outliers: [],
    fingerprint: 'x',
  } as Finding;
  it('kind, values (display or value, any order) and subject (label or key, any case)', () => {
    expect(matches({ kind: 'contradiction', values: ['14', '12 People'], subject: 'KILLED' }, finding)).toBe(true);
    expect(matches({ subject: 'river-flood' }, finding)).toBe(true);
    expect(matches({}, finding)).toBe(true);
  });
  it('a missing value, an extra value group, another kind or subject do not match', () => {
    expect(matches({ values: ['12 people'] }, finding)).toBe(false);
    expect(matches({ values: ['12 people', '14 people', '16 people'] }, finding)).toBe(false);
    expect(matches({ kind: 'variant' }, finding)).toBe(false);
    expect(matches({ subject: 'injured' }, finding)).toBe(false);
  });
});

describe('docs/rules/README.md', () => {
  it('links the page of every registered rule type', async () => {
    const { readFileSync } = await import('node:fs');
    const { ruleTypeNames } = await import('../../src/rules/index.js');
    const readme = readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    for (const t of ruleTypeNames()) expect(readme).toContain(`| \`${t}\` |`);
    for (const t of ruleTypeNames()) expect(readme).toContain(`(${t}.md)`);
  });
});
