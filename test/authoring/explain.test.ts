import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, silenceHints } from '../../src/authoring/explain.js';
import { FactlintError } from '../../src/errors.js';
import { check } from '../../src/runner.js';
import { article, ROOT } from '../helpers.js';

const FLOOD = join(ROOT, 'test', 'fixtures', 'authoring', 'flood');

/** The block of one article in an explanation: from "ID (" to the next blank line. */
function section(text: string, id: string): string {
  const start = text.indexOf(`\n${id} (`);
  expect(start, `no section for ${id}`).toBeGreaterThan(-1);
  const end = text.indexOf('\n\n', start + 1);
  return text.slice(start + 1, end === -1 ? undefined : end);
}

describe('factlint explain on the seeds', () => {
  const result = check({ rules: join(ROOT, 'rules.yaml'), keepFacts: true });
  const toll = result.report.findings.find((f) => f.rule === 'pahalgam-death-toll')!;

  it('a finding (by fingerprint prefix) shows 002’s “27 people” sentence with line:col and why it was read so', () => {
    const out = explain(result, toll.fingerprint.slice(0, 6));
    expect(out.split('\n')[0]).toBe(`Finding ${toll.fingerprint}: contradiction, error`);
    const s002 = section(out, '002');
    expect(s002).toContain('seeds/002_df112d5052861120.txt:2:45  “27 people” → 27 people');
    expect(s002).toContain('why: “27 people” read as 27 people (cue “deaths of”)');
    expect(s002).toContain('sentence: The attack, which resulted in the deaths of 27 people, including mostly tourists,');
    expect(section(out, '004')).toContain('“26 tourists” → 26 people');
    expect(out).toBe(explain(result, toll.fingerprint));
  });

  it('a rule id lists the facts of 000 and 001 and says the rule matched nothing in the others, with hints', () => {
    const out = explain(result, 'sindoor-sites-struck');
    expect(out).toContain('Rule sindoor-sites-struck (count, error) at ');
    expect(section(out, '000')).toContain('“nine terror camps” → 9 sites');
    expect(section(out, '001')).toContain('“nine terror infrastructure sites” → 9 sites');
    for (const id of ['002', '003', '004']) {
      const s = section(out, id);
      expect(s).toContain('no fact: the rule matched nothing in this article');
      expect(s).toContain('hint: Operation Sindoor (subject) is mentioned in');
    }
    expect(section(out, '003')).toContain('hint: none of the cues (“strikes on”, “strike on”, “struck”, “targeting”, “hit”) appears in the 2 sentences about Operation Sindoor');
  });

  it('an unknown target is an error with a suggestion', () => {
    expect(() => explain(result, 'pahalgam-deaths-toll')).toThrow(FactlintError);
    expect(() => explain(result, 'pahalgam-deaths-toll')).toThrow(/no finding fingerprint or rule id matches\. Did you mean "pahalgam-death-toll"\?/);
    expect(() => explain(result, 'zzzz')).toThrow(/Give a rule id \(pahalgam-death-toll, sindoor-sites-struck[,)]/);
  });
});

describe('factlint explain on another story (a river flood)', () => {
  const result = check({ rules: join(FLOOD, 'rules.yaml'), keepFacts: true });

  it('a finding lists each article’s evidence and the articles it leaves out', () => {
    const f = result.report.findings.find((x) => x.rule === 'flood-deaths')!;
    const out = explain(result, f.fingerprint);
    expect(section(out, 'ledger')).toMatch(/flood\/ledger\.md:6:\d+ {2}“12 people” → 12 people/);
    expect(section(out, 'wire')).toMatch(/flood\/wire\.md:6:\d+ {2}“14 people” → 14 people/);
    expect(out).toContain('Not in this finding (no value for this subject): evening. Run `factlint explain flood-deaths` to see why.');
  });

  it('a rule that read nothing says whether its subject and cues are there', () => {
    const out = explain(result, 'evacuations');
    expect(section(out, 'ledger')).toContain('“2,000 residents” → 2,000 residents');
    expect(section(out, 'wire')).toContain('hint: none of the cues (“evacuated”, “to leave”) appears in the 2 sentences read for Oldmere (those mentioning it and the 1 after each)');
  });

  it('an entity the article never names is reported, with what was looked for', () => {
    const rule = result.config.rules.find((r) => r.id === 'flood-deaths')!;
    const hints = silenceHints(article('x', 'Rain fell on Oldmere all week. Twelve people died.'), rule, result.config.vocab);
    expect(hints).toEqual([
      'Karven River flood (subject: karven-flood) is not mentioned at all (looked for “Karven River flood”, “Karven flood”); if this article writes it another way, add that to the entity\'s aliases',
    ]);
  });
});
