/**
 * Our sentence splitter (src/articles/sentences.ts) must find the sentences
 * retext-english finds: retext is the reference, ours is the fast path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/articles/sentences.js';
import { ROOT } from '../helpers.js';

const parser = unified().use(retextEnglish);

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

function retextSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const p of (parser.parse(text) as unknown as Node).children ?? []) {
    if (p.type !== 'ParagraphNode') continue;
    for (const s of p.children ?? []) if (s.type === 'SentenceNode') spans.push([s.position!.start.offset!, s.position!.end.offset!]);
  }
  return spans;
}

const texts = (text: string) => sentenceSpans(text).map(([a, b]) => text.slice(a, b));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(txt|md)$/.test(f) ? [p] : [];
  });
}

describe('sentence splitting', () => {
  it('keeps abbreviations, initials and initialisms inside sentences', () => {
    expect(texts('Mr. Okafor met Gen. Haddad in Washington, D.C., on Monday. The U.S. envoy, S. Moreau, left at 9 a.m. Tuesday.')).toEqual([
      'Mr. Okafor met Gen. Haddad in Washington, D.C., on Monday.',
      'The U.S. envoy, S. Moreau, left at 9 a.m. Tuesday.',
    ]);
  });
  it('ends sentences at ! ? and ellipses, with the closing quote or bracket', () => {
    expect(texts('“Leave now!” she said. Why? Nobody knew… (It rained.) Then it stopped.')).toEqual([
      '“Leave now!” she said.',
      'Why?',
      'Nobody knew…',
      '(It rained.)',
      'Then it stopped.',
    ]);
  });
  it('splits at blank lines and keeps decimals and web addresses whole', () => {
    expect(texts('The magnitude was 6.4 per quake.gov.example\n\nA second paragraph. With 2 sentences.')).toEqual([
      'The magnitude was 6.4 per quake.gov.example',
      'A second paragraph.',
      'With 2 sentences.',
    ]);
  });
  it('finds the same sentences as retext-english in the seeds and every fixture story', () => {
    const all = [...files(join(ROOT, 'seeds')), ...files(join(ROOT, 'test', 'fixtures'))];
    expect(all.length).toBeGreaterThan(15);
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      expect(sentenceSpans(text), f).toEqual(retextSpans(text));
    }
  });
  it('finds the same sentences as retext-english in random text full of hard cases', () => {
    const bits = ['Mr.', 'Gen.', 'U.S.', 'D.C.,', 'S.', 'a.m.', '3.5', '26.', 'etc.', 'Inc.', 'No.', 'e.g.', ' ', '  ', '\n', '\n\n', '\r\n', '.', '!', '?', '?!', '...', '…', '"', '“', '”', '’', "'", '(', ')', ',', ';', ':', '-', '—', 'the', 'The', 'said', 'Okafor', 'he', '12', 'a', 'I', '😀', '𝐀', 'é', 'Ünal', '&', '/', 'www.x.org', 'don’t', 'a/S.', 'p.m', 'Sept.', 'St.', 'Dr.', 'al.', 'ca.', '1234.', '.”', '?”', '!)', '\u00a0', '‽', 'a-', '-.', 'A.B', '1.2.3.', 'U.S.-led', '’26.', "'em", '’n’', 'w/', '’90s.', 'O’Neil'];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let i = 1 + rnd(20); i > 0; i--) text += bits[rnd(bits.length)]! + (rnd(3) ? ' ' : '');
      expect(sentenceSpans(text), JSON.stringify(text)).toEqual(retextSpans(text));
    }
  });
});
