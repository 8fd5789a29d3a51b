import { describe, expect, it } from 'vitest';
import {
  afterLastTitle,
  clusterSkeletons,
  distinctForms,
  isInflection,
  lookupKey,
  nameKeys,
  nameSource,
  oneTypoApart,
  sameName,
  similarity,
  skeletonWord,
  spellingOf,
  typoKeys,
} from '../../src/normalize/names.js';

const names = (text: string): string[] => [...text.matchAll(new RegExp(nameSource(), 'gu'))].map((m) => m[0]);

describe('spellingOf: the spelling a reader sees', () => {
  it('folds case, unifies dashes and apostrophes, drops periods and a possessive', () => {
    expect(spellingOf('Bunyan‑un‑Marsoos')).toBe('bunyan-un-marsoos');
    expect(spellingOf('S. Jaishankar')).toBe(spellingOf('S Jaishankar'));
    expect(spellingOf('U.S.')).toBe('us');
    expect(spellingOf('Rubio’s')).toBe('rubio');
    expect(spellingOf('O’Brien')).toBe("o'brien");
  });
  it('keeps diacritics and hyphens: they are part of a spelling', () => {
    expect(spellingOf('Erdoğan')).not.toBe(spellingOf('Erdogan'));
    expect(spellingOf('Bunyan-un-Marsoos')).not.toBe(spellingOf('Bunyan un Marsoos'));
  });
});

describe('nameKeys: skeleton and phonetic key', () => {
  it('sets particles, hyphens and doubled vowels aside', () => {
    const a = nameKeys('Bunyan-un-Marsoos');
    const b = nameKeys('Bunyaan al Marsoos');
    expect(a.skeleton).toBe('bunyan marsus');
    expect(b.skeleton).toBe(a.skeleton);
    expect(b.key).toBe(a.key);
    expect(nameKeys('Abu Bakr al-Baghdadi').key).toBe(nameKeys('Abu Bakr el Baghdadi').key);
  });
  it('gives transliterations one key', () => {
    const keys = ['Gaddafi', 'Qaddafi', 'Kadhafi', 'Khadafy'].map((n) => nameKeys(n).key);
    expect(new Set(keys).size).toBe(1);
    expect(nameKeys('Zelensky').skeleton).toBe(nameKeys('Zelenskyy').skeleton);
    expect(nameKeys('Zelenskiy').skeleton).toBe(nameKeys('Zelensky').skeleton);
    expect(nameKeys('Pahalgam').key).toBe(nameKeys('Pahalgham').key);
    expect(nameKeys('Sharif').skeleton).toBe(nameKeys('Shareef').skeleton);
  });
  it('keeps names that merely contain another apart', () => {
    expect(nameKeys('Jaishankar').key).not.toBe(nameKeys('Shankar').key);
    expect(nameKeys('Johnson').key).not.toBe(nameKeys('Johnston').key);
    expect(nameKeys('Sindoor').key).not.toBe(nameKeys('Sindhu Shield').key);
  });
  it('compares the distinctive part, not a shared prefix', () => {
    // The whole strings look alike (Jaro-Winkler about 0.85) only because of “Operation ”.
    expect(similarity('operation sindur', 'operation bunyan marsus')).toBeGreaterThan(0.8);
    expect(nameKeys('Sindoor').key).not.toBe(nameKeys('Bunyaan al Marsoos').key);
    expect(similarity(nameKeys('Sindoor').skeleton, nameKeys('Bunyaan al Marsoos').skeleton)).toBeLessThan(0.6);
  });
  it('counts letters without particles', () => {
    expect(nameKeys('al-Ali').letters).toBe(3);
    expect(nameKeys('Ng').key).toBe('NK');
  });
  it('folds common transliteration pairs in one word', () => {
    expect(skeletonWord('Pahalgham')).toBe('pahalgam');
    expect(skeletonWord('Philip')).toBe(skeletonWord('Phillip'));
    expect(skeletonWord('Qaddafi')).toBe('kadafi');
  });
});

describe('sameName: similar enough, and not a different word', () => {
  it('joins spellings of one name', () => {
    expect(sameName('shehbaz', 'shahbaz', 0.86)).toBe(true);
    expect(sameName('gadafi', 'kadafi', 0.86)).toBe(true);
    expect(sameName('muamar gadafi', 'moamar kadafi', 0.86)).toBe(true);
  });
  it('keeps look-alikes apart', () => {
    expect(sameName('johnson', 'jensen', 0.86)).toBe(false); // same phonetic key, different surname
    // under one key a short word changed in one letter is judged by likeness, as any other (oneTypoApart, across keys, keeps it apart)
    expect(sameName('jon larsen', 'jan larsen', 0.86)).toBe(true);
    expect(sameName('ana berg', 'ana borg', 0.86)).toBe(true);
    expect(sameName('marc dupont', 'mark dupont', 0.86)).toBe(true);
    expect(sameName('ahmed', 'ahmad', 0.86)).toBe(true);
    expect(sameName('kan', 'kuhn', 0.86)).toBe(false);
    expect(sameName('mario', 'maria', 0.86)).toBe(false); // only the final vowel differs
    expect(sameName('ivan petrov', 'ivana petrov', 0.86)).toBe(false);
    expect(sameName('pakistan', 'pakistani', 0.86)).toBe(false);
  });
  it('knows inflections and distinct forms', () => {
    expect(isInflection('pakistan', 'pakistanis')).toBe(true);
    expect(isInflection(skeletonWord('Zelensky'), skeletonWord('Zelenskiy'))).toBe(false);
    expect(isInflection('zelenski', 'zelenskis')).toBe(true);
    expect(distinctForms('carla', 'carlo')).toBe(true);
    expect(distinctForms('shehbaz', 'shahbaz')).toBe(false);
  });
  it('a higher threshold merges less', () => {
    expect(sameName('shehbaz', 'shahbaz', 0.95)).toBe(false);
  });
});

describe('clusterSkeletons', () => {
  it('joins identical skeletons and similar ones, deterministically', () => {
    expect(clusterSkeletons(['kadafi', 'gadafi', 'kadafi', 'zelenski'], 0.86)).toEqual([[0, 1, 2], [3]]);
  });
  it('above the bucket limit joins only identical skeletons', () => {
    expect(clusterSkeletons(['gadafi', 'kadafi', 'gadafi'], 0.86, 1)).toEqual([[0, 2], [1]]);
  });
});

describe('nameSource: proper names in text', () => {
  it('finds capitalised runs with particles and hyphens', () => {
    expect(names('Pakistan launched Operation Bunyaan al Marsoos on May 10.')).toEqual(['Pakistan', 'Operation Bunyaan al Marsoos', 'May']);
    expect(names('Read: Operation Bunyan-un-Marsoos in retaliation')).toEqual(['Read', 'Operation Bunyan-un-Marsoos']);
    expect(names('a leader of Lashkar-e-Taiba met Abu Bakr al-Baghdadi')).toEqual(['Lashkar-e-Taiba', 'Abu Bakr al-Baghdadi']);
    expect(names('the Line of Control')).toEqual(['Line of Control']);
  });
  it('stops at a possessive or contraction, keeps O’Brien', () => {
    expect(names('India’s Operation Sindoor')).toEqual(['India', 'Operation Sindoor']);
    expect(names("They've met Pat O’Brien")).toEqual(['They', 'Pat O’Brien']);
  });
  it('reads initials and initialisms', () => {
    expect(names('with S. Jaishankar and the U.S. Secretary')).toEqual(['S. Jaishankar', 'U.S. Secretary']);
    expect(names('Gen. Munir spoke')).toEqual(['Gen. Munir']);
  });
  it('does not read lower-case particles alone, handles or hashtags', () => {
    expect(names('de-escalate now, said @SecRubio and #Sindoor')).toEqual([]);
  });
});

describe('afterLastTitle and lookupKey', () => {
  const titles = new Set(['prime minister', 'minister', 'secretary of state', 'secretary', 'gen']);
  it('cuts after the last title', () => {
    expect(afterLastTitle(['pakistani', 'prime', 'minister', 'shehbaz', 'sharif'], titles, 3)).toBe(3);
    expect(afterLastTitle(['us', 'secretary', 'of', 'state', 'marco', 'rubio'], titles, 3)).toBe(4);
    expect(afterLastTitle(['marco', 'rubio'], titles, 3)).toBe(0);
  });
  it('looks vocabulary terms up whatever their hyphens, periods and accents', () => {
    expect(lookupKey('Bunyan-un-Marsoos')).toBe(lookupKey('Bunyan un Marsoos'));
    expect(lookupKey('S. Jaishankar')).toBe(lookupKey('S Jaishankar'));
    expect(lookupKey('Los Ríos')).toBe(lookupKey('Los Rios'));
  });
});

describe('oneTypoApart: one name with one typo, not two names', () => {
  it('takes one letter changed, added, dropped or two swapped in a long word, the other words equal', () => {
    expect(oneTypoApart('greta brandvold', 'greta bramdvold')).toBe(true); // changed
    expect(oneTypoApart('greta brandvold', 'greta brnadvold')).toBe(true); // swapped
    expect(oneTypoApart('greta brandvold', 'greta branvold')).toBe(true); // dropped
    expect(oneTypoApart('greta branvold', 'greta brandvold')).toBe(true); // added
    expect(oneTypoApart('brandvold', 'bramdvold')).toBe(true); // a surname alone, 8 letters or more
  });
  it('keeps apart short words, whose one-letter neighbours are other names', () => {
    expect(oneTypoApart('jon larsen', 'jan larsen')).toBe(false);
    expect(oneTypoApart('ana berg', 'ana borg')).toBe(false);
    expect(oneTypoApart('tomas mertin', 'tomas martin')).toBe(true); // 6 letters with the given name equal
    expect(oneTypoApart('mertin', 'martin')).toBe(false); // but not alone
  });
  it('keeps apart edits at the end of a word (other words, other names) and at its first letter', () => {
    expect(oneTypoApart('tomas larsen', 'tomas larson')).toBe(false);
    expect(oneTypoApart('mark johnson', 'mark johnston')).toBe(false);
    expect(oneTypoApart('released', 'releases')).toBe(false);
    expect(oneTypoApart('greta brandvold', 'greta grandvold')).toBe(false);
    expect(oneTypoApart('greta brandvold', 'greta brandvolt')).toBe(false);
  });
  it('needs every other word equal, and one word that differs', () => {
    expect(oneTypoApart('greta brandvold', 'grete bramdvold')).toBe(false);
    expect(oneTypoApart('greta brandvold', 'brandvold')).toBe(false);
    expect(oneTypoApart('greta brandvold', 'greta brandvold')).toBe(false);
    expect(oneTypoApart('karolina', 'karoline')).toBe(false);
  });
});

describe('typoKeys: an index that finds every pair oneTypoApart takes', () => {
  it('gives two skeletons one typo apart a shared key', () => {
    const letters = 'abdeiklmnorstuv';
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (n: number) => Array.from({ length: n }, () => letters[random(letters.length)]).join('');
    let pairs = 0;
    for (let k = 0; k < 5000; k++) {
      const w = word(5 + random(6));
      const p = random(w.length);
      const c = letters[random(letters.length)]!;
      const edits = [w.slice(0, p) + c + w.slice(p + 1), w.slice(0, p) + c + w.slice(p), w.slice(0, p) + w.slice(p + 1), w.slice(0, p) + w.slice(p + 1, p + 2) + w.slice(p, p + 1) + w.slice(p + 2)];
      for (const v of edits) {
        for (const [a, b] of [[`ola ${w}`, `ola ${v}`], [w, v]] as const) {
          if (!oneTypoApart(a, b)) continue;
          pairs++;
          const keys = new Set(typoKeys(a));
          expect({ a, b, shared: typoKeys(b).some((x) => keys.has(x)) }).toEqual({ a, b, shared: true });
        }
      }
    }
    expect(pairs).toBeGreaterThan(3000);
  });
  it('gives no key to a name with no word long enough', () => {
    expect(typoKeys('jon berg')).toEqual([]);
    expect(typoKeys('lindgren')).toHaveLength(6); // as written, and each of letters 2 to 6 dropped
  });
});
