import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { article, ROOT, rule, run, SEEDS, seedArticles } from '../helpers.js';
import { count as countType, entryDays, eventsIn } from '../../src/rules/count.js';
import { runStory } from '../../src/bench/stories.js';
import { defaultConfig } from '../../src/config/load.js';
import { compareFacts } from '../../src/runner.js';

const STORIES = join(ROOT, 'test', 'fixtures', 'stories');
const ruleTypesCount = () => ({ count: countType });
import type { Vocabulary } from '../../src/types.js';

const seedsVocab: Vocabulary = {
  entities: [
    { id: 'attack', name: 'Pahalgam attack', aliases: ['Pahalgam massacre', 'Pahalgam terror attack', 'terror attack in Pahalgam', 'near Pahalgam'] },
    { id: 'sindoor', name: 'Operation Sindoor', aliases: [] },
  ],
  titles: {},
};

/** A built-in rule by id, and what it reads from one article. */
const builtIn = (id: string) => defaultConfig().rules.find((r) => r.id === id)!;
const read = (id: string, text: string, published?: string) => {
  const r = builtIn(id);
  countType.prepare!(r as never, { entities: [], titles: {} });
  return countType.extract(article('x', text, published), r as never, { entities: [], titles: {} });
};
const values = (id: string, text: string, published?: string) => read(id, text, published).map((f) => f.value);

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

describe('count without an entity (subject found in the text)', () => {
  const deaths = () =>
    rule('count', { unit: 'people', unit_words: ['people', 'residents'], cues: ['killed', 'dead', 'died', 'death toll', 'killing'], label: 'people killed in the {event}', bare: true }, { id: 'deaths' });

  it('keys each figure by the event noun it belongs to', () => {
    const a = article('a', 'The earthquake killed 31 people. A separate bus crash on the coast road killed 4 people.', '2024-03-01');
    const b = article('b', 'Thirty-one people died in the quake, officials said.', '2024-03-01');
    const c = article('c', 'The crash killed five people.', '2024-03-01');
    const findings = run([a, b, c], deaths());
    expect(findings).toHaveLength(1);
    expect(findings[0]!.subject).toEqual({ key: 'people:crash', label: 'people killed in the crash' });
    expect(findings[0]!.values.map((v) => v.display).sort()).toEqual(['4 people', '5 people']);
  });
  it('reads bare figures by a cue: "14 had died", "the death toll rose to 40", "killing 14"', () => {
    const t = rule('count', { ...deaths().options }, { id: 'deaths' }) as unknown as Parameters<typeof countType.extract>[1];
    const facts = (text: string) => {
      const { count } = ruleTypesCount();
      count.prepare!(t, { entities: [], titles: {} });
      return count.extract(article('x', text), t, { entities: [], titles: {} }).map((f) => f.value);
    };
    expect(facts('After the blast, police said 14 had died.')).toEqual(['14']);
    expect(facts('The death toll from the flood rose to 40 on Friday.')).toEqual(['40']);
    expect(facts('The blast ripped through the market, killing 14 and wounding dozens.')).toEqual(['14']);
    expect(facts('The storm killed 12 soldiers in 2019.')).toEqual([]);
  });
  it('hedged figures: "at least 212" agrees with 540, contradicts "nearly 90", and the report shows the ranges', () => {
    const r = () => rule('count', { unit: 'people', cues: ['displaced'], label: 'people displaced by the {event}' }, { id: 'displaced' });
    const a = article('a', 'The flood displaced at least 212 people.', '2024-10-03');
    const b = article('b', 'The flood displaced 540 people.', '2024-10-03');
    const c = article('c', 'The flood displaced nearly 90 people.', '2024-10-03');
    expect(run([a, b], r())).toEqual([]);
    const [f] = run([a, c], r());
    expect(f).toMatchObject({ kind: 'contradiction', subject: { label: 'people displaced by the flood' } });
    expect(f!.values.map((v) => v.display).sort()).toEqual(['76–90 people (nearly 90)', 'at least 212 people']);
  });
  it('a toll that rises from an earlier to a later article is an update with a timeline', () => {
    const a = article('a', 'The earthquake killed 9 people, the governor said.', '2025-02-18T06:00:00Z');
    const b = article('b', 'The death toll from the earthquake climbed to 23, the governor said.', '2025-02-18T18:00:00Z');
    const [f] = run([b, a], deaths());
    expect(f).toMatchObject({ kind: 'update', severity: 'info' });
    expect(f!.values.map((v) => v.display)).toEqual(['9 people', '23 people']);
    expect(f!.details!.timeline).toEqual([
      { article: 'a', published: '2025-02-18T06:00:00Z', value: '9 people', source: 'the governor' },
      { article: 'b', published: '2025-02-18T18:00:00Z', value: '23 people', source: 'the governor' },
    ]);
    expect(f!.message).toMatch(/b \(“climbed”\) says the figure changed/);
  });
  it('a figure that goes down, or two figures at the same time, stays a contradiction', () => {
    const a = article('a', 'The earthquake killed 23 people.', '2025-02-18');
    const b = article('b', 'The earthquake killed 9 people.', '2025-02-19');
    const c = article('c', 'The earthquake killed 9 people.', '2025-02-18');
    const [down] = run([a, b], deaths());
    expect(down).toMatchObject({ kind: 'contradiction' });
    expect(down!.message).toMatch(/goes down over time: 23 people \(a, 2025-02-18\) then 9 people \(b, 2025-02-19\)/);
    expect(run([a, c], deaths())[0]).toMatchObject({ kind: 'contradiction' });
  });
  it('an article without a published time is compared as same-time, and the message says so', () => {
    const a = article('a', 'The earthquake killed 9 people.', '2025-02-18');
    const b = article('b', 'The earthquake killed 12 people.', '2025-02-19');
    const c = article('c', 'The earthquake killed 23 people.');
    const [f] = run([a, b, c], deaths());
    expect(f!.kind).toBe('contradiction');
    expect(f!.message).toMatch(/c has no published time, so it is compared as written at the same time as the others/);
  });
  it('says who gave each figure, so sources, not outlets, disagree', () => {
    const a = article('a', 'After the flood, police said 14 had died.', '2024-10-03');
    const b = article('b', 'The district hospital said three people were killed in the flood.', '2024-10-03');
    const [f] = run([a, b], deaths());
    expect(f!.message).toMatch(/14 people \(a, per police\) against 3 people \(b, per the district hospital\)/);
    expect(f!.message).toMatch(/different sources: police \(a\) and the district hospital \(b\)/);
  });
  it('measures: "a 7.1-magnitude quake" against "magnitude 6.8"; mph converted to km/h', () => {
    const mag = rule('count', { unit: 'magnitude', unit_words: ['magnitude'], unit_first: true, max_gap: 1, label: 'magnitude of the {event}' }, { id: 'mag' });
    const [f] = run([article('a', 'A 7.1-magnitude quake struck at dawn.'), article('b', 'The magnitude 6.8 earthquake struck at dawn.')], mag);
    expect(f!.subject.label).toBe('magnitude of the earthquake');
    expect(f!.values.map((v) => v.value).sort()).toEqual(['6.8', '7.1']);
    const wind = rule('count', { unit: 'km/h', unit_words: ['km/h', 'mph'], cues: ['winds'], max_gap: 0, cue_distance: 3, label: 'wind speed of the {event}' }, { id: 'wind' });
    expect(run([article('a', 'The storm brought winds of 120 km/h.'), article('b', 'The storm brought winds of 75 mph.')], wind)).toEqual([]);
    expect(run([article('a', 'The storm brought winds of 120 km/h.'), article('b', 'The storm brought winds of 90 mph.')], wind)[0]?.kind).toBe('contradiction');
  });
  it('keeps entity mode: subject still required to exist and cues required with it', () => {
    expect(() => run([], rule('count', { subject: 'nope', unit: 'people', cues: ['killed'] }))).toThrow(/unknown entity/);
    expect(() => run([], rule('count', { subject: 'fire', unit: 'people' }), { entities: [{ id: 'fire', name: 'fire', aliases: [] }], titles: {} })).toThrow(/missing "cues"/);
  });
});

describe('the built-in rules on the stories', () => {
  it('report the seeds’ 26/27 death toll without any entity, 002 the outlier', () => {
    const r = runStory(SEEDS);
    const toll = r.findings.filter((f) => f.rule === 'default-deaths');
    expect(toll).toHaveLength(1);
    expect(toll[0]).toMatchObject({ kind: 'contradiction', outliers: ['002'], subject: { label: 'people killed in the attack' } });
    expect(toll[0]!.values.map((v) => [v.display, v.articles])).toEqual([
      ['26 people', ['000', '001', '003', '004']],
      ['27 people', ['002']],
    ]);
  });
  it('port-blast: the rising death toll is an update, ordered by time; injuries that fall are a contradiction', () => {
    const r = runStory(join(STORIES, 'port-blast'));
    const deaths = r.findings.find((f) => f.rule === 'default-deaths')!;
    expect(deaths).toMatchObject({ kind: 'update', severity: 'info', subject: { label: 'people killed in the blast' } });
    const line = deaths.details!.timeline as { article: string; value: string }[];
    expect(line[0]).toMatchObject({ article: 'wire-am', value: 'at least 12 people' });
    expect(line[line.length - 1]).toMatchObject({ article: 'weekly', value: '42 people' });
    const injured = r.findings.find((f) => f.rule === 'default-injuries')!;
    expect(injured).toMatchObject({ kind: 'contradiction', subject: { label: 'people injured in the blast' } });
    expect(injured.values.map((v) => v.display)).toContain('76–90 people (nearly 90)');
    expect(r.findings.filter((f) => f.rule === 'default-displaced')).toEqual([]); // "about 1,200" and "around 1,200" agree
  });
  it('velmora-flood: police against the hospital on the deaths; "at least 212" against "nearly 90" displaced', () => {
    const r = runStory(join(STORIES, 'velmora-flood'));
    const deaths = r.findings.find((f) => f.rule === 'default-deaths')!;
    expect(deaths).toMatchObject({ kind: 'contradiction', outliers: ['county'], subject: { key: 'people:flood' } });
    expect(deaths.message).toMatch(/police \(radio and valley\) and the district hospital \(county\)/);
    const displaced = r.findings.find((f) => f.rule === 'default-displaced')!;
    expect(displaced.values.map((v) => v.display)).toEqual(['at least 212 people', '540 people', '76–90 people (nearly 90)']);
  });
  it('kessa-quake: the magnitude disagrees, the toll rises, the wind speeds in km/h and mph agree', () => {
    const r = runStory(join(STORIES, 'kessa-quake'));
    expect(r.findings.find((f) => f.rule === 'default-magnitude')).toMatchObject({ kind: 'contradiction', subject: { label: 'magnitude of the earthquake' } });
    expect(r.findings.find((f) => f.rule === 'default-deaths')).toMatchObject({ kind: 'update', subject: { label: 'people killed in the earthquake' } });
    expect(r.facts.filter((f) => f.rule === 'default-wind-speed')).toHaveLength(2);
    expect(r.findings.find((f) => f.rule === 'default-wind-speed')).toBeUndefined();
  });
});

describe('count: dates, names, verbs and hedged figures (review of an unseen story)', () => {
  const deaths = () =>
    rule('count', { unit: 'people', unit_words: ['people', 'passengers'], cues: ['killed', 'killing', 'dead', 'died'], label: 'people killed in the {event}', bare: true }, { id: 'deaths' });
  const facts = (text: string, published?: string) => {
    const r = deaths();
    countType.prepare!(r as never, { entities: [], titles: {} });
    return countType.extract(article('x', text, published), r as never, { entities: [], titles: {} });
  };

  it('reads a figure written in words right after a date: "the blast on March 4 killed eight people"', () => {
    // the date's "4" with "killed eight" as a gap before the unit word must not swallow "eight people"
    expect(facts('The Velcor blast on March 4 killed eight people.').map((f) => f.value)).toEqual(['8']);
    expect(facts('The Velcor blast of 4 March killed eight people.').map((f) => f.value)).toEqual(['8']);
    expect(facts('The Velcor blast in 2025 killed eight passengers.').map((f) => f.value)).toEqual(['8']);
  });
  it('gives each figure of a live blog its entry’s time: a toll rising through the day is an update', () => {
    const blog = article('blog', '10:42 GMT — Police said 9 people were killed in the Terevo landslide.\n\n16:05 GMT — Officials now say 15 people were killed in the Terevo landslide.', '2025-04-08T18:30:00Z');
    const wire = article('wire', 'At least 15 people were killed in the Terevo landslide, officials said.', '2025-04-08T17:00:00Z');
    const [f] = run([blog, wire], deaths());
    expect(f).toMatchObject({ kind: 'update', severity: 'info' });
    expect(f!.message).toContain('9 people (blog, 2025-04-08T10:42:00Z) → 15 people (blog, 2025-04-08T16:05:00Z) → at least 15 people (wire, 2025-04-08T17:00:00Z)');
  });
  it('dates a live blog’s entries after midnight on the next day, oldest first or newest first', () => {
    // oldest first, dated by its start: the 00:25 entry is the next day, so the toll rose
    const blog = article('blog', '23:40 — Police said 12 people were killed in the Harlow tunnel fire.\n\n00:25 — Officials now say 15 people were killed in the Harlow tunnel fire.', '2025-03-09');
    const wire = article('wire', 'The Harlow tunnel fire killed 15 people, officials said.', '2025-03-10T09:00:00Z');
    const [f] = run([blog, wire], deaths());
    expect(f).toMatchObject({ kind: 'update' });
    expect(f!.message).toContain('12 people (blog, 2025-03-09T23:40:00) → 15 people (blog, 2025-03-10T00:25:00)');
    // newest first, dated by its last update (01:10): the 23:50 entry is the day before
    const late = article('late', '00:40 — Officials now say 15 people were killed in the Harlow tunnel fire.\n\n23:50 — Police said 12 people were killed in the Harlow tunnel fire.', '2025-03-10T01:10:00Z');
    const [g] = run([late, wire], deaths());
    expect(g).toMatchObject({ kind: 'update' });
    expect(g!.message).toContain('12 people (late, 2025-03-09T23:50:00Z) → 15 people (late, 2025-03-10T00:40:00Z)');
  });
  it('compares 200,000 figures given at the same time without running out of stack', () => {
    const r = deaths();
    const a = article('a', 'The Harlow tunnel fire killed 15 people, officials said.', '2025-03-10');
    const b = article('b', 'The Harlow tunnel fire killed at least 12 people, officials said.', '2025-03-10');
    countType.prepare!(r as never, { entities: [], titles: {} });
    const [exact] = countType.extract(a, r as never, { entities: [], titles: {} });
    const [hedged] = countType.extract(b, r as never, { entities: [], titles: {} });
    const c = article('c', 'The Harlow tunnel fire killed 9 people, officials said.', '2025-03-09');
    const [early] = countType.extract(c, r as never, { entities: [], titles: {} });
    // a day later "15" and "at least 12" agree: each figure of that time is held against the others
    const facts = [{ ...early!, article: 'early' }, ...Array.from({ length: 200_000 }, (_, i) => ({ ...(i % 2 ? exact! : hedged!), article: `a${i}` }))];
    const infos = new Map(facts.map((f) => [f.article, { id: f.article, path: `${f.article}.txt`, meta: { published: f.article === 'early' ? '2025-03-09' : '2025-03-10' } }]));
    const found = compareFacts(facts, [r as never], infos);
    // (a rise is an update only when a later article says the figure changed)
    expect(found.map((f) => f.kind)).toEqual(['contradiction']);
    expect(found[0]!.message).toContain('against 9 people (early). early is the outlier');
  });
  it('counts a live blog’s days from the order and spacing of its entry times', () => {
    expect(entryDays([1320, 1430, 10, 40])).toEqual([0, 0, 1, 1]); // 22:00, 23:50, 00:10, 00:40
    expect(entryDays([40, 10, 1430, 1320])).toEqual([1, 1, 0, 0]); // the same, newest first
    expect(entryDays([1430, 10])).toEqual([0, 1]); // twenty minutes, not a day back
    expect(entryDays([642, 965])).toEqual([0, 0]);
    expect(entryDays([965, 642])).toEqual([0, 0]); // newest first within a day
    expect(entryDays([1430, 40], 70)).toEqual([-1, 0]); // published at 01:10: dated by its last entry
    expect(entryDays([1430, 40], 1420)).toEqual([0, 1]); // published at 23:40: dated by its first
    // a scraped page of 300,000 time-stamped lines: no stack overflow
    const many = Array.from({ length: 300_000 }, (_, i) => (i * 7) % 1440);
    expect(entryDays(many, 600).length).toBe(300_000);
  });
  it('reads a live blog’s entry times without a zone as its published time is read, whatever the machine’s zone', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        const blog = article('blog', '10:42 — Officials now say 40 people were killed in the Vessa earthquake.', '2025-03-04T08:00:00');
        const wire = article('wire', 'The Vessa earthquake killed 30 people, officials said.', '2025-03-04T09:00:00');
        expect(run([blog, wire], deaths()).map((f) => f.kind)).toEqual(['update']);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
  it('leaves out figures of a past event: "in a 2019 blaze", "last year", "In March 2019, …"', () => {
    const now = '2025-06-03';
    expect(facts('Relatives wait outside the factory, where 30 people were killed in a 2019 blaze.', now)).toEqual([]);
    expect(facts('Last year 8 people were killed in the Dastra fire.', now)).toEqual([]);
    expect(facts('In March 2019, 30 people were killed in a fire at the same factory.', now)).toEqual([]);
    // this year's, and a comparison with a past year, stay
    expect(facts('At least 23 people were killed in the 2025 Orlen fire, the deadliest since 2019.', now).map((f) => f.value)).toEqual(['23..']);
    // "in the past 24 hours" is this event; so is a full date just before the article's year
    expect(facts('The floods killed 40 people in the past 24 hours, officials said.', now).map((f) => f.value)).toEqual(['40']);
    expect(facts('The floods of December 31, 2025 killed 60 people.', '2026-01-01').map((f) => f.value)).toEqual(['60']);
    // a published date written out, as the metadata may give it, dates the article as well
    expect(facts('Relatives wait outside the factory, where 30 people were killed in a 2019 blaze.', 'June 3, 2025')).toEqual([]);
    expect(facts('In March 2019, 30 people were killed in a fire at the same factory.', '3 June 2025')).toEqual([]);
    // and so does a year alone, or a year and a month
    expect(facts('Relatives wait outside the factory, where 30 people were killed in a 2019 blaze.', '2025-06')).toEqual([]);
    expect(facts('Relatives wait outside the factory, where 30 people were killed in a 2019 blaze.', '2025')).toEqual([]);
  });
  it('never reads a day, a year or a time as a toll: "on June 7, killing nine", "7 June", "at 21:15"', () => {
    expect(facts('A ferry capsized off Port Maren on June 7, killing nine people.').map((f) => f.value)).toEqual(['9']);
    expect(facts('Nine people died on Friday, 7 June, when the ferry capsized.').map((f) => f.value)).toEqual(['9']);
    expect(facts('The ferry capsized on June 7, 2024, killing nine.').map((f) => f.value)).toEqual(['9']);
    expect(facts('The bus crashed at 21:15, killing 6 passengers.').map((f) => f.value)).toEqual(['6']);
    const a = article('a', 'A ferry capsized off Port Maren on June 7, killing nine people.', '2024-06-08');
    const b = article('b', 'Nine passengers died when the ferry capsized on 7 June.', '2024-06-08');
    expect(run([a, b], deaths())).toEqual([]);
  });

  it('when one article alone gives two figures, says so plainly instead of "a against a"', () => {
    const a = article('a', 'The bus crash killed 6 people. Police later said 8 people died in the crash.', '2024-06-08');
    const [f] = run([a], deaths());
    expect(f!.message).toMatch(/^a gives both 6 people and 8 people for people killed in the crash/);
    expect(f!.message).not.toMatch(/against/);
  });

  it('ignores event words inside names ("the Accident Review Office") and reads verbs as the event', () => {
    const a = article('a', 'A tour bus crashed into a ravine near Vell, killing 6 people. The Accident Review Office has opened an inquiry.', '2024-06-08');
    const b = article('b', 'The Accident Review Office said 7 people died in the bus crash near Vell.', '2024-06-08');
    const c = article('c', 'A tour bus crashed near Vell. The accident killed 7 people, police said.', '2024-06-08');
    const [f, ...more] = run([a, b, c], deaths());
    expect(more).toEqual([]);
    expect(f!.subject).toEqual({ key: 'people:crash', label: 'people killed in the crash' });
    expect(f!.values.map((v) => [v.value, v.articles])).toEqual([['7', ['b', 'c']], ['6', ['a']]]);
    const subjects = (text: string) => facts(text).map((x) => x.subject.key);
    expect(subjects('A gas main exploded under the Tarrow market, killing 5 people.')).toEqual(['people:blast']);
    expect(subjects('The stadium stand collapsed, killing 11 people.')).toEqual(['people:collapse']);
    expect(subjects('The river flooded the lower town. The waters killed 3 people.')).toEqual(['people:flood']);
    // one event family in the story: "the accident" is the blast it names elsewhere
    expect(subjects('A tanker exploded on the ring road. The accident killed 3 people.')).toEqual(['people:blast']);
    // an event word that starts a storm's name still names the event
    expect(subjects('Hurricane Odile killed 4 people on the coast.')).toEqual(['people:storm']);
  });

  it('a hedged figure that fits the majority joins it: only the article that cannot match is the outlier', () => {
    const day = '2024-09-02';
    const a = article('a', 'The landslide killed 22 people.', day);
    const b = article('b', 'Twenty-two people died in the landslide.', day);
    const c = article('c', 'At least 20 people were killed in the landslide.', day);
    const d = article('d', 'At least 25 people were killed in the landslide.', day);
    const [f] = run([a, b, c, d], deaths());
    expect(f!.kind).toBe('contradiction');
    expect(f!.outliers).toEqual(['d']);
    expect(f!.message).toMatch(/22 people \(a and b; c says at least 20 people\) against at least 25 people \(d\)\. d is the outlier\./);
    expect(f!.values.map((v) => v.display)).toEqual(['22 people', 'at least 20 people', 'at least 25 people']); // all groups kept as evidence
    expect(run([a, b, c], deaths())).toEqual([]);
  });

  it('an article’s own figures that agree ("at least 30" and "more than 30") are shown together, not against each other', () => {
    const day = '2024-09-02';
    const a = article('a', 'The landslide killed 22 people.', day);
    const b = article('b', 'The landslide killed 22 people.', day);
    const c = article('c', 'At least 30 people were killed in the landslide. More than 30 people died there.', day);
    const [f] = run([a, b, c], deaths());
    expect(f!.message).toMatch(/22 people \(a and b\) against at least 30 people \(c; c also says more than 30 people\)/);
    expect(f!.message).not.toMatch(/against more than 30/);
    expect(f!.outliers).toEqual(['c']);
    expect(f!.details!.clusters).toEqual([
      { lead: '22', values: ['22'], articles: ['a', 'b'] },
      { lead: '30..', values: ['30..', '31..'], articles: ['c'] },
    ]);
  });
});

describe('count: the nearest outcome, events named later, measures by a death cue', () => {
  const day = '2023-11-04';
  const deaths = () =>
    rule('count', { unit: 'people', unit_words: ['people', 'passengers'], cues: ['killed', 'killing', 'dead', 'died'], label: 'people killed in the {event}', bare: true }, { id: 'deaths' });
  const arrests = () =>
    rule('count', { unit: 'people', unit_words: ['people', 'suspects'], cues: ['arrested', 'detained'], label: 'people arrested over the {event}', bare: true, cue_distance: 5 }, { id: 'arrests' });
  const facts = (r: object, text: string) => {
    countType.prepare!(r as never, { entities: [], titles: {} });
    return countType.extract(article('x', text, day), r as never, { entities: [], titles: {} });
  };

  it('a figure as near another outcome as its cue goes to the one in its own clause: "Two died and 31 passengers were hurt"', () => {
    expect(facts(deaths(), 'Two people died and 31 passengers were hurt when the ferry capsized.').map((f) => f.value)).toEqual(['2']);
    // the cue in the figure's own clause still wins a tie: "killing 5 passengers, injuring"
    expect(facts(deaths(), 'The ferry capsized off Dunmore, killing 5 passengers, injuring dozens.').map((f) => f.value)).toEqual(['5']);
    const a = article('a', 'Two people died and 31 passengers were hurt when the ferry capsized.', day);
    const b = article('b', 'Two people died when the ferry capsized and 31 passengers were hurt.', day);
    expect(run([a, b], deaths())).toEqual([]);
  });

  it('never takes its event from a later sentence: "arrested 18 people. … hurt in a stampede."', () => {
    const a = article('a', 'Officers detained 18 people near the stadium on Saturday. Nine people were hurt in a stampede at the gates.', day);
    const b = article('b', 'Officers detained 26 people near the stadium on Saturday.', day);
    expect(facts(arrests(), a.text).map((f) => f.subject.key)).toEqual(['people:-']);
    const [f] = run([a, b], arrests());
    expect(f).toMatchObject({ kind: 'contradiction', subject: { key: 'people:-', label: 'people arrested (no event named)' } });
    // the first event still serves a figure after it
    expect(facts(deaths(), 'A stampede broke out at the gates. Police later said 4 people had died.').map((f) => f.subject.key)).toEqual(['people:stampede']);
  });

  it('protests are an event: "arrested 18 people after protests"', () => {
    expect(facts(arrests(), 'Police arrested 18 people after protests in Varna. At least 6 people were hurt in clashes.').map((f) => f.subject.key)).toEqual(['people:protests']);
  });

  it('a measure with its unit word is not taken by a death cue beside it: "winds of 130 mph, killing two people"', () => {
    const wind = rule('count', { unit: 'km/h', unit_words: ['km/h', 'mph'], cues: ['winds', 'sustained winds'], max_gap: 0, cue_distance: 3, label: 'wind speed of the {event}' }, { id: 'wind' });
    const a = article('a', 'The cyclone came ashore with sustained winds of 130 mph, killing two people.', day);
    const b = article('b', 'The cyclone came ashore with winds of 160 km/h.', day);
    expect(facts(wind, a.text).map((f) => f.raw)).toEqual(['130 mph']);
    expect(run([a, b], wind)[0]).toMatchObject({ kind: 'contradiction', subject: { label: 'wind speed of the storm' } });
  });

  it('articles at the same time whose sides share an article are told apart by their figures, not "a against a"', () => {
    const a = article('a', 'The bridge collapse killed 6 people. Police said 9 people died in the collapse.', day);
    const b = article('b', 'The bridge collapse killed 9 people.', day);
    const c = article('c', 'The bridge collapse killed 9 people.', '2023-11-05');
    const [f] = run([a, b, c], deaths());
    expect(f!.message).toMatch(/give figures that cannot all be true: 9 people \(a and b\) against 6 people \(a\)\./);
  });
});

describe('count: figures of another clause, parts of a toll, "now" (built-in rules)', () => {
  const facts = (id: string, text: string) => {
    const r = builtIn(id);
    countType.prepare!(r as never, { entities: [], titles: {} });
    return countType.extract(article('x', text), r as never, { entities: [], titles: {} }).map((f) => f.value);
  };

  it('people who fled are displaced, not killed: "forced 3,200 residents to flee and killed two people"', () => {
    const a = article('a', 'The fire forced 3,200 residents to flee and killed two people, officials said.');
    const b = article('b', 'The fire killed two people, officials said. About 3,000 residents were evacuated.');
    expect(facts('default-deaths', a.text)).toEqual(['2']);
    expect(facts('default-displaced', a.text)).toEqual(['3200']);
    expect(run([a, b], builtIn('default-deaths'))).toEqual([]);
    expect(run([a, b], builtIn('default-displaced'))).toEqual([]); // 3,200 and about 3,000 agree
  });

  it('an outcome in the figure’s own clause takes it from a cue in the clause before: "died and about 3,000 residents have been evacuated"', () => {
    const a = article('a', 'Two people have died and about 3,000 residents have been evacuated, officials said.');
    const b = article('b', 'The fire has killed two people, officials said.');
    expect(facts('default-deaths', a.text)).toEqual(['2']);
    expect(facts('default-displaced', a.text)).toEqual(['2700..3301']);
    expect(run([a, b], builtIn('default-deaths'))).toEqual([]);
  });

  it('and an outcome in the clause before does not take it from its own cue: "167 passengers had been rescued and seven people were confirmed dead"', () => {
    expect(facts('default-deaths', 'The coast guard said 167 passengers had been rescued and seven people were confirmed dead.')).toEqual(['7']);
  });

  it('an article alone with figures that cannot agree: "no other article gives a figure for this subject"', () => {
    const a = article('a', 'The landslide killed 12 people. Police said 14 people died in the landslide.');
    const b = article('b', 'Two people died, police said.');
    const f = run([a, b], builtIn('default-deaths')).find((x) => x.subject.key === 'people:landslide')!;
    expect(f.message).toMatch(/a gives both 12 people and 14 people for people killed in the landslide; no other article gives a figure for this subject\./);
  });

  it('figures that make up a toll are not the toll: "the death toll has risen to 11 people after two victims died in hospital"', () => {
    const a = article('a', 'Nine people were killed in the crush at the Arnhold Stadium, police said.', '2025-05-03');
    const b = article('b', 'The death toll from the crush at the Arnhold Stadium has risen to 11 people after two victims died in hospital, officials said.', '2025-05-05');
    expect(facts('default-deaths', b.text)).toEqual(['11']);
    const [f] = run([a, b], builtIn('default-deaths'));
    expect(f).toMatchObject({ kind: 'update', severity: 'info' });
    expect(f!.message).toMatch(/9 people \(a, 2025-05-03\) → 11 people \(b, 2025-05-05\)/);
    // the toll's earlier value is kept, marked earlier
    const c = 'The death toll from the crush has risen to 11 people; officials had initially said nine people died.';
    expect(facts('default-deaths', c)).toEqual(['11', '9']);
  });

  it('every verb that raises a toll makes it the total: "jumps to", "increases to", "climbing to"', () => {
    for (const verb of ['jumps to', 'increases to', 'climbing to', 'has risen to']) {
      const text = `The death toll from the Korvel bridge collapse ${verb} 14 people after three victims died in hospital, the city said.`;
      expect(facts('default-deaths', text), verb).toEqual(['14']);
    }
  });

  it('bodies recovered are not the toll: "Divers have recovered 12 bodies from the hull"', () => {
    const a = article('a', 'Seven people died in the ferry sinking, the coast guard said.', '2025-05-03');
    const b = article('b', 'Nineteen people are now confirmed dead after the ferry sinking, the coast guard said. Divers have recovered 12 bodies from the hull.', '2025-05-05');
    expect(facts('default-deaths', b.text)).toEqual(['19']);
    expect(run([a, b], builtIn('default-deaths'))[0]).toMatchObject({ kind: 'update' });
  });

  it('"now" gives the figure as it stands: "15 people had now been arrested" is an update', () => {
    const a = article('a', 'Police said 12 people had been arrested.', '2025-05-03');
    const b = article('b', 'Police said 15 people had now been arrested.', '2025-05-05');
    const [f] = run([a, b], builtIn('default-arrests'));
    expect(f).toMatchObject({ kind: 'update', severity: 'info' });
    expect(f!.message).toMatch(/b \(“now”\) says the figure changed/);
    // "now" of another clause says nothing of the figure
    const c = article('c', 'Police said 15 people had been arrested, and shops in the town are now closed.', '2025-05-05');
    expect(run([a, c], builtIn('default-arrests'))[0]).toMatchObject({ kind: 'contradiction' });
  });
});

describe('count: datelines, past events, what became of the people (session 8 stories)', () => {

  it('a dateline’s day or year is never a figure, nor one end of a range: "KELDORF, May 9, 2024 – 11 people…"', () => {
    expect(values('default-missing', 'Divers were still searching for 8-10 people who remain missing.')).toEqual(['8..10']);
    for (const lead of ['KELDORF, May 9, 2024 – ', 'KELDORF, May 9, 2024 - ', 'KELDORF, May 9 – ', 'KELDORF, 9 May - ', 'KELDORF, 2024 – ']) {
      expect(values('default-deaths', `${lead}11 people died when a bus left the road.`), lead).toEqual(['11']);
      expect(values('default-deaths', `${lead}Eleven people died when a bus left the road.`), lead).toEqual(['11']);
    }
    // a range of figures is still one
    expect(values('default-deaths', 'Between 8 and 10 people died when a bus left the road.')).toEqual(['8..10']);
    expect(values('default-deaths', 'Police said 8 - 10 people died when a bus left the road.')).toEqual(['8..10']);
  });

  it('figures of a past event told in a clause or an aside are left out: "since 2017, when…", "Seven years ago, …", "The previous crash, near X in 2017, killed…"', () => {
    const now = '2024-05-10';
    expect(values('default-deaths', 'It was the deadliest crash on the road since 2017, when 22 people died in a pile-up near Torvik.', now)).toEqual([]);
    expect(values('default-deaths', 'Seven years ago, 22 people were killed at Torvik.', now)).toEqual([]);
    expect(values('default-deaths', 'The previous worst crash, near Torvik in 2017, killed 22 people.', now)).toEqual([]);
    // this event's figures beside a past year stay
    expect(values('default-deaths', 'The bus, built in 2009, crashed on Friday, killing 11 people.', now)).toEqual(['11']);
    expect(values('default-deaths', 'The crash, the worst since 2017, killed 11 people.', now)).toEqual(['11']);
    expect(values('default-deaths', 'It was the deadliest crash since 2017, when the road was widened, and 11 people died.', now)).toEqual(['11']);
  });

  it('a past event’s word does not name this story’s event; a headline’s "sinks" names the sinking', () => {
    const text =
      '# Barge sinks on the Miren; six dead\n\nA barge sank on the Miren river on Friday, killing six people.\n\n' +
      'In 2011, 30 people died when a barge capsized in a flood near the bridge.';
    const facts = read('default-deaths', text, '2024-05-10');
    expect(facts.map((f) => [f.value, f.subject.label])).toEqual([
      ['6', 'people killed in the sinking'],
      ['6', 'people killed in the sinking'],
    ]);
  });

  it('"three injured passengers died in hospital" is no injury figure: the verb of dying governs it', () => {
    const text = 'The toll rose to 9 after two more bodies were found and three injured passengers died in hospital.';
    expect(values('default-injuries', text)).toEqual([]);
    expect(values('default-injuries', 'Three injured passengers were taken to hospital after the crash.')).toEqual(['3']);
    expect(values('default-injuries', 'Three passengers were injured in the crash.')).toEqual(['3']);
  });

  it('one article alone at a time with figures that cannot agree is named once: "a gives both…"', () => {
    const day = '2024-05-10T10:00:00Z';
    const a = article('a', 'The bus crash injured 5 people. Later, 20 people were injured in the crash, police said.', day);
    const b = article('b', 'The bus crash injured 20 people.', '2024-05-10T08:00:00Z');
    const [f] = run([a, b], builtIn('default-injuries'));
    expect(f!.message).toMatch(/a \(2024-05-10T10:00:00Z\) gives both 20 people and 5 people, which cannot both be true\./);
    expect(f!.message).not.toMatch(/Articles published at the same time/);
  });
});

describe('count: a figure of who remain may fall (session 8 stories)', () => {

  it('"still missing" lower than an earlier missing count is an update, not an error', () => {
    const a = article('a', 'The Orsa mine collapse left 31 workers dead, and 40 people were missing.', '2024-09-02T06:00:00Z');
    const b = article('b', 'After the mine collapse, 17 people remain missing, rescuers said.', '2024-09-02T18:00:00Z');
    const c = article('c', 'About 6 people are still missing after the mine collapse.', '2024-09-03T09:00:00Z');
    const [f] = run([a, b, c], builtIn('default-missing'));
    expect(f).toMatchObject({ kind: 'update', severity: 'info' });
    expect(f!.message).toMatch(/^People missing after the collapse changed over time: 40 people \(a, .*\) → 17 people \(b, .*\) → 5–7 people \(about 6\) \(c, .*\)\. b \(“remain”\) and c \(“still”\) count who remain/);
    // without such a word, a lower later figure stays a contradiction
    const d = article('d', 'After the mine collapse, 17 people were missing, rescuers said.', '2024-09-02T18:00:00Z');
    expect(run([a, d], builtIn('default-missing'))[0]).toMatchObject({ kind: 'contradiction' });
    // and so does a toll: "remains at" is no count of who remain
    const e = article('e', 'The mine collapse killed 31 people.', '2024-09-02T06:00:00Z');
    const g = article('g', 'The death toll from the mine collapse remains at 20 people.', '2024-09-03T06:00:00Z');
    expect(run([e, g], builtIn('default-deaths'))[0]).toMatchObject({ kind: 'contradiction' });
  });
});

describe('count: an article with no published date is dated by its dateline (session 8 stories)', () => {

  it('a dateline dates an undated article: a toll that rose is an update, and the message says where the date came from', () => {
    const a = article('a', 'The Orsa mine collapse killed 6 people, officials said.', '2024-09-02T06:00:00Z');
    const b = article('b', 'The death toll from the Orsa mine collapse has risen to 9 people.', '2024-09-02T18:00:00Z');
    const c = article('c', 'ORSA, September 3, 2024 – Nine people died in the mine collapse, and rescuers fear for the 4 still missing.');
    const [f] = run([a, b, c], builtIn('default-deaths'));
    expect(f).toMatchObject({ kind: 'update', severity: 'info' });
    expect(f!.message).toMatch(/→ 9 people \(c, 2024-09-03, dated by its dateline\)/);
    // "the 4 still missing": a bare figure before "still" and the cue
    const r = builtIn('default-missing');
    countType.prepare!(r as never, { entities: [], titles: {} });
    expect(countType.extract(c, r as never, { entities: [], titles: {} }).map((x) => [x.value, x.data?.remaining])).toEqual([['4', 'still']]);
  });
});

describe('count: parts, other events, modifiers, blog times, sources (session 8 round 2)', () => {

  it('parts of a toll are not the toll: "Nine people, six tourists and three guides, died", "Six of the dead were tourists"', () => {
    expect(values('default-deaths', 'Nine people, six tourists and three guides, died when the cable car fell at Korvik.')).toEqual(['9']);
    expect(values('default-deaths', 'Nine people – including six tourists – died when the cable car fell at Korvik.')).toEqual(['9']);
    expect(values('default-deaths', 'Nine people were killed when the cable car fell. Six of the dead were tourists and three were guides.')).toEqual(['9']);
    expect(values('default-injuries', 'Two of the injured tourists were flown to Brask.')).toEqual([]);
    const a = article('a', 'Nine people were killed when the cable car fell at Korvik.', '2024-03-02');
    const b = article('b', 'Nine people, six tourists and three guides, died when the cable car fell at Korvik. Six of the victims were from abroad.', '2024-03-02');
    expect(run([a, b], builtIn('default-deaths'))).toEqual([]);
    // two tolls in a row are no breakdown
    expect(values('default-deaths', 'The cable car fall killed nine people; the bridge crash killed 12 people.')).toEqual(['9', '12']);
  });

  it('figures of another event are left out: "In the 2019 harbour riots, …", "Last month, …", "Separately, …", "unrelated"', () => {
    const now = '2024-06-02';
    expect(values('default-arrests', 'In the 2019 harbour riots, more than 900 people were arrested across the country.', now)).toEqual([]);
    expect(values('default-arrests', 'During the long strikes of 2019, 900 people were arrested.', now)).toEqual([]);
    expect(values('default-arrests', 'Last month, a protest in Dorlin ended with 45 arrests.', now)).toEqual([]);
    expect(values('default-deaths', 'Separately, three people were killed when a supply truck crashed near Hessby.', now)).toEqual([]);
    expect(values('default-deaths', '10:05 — Separately, three people were killed when a supply truck crashed near Hessby.', now)).toEqual([]);
    expect(values('default-deaths', 'Three people were killed in an unrelated crash near Hessby.', now)).toEqual([]);
    // this event's figures stay
    expect(values('default-arrests', 'In Dorlin, 30 people were arrested at the protest on Sunday.', now)).toEqual(['30']);
    expect(values('default-arrests', 'In a statement on June 1, 2024, police said 30 people were arrested at the protest.', now)).toEqual(['30']);
    expect(values('default-deaths', 'In another development, the toll from the crash rose to 8.', now)).toEqual(['8']);
  });

  it('an event noun that modifies another noun is no event: "riot police", "flood defences", "crash barrier"', () => {
    for (const t of ['Riot police fired tear gas.', 'The flood defences held.', 'The bus hit a crash barrier.', 'It was an earthquake drill.', 'The bomb squad arrived.', 'The fire brigade came.']) {
      expect(eventsIn(t), t).toEqual([]);
    }
    expect(eventsIn('The riot lasted hours.').map((h) => h.event)).toEqual(['clashes']);
    const text = 'Hundreds joined the protest in Dorlin on Sunday. Riot police fired tear gas and arrested 28 people.';
    expect(read('default-arrests', text).map((f) => f.subject.label)).toEqual(['people arrested over the protests']);
    // the clashes of a protest (or march) are the protest's
    expect(read('default-arrests', 'Police arrested 30 people after clashes at a march in Dorlin.').map((f) => f.subject.label)).toEqual(['people arrested over the protests']);
    expect(read('default-arrests', 'Police arrested 30 people after clashes in Dorlin.').map((f) => f.subject.label)).toEqual(['people arrested over the clashes']);
    expect(eventsIn('In March, the river rose.')).toEqual([]);
  });

  it('live-blog entry times "1:40 p.m. —", "13h40 —", "13:40 CEST —" are read; a blog alone whose toll rose is an update', () => {
    for (const [t1, t2] of [['9:15 a.m.', '1:40 p.m.'], ['09h15', '13h40'], ['09:15 CEST', '13:40 CEST'], ['9:15am', '1:40 pm']]) {
      const blog = article('blog', `${t1} — Police say 8 people have been arrested at the protest.\n\n${t2} — Police now say 31 people have been arrested at the protest.`, '2024-06-01T18:00:00+02:00');
      const facts = countType.extract(blog, builtIn('default-arrests') as never, { entities: [], titles: {} });
      expect(facts.map((f) => f.data?.entry), t1).toEqual(['09:15', '13:40']);
      const [f] = run([blog], builtIn('default-arrests'));
      expect(f, t1).toMatchObject({ kind: 'update', severity: 'info' });
      expect(f!.message).toMatch(/8 people \(blog, 2024-06-01T09:15:00\+02:00\) → 31 people \(blog, 2024-06-01T13:40:00\+02:00\)/);
    }
    // a blog alone whose figures cannot both be true at one time is still named
    const flat = article('flat', 'Police say 8 people have been arrested at the protest. Police say 31 people have been arrested at the protest.', '2024-06-01');
    expect(run([flat], builtIn('default-arrests'))[0]!.message).toMatch(/^flat gives both 31 people and 8 people for people arrested over the protests/);
  });

  it('a source belongs to the clause it ends: "30 were arrested and nearly 150 were hurt according to the organisers"', () => {
    const text = 'At the rally in Dorlin, more than 30 people were arrested and nearly 150 were hurt according to the organisers.';
    expect(read('default-arrests', text).map((f) => [f.value, f.data?.source])).toEqual([['31..', undefined]]);
    expect(read('default-injuries', text).map((f) => [f.value, f.data?.source])).toEqual([['127..150', 'the organisers']]);
    // set off by a comma, it speaks for the whole sentence
    expect(read('default-deaths', 'The storm killed 12 people and injured 50, the mayor said.').map((f) => f.data?.source)).toEqual(['the mayor']);
    expect(read('default-deaths', 'Between 8 and 10 people were killed in the storm according to the mayor.').map((f) => f.data?.source)).toEqual(['the mayor']);
  });
});

describe('count: a live blog’s rise in a contradiction (session 8 round 2)', () => {

  it('a blog’s earlier entries are its timeline, not sides against its latest figure; a step shows its source when either copy names one', () => {
    const blog = article('blog', '08:10 — Rescuers say four people were killed in the mine collapse.\n\n11:25 — Nine people are now confirmed dead in the mine collapse, police say.', '2024-09-02T12:00:00+02:00');
    const wire = article('wire', '# Nine dead in mine collapse\n\nNine people were killed in the mine collapse at Orsa, officials said.', '2024-09-02T14:00:00+02:00');
    const late = article('late', 'Eight people were killed in the mine collapse at Orsa, the mayor said.', '2024-09-03T09:00:00+02:00');
    const [f] = run([blog, wire, late], builtIn('default-deaths'));
    expect(f).toMatchObject({ kind: 'contradiction', outliers: ['late'] });
    expect(f!.message).toMatch(/^Sources disagree on people killed in the collapse: 9 people \(blog, per police; wire, per officials\) against 8 people \(late, per the mayor\)\. late is the outlier\./);
    expect(f!.message).toMatch(/The figures come from different sources: officials \(wire\), police \(blog\) and the mayor \(late\)\.$/);
    expect(f!.message).toMatch(/blog's own figure rose over time: 4 people \(2024-09-02T08:10:00\+02:00\) → 9 people \(2024-09-02T11:25:00\+02:00\)\./);
    expect(f!.message).not.toMatch(/rescuers/);
    // every value is still in the table
    expect(f!.values.map((v) => v.value).sort()).toEqual(['4', '8', '9']);
    const timeline = f!.details!.timeline as { article: string; value: string; source?: string }[];
    expect(timeline.find((e) => e.article === 'wire')).toMatchObject({ value: '9 people', source: 'officials' });
  });
});

describe('count: review fixes to other events, who remain, rallies and asides (session 8 round 3)', () => {

  it('"Separately," and "unrelated" leave out only another, new event: not "the Brant crash", "the death toll" or "unrelated to"', () => {
    const now = '2025-09-10';
    expect(values('default-deaths', 'Separately, the health ministry said the death toll from the Brant crash had risen to 19.', now)).toEqual(['19']);
    expect(values('default-deaths', 'Separately, officials said 19 people had died in the crash.', now)).toEqual(['19']);
    expect(values('default-deaths', 'Doctors said the deaths of 17 people in the Brant crash were unrelated to the power cut.', now)).toEqual(['17']);
    expect(values('default-deaths', 'Separately, two people were killed when a rescue helicopter crashed near Hessby.', now)).toEqual([]);
    expect(values('default-deaths', 'Two people were killed in an unrelated incident near Hessby.', now)).toEqual([]);
    // "Last month," opens its own clause, not one after ";"
    expect(values('default-arrests', 'Last month, a protest in Dorlin ended with 45 arrests; on Sunday police arrested 30 people at the protest.', now)).toEqual(['30']);
    const a = article('a', 'Doctors said the deaths of 17 people in the Brant crash were unrelated to the power cut.', now);
    const b = article('b', 'The Brant crash killed 15 people, officials said.', now);
    const c = article('c', 'Separately, the health ministry said the death toll from the Brant crash had risen to 19.', now);
    expect(run([a, b, c], builtIn('default-deaths'))[0]).toMatchObject({ kind: 'contradiction' });
  });

  it('"remain" counts who remain only for the missing, and such a figure is no baseline for the others', () => {
    const a = article('a', 'Forty people were injured in the blast at the Tarn plant.', '2025-09-12');
    const c = article('c', 'A week after the blast at the Tarn plant, 12 people remain hospitalised.', '2025-09-14');
    const b = article('b', 'The blast at the Tarn plant injured 25 people, officials said.', '2025-09-15');
    expect(run([a, c, b], builtIn('default-injuries'))[0]).toMatchObject({ kind: 'contradiction' });
    const m1 = article('m1', 'Forty people were missing after the blast at the Tarn plant.', '2025-09-12');
    const m2 = article('m2', 'After the blast at the Tarn plant, 12 people remain missing.', '2025-09-14');
    const m3 = article('m3', 'The blast at the Tarn plant left 25 people missing, officials said.', '2025-09-15');
    expect(run([m1, m2, m3], builtIn('default-missing'))[0]).toMatchObject({ kind: 'contradiction' });
    expect(run([m1, m2], builtIn('default-missing'))[0]).toMatchObject({ kind: 'update' });
    // an article that says "remain" of its figure anywhere says it of the figure in its headline too
    const h = article('h', '# Tarn blast: 12 missing\n\nAfter the blast at the Tarn plant, 12 people remain missing.', '2025-09-14');
    expect(run([m1, h], builtIn('default-missing'))[0]).toMatchObject({ kind: 'update' });
  });

  it('a "rally car" or "rally driver" is no protest', () => {
    expect(eventsIn('Three people were killed when a rally car crashed into spectators.').map((h) => h.event)).toEqual(['crash']);
    expect(eventsIn('The rally driver was hurt.')).toEqual([]);
    expect(eventsIn('Police arrested 30 people at the rally.').map((h) => h.event)).toEqual(['protests']);
    const a = article('a', 'Three people were killed when a rally car crashed into spectators.', '2025-09-10');
    const b = article('b', 'Five people were killed when a car crashed into spectators.', '2025-09-10');
    expect(run([a, b], builtIn('default-deaths'))[0]).toMatchObject({ kind: 'contradiction' });
  });

  it('every figure inside an aside breaking a toll down is a part: "Seven people, two crew members and five passengers, died"', () => {
    expect(values('default-deaths', 'Seven people, two crew members and five passengers, died when the ferry sank at Olm.')).toEqual(['7']);
    expect(values('default-deaths', 'Seven people (two crew members and five passengers) died when the ferry sank at Olm.')).toEqual(['7']);
    expect(values('default-deaths', 'Seven people – two crew members and five passengers – died when the ferry sank at Olm.')).toEqual(['7']);
  });
});
