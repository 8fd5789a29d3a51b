import { BRIEF_DATES, seedArticles } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse.js';
import { RuleError } from '../../src/errors.js';
import { quote, type QuoteOptions } from '../../src/rules/quote.js';
import type { Article, Fact, Finding, Rule, Vocabulary } from '../../src/types.js';
import { primaryEvidence } from '../../src/report/text.js';
function seeds(): Article[] {
  return seedArticles(BRIEF_DATES);
}
function art(id: string, text: string): Article {
  return parseArticle({ id, path: `${id}.txt`, text, meta: { published: '2024-03-02' } });
}
function makeRule(options: Partial<QuoteOptions> = {}, singleSource = false): Rule<QuoteOptions> {
  return { id: 'quotes', type: 'quote', severity: 'error', singleSource, options: options as QuoteOptions, examples: [] };
}
const EMPTY: Vocabulary = { entities: [], titles: {} };
/** prepare, extract per article, group by subject key, compare. */
function pipeline(articles: Article[], r: Rule<QuoteOptions>, vocab: Vocabulary = EMPTY): { facts: Fact[]; findings: Finding[] } {
  quote.prepare!(r, vocab);
  const facts = articles.flatMap((a) => quote.extract(a, r, vocab));
  const bySubject = new Map<string, Fact[]>();
  for (const f of facts) bySubject.set(f.subject.key, [...(bySubject.get(f.subject.key) ?? []), f]);
  const findings = [...bySubject.values()].flatMap((fs) => quote.compare!(fs, r, { articles: new Map() }));
  return { facts, findings };
}
const seedVocab: Vocabulary = {
  titles: {},
  entities: [
    { id: 'leavitt', name: 'Karoline Leavitt', aliases: ['Leavitt'], kind: 'person' },
    { id: 'trump', name: 'Donald Trump', aliases: ['Trump', 'President Trump'], kind: 'person' },
    { id: 'jaishankar', name: 'S. Jaishankar', aliases: ['S Jaishankar', 'Jaishankar', 'Dr. S. Jaishankar'], kind: 'person' },
    { id: 'rubio', name: 'Marco Rubio', aliases: ['Rubio'], kind: 'person' },
    { id: 'bruce', name: 'Tammy Bruce', aliases: ['Bruce'], kind: 'person' },
    { id: 'kwatra', name: 'Vinay Mohan Kwatra', aliases: ['Kwatra'], kind: 'person' },
    { id: 'vance', name: 'JD Vance', aliases: ['Vance'], kind: 'person' },
  ],
};
const byValue = (f: Finding | undefined) => f?.values.map((v) => [v.display, v.articles]);
describe('quote on the seeds', () => {
  const { facts, findings } = pipeline(seeds(), makeRule(), seedVocab);
  const find = (speaker: string, text: RegExp) =>
    findings.find((f) => f.kind === 'variant' && f.details?.speaker === speaker && f.values.some((v) => text.test(v.display)));
  it('reports Leavitt’s “has expressed he wants” (000, 001) against “wants” (002, 004), with a word diff', () => {
    const f = find('leavitt', /de-escalate as quickly as possible/);
    expect(f).toBeDefined();
    expect(byValue(f)).toEqual([
      ['The President has expressed he wants to see this de-escalate as quickly as possible.', ['000', '001']],
      ['The President wants to see this de-escalate as quickly as possible', ['002', '004']],
    ]);
    expect(f!.subject.label).toBe('Quote by Karoline Leavitt');
    expect(f!.details!.paraphrase).toBe(false);
    expect(f!.details!.diff).toEqual([
      { op: 'same', text: 'The President' },
      { op: 'removed', text: 'has expressed he' },
      { op: 'same', text: 'wants to see this de-escalate as quickly as possible' },
    ]);
    expect(f!.message).toContain('002 and 004 drop “has expressed he”');
    const ev = f!.values[1]!.evidence.find((e) => e.article === '002')!;
    expect(ev).toMatchObject({ path: expect.stringMatching(/^seeds\/002/), line: 3 });
    expect(ev.sentence).toMatch(/^Leavitt noted,/);
  });
  it('reports Jaishankar’s partial quote in 001 as a likely paraphrase of his post in 003', () => {
    const f = find('jaishankar', /firmly counter/);
    expect(f).toBeDefined();
    expect(byValue(f)).toEqual([
      ['Will firmly counter any attempts at escalation', ['003']],
      ['firmly counter any attempts by Pakistan to escalate the situation.', ['001']],
    ]);
    expect(f!.details!.paraphrase).toBe(true);
    expect(f!.message).toMatch(/001 presents .* as S\. Jaishankar’s own words/);
    expect(f!.message).toContain('003 shows the original post');
  });
  it('reports Trump’s “Oh it’s so terrible! My position is…” (001) against “It is so terrible. I get along…” (003)', () => {
    const f = find('trump', /so terrible/);
    expect(f).toBeDefined();
    const displays = f!.values.map((v) => v.display);
    expect(displays.some((d) => d.startsWith("Oh it's so terrible! My position is I get along with both."))).toBe(true);
    expect(displays.some((d) => d.startsWith('It is so terrible. I get along with both.'))).toBe(true);
    const parts = f!.details!.diff as { op: string; text: string }[];
    expect(parts).toContainEqual({ op: 'added', text: 'My position is' });
  });
  it('credits speakers as the text does: after, before, pronouns, split quotes, posts', () => {
    const speakerOf = (article: string, text: RegExp) => facts.find((f) => f.article === article && text.test(f.raw))?.data?.speaker;
    expect(speakerOf('000', /^He understands/)).toBe('leavitt'); // one quote over two sentences, “…,” Leavitt said.
    expect(speakerOf('001', /^He understands/)).toBe('leavitt'); // split: “…,” Leavitt told reporters. “…”
    expect(speakerOf('001', /^This is something/)).toBe('leavitt'); // She added, “…”
    expect(speakerOf('001', /^Oh it's so terrible/)).toBe('trump'); // “…,” he said — Trump named just before
    expect(speakerOf('002', /^The President wants/)).toBe('leavitt');
    expect(speakerOf('003', /^I think the best/)).toBe('kwatra'); // “…,” Vinay Mohan Kwatra, New Delhi’s envoy to Washington, D.C., told Fox News.
    expect(speakerOf('004', /^We’re not going/)).toBe('vance'); // Vice President JD Vance, a proponent of …, stated, “…”
    const post = facts.find((f) => f.article === '003' && f.data?.form === 'post');
    expect(post?.data?.speaker).toBe('jaishankar'); // lines above “— Dr. S. Jaishankar (@DrSJaishankar) May 8, 2025”
  });
  it('does not compare short phrases or take apostrophes for quote marks', () => {
    expect(facts.some((f) => /^(Operation Sindoor|immediate de-escalation|concrete steps)$/.test(f.raw))).toBe(false);
    for (const f of facts) expect(f.raw).not.toMatch(/^s\b|’s [a-z]+ [a-z]+’/);
    const short = pipeline(seeds(), makeRule({ min_words: 1 }), seedVocab).facts;
    expect(short.filter((f) => f.raw === 'Operation Sindoor').map((f) => f.article)).toEqual(['000', '001', '003']);
    expect(short.some((f) => f.raw === 'good relationships')).toBe(true); // 'good relationships' in straight single quotes
  });
  it('finds nothing wrong where articles quote the same words', () => {
    const agreed = findings.filter((f) => f.values.some((v) => /two countries that have been at odds|constant communication/.test(v.display)));
    expect(agreed).toEqual([]);
  });
});
/* ---------------------------------------------------------------- another story, with planted misquotes */
const A = art(
  'a',
  [
    'Brenton Mayor Ana Ruiz said on Saturday that the city “will not raise taxes this year to pay for the flood repairs,” as crews cleared the river banks.',
    '“The flood killed 14 people and destroyed 300 homes in the valley,” fire chief Tom Okafor told reporters. “We are still searching the eastern district.”',
    'Governor Paul Lee visited the shelters on Sunday. “Help is on the way and we will rebuild every single home,” Lee said.',
    'Ruiz called the cleanup ‘Operation Dry Feet’ and said the county’s plan was working.',
  ].join('\n'),
);
const B = art(
  'b',
  [
    'Mayor Ana Ruiz said the city “will raise taxes this year to pay for the flood repairs.”',
    'Fire chief Tom Okafor said: “The flood killed 41 people and destroyed 300 homes in the valley.”',
    '“Help is on the way and we will rebuild every single home,” Ruiz said.',
  ].join('\n'),
);
const C = art(
  'c',
  [
    '“We are still searching the eastern district,” Okafor said.',
    'Lee promised residents: “Help is on the way and we will rebuild every single home.”',
    'A city statement said the flood “killed 14 people and destroyed 300 homes in the valley”.',
  ].join('\n'),
);
describe('quote on another story', () => {
  const { facts, findings } = pipeline([A, B, C], makeRule());
  it('reports a dropped “not” even though almost every word matches', () => {
    const f = findings.find((x) => x.kind === 'variant' && x.details?.speaker === 'ruiz');
    expect(f).toBeDefined();
    expect(byValue(f)).toEqual([
      ['will not raise taxes this year to pay for the flood repairs', ['a']],
      ['will raise taxes this year to pay for the flood repairs.', ['b']],
    ]);
    expect(f!.details!.diff).toEqual([
      { op: 'same', text: 'will' },
      { op: 'removed', text: 'not' },
      { op: 'same', text: 'raise taxes this year to pay for the flood repairs' },
    ]);
    expect(f!.message).toContain('b drops “not” (against a)');
    expect(f!.severity).toBe('error');
  });
  it('reports a changed number, and aligns an unnamed source’s excerpt with the named speaker', () => {
    const f = findings.find((x) => x.kind === 'variant' && x.details?.speaker === 'okafor');
    expect(f).toBeDefined();
    expect(f!.message).toContain('b changes “14” to “41”');
    expect(f!.values.map((v) => v.articles)).toEqual([['a'], ['c'], ['b']]); // c's excerpt agrees with a: listed before the changed wording
    expect(f!.outliers).toEqual(['b']);
    // c's excerpt (speaker not named) agrees with a word for word: no diff for it
    const diffs = f!.details!.diffs as { article: string }[];
    expect(diffs.map((d) => d.article)).toEqual(['b']);
    expect(facts.find((x) => x.article === 'c' && /^killed 14/.test(x.raw))?.data?.speaker).toBeNull();
  });
  it('reports the same words credited to two different people', () => {
    const f = findings.find((x) => x.kind === 'contradiction');
    expect(f).toBeDefined();
    expect(f!.values.map((v) => [v.display, v.articles])).toEqual([
      ['Lee', ['a', 'c']],
      ['Ruiz', ['b']],
    ]);
    expect(f!.outliers).toEqual(['b']);
    expect(f!.message).toContain('credited to different people');
  });
  it('keeps a split quote’s second half with its speaker, and finds nothing in verbatim quotes', () => {
    expect(facts.find((x) => x.article === 'a' && /^We are still searching/.test(x.raw))?.data?.speaker).toBe('okafor');
    expect(findings.filter((f) => f.values.some((v) => /eastern district/.test(v.display)))).toEqual([]);
    expect(findings).toHaveLength(3);
  });
  it('does not take ‘Operation Dry Feet’ or county’s for a comparable quote unless asked', () => {
    expect(facts.some((x) => /Dry Feet|county/.test(x.raw))).toBe(false);
    const all = pipeline([A], makeRule({ min_words: 1 })).facts;
    expect(all.filter((x) => /Dry Feet/.test(x.raw)).map((x) => x.raw)).toEqual(['Operation Dry Feet']);
  });
  it('compares short quotes only when min_words allows it', () => {
    const x = art('x', 'Ruiz called it “the worst flood this town has seen in decades” on Sunday.');
    const y = art('y', 'Ruiz called it “the worst flood this town has seen in years” on Sunday.');
    const xs = art('xs', 'Ruiz called it the “worst flood in decades” on Sunday.');
    const ys = art('ys', 'Ruiz called it the “worst flood in years” on Sunday.');
    expect(pipeline([xs, ys], makeRule()).findings).toEqual([]);
    expect(pipeline([xs, ys], makeRule({ min_words: 4 })).findings.map((f) => f.kind)).toEqual(['variant']);
    expect(pipeline([x, y], makeRule()).findings.map((f) => f.kind)).toEqual(['variant']);
  });
  it('resolves a pronoun to the last named speaker', () => {
    const p = art('p', 'Ana Ruiz toured the shelter on Monday.\n“Nobody will be left without a roof tonight,” she said.');
    const q = art('q', '“Nobody will be left without a roof this week,” Ruiz said.');
    const { facts: fs, findings: fd } = pipeline([p, q], makeRule());
    expect(fs.map((f) => f.data?.speaker)).toEqual(['ruiz', 'ruiz']);
    expect(fd).toHaveLength(1);
    expect(fd[0]!.message).toMatch(/changes “this week” to “tonight”|changes “tonight” to “this week”/);
  });
  it('gives “he said” to the person named just before, also when the splitter joins that sentence to the quote', () => {
    // "stepped in." ends a sentence; "6 a.m." does not, so there the name and the quote are one sentence
    for (const end of ['the guards stepped in.', 'the guards left at 6 a.m.']) {
      const p = art('p', `Port Mayor Ines Kovac said: “The harbour will reopen on Monday morning.”\nDock foreman Tomas Varga said the pickets held until ${end} “We will strike again,” he said, “and we will strike for longer this time.”`);
      const q = art('q', '“We will strike again, and we will strike for much longer this time,” Tomas Varga told reporters.');
      const { facts: fs, findings: fd } = pipeline([p, q], makeRule());
      expect(fs.filter((f) => f.article === 'p').map((f) => f.data?.speaker)).toEqual(['kovac', 'varga']);
      expect(fd.map((f) => [f.kind, f.subject.label])).toEqual([['variant', 'Quote by Varga']]);
    }
    // a name after a preposition, or after the quote's own pronoun, is not the subject: the last speaker stays
    const r = art('r', '“The harbour will reopen on Monday morning,” Tomas Varga said.\nAsked about Ines Kovac, he said: “We will strike again and we will strike for longer.”');
    expect(pipeline([r], makeRule()).facts.map((f) => f.data?.speaker)).toEqual(['varga', 'varga']);
    const t = art('t', '“The harbour will reopen on Monday morning,” Tomas Varga said.\nHe added that Ines Kovac had been “in talks with the shipping lines since early last week.”');
    expect(pipeline([t], makeRule()).facts.map((f) => f.data?.speaker)).toEqual(['varga', 'varga']);
  });
  it('labels a quote with the spelling of the speaker most articles use', () => {
    const words = '“The new terminal will open to passengers before the end of the summer,”';
    // a, the first article, writes the name without its accent; b and c write Brandão
    const accented = [art('a', `${words} Brandao said.`), art('b', `${words.replace('the summer', 'summer')} Brandão said.`), art('c', `${words.replace('the summer', 'summer')} Brandão said.`)];
    expect(pipeline(accented, makeRule()).findings.map((f) => f.subject.label)).toEqual(['Quote by Brandão']);
  });
  it('counts “she said” right after the speaker’s name as a credit once two named people are credited', () => {
    const words = '“The north runway was closed for four hours after the storm”';
    const arts = [
      art('a', `Port director Ana Brandt said the harbour was calm. ${words}, she said.`),
      art('b', `Ana Brandt spoke in Korsa.\n${words}, Brandt said.`),
      art('c', `${words}, Tomas Varga said.`),
      // far from her name: not counted
      art('d', `Ana Brandt spoke in Korsa. The ferries ran late. Crews cleared the quay. ${words}, she said.`),
    ];
    const { facts: fs, findings: fd } = pipeline(arts, makeRule());
    expect(fs.map((f) => [f.article, f.data?.speaker, f.data?.nearName ?? false])).toEqual([
      ['a', 'brandt', true],
      ['b', 'brandt', false],
      ['c', 'varga', false],
      ['d', 'brandt', false],
    ]);
    const f = fd.find((x) => x.details?.attribution);
    expect(byValue(f)).toEqual([
      ['Brandt', ['a', 'b']],
      ['Varga', ['c']],
    ]);
    expect(f!.outliers).toEqual(['c']);
    // a pronoun alone never makes the finding: “she” against one named speaker is not a contradiction
    expect(pipeline([arts[0]!, arts[2]!], makeRule()).findings.filter((x) => x.details?.attribution)).toEqual([]);
  });
  it('reads a post set on its own lines and signed “— Name (@handle) date”', () => {
    const p = art('p', ['Ruiz wrote on X:', 'Proud of every volunteer in Brenton tonight.', 'We will rebuild the Mill Street bridge by June.', '— Ana Ruiz (@MayorRuiz) March 2, 2024', 'More rain is forecast.'].join('\n'));
    const q = art('q', '“We will rebuild the Mill Street bridge by July,” Ruiz wrote on X.');
    const { facts: fs, findings: fd } = pipeline([p, q], makeRule());
    expect(fs.filter((f) => f.article === 'p').map((f) => [f.raw, f.data?.speaker, f.data?.form])).toEqual([
      ['Proud of every volunteer in Brenton tonight.', 'ruiz', 'post'],
      ['We will rebuild the Mill Street bridge by June.', 'ruiz', 'post'],
    ]);
    expect(fd).toHaveLength(1);
    expect(fd[0]!.values[0]!.articles).toEqual(['p']); // the post is the reference wording
    expect(fd[0]!.message).toContain('q changes “June” to “July”');
  });
  it('reports single-source quotes only when the rule asks', () => {
    const solo = art('s', '“Our crews have worked through the night for three days,” Okafor said.');
    expect(pipeline([solo, B], makeRule()).findings.filter((f) => f.kind === 'single-source')).toEqual([]);
    const f = pipeline([solo], makeRule({}, true)).findings;
    expect(f.map((x) => [x.kind, x.severity])).toEqual([['single-source', 'info']]);
  });
});
describe('quote translated by the outlets', () => {
  const r = makeRule();
  const spoken = (cue: string) => [
    art('wire', `"We will not leave a single family without a roof over its head," Mayor Ines Calvo said${cue}.`),
    art('daily', '"We will not leave one family without a roof over their heads," Mayor Ines Calvo told reporters.'),
  ];
  it('reports two wordings of a remark an article says is translated as info, naming the article that says so', () => {
    for (const cue of [' in Spanish', ' in Spanish to reporters', ', speaking through an interpreter', ' (translated by the Daily)', ', speaking in Arabic,']) {
      const f = pipeline(spoken(cue), r).findings.find((x) => x.kind === 'variant');
      expect(f, cue).toMatchObject({ severity: 'info', details: { translatedIn: ['wire'] } });
      expect(f!.message).toContain('wire says the words are translated, so these may be two translations of one remark.');
    }
  });
  it('keeps the rule’s severity when nothing says so, or a language word is not about the words (“in French Guiana”, “from Russian forces”, “translated into losses”)', () => {
    for (const cue of ['', ' in French Guiana', ' of the attacks from Russian forces', ', standing in Russian-held territory', ' of the figures, which translated into losses']) {
      const f = pipeline(spoken(cue), r).findings.find((x) => x.kind === 'variant');
      expect(f, cue).toMatchObject({ severity: 'error' });
      expect(f!.message).not.toContain('translat');
    }
  });
});

describe('quote of a speaker whose name is spelled two ways', () => {
  const X = art('x', '“We have recovered fourteen bodies and we expect that number to rise,” civil protection chief Rui Marques told reporters.');
  const Y = art('y', 'Civil protection commander Rui Marquez said: “We have recovered fourteen bodies and we fear the number will rise.”');
  const Z = art('z', 'Rui Marquez said: “We have recovered fourteen bodies and we expect that number to rise.”');
  it('compares the quotes of “Marques” and “Marquez” as one speaker’s', () => {
    const { findings } = pipeline([X, Y], makeRule());
    expect(findings.map((f) => [f.kind, f.subject.label, f.details?.speaker])).toEqual([['variant', 'Quote by Marques', 'marques']]);
    expect(findings[0]!.message).toContain('y changes “expect that” to “fear the”');
  });
  it('does not report the same words as credited to different people', () => {
    expect(pipeline([X, Z], makeRule()).findings).toEqual([]);
  });
  it('still tells apart surnames that do not sound alike', () => {
    const W = art('w', 'Rui Moreno said: “We have recovered fourteen bodies and we expect that number to rise.”');
    expect(pipeline([X, W], makeRule()).findings.map((f) => f.kind)).toEqual(['contradiction']);
  });
});

describe('a headline over a dash byline', () => {
  it('is not a quoted post signed by the reporter', () => {
    const head = 'Landslide in Terevo buries homes as rescuers search through the night';
    const a = art('a', `${head}\n— Anna Blum\n\nAt least 15 people were killed in the Terevo landslide.`);
    const b = art('b', `${head}\n— Piotr Lang\n\nAt least 15 people were killed in the Terevo landslide.`);
    const { facts, findings } = pipeline([a, b], makeRule({ min_words: 3 }));
    expect(facts).toEqual([]);
    expect(findings).toEqual([]);
  });
});

describe('quote findings are stable', () => {
  it('gives the same findings whatever the order of the facts, and fingerprints that ignore positions', () => {
    const r = makeRule();
    quote.prepare!(r, EMPTY);
    const facts = [A, B, C].flatMap((a) => quote.extract(a, r, EMPTY));
    const one = quote.compare!(facts, r, { articles: new Map() });
    const two = quote.compare!([...facts].reverse(), r, { articles: new Map() });
    expect(two).toEqual(one);
    // the same quotes further down the article: same subjects, same fingerprints
    const moved = art('a', `Flood waters receded on Monday.\nResidents returned to their homes.\n${A.text}`);
    const three = pipeline([moved, B, C], makeRule()).findings;
    expect(three.map((f) => f.fingerprint).sort()).toEqual(one.map((f) => f.fingerprint).sort());
    expect(three.map((f) => f.subject.key).sort()).toEqual(one.map((f) => f.subject.key).sort());
  });
  it('aligns many quotes through the index, not all pairs', () => {
    const words = 'river bridge council budget storm school harbour market station tunnel garden museum road clinic water power'.split(' ');
    const articles: Article[] = [];
    for (let i = 0; i < 300; i++) {
      const lines: string[] = [];
      for (let j = 0; j < 5; j++) {
        const k = (i * 5 + j) % 700;
        const w = (n: number) => `${words[(k + n) % words.length]}${Math.floor(k / 16)}x${n}`;
        lines.push(`“We will fund the ${w(1)} and the ${w(2)} before ${w(3)} opens again,” Councillor Jo Park${k} said.`);
      }
      articles.push(art(`n${String(i).padStart(3, '0')}`, lines.join('\n')));
    }
    const t0 = performance.now();
    const { facts, findings } = pipeline(articles, makeRule());
    const ms = performance.now() - t0;
    expect(facts).toHaveLength(1500);
    expect(findings).toEqual([]); // every statement is quoted identically wherever it appears
    expect(ms).toBeLessThan(8000);
  });
});
describe('quote options', () => {
  it('fills defaults', () => {
    const r = makeRule();
    quote.prepare!(r, EMPTY);
    expect(r.options).toEqual({ min_words: 5, threshold: 0.6, paraphrase_threshold: 0.4, attribution_threshold: 0.8, single_quotes: true, speakers: [] });
  });
  it('rejects bad options with the option named and a fix suggested', () => {
    const bad = (o: Partial<QuoteOptions>, field: string) => {
      try {
        quote.prepare!(makeRule(o), seedVocab);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(RuleError);
        expect((e as RuleError).field).toBe(field);
      }
    };
    bad({ threshold: 1.5 }, 'threshold');
    bad({ min_words: 0 }, 'min_words');
    bad({ paraphrase_threshold: 0.9 }, 'paraphrase_threshold');
    bad({ attribution_threshold: 0.5 }, 'attribution_threshold');
    bad({ speakers: ['leavitt', 'nobody'] }, 'speakers.1');
  });
  it('keeps only the listed speakers (and unnamed ones) when speakers is set', () => {
    const { facts } = pipeline(seeds(), makeRule({ speakers: ['trump'] }), seedVocab);
    expect(new Set(facts.map((f) => f.data?.speaker))).toEqual(new Set(['trump', null]));
  });
  it('can ignore single quotes', () => {
    const { facts } = pipeline([art('s', "He called it 'the worst storm this town has seen in fifty years' on Monday.")], makeRule({ single_quotes: false }));
    expect(facts).toEqual([]);
  });
});/* ---------------------------------------------------------------- excerpts agree with the full quote */
describe('quote excerpts and outliers', () => {
  type Diff = { article: string; against: string; parts: { op: string; text: string }[] };
  it('folds excerpts into the full quote: only the article that changed words is the outlier, diffed against the full quote', () => {
    const f1 = art('f1', 'The port deal was signed on Friday. “This is the biggest public investment in our harbour since the war,” Governor Ines Varga said after the signing.');
    const f2 = art('f2', '“This is the biggest private investment in our harbour since the war,” said Governor Ines Varga.');
    const f3 = art('f3', 'Governor Ines Varga called it “the biggest public investment in our harbour since the war.”');
    const f4 = art('f4', 'Varga said on Saturday that the deal was “the biggest public investment in our harbour since the war”.');
    const { findings } = pipeline([f1, f2, f3, f4], makeRule());
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.outliers).toEqual(['f2']);
    expect(f.values.map((v) => v.articles)).toEqual([['f1'], ['f3', 'f4'], ['f2']]); // full quote first, its excerpt, then the changed one
    expect(f.message).toBe('Varga is quoted in different words. f2 changes “public” to “private” (against f1, f3 and f4).');
    const diffs = f.details!.diffs as Diff[];
    expect(diffs.map((d) => [d.article, d.against])).toEqual([['f2', 'f1']]);
    expect(diffs[0]!.parts).toEqual([
      { op: 'same', text: 'This is the biggest' },
      { op: 'removed', text: 'public' },
      { op: 'added', text: 'private' },
      { op: 'same', text: 'investment in our harbour since the war' },
    ]);
    // the terminal report puts the message at the changed quote, not at the full one
    expect(primaryEvidence(f)?.article).toBe('f2');
  });
  it('does not invent dropped words for a changed excerpt, nor flag a faithful one', () => {
    const g1 = art('g1', '“We cannot let the river decide where families live,” Okonkwo said.');
    const g2 = art('g2', 'Engineer Ada Okonkwo told the hearing: “We cannot let the river decide where families live.”');
    const g3 = art('g3', 'Okonkwo said the town could not “let the river decide where families live.”');
    const g4 = art('g4', 'Okonkwo, who drew up the plan, said the town could not “let the river alone decide where families live.”');
    const { findings } = pipeline([g1, g2, g3, g4], makeRule());
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.outliers).toEqual(['g4']);
    expect(f.message).toBe('Okonkwo is quoted in different words. g4 adds “alone” (against g1, g2 and g3).');
    const diffs = f.details!.diffs as Diff[];
    expect(diffs[0]!.against).toBe('g1 and g2');
    expect(diffs[0]!.parts).toEqual([
      { op: 'same', text: 'let the river' },
      { op: 'added', text: 'alone' },
      { op: 'same', text: 'decide where families live' },
    ]);
    expect(primaryEvidence(f)?.article).toBe('g4');
  });
  it('names no outlier when an excerpt fits both full wordings equally', () => {
    const h1 = art('h1', '“We will open the new bridge in May and the tunnel in June,” Mayor Sam Idris said.');
    const h2 = art('h2', '“We will open the new bridge in May and the tunnel in July,” Idris said.');
    const h3 = art('h3', 'Idris promised to “open the new bridge in May” at the meeting.');
    const { findings } = pipeline([h1, h2, h3], makeRule());
    expect(findings).toHaveLength(1);
    expect(findings[0]!.outliers).toEqual([]);
    expect(findings[0]!.message).toMatch(/h[12] changes “(June|July)” to “(June|July)” \(against h[12]\)\./);
  });
});

describe('quote speakers named after the verb, behind a lower-case title', () => {
  const words = '“We got everyone out of the building before the roof fell in,”';
  const speakerOf = (text: string) => pipeline([art('x', `A fire destroyed a warehouse in Dastra on Monday. ${text}`)], makeRule()).facts[0]?.data?.speakerLabel;
  it('reads “…,” said fire chief Ruth Okonkwo as Okonkwo’s words, as it reads “…,” fire chief Ruth Okonkwo said', () => {
    expect(speakerOf(`${words} said fire chief Ruth Okonkwo.`)).toBe('Okonkwo');
    expect(speakerOf(`${words} said police spokesman Idris Bello on Tuesday.`)).toBe('Bello');
    expect(speakerOf(`${words} fire chief Ruth Okonkwo said.`)).toBe('Okonkwo');
  });
  it('does not take a place or a day after other lower-case words for the speaker', () => {
    expect(speakerOf(`${words} said residents of Dastra.`)).toBeNull();
    expect(speakerOf(`${words} said on Monday.`)).toBeNull();
  });
  it('finds the same quote credited to two people when one outlet names the speaker this way', () => {
    const a = art('a', `${words} said fire chief Ruth Okonkwo.`);
    const b = art('b', `${words} said Mayor Tomas Haddad.`);
    const f = pipeline([a, b], makeRule()).findings.find((x) => x.details?.attribution);
    expect(byValue(f)).toEqual([
      ['Haddad', ['b']],
      ['Okonkwo', ['a']],
    ]);
  });
});

describe('a quote signed on the line below it', () => {
  const quoteLine = '“We will rebuild every single home that this fire has destroyed.”';
  const speakerOf = (text: string) => pipeline([art('x', text)], makeRule()).facts.find((f) => f.value.startsWith('we will rebuild'))?.data?.speakerLabel;
  it('gives the quote to the signer: “…” / — Ana Lima, mayor of Dastra', () => {
    expect(speakerOf(`Dastra mayor vows to rebuild\n\nThe mayor spoke on Monday.\n\n${quoteLine}\n— Ana Lima, mayor of Dastra\n\nThe fire burned for six hours.`)).toBe('Lima');
    const a = art('a', `Dastra mayor vows to rebuild\n\nThe mayor spoke on Monday.\n${quoteLine}\n– Ana Lima\n`);
    const b = art('b', `Rebuilding pledge\n\n“We will rebuild every single home that this fire has destroyed,” said Governor Paulo Reis on Monday.`);
    const f = pipeline([a, b], makeRule()).findings.find((x) => x.details?.attribution);
    expect(byValue(f)).toEqual([
      ['Lima', ['a']],
      ['Reis', ['b']],
    ]);
  });
  it('does not take a byline under a headline, or a signature under a quote that names its speaker', () => {
    expect(speakerOf(`${quoteLine}\n— Ana Lima\n\nThe mayor spoke on Monday.`)).toBeNull();
    expect(speakerOf(`Fire in Dastra\n\nThe mayor spoke on Monday.\n${quoteLine}\n— By Ana Lima\n`)).toBeNull();
    expect(speakerOf(`Fire in Dastra\n\nThe mayor spoke on Monday. Governor Paulo Reis said: ${quoteLine}\n— Ana Lima\n`)).toBe('Reis');
  });
});
