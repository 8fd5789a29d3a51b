import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/baseline.js';
import { makeFinding } from '../../src/findings.js';
import { MAX_RELATED, pathToUri, renderSarif, FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { check } from '../../src/runner.js';
import type { Evidence, Report, Rule, ValueGroup } from '../../src/types.js';
import { ROOT } from '../helpers.js';

type AjvClass = new (opts: Record<string, unknown>) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } };
const Ajv = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as unknown as AjvClass;

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/sarif-2.1.0.json'), 'utf8'));
// The official OASIS schema is draft-07 (ajv's default). ajv-formats is not installed,
// so formats (uri, date-time) are not checked; every structural rule is.
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

function valid(text: string): unknown {
  const log = JSON.parse(text);
  const ok = validate(log);
  if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
  return log;
}

const ev = (article: string, line: number, column: number, text: string, sentence: string, path = `news/${article}.txt`): Evidence => ({
  article,
  path,
  line,
  column,
  offset: line * 100 + column,
  text,
  sentence,
});

function group(value: string, display: string, evidence: Evidence[]): ValueGroup {
  return { value, display, articles: [...new Set(evidence.map((e) => e.article))].sort(), evidence };
}

const ruleOf = (id: string, type = 'count', severity: Rule['severity'] = 'error'): Rule => ({ id, type, severity, singleSource: true, options: {}, examples: [] });

/** A flood story, not the seeds: a contradiction with an outlier, a warning, a single-source note. */
function floodReport(): Report {
  const toll = makeFinding(
    ruleOf('flood-toll'),
    'contradiction',
    { key: 'flood:people', label: 'people killed in the Valencia floods' },
    [
      group('212', '212 people', [ev('alpha', 3, 10, '212 people', 'The floods killed 212 people, officials said.'), ev('beta', 7, 1, '212 dead', '212 dead, the ministry said.')]),
      group('205', '205 people', [ev('gamma', 2, 44, '205 people', 'At least 205 people died, “a tragedy”, the mayor said.', 'news/with space/gamma.txt')]),
    ],
    'Sources disagree on people killed in the Valencia floods: 212 people (alpha and beta) against 205 people (gamma). gamma is the outlier.',
    { outliers: ['gamma'] },
  );
  const mayor = makeFinding(
    ruleOf('mayor-name', 'name', 'warning'),
    'variant',
    { key: 'mayor', label: 'the mayor' },
    [group('catala', 'María José Catalá', [ev('alpha', 9, 5, 'María José Catalá', 'María José Catalá spoke.')]), group('catala2', 'Maria Jose Catala', [ev('beta', 4, 2, 'Maria Jose Catala', 'Maria Jose Catala spoke.')])],
    'The mayor is written “María José Catalá” (alpha) and “Maria Jose Catala” (beta).',
  );
  const rain = makeFinding(ruleOf('rainfall'), 'single-source', { key: 'rain:mm', label: 'rain in eight hours' }, [group('491', '491 mm', [ev('gamma', 5, 12, '491 litres', 'It rained 491 litres per square metre.', 'news/with space/gamma.txt')])], 'Only gamma gives rain in eight hours: 491 mm.');
  return {
    version: 1,
    tool: { name: 'factlint', version: '0.1.0' },
    articles: [
      { id: 'alpha', path: 'news/alpha.txt', publishedSource: 'missing' },
      { id: 'beta', path: 'news/beta.txt', publishedSource: 'missing' },
      { id: 'gamma', path: 'news/with space/gamma.txt', publishedSource: 'missing' },
    ],
    findings: [toll, rain, mayor],
    silenced: 0,
    silencedFindings: [],
    fixed: [],
    warnings: [],
  };
}

let seeds: Report;
beforeAll(() => {
  seeds = check({ rules: join(ROOT, 'rules.yaml'), paths: [join(ROOT, 'seeds')] }).report;
});

describe('renderSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema, on the seeds and on another story', () => {
    valid(renderSarif(seeds));
    valid(renderSarif(floodReport()));
    valid(renderSarif({ ...floodReport(), findings: [] }));
  });

  it('the schema check is real: a broken log is refused', () => {
    const log = JSON.parse(renderSarif(floodReport()));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    delete log.runs[0].tool;
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and every rule, with help and a default level', () => {
    const rules = [
      { id: 'flood-toll', type: 'count', description: 'How many people the floods killed.', severity: 'error' as const },
      { id: 'quiet-rule', type: 'count', severity: 'warning' as const },
    ];
    const log = valid(renderSarif(floodReport(), rules)) as any;
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'factlint', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(['flood-toll', 'mayor-name', 'quiet-rule', 'rainfall']);
    const toll = driver.rules[0];
    expect(toll).toMatchObject({
      id: 'flood-toll',
      name: 'flood-toll',
      shortDescription: { text: 'How many people the floods killed.' },
      defaultConfiguration: { level: 'error' },
    });
    expect(toll.fullDescription.text).toContain('How many people the floods killed.');
    expect(toll.help.text).toContain('docs/rules/count.md');
    expect(toll.help.markdown).toContain('`factlint check --update-baseline`');
    expect(driver.rules[2].defaultConfiguration).toEqual({ level: 'warning' });
    // ruleIndex points at the rule's descriptor
    for (const r of log.runs[0].results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('one result per finding: level, message, primary location at the outlier, the rest as related locations', () => {
    const log = valid(renderSarif(floodReport())) as any;
    const [toll, rain, mayor] = log.runs[0].results;
    expect(log.runs[0].results).toHaveLength(3);
    expect(toll.ruleId).toBe('flood-toll');
    expect(toll.level).toBe('error');
    expect(mayor.level).toBe('warning');
    expect(rain.level).toBe('note');
    expect(toll.message.text).toMatch(/^Sources disagree on people killed in the Valencia floods/);
    expect(toll.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'news/with%20space/gamma.txt' },
          region: { startLine: 2, startColumn: 44, snippet: { text: 'At least 205 people died, “a tragedy”, the mayor said.' } },
        },
        message: { text: '205 people in gamma' },
      },
    ]);
    expect(toll.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'news/alpha.txt' }, region: { startLine: 3, startColumn: 10, snippet: { text: 'The floods killed 212 people, officials said.' } } },
        message: { text: '212 people in alpha' },
      },
      {
        id: 2,
        physicalLocation: { artifactLocation: { uri: 'news/beta.txt' }, region: { startLine: 7, startColumn: 1, snippet: { text: '212 dead, the ministry said.' } } },
        message: { text: '212 people in beta' },
      },
    ]);
    // without an outlier, the first value's first evidence is primary
    expect(mayor.locations[0].message.text).toBe('María José Catalá in alpha');
    expect(mayor.relatedLocations.map((l: any) => l.message.text)).toEqual(['Maria Jose Catala in beta']);
    // one piece of evidence: no related locations at all
    expect(rain.relatedLocations).toBeUndefined();
    expect(toll.properties).toEqual({ kind: 'contradiction', subject: 'people killed in the Valencia floods', values: ['212 people', '205 people'], outliers: ['gamma'] });
  });

  it('carries the fingerprint as a partial fingerprint, and the baseline state when a baseline was applied', () => {
    const report = floodReport();
    const plain = valid(renderSarif(report)) as any;
    expect(plain.runs[0].results[0].partialFingerprints).toEqual({ [FINGERPRINT_KEY]: report.findings[0]!.fingerprint });
    expect(plain.runs[0].results[0].baselineState).toBeUndefined();
    expect(plain.runs[0].results[0].properties.status).toBeUndefined();

    const known = report.findings[0]!;
    const withBaseline = applyBaseline(report, {
      factlintBaseline: 1,
      findings: [
        { fingerprint: known.fingerprint, rule: known.rule, kind: known.kind, subject: known.subject.label, values: ['212 people', '205 people'] },
        { fingerprint: '00000000deadbeef', rule: 'flood-toll', kind: 'contradiction', subject: 'homes flooded', values: ['900', '1,200'] },
      ],
    });
    const log = valid(renderSarif(withBaseline)) as any;
    const states = log.runs[0].results.map((r: any) => [r.ruleId, r.baselineState, r.properties.status]);
    expect(states).toEqual([
      ['flood-toll', 'unchanged', 'known'],
      ['rainfall', 'new', 'new'],
      ['mayor-name', 'new', 'new'],
    ]);
    expect(log.runs[0].properties.fixed).toEqual([{ fingerprint: '00000000deadbeef', rule: 'flood-toll', subject: 'homes flooded', values: ['900', '1,200'] }]);
  });

  it('on the seeds: the 27-people outlier is the primary location, the four 26-people sentences related', () => {
    const log = valid(renderSarif(seeds)) as any;
    const toll = log.runs[0].results.find((r: any) => r.ruleId === 'pahalgam-death-toll');
    expect(toll.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'seeds/002_df112d5052861120.txt' }, region: { startLine: 2, startColumn: 45 } });
    expect(toll.locations[0].message.text).toBe('27 people in 002');
    expect(toll.relatedLocations.map((l: any) => l.message.text)).toEqual(['26 people in 000', '26 people in 001', '26 people in 003', '26 people in 004']);
  });

  it('keeps at most 1,000 related locations (GitHub code scanning refuses more), taken from every value', () => {
    const many = (value: string, n: number) => group(value, `${value} homes`, Array.from({ length: n }, (_, i) => ev(`w${String(i).padStart(4, '0')}`, 1, 1, value, `The storm destroyed ${value} homes.`)));
    const f = makeFinding(ruleOf('storm-homes'), 'contradiction', { key: 'homes', label: 'homes destroyed by the storm' }, [many('40', 1500), many('45', 700)], 'Sources disagree on homes destroyed by the storm.');
    const log = valid(renderSarif({ ...floodReport(), findings: [f] })) as any;
    const related = log.runs[0].results[0].relatedLocations;
    expect(related).toHaveLength(MAX_RELATED);
    expect(related.filter((l: any) => l.message.text.startsWith('45 homes'))).toHaveLength(500);
    expect(related.map((l: any) => l.id)).toEqual(Array.from({ length: MAX_RELATED }, (_, i) => i + 1));
  });

  it('is deterministic', () => {
    expect(renderSarif(floodReport())).toBe(renderSarif(floodReport()));
    expect(renderSarif(seeds)).toBe(renderSarif(JSON.parse(JSON.stringify(seeds))));
  });
});

describe('pathToUri', () => {
  it('percent-encodes segments and turns absolute paths into file URIs', () => {
    expect(pathToUri('seeds/000_a.txt')).toBe('seeds/000_a.txt');
    expect(pathToUri('news/with space/é#1.txt')).toBe('news/with%20space/%C3%A9%231.txt');
    expect(pathToUri('/tmp/x y/a.txt')).toBe('file:///tmp/x%20y/a.txt');
    expect(pathToUri('C:/Users/me/a.txt')).toBe('file:///C:/Users/me/a.txt');
  });
});
