import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityRegExp, literalFilter, mentions, termsRegExp } from '../src/vocab.js';
import type { Entity } from '../src/types.js';

const kessa: Entity = { id: 'kessa', name: 'Kessa Valdt', aliases: ['Mayor Valdt'], kind: 'person' };

describe('entity mentions', () => {
  it('finds every spelling its own pattern accepts: curly apostrophes, dashes, spacing, the long s and the Kelvin sign', () => {
    const text = 'Mayor  Valdt spoke. Later \u212Aessa Valdt left, and Ke\u017F\u017Fa Valdt returned.';
    const found = mentions(text, kessa).map((m) => m.text);
    expect(found).toEqual(['Mayor  Valdt', '\u212Aessa Valdt', 'Ke\u017F\u017Fa Valdt']);
    // the quick pre-check never says no where the pattern says yes
    const re = termsRegExp(['Kessa Valdt']);
    for (const t of ['\u212Aessa Valdt', 'KESSA VALDT', 'Ke\u017F\u017Fa Valdt']) {
      re.lastIndex = 0;
      expect(re.test(t)).toBe(true);
      expect(literalFilter(['Kessa Valdt'])!.test(t)).toBe(true);
    }
  });
  it('does not find a name inside a longer word', () => {
    expect(mentions('Kessa Valdtson spoke.', kessa)).toEqual([]);
  });
  it('finds a name right after a word character only where a word starts: xKessa no, @Kessa no, "Kessa, 𝐀Kessa no, 😀Kessa yes', () => {
    const found = mentions('xKessa Valdt, @Kessa Valdt, "Kessa Valdt", 𝐀Kessa Valdt, 😀Kessa Valdt, 3Kessa Valdt', kessa).map((m) => m.start);
    expect(found).toEqual([29, 60]);
  });
  it('ends on a term that can match nothing (an alias of dashes only) and finds no empty mention', () => {
    const dashy: Entity = { id: 'd', name: 'Kessa Valdt', aliases: ['—'], kind: 'person' };
    expect(mentions('Kessa Valdt. Hi — there', dashy).map((m) => m.text)).toEqual(['Kessa Valdt', '—']);
  });
  it('finds exactly what the whole-word pattern finds, in any text', () => {
    const pieces = fc.constantFrom('Kessa', 'Valdt', 'Mayor', ' ', '  ', '-', '@', 'x', '3', 'é', '𝐀', '😀', '\u212A', 'ſ', ',', 'kessa', 'VALDT', '’', '\u0345', '—');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const re = entityRegExp(kessa);
        const want = [...text.matchAll(new RegExp(re.source, re.flags))].filter((m) => m[0]).map((m) => [m.index, m[0]]);
        expect(mentions(text, kessa).map((m) => [m.start, m.text])).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a name or alias whatever its diacritics, both ways, with offsets into the text as written', () => {
    const dascalu: Entity = { id: 'dascalu', name: 'Mirela Dăscălu', aliases: ['Dascalu'], kind: 'person' };
    const text = 'Mirela Dascalu spoke. Later DĂSCĂLU left; Dăscălu and Dascălu returned. Dascalus did not.';
    const found = mentions(text, dascalu);
    expect(found.map((m) => [m.start, m.text])).toEqual([
      [0, 'Mirela Dascalu'],
      [28, 'DĂSCĂLU'],
      [42, 'Dăscălu'],
      [54, 'Dascălu'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    // letters with a stroke, which have no decomposition, fold too; other letters stay themselves
    const wrobel: Entity = { id: 'w', name: 'Łukasz Wróbel', aliases: [], kind: 'person' };
    expect(mentions('Lukasz Wrobel and ŁUKASZ WRÓBEL, not Lukasz Wrobelski', wrobel).map((m) => m.text)).toEqual(['Lukasz Wrobel', 'ŁUKASZ WRÓBEL']);
    expect(mentions('Mirela Dascalu', { id: 'x', name: 'Mirela Dasçalu', aliases: [], kind: 'person' }).length).toBe(1);
    expect(mentions('Mirela Dascaly', dascalu)).toEqual([]);
  });
  it('finds exactly what the whole-word pattern finds, in any text, for a name with diacritics', () => {
    const accented: Entity = { id: 'k', name: 'Késsa Váldt', aliases: ['Mayor Valdt'], kind: 'person' };
    const pieces = fc.constantFrom('Kessa', 'Késsa', 'KÉSSA', 'Kęssa', 'Valdt', 'Váldt', 'VÂLDT', 'Mayor', 'Máyor', ' ', '-', 'x', 'é', 'ß', '\u0301', 'ſ', '\u212A');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const re = entityRegExp(accented);
        const want = [...text.matchAll(new RegExp(re.source, re.flags))].filter((m) => m[0]).map((m) => [m.index, m[0]]);
        expect(mentions(text, accented).map((m) => [m.start, m.text])).toEqual(want);
      }),
      { numRuns: 1000 },
    );
  });
  it('folds diacritics only in entity patterns: a plain term list (cues, units) stays literal', () => {
    expect(termsRegExp(['cafe']).test('café')).toBe(false);
    expect(literalFilter(['cafe'])!.test('café')).toBe(false);
  });
});
