import { describe, expect, it } from 'vitest';
import { article, rule, run, seedArticles } from '../helpers.js';
import type { Vocabulary } from '../../src/types.js';

const seedsVocab: Vocabulary = {
  entities: [
    { id: 'attack', name: 'Pahalgam attack', aliases: ['Pahalgam massacre', 'Pahalgam terror attack', 'terror attack in Pahalgam', 'near Pahalgam'] },
    { id: 'sindoor', name: 'Operation Sindoor', aliases: [] },
  ],
  titles: {},
};

describe('count on the seeds', () => {
  it('reports 26 against 27 killed, naming 002 as the outlier', () => {
    const findings = run(seedArticles(), rule('count', { subject: 'attack', unit: 'people', unit_words: ['people', 'tourists'], cues: ['killed', 'lives of', 'deaths of'] }), seedsVocab);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.kind).toBe('contradiction');
    expect(f.outliers).toEqual(['002']);
    expect(f.values.map((v) => [v.display, v.articles])).toEqual([
      ['26 people', ['000', '001', '003', '004']],
      ['27 people', ['002']],
    ]);
    const ev = f.values[1]!.evidence[0]!;
    expect(ev).toMatchObject({ article: '002', line: 2, column: 45, text: '27 people' });
    expect(ev.sentence).toMatch(/^The attack, which resulted in the deaths of 27 people/);
  });
  it('finds the nine sites struck in 000 and 001 and reports no disagreement', () => {
    const r = rule('count', { subject: 'sindoor', unit: 'sites', unit_words: ['sites', 'camps'], cues: ['strikes on', 'strike on'], window: 0 });
    expect(run(seedArticles(), r, seedsVocab)).toEqual([]);
    const withSingle = rule('count', { ...r.options }, { singleSource: true });
    expect(run(seedArticles().filter((a) => a.id === '000'), withSingle, seedsVocab)[0]).toMatchObject({ kind: 'single-source', severity: 'info' });
  });
});

describe('count on another story', () => {
  const vocab: Vocabulary = { entities: [{ id: 'fire', name: 'Marlow warehouse fire', aliases: ['the blaze', 'warehouse fire'] }], titles: {} };
  const r = () => rule('count', { subject: 'fire', unit: 'people', unit_words: ['people', 'workers'], cues: ['killed', 'died', 'dead'] });

  it('reads numbers in words and digits, and agrees when they are equal', () => {
    const a = article('a', 'The Marlow warehouse fire killed twelve workers on Monday.');
    const b = article('b', 'Fire chiefs said 12 people died in the blaze.');
    expect(run([a, b], r(), vocab)).toEqual([]);
  });
  it('uses the sentence after a mention ("The blaze, which...")', () => {
    const a = article('a', 'A warehouse fire broke out in Marlow.\nThe fire, which left 14 workers dead, spread fast.');
    const b = article('b', 'The warehouse fire killed 12 people.');
    const [f] = run([a, b], r(), vocab);
    expect(f?.values.map((v) => v.value)).toEqual(['12', '14']);
    expect(f?.outliers).toEqual([]);
  });
  it('ignores numbers without a cue or about something else', () => {
    const a = article('a', 'The warehouse fire burned for 12 hours; 40 firefighters attended.');
    const b = article('b', 'The warehouse fire killed 3 people.');
    const findings = run([a, b], r(), vocab);
    expect(findings).toEqual([]);
  });
  it('does not let a hedged figure contradict a figure inside its range', () => {
    const a = article('a', 'The warehouse fire killed at least 10 people.');
    const b = article('b', 'The warehouse fire killed 14 people.');
    const c = article('c', 'The warehouse fire killed nearly 5 people.');
    expect(run([a, b], r(), vocab)).toEqual([]);
    const [f] = run([a, b, c], r(), vocab);
    expect(f?.kind).toBe('contradiction');
    expect(f?.values.map((v) => v.display)).toContain('at least 10 people');
  });
});
