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

const cache = new WeakMap<object, RegExp>();

/** Pattern matching any of the terms as whole words (longest first). */
export function termsRegExp(terms: string[]): RegExp {
  const sorted = [...new Set(terms.filter((t) => t.trim()))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return /(?!)/g;
  const body = sorted.map(phrasePattern).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}@])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Everything that counts as a mention of the entity: name, aliases and known variant spellings. */
export function entityTerms(e: Entity): string[] {
  return [e.name, ...e.aliases, ...(e.variants ?? [])];
}

export function entityRegExp(e: Entity): RegExp {
  let re = cache.get(e);
  if (!re) {
    re = termsRegExp(entityTerms(e));
    cache.set(e, re);
  }
  re.lastIndex = 0;
  return re;
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
  const re = entityRegExp(e);
  const out: Mention[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
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
