/**
 * Helpers for the quote rule: finding quoted passages (straight and curly,
 * double and single quotes, without mistaking apostrophes for quote marks),
 * normalising their words, comparing them (shingles, containment, word diff).
 * Pure functions of strings: no vocabulary, no articles.
 */
import { createHash } from 'node:crypto';
import { foldText } from '../vocab.js';

/* ------------------------------------------------------------------ quote marks */

export interface QuoteSpan {
  /** Offset of the opening mark (relative to the scanned text). */
  open: number;
  /** Offset of the closing mark, or the end of the text when the quote runs on (no closing mark). */
  close: number;
  /** Inner text bounds (trimmed of spaces and a trailing comma). */
  start: number;
  end: number;
  /** 'double' or 'single' quotes. */
  marks: 'double' | 'single';
  /** True when no closing mark was found before the end of the text (a quote running into the next paragraph). */
  unclosed: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;

/** True for a character JavaScript's \s matches (WhiteSpace and LineTerminator), by code unit. */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A letter or digit at text[k] (false outside the text); ASCII answered without a regex. */
function isWordCharAt(text: string, k: number): boolean {
  if (k < 0 || k >= text.length) return false;
  const c = text.charCodeAt(k);
  if (c < 0x80) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER.test(text[k]!);
}
/** A space at text[k], or no character at all (outside the text). */
function isSpaceAt(text: string, k: number): boolean {
  return k < 0 || k >= text.length || isSpaceCode(text.charCodeAt(k));
}

const LDQUO = 0x201c; // “
const RDQUO = 0x201d; // ”
const LSQUO = 0x2018; // ‘
const RSQUO = 0x2019; // ’
const DQUOTE = 0x22; // "
const APOS = 0x27; // '
/** Marks that may open a quote: all, or only double ones (single quotes are not looked for). */
const ANY_MARK = /[“"‘']/g;
const DOUBLE_MARK = /[“"]/g;
const DOUBLE_ANY = /[“”"]/g;

/** Trailing characters trimmed off a quote's inner text: spaces and , ; : — – - */
function isInnerTrailCode(c: number): boolean {
  return isSpaceCode(c) || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

function trimInner(text: string, a: number, b: number): [number, number] {
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isInnerTrailCode(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/**
 * Quoted passages of one paragraph. Double quotes (“…”, "…") are primary;
 * single quotes (‘…’, '…') count only outside double quotes, when the opening
 * mark starts a word and the closing mark ends one: ’ between letters (India’s,
 * it's) or after a plural (countries’) without an opening mark is an apostrophe.
 * Scans char codes: most characters are not quote marks and cost one comparison.
 */
export function findQuoteSpans(text: string, opts: { singleQuotes?: boolean } = {}): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const single = opts.singleQuotes ?? true;
  let i = 0;
  const n = text.length;
  const push = (open: number, close: number, marks: 'double' | 'single', unclosed: boolean) => {
    const [a, b] = trimInner(text, open + 1, close);
    if (b > a) out.push({ open, close, start: a, end: b, marks, unclosed });
  };
  const marks = single ? ANY_MARK : DOUBLE_MARK;
  while (i < n) {
    // jump to the next quote mark (other characters are never looked at)
    marks.lastIndex = i;
    if (!marks.test(text)) break;
    i = marks.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === LDQUO || (c === DQUOTE && !isWordCharAt(text, i - 1) && !isSpaceAt(text, i + 1))) {
      // find the closing mark: ” or " (a new “ before it means this one never closed)
      let close = -1;
      let reopen = -1;
      DOUBLE_ANY.lastIndex = i + 1;
      while (DOUBLE_ANY.test(text)) {
        const j = DOUBLE_ANY.lastIndex - 1;
        const d = text.charCodeAt(j);
        if (d === RDQUO || (d === DQUOTE && !isSpaceAt(text, j - 1))) {
          close = j;
          break;
        }
        if (d === LDQUO || (d === DQUOTE && isSpaceAt(text, j - 1) && !isSpaceAt(text, j + 1))) {
          reopen = j;
          break;
        }
      }
      if (close >= 0) {
        push(i, close, 'double', false);
        i = close + 1;
      } else if (reopen >= 0) {
        push(i, reopen, 'double', true);
        i = reopen;
      } else {
        push(i, n, 'double', true);
        i = n;
      }
      continue;
    }
    if (single && (c === LSQUO || c === APOS) && !isWordCharAt(text, i - 1) && isWordCharAt(text, i + 1)) {
      let close = -1;
      for (let j = i + 2; j < n && j - i < 400; j++) {
        const d = text.charCodeAt(j);
        if (d === LDQUO || d === RDQUO || d === DQUOTE || d === 0x0a) break;
        // ‘ closes with ’ or '; ' closes with ' only
        const closer = d === APOS || (c === LSQUO && d === RSQUO);
        if (closer && !isSpaceAt(text, j - 1) && !isWordCharAt(text, j + 1)) {
          close = j;
          break;
        }
      }
      if (close >= 0) {
        push(i, close, 'single', false);
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/* ------------------------------------------------------------------ words */

export interface Token {
  /** Normalised word: lower case, contractions expanded, British/American spelling unified. */
  norm: string;
  /** The word as a reader should see it in a diff (as written, or the expanded word). */
  show: string;
  /** Offsets in the source string of the written word. */
  start: number;
  end: number;
}

const WORD_RE = /\d+(?:st|nd|rd|th)(?![\p{L}])|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?|[\p{L}\p{N}@#][\p{L}\p{N}]*(?:(?:['’]|[-‐‑])[\p{L}\p{N}]+)*/gu;

const S_IS = new Set(['it', 'that', 'he', 'she', 'there', 'what', 'who', 'where', 'here', 'how', 'this']);
const NT_IRREGULAR: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

/** Words that carry little meaning on their own (negations are NOT here: they matter most). */
export const STOPWORDS = new Set(
  `a an the and or but if then so as of at by for from in into on onto to up with about over under than that this these those
  it its is are was were be been being am do does did have has had having will would shall should can could may might must
  i me my we us our you your he him his she her they them their there here what which who whom whose when where why how
  all any both each some such only own same too very just also now out off again further once s`.split(/\s+/),
);
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nothing', 'nobody', 'neither']);

function spell(w: string): string {
  // British/American spelling: emphasised/emphasized, organisation/organization, favour/favor
  return w
    .replace(/^([a-z]{2,})is(e|es|ed|ing|ation|ations)$/, '$1iz$2')
    .replace(/^([a-z]{2,})our(s|ed|ing|able|ite|ites)?$/, '$1or$2');
}

function expand(word: string): string[] {
  const w = word.replace(/’/g, "'");
  const m = /^(.*?)(n't|'re|'ve|'ll|'m|'d|'s)$/.exec(w);
  if (m && m[1]) {
    const stem = m[1];
    switch (m[2]) {
      case "n't":
        return [NT_IRREGULAR[stem] ?? stem, 'not'];
      case "'re":
        return [stem, 'are'];
      case "'ve":
        return [stem, 'have'];
      case "'ll":
        return [stem, 'will'];
      case "'m":
        return [stem, 'am'];
      case "'d":
        return [stem, 'would'];
      case "'s":
        if (stem === 'let') return ['let', 'us'];
        if (S_IS.has(stem)) return [stem, 'is'];
        return [w];
    }
  }
  if (w === 'cannot') return ['can', 'not'];
  return [w];
}

/**
 * How one written word is compared: its normalised parts (one, or two for a contraction)
 * and what each shows in a diff (null: the word as written). A pure function of the word,
 * memoised: news repeats its words, and folding (NFKD) and spelling rules are slow.
 */
type WordParts = { norm: string; show: string | null }[];
const wordMemo = new Map<string, WordParts>();
const MAX_WORD_MEMO = 100_000;

function partsOf(raw: string): WordParts {
  let parts = wordMemo.get(raw);
  if (parts) return parts;
  if (/^[\d,.]+%?$/.test(raw)) parts = [{ norm: raw.replace(/,/g, ''), show: null }];
  else {
    const folded = foldText(raw).replace(/[‐‑–—]/g, '-');
    const expanded = expand(folded);
    parts = expanded.length === 1 ? [{ norm: spell(expanded[0]!), show: null }] : expanded.map((p) => ({ norm: spell(p), show: p }));
  }
  if (wordMemo.size >= MAX_WORD_MEMO) wordMemo.clear();
  wordMemo.set(raw, parts);
  return parts;
}

/** The words of a stretch of text, normalised for comparison. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const raw = m[0];
    const start = base + m.index;
    const end = start + raw.length;
    for (const p of partsOf(raw)) out.push({ norm: p.norm, show: p.show ?? raw, start, end });
  }
  return out;
}

/** tokenize(text).map((t) => t.norm).join(' '), without building the tokens. */
export function normalizedText(text: string): string {
  const words = text.match(WORD_RE);
  if (!words) return '';
  const norms: string[] = [];
  for (const w of words) for (const p of partsOf(w)) norms.push(p.norm);
  return norms.join(' ');
}

/** True when the text has at least `min` words as wordCount counts them (stops counting there). */
export function hasWords(text: string, min: number): boolean {
  if (min <= 0) return true;
  WORD_RE.lastIndex = 0;
  let k = 0;
  while (WORD_RE.exec(text)) if (++k >= min) return true;
  return false;
}

/** Number of words as a reader counts them (contractions count once). */
export function wordCount(text: string): number {
  WORD_RE.lastIndex = 0;
  return (text.match(WORD_RE) ?? []).length;
}

/* ------------------------------------------------------------------ similarity */

export interface ShingleSet {
  bigrams: Set<string>;
  unigrams: Set<string>;
}

export function isStopword(w: string): boolean {
  return STOPWORDS.has(w);
}

/** Word bigrams (except those of two stopwords) and content words (negations included). */
export function shingles(words: string[]): ShingleSet {
  const bigrams = new Set<string>();
  const unigrams = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!STOPWORDS.has(w) || NEGATIONS.has(w)) unigrams.add(w);
    if (i + 1 < words.length) {
      const v = words[i + 1]!;
      if (!(STOPWORDS.has(w) && STOPWORDS.has(v))) bigrams.add(`${w} ${v}`);
    }
  }
  return { bigrams, unigrams };
}

function containment(a: Set<string>, b: Set<string>): number | undefined {
  const min = Math.min(a.size, b.size);
  if (min === 0) return undefined;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / min;
}

/**
 * How much of the shorter passage the longer one contains, 0..1: the mean of
 * bigram containment (word order) and content-word containment (vocabulary).
 * An excerpt scores 1; a dropped "not" or a changed number costs little.
 */
export function similarity(a: ShingleSet, b: ShingleSet): number {
  const bi = containment(a.bigrams, b.bigrams);
  const uni = containment(a.unigrams, b.unigrams);
  if (bi === undefined && uni === undefined) return 0;
  if (bi === undefined) return uni!;
  if (uni === undefined) return bi;
  return (bi + uni) / 2;
}

/** Stable short hash of a string (for keys: never depends on positions). */
export function hash(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 12);
}

/* ------------------------------------------------------------------ sequences */

/** True when `needle` occurs word for word (contiguous) inside `hay`. */
export function containsSequence(hay: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  if (needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type DiffOp = 'same' | 'added' | 'removed';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** One word of an alignment: `at` is its index in the base (for an added word: the base index it stands before). */
export interface AlignedWord {
  op: DiffOp;
  tok: Token;
  at: number;
}

/**
 * Word alignment from `base` to `other` (LCS on normalised words), word by word;
 * undefined when the two are too long to align.
 */
export function alignWords(base: Token[], other: Token[]): AlignedWord[] | undefined {
  const n = base.length;
  const m = other.length;
  if (n * m > 4_000_000) return undefined;
  // dp[i][j] = LCS length of base[i..] and other[j..]
  const dp: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) dp.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = base[i]!.norm === other[j]!.norm ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const raw: AlignedWord[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && base[i]!.norm === other[j]!.norm) {
      raw.push({ op: 'same', tok: other[j]!, at: i });
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i]![j + 1]! >= dp[i + 1]![j]!)) {
      raw.push({ op: 'added', tok: other[j]!, at: i });
      j++;
    } else {
      raw.push({ op: 'removed', tok: base[i]!, at: i });
      i++;
    }
  }
  return raw;
}

/**
 * An alignment without the base words missing only at the very start or end of
 * the other wording: a quote that starts later or stops sooner is an excerpt,
 * not a change of words. A changed lead-in (words dropped AND added before the
 * first shared word) is kept, and so is an edge whose words turn up as added
 * words elsewhere (moved, not left out).
 */
export function trimExcerptEdges(raw: AlignedWord[]): AlignedWord[] {
  const first = raw.findIndex((r) => r.op === 'same');
  if (first < 0) return raw;
  let last = raw.length - 1;
  while (raw[last]!.op !== 'same') last--;
  const lead = raw.slice(0, first);
  const trail = raw.slice(last + 1);
  // words dropped at an edge but added elsewhere were moved (“X, so Y” → “Y. X”): a reordering, kept
  const added = new Set(raw.filter((r) => r.op === 'added' && !STOPWORDS.has(r.tok.norm)).map((r) => r.tok.norm));
  const keep = (edge: AlignedWord[]) => (edge.every((r) => r.op === 'removed' && !added.has(r.tok.norm)) ? [] : edge);
  return [...keep(lead), ...raw.slice(first, last + 1), ...keep(trail)];
}

/** Aligned words merged into runs of the same op, a removal shown before the addition that replaces it. */
export function mergeDiff(raw: AlignedWord[]): DiffPart[] {
  const ops: DiffPart[] = [];
  for (const r of raw) {
    const last = ops[ops.length - 1];
    if (last && last.op === r.op) last.text += ` ${r.tok.show}`;
    else ops.push({ op: r.op, text: r.tok.show });
  }
  for (let k = 0; k + 1 < ops.length; k++) {
    if (ops[k]!.op === 'added' && ops[k + 1]!.op === 'removed') {
      const t = ops[k]!;
      ops[k] = ops[k + 1]!;
      ops[k + 1] = t;
    }
  }
  return ops;
}

/**
 * Word diff from `base` to `other` (LCS on normalised words): 'removed' = in the
 * base wording but not in the other, 'added' = only in the other. Runs of the
 * same op are merged; texts are the words as written. With `excerpt`, base words
 * missing only before the other's first or after its last shared word are left
 * out (see trimExcerptEdges).
 */
export function wordDiff(base: Token[], other: Token[], opts: { excerpt?: boolean } = {}): DiffPart[] {
  const raw = alignWords(base, other);
  if (!raw) {
    // too long to align: show both wholesale
    const ops: DiffPart[] = [
      { op: 'removed', text: base.map((t) => t.show).join(' ') },
      { op: 'added', text: other.map((t) => t.show).join(' ') },
    ];
    return ops.filter((o) => o.text);
  }
  return mergeDiff(opts.excerpt ? trimExcerptEdges(raw) : raw);
}

/** Length of the longest common subsequence of two word lists. */
export function lcsLength(a: string[], b: string[]): number {
  if (a.length * b.length > 4_000_000) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
