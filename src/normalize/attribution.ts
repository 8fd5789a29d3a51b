/**
 * Helpers for the `attribution` rule type: speech verbs, content words of a
 * statement, and grouping statements of several articles by content (an index
 * from word pairs to statements: never all pairs). Pure functions of strings.
 */
import { foldText } from '../vocab.js';
import { disjointSets } from './unionfind.js';

/** Verbs that credit what follows (or precedes) to their subject: "Leavitt said", "stated Bruce". */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'noted', 'notes', 'remarked', 'posted',
  'wrote', 'writes', 'tweeted', 'announced', 'announces', 'confirmed', 'confirms', 'affirmed', 'highlighted', 'claimed',
  'claims', 'insisted', 'explained', 'asserted', 'declared', 'commented', 'observed', 'revealed', 'warned', 'warns',
  'argued', 'acknowledged', 'admitted', 'mentioned', 'recalled', 'replied', 'responded', 'cautioned', 'disclosed',
  'indicated', 'pointed out', 'made it clear', 'made clear', 'maintained', 'conceded', 'predicted', 'estimated',
  'saying', 'stating', 'adding', 'noting', 'telling', 'confirming', 'writing', 'posting', 'tweeting', 'warning',
  'claiming', 'insisting', 'explaining', 'highlighting', 'asserting', 'declaring', 'remarking', 'announcing',
  'affirming', 'cautioning', 'arguing',
];

/**
 * Verbs that report speech only with a clause or a quote after them ("stressed
 * that…", "emphasised: “…”"); "Rubio emphasised the need for…" is what Rubio did,
 * not a credit.
 */
export const CLAUSE_VERBS: readonly string[] = [
  'emphasised', 'emphasized', 'emphasising', 'emphasizing', 'stressed', 'stressing', 'underscored', 'underscoring',
  'reiterated', 'reiterating', 'urged', 'assured', 'signalled', 'signaled', 'suggested', 'reported', 'believes',
  'believed', 'hoped', 'expressed',
];

const STOPWORDS = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto over under about against between through ' +
    'during before after above below up down out off again further then once here there when where why how all any ' +
    'both each few more most other some such only own same so than too very can will just should now is are ' +
    'was were be been being have has had having do does did doing would could might must shall may this that these ' +
    'those i me my we our you your he him his she her it its they them their what which who whom whose also ' +
    'said says told stated added noted according while if because until since though although however one two ' +
    'us'
  ).split(' '),
);

/** Light stemming: British -ise → -ize, plural and verb endings dropped ("emphasised" ~ "emphasized" ~ "emphasising"). */
export function stemWord(w: string): string {
  // string tests instead of three regular expressions per word (this runs for every word of every statement)
  let s = w;
  const ise = iseSuffix(w);
  if (ise >= 0) s = `${w.slice(0, ise)}iz${w.slice(ise + 2)}`;
  const end = s.endsWith('ing') ? 3 : s.endsWith('ed') || s.endsWith('es') ? 2 : s.endsWith('s') ? 1 : 0;
  if (end > 0 && s.length - end >= 4) s = s.slice(0, -end);
  return s.endsWith('e') ? s.slice(0, -1) : s;
}

/** Where "is" starts in a word ending "-ise", "-ised", "-ises", "-ising" or "-isation" (at most one of them fits), else -1. */
function iseSuffix(w: string): number {
  for (const tail of ISE_TAILS) if (w.endsWith(tail)) return w.length - tail.length;
  return -1;
}
const ISE_TAILS = ['ise', 'ised', 'ises', 'ising', 'isation'];

/**
 * Words that turn a statement around: kept as content words ("would not raise
 * taxes" is not "would raise taxes"), and two statements of which only one has
 * any are never the same statement.
 */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'neither', 'none', 'nothing', 'nobody', 'cannot', 'without']);

/** Content words a statement needs, whatever its length in words, to be compared safely. */
export const MIN_CONTENT_WORDS = 3;

/** All words of a statement (letters or digits), as written: "would not raise property taxes" → 5. */
export function wordCount(text: string): number {
  if (!PLAIN.test(text)) return text.match(UNICODE_WORD)?.length ?? 0;
  // plain text (nearly all of it): the matches of [A-Za-z0-9]+(?:['’][A-Za-z]+)?, counted without building them
  let n = 0;
  const end = text.length;
  let i = 0;
  while (i < end) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    n++;
    while (i < end && isAlnum(text.charCodeAt(i))) i++;
    const q = text.charCodeAt(i);
    if ((q === 39 || q === 0x2019) && isLetter(text.charCodeAt(i + 1))) for (i++; i < end && isLetter(text.charCodeAt(i)); ) i++;
  }
  return n;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * "Plain" text: ASCII and the typographic quotes, dashes and no-break space
 * news text is full of. None of them is a letter or digit, and foldText maps
 * each to an ASCII character or space (‑ through NFKD to ‐, then -), so their
 * words can be read without Unicode normalisation or property classes. (´ is
 * not among them: NFKD turns it into a space and a mark, not an apostrophe.)
 */
const PLAIN = /^[\x00-\x7f‘’“”‐‑–—\u00a0]*$/;
const UNICODE_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Content words of a statement: folded, stop words dropped (negations kept), stemmed; "didn't" → "did", "not". */
export function contentWords(text: string): string[] {
  const words = PLAIN.test(text) ? plainWords(text) : unicodeWords(text);
  if (!words) return [];
  const out: string[] = [];
  for (const w of words) if (!STOPWORDS.has(w) && (w.length > 1 || (w >= '0' && w <= '9'))) out.push(stemWord(w));
  return out;
}

/**
 * contentWords(text).length >= n, without building the words: extraction only
 * asks whether a piece of text has enough content words. Plain text without a
 * contraction ("n't", "can't") is scanned in place: a word is a run of letters,
 * digits and dashes (contentWords drops dashes, joining what they separate),
 * lower-cased as it is read; a stop word is recognised by its hash and then
 * compared letter by letter. Anything else goes through contentWords.
 */
export function hasContentWords(text: string, n: number): boolean {
  if (n <= 0) return true;
  if (!PLAIN.test(text) || CONTRACTION.test(text)) return contentWords(text).length >= n;
  let count = 0;
  const end = text.length;
  let i = 0;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (!isAlnum(c) && !isDash(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    let len = 0;
    let digit = false;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (isAlnum(c)) {
        if (c <= 57) digit = true;
        h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c | 32 : c)) | 0;
        len++;
      } else if (!isDash(c)) break;
    }
    if (len === 0 || (len === 1 && !digit)) continue;
    const stop = STOP_HASHES.get(h);
    if (stop !== undefined && stop.some((w) => sameWord(text, start, i, w))) continue;
    if (++count >= n) return true;
  }
  return false;
}

/** An apostrophe (any of those foldText turns into ') before t or T, dashes between (they go first): contentWords expands "n't", "can't", "won't". */
const CONTRACTION = /[‘’`'][‐‑–—-]*[tT]/;

function isDash(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2014;
}

/** text[start, end), dashes left out and lower-cased, equals the lower-case word w. */
function sameWord(text: string, start: number, end: number, w: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDash(c)) continue;
    if (k >= w.length || (c >= 65 && c <= 90 ? c | 32 : c) !== w.charCodeAt(k)) return false;
    k++;
  }
  return k === w.length;
}

function stringHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

const STOP_HASHES = new Map<number, string[]>();
for (const w of STOPWORDS) {
  const h = stringHash(w);
  (STOP_HASHES.get(h) ?? STOP_HASHES.set(h, []).get(h)!).push(w);
}

/** The words of folded text, as foldText and the contractions below would give them. */
function unicodeWords(text: string): RegExpMatchArray | null {
  return expandContractions(foldText(text).replace(/[‐‑–—-]/g, '')).match(/[\p{L}\p{N}]+/gu);
}

/**
 * The same for plain text (see PLAIN), where folding comes down to lower-casing,
 * one apostrophe and no dashes (spaces do not matter to the words): no
 * normalisation and no Unicode patterns. Each replacement runs only when its
 * character is there.
 */
function plainWords(text: string): RegExpMatchArray | null {
  let t = text.toLowerCase();
  if (/[‘’`]/.test(t)) t = t.replace(/[‘’`]/g, "'");
  if (/[‐‑–—-]/.test(t)) t = t.replace(/[‐‑–—-]/g, '');
  if (t.includes("'")) t = expandContractions(t);
  return t.match(/[a-z0-9]+/g);
}

function expandContractions(t: string): string {
  return t
    .replace(/\b(can)['’]t\b/g, '$1 not')
    .replace(/\b(won)['’]t\b/g, 'will not')
    .replace(/n['’]t\b/g, ' not');
}

/** Pairs of consecutive content words (order-sensitive shingles). */
export function wordPairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

export interface StatementKey {
  words: Set<string>;
  pairs: Set<string>;
  /** The statement has a negation ("not", "never", "no"…). */
  negated: boolean;
}

export function statementKey(text: string): StatementKey {
  const w = contentWords(text);
  return { words: new Set(w), pairs: new Set(wordPairs(w)), negated: w.some((x) => NEGATIONS.has(x)) };
}

function shared<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/**
 * How much of the shorter statement the longer one contains: the larger of the
 * share of its word pairs and (a little discounted) the share of its content
 * words. 1 = one contains the other.
 */
export function similarity(a: StatementKey, b: StatementKey): { score: number; sharedWords: number; sharedPairs: number } {
  const sw = shared(a.words, b.words);
  const sp = shared(a.pairs, b.pairs);
  // "would not raise taxes" against "would raise taxes": opposite statements, not one
  if ((a.negated ?? false) !== (b.negated ?? false)) return { score: 0, sharedWords: sw, sharedPairs: sp };
  const wMin = Math.min(a.words.size, b.words.size) || 1;
  const pMin = Math.min(a.pairs.size, b.pairs.size) || 1;
  const score = Math.max(sp / pMin, 0.9 * (sw / wMin));
  return { score, sharedWords: sw, sharedPairs: sp };
}

export interface ClusterInput {
  /** Which article the statement is from: statements of one article are never linked directly. */
  article: string;
  key: StatementKey;
}

/** Most statements a word pair or word may index before it is too common to suggest candidates. */
export const MAX_POSTING = 50;

/** A statement key as one string (identical keys, identical strings); computed once per key object. */
const canons = new WeakMap<StatementKey, string>();

function canonOf(key: StatementKey): string {
  let c = canons.get(key);
  if (c === undefined) {
    c = `${[...key.words].sort().join(' ')}\u0000${[...key.pairs].sort().join('\u0001')}`;
    canons.set(key, c);
  }
  return c;
}

/**
 * Groups statements that say the same thing (similarity ≥ minScore with at
 * least minShared common content words, or all of a shorter statement's, with a
 * floor of 3), across articles. Identical statements
 * (same content words and word pairs) collapse into one entry with the list of
 * their occurrences, so a statement repeated by hundreds of articles costs one
 * entry. Candidates between entries come from an index of word pairs and words
 * whose lists are capped (a word pair or word found in more than MAX_POSTING
 * distinct statements suggests none), never from all pairs: the work grows
 * linearly with the number of statements. Returns clusters as sorted index
 * lists, in order of their first index.
 */
export function clusterStatements(items: ClusterInput[], minScore: number, minShared: number): number[][] {
  // 1. distinct statements
  interface Entry {
    key: StatementKey;
    members: number[];
    articles: Set<string>;
  }
  const entries: Entry[] = [];
  const entryOf = new Int32Array(items.length);
  const byCanon = new Map<string, number>();
  items.forEach((it, i) => {
    const canon = canonOf(it.key);
    let e = byCanon.get(canon);
    if (e === undefined) {
      e = entries.length;
      byCanon.set(canon, e);
      entries.push({ key: it.key, members: [], articles: new Set() });
    }
    entries[e]!.members.push(i);
    entries[e]!.articles.add(it.article);
    entryOf[i] = e;
  });

  // common content words two statements need: minShared, or all the words of a short statement (at least 3)
  const floor = Math.min(MIN_CONTENT_WORDS, minShared);
  const need = (a: StatementKey, b: StatementKey) => Math.max(floor, Math.min(minShared, a.words.size, b.words.size));

  const { find, union } = disjointSets(entries.length);
  // an entry linked to another, or to itself across articles, holds its occurrences together
  const unit = new Uint8Array(entries.length);

  // 2. postings over distinct statements
  const byPair = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  entries.forEach((en, i) => {
    for (const p of en.key.pairs) (byPair.get(p) ?? byPair.set(p, []).get(p)!).push(i);
    for (const w of en.key.words) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(i);
  });
  const hits = new Map<number, number>();
  entries.forEach((en, i) => {
    hits.clear();
    let own = 0;
    const bump = (list: number[] | undefined) => {
      if (!list || list.length > MAX_POSTING) return;
      own++;
      for (const j of list) if (j > i) hits.set(j, (hits.get(j) ?? 0) + 1);
    };
    for (const p of en.key.pairs) bump(byPair.get(p));
    for (const w of en.key.words) bump(byWord.get(w));
    // the same statement in several articles
    if (en.articles.size >= 2 && own >= need(en.key, en.key)) {
      const s = similarity(en.key, en.key);
      if (s.score >= minScore && s.sharedWords >= need(en.key, en.key)) unit[i] = 1;
    }
    for (const [j, n] of [...hits].sort((x, y) => x[0] - y[0])) {
      const other = entries[j]!;
      if (n < need(en.key, other.key)) continue;
      // statements of one article are never linked directly
      if (en.articles.size === 1 && other.articles.size === 1 && en.articles.values().next().value === other.articles.values().next().value) continue;
      const s = similarity(en.key, other.key);
      if (s.score >= minScore && s.sharedWords >= need(en.key, other.key)) {
        union(i, j);
        unit[i] = 1;
        unit[j] = 1;
      }
    }
  });

  // 3. occurrences → clusters
  const groups = new Map<string, number[]>();
  items.forEach((_, i) => {
    const e = entryOf[i]!;
    const k = unit[e] ? `e${find(e)}` : `i${i}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(i);
  });
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
