/**
 * Name keys for the `name` rule type: small pure functions.
 *
 * A name is compared through three forms:
 * - its *spelling* (`spellingOf`): case-folded, dashes and apostrophes unified,
 *   periods and a possessive 's dropped, diacritics KEPT: two different spellings
 *   are what the rule reports;
 * - its *skeleton* (`skeletonOf`): diacritics, hyphens, particles (al-, ul-, un-,
 *   el-, bin, van...) dropped, doubled letters and common transliteration pairs
 *   (ee/i, oo/u, dh/d, kh/k, q/k, ph/f) folded: spellings of one name usually
 *   share it or come close (Jaro-Winkler);
 * - its *phonetic key* (`phoneticKey`): the Double Metaphone primary code of each
 *   skeleton word, concatenated: the blocking key that decides which spellings are
 *   compared at all.
 */
// natural ships no type declarations for its deep modules: typed by the casts below.
// @ts-ignore
import jaroWinklerImpl from 'natural/lib/natural/distance/jaro-winkler_distance.js';
// @ts-ignore
import DoubleMetaphoneImpl from 'natural/lib/natural/phonetics/double_metaphone.js';
import { disjointSets } from './unionfind.js';

type JaroWinkler = (a: string, b: string, options?: { ignoreCase?: boolean }) => number;
interface DoubleMetaphone {
  process(token: string, maxLength?: number): [string, string];
}

const jaroWinkler = jaroWinklerImpl as unknown as JaroWinkler;
// The encoder keeps no state between calls: one instance serves every article.
const metaphone = new (DoubleMetaphoneImpl as unknown as new () => DoubleMetaphone)();

/**
 * Words that join or prefix the parts of a name and are ignored when comparing:
 * Arabic and Urdu articles (al-, el-, ul-, un-, ud-, ur-, e-, i-), patronymics
 * (bin, ibn, bint, ben) and European particles (de, van, von, di, da, la, le...).
 * English words are deliberately absent (an, as, at, of): a space-separated
 * particle joins two capitalised words into one name.
 */
export const DEFAULT_PARTICLES: readonly string[] = [
  'al', 'el', 'ul', 'un', 'ud', 'ur', 'e', 'i',
  'bin', 'ibn', 'bint', 'ben',
  'de', 'del', 'della', 'der', 'den', 'di', 'du', 'da', 'dos', 'das',
  'van', 'von', 'ter', 'ten', 'zu', 'le', 'la', 'y',
];

/** Words that may join capitalised words inside a name without being part of its identity. */
const CONNECTORS = ['of'];

/**
 * Titles and honorifics that precede a name ("Prime Minister Shehbaz Sharif",
 * "Gen. Munir"): a capitalised run is cut after the last one it contains.
 * General English: story-specific titles come from rules.yaml (vocab.titles).
 */
export const DEFAULT_TITLES: readonly string[] = [
  'president', 'vice president', 'prime minister', 'deputy prime minister', 'minister', 'foreign minister',
  'secretary', 'secretary of state', 'secretary-general', 'secretary general', 'foreign secretary', 'press secretary',
  'general', 'gen', 'lt', 'lieutenant', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'admiral', 'adm',
  'commander', 'field marshal', 'marshal', 'sergeant', 'sgt', 'brigadier', 'air marshal',
  'chief', 'chief of staff', 'chief of army staff', 'army chief',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'crown prince', 'pope', 'cardinal', 'bishop',
  'archbishop', 'rabbi', 'imam', 'ayatollah', 'reverend', 'rev', 'father', 'sister', 'brother',
  'senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor',
  'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'adviser', 'advisor',
  'national security adviser', 'national security advisor', 'chancellor', 'premier', 'speaker',
  'judge', 'justice', 'chief justice', 'attorney general', 'director', 'chairman', 'chairwoman', 'chair',
  'ceo', 'leader', 'commissioner', 'inspector', 'investigator', 'detective', 'officer', 'constable', 'superintendent',
  'president-elect', 'deputy', 'acting',
];

/**
 * Capitalised words that are not names when they open a run: function words,
 * sentence openers, days and months. Stripped from the start of a run.
 */
export const OPENERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'to',
  'into', 'of', 'as', 'and', 'but', 'or', 'nor', 'so', 'yet', 'if', 'when', 'while', 'where', 'whereas',
  'after', 'before', 'during', 'since', 'until', 'under', 'over', 'amid', 'amidst', 'among', 'between',
  'despite', 'although', 'though', 'however', 'meanwhile', 'moreover', 'furthermore', 'also', 'still',
  'according', 'following', 'speaking', 'responding', 'asked', 'read', 'watch', 'see', 'also read',
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'there', 'here', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'earlier', 'later', 'last', 'next',
  'no', 'not', 'yes', 'oh', 'all', 'some', 'many', 'most', 'both', 'each', 'every', 'any', 'other',
  'what', 'who', 'why', 'how', 'which', 'whose', 'will', 'would', 'can', 'could', 'should', 'may', 'might',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Endings that make a different word of a name (Pakistan → Pakistani, Pakistanis; Ivan → Ivana): never a variant. */
const INFLECTIONS = ['s', 'es', 'i', 'is', 'n', 'an', 'ans', 'ian', 'ians', 'ese', 'er', 'ers', 'ite', 'ites', 'ism', 'ist', 'ists', 'a', 'ia'];

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Pattern source for one proper name: capitalised words, joined by spaces,
 * hyphens, particles ("Bunyaan al Marsoos", "Bunyan-un-Marsoos", "Lashkar-e-Taiba",
 * "Abu Bakr al-Baghdadi", "Line of Control"). A possessive 's ends the name.
 * No capture groups, so it can be embedded in a user pattern.
 */
export function nameSource(particles: readonly string[] = DEFAULT_PARTICLES): string {
  const parts = [...particles].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const joiners = [...new Set([...particles, ...CONNECTORS])].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const dash = '[-‐‑]';
  const apos = "['’]";
  // One capitalised word; an apostrophe inside continues it (O’Brien) unless a possessive or contraction follows ('s, 've, 're...).
  const plain = `\\p{Lu}[\\p{L}\\p{M}]*(?:${apos}(?!(?:[sSdDmMtT]|ve|re|ll)(?![\\p{L}\\p{M}]))[\\p{L}\\p{M}]+)*`;
  // Initialisms (U.S., D.C.) and initials or abbreviations followed by a capitalised word (S. Jaishankar, Gen. Munir).
  const word = `(?:(?:\\p{Lu}\\.){2,}|\\p{Lu}\\p{Ll}{0,3}\\.(?=[ \\t\\u00a0]+\\p{Lu})|${plain})`;
  // A word with hyphenated continuations: -Word, -particle-Word.
  const hyphenated = `(?:(?:${parts})${dash})?${word}(?:${dash}(?:(?:${parts})${dash})*${word})*`;
  // Words joined by spaces, optionally through lowercase particles or connectors.
  const gap = `[ \\t\\u00a0]+(?:(?:${joiners})(?:[ \\t\\u00a0]+|${dash}))*`;
  return `(?<![\\p{L}\\p{M}\\p{N}@#_])${hyphenated}(?:${gap}${hyphenated})*(?![\\p{L}\\p{M}\\p{N}])`;
}

/** Remove a trailing possessive ('s, ’s, s’) and surrounding punctuation. */
export function stripPossessive(s: string): string {
  return s.replace(/['’][sS]$/, '').replace(/(?<=[sS])['’]$/, '');
}

/**
 * The spelling as written, for comparison: case-folded, dashes/apostrophes unified,
 * periods dropped ("S. Jaishankar" = "S Jaishankar"), spaces collapsed. Diacritics
 * and hyphens are kept: they are part of the spelling.
 */
export function spellingOf(s: string): string {
  return stripPossessive(s.normalize('NFC').trim())
    .replace(/[‐‑–—]/g, '-')
    .replace(/[‘’´`]/g, "'")
    .replace(/\.(?=\p{L})/gu, '')
    .replace(/\./g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Lower-case, diacritics stripped: the letters of a name, in words (hyphens and spaces split words). */
export function wordsOf(s: string): string[] {
  return stripPossessive(s.trim())
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/\.(?=\p{L})/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Particles (a list, or a set made by dropSet) → the set of words dropped when comparing. */
export type Particles = readonly string[] | ReadonlySet<string>;

/** The words set aside when comparing: the particles and the connector “of”. */
export function dropSet(particles: readonly string[]): ReadonlySet<string> {
  return new Set([...particles.map((p) => p.toLowerCase()), ...CONNECTORS]);
}

const DEFAULT_DROP = dropSet(DEFAULT_PARTICLES);

/** The distinctive words: particles and connectors removed (unless nothing else is left). */
export function coreWords(s: string, particles: Particles = DEFAULT_DROP): string[] {
  const drop = Array.isArray(particles) ? dropSet(particles as readonly string[]) : (particles as ReadonlySet<string>);
  const words = wordsOf(s);
  const core = words.filter((w) => !drop.has(w));
  return core.length ? core : words;
}

/** One word folded to the letters that tell names apart. */
export function skeletonWord(w: string): string {
  let s = w.toLowerCase();
  s = s.replace(/ph/g, 'f').replace(/([bdgkt])h/g, '$1').replace(/ck/g, 'k').replace(/q/g, 'k');
  s = s.replace(/ee/g, 'i').replace(/oo|ou/g, 'u');
  s = s.replace(/(\D)\1+/g, '$1'); // doubled letters, not digits ("2214" is not "214")
  if (s.length > 2) s = s.replace(/y$/, 'i').replace(/ii$/, 'i');
  return s;
}

export interface NameKeys {
  /** Case-folded spelling (the Fact value). */
  spelling: string;
  /** Distinctive words, folded (space-separated). */
  skeleton: string;
  /** Blocking key: Double Metaphone primary code per skeleton word, concatenated. */
  key: string;
  /** Letters in the skeleton (spaces excluded). */
  letters: number;
}

/** Double Metaphone primary code of a word ('' when it has no Latin letters). */
export function metaphoneOf(word: string): string {
  if (!/[a-z]/.test(word)) return '';
  return metaphone.process(word)[0];
}

export function phoneticKey(skeletonWords: string[]): string {
  // a number in a name ("NV 2214", a rule's pattern may take one) keys as "#": "NV 2214" and "NV 2241" are compared
  const codes = skeletonWords.map((w) => (/\d/.test(w) ? `${metaphoneOf(w.replace(/\d+/g, ''))}#` : metaphoneOf(w)));
  // Names in other scripts have no metaphone: the skeleton itself is the key.
  return codes.every(Boolean) ? codes.join('') : skeletonWords.join('');
}

export function nameKeys(s: string, particles: Particles = DEFAULT_DROP): NameKeys {
  const words = coreWords(s, particles).map(skeletonWord).filter(Boolean);
  const skeleton = words.join(' ');
  return { spelling: spellingOf(s), skeleton, key: phoneticKey(words), letters: skeleton.replace(/ /g, '').length };
}

/** Lookup form for vocabulary terms: letters and digits only, no diacritics ("Bunyan-un-Marsoos" = "Bunyan un Marsoos"). */
export function lookupKey(s: string): string {
  return wordsOf(s).join('');
}

/** True when one skeleton is the other plus an English ending (Pakistan / Pakistani / Pakistanis). */
export function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || !long.startsWith(short)) return false;
  return INFLECTIONS.includes(long.slice(short.length));
}

/** Jaro-Winkler similarity of two skeletons, spaces ignored (0..1). */
export function similarity(a: string, b: string): number {
  const x = a.replace(/ /g, '');
  const y = b.replace(/ /g, '');
  if (x === y) return 1;
  return jaroWinkler(x, y);
}

/** True when two words differ only in a final a/e/o: gendered pairs such as Mario / Maria, Carla / Carlo. */
export function differsInFinalVowel(a: string, b: string): boolean {
  return a.length === b.length && a.length >= 3 && a.slice(0, -1) === b.slice(0, -1) && /[aeo]$/.test(a) && /[aeo]$/.test(b) && a !== b;
}

/**
 * True when two short words (under 5 letters) differ in one letter: other names
 * (Jon / Jan, Berg / Borg), as likely as a misspelling. Longer words do not
 * (Kleve / Klive, Ahmed / Ahmad). Only the join across sound keys (oneTypoApart)
 * keeps such words apart; under one key, Jaro-Winkler judges them (Marc / Mark).
 */
export function shortWordChanged(a: string, b: string): boolean {
  if (a.length !== b.length || a.length >= 5) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/**
 * True when two skeletons are different names that merely look alike: one adds an
 * English ending to the other (Pakistan / Pakistani), or, word by word, some word
 * does (Ivan Petrov / Ivana Petrov) or changes only its final vowel (Mario / Maria).
 */
export function distinctForms(a: string, b: string): boolean {
  if (isInflection(a.replace(/ /g, ''), b.replace(/ /g, ''))) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return false;
  return wa.some((w, i) => w !== wb[i] && (isInflection(w, wb[i]!) || differsInFinalVowel(w, wb[i]!)));
}

/** How alike (Jaro-Winkler) two skeletons must be to count as one name spelled two ways, unless a rule says otherwise. */
export const SAME_NAME_THRESHOLD = 0.86;

/** Whether two skeletons are spellings of one name: identical, or alike enough and not distinct forms. */
export function sameName(a: string, b: string, threshold: number): boolean {
  const x = a.replace(/ /g, '');
  const y = b.replace(/ /g, '');
  if (x === y) return true;
  if (distinctForms(a, b)) return false;
  return jaroWinkler(x, y) >= threshold;
}

/**
 * The fewest letters a word must have for one typo in it to make a misspelling rather
 * than another name: 6 in a name of several words whose other words are equal (the
 * given name vouches for the person), 8 in a name of one word (nothing else does).
 * "Jon" / "Jan", "Berg" / "Borg" stay apart; "Ostenberg" / "Osterberg" do not.
 */
export function typoMinLetters(words: number): number {
  return words > 1 ? 6 : 8;
}

/**
 * True when two skeletons are one name with one typo: the same words but one, and
 * that word, long enough (typoMinLetters) in both, keeps its first letter and differs
 * by one letter changed, added, dropped or two swapped (Damerau-Levenshtein 1) before
 * its last two letters, and is not a distinct form (Ivan / Ivana). Edits at the end
 * are left out: they make other words and other names (Hunter / Hunted, Larsen /
 * Larson, Johnson / Johnston).
 */
export function oneTypoApart(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return false;
  let d = -1;
  for (let i = 0; i < wa.length; i++) {
    if (wa[i] === wb[i]) continue;
    if (d >= 0) return false;
    d = i;
  }
  if (d < 0) return false;
  const [x, y] = wa[d]!.length <= wb[d]!.length ? [wa[d]!, wb[d]!] : [wb[d]!, wa[d]!];
  if (x.length < typoMinLetters(wa.length) || x[0] !== y[0] || distinctForms(x, y) || shortWordChanged(x, y)) return false;
  let p = 0;
  while (x[p] === y[p]) p++;
  if (p >= x.length - 2) return false;
  if (y.length === x.length + 1) return y.slice(p + 1) === x.slice(p);
  if (y.length !== x.length) return false;
  if (x.slice(p + 1) === y.slice(p + 1)) return true;
  return p + 1 < x.length - 2 && x[p] === y[p + 1] && x[p + 1] === y[p] && x.slice(p + 2) === y.slice(p + 2);
}

/**
 * Index keys of a skeleton for finding the skeletons one typo apart without
 * comparing all pairs ("symmetric delete"): for each word long enough to take a
 * typo, the name with that word as written, and with each letter that oneTypoApart
 * lets change deleted in turn. Two skeletons one typo apart always share a key;
 * skeletons that share one are checked with oneTypoApart.
 */
export function typoKeys(skeleton: string): string[] {
  const words = skeleton.split(' ');
  const min = typoMinLetters(words.length);
  const keys: string[] = [];
  words.forEach((w, i) => {
    if (w.length < min) return;
    const head = `${i}\u0000${words.slice(0, i).join(' ')}\u0000`;
    const tail = `\u0000${words.slice(i + 1).join(' ')}`;
    keys.push(head + w + tail);
    for (let p = 1; p < w.length - 2; p++) keys.push(head + w.slice(0, p) + w.slice(p + 1) + tail);
  });
  return keys;
}

/**
 * Clusters distinct skeletons (single link, union-find): identical skeletons join
 * at once; distinct ones are compared pairwise only while the bucket is small
 * (`maxPairs` skeletons); above that only identical skeletons join. Returns
 * clusters of indexes into `skeletons`, each sorted, clusters sorted by first index.
 */
export function clusterSkeletons(skeletons: string[], threshold: number, maxPairs = 40): number[][] {
  const { union, groups } = disjointSets(skeletons.length);
  const first = new Map<string, number>();
  const distinct: number[] = [];
  skeletons.forEach((s, i) => {
    const k = s.replace(/ /g, '');
    const j = first.get(k);
    if (j === undefined) {
      first.set(k, i);
      distinct.push(i);
    } else union(j, i);
  });
  if (distinct.length <= maxPairs) {
    for (let a = 0; a < distinct.length; a++) {
      for (let b = a + 1; b < distinct.length; b++) {
        const i = distinct[a]!;
        const j = distinct[b]!;
        if (sameName(skeletons[i]!, skeletons[j]!, threshold)) union(i, j);
      }
    }
  }
  return groups();
}

/**
 * Where a title phrase ends in a list of lower-case words: the index just after
 * the last title phrase, or 0 when there is none. `titles` are lower-case phrases.
 */
export function afterLastTitle(words: string[], titles: ReadonlySet<string>, maxTitleWords: number): number {
  let cut = 0;
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(maxTitleWords, words.length - i); n >= 1; n--) {
      if (titles.has(words.slice(i, i + n).join(' '))) {
        cut = Math.max(cut, i + n);
        break;
      }
    }
  }
  return cut;
}
