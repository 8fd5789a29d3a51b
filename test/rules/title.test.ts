import { BRIEF_DATES, SEED_PEOPLE, seedArticles } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse.js';
import { RuleError } from '../../src/errors.js';
import { title, type TitleOptions } from '../../src/rules/title.js';
import type { Article, Fact, Finding, Rule, Vocabulary } from '../../src/types.js';
function seeds(): Article[] {
  return seedArticles(BRIEF_DATES);
}
const art = (id: string, text: string) => parseArticle({ id, path: `${id}.txt`, text, meta: { published: '2024-10-10' } });
const seedVocab: Vocabulary = {
  ...SEED_PEOPLE,
  entities: [
    ...SEED_PEOPLE.entities,
    { id: 'munir', name: 'Asim Munir', aliases: ['Syed Asim Munir', 'Munir'], kind: 'person' },
    { id: 'pahalgam', name: 'Pahalgam attack', aliases: [], kind: 'event' },
  ],
};
const noVocab: Vocabulary = { entities: [], titles: {} };
function mkRule(options: Partial<TitleOptions> = {}, singleSource = false): Rule<TitleOptions> {
  return { id: 'titles', type: 'title', severity: 'warning', singleSource, options: options as TitleOptions, examples: [] };
}
/** prepare, extract per article, group by subject, compare: the pipeline. */
function run(articles: Article[], rule: Rule<TitleOptions>, vocab: Vocabulary): { findings: Finding[]; facts: Fact[] } {
  title.prepare!(rule, vocab);
  const facts = articles.flatMap((a) => title.extract(a, rule, vocab));
  const bySubject = new Map<string, Fact[]>();
  for (const f of facts) (bySubject.get(f.subject.key) ?? bySubject.set(f.subject.key, []).get(f.subject.key)!).push(f);
  const findings = [...bySubject.keys()].sort().flatMap((k) => title.compare!(bySubject.get(k)!, rule, { articles: new Map() }));
  return { findings, facts };
}
describe('title on the seeds', () => {
  it('reports the National Security Adviser title of Rubio, and nothing else', () => {
    const { findings } = run(seeds(), mkRule(), seedVocab);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.kind).toBe('contradiction');
    expect(f.subject).toEqual({ key: 'rubio', label: 'Marco Rubio' });
    expect(f.values.map((v) => [v.display, v.articles])).toEqual([
      ['Secretary of State + National Security Adviser', ['000', '001']],
      ['Secretary of State', ['003', '004']],
      ['Secretary of State; National Security Adviser is someone else', ['002']],
    ]);
    expect(f.message).toBe(
      'Sources disagree on the titles of Marco Rubio: 000 and 001 call Marco Rubio National Security Adviser, 002 treats the National Security Adviser as someone else, and 003 and 004 give only Secretary of State.',
    );
    // the evidence of the denial points at the words in 002
    const denial = f.values[2]!.evidence.find((e) => e.text === 'US National Security Adviser')!;
    expect(denial).toMatchObject({ article: '002', line: 3 });
    expect(denial.sentence).toContain('both Secretary Rubio and the US National Security Adviser have been deeply involved');
    // the descriptive clause in 000 is cited
    expect(f.values[0]!.evidence.some((e) => e.article === '000' && e.text === 'national security advisor')).toBe(true);
  });
  it('reads the titles the seeds give everyone else the same way', () => {
    const { facts } = run(seeds(), mkRule(), seedVocab);
    const given = (person: string) => [...new Set(facts.filter((f) => f.subject.key === person).map((f) => `${f.article} ${f.display}`))].sort();
    expect(given('jaishankar')).toEqual(['000 External Affairs Minister', '001 External Affairs Minister', '002 External Affairs Minister', '003 External Affairs Minister', '004 External Affairs Minister']);
    expect(given('sharif').every((s) => s.endsWith('Prime Minister'))).toBe(true);
    expect(given('leavitt').every((s) => s.endsWith('White House Press Secretary'))).toBe(true);
    expect(given('bruce')).toEqual(['002 Spokesperson', '003 State Department Spokesperson', '004 State Department Spokesperson']);
    expect(given('kwatra')).toEqual(['003 Envoy to Washington']);
    expect(given('munir')).toEqual(['004 Chief of Army Staff', '004 General']);
    expect(given('trump').every((s) => s.endsWith(' President'))).toBe(true);
  });
  it('finds the same disagreement with no vocabulary at all, from the articles’ own full names', () => {
    const { findings } = run(seeds(), mkRule(), noVocab);
    expect(findings.map((f) => [f.subject.key, f.values.map((v) => v.articles.join(','))])).toEqual([['name:marco rubio', ['000,001', '003,004', '002']]]);
  });
  it('checks only the people listed in `people`', () => {
    expect(run(seeds(), mkRule({ people: ['leavitt', 'bruce'] }), seedVocab).findings).toEqual([]);
    expect(run(seeds(), mkRule({ people: ['rubio'] }), seedVocab).findings).toHaveLength(1);
  });
});
describe('title on another story (a storm)', () => {
  const vocab: Vocabulary = {
    entities: [
      { id: 'okafor', name: 'Rachel Okafor', aliases: ['Okafor'], kind: 'person' },
      { id: 'hart', name: 'Lisa Hart', aliases: ['Hart', 'Gov. Hart'], kind: 'person' },
    ],
    titles: { 'Emergency Management Director': ['emergency manager', 'EMD'] },
  };
  const a = art('a', 'Port Allen Mayor Rachel Okafor ordered the riverfront evacuated on Sunday. Governor Lisa Hart sent the National Guard.');
  const b = art('b', 'Rachel Okafor, the city’s emergency manager, said the levee was holding. Gov. Hart toured the shelters.');
  const c = art('c', 'Mayor Okafor and Governor Lisa Hart spoke on Sunday night. Both Okafor and the emergency management director urged calm.');
  const d = art('d', 'Port Allen mayor Rachel Okafor said shelters were full. Lisa Hart, the governor, asked for federal help.');
  it('agrees when titles differ only in case, abbreviation or length', () => {
    // "Governor", "Gov." and "the governor" are one title; "Mayor" is the short form of "Port Allen Mayor"
    expect(run([a, c, d], mkRule(), vocab).findings).toEqual([]);
  });
  it('reports a title one article gives and another denies as a contradiction', () => {
    const { findings } = run([a, b, c], mkRule(), vocab);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.kind).toBe('contradiction');
    expect(f.subject.label).toBe('Rachel Okafor');
    expect(f.values.map((v) => [v.display, v.articles])).toEqual([
      ['Emergency Management Director', ['b']],
      ['Port Allen Mayor', ['a']],
      ['Port Allen Mayor; Emergency Management Director is someone else', ['c']],
    ]);
    expect(f.message).toContain('c treats the Emergency Management Director as someone else');
  });
  it('reports titles that differ without a denial as a variant, or as the rule says', () => {
    const v = run([a, b], mkRule(), vocab).findings;
    expect(v.map((f) => f.kind)).toEqual(['variant']);
    expect(v[0]!.message).toBe('Sources give Rachel Okafor different titles: Emergency Management Director (b) against Port Allen Mayor (a).');
    const strict = run([a, b], mkRule({ omissions: 'contradiction' }), vocab).findings;
    expect(strict.map((f) => f.kind)).toEqual(['contradiction']);
    // no article denies a title: the two title sets side by side, said once
    expect(strict[0]!.message).toBe('Sources disagree on the titles of Rachel Okafor: Emergency Management Director (b) against Port Allen Mayor (a).');
    expect(run([a, b], mkRule({ omissions: 'ignore' }), vocab).findings).toEqual([]);
  });
  it('gives the same findings and fingerprints whatever the order of articles and facts', () => {
    const one = run([a, b, c], mkRule(), vocab).findings;
    const r = mkRule();
    title.prepare!(r, vocab);
    const facts = [c, b, a].flatMap((x) => title.extract(x, r, vocab)).filter((f) => f.subject.key === 'okafor').reverse();
    const two = title.compare!(facts, r, { articles: new Map() });
    expect(two).toEqual(one);
  });
  it('reports a title only one article gives when single_source is on', () => {
    const f = run([d], mkRule({}, true), vocab).findings;
    expect(f.map((x) => [x.kind, x.subject.key])).toEqual([
      ['single-source', 'hart'],
      ['single-source', 'okafor'],
    ]);
  });
});
describe('title with no vocabulary (a dock fire)', () => {
  it('reports a person one article calls prime minister and another “Portugal’s president, …”', () => {
    const a = art('wire', 'Prime Minister Luis Navarro visited the docks on Wednesday morning.');
    const b = art('daily', 'Portugal’s president, Luis Navarro, toured the docks on Wednesday.');
    const { findings } = run([a, b], mkRule(), noVocab);
    expect(findings.map((f) => [f.subject.label, f.values.map((v) => [v.display, v.articles])])).toEqual([
      [
        'Luis Navarro',
        [
          ['President', ['daily']],
          ['Prime Minister', ['wire']],
        ],
      ],
    ]);
  });
});

describe('title options', () => {
  it('rejects unknown people and entities that are not people, naming the option', () => {
    const vocab: Vocabulary = { entities: [{ id: 'port', name: 'Port Allen', aliases: [], kind: 'place' }], titles: {} };
    expect(() => title.prepare!(mkRule({ people: ['nobody'] }), vocab)).toThrow(RuleError);
    expect(() => title.prepare!(mkRule({ people: ['nobody'] }), vocab)).toThrow(/unknown entity "nobody"/);
    try {
      title.prepare!(mkRule({ people: ['port'] }), vocab);
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      expect((e as RuleError).field).toBe('people.0');
      expect((e as Error).message).toMatch(/kind: person/);
    }
    expect(() => title.prepare!(mkRule({ omissions: 'sometimes' as never }), vocab)).toThrow(/omissions must be one of/);
  });
  it('fills the defaults', () => {
    const r = mkRule();
    title.prepare!(r, noVocab);
    expect(r.options).toEqual({ people: [], vocabulary_only: false, omissions: 'variant', heads: [] });
  });
  it('every option has a description and a default', () => {
    for (const [name, schema] of Object.entries(title.options)) {
      expect(schema.description, name).toBeTruthy();
      expect('default' in schema, name).toBe(true);
    }
  });
  it('accepts extra head words', () => {
    const x = art('x', 'Special Rapporteur Ana Silva visited the camp. Ana Silva, the rapporteur, spoke to reporters.');
    const r = mkRule({ heads: ['rapporteur'] });
    title.prepare!(r, noVocab);
    expect(title.extract(x, r, noVocab).map((f) => f.display)).toEqual(['Special Rapporteur', 'Rapporteur']);
  });
});
describe('title on words that are names of JavaScript built-ins', () => {
  it('reads "constructor." and "toString." as plain words, not abbreviations', () => {
    const r = mkRule();
    title.prepare!(r, noVocab);
    for (const text of [
      'The firm’s Senior Constructor. Dana Voss said the roof held.',
      'Chief Constructor. Voss and Sec. Lane inspected the stadium.',
      'Lead toString. Dana Voss, the Hasownproperty. of the site, said so.',
    ]) {
      const a = parseArticle({ id: 'a', path: 'a.txt', text });
      expect(() => title.extract(a, r, noVocab)).not.toThrow();
    }
  });
});
describe('title with a modifier and a role noun (an inquiry into a ship fire)', () => {
  const a = art('wire', 'Chief Investigator Maren Holt of the Coastal Safety Board said the fire began in the engine room.');
  const b = art('daily', 'Deputy Director Maren Holt of the Coastal Safety Board said the crew had been trained.');
  const c = art('radio', 'Maren Holt, chief investigator at the Coastal Safety Board, said the alarms had worked.');
  it('compares “Chief Investigator” (before the name and after it) with “Deputy Director”', () => {
    const { findings, facts } = run([a, b, c], mkRule(), noVocab);
    expect(facts.map((f) => `${f.article} ${f.subject.label}: ${f.display}`)).toEqual([
      'wire Maren Holt: Chief Investigator',
      'daily Maren Holt: Deputy Director',
      'radio Maren Holt: Chief Investigator',
    ]);
    expect(findings.map((f) => f.message)).toEqual(['Sources give Maren Holt different titles: Chief Investigator (radio and wire) against Deputy Director (daily).']);
  });
  it('reads a head word of the rule’s own before a vocabulary name in the built-in rule too: no finding about “Chief” alone', () => {
    const vocab: Vocabulary = { entities: [{ id: 'silva', name: 'Ana Silva', aliases: ['Silva'], kind: 'person' }], titles: {} };
    const x = art('x', 'Chief Rapporteur Ana Silva visited the camp.');
    const y = art('y', 'Deputy Director Ana Silva visited the camp.');
    for (const rule of [mkRule(), mkRule({ heads: ['rapporteur'] })]) {
      const { findings } = run([x, y], rule, vocab);
      expect(findings.map((f) => f.message)).toEqual(['Sources give Ana Silva different titles: Chief Rapporteur (x) against Deputy Director (y).']);
    }
  });
});

describe('title of a company officer, written in several ways (a mine flood)', () => {
  it('reads “Kestrel chief executive”, “chief executive of Kestrel” and “Kestrel’s chief executive” as one title', () => {
    const a = art('post', 'Kestrel chief executive Ilona Varga arrived at the pit head on Monday.');
    const b = art('herald', 'Ilona Varga, the chief executive of Kestrel, arrived at the pit head on Monday.');
    const c = art('times', 'Ilona Varga, Kestrel’s chief executive, arrived at the pit head on Monday.');
    const { findings, facts } = run([a, b, c], mkRule(), noVocab);
    expect(facts.map((f) => `${f.article}: ${f.display}`)).toEqual(['post: Kestrel Chief Executive', 'herald: Kestrel Chief Executive', 'times: Chief Executive']);
    expect(findings).toEqual([]);
  });
  it('reads CEO and “chief executive officer” as chief executive, and keeps a deputy apart', () => {
    const a = art('post', 'Kestrel chief executive Ilona Varga arrived at the pit head on Monday.');
    const b = art('herald', 'The flood was the first in the mine’s history, its CEO, Ilona Varga, said.');
    const c = art('times', 'Kestrel CEO Ilona Varga arrived at the pit head on Monday.');
    const d = art('radio', 'Ilona Varga, chief executive officer of Kestrel, arrived at the pit head on Monday.');
    expect(run([a, b, c, d], mkRule(), noVocab).findings).toEqual([]);
    const e = art('daily', 'Kestrel deputy chief executive Ilona Varga arrived at the pit head on Monday.');
    expect(run([a, b, e], mkRule(), noVocab).findings.map((f) => f.message)).toEqual([
      'Sources give Ilona Varga different titles: Kestrel Chief Executive (herald and post) against Kestrel Deputy Chief Executive (daily).',
    ]);
  });
});

describe('title of a person whose name the articles write with and without accents (a port strike)', () => {
  it('names the finding as most articles write the name', () => {
    const articles = [
      art('a', 'Deputy Director Zoe Lindqvist said the port would stay shut.'),
      art('b', 'Port Authority Director Zoë Lindqvíst said talks would resume.'),
      art('c', 'Port Authority Director Zoë Lindqvíst spoke on Monday.'),
    ];
    const [f] = run(articles, mkRule(), noVocab).findings;
    expect(f?.subject.label).toBe('Zoë Lindqvíst');
    expect(f?.message).toMatch(/^Sources give Zoë Lindqvíst different titles/);
  });
});
