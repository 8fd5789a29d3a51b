import { describe, expect, it } from 'vitest';
import { alignWords, containsSequence, findQuoteSpans, similarity, shingles, tokenize, trimExcerptEdges, wordDiff } from '../../src/normalize/quotes.js';

const inner = (t: string, o = {}) => findQuoteSpans(t, o).map((s) => t.slice(s.start, s.end));

describe('findQuoteSpans', () => {
  it('finds curly and straight, double and single quotes', () => {
    expect(inner('He said “we will act,” and left.')).toEqual(['we will act']);
    expect(inner('He said "we will act" and left.')).toEqual(['we will act']);
    expect(inner('under ‘Operation Sindoor’ early Wednesday')).toEqual(['Operation Sindoor']);
    expect(inner("Trump has 'good relationships' with India")).toEqual(['good relationships']);
  });
  it('never takes an apostrophe for a quote mark', () => {
    expect(inner('India’s strikes and the countries’ leaders; it\'s over, they\'ve said.')).toEqual([]);
    expect(inner('the county’s plan, ‘Operation Dry Feet’, and the states’ money')).toEqual(['Operation Dry Feet']);
    expect(inner('“We’re not going to get involved in a war that’s none of our business.”')).toEqual([
      'We’re not going to get involved in a war that’s none of our business.',
    ]);
  });
  it('keeps single quotes inside double quotes, and runs an unclosed quote to the end', () => {
    expect(inner('She said “they called it ‘the plan’ today” and left.')).toEqual(['they called it ‘the plan’ today']);
    const spans = findQuoteSpans('“We will rebuild every home');
    expect(spans[0]).toMatchObject({ unclosed: true });
  });
  it('can skip single quotes', () => {
    expect(inner("It was 'a total disaster for us' he said", { singleQuotes: false })).toEqual([]);
  });
});

describe('tokenize and compare', () => {
  it('expands contractions (a dropped “not” shows) and unifies spelling', () => {
    expect(tokenize("Oh it's so terrible, we don't know").map((t) => t.norm)).toEqual(['oh', 'it', 'is', 'so', 'terrible', 'we', 'do', 'not', 'know']);
    expect(tokenize('emphasised the neighbours’ 1,000 homes on the 22nd').map((t) => t.norm)).toEqual(['emphasized', 'the', 'neighbors', '1000', 'homes', 'on', 'the', '22nd']);
  });
  it('scores excerpts 1 and unrelated text low', () => {
    const s = (t: string) => shingles(tokenize(t).map((x) => x.norm));
    expect(similarity(s('wants to see this de-escalate as quickly as possible'), s('The President wants to see this de-escalate as quickly as possible'))).toBe(1);
    expect(similarity(s('the bridge will open in June'), s('taxes will rise next year'))).toBeLessThan(0.3);
  });
  it('diffs words, removed before added', () => {
    expect(wordDiff(tokenize('we will not raise taxes'), tokenize('we will raise taxes'))).toEqual([
      { op: 'same', text: 'we will' },
      { op: 'removed', text: 'not' },
      { op: 'same', text: 'raise taxes' },
    ]);
    expect(wordDiff(tokenize('killed 14 people'), tokenize('killed 41 people'))).toEqual([
      { op: 'same', text: 'killed' },
      { op: 'removed', text: '14' },
      { op: 'added', text: '41' },
      { op: 'same', text: 'people' },
    ]);
    expect(containsSequence(['a', 'b', 'c'], ['b', 'c'])).toBe(true);
    expect(containsSequence(['a', 'b', 'c'], ['a', 'c'])).toBe(false);
  });
});
describe('wordDiff of an excerpt', () => {
  it('leaves out words the excerpt never reached, but keeps real changes at its edges', () => {
    const full = tokenize('we are building for people who do not live here');
    expect(wordDiff(full, tokenize('building for the people who do not live'), { excerpt: true })).toEqual([
      { op: 'same', text: 'building for' },
      { op: 'added', text: 'the' },
      { op: 'same', text: 'people who do not live' },
    ]);
    // without the option every missing word shows
    expect(wordDiff(full, tokenize('building for the people who do not live'))[0]).toEqual({ op: 'removed', text: 'we are' });
    // a changed lead-in is a change
    expect(wordDiff(full, tokenize('they are building for people'), { excerpt: true })[0]).toEqual({ op: 'removed', text: 'we' });
  });
  it('keeps an edge whose words moved elsewhere (a reordering)', () => {
    const raw = alignWords(tokenize('they traded blows so hopefully they stop now'), tokenize('hopefully they stop now they traded blows'))!;
    expect(raw.filter((r) => r.op === 'removed').map((r) => r.tok.norm)).toEqual(['they', 'traded', 'blows', 'so']);
    expect(trimExcerptEdges(raw)).toEqual(raw); // “they traded blows” reappears at the end: moved, not left out
  });
});
