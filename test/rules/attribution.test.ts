import { BRIEF_DATES, SEED_PEOPLE, seedArticles } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse.js';
import { RuleError } from '../../src/errors.js';
import { clusterStatements, contentWords, similarity, statementKey, wordCount } from '../../src/normalize/attribution.js';
import { attribution, type AttributionOptions } from '../../src/rules/attribution.js';
import type { Article, Fact, Finding, Rule, Vocabulary } from '../../src/types.js';
function seeds(): Article[] {
  return seedArticles(BRIEF_DATES);
}
const art = (id: string, text: string) => parseArticle({ id, path: `${id}.txt`, text, meta: { published: '2024-10-10' } });
const seedVocab: Vocabulary = SEED_PEOPLE;
const noVocab: Vocabulary = { entities: [], titles: {} };
function mkRule(options: Partial<AttributionOptions> = {}): Rule<AttributionOptions> {
  return { id: 'credits', type: 'attribution', severity: 'warning', singleSource: false, options: options as AttributionOptions, examples: [] };
}
function run(articles: Article[], rule: Rule<AttributionOptions>, vocab: Vocabulary): { findings: Finding[]; facts: Fact[] } {
  attribution.prepare!(rule, vocab);
  const facts = articles.flatMap((a) => attribution.extract(a, rule, vocab));
  // one subject for all statements: compare sees them all
  expect(new Set(facts.map((f) => f.subject.key)).size).toBeLessThanOrEqual(1);
  return { findings: facts.length ? attribution.compare!(facts, rule, { articles: new Map() }) : [], facts };
}
const credited = (facts: Fact[], article: string, words: string) => facts.filter((f) => f.article === article && f.raw.includes(words)).map((f) => f.display);
describe('attribution on the seeds', () => {
  const { findings, facts } = run(seeds(), mkRule(), seedVocab);
  it('reports the readout 001 credits to Leavitt and 003 to the State Department spokesperson Bruce', () => {
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.kind).toBe('contradiction');
    expect(f.values.map((v) => [v.display, v.articles])).toEqual([
      ['Tammy Bruce', ['003']],
      ['Karoline Leavitt', ['001']],
    ]);
    expect(f.message).toMatch(/^Sources credit the statement “He reiterated his calls for Pakistan to take concrete steps .*” to different people: Tammy Bruce \(003\) against Karoline Leavitt \(001\)\.$/);
    const leavitt = f.values[1]!.evidence[0]!;
    expect(leavitt.sentence).toContain('Rubio, according to Leavitt,');
    expect(leavitt.text).toMatch(/^emphasised the need for de-escalation and reiterated his calls for Pakistan/);
    expect(leavitt.note).toContain('according to Leavitt');
    const bruce = f.values[0]!.evidence[0]!;
    expect(bruce.sentence).toContain('Tammy Bruce, the spokesperson of the US State Department, stated in a press release');
  });
  it('credits what all articles give to Leavitt to her, with no finding', () => {
    for (const id of ['001', '002', '004']) expect(credited(facts, id, 'wants to see this de-escalate as quickly as possible')).toEqual(['Karoline Leavitt']);
    expect(credited(facts, '000', 'has expressed he wants to see this de-escalate')).toEqual(['Karoline Leavitt']);
  });
  it('resolves “she added” and “he said” to the last named speaker', () => {
    const added = facts.find((f) => f.article === '000' && f.raw.startsWith('This is something that the Secretary of State'))!;
    expect(added.display).toBe('Karoline Leavitt');
    expect(added.evidence.note).toContain('“she” → Karoline Leavitt, the last named speaker');
    expect(credited(facts, '001', 'I want to see them work it out')).toEqual(['Donald Trump']);
  });
  it('reads inverted verbs, appositions, “posted on X” and “according to X.” fragments', () => {
    expect(credited(facts, '003', 'urged sustained efforts toward better communications')).toEqual(['Tammy Bruce']);
    expect(credited(facts, '003', 'thankful to President Trump')).toEqual(['Vinay Mohan Kwatra']);
    expect(credited(facts, '003', 'Deeply appreciate the US commitment')).toEqual(['S Jaishankar']);
    expect(credited(facts, '004', 'Rubio offered U.S. assistance')).toEqual(['Tammy Bruce']);
    // “told Fox News”: the channel is who was told, not who spoke
    expect(facts.some((f) => f.display === 'Fox News')).toBe(false);
  });
  it('finds the same disagreement without a vocabulary', () => {
    const r = run(seeds(), mkRule(), noVocab).findings;
    expect(r.map((f) => f.values.map((v) => `${v.display} (${v.articles.join(',')})`))).toEqual([['Karoline Leavitt (001)', 'Tammy Bruce (003)']]);
  });
});
describe('attribution on another story (a storm)', () => {
  const a = art(
    'a',
    [
      'Storm Hilda reached the coast on Sunday.',
      '“The river will crest at 31 feet on Monday night, and everyone in the flood zone must leave now,” Mayor Tom Reyes said at a news conference.',
      'Reyes added that buses would run from the stadium every 20 minutes until midnight.',
    ].join('\n'),
  );
  const b = art(
    'b',
    [
      'Hilda made landfall near Port Allen early Sunday.',
      'Governor Lisa Hart warned that the river would crest at 31 feet on Monday night and that everyone in the flood zone must leave now.',
      'The mayor’s office said buses would run from the stadium every 20 minutes until midnight.',
    ].join('\n'),
  );
  const c = art(
    'c',
    [
      'According to Mayor Tom Reyes, the river will crest at 31 feet on Monday night and everyone in the flood zone must leave now.',
      'She also said that shelters at three schools had room for 4,000 people.',
    ].join('\n'),
  );
  it('reports a warning one outlet credits to the mayor and another to the governor', () => {
    const { findings } = run([a, b, c], mkRule(), noVocab);
    const crest = findings.filter((f) => f.kind === 'contradiction');
    expect(crest).toHaveLength(1);
    expect(crest[0]!.values.map((v) => [v.display, v.articles])).toEqual([
      ['Tom Reyes', ['a', 'c']],
      ['Lisa Hart', ['b']],
    ]);
    expect(crest[0]!.message).toContain('to different people: Tom Reyes (a and c) against Lisa Hart (b).');
  });
  it('reports a statement credited to a person in one article and an office in another as a variant', () => {
    const { findings } = run([a, b], mkRule(), noVocab);
    const buses = findings.find((f) => f.values.some((v) => v.display.includes('office')));
    expect(buses?.kind).toBe('variant');
    expect(buses?.values.map((v) => v.display).sort()).toEqual(['the mayor’s office', 'Tom Reyes'].sort());
    expect(run([a, b], mkRule({ organisations: false }), noVocab).findings.every((f) => f.kind === 'contradiction')).toBe(true);
  });
  it('reports nothing when the articles credit the same person', () => {
    const d = art('d', 'Everyone in the flood zone must leave now because the river will crest at 31 feet on Monday night, Reyes said.');
    expect(run([a, c, d], mkRule(), noVocab).findings).toEqual([]);
  });
  it('only reports statements of the watched speakers when `speakers` is set', () => {
    const vocab: Vocabulary = {
      entities: [
        { id: 'reyes', name: 'Tom Reyes', aliases: ['Reyes'], kind: 'person' },
        { id: 'hart', name: 'Lisa Hart', aliases: ['Hart'], kind: 'person' },
        { id: 'nws', name: 'National Weather Service', aliases: ['NWS'], kind: 'organisation' },
      ],
      titles: {},
    };
    expect(run([a, b], mkRule({ speakers: ['hart'] }), vocab).findings.filter((f) => f.kind === 'contradiction')).toHaveLength(1);
    expect(run([a, b], mkRule({ speakers: ['nws'] }), vocab).findings).toEqual([]);
  });
  it('gives the same findings whatever the order of the facts', () => {
    const r = mkRule();
    attribution.prepare!(r, noVocab);
    const facts = [a, b, c].flatMap((x) => attribution.extract(x, r, noVocab));
    const one = attribution.compare!(facts, r, { articles: new Map() });
    const two = attribution.compare!([...facts].reverse(), r, { articles: new Map() });
    expect(two).toEqual(one);
    expect(one.map((f) => f.fingerprint)).toEqual(two.map((f) => f.fingerprint));
  });
});
describe('statement similarity', () => {
  it('ignores function words, spelling (-ise/-ize) and word endings', () => {
    expect(contentWords('He emphasised the need for calls')).toEqual(contentWords('she emphasized needs of call'));
    const x = statementKey('reiterated his calls for Pakistan to take concrete steps to end any support for terrorist groups');
    const y = statementKey('He reiterated his call for Pakistan to take concrete, verifiable steps to end any form of support for terrorist groups.');
    expect(similarity(x, y).score).toBeGreaterThan(0.6);
    expect(similarity(x, statementKey('The President wants to see this de-escalate as quickly as possible')).score).toBeLessThan(0.2);
  });
  it('groups thousands of statements through the index, not all pairs', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const items = Array.from({ length: 2000 }, (_, i) => ({
      article: `a${i % 40}`,
      key: statementKey(Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ')),
    }));
    const t0 = performance.now();
    const clusters = clusterStatements(items, 0.5, 4);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(clusters.flat().length).toBe(items.length);
  });
});
describe('attribution options', () => {
  it('fills defaults, and every option has a description and a default', () => {
    const r = mkRule();
    attribution.prepare!(r, noVocab);
    expect(r.options).toEqual({ min_words: 6, min_similarity: 0.5, speakers: [], verbs: [], organisations: true });
    for (const [name, schema] of Object.entries(attribution.options)) {
      expect(schema.description, name).toBeTruthy();
      expect('default' in schema, name).toBe(true);
    }
  });
  it('rejects unknown speakers and bad verbs with the option name', () => {
    try {
      attribution.prepare!(mkRule({ speakers: ['nobody'] }), noVocab);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      expect((e as RuleError).field).toBe('speakers.0');
    }
    expect(() => attribution.prepare!(mkRule({ verbs: ['said|told'] }), noVocab)).toThrow(RuleError);
  });
  it('accepts extra speech verbs', () => {
    const x = art('x', 'The levee is holding and the pumps are running at full capacity tonight, Reyes briefed.');
    const r = mkRule({ verbs: ['briefed'] });
    attribution.prepare!(r, noVocab);
    expect(attribution.extract(x, r, noVocab).map((f) => f.display)).toEqual(['Reyes']);
  });
});
describe('short statements and negations (a school board story)', () => {
  const a = art('a', 'Superintendent Karen Voss said the levy would not raise property taxes.\nVoss said enrolment had grown by 300 pupils since 2022.');
  const b = art('b', 'Board chair Omar Haddad said the levy would not raise property taxes.\nHaddad thanked the volunteers.');
  const c = art('c', 'Board chair Omar Haddad said the levy would raise property taxes.');
  it('compares a seven-word statement and reports who it is credited to', () => {
    const { findings, facts } = run([a, b], mkRule(), noVocab);
    expect(credited(facts, 'a', 'levy would not raise property taxes')).toEqual(['Karen Voss']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.values.map((v) => [v.display, v.articles])).toEqual([
      ['Karen Voss', ['a']],
      ['Omar Haddad', ['b']],
    ]);
    expect(findings[0]!.message).toContain('“the levy would not raise property taxes” to different people');
  });
  it('does not take “would raise” for “would not raise”', () => {
    expect(contentWords('the levy would not raise taxes')).toContain('not');
    expect(contentWords("the levy won't raise taxes")).toEqual(contentWords('the levy will not raise taxes'));
    expect(similarity(statementKey('the levy would not raise property taxes'), statementKey('the levy would raise property taxes')).score).toBe(0);
    expect(run([a, c], mkRule(), noVocab).findings).toEqual([]);
  });
  it('counts all the words for min_words, and still needs 3 content words', () => {
    expect(wordCount('the levy would not raise property taxes')).toBe(7);
    const d = art('d', 'It was going to be what it is, Voss said.\nVoss said the levy would not raise taxes.');
    const facts = run([d], mkRule(), noVocab).facts;
    // 9 words but only 2 content words: skipped; 6 words with 4 content words: kept
    expect(facts.map((f) => f.raw)).toEqual(['the levy would not raise taxes']);
    expect(run([d], mkRule({ min_words: 7 }), noVocab).facts).toEqual([]);
  });
});

describe('“according to” with a title before the name (a rail story)', () => {
  const a = art('a', 'According to Ferrovia chief executive Lena Brandt, the brakes on the train had been replaced in January.');
  const b = art('b', 'The brakes on the train had been replaced in January, Transport Minister Piet Claes said.');
  const c = art('c', 'The chief executive of the operator Ferrovia, Lena Brandt, said the brakes on the train had been replaced in January.');
  it('credits the person at the end of the phrase, not the company, and starts the statement after the comma', () => {
    const { facts, findings } = run([a, b, c], mkRule(), noVocab);
    const fa = facts.find((f) => f.article === 'a')!;
    expect(fa.display).toBe('Lena Brandt');
    expect(fa.raw).toBe('the brakes on the train had been replaced in January');
    expect(fa.evidence.note).toContain('“According to Ferrovia chief executive Lena Brandt”');
    expect(credited(facts, 'c', 'brakes on the train')).toEqual(['Lena Brandt']);
    expect(findings.map((f) => f.values.map((v) => `${v.display} (${v.articles.join(',')})`))).toEqual([['Lena Brandt (a,c)', 'Piet Claes (b)']]);
  });
  it('still credits an organisation or a plain name after “according to”', () => {
    const d = art('d', 'According to the Rail Safety Board, the brakes on the train had been replaced in January.');
    const e = art('e', 'According to Lena Brandt, the brakes on the train had been replaced in January.');
    const f = art('f', 'The brakes on the train had been replaced in January, according to police spokesman Jonas Wirth.');
    const vocab: Vocabulary = { entities: [{ id: 'rsb', name: 'Rail Safety Board', aliases: [], kind: 'organisation' }], titles: {} };
    const { facts } = run([d, e, f], mkRule(), vocab);
    expect(facts.map((x) => `${x.article}: ${x.display}`)).toEqual(['d: Rail Safety Board', 'e: Lena Brandt', 'f: Jonas Wirth']);
  });
});

describe('one speaker spelled two ways', () => {
  it('is not reported as two people (the name rule reports the spelling)', () => {
    const a = art('a', '“We are building for people who do not live here yet,” Councillor Ana Petrovic said.');
    const b = art('b', 'Councillor Ana Petrovich spoke last. “We are building for people who do not live here yet,” she said.');
    const c = art('c', '“We are building for people who do not live here yet,” Petrovic said.');
    expect(run([a, b, c], mkRule(), noVocab).findings).toEqual([]);
    const d = art('d', '“We are building for people who do not live here yet,” Councillor Ana Markovic said.');
    expect(run([a, d], mkRule(), noVocab).findings).toHaveLength(1);
  });
});

describe('places are not speakers', () => {
  it('does not credit “Shop owners on Elm Street said” to Elm Street', () => {
    const a = art('a', 'Shop owners on Elm Street said they hoped the new tram line would bring more customers.\nHospitals in Dorne and Varley said they were treating the injured.');
    const { facts } = run([a], mkRule(), noVocab);
    expect(facts.map((f) => f.display)).toEqual([]);
  });
});

describe('a pronoun after a sentence whose subject is another person (a rail crash)', () => {
  const a = art('a', '“It is a tragedy for the whole country and we will not rest until we know the cause,” Transport Minister Helga Marrow said.');
  it('takes the person last named as a subject, not the last named speaker', () => {
    const b = art(
      'b',
      'Railway spokesman Ivo Rask said the train was late. Transport Minister Helga Marrow called the crash a national tragedy. “It is a tragedy for the whole country, and we will not rest until we know the cause,” she said.',
    );
    const { facts, findings } = run([a, b], mkRule(), noVocab);
    const fb = facts.find((f) => f.article === 'b' && f.raw.startsWith('It is a tragedy'))!;
    expect(fb.display).toBe('Helga Marrow');
    expect(fb.evidence.note).toContain('“she” → Helga Marrow, the person last named as a subject');
    expect(credited(facts, 'b', 'the train was late')).toEqual([]); // 5 words: too short to compare
    expect(findings).toEqual([]);
  });
  it('does not take a name after a preposition as the subject, and a speaker only read from a pronoun makes no finding', () => {
    const b = art(
      'b',
      'Railway spokesman Ivo Rask said the train was late. The crash was later described by Transport Minister Helga Marrow as a national tragedy. “It is a tragedy for the whole country, and we will not rest until we know the cause,” she said.',
    );
    const { facts, findings } = run([a, b], mkRule(), noVocab);
    // the pronoun goes back to the last named speaker: a guess, marked as one
    const fb = facts.find((f) => f.article === 'b' && f.raw.startsWith('It is a tragedy'))!;
    expect(fb.display).toBe('Ivo Rask');
    expect(fb.data).toMatchObject({ inferred: true });
    expect(findings).toEqual([]);
    // named in both: still a disagreement
    const c = art('c', '“It is a tragedy for the whole country, and we will not rest until we know the cause,” railway spokesman Ivo Rask said.');
    expect(run([a, c], mkRule(), noVocab).findings.map((f) => f.values.map((v) => v.display))).toEqual([['Helga Marrow', 'Ivo Rask']]);
  });
});

describe('a pronoun right after the speaker’s name (a ferry story)', () => {
  const words = '“The ferry left the quay forty minutes late because of the fog”';
  const a = art('a', `${words}, harbour master Petra Lind said.`);
  const c = art('c', `${words}, skipper Tomas Varga said.`);
  it('counts “she said” after her name once two named people are credited, and never on its own', () => {
    const b = art('b', `Harbour master Petra Lind said the crossing was calm. ${words}, she said.`);
    const { facts, findings } = run([a, b, c], mkRule(), noVocab);
    expect(facts.find((f) => f.article === 'b' && f.raw.startsWith('The ferry'))?.data).toMatchObject({ inferred: true, nearName: true });
    expect(findings.map((f) => f.values.map((v) => [v.display, v.articles]))).toEqual([
      [
        ['Petra Lind', ['a', 'b']],
        ['Tomas Varga', ['c']],
      ],
    ]);
    expect(run([b, c], mkRule(), noVocab).findings).toEqual([]);
    // three sentences on: not counted
    const d = art('d', `Harbour master Petra Lind spoke first. The crossing was calm. Crews cleared the quay. ${words}, she said.`);
    expect(run([a, d, c], mkRule(), noVocab).findings.map((f) => f.values.map((v) => v.articles))).toEqual([[['a'], ['c']]]);
  });
  it('takes the subject of a sentence that holds a quote by its lead-in', () => {
    const e = art('e', `${words.replace('fog', 'storm')}, skipper Tomas Varga said.\nPort Director Petra Lind, who called the night “the worst this year”, spoke next. ${words}, she said.`);
    const { facts } = run([e], mkRule(), noVocab);
    expect(credited(facts, 'e', 'because of the fog')).toEqual(['Petra Lind']);
  });
});

describe('a relative clause between the speaker and the verb (a storm story)', () => {
  it('credits the person it describes, not the office it names', () => {
    const a = art('a', 'Fitzroy Amadi, head of the emergency office, said 1,200 homes had been destroyed.');
    const b = art('b', 'Fitzroy Amadi, who heads the emergency office, said 1,200 homes had been destroyed.');
    const c = art('c', 'Dana Whitlock, who chairs the flood council, said the river would not reach the old town before Friday.');
    const d = art('d', 'Officials at the Harbour Authority, which runs the ferry office, said three hundred passengers had been stranded overnight.');
    const { facts, findings } = run([a, b, c, d], mkRule(), noVocab);
    expect(credited(facts, 'b', '1,200 homes')).toEqual(['Fitzroy Amadi']);
    expect(credited(facts, 'c', 'the river would not reach')).toEqual(['Dana Whitlock']);
    expect(credited(facts, 'd', 'passengers had been stranded')).toEqual(['the Harbour Authority']);
    expect(findings).toEqual([]);
  });
});
