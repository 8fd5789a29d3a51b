/**
 * Finding the entities of rules.yaml in text: each entity's name and aliases
 * become one case-insensitive pattern that tolerates curly quotes, hyphens,
 * runs of spaces and diacritics (Lefèvre, Lefevre). Patterns are compiled once
 * per entity and cached.
 */
import type { Entity, Vocabulary } from './types.js';

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Latin letters with diacritics by the ASCII letter they fold to (é, è, ę → e):
 * those whose canonical decomposition is that letter and marks, in Latin-1,
 * Latin Extended-A/B and Latin Extended Additional, plus the few letters with a
 * stroke that do not decompose (ø, ł, đ, ħ, ı). Built once.
 */
const FOLD_OF = new Map<string, string>();
const FOLDS = new Map<string, string>();
{
  const add = (ch: string, base: string): void => {
    FOLD_OF.set(ch, base);
    FOLDS.set(base, (FOLDS.get(base) ?? base + base.toUpperCase()) + ch);
  };
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCharCode(cp);
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base !== ch && /^[A-Za-z]$/.test(base)) add(ch, base.toLowerCase());
    }
  }
  for (const [ch, base] of ['øo', 'Øo', 'łl', 'Łl', 'đd', 'Đd', 'ħh', 'Ħh', 'ıi']) add(ch!, base!);
}

/** The ASCII letter a letter folds to, lower case (é → e, E → e), or undefined for any other character. */
function foldLetter(ch: string): string | undefined {
  return /^[A-Za-z]$/.test(ch) ? ch.toLowerCase() : FOLD_OF.get(ch);
}

/** A letter as a class of every letter that folds like it (e → [eEèé…]), or undefined for a character that does not fold. */
function letterClass(ch: string): string | undefined {
  const base = foldLetter(ch);
  return base === undefined ? undefined : `[${FOLDS.get(base) ?? base + base.toUpperCase()}]`;
}

/** A literal phrase as a tolerant pattern source: any whitespace, any dash or hyphen, any apostrophe. */
export function phrasePattern(phrase: string): string {
  return phrase.trim().split(/\s+/).map(wordPattern).join('[\\s-]+');
}

function wordPattern(w: string): string {
  return escapeRegExp(w)
    .replace(/['’‘]/g, "['’‘]")
    .replace(/[-‐‑–—]/g, '[-‐‑–—\\s]?');
}

/** phrasePattern that also accepts any diacritics on a Latin letter: "Nunez" and "Núñez" match each other. */
export function foldedPhrasePattern(phrase: string): string {
  const words = phrase.normalize('NFC').trim().split(/\s+/);
  return words.map((w) => [...w].map((ch) => letterClass(ch) ?? wordPattern(ch)).join('')).join('[\\s-]+');
}

/**
 * The terms (longest first) ending a word, as a pattern source: termsRegExp
 * without the check that a word starts there. undefined for no terms.
 */
export function termsSource(terms: string[], fold = false): string | undefined {
  const sorted = [...new Set(terms.filter((t) => t.trim()))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return undefined;
  return `(?:${sorted.map(fold ? foldedPhrasePattern : phrasePattern).join('|')})(?![\\p{L}\\p{N}])`;
}

/** Pattern matching any of the terms as whole words (longest first); with `fold`, whatever their diacritics. */
export function termsRegExp(terms: string[], fold = false): RegExp {
  const body = termsSource(terms, fold);
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
    re = termsRegExp(entityTerms(e), true);
    cache.set(e, re);
  }
  re.lastIndex = 0;
  return re;
}

const bareCache = new WeakMap<object, RegExp>();
const plainBareCache = new WeakMap<object, RegExp>();

/**
 * entityRegExp without its leading lookbehind, for mentions(), which checks
 * the character before a match itself: a pattern that starts with a
 * lookbehind is tried at every position of the text, one that starts with the
 * terms lets V8 skip ahead to their first letters (3-4 times faster).
 */
function entityBareRegExp(e: Entity, folded: boolean): RegExp {
  const cached = folded ? bareCache : plainBareCache;
  let re = cached.get(e);
  if (!re) {
    const body = folded ? termsSource(entityTerms(e), true) : termsSource(entityTerms(e).map(foldLatin));
    re = body === undefined ? /(?!)/g : new RegExp(body, 'giu');
    cached.set(e, re);
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
 * them). With `fold` (as termsRegExp's), the runs are those of the folded term (Núñez → nunez), each
 * letter a class of the letters that fold to it. Undefined when a term has no such run: then nothing can
 * be filtered.
 */
export function literalFilter(terms: string[], fold = false): RegExp | undefined {
  const words: string[] = [];
  for (const t of terms) {
    if (!t.trim()) continue; // termsRegExp drops blank terms
    const runs = (fold ? [...t.normalize('NFC')].map((ch) => foldLetter(ch) ?? ch).join('') : t).toLowerCase().match(/[a-z0-9]+/g);
    if (!runs) return undefined;
    words.push(runs.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  if (words.length === 0) return /(?!)/; // termsRegExp of no terms matches nothing
  // a text holding "earthquake" holds "quake": keep only words that hold no other (fewer alternatives)
  const unique = [...new Set(words)];
  const minimal = unique.filter((w) => !unique.some((v) => v !== w && w.includes(v)));
  // ſ and K as above; with fold, a letter stands for its class, as in the term's pattern (e → [eEèé…])
  const letter = (ch: string): string => {
    const extra = ch === 's' ? 'ſ' : ch === 'k' ? '\u212A' : '';
    return fold ? `[${FOLDS.get(ch) ?? ch}${extra}]` : extra ? `[${ch}${extra}]` : ch;
  };
  const source = minimal.map((w) => w.replace(/[a-z]/g, letter));
  return new RegExp(source.join('|'), 'i');
}

const entityFilters = new WeakMap<Entity, RegExp | undefined>();

/**
 * A folded filter's plain twin: the same runs as literal letters, enough for a text without letters
 * with diacritics (most sentences). A literal run is found 2-3 times faster than a run of classes.
 */
const plainTwin = new WeakMap<RegExp, RegExp>();

/** Every letter a class of the folded patterns holds, besides A-Z and the Kelvin sign. */
const FOLDED_LETTER = /[\u00C0-\u024F\u1E00-\u1EFF]/;

/** literalFilter of an entity's name, aliases and variants (what its mention pattern is built from), folded as it is. */
export function entityFilter(e: Entity): RegExp | undefined {
  if (!entityFilters.has(e)) {
    const filter = literalFilter(entityTerms(e), true);
    if (filter) plainTwin.set(filter, literalFilter(entityTerms(e).map(foldLatin))!);
    entityFilters.set(e, filter);
  }
  return entityFilters.get(e);
}

/** Latin letters with diacritics as their ASCII letters (case kept only for ASCII; the filters ignore case). */
function foldLatin(s: string): string {
  return [...s.normalize('NFC')].map((ch) => FOLD_OF.get(ch) ?? ch).join('');
}

// whether the last text seen holds such a letter: callers test one sentence for every entity in turn
let lastText = '';
let lastFolded = false;

function hasFoldedLetter(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastFolded = FOLDED_LETTER.test(text);
  }
  return lastFolded;
}

export const mayMatch = (filter: RegExp | undefined, text: string): boolean => {
  if (!filter) return true;
  const plain = plainTwin.get(filter);
  return plain && !hasFoldedLetter(text) ? plain.test(text) : filter.test(text);
};

/** Every mention of an entity in a stretch of text (offsets relative to `base`). */
export function mentions(text: string, e: Entity, base = 0): Mention[] {
  if (!mayMatch(entityFilter(e), text)) return [];
  // the same matches as entityRegExp(e): a match with a word character before it is
  // dropped and the search goes on from the next character, as the lookbehind would
  // a text without letters with diacritics needs no letter classes: the folded terms, literally, find the same
  const re = entityBareRegExp(e, hasFoldedLetter(text));
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
