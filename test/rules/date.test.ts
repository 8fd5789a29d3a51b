import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/errors.js';
import { date } from '../../src/rules/date.js';
import { article, BRIEF_DATES, seedArticles } from '../helpers.js';
import type { Article, Fact, Finding, Rule, Vocabulary } from '../../src/types.js';

// ---------------------------------------------------------------- the seeds

const seedsVocab: Vocabulary = {
  entities: [
    { id: 'sindoor', name: 'Operation Sindoor', aliases: ['‘Operation Sindoor’'], kind: 'event' },
    {
      id: 'pahalgam-attack',
      name: 'Pahalgam attack',
      kind: 'event',
      aliases: ['Pahalgam massacre', 'Pahalgam terror attack', 'terror attack in Pahalgam', 'attack in Pahalgam', 'attack at Pahalgam'],
    },
    { id: 'bunyan', name: 'Operation Bunyan-un-Marsoos', aliases: ['Bunyan-un-Marsoos', 'Bunyaan al Marsoos'], kind: 'event' },
  ],
  titles: {},
};

/** The seeds with the publication dates of the brief (seeds/sources.yaml). */
function seeds(): Article[] {
  return seedArticles(BRIEF_DATES);
}

/** A date rule, built literally (the registry in src/rules/index.ts is the lead's to edit). */
function rule(_type: 'date', options: Record<string, unknown>, extra: Partial<Rule> = {}): Rule<any> {
  return { id: 'date-rule', type: 'date', severity: 'error', singleSource: false, options: { ...options }, examples: [], ...extra };
}

/** prepare, extract per article, group by subject key, compare each group (sorted by key). */
function run(articles: Article[], r: Rule<any>, v: Vocabulary): Finding[] {
  date.prepare!(r, v);
  const bySubject = new Map<string, Fact[]>();
  for (const a of articles) {
    for (const f of date.extract(a, r, v)) {
      let g = bySubject.get(f.subject.key);
      if (!g) bySubject.set(f.subject.key, (g = []));
      g.push(f);
    }
  }
  const ctx = { articles: new Map(articles.map((a) => [a.id, a])) };
  return [...bySubject.keys()].sort().flatMap((k) => date.compare!(bySubject.get(k)!, r, ctx));
}

const one = (fs: Finding[]) => {
  expect(fs).toHaveLength(1);
  return fs[0]!;
};

function facts(articles: Article[], r: Rule<any>, vocab: Vocabulary): Fact[] {
  date.prepare!(r, vocab);
  return articles.flatMap((a) => date.extract(a, r, vocab));
}

describe('date on the seeds', () => {
  it('resolves "early Wednesday", "early Wednesday (May 7)", "a fortnight after … April 22" and "May 7" to one day for Operation Sindoor', () => {
    const fs = facts(seeds(), rule('date', { subject: 'sindoor' }), seedsVocab);
    expect(fs.map((f) => [f.article, f.raw.slice(0, 24), f.value])).toEqual([
      ['000', 'early Wednesday', '2025-05-07'],
      ['001', 'early Wednesday (May 7)', '2025-05-07'],
      ['003', 'a fortnight after 26 peo', '~2025-05-06'],
      ['004', 'May 7', '2025-05-07'],
    ]);
    expect(fs[0]!.evidence).toMatchObject({ line: 3, text: 'early Wednesday' });
    expect(fs[0]!.evidence.note).toBe('“early Wednesday” resolved against the published date 2025-05-09 → 2025-05-07 (Wednesday); “early” does not move the day');
    expect(fs[2]!.data).toMatchObject({ kind: 'approximate', from: '2025-05-03', to: '2025-05-09', tolerance: 3 });
    expect(run(seeds(), rule('date', { subject: 'sindoor' }), seedsVocab)).toEqual([]);
  });

  it('agrees on April 22 for the Pahalgam attack, and does not take the May 7 of Operation Sindoor in the same sentence (004)', () => {
    const fs = facts(seeds(), rule('date', { subject: 'pahalgam-attack' }), seedsVocab);
    expect(fs.map((f) => [f.article, f.evidence.line, f.value])).toEqual([
      ['000', 5, '2025-04-22'],
      ['001', 2, '2025-04-22'],
      ['002', 1, '2025-04-22'],
      ['004', 3, '2025-04-22'],
    ]);
    expect(run(seeds(), rule('date', { subject: 'pahalgam-attack' }), seedsVocab)).toEqual([]);
  });

  it('reports the May 10 Bunyan-un-Marsoos date as single-source (004 only)', () => {
    const [f, ...rest] = run(seeds(), rule('date', { subject: 'bunyan' }, { singleSource: true }), seedsVocab);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'single-source', severity: 'info' });
    expect(f!.values).toMatchObject([{ value: '2025-05-10', display: 'Saturday 10 May 2025', articles: ['004'] }]);
    expect(f!.message).toBe('Only 004 gives the date of Operation Bunyan-un-Marsoos: Saturday 10 May 2025.');
  });

  it('counts the approximate fortnight in 003 with May 7, and explains it', () => {
    const r = rule('date', { subject: 'sindoor' }, { singleSource: true });
    // 003 alone: the fortnight joins no exact date, so it stays a range
    const [alone] = run(seeds().filter((a) => a.id === '003'), r, seedsVocab);
    expect(alone).toMatchObject({ kind: 'single-source', values: [{ value: '~2025-05-06', display: 'about 6 May 2025 (±3 days)' }] });
    // against an invented article saying May 9 (also inside the range), 003 is listed with the most-cited date, May 7
    const x = article('x', 'Operation Sindoor began on May 9.', '2025-05-10');
    const f = one(run([...seeds(), x], rule('date', { subject: 'sindoor' }), seedsVocab));
    expect(f.values.map((v) => [v.value, v.articles])).toEqual([
      ['2025-05-07', ['000', '001', '003', '004']],
      ['2025-05-09', ['x']],
    ]);
    expect(f.values[0]!.evidence.find((e) => e.article === '003')!.note).toMatch(
      /2025-04-22 \+ 14 days = 2025-05-06, approximate \(±3 days: 2025-05-03 to 2025-05-09\).*agrees with 2025-05-07 given by other sources/,
    );
  });

  it('with approximate: exact, the fortnight (6 May) contradicts 7 May and 003 is the outlier', () => {
    const [f] = run(seeds(), rule('date', { subject: 'sindoor', approximate: 'exact' }), seedsVocab);
    expect(f).toMatchObject({ kind: 'contradiction', outliers: ['003'] });
    expect(f!.values.map((v) => [v.value, v.articles])).toEqual([
      ['2025-05-07', ['000', '001', '004']],
      ['2025-05-06', ['003']],
    ]);
    expect(f!.values[1]!.evidence[0]!.note).toMatch(/2025-04-22 \+ 14 days = 2025-05-06; anchor: “April 22” gives no year/);
  });

  it('with approximate: ignore, 003 gives no date for Operation Sindoor', () => {
    const fs = facts(seeds(), rule('date', { subject: 'sindoor', approximate: 'ignore' }), seedsVocab);
    expect(fs.map((f) => f.article)).toEqual(['000', '001', '004']);
  });

  it('works with the entities as rules.yaml has them (kinds event and operation, alias “near Pahalgam”)', () => {
    const v: Vocabulary = {
      entities: [
        { id: 'pahalgam-attack', name: 'Pahalgam attack', kind: 'event', aliases: ['Pahalgam massacre', 'Pahalgam terror attack', 'terror attack in Pahalgam', 'attack in Pahalgam', 'attack at Pahalgam', 'near Pahalgam'] },
        { id: 'operation-sindoor', name: 'Operation Sindoor', kind: 'operation', aliases: [] },
        { id: 'operation-bunyan-un-marsoos', name: 'Operation Bunyan-un-Marsoos', kind: 'operation', aliases: ['Bunyan-un-Marsoos', 'Bunyaan al Marsoos'] },
        { id: 'pakistan', name: 'Pakistan', kind: 'country', aliases: [] },
      ],
      titles: {},
    };
    const attack = facts(seeds(), rule('date', { subject: 'pahalgam-attack' }), v);
    // 003: “… near Pahalgam in J&K on April 22” is the anchor of the fortnight and belongs to the attack
    expect(attack.map((f) => [f.article, f.value])).toEqual([
      ['000', '2025-04-22'],
      ['001', '2025-04-22'],
      ['002', '2025-04-22'],
      ['003', '2025-04-22'],
      ['004', '2025-04-22'],
    ]);
    const sindoor = facts(seeds(), rule('date', { subject: 'operation-sindoor' }), v);
    expect(sindoor.map((f) => [f.article, f.value])).toEqual([
      ['000', '2025-05-07'],
      ['001', '2025-05-07'],
      ['003', '~2025-05-06'],
      ['004', '2025-05-07'],
    ]);
    for (const subject of ['pahalgam-attack', 'operation-sindoor']) expect(run(seeds(), rule('date', { subject }), v)).toEqual([]);
  });

  it('finds no disagreement with the test helpers’ dates either (002 undated, 003 dated 8 May)', () => {
    for (const subject of ['sindoor', 'pahalgam-attack']) {
      expect(run(seedArticles(), rule('date', { subject }), seedsVocab)).toEqual([]);
    }
    // 002 has no date of its own: its April 22 stays month-and-day and is shown as compatible
    const fs = facts(seedArticles(), rule('date', { subject: 'pahalgam-attack' }), seedsVocab);
    expect(fs.find((f) => f.article === '002')).toMatchObject({ value: '--04-22', data: { resolved: false, unresolved: 'month-day' } });
  });
});

// ---------------------------------------------------------------- another story

const vocab: Vocabulary = {
  entities: [
    { id: 'flood', name: 'Valmora flood', aliases: ['Valmora floods', 'floods in Valmora', 'flood in Valmora'], kind: 'event' },
    { id: 'summit', name: 'Sarn summit', aliases: ['Sarn talks', 'summit in Sarn'], kind: 'event' },
    { id: 'mayor', name: 'Ilse Brandt', aliases: ['Brandt'], kind: 'person' },
    { id: 'valley', name: 'Orla valley', aliases: [], kind: 'region' },
  ],
  titles: {},
};
const flood = (extra: Record<string, unknown> = {}, more: Partial<Rule> = {}) => rule('date', { subject: 'flood', ...extra }, more);
const summit = (extra: Record<string, unknown> = {}) => rule('date', { subject: 'summit', ...extra });

describe('date on another story (a flood, a summit)', () => {
  it('resolves "on Wednesday" across a month boundary and agrees with the date written out', () => {
    const a = article('a', 'The Valmora flood struck on Wednesday, officials said.', '2024-03-01');
    const b = article('b', 'The Valmora flood of February 28 destroyed 300 homes.', '2024-03-02');
    expect(facts([a, b], flood(), vocab).map((f) => f.value)).toEqual(['2024-02-28', '2024-02-28']);
    expect(run([a, b], flood(), vocab)).toEqual([]);
  });

  it('reports a different day as a contradiction, with the outlier and its evidence', () => {
    const a = article('a', 'The Valmora flood struck on Wednesday, officials said.', '2024-03-01');
    const b = article('b', 'The Valmora flood of February 28 destroyed 300 homes.', '2024-03-02');
    const c = article('c', 'Rescuers worked all night.\nThe floods in Valmora hit late on Thursday.', '2024-03-01');
    const f = one(run([a, b, c], flood(), vocab));
    expect(f.kind).toBe('contradiction');
    expect(f.outliers).toEqual(['c']);
    expect(f.values.map((v) => [v.display, v.articles])).toEqual([
      ['Wednesday 28 February 2024', ['a', 'b']],
      ['Thursday 29 February 2024', ['c']],
    ]);
    expect(f.values[1]!.evidence[0]).toMatchObject({ line: 2, column: 27, text: 'late on Thursday' });
    expect(f.message).toBe(
      'Sources disagree on the date of Valmora flood: Wednesday 28 February 2024 (a and b) against Thursday 29 February 2024 (c). c is the outlier.',
    );
  });

  it('resolves "last Friday", "December 30" and "yesterday" across a year boundary', () => {
    const a = article('a', 'The Sarn summit ended last Friday without a deal.', '2025-01-02');
    const b = article('b', 'Delegates left the Sarn summit on December 27.', '2025-01-02');
    const c = article('c', 'The Sarn talks closed on December 30, a day late.', '2025-01-02');
    const d = article('d', 'The Sarn summit wrapped up yesterday.', '2025-01-02');
    expect(facts([a, b, c, d], summit(), vocab).map((f) => f.value)).toEqual(['2024-12-27', '2024-12-27', '2024-12-30', '2025-01-01']);
    const f = one(run([a, b, c, d], summit(), vocab));
    expect(f.values.map((v) => [v.value, v.articles])).toEqual([
      ['2024-12-27', ['a', 'b']],
      ['2024-12-30', ['c']],
      ['2025-01-01', ['d']],
    ]);
    expect(f.outliers).toEqual(['c', 'd']);
  });

  it('infers the reference date from the latest full date in the text when there is no published date, and says so', () => {
    const text = 'VALMORA, March 4, 2024 — Cleanup continued.\nThe Valmora flood hit early Wednesday, the mayor said.';
    const [fact] = facts([article('d', text)], flood(), vocab);
    expect(fact!.value).toBe('2024-02-28');
    expect(fact!.data).toMatchObject({ reference: '2024-03-04', referenceSource: 'text', inferredFrom: { text: 'March 4, 2024', line: 1 }, resolved: true });
    expect(fact!.evidence.note).toBe(
      '“early Wednesday” resolved against the date 2024-03-04 inferred from “March 4, 2024” (line 1; no published date) → 2024-02-28 (Wednesday); “early” does not move the day; a bare weekday in news is on or before the article’s date, so not 2024-03-06 but a week earlier',
    );
  });

  it('compares a weekday as written when the article has no date at all, flags it, and lets it agree with a matching day', () => {
    const undated = article('e', 'The Valmora flood struck on Wednesday.');
    const [fact] = facts([undated], flood(), vocab);
    expect(fact).toMatchObject({ value: 'weekday:wednesday', display: 'Wednesday (date unresolved)', data: { resolved: false, unresolved: 'weekday', referenceSource: 'none' } });
    expect(fact!.evidence.note).toMatch(/compared as written, unresolved; no reference date: no published date and no full date in the text$/);
    // a Wednesday elsewhere: compatible, no finding
    const dated = article('a', 'The Valmora flood struck on February 28.', '2024-03-01');
    expect(run([undated, dated], flood(), vocab)).toEqual([]);
    // a Thursday elsewhere: a contradiction that says some dates are unresolved
    const thursday = article('c', 'The Valmora flood struck on February 29.', '2024-03-01');
    const f = one(run([undated, thursday], flood(), vocab));
    expect(f.values.map((v) => v.value)).toEqual(['2024-02-29', 'weekday:wednesday']);
    expect(f.message).toMatch(/could not be resolved/);
  });

  it('gives each date to the nearest event in a sentence naming two, including "two days after … February 28"', () => {
    const a = article('a', 'Two days after the Valmora flood on February 28, the Sarn summit opened on March 1.', '2024-03-05');
    expect(facts([a], flood(), vocab).map((f) => f.value)).toEqual(['2024-02-28']);
    expect(facts([a], summit(), vocab).map((f) => [f.value, f.raw])).toEqual([['2024-03-01', 'Two days after the Valmora flood on February 28']]);
    const b = article('b', 'The Sarn summit opened on March 1, three days after the Valmora flood.', '2024-03-05');
    expect(facts([b], flood(), vocab)).toEqual([]);
    // people and places do not take dates from an event by default
    const c = article('c', 'The Valmora flood swept the Orla valley on Wednesday, Brandt said on Friday.', '2024-03-01');
    expect(facts([c], flood(), vocab).map((f) => f.value)).toEqual(['2024-02-28']);
    // a date written as both events' ("the flood delayed the summit on March 1") goes to the nearer one;
    // with `others: []` it is taken for the flood, whatever else it may belong to
    const d = article('d', 'The Valmora flood delayed the Sarn summit on March 1.', '2024-03-05');
    expect(facts([d], flood(), vocab)).toEqual([]);
    expect(facts([d], flood({ others: [] }), vocab).map((f) => f.value)).toEqual(['2024-03-01']);
  });

  it('tolerates an approximate "a fortnight after" that brackets the exact date, and not one that does not', () => {
    const a = article('a', 'The Sarn summit opened a fortnight after the Valmora flood of February 28.', '2024-03-20');
    const b = article('b', 'The Sarn summit opened on March 14.', '2024-03-20');
    const c = article('c', 'The Sarn summit opened on March 20.', '2024-03-20');
    expect(facts([a], summit(), vocab).map((f) => f.value)).toEqual(['~2024-03-13']);
    expect(run([a, b], summit(), vocab)).toEqual([]);
    const f = one(run([a, c], summit(), vocab));
    expect(f.values.map((v) => v.display)).toEqual(['Wednesday 20 March 2024', 'about 13 March 2024 (±3 days)']);
    // all three: the fortnight is listed with March 14, and its evidence says why
    const g = one(run([a, b, c], summit(), vocab));
    expect(g.values.map((v) => [v.value, v.articles])).toEqual([
      ['2024-03-14', ['a', 'b']],
      ['2024-03-20', ['c']],
    ]);
    const joined = g!.values.find((v) => v.value === '2024-03-14')!;
    expect(joined.articles).toEqual(['a', 'b']);
    expect(joined.evidence.find((e) => e.article === 'a')!.note).toMatch(/agrees with 2024-03-14 given by other sources \(within 2024-03-10 to 2024-03-16\)$/);
  });

  it('uses the sentences after a mention only with window, and only in the same paragraph', () => {
    const text = 'The Valmora flood was the worst in decades. It struck on Wednesday.\nOn Thursday the mayor spoke.';
    const a = article('a', text, '2024-03-01');
    expect(facts([a], flood(), vocab)).toEqual([]);
    const [f] = facts([a], flood({ window: 1 }), vocab);
    expect(f).toMatchObject({ value: '2024-02-28', raw: 'on Wednesday' });
    expect(f!.evidence.note).toMatch(/read from a sentence after the mention \(window\)$/);
    expect(facts([article('b', 'The Valmora flood was the worst in decades.\nOn Thursday the mayor spoke.', '2024-03-01')], flood({ window: 2 }), vocab)).toEqual([]);
  });

  it('skips sentences matching an ignore pattern', () => {
    const a = article('a', 'We marked the anniversary of the Valmora flood on March 1. The Valmora flood struck on Wednesday.', '2024-03-01');
    expect(facts([a], flood(), vocab).map((f) => f.value)).toEqual(['2024-03-01', '2024-02-28']);
    expect(facts([a], flood({ ignore: ['anniversary'] }), vocab).map((f) => f.value)).toEqual(['2024-02-28']);
  });

  it('with reference: none, compares as written; with reference: text, ignores the published date', () => {
    const a = article('a', 'The Valmora flood struck on Wednesday. Posted March 8, 2024.', '2024-03-01');
    expect(facts([a], flood({ reference: 'none' }), vocab).map((f) => f.value)).toEqual(['weekday:wednesday']);
    expect(facts([a], flood({ reference: 'text' }), vocab).map((f) => f.value)).toEqual(['2024-03-06']);
    expect(facts([a], flood({ reference: 'published' }), vocab).map((f) => f.value)).toEqual(['2024-02-28']);
  });

  it('never takes its reference date from a line pointing to another story ("Read: …")', () => {
    const a = article('a', 'The Valmora flood struck on Wednesday. Posted March 8, 2024.\n\nRead: Dam inspections ordered on March 20, 2024\n');
    expect(facts([a], flood({ reference: 'text' }), vocab).map((f) => f.value)).toEqual(['2024-03-06']);
  });

  it('gives the same findings and fingerprints whatever the order of facts', () => {
    const arts = [
      article('a', 'The Valmora flood struck on Wednesday.', '2024-03-01'),
      article('b', 'The Valmora flood struck on February 29.', '2024-03-01'),
      article('c', 'The Valmora flood struck a week after the Sarn summit of February 21.', '2024-03-01'),
      article('e', 'The Valmora flood struck on Wednesday.'),
    ];
    const r = flood();
    const fs = facts(arts, r, vocab);
    const forward = date.compare!(fs, r, { articles: new Map() });
    const backward = date.compare!([...fs].reverse(), r, { articles: new Map() });
    expect(backward).toEqual(forward);
    expect(forward[0]!.values.map((v) => [v.value, v.articles])).toEqual([
      ['2024-02-28', ['a', 'c', 'e']],
      ['2024-02-29', ['b']],
    ]);
  });
});

describe('date options that are wrong', () => {
  const prepare = (options: Record<string, unknown>) => () => date.prepare!(rule('date', options as any), vocab);
  const fieldOf = (f: () => void) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      return [(e as RuleError).field, (e as Error).message];
    }
    return undefined;
  };
  it('names the option and says what to write instead', () => {
    expect(fieldOf(prepare({ subject: 'flod' }))).toEqual(['subject', 'unknown entity "flod": define it under entities: or use one of flood, summit, mayor, valley']);
    expect(fieldOf(prepare({ subject: 'flood', others: ['nope'] }))![0]).toBe('others.0');
    expect(fieldOf(prepare({ subject: 'flood', ignore: ['(unclosed'] }))![0]).toBe('ignore.0');
    expect(fieldOf(prepare({ subject: 'flood', window: -1 }))![0]).toBe('window');
    expect(fieldOf(prepare({ subject: 'flood', approximate: 'roughly' }))![0]).toBe('approximate');
    expect(fieldOf(prepare({ subject: 'flood', tolerance: 2 }))![0]).toBe('tolerance');
    expect(fieldOf(prepare({ subject: 'flood', reference: 'dateline' }))![0]).toBe('reference');
  });
  it('fills the defaults, others = the other entities of an event-like kind', () => {
    const r = rule('date', { subject: 'flood' } as any);
    date.prepare!(r, vocab);
    expect(r.options).toEqual({ subject: 'flood', window: 0, approximate: 'tolerate', tolerance: 0.2, reference: 'auto', ignore: [], others: ['summit'] });
  });
});

// ---------------------------------------------------------------- without a subject: events named in the text

describe('date without a subject (events named in the text)', () => {
  const none: Vocabulary = { entities: [], titles: {} };
  const noSubject = (extra: Partial<Rule> = {}) => rule('date', {}, extra);

  it('on the seeds: Operation Sindoor (early Wednesday, early Wednesday (May 7), the fortnight, May 7) and the Pahalgam attack (April 22) agree', () => {
    const fs = facts(seedArticles(), noSubject(), none);
    const rows = fs.map((f) => [f.article, f.subject.key, f.subject.label, f.value]).sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual([
      ['004', 'operation bunyaan al marsoos', 'the date of Operation Bunyaan al Marsoos', '2025-05-10'],
      ['000', 'operation sindoor', 'the date of Operation Sindoor', '2025-05-07'],
      ['001', 'operation sindoor', 'the date of Operation Sindoor', '2025-05-07'],
      ['003', 'operation sindoor', 'the date of Operation Sindoor', '~2025-05-06'],
      ['004', 'operation sindoor', 'the date of Operation Sindoor', '2025-05-07'],
      ['000', 'pahalgam attack', 'the date of the Pahalgam attack', '2025-04-22'],
      ['001', 'pahalgam attack', 'the date of the Pahalgam attack', '2025-04-22'],
      ['002', 'pahalgam attack', 'the date of the Pahalgam attack', '--04-22'],
      ['004', 'pahalgam attack', 'the date of the Pahalgam attack', '2025-04-22'],
    ]);
    expect(fs.find((f) => f.article === '000' && f.subject.key === 'operation sindoor')!.evidence.note).toMatch(/^event “‘Operation Sindoor’” → operation sindoor; “early Wednesday” resolved against the published date 2025-05-09 → 2025-05-07/);
    expect(run(seedArticles(), noSubject(), none)).toEqual([]);
  });

  const shieldA = article('a', '‘Operation Northern Shield’ began on December 4, the army said. Engineers found six tunnels.', '2018-12-10');
  const shieldB = article('b', 'The army launched Operation Northern-Shield on Wednesday (December 5) along the border.', '2018-12-10');
  const shieldC = article('c', 'Operation NORTHERN SHIELD, which started on December 4, ended in January.', '2018-12-20');

  it('"Operation Northern Shield" dated differently in two articles is a contradiction, whatever its quotes, case and hyphens', () => {
    const f = one(run([shieldA, shieldB, shieldC], noSubject(), none));
    expect(f).toMatchObject({ kind: 'contradiction', outliers: ['b'] });
    expect(f.subject).toEqual({ key: 'operation northern shield', label: 'the date of Operation Northern Shield' });
    expect(f.values.map((v) => [v.value, v.articles])).toEqual([
      ['2018-12-04', ['a', 'c']],
      ['2018-12-05', ['b']],
    ]);
  });

  it('"the Karlsby flood" written two ways on the same day gives nothing; the flood and a summit in one sentence each take their own date', () => {
    const x = article('x', 'The Karlsby flood struck early on Monday, officials said.', '2024-03-06');
    const y = article('y', 'Residents are still cleaning up after the Karlsby floods of March 4. The Varna summit on March 6 will discuss aid.', '2024-03-07');
    const z = article('z', 'After the March 4 flood in Karlsby, the Varna summit on Thursday (March 7) was moved.', '2024-03-08');
    const fs = facts([x, y, z], noSubject(), none);
    expect(fs.map((f) => [f.article, f.subject.key, f.value])).toEqual([
      ['x', 'karlsby flood', '2024-03-04'],
      ['y', 'karlsby flood', '2024-03-04'],
      ['y', 'varna summit', '2024-03-06'],
      ['z', 'karlsby flood', '2024-03-04'],
      ['z', 'varna summit', '2024-03-07'],
    ]);
    const [f, ...rest] = run([x, y, z], noSubject(), none);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'contradiction', subject: { key: 'varna summit', label: 'the date of the Varna summit' } });
  });

  it('does not take demonyms, months or weekdays for places, and reads "the <Month> <day> attack" as its own event', () => {
    const a = article('a', 'The Israeli attack on Tuesday hit a depot. The Monday flood on May 2 was small. The March 3 bombing killed four.', '2024-05-10');
    const fs = facts([a], noSubject(), none);
    // the date is the bombing's date, not part of its name (see "the March 2 … election" below)
    expect(fs.map((f) => [f.subject.key, f.subject.label, f.value])).toEqual([['bombing', 'the date of the bombing', '2024-03-03']]);
  });

  it('reads "Tuesday’s Lake Marren sinking", "Monday’s sinking on Lake Marren" and "Tuesday’s collapse" (straight and curly apostrophes), and compares them with written dates', () => {
    const when = '2024-10-10'; // a Thursday: Tuesday is 8 October, Monday 7 October
    const a = article('a', 'Seven people died in the Lake Marren capsizing on October 8, police said.', when);
    const b = article('b', 'Seven people died after Tuesday’s Lake Marren sinking, police said.', when);
    const c = article('c', "Seven people died in Monday's sinking on Lake Marren, police said.", when);
    const d = article('d', "Tuesday afternoon's ferry sinking near Lake Marren killed seven.", when);
    const rows = facts([a, b, c, d], noSubject(), none).map((f) => [f.article, f.subject.key, f.raw, f.value]);
    expect(rows).toEqual([
      ['a', 'lake marren sinking', 'October 8', '2024-10-08'],
      ['b', 'lake marren sinking', 'Tuesday', '2024-10-08'],
      ['c', 'lake marren sinking', 'Monday', '2024-10-07'],
      ['d', 'lake marren sinking', expect.stringMatching(/^Tuesday/), '2024-10-08'],
    ]);
    const f = one(run([a, b, c, d], noSubject(), none));
    expect(f).toMatchObject({ kind: 'contradiction', outliers: ['c'], subject: { key: 'lake marren sinking', label: 'the date of the Lake Marren sinking' } });
    // no place: "Tuesday’s collapse" is the collapse dated Tuesday, like "the October 7 collapse"
    const e = article('e', "Tuesday's collapse buried four workers.", when);
    const g = article('g', 'Crews searched the rubble of the October 7 collapse.', when);
    const h = one(run([e, g], noSubject(), none));
    expect(h.subject).toEqual({ key: 'collapse', label: 'the date of the collapse' });
    expect(h.values.map((v) => [v.value, v.articles])).toEqual([
      ['2024-10-07', ['g']],
      ['2024-10-08', ['e']],
    ]);
    // a possessive weekday before a word that is not an event noun dates nothing
    expect(facts([article('m', "Tuesday's meeting at Lake Marren was short.", when)], noSubject(), none)).toEqual([]);
  });

  it('does not date a planned event by a possessive weekday ("Saturday’s protest" may be written before Saturday), nor an event looked ahead to', () => {
    // Thursday 2 October 2025: "Saturday" read backward would be 27 September, not the coming 4 October
    const a = article('a', "Police in Dorsen are preparing for Saturday's protest in Dorsen.", '2025-10-02');
    const b = article('b', "Saturday's protest in Dorsen drew thousands.", '2025-10-05');
    const c = article('c', 'Officials said Sunday’s Kessel Square rally and Monday’s vote in Dorsen would go ahead.', '2025-10-02');
    expect(facts([a, b, c], noSubject(), none)).toEqual([]);
    expect(run([a, b, c], noSubject(), none)).toEqual([]);
    // an unplanned event looked ahead to: a forecast flood is not dated by its weekday
    const d = article('d', "Residents are bracing for Sunday's flood on the Orlin River.", '2025-10-02');
    const e = article('e', "Sunday's expected flood on the Orlin River worries farmers.", '2025-10-02');
    expect(facts([d, e], noSubject(), none)).toEqual([]);
    // while unplanned events written after them still are, whatever else the sentence says
    const when = '2025-10-05'; // a Sunday: Friday is 3 October
    const f = article('f', "Investigators will examine Friday's sinking on Lake Orla.", when);
    const g = article('g', 'The pilot reported a fault hours before Friday’s Orla Pass crash.', when);
    expect(facts([f, g], noSubject(), none).map((x) => [x.article, x.subject.key, x.value])).toEqual([
      ['f', 'lake orla sinking', '2025-10-03'],
      ['g', 'orla pass crash', '2025-10-03'],
    ]);
  });

  it('label may use {event}; prepare accepts no subject and fills the defaults', () => {
    const r = rule('date', { label: 'when {event} happened' });
    date.prepare!(r, none);
    expect(r.options).toMatchObject({ window: 0, approximate: 'tolerate', reference: 'auto', others: [] });
    const [fact] = date.extract(shieldA, r, none);
    expect(fact!.subject.label).toBe('when Operation Northern Shield happened');
    expect(() => date.prepare!(rule('date', { subject: '' }), none)).toThrow(RuleError);
  });
});

// ---------------------------------------------------------------- only a date written as the event's own

describe('date: a date counts only when it is written as the event’s own', () => {
  const none: Vocabulary = { entities: [], titles: {} };
  const noSubject = () => rule('date', {});
  const published = '2024-10-10'; // a Thursday
  const said = article('s', 'The Velsk dam collapse happened on Monday.', published);
  const rows = (fs: Fact[]) => fs.map((f) => [f.article, f.subject.key, f.raw, f.value]);

  it('does not date the event with a date of another verb in its sentence ("the toll from the collapse rose to 14 on Thursday")', () => {
    const a = article('a', 'The death toll from the Velsk dam collapse rose to 14 on Thursday.', published);
    expect(facts([a], noSubject(), none)).toEqual([]);
    expect(run([a, said], noSubject(), none)).toEqual([]);
    // the same with an entity as the subject
    expect(facts([article('b', 'The toll from the Valmora flood rose to 40 on Friday.', '2024-03-02')], flood(), vocab)).toEqual([]);
    // nor a date of another clause joined by "and": a new subject ("and the toll …") starts it
    expect(facts([article('c', 'The Valmora flood cut the road and the toll rose to 40 on Friday.', '2024-03-02')], flood(), vocab)).toEqual([]);
  });

  it('skips a dateline: its date is the story’s, the event takes the date of its own clause', () => {
    for (const line of ['VELSK, October 10 (Newswire) — The Velsk dam collapse killed seven people early Monday.', 'Velsk, Oct. 10 - The Velsk dam collapse killed seven people early Monday.']) {
      const a = article('a', line, published);
      expect(rows(facts([a], noSubject(), none))).toEqual([['a', 'velsk collapse', 'early Monday', '2024-10-07']]);
      expect(run([a, said], noSubject(), none)).toEqual([]);
    }
  });

  it('does not date the event with the date of another clause ("convoys arrived on Thursday, two days after the collapse")', () => {
    const a = article('a', 'Relief convoys arrived on Thursday, two days after the Velsk dam collapse.', published);
    expect(facts([a], noSubject(), none)).toEqual([]);
    expect(run([a, said], noSubject(), none)).toEqual([]);
  });

  it('still dates the event from a date before it, after it, in its relative clause or in its own predicate', () => {
    const texts = [
      'Wednesday’s Valmora flood destroyed 300 homes.',
      'Rescuers reached the Valmora flood zone late. Crews mapped the Valmora flood on Wednesday.',
      'Officials said the Valmora flood, which struck on Wednesday, was the worst in decades.',
      'The deadly Valmora flood swept away the Orla bridge early on Wednesday.',
      'The Valmora flood killed nine people and destroyed 300 homes on Wednesday.',
      'On Wednesday, the Valmora flood cut the only road.',
    ];
    for (const t of texts) expect(facts([article('a', t, '2024-03-01')], flood(), vocab).map((f) => f.value)).toEqual(['2024-02-28']);
  });

  it('keeps a count out of the date: "killed 11 on Wednesday" is "on Wednesday" (chrono reads 11 o’clock)', () => {
    const [f, ...rest] = facts([article('a', 'The Valmora flood killed 11 on Wednesday.', '2024-03-01')], flood(), vocab);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ raw: 'on Wednesday', value: '2024-02-28' });
  });

  it('keeps the date out of the event’s name: "the October 6 regional vote" and "the October 13 regional vote" are one vote dated two ways', () => {
    const a = article('a', 'Crowds gathered after the October 6 regional vote.', '2024-10-14');
    const b = article('b', 'Crowds gathered after the October 13 regional vote.', '2024-10-14');
    const f = one(run([a, b], noSubject(), none));
    expect(f).toMatchObject({ kind: 'contradiction', subject: { key: 'election', label: 'the date of the election' } });
    expect(f.values.map((v) => [v.value, v.articles])).toEqual([
      ['2024-10-06', ['a']],
      ['2024-10-13', ['b']],
    ]);
  });
});
