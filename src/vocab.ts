/**
 * Finding the entities of rules.yaml in text: each entity's name and aliases
 * become one case-insensitive pattern that tolerates curly quotes, hyphens and
 * runs of spaces. Patterns are compiled once per entity and cached.
 */
import type { Entity, Vocabulary } from './types.js';

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal phrase as a tolerant pattern source: any whitespace, any dash or hyphen, any apostrophe. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) =>
      escapeRegExp(w)
        .replace(/['’‘]/g, "['’‘]")
        .replace(/[-‐‑–—]/g, '[-‐‑–—\\s]?'),
    )
    .join('[\\s-]+');
}

/**
 * The terms (longest first) ending a word, as a pattern source: termsRegExp
 * without the check that a word starts there. undefined for no terms.
 */
export function termsSource(terms: string[]): string | undefined {
  const sorted = [...new Set(terms.filter((t) => t.trim()))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return undefined;
  return `(?:${sorted.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`;
}

/** Pattern matching any of the terms as whole words (longest first). */
export function termsRegExp(terms: string[]): RegExp {
  const body = termsSource(terms);
  return body === undefined ? /(?!)/g : new RegExp(`(?<![\\p{L}\\p{N}@])${body}`, 'giu');
}

/** Everything that counts as a mention of the entity: name, aliases and known variant spellings. */
export function entityTerms(e: Entity): string[] {
  return [e.name, ...e.aliases, ...(e.variants ?? [])];
}

const cache = new WeakMap<object, RegExp>();

export function entityRegExp(e: Entity): RegExp {
  let re = cache.get(e);
  if (!re) {
    re = termsRegExp(entityTerms(e));
    cache.set(e, re);
  }
  re.lastIndex = 0;
  return re;
}

const bareCache = new WeakMap<object, RegExp>();

/**
 * entityRegExp without its leading lookbehind, for mentions(), which checks
 * the character before a match itself: a pattern that starts with a
 * lookbehind is tried at every position of the text, one that starts with the
 * terms lets V8 skip ahead to their first letters (3-4 times faster).
 */
function entityBareRegExp(e: Entity): RegExp {
  let re = bareCache.get(e);
  if (!re) {
    const body = termsSource(entityTerms(e));
    re = body === undefined ? /(?!)/g : new RegExp(body, 'giu');
    bareCache.set(e, re);
  }
  re.lastIndex = 0;
  return re;
}

// with the i flag, as in the patterns: a character whose case folding is a letter counts (U+0345 folds to ι)
const WORD_BEFORE = /[\p{L}\p{N}@]/iu;

/** Whether the code point before i is a letter, a digit or "@": what (?<![\p{L}\p{N}@]) rules out under the i and u flags. */
function wordBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 64 && c <= 90) || (c >= 48 && c <= 57);
  const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
  return WORD_BEFORE.test(text.slice(pair ? i - 2 : i - 1, i));
}

export interface Mention {
  entity: Entity;
  start: number;
  end: number;
  text: string;
}

/**
 * A case-insensitive test for the terms of a termsRegExp: for each term, its longest run of ASCII letters
 * and digits, which any text the term pattern matches contains (the pattern only varies spacing, dashes
 * and apostrophes between such runs). Under the u and i flags two non-ASCII letters also match ASCII ones,
 * the long s "ſ" and the Kelvin sign "K", so s and k accept them here too (the plain i flag does not fold
 * them). Undefined when a term has no such run: then nothing can be filtered.
 */
export function literalFilter(terms: string[]): RegExp | undefined {
  const words: string[] = [];
  for (const t of terms) {
    if (!t.trim()) continue; // termsRegExp drops blank terms
    const runs = t.toLowerCase().match(/[a-z0-9]+/g);
    if (!runs) return undefined;
    words.push(runs.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  if (words.length === 0) return /(?!)/; // termsRegExp of no terms matches nothing
  // a text holding "earthquake" holds "quake": keep only words that hold no other (fewer alternatives)
  const unique = [...new Set(words)];
  const minimal = unique.filter((w) => !unique.some((v) => v !== w && w.includes(v)));
  return new RegExp(minimal.map((w) => w.replace(/s/g, '[sſ]').replace(/k/g, '[k\u212A]')).join('|'), 'i');
}

const entityFilters = new WeakMap<Entity, RegExp | undefined>();

/** literalFilter of an entity's name, aliases and variants (what its mention pattern is built from). */
export function entityFilter(e: Entity): RegExp | undefined {
  if (!entityFilters.has(e)) entityFilters.set(e, literalFilter(entityTerms(e)));
  return entityFilters.get(e);
}

export const mayMatch = (filter: RegExp | undefined, text: string): boolean => !filter || filter.test(text);

/** Every mention of an entity in a stretch of text (offsets relative to `base`). */
export function mentions(text: string, e: Entity, base = 0): Mention[] {
  if (!mayMatch(entityFilter(e), text)) return [];
  // the same matches as entityRegExp(e): a match with a word character before it is
  // dropped and the search goes on from the next character, as the lookbehind would
  const re = entityBareRegExp(e);
  const out: Mention[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // an empty match (a term of dashes only: "—" may match nothing) is no mention, and exec would not move on
    if (m[0].length === 0 || wordBefore(text, m.index)) {
      const c = text.charCodeAt(m.index);
      re.lastIndex = m.index + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
      continue;
    }
    out.push({ entity: e, start: base + m.index, end: base + m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function findEntity(vocab: Vocabulary, id: string): Entity | undefined {
  return vocab.entities.find((e) => e.id === id);
}

/** Lower-case, strip diacritics, unify quotes and dashes, collapse spaces. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
