/**
 * quote: direct quotations must match across articles.
 *
 * extract() reads one article: it finds quoted passages paragraph by paragraph
 * (curly and straight quotes, double and single; quotes split by an attribution;
 * quoted posts set on their own lines above a "— Name (@handle) date" line),
 * works out who is quoted (the name beside a speech verb before or after the
 * quote, "according to X", the subject of the sentence, a pronoun resolved to
 * the last named speaker; vocabulary aliases give the canonical speaker, else
 * the surname), and emits one fact per sentence of each quote. Every fact has
 * the subject key `quotes`, so compare() sees all quotes of the run at once.
 *
 * compare() aligns those sentences across articles through an inverted index
 * (word bigram / content word → sentence ids), so the work grows with the
 * number of quotes, not its square. Sentences that are the same statement
 * (similar enough; same speaker or unknown) are joined into clusters; each
 * cluster is classified: verbatim (same words, or an excerpt contained word for
 * word: no finding), variant (words added, dropped or changed: a finding with a
 * word diff), paraphrase (same speaker, much lower overlap: a variant with
 * details.paraphrase), or misattributed (the same words credited to different
 * named people: a contradiction).
 */
import { evidence, isWrapped, sentenceAt } from '../articles/parse.js';
import { RuleError } from '../errors.js';
import { cmp, listArticles, makeFinding, outliersOf } from '../findings.js';
import { nameKeys, SAME_NAME_THRESHOLD, sameName } from '../normalize/names.js';
import { TITLE_HEADS } from '../normalize/titles.js';
import {
  alignWords,
  containsSequence,
  findQuoteSpans,
  hash,
  hasWords,
  isSpaceCode,
  isStopword,
  lcsLength,
  mergeDiff,
  normalizedText,
  shingles,
  similarity,
  tokenize,
  trimExcerptEdges,
  wordCount,
  wordDiff,
  type AlignedWord,
  type DiffPart,
  type QuoteSpan,
  type ShingleSet,
  type Token,
} from '../normalize/quotes.js';
import { entityFilter, entityTerms, findEntity, foldText, mayMatch, mentions, type Mention } from '../vocab.js';
import type { Article, Entity, Evidence, Fact, Finding, Rule, RuleType, Sentence, ValueGroup, Vocabulary } from '../types.js';

export interface QuoteOptions {
  min_words: number;
  threshold: number;
  paraphrase_threshold: number;
  attribution_threshold: number;
  single_quotes: boolean;
  speakers: string[];
}

const DEFAULTS: QuoteOptions = {
  min_words: 5,
  threshold: 0.6,
  paraphrase_threshold: 0.4,
  attribution_threshold: 0.8,
  single_quotes: true,
  speakers: [],
};

/* ------------------------------------------------------------------ English patterns (no story knowledge) */

const VERBS_PAST =
  'said|says|say|told|tells|added|adds|noted|notes|stated|states|wrote|writes|posted|tweeted|remarked|declared|explained|insisted|claimed|argued|warned|announced|confirmed|replied|answered|continued|recalled|observed|commented|responded|asked|admitted|conceded|acknowledged|emphasi[sz]ed|stressed|urged|pledged|vowed|promised|concluded|quipped|shouted|cautioned|predicted|suggested|mentioned|reiterated|underlined|affirmed|highlighted|maintained|countered|testified|agreed|assured|boasted|complained|denied|disclosed|joked|recounted|revealed|wondered|told reporters';
const VERBS_ING =
  'saying|telling|adding|noting|stating|writing|posting|tweeting|remarking|declaring|explaining|insisting|claiming|arguing|warning|announcing|confirming|replying|answering|recalling|observing|commenting|responding|asking|admitting|acknowledging|emphasi[sz]ing|stressing|urging|pledging|vowing|promising|concluding|cautioning|predicting|suggesting|mentioning|reiterating|underlining|affirming|highlighting|maintaining|assuring|revealing|describing|calling';
const VERBS_ALL = `${VERBS_PAST}|${VERBS_ING}`;
const ADV = '(?:also|later|then|again|once|previously|earlier|further|has|had|have|would|will|reportedly|repeatedly|simply|flatly|separately)';
const PARTICLE = '(?:al|el|ul|un|bin|ibn|de|da|del|della|der|van|von|la|le|du|dos|das|di)';
const NAME_TOKEN = `(?:\\p{Lu}[\\p{L}\\p{N}’'.\\-]*|(?:al|el|ul|un)-\\p{Lu}[\\p{L}’'\\-]*)`;
const NAME = `${NAME_TOKEN}(?:\\s+(?:${NAME_TOKEN}|${PARTICLE}(?=\\s+\\p{Lu})))*`;
const PRON = '(?:he|she|they|He|She|They)';
const APPOS = '(?:\\s*,[^“”"_\\n]{1,140}?,)?';
const LEAD = '^[\\s,.!?;:…—–\\-]*';

const AFTER_NAME_VERB = new RegExp(`${LEAD}((?:the|The)\\s+)?(?:\\p{Ll}[\\p{L}\\-]*\\s+){0,3}?(${NAME}|${PRON})${APPOS}\\s+(?:${ADV}\\s+)?(?:${VERBS_PAST})(?![\\p{L}])`, 'u');
// "said fire chief Ruth Okonkwo": up to three lower-case words (a title) before the name, as in AFTER_NAME_VERB
const AFTER_VERB_NAME = new RegExp(`${LEAD}(?:${VERBS_PAST})\\s+((?:the|The)\\s+)?(?:\\p{Ll}[\\p{L}\\-]*\\s+){0,3}?(${NAME}|he|she|they)(?![\\p{L}])`, 'u');
const BEFORE = new RegExp(
  `(?:^|[\\s,(;])((?:the|The)\\s+)?(${NAME}|${PRON})${APPOS}\\s+(?:${ADV}\\s+)?(?:${VERBS_ALL})(?:\\s+(?!that\\b)[\\p{L}\\p{N}’'.\\-]+){0,4}?\\s*(?:,|:|\\s+that)?\\s*$`,
  'u',
);
const FUNCTION_END = /(?<![\p{L}])(?:to|for|of|with|about|on|at|in|as|the|a|an|will|would|should|could|can|be|is|was|were|are|his|her|their|its|and|or|by|from)\s*$/iu;
const ACCORDING = new RegExp(`according to\\s+((?:the|The)\\s+)?(${NAME})`, 'u');
/** The speech verbs as words (emphasi[sz]ed spelt out): VERB_ANY's matches are exactly the letter runs in this set. */
const verbWords = (alternatives: string): Set<string> =>
  new Set(
    alternatives
      .split('|')
      .filter((v) => !v.includes(' '))
      .flatMap((v) => (v.includes('[sz]') ? [v.replace('[sz]', 's'), v.replace('[sz]', 'z')] : [v])),
  );
const VERB_WORDS = verbWords(VERBS_ALL);
const PAST_WORDS = verbWords(VERBS_PAST);
const VERB_MIN = Math.min(...[...VERB_WORDS].map((v) => v.length));
const VERB_MAX = Math.max(...[...VERB_WORDS].map((v) => v.length));
/** Bit i set: some verb starts with the i-th letter of the alphabet. */
const VERB_FIRST = [...VERB_WORDS].reduce((bits, v) => bits | (1 << (v.charCodeAt(0) - 97)), 0);

const IS_LETTER = /^\p{L}$/u;
/** Per UTF-16 code unit of the BMP: 0 not yet known, 1 a letter (\p{L}), 2 not a letter. */
const letterTable = new Uint8Array(0x10000);

/** Length in code units of the letter (\p{L}) at text[i]: 1, 2 (a letter outside the BMP), or 0 when it is not a letter. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return IS_LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = letterTable[c]!;
  if (k === 0) letterTable[c] = k = IS_LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}
const NAME_ANY = new RegExp(`(?<![\\p{L}\\p{N}])${NAME}`, 'gu');
/** Where a NAME can start: an upper-case letter, or al-/el-/ul-/un- before one. */
const NAME_START = /\p{Lu}|(?:al|el|ul|un)-\p{Lu}/gu;
/** NAME matched exactly at lastIndex. */
const NAME_AT = new RegExp(NAME, 'uy');
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The matches of NAME_ANY in text, in order (as matchAll gives them). NAME_ANY
 * looks behind at every position of the text; here a plain search finds the
 * positions where a name can start, and the look-behind and NAME are tried only
 * there. Text with surrogate pairs (letters outside the BMP) takes matchAll.
 */
function namesIn(text: string, each: (start: number, name: string) => void): void {
  if (SURROGATE.test(text)) {
    for (const m of text.matchAll(NAME_ANY)) each(m.index!, m[0]);
    return;
  }
  let from = 0;
  for (;;) {
    NAME_START.lastIndex = from;
    const c = NAME_START.exec(text);
    if (!c) return;
    const p = c.index;
    if (p === 0 || !LETTER_OR_DIGIT.test(text[p - 1]!)) {
      NAME_AT.lastIndex = p;
      const m = NAME_AT.exec(text);
      if (m) {
        each(p, m[0]);
        from = p + m[0].length;
        continue;
      }
    }
    from = p + 1;
  }
}

const PRON_ANY = /(?<![\p{L}])(?:he|she|they|He|She|They)(?![\p{L}])/gu;
/*
 * A speech verb is a whole run of letters (\p{L}+) that is one of VERB_WORDS:
 * the same matches as /(?<![\p{L}])(?:VERBS_ALL)(?![\p{L}])/gu, found by
 * scanning letter runs and a set lookup instead of trying ~110 alternatives at
 * every position ("told reporters" never matches there: "told" comes first).
 */
function speechVerbs(text: string, words: Set<string> = VERB_WORDS): { index: number; word: string }[] {
  const out: { index: number; word: string }[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let len = letterAt(text, i);
    if (len === 0) {
      i++;
      continue;
    }
    // a run of letters: only one of lower-case ASCII letters of a verb's length and first letter is looked up
    const start = i;
    let lower = true;
    while (len > 0) {
      const c = text.charCodeAt(i);
      if (c < 97 || c > 122) lower = false;
      i += len;
      len = i < n ? letterAt(text, i) : 0;
    }
    const size = i - start;
    if (lower && size >= VERB_MIN && size <= VERB_MAX && VERB_FIRST & (1 << (text.charCodeAt(start) - 97))) {
      const word = text.slice(start, i);
      if (words.has(word)) out.push({ index: start, word });
    }
  }
  return out;
}

/**
 * Could BEFORE match, given the last speech verb of the text? Its verb is
 * followed by at most four words, then "that" or a comma or colon ("told
 * reporters" adds one word): more than six chunks of non-space after the
 * last verb leave no verb near enough to the end.
 */
function verbNearEnd(text: string, last: { index: number; word: string }): boolean {
  let chunks = 0;
  let inChunk = false;
  for (let i = last.index + last.word.length; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) inChunk = false;
    else if (!inChunk) {
      inChunk = true;
      if (++chunks > 6) return false;
    }
  }
  return true;
}

/**
 * The end of text.slice(0, end) with its trailing spaces and at most `keep`
 * characters before them: an end-anchored regex (…\s*$) whose match and
 * look-behind reach back at most `keep` characters before the spaces gives the
 * same answer on it as on the whole prefix, without trying every position.
 */
function tailOf(text: string, end: number, keep: number): string {
  let e = end;
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return text.slice(Math.max(0, e - keep), end);
}

const PREPOSITIONS = new Set(['with', 'to', 'by', 'from', 'of', 'for', 'against', 'about', 'on', 'at', 'in', 'into', 'toward', 'towards', 'between', 'among', 'after', 'before', 'over', 'under', 'like', 'than', 'called', 'urged', 'asked', 'told']);

/** Capitalised words that start sentences but are not names. */
const NOT_NAMES = new Set(
  `the a an on in at as after before amid despite although though while when whenever meanwhile however but and or if according
  speaking responding highlighting asked asking this that these those it its their his her our we i you yesterday today tonight
  earlier later also still then now thus so during since until following with without from for by to of there here what which who
  why how read watch see also in-depth`.split(/\s+/),
);
/** Words that form titles and institutions: a phrase made of these only is not a person. */
const TITLE_WORDS = new Set(
  `president vice prime minister secretary press spokesperson spokesman spokeswoman chief general gen mr mrs ms dr prof professor sir dame
  senator sen rep representative governor gov mayor judge justice king queen prince princess pope chancellor ambassador envoy director
  commissioner officer captain lieutenant colonel sergeant admiral marshal state states affairs external foreign home defence defense
  national security adviser advisor deputy house white department ministry office us u.s. uk u.k. un u.n. united nations army navy
  police court council government administration federal interior finance treasury of and the for`.split(/\s+/),
);

/* ------------------------------------------------------------------ speakers */

type How = 'named' | 'inferred';
interface Speaker {
  key: string;
  label: string;
  how: How;
  note: string;
  /** How a surname sounds (not for vocabulary entities): "Marques" and "Marquez" sound alike. */
  sound?: string;
  /** Inferred from a pronoun in the sentence that names the speaker or the next one (“Marchetti said… “…,” she said”). */
  near?: boolean;
}
interface Attribution {
  speaker?: Speaker;
  /** A pronoun that still needs the last named speaker. */
  pronoun?: string;
}

/*
 * Entity mentions with a cheap pre-check: vocab.ts's entityFilter (a run of each
 * term's letters, whatever their diacritics) on the lower-cased text, so that
 * the slower mention pattern is not run where it cannot match. Text holding ſ
 * (which lower-cases to itself but matches s) skips the pre-check.
 */
/** Lower-cased text for mayMention, or undefined when the pre-check cannot be trusted (ſ). */
function lowerForCheck(text: string): string | undefined {
  return text.includes('ſ') ? undefined : text.toLowerCase();
}

function mayMention(lower: string | undefined, e: Entity): boolean {
  return lower === undefined || mayMatch(entityFilter(e), lower);
}

/** mentions(text, e) for every entity, in vocabulary order, skipping entities the text cannot mention. */
function mentionsOfAll(text: string, vocab: Vocabulary, each: (e: Entity, m: Mention) => void): void {
  const lower = lowerForCheck(text);
  for (const e of vocab.entities) if (mayMention(lower, e)) for (const m of mentions(text, e)) each(e, m);
}

type Best = { e: Vocabulary['entities'][number]; end: number; len: number } | undefined;
/** Entity scans of name phrases, per vocabulary: a pure function of the phrase, memoised (phrases recur). */
const entityMemo = new WeakMap<Vocabulary, Map<string, Best>>();

/** The entity a phrase names: the mention ending last (the longest of those). */
function entityIn(text: string, vocab: Vocabulary): Best {
  let memo = entityMemo.get(vocab);
  if (!memo) entityMemo.set(vocab, (memo = new Map()));
  if (memo.has(text)) return memo.get(text);
  let best: Best;
  mentionsOfAll(text, vocab, (e, m) => {
    if (!best || m.end > best.end || (m.end === best.end && m.end - m.start > best.len)) best = { e, end: m.end, len: m.end - m.start };
  });
  if (memo.size >= 20_000) memo.clear();
  memo.set(text, best);
  return best;
}

function cleanPhrase(phrase: string): string[] {
  const toks = phrase.split(/\s+/).filter(Boolean);
  while (toks.length && NOT_NAMES.has(toks[0]!.toLowerCase())) toks.shift();
  return toks;
}

/** A name phrase → canonical speaker: a vocabulary entity when one is named in it, else the surname. */
function resolveName(phrase: string, vocab: Vocabulary, how: How, why: string, minTokens = 1): Speaker | undefined {
  const who = whoIs(phrase, vocab, minTokens);
  return who ? { key: who.key, label: who.label, how, note: `speaker ${who.label} (${why})`, ...(who.sound ? { sound: who.sound } : {}) } : undefined;
}

type Who = { key: string; label: string; sound?: string } | null;
/** whoIs per vocabulary and phrase (a pure function of both; names recur). */
const whoMemo = new WeakMap<Vocabulary, Map<string, Who>>();

/** resolveName's key and label (null: not a speaker). */
function whoIs(phrase: string, vocab: Vocabulary, minTokens: number): Who {
  let memo = whoMemo.get(vocab);
  if (!memo) whoMemo.set(vocab, (memo = new Map()));
  const k = `${minTokens}\u0000${phrase}`;
  let who = memo.get(k);
  if (who === undefined) {
    who = findWho(phrase, vocab, minTokens);
    if (memo.size >= 20_000) memo.clear();
    memo.set(k, who);
  }
  return who;
}

function findWho(phrase: string, vocab: Vocabulary, minTokens: number): Who {
  const toks = cleanPhrase(phrase);
  if (toks.length === 0) return null;
  const text = toks.join(' ');
  const best = entityIn(text, vocab);
  if (best) {
    // "India’s Operation Sindoor": a possessive is not the speaker
    if (/^['’]s\b/.test(text.slice(best.end))) return null;
    return { key: best.e.id, label: best.e.name };
  }
  if (toks.length < minTokens) return null;
  if (toks.every((t) => TITLE_WORDS.has(t.toLowerCase().replace(/[’']s$/, '')))) return null;
  const last = toks[toks.length - 1]!;
  if (/[’']s$/.test(last)) return null;
  const surname = last.replace(/\.+$/, '');
  if (surname.replace(/[^\p{L}]/gu, '').length < 2) return null;
  const key = foldText(surname).replace(/[^\p{L}\p{N}-]/gu, '');
  // a surname of four letters or more has a sound (shorter ones, "Lee" and "Li", are too alike to tell apart)
  const sound = /^\p{L}[\p{L}\p{M}'’-]{3,}$/u.test(surname) ? nameKeys(surname).key : '';
  return { key, label: surname, ...(sound ? { sound } : {}) };
}

function attributionFromMatch(m: string, the: boolean, vocab: Vocabulary, how: How, why: string): Attribution | undefined {
  if (/^(?:he|she|they)$/i.test(m)) return { pronoun: m.toLowerCase() };
  const s = resolveName(m, vocab, how, why);
  if (s) return { speaker: s };
  if (the) {
    // “the White House said”: an institution speaks; its whole name is the key
    const label = cleanPhrase(m).join(' ');
    if (label) return { speaker: { key: foldText(label).replace(/[^\p{L}\p{N}]+/gu, '-'), label: `the ${label}`, how, note: `speaker the ${label} (${why})` } };
  }
  return undefined;
}

interface Actor {
  start: number;
  end: number;
  text: string;
  entity: boolean;
}

/* ------------------------------------------------------------------ extraction */

interface RawQuote {
  /** Offsets in article.text. */
  open: number;
  close: number;
  start: number;
  end: number;
  paragraph: number;
  unclosed: boolean;
  form: 'inline' | 'post';
  attribution?: Attribution;
  speaker?: Speaker;
  /** The paragraph says, outside the quote marks, that the words are a translation. */
  translated?: boolean;
}

/**
 * Words outside the quote marks that make a quote a translation: "translated",
 * "through an interpreter", "said in Arabic" (a language, not "in French Guiana").
 * Two outlets translating one remark word it differently; that is not a misquote.
 */
const TRANSLATED = new RegExp(
  [
    // "translated by/from", "(translated)", "in translation"; not "translated into losses"
    String.raw`\b[Tt]ranslated (?:by|from)\b|\([Tt]ranslated\)|\b[Tt]ranslation (?:by|from)\b|\bin translation\b`,
    String.raw`\b(?:[Tt]hrough|[Vv]ia|[Ww]ith) an? (?:interpreter|translator)\b`,
    // a speech verb in a language: "said in Spanish", "speaking in Arabic"; not "attacks from Russian forces", "in Russian-held", "in French Guiana"
    String.raw`\b(?:said|says|say|spoke|speaks|speaking|wrote|writes|writing|added|adds|posted|tweeted|told|answered|replied|asked|addressed)(?: \p{L}+){0,2}? in (?:Arabic|Bengali|Burmese|Cantonese|Dari|Dutch|Farsi|French|German|Greek|Hebrew|Hindi|Indonesian|Italian|Japanese|Korean|Kurdish|Malay|Mandarin|Pashto|Persian|Polish|Portuguese|Punjabi|Russian|Spanish|Swahili|Tagalog|Tamil|Thai|Turkish|Ukrainian|Urdu|Vietnamese)\b(?!-|[ \t]+\p{Lu})`,
  ].join('|'),
  'u',
);

const SIGNATURE = /^\s*[—–―-]{1,2}\s*(\p{Lu}[^()\n]*?)\s*(?:\(@[\w.]+\))?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\d{4}-\d\d-\d\d)?\s*$/u;

/**
 * A quote that ends the line right above a signature line, and has no speaker
 * of its own, is the signer's: “We will rebuild every home.” / — Ana Lima,
 * mayor of Dastra. The name is the signature up to its first comma; a byline
 * ("— By Ana Lima") signs nothing. Whether it was taken.
 */
function signQuoteAbove(quotes: RawQuote[], text: string, [a, b]: [number, number], signed: string, line: string, vocab: Vocabulary): boolean {
  if (/^by\s/i.test(signed)) return false;
  const q = quotes.find((x) => x.form === 'inline' && !x.attribution && !x.unclosed && x.close >= a && x.close < b && !/[\p{L}\p{N}]/u.test(text.slice(x.close + 1, b)));
  const speaker = q && resolveName(signed.split(',')[0]!.trim(), vocab, 'named', `signature “${line.trim()}” under the quote`);
  if (!q || !speaker) return false;
  q.attribution = { speaker };
  return true;
}

function paragraphsOf(article: Article): Sentence[][] {
  const out: Sentence[][] = [];
  for (const s of article.sentences) {
    const last = out[out.length - 1];
    if (last && last[0]!.paragraph === s.paragraph) last.push(s);
    else out.push([s]);
  }
  return out;
}

function attribute(
  q: RawQuote,
  article: Article,
  masked: string,
  pStart: number,
  para: Sentence[],
  vocab: Vocabulary,
  actorsOf: () => Actor[],
): Attribution | undefined {
  const sOpen = sentenceAt(article, q.open) ?? para[0]!;
  const closeAt = Math.min(q.close, para[para.length - 1]!.end - 1);
  const sClose = sentenceAt(article, closeAt) ?? para[para.length - 1]!;
  const rel = (x: number) => x - pStart;
  const before = masked.slice(rel(sOpen.start), rel(q.open));
  const after = q.unclosed ? '' : masked.slice(rel(q.close + 1), rel(sClose.end));
  let m = saysAfter(after);
  if (m) {
    const a = attributionFromMatch(m[2]!, Boolean(m[1]), vocab, 'named', `“${m[0].replace(/^[\s,.!?;:…—–-]+/, '').trim()}” after the quote`);
    if (a) return a;
  }
  // a partial quote that starts mid-clause ("asked Islamabad to “take…”") is not introduced by its speaker
  // FUNCTION_END's longest word is 6 letters, plus its look-behind: 8 characters are enough.
  // BEFORE needs a speech verb (a whole letter run) near the end of `before` (verbNearEnd).
  const verbs = speechVerbs(before);
  m = verbs.length === 0 || !verbNearEnd(before, verbs[verbs.length - 1]!) || FUNCTION_END.test(tailOf(before, before.length, 8)) ? null : BEFORE.exec(before);
  if (m) {
    const a = attributionFromMatch(m[2]!, Boolean(m[1]), vocab, 'named', `“${m[0].trim().replace(/[,:]$/, '')}” before the quote`);
    if (a) return a;
  }
  if (!q.unclosed && !/[\p{L}]/u.test(after)) {
    // “…possible.” Leavitt said. — a short attribution may stand alone in the next sentence
    const next = para.find((s) => s.start >= sClose.end);
    const t = next ? masked.slice(rel(next.start), rel(next.end)) : '';
    if (next && t.length <= 80 && !/[“”"‘_]/.test(t)) {
      m = saysAfter(t);
      if (m) {
        const a = attributionFromMatch(m[2]!, Boolean(m[1]), vocab, 'named', `“${t.trim()}” after the quote`);
        if (a) return a;
      }
    }
  }
  // "according to" lies within one side ("according" has no space): the cheap test first
  m = before.includes('according') || after.includes('according') ? ACCORDING.exec(`${before} ${after}`) : null;
  if (m) {
    const a = attributionFromMatch(m[2]!, Boolean(m[1]), vocab, 'named', `“according to ${m[2]}”`);
    if (a) return a;
  }
  // the subject of the speech verb nearest before the quote ("Jaishankar made India’s position clear, stating that …")
  let vi = verbs.length - 1;
  while (vi > 0 && /\band\s*$/.test(tailOf(before, verbs[vi]!.index, 4))) vi--;
  if (vi < 0) return undefined;
  const verbAt = rel(sOpen.start) + verbs[vi]!.index;
  const sentStart = rel(sOpen.start);
  const candidates = actorsOf().filter((x) => x.start >= sentStart && x.end <= verbAt);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const x = candidates[i]!;
    if (/^['’]s\b/.test(masked.slice(x.end, x.end + 3))) continue;
    const prev = /([\p{L}]+)\s*$/u.exec(masked.slice(Math.max(0, x.start - 20), x.start));
    if (prev && PREPOSITIONS.has(prev[1]!.toLowerCase())) continue;
    const why = `subject of “${verbs[vi]!.word}”`;
    if (/^(?:he|she|they)$/i.test(x.text)) return { pronoun: x.text.toLowerCase() };
    const s = resolveName(x.text, vocab, 'inferred', why, x.entity ? 1 : 2);
    if (s) return { speaker: s };
  }
  return undefined;
}

/**
 * “…,” Rubio said / said Rubio: both patterns need a past-tense speech verb as
 * a whole run of letters (it follows a space and precedes a non-letter), so
 * text without one is not tried.
 */
function saysAfter(text: string): RegExpExecArray | null {
  if (speechVerbs(text, PAST_WORDS).length === 0) return null;
  return AFTER_NAME_VERB.exec(text) ?? titledAfterVerb(AFTER_VERB_NAME.exec(text));
}

const HEADS = new Set(TITLE_HEADS);
const PAST_VERB = new RegExp(`^(?:${VERBS_PAST})$`);

/**
 * "said fire chief Ruth Okonkwo": lower-case words between the verb and the
 * name must end in a title word (chief, spokesman, director...), or "said
 * residents of Dastra" would make Dastra the speaker.
 */
function titledAfterVerb(m: RegExpExecArray | null): RegExpExecArray | null {
  if (!m) return null;
  const words = m[0].slice(0, m[0].length - m[2]!.length).trim().split(/\s+/);
  const last = words[words.length - 1]!;
  if (PAST_VERB.test(last) || PAST_VERB.test(words.slice(-2).join(' ')) || /^the$/i.test(last)) return m;
  return HEADS.has(last) ? m : null;
}

function findActors(masked: string, vocab: Vocabulary): Actor[] {
  const out: Actor[] = [];
  mentionsOfAll(masked, vocab, (_e, m) => out.push({ start: m.start, end: m.end, text: m.text, entity: true }));
  const covered = (a: number, b: number) => out.some((x) => x.entity && x.start < b && a < x.end);
  namesIn(masked, (a, name) => {
    const b = a + name.length;
    if (!covered(a, b)) out.push({ start: a, end: b, text: name, entity: false });
  });
  for (const m of masked.matchAll(PRON_ANY)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], entity: false });
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** The text with every quote's inner characters (between its marks) replaced by _ (spans come in order and never overlap). */
function maskQuotes(text: string, spans: QuoteSpan[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    const a = s.open + 1;
    const b = Math.min(s.close, text.length);
    if (b <= a) continue;
    parts.push(text.slice(at, a), '_'.repeat(b - a));
    at = b;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function quotesOf(article: Article, o: QuoteOptions, vocab: Vocabulary): RawQuote[] {
  const quotes: RawQuote[] = [];
  const paras = paragraphsOf(article);
    for (const para of paras) {
    const pStart = para[0]!.start;
    const pEnd = para[para.length - 1]!.end;
    const text = article.text.slice(pStart, pEnd);
    const spans = findQuoteSpans(text, { singleQuotes: o.single_quotes });
    if (spans.length === 0) continue;
    const masked = maskQuotes(text, spans);
    const translated = TRANSLATED.test(masked);
    let actors: Actor[] | undefined;
    const actorsOf = () => (actors ??= findActors(masked, vocab));
    for (const s of spans) {
      if (para.some((x) => x.related && pStart + s.open >= x.start && pStart + s.open < x.end)) continue; // another story's quote
      const q: RawQuote = {
        open: pStart + s.open,
        close: pStart + s.close,
        start: pStart + s.start,
        end: pStart + s.end,
        paragraph: para[0]!.paragraph,
        unclosed: s.unclosed,
        form: 'inline',
        ...(translated ? { translated } : {}),
      };
      q.attribution = attribute(q, article, masked, pStart, para, vocab, actorsOf);
      quotes.push(q);
    }
  }
  // quoted posts set as their own lines above a signature line "— Name (@handle) date"
  const text = article.text;
  const starts = article.lineStarts;
  const lineAt = (i: number): [number, number] => {
    const a = starts[i]!;
    let b = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
    if (text[b - 1] === '\r') b--;
    return [a, b];
  };
  let wrapped: boolean | undefined; // isWrapped(text), needed only at a blank line above a signature
  let opening = -1; // the article's first line that is not blank, found at the first signature
  for (let li = 0; li < starts.length; li++) {
    const [ls, le] = lineAt(li);
    if (text[ls] === undefined || !/^\s*[—–―-]/.test(text.slice(ls, ls + 4))) continue;
    const line = text.slice(ls, le);
    const sig = SIGNATURE.exec(line);
    if (!sig) continue;
    // the article's opening lines over "— Name" are a headline and its byline, not a post or a signed quote
    if (opening < 0) while (!text.slice(...lineAt(++opening)).trim());
    if (li > opening + 1 && signQuoteAbove(quotes, text, lineAt(li - 1), sig[1]!, line, vocab)) continue;
    const speaker = resolveName(sig[1]!, vocab, 'named', `signature “${line.trim()}”`);
    let first = li;
    let blanks = 0;
    for (let k = li - 1; k >= 0 && li - k <= 12; k--) {
      const [a, b] = lineAt(k);
      const t = text.slice(a, b);
      if (!t.trim()) {
        // a blank line ends the post in wrapped text; in one-paragraph-a-line text it only separates lines
        if ((wrapped ??= isWrapped(text)) || ++blanks > 1) break;
        continue;
      }
      blanks = 0;
      if (t.length > 300 || /[“”"]/.test(t) || /:\s*$/.test(t) || SIGNATURE.test(t)) break;
      first = k;
    }
    if (first === li || first === opening) continue;
    const start = lineAt(first)[0];
    let end = lineAt(li - 1)[1];
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    quotes.push({
      open: start,
      close: end,
      start,
      end,
      paragraph: sentenceAt(article, start)?.paragraph ?? 0,
      unclosed: false,
      form: 'post',
      ...(speaker ? { attribution: { speaker } } : {}),
    });
  }
  quotes.sort((a, b) => a.open - b.open);

  // pronouns → the last named speaker; quotes without attribution inherit from their neighbours
  let lastNamed: Speaker | undefined;
  let lastNamedSentence = -1;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    const a = q.attribution;
    const at = sentenceAt(article, q.open)?.index ?? 0;
    if (a?.speaker) {
      q.speaker = a.speaker;
      lastNamed = a.speaker;
      lastNamedSentence = at;
    } else if (a?.pronoun) {
      // a person who became the subject of a sentence since the last named speaker takes over (“Rubio reiterated… He also urged…”)
      const recent = recentSubject(article, lastNamedSentence, at, q.open, quotes, vocab);
      const who = recent?.speaker ?? lastNamed;
      if (who) {
        q.speaker = {
          key: who.key,
          label: who.label,
          how: 'inferred',
          note: `speaker ${who.label} (“${a.pronoun}” taken as ${recent ? 'the person last named as a subject' : 'the last named speaker'})`,
          ...((recent ? recent.sentence : lastNamedSentence) >= at - 1 ? { near: true } : {}),
        };
      }
    } else {
      const prev = quotes[i - 1];
      if (prev?.speaker && (prev.paragraph === q.paragraph || prev.unclosed)) q.speaker = { ...prev.speaker, note: `${prev.speaker.note}; same speaker as the quote before` };
    }
  }
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i]!;
    const next = quotes[i + 1]!;
    if (!q.speaker && !q.attribution && next.speaker && (next.paragraph === q.paragraph || q.unclosed)) {
      q.speaker = { ...next.speaker, note: `${next.speaker.note}; same speaker as the quote after` };
    }
  }
  return quotes;
}

/**
 * The person most recently named as the subject of a sentence after sentence
 * `after` and up to sentence `before` (at most a few sentences back): the first
 * name near the start of the sentence, when it is a person (a vocabulary entity
 * not of another kind, or a full name). A sentence that holds a quote counts by
 * its words before the first quote mark and before a pronoun (“Lefèvre said the
 * march was peaceful. “We will…,” he said” when the two are one sentence), and
 * sentence `before` only up to the quote at `open`; a name inside any quote, or
 * after a preposition, is not a subject.
 */
function recentSubject(article: Article, after: number, before: number, open: number, quotes: RawQuote[], vocab: Vocabulary): { speaker: Speaker; sentence: number } | undefined {
  for (let i = before; i > after && i >= before - 6; i--) {
    const s = article.sentences[i]!;
    if (s.related) continue;
    let end = i === before ? Math.max(0, open - s.start) : s.text.length;
    const mark = /[“”"]/.exec(s.text);
    if (mark && mark.index <= end) {
      // a lead-in to a quote, up to its own pronoun (“She added that Dupont has been in “…”” is hers)
      const pronoun = /\b(?:he|she|they)\b/i.exec(s.text.slice(0, mark.index));
      end = pronoun ? pronoun.index : mark.index;
    }
    const head = s.text.slice(0, Math.min(end, 80));
    if (!/\p{Lu}/u.test(head)) continue;
    const actors = findActors(head, vocab).filter((x) => x.start <= 60 && !/^(?:he|she|they)$/i.test(x.text) && !quotes.some((q) => q.open <= s.start + x.start && s.start + x.start <= q.close));
    for (const x of actors.slice(0, 2)) {
      if (/^['’]s\b/.test(head.slice(x.end, x.end + 3))) continue;
      const prev = /([\p{L}]+)\s*$/u.exec(head.slice(Math.max(0, x.start - 20), x.start));
      if (prev && PREPOSITIONS.has(prev[1]!.toLowerCase())) continue; // “Asked about Dupont, he said…”
      if (x.entity) {
        const lower = lowerForCheck(x.text);
        const e = vocab.entities.find((en) => mayMention(lower, en) && mentions(x.text, en).length > 0);
        if (e && e.kind && !/person|people|official|individual/i.test(e.kind)) continue;
      }
      const sp = resolveName(x.text, vocab, 'inferred', 'subject of an earlier sentence', x.entity ? 1 : 2);
      if (sp) return { speaker: sp, sentence: i };
    }
  }
  return undefined;
}

/** [\s“”"‘'], by code unit: what a quote piece does not start with. */
function isLeadCode(c: number): boolean {
  return isSpaceCode(c) || c === 0x201c || c === 0x201d || c === 0x22 || c === 0x2018 || c === 0x27;
}
/** [\s“”"’',;:—–-], by code unit: what a quote piece does not end with. */
function isTrailCode(c: number): boolean {
  return isSpaceCode(c) || c === 0x201c || c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27 || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

/** Sentence-level pieces of a quote: the quote cut at sentence ends, pieces under min_words joined to the next. */
function piecesOf(article: Article, q: RawQuote, minWords: number): [number, number][] {
  const raw: [number, number][] = [];
  const first = sentenceAt(article, q.start)?.index ?? 0;
  for (let i = first; i < article.sentences.length; i++) {
    const s = article.sentences[i]!;
    if (s.start >= q.end) break;
    if (s.end <= q.start) continue;
    let a = Math.max(s.start, q.start);
    let b = Math.min(s.end, q.end);
    while (a < b && isLeadCode(article.text.charCodeAt(a))) a++;
    while (b > a && isTrailCode(article.text.charCodeAt(b - 1))) b--;
    if (b > a && /[\p{L}\p{N}]/u.test(article.text.slice(a, b))) raw.push([a, b]);
  }
  const out: [number, number][] = [];
  let cur: [number, number] | undefined;
  for (let k = 0; k < raw.length; k++) {
    const p = raw[k]!;
    cur = cur ? [cur[0], p[1]] : [p[0], p[1]];
    // the last piece goes to `out` as it is when `out` is still empty, however few its words: no need to count them
    if ((k === raw.length - 1 && out.length === 0) || hasWords(article.text.slice(cur[0], cur[1]), minWords)) {
      out.push(cur);
      cur = undefined;
    }
  }
  if (cur) {
    if (out.length) out[out.length - 1] = [out[out.length - 1]![0], cur[1]];
    else out.push(cur);
  }
  return out;
}

/*
 * V8 builds the result of replace(/\s+/g, ' ') and of template literals as a
 * chain of concatenated-string nodes (one per piece): kept in a fact, a quoted
 * sentence costs some 40 small heap objects that every garbage collection has
 * to copy. Reading one character flattens such a string in place (the chain
 * becomes garbage at once). Nothing else changes: the string is the same.
 */
function flattened(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** The text on one line (runs of white space as one space), flat. */
function oneLine(s: string): string {
  return /\s\s|[^\S ]/.test(s) ? flattened(s.replace(/\s+/g, ' ')) : s;
}

/* ------------------------------------------------------------------ comparison */

/**
 * One speaker whose surname the articles spell in different ways ("Marques",
 * "Marquez": the same sound, see nameKeys, and alike as the name rule judges
 * spellings) is one speaker: each other spelling → the most cited one of its
 * sound (ties: the first in key order), with its label. Only surnames have a
 * sound; vocabulary entities are one speaker already.
 */
function oneSpelling(facts: Fact[]): Map<string, { key: string; label: string }> {
  const bySound = new Map<string, Map<string, { n: number; label: string }>>();
  for (let i = 0; i < facts.length; i++) {
    const d = facts[i]!.data;
    const sound = d?.speakerSound;
    const key = d?.speaker;
    if (typeof sound !== 'string' || typeof key !== 'string') continue;
    let keys = bySound.get(sound);
    if (!keys) bySound.set(sound, (keys = new Map()));
    const k = keys.get(key);
    if (k) k.n++;
    else keys.set(key, { n: 1, label: typeof d!.speakerLabel === 'string' ? d!.speakerLabel : key });
  }
  const out = new Map<string, { key: string; label: string }>();
  for (const keys of bySound.values()) {
    if (keys.size < 2) continue;
    const [key, top] = [...keys].sort((x, y) => y[1].n - x[1].n || cmp(x[0], y[0]))[0]!;
    const skeleton = nameKeys(key).skeleton;
    for (const k of keys.keys()) if (k !== key && sameName(nameKeys(k).skeleton, skeleton, SAME_NAME_THRESHOLD)) out.set(k, { key, label: top.label });
  }
  return out;
}

/**
 * The spelling of each speaker that most articles use ("Núñez" in three
 * articles, "Nunez" in one: the speaker is labelled Núñez, whichever article
 * comes first). Only speakers written more than one way are in the map; ties go
 * to the spelling met first.
 */
function commonLabels(facts: Fact[], spelledAs: Map<string, { key: string; label: string }>): Map<string, string> {
  const byKey = new Map<string, Map<string, Set<string>>>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    const d = f.data;
    if (typeof d?.speaker !== 'string' || typeof d.speakerLabel !== 'string') continue;
    const key = spelledAs.get(d.speaker)?.key ?? d.speaker;
    let labels = byKey.get(key);
    if (!labels) byKey.set(key, (labels = new Map()));
    const arts = labels.get(d.speakerLabel);
    if (arts) arts.add(f.article);
    else labels.set(d.speakerLabel, new Set([f.article]));
  }
  const out = new Map<string, string>();
  for (const [key, labels] of byKey) {
    if (labels.size < 2) continue;
    let best = '';
    let n = 0;
    for (const [label, arts] of labels) if (arts.size > n) [best, n] = [label, arts.size];
    out.set(key, best);
  }
  return out;
}

/** What every unit of one quote template shares (its data and its words). */
interface UnitMeta {
  raw: string;
  piece: number;
  speaker: string | null;
  speakerLabel: string | null;
  how: How | 'unknown';
  /** A pronoun right after the speaker's name (Speaker.near). */
  nearName: boolean;
  form: string;
  post: boolean;
  translated: boolean;
  tokens: Token[];
  words: string[];
  /** words.join(' ') */
  joined: string;
  sh: ShingleSet;
  /** Index of its distinct wording (its normalised words). */
  wording: number;
}

/**
 * A quote (or one sentence of it) in one article: its own four fields, the
 * rest read from what its template shares (a run can hold a million units).
 */
class QuoteUnit {
  readonly article: string;
  constructor(
    readonly id: number,
    readonly fact: Fact,
    /** Which quote of which article it is part of (a number per quote of the run). */
    readonly quote: number,
    private readonly m: UnitMeta,
  ) {
    this.article = fact.article;
  }
  /** What it shares with every unit of its template. */
  get meta(): UnitMeta {
    return this.m;
  }
  get piece(): number {
    return this.m.piece;
  }
  get speaker(): string | null {
    return this.m.speaker;
  }
  get speakerLabel(): string | null {
    return this.m.speakerLabel;
  }
  get how(): How | 'unknown' {
    return this.m.how;
  }
  get nearName(): boolean {
    return this.m.nearName;
  }
  get form(): string {
    return this.m.form;
  }
  get post(): boolean {
    return this.m.post;
  }
  get translated(): boolean {
    return this.m.translated;
  }
  get tokens(): Token[] {
    return this.m.tokens;
  }
  get words(): string[] {
    return this.m.words;
  }
  get joined(): string {
    return this.m.joined;
  }
  get sh(): ShingleSet {
    return this.m.sh;
  }
  get wording(): number {
    return this.m.wording;
  }
}

interface Unit extends Omit<UnitMeta, 'raw'> {
  meta: UnitMeta;
  id: number;
  fact: Fact;
  article: string;
  quote: number;
}

interface Wording {
  value: string;
  display: string;
  articles: string[];
  evidence: Evidence[];
  segments: string[][];
  tokens: Token[];
  post: boolean;
  speakers: Set<string>;
  /** Articles that say these words are a translation. */
  translatedIn: Set<string>;
}

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[hi] = lo;
    return lo;
  }
}

const MAX_POSTINGS = 64;
/** Shortest quoted sentence that can show the same words credited to two different people. */
const CROSS_SPEAKER_MIN_WORDS = 8;
/** Share of the shorter wording's words that must survive in the other for a variant (below: a paraphrase). */
const PARAPHRASE_KEPT = 2 / 3;

function quoteText(s: string, max = 90): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max).replace(/\s\S*$/, '')}…` : t}”`;
}

function describeChanges(parts: DiffPart[], many = true): string {
  const v = (verb: string) => (many ? verb : `${verb}s`);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.op === 'same') continue;
    const next = parts[i + 1];
    if (p.op === 'removed' && next?.op === 'added') {
      out.push(`${v('change')} “${p.text}” to “${next.text}”`);
      i++;
    } else out.push(`${v(p.op === 'removed' ? 'drop' : 'add')} “${p.text}”`);
  }
  const shown = out.slice(0, 3).join(', ');
  return out.length > 3 ? `${shown} and ${v('make')} ${out.length - 3} more change${out.length - 3 > 1 ? 's' : ''}` : shown;
}

/**
 * Do two wordings agree? Yes when every segment of one is contained word for word
 * in the other (an excerpt), or when both are single passages that share one
 * unbroken run of at least `minWords` words and differ only beyond its ends
 * (two overlapping excerpts of one statement: “He reiterated his calls…” and
 * “…and reiterated his calls…”).
 */
function consistent(a: Wording, b: Wording, minWords: number): boolean {
  if (inside(a, b) || inside(b, a)) return true;
  if (a.segments.length !== 1 || b.segments.length !== 1) return false;
  const parts = wordDiff(a.tokens, b.tokens);
  const at = parts.findIndex((p) => p.op === 'same');
  if (at < 0 || parts.some((p, i) => i !== at && p.op === 'same')) return false;
  if (wordCount(parts[at]!.text) < minWords) return false;
  const edgeOk = (edge: DiffPart[]) => {
    const removed = edge.filter((p) => p.op === 'removed');
    const added = edge.filter((p) => p.op === 'added');
    if (!removed.length || !added.length) return true;
    // a different lead-in is fine only when one side is a mere pronoun or particle (“He reiterated…”)
    const allStop = (ps: DiffPart[]) => ps.every((p) => tokenize(p.text).every((t) => isStopword(t.norm)));
    return allStop(removed) || allStop(added);
  };
  const lead = parts.slice(0, at);
  const trail = parts.slice(at + 1);
  if (!edgeOk(lead) || !edgeOk(trail)) return false;
  if (lead.length && trail.length) {
    // words moved from one end to the other are a reordering, not two excerpts
    const side = (op: string) => shingles(tokenize(parts.filter((p) => p.op === op).map((p) => p.text).join(' ')).map((t) => t.norm));
    if (similarity(side('removed'), side('added')) >= 0.5) return false;
  }
  return true;
}

/** Every segment of `x` stands word for word inside a segment of `y`. */
function inside(x: Wording, y: Wording): boolean {
  return x.segments.every((s) => y.segments.some((t) => containsSequence(t, s)));
}

interface WordingPlan {
  /** The wording the others are judged against: the fullest wording with the most support. */
  ref: Wording;
  /** ref and the wordings quoted word for word inside it (its excerpts). */
  family: Wording[];
  /** Wordings that change words (not consistent with ref), in report order. */
  odd: Wording[];
  /** Articles of the odd wordings, when ref has more support than any other full wording. */
  outliers: string[];
}

/**
 * Which wording is the reference and which change words. A wording contained
 * word for word in a fuller one (an excerpt) is folded into it: it agrees with
 * the full quote, adds to its support when it fits only that one, and is never
 * an outlier. The reference is the full wording ("head") with the most support;
 * the odd wordings are those not consistent with it. Undefined: nothing differs.
 */
function planWordings(groups: Wording[], minWords: number): WordingPlan | undefined {
  const fuller = (g: Wording, h: Wording) => g !== h && h.tokens.length > g.tokens.length && inside(g, h);
  const heads = groups.filter((g) => !groups.some((h) => fuller(g, h)));
  const support = new Map<Wording, Set<string>>(heads.map((h) => [h, new Set(h.articles)]));
  for (const g of groups) {
    if (heads.includes(g)) continue;
    const holders = heads.filter((h) => fuller(g, h));
    // an excerpt of several full wordings says nothing about how they differ
    if (holders.length === 1) for (const a of g.articles) support.get(holders[0]!)!.add(a);
  }
  const rank = (x: Wording, y: Wording) =>
    support.get(y)!.size - support.get(x)!.size || Number(y.post) - Number(x.post) || y.tokens.length - x.tokens.length || cmp(x.value, y.value);
  const ordered = [...heads].sort(rank);
  const oddOf = (r: Wording) => groups.filter((g) => g !== r && !consistent(g, r, minWords));
  let ref = ordered[0]!;
  let odd = oddOf(ref);
  if (odd.length === 0) {
    // the best-supported wording may be short enough to fit every other one: try the longest
    const longest = [...heads].sort((x, y) => y.tokens.length - x.tokens.length || cmp(x.value, y.value))[0]!;
    const oddL = oddOf(longest);
    if (oddL.length === 0) return undefined;
    ref = longest;
    odd = oddL;
  }
  const family = groups.filter((g) => g === ref || fuller(g, ref));
  const refSupport = support.get(ref)!.size;
  let rival = 0; // a loop, not Math.max(...): there can be more wordings than a call takes arguments
  for (const h of heads) if (h !== ref) rival = Math.max(rival, support.get(h)!.size);
  const outliers = refSupport > rival ? [...new Set(odd.flatMap((g) => g.articles))].sort(cmp) : [];
  return { ref, family, odd, outliers };
}

/**
 * What a changed wording is compared with: the wording of ref's family it
 * overlaps most (fewest changed words once the excerpt's own edges are set
 * aside; then the longest), the alignment, and every article of the family
 * whose words cover the changed stretch (they all quote it as the base does).
 */
function diffBase(g: Wording, family: Wording[]): { base: Wording; raw?: AlignedWord[]; against: string[] } {
  let best: { base: Wording; raw?: AlignedWord[]; cost: number } | undefined;
  for (const b of family) {
    const all = alignWords(b.tokens, g.tokens);
    const raw = all ? trimExcerptEdges(all) : undefined;
    const cost = raw ? raw.filter((r) => r.op !== 'same').length : b.tokens.length + g.tokens.length;
    if (!best || cost < best.cost || (cost === best.cost && (b.tokens.length > best.base.tokens.length || (b.tokens.length === best.base.tokens.length && cmp(b.value, best.base.value) < 0))))
      best = { base: b, raw, cost };
  }
  const { base, raw } = best!;
  const against = new Set(base.articles);
  if (raw) {
    // base positions the change touches: dropped words, and both neighbours of an added one
    const touched = new Set<number>();
    for (const r of raw) {
      if (r.op === 'removed') touched.add(r.at);
      else if (r.op === 'added') {
        if (r.at > 0) touched.add(r.at - 1);
        if (r.at < base.tokens.length) touched.add(r.at);
      }
    }
    const baseNorms = base.tokens.map((t) => t.norm);
    for (const e of family) {
      if (e === base || e.articles.every((a) => against.has(a))) continue;
      const covered = new Set<number>();
      for (const seg of e.segments) {
        const at = indexOfSequence(baseNorms, seg);
        if (at >= 0) for (let k = 0; k < seg.length; k++) covered.add(at + k);
      }
      if (touched.size && [...touched].every((t) => covered.has(t))) for (const a of e.articles) against.add(a);
    }
  }
  return { base, raw, against: [...against].sort(cmp) };
}

/** The units of a quote (in order) whose piece is from `lo` to `hi`, by piece: the list itself when that is all of it. */
function piecesIn(quote: Unit[], lo: number, hi: number): Unit[] {
  let whole = true;
  for (let i = 0; i < quote.length && whole; i++) {
    const p = quote[i]!.piece;
    whole = p >= lo && p <= hi && (i === 0 || p >= quote[i - 1]!.piece);
  }
  return whole ? quote : quote.filter((u) => u.piece >= lo && u.piece <= hi).sort((x, y) => x.piece - y.piece);
}

/** A sorted copy of `list` (sorted already, as it mostly is: only copied). */
function sortedCopy<T>(list: T[], order: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) if (order(list[i - 1]!, list[i]!) > 0) return [...list].sort(order);
  return list.slice();
}

function indexOfSequence(hay: string[], needle: string[]): number {
  if (needle.length === 0 || needle.length > hay.length) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function plural(ids: string[], one: string, many: string): string {
  return ids.length > 1 ? many : one;
}

export const quote: RuleType<QuoteOptions> = {
  type: 'quote',
  summary: 'Direct quotations: the same statement must be quoted in the same words, and credited to the same person, in every article.',
  defaultSeverity: 'error',
  required: [],
  options: {
    min_words: {
      type: 'integer',
      minimum: 1,
      default: DEFAULTS.min_words,
      description: 'Quotes shorter than this many words (“immediate de-escalation”, ‘Operation Sindoor’) are not compared. Also the shortest sentence piece a long quote is cut into.',
    },
    threshold: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: DEFAULTS.threshold,
      description: 'How similar (0–1: share of the shorter passage’s word pairs and content words found in the longer) two quoted sentences must be to count as the same statement.',
    },
    paraphrase_threshold: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: DEFAULTS.paraphrase_threshold,
      description: 'Lower similarity at which quotes of the same named speaker are still aligned and reported as a likely paraphrase presented as a quote. Set it equal to `threshold` to turn paraphrase detection off.',
    },
    attribution_threshold: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: DEFAULTS.attribution_threshold,
      description: 'Similarity at which quotes credited to different named people are treated as the same statement, and reported as misattributed.',
    },
    single_quotes: {
      type: 'boolean',
      default: DEFAULTS.single_quotes,
      description: 'Whether passages in single quotes (‘…’, \'…\') count as quotes. Apostrophes (India’s, it\'s) are never taken for quote marks.',
    },
    speakers: {
      type: 'array',
      items: { type: 'string' },
      default: DEFAULTS.speakers,
      description: 'Entity ids: when given, only quotes of these speakers (and quotes whose speaker is not named) are compared. Default: every speaker.',
    },
  },

  prepare(rule: Rule<QuoteOptions>, vocab: Vocabulary) {
    const o = rule.options as Partial<QuoteOptions>;
    for (const [k, v] of Object.entries(DEFAULTS)) if ((o as Record<string, unknown>)[k] === undefined) (o as Record<string, unknown>)[k] = Array.isArray(v) ? [...v] : v;
    const r = rule.options;
    if (!Number.isInteger(r.min_words) || r.min_words < 1) throw new RuleError(`min_words must be a whole number of at least 1 (e.g. min_words: 5), not ${JSON.stringify(r.min_words)}`, 'min_words');
    for (const k of ['threshold', 'paraphrase_threshold', 'attribution_threshold'] as const) {
      const v = r[k];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RuleError(`${k} must be a number between 0 and 1 (e.g. ${k}: ${DEFAULTS[k]}), not ${JSON.stringify(v)}`, k);
    }
    if (r.paraphrase_threshold > r.threshold) {
      throw new RuleError(`paraphrase_threshold (${r.paraphrase_threshold}) must not be above threshold (${r.threshold}): lower it, or set it to ${r.threshold} to turn paraphrase detection off`, 'paraphrase_threshold');
    }
    if (r.attribution_threshold < r.threshold) {
      throw new RuleError(`attribution_threshold (${r.attribution_threshold}) must not be below threshold (${r.threshold}): quotes credited to different people need at least as much overlap`, 'attribution_threshold');
    }
    if (!Array.isArray(r.speakers)) throw new RuleError('speakers must be a list of entity ids, e.g. speakers: [leavitt, trump]', 'speakers');
    r.speakers.forEach((id, i) => {
      if (!findEntity(vocab, id)) {
        const ids = vocab.entities.map((e) => e.id).join(', ') || '(none defined)';
        throw new RuleError(`unknown entity "${id}": define it under entities: or use one of ${ids}`, `speakers.${i}`);
      }
    });
  },

  extract(article: Article, rule: Rule<QuoteOptions>, vocab: Vocabulary): Fact[] {
    const o = { ...DEFAULTS, ...rule.options };
    const only = o.speakers.length ? new Set(o.speakers) : undefined;
    const quotes = quotesOf(article, o, vocab);
    const facts: Fact[] = [];
    const seen = new Map<string, Fact>();
    quotes.forEach((q, qi) => {
      const inner = article.text.slice(q.start, q.end);
      if (!hasWords(inner, o.min_words)) return;
      const sp = q.speaker;
      if (only && sp && !only.has(sp.key)) return;
      piecesOf(article, q, o.min_words).forEach(([a, b], pi) => {
        const raw = article.text.slice(a, b);
        const value = normalizedText(raw);
        if (!value) return;
        const dup = `${sp?.key ?? ''}\u0000${value}`;
        const earlier = seen.get(dup);
        if (earlier) {
          // the same words twice (a post quoted in the text, then shown on its own lines): keep the first, remember the post
          if (q.form === 'post' && earlier.data) earlier.data.post = true;
          return;
        }
        const note = `${q.form === 'post' ? 'quoted post' : 'direct quote'}; ${sp ? sp.note : 'speaker not named'}; compared as “${value}”`;
        const fact: Fact = {
          rule: rule.id,
          article: article.id,
          subject: { key: 'quotes', label: 'direct quotes' },
          value,
          display: oneLine(raw),
          raw,
          evidence: evidence(article, a, b, note),
          data: {
            speaker: sp?.key ?? null,
            speakerLabel: sp?.label ?? null,
            ...(sp?.sound ? { speakerSound: sp.sound } : {}),
            attribution: sp?.how ?? 'unknown',
            ...(sp?.near ? { nearName: true } : {}),
            quote: qi,
            piece: pi,
            form: q.form,
            ...(q.form === 'post' ? { post: true } : {}),
            ...(q.translated ? { translated: true } : {}),
          },
        };
        seen.set(dup, fact);
        facts.push(fact);
      });
    });
    return facts;
  },

  compare(facts: Fact[], rule: Rule<QuoteOptions>): Finding[] {
    const o = { ...DEFAULTS, ...rule.options };
    // Quotes repeat across a corpus: each distinct text is tokenised once, each distinct wording shingled once.
    const byRaw = new Map<string, { tokens: Token[]; words: string[]; joined: string; wording: number }>();
    const metaByData = new Map<object, UnitMeta>();
    const wordingIds = new Map<string, number>();
    const wordingSh: ShingleSet[] = [];
    const wordingWords: string[][] = [];
    const order = (a: Fact, b: Fact) => cmp(a.article, b.article) || a.evidence.offset - b.evidence.offset || cmp(a.value, b.value);
    // the runner hands the facts over in this order already: sort only when they are not
    let sorted = true;
    for (let i = 1; i < facts.length && sorted; i++) sorted = order(facts[i - 1]!, facts[i]!) <= 0;
    // quotes are numbered in order of appearance (pieces of one quote share its number): quoteArticle[q] is its article
    const articleNo = new Map<string, number>();
    const quoteNo = new Map<number, number>();
    const quoteArticle: string[] = [];
    const quoteOf = (f: Fact, id: number): number => {
      let a = articleNo.get(f.article);
      if (a === undefined) articleNo.set(f.article, (a = articleNo.size));
      const qi = f.data?.quote;
      const key = typeof qi === 'number' && Number.isInteger(qi) && qi >= 0 && qi < 2 ** 20 ? a * 2 ** 20 + qi : -1 - id;
      let q = quoteNo.get(key);
      if (q === undefined) {
        quoteNo.set(key, (q = quoteArticle.length));
        quoteArticle.push(f.article);
      }
      return q;
    };
    const inOrder = sorted ? facts : [...facts].sort(order);
    const spelledAs = oneSpelling(inOrder);
    const labelOf = commonLabels(inOrder, spelledAs);
    const units: Unit[] = inOrder
      .map((f, id) => {
        let read = byRaw.get(f.raw);
        if (!read) {
          const tokens = tokenize(f.raw);
          const words = tokens.map((t) => t.norm);
          const joined = words.join(' ');
          let wording = wordingIds.get(joined);
          if (wording === undefined) {
            wordingIds.set(joined, (wording = wordingSh.length));
            wordingSh.push(shingles(words));
            wordingWords.push(words);
          }
          byRaw.set(f.raw, (read = { tokens, words, joined, wording }));
        }
        const d = f.data ?? {};
        // facts of one template share their data: what a unit reads from it and its words is made once
        let m = f.data ? metaByData.get(f.data) : undefined;
        if (!m || m.raw !== f.raw) {
          const speaker = typeof d.speaker === 'string' ? d.speaker : null;
          const as = speaker === null ? undefined : spelledAs.get(speaker);
          const key = as ? as.key : speaker;
          m = {
            raw: f.raw,
            piece: typeof d.piece === 'number' ? d.piece : 0,
            speaker: key,
            speakerLabel: (key !== null && labelOf.get(key)) || (as ? as.label : typeof d.speakerLabel === 'string' ? d.speakerLabel : null),
            how: (d.attribution as How | 'unknown') ?? 'unknown',
            nearName: d.nearName === true,
            form: typeof d.form === 'string' ? d.form : 'inline',
            post: d.post === true,
            translated: d.translated === true,
            tokens: read.tokens,
            words: read.words,
            joined: read.joined,
            sh: wordingSh[read.wording]!,
            wording: read.wording,
          };
          if (f.data) metaByData.set(f.data, m);
        }
        return new QuoteUnit(id, f, quoteOf(f, id), m);
      });
    articleNo.clear();
    quoteNo.clear();
    const n = units.length;
    const quotes = quoteArticle.length;
    if (n === 0) return [];

    // 0. units with the same words, speaker and attribution are one class: at most one per article
    //    (extract keeps one per speaker and wording), and all alike, so similarity work is done per
    //    class pair, never per unit pair. Classes are numbered by their first unit.
    interface Class {
      idx: number;
      units: Unit[];
      wording: number;
      speaker: string | null;
      how: How | 'unknown';
    }
    const classes: Class[] = [];
    const classByKey = new Map<string, Class>();
    const classesOfWording = new Map<number, Class[]>();
    const classOf: number[] = new Array(n);
    const classOfMeta = new Map<UnitMeta, Class>();
    // indexed loops over units and cluster members: this function runs once per run, too rarely to be
    // optimised, and unoptimised for-of makes an object per step (a million units...)
    for (let i = 0; i < n; i++) {
      const u = units[i]!;
      let c = classOfMeta.get(u.meta);
      const key = c ? '' : `${u.speaker ?? ''}\u0000${u.how}\u0000${u.wording}`;
      if (!c) c = classByKey.get(key);
      if (!c) {
        c = { idx: classes.length, units: [], wording: u.wording, speaker: u.speaker, how: u.how };
        classes.push(c);
        classByKey.set(key, c);
        const l = classesOfWording.get(u.wording);
        if (l) l.push(c);
        else classesOfWording.set(u.wording, [c]);
      }
      classOfMeta.set(u.meta, c);
      c.units.push(u);
      classOf[u.id] = c.idx;
    }

    // 1. candidate wordings through the inverted index: shingle → wording ids (never all pairs; long lists are skipped)
    const index = new Map<string, number[]>();
    const links: { a: number; b: number; sim: number; first: number; second: number }[] = [];
    /** The first pair of units (by id) of two classes that stand in different articles, if any. */
    const firstPair = (x: Class, y: Class): [number, number] | undefined => {
      if (x === y) return x.units.length > 1 ? [x.units[0]!.id, x.units[1]!.id] : undefined;
      const [lo, hi] = x.units[0]!.id < y.units[0]!.id ? [x, y] : [y, x];
      const u0 = lo.units[0]!;
      const v = hi.units.find((h) => h.article !== u0.article);
      if (v) return [u0.id, v.id];
      // hi has one unit, in u0's article: pair it with lo's next unit
      const u1 = lo.units[1];
      if (!u1) return undefined;
      const h = hi.units[0]!;
      return u1.id < h.id ? [u1.id, h.id] : [h.id, u1.id];
    };
    const linkClasses = (ca: Class, cb: Class, sim: number): void => {
      const pair = firstPair(ca, cb);
      if (!pair) return;
      const known = ca.speaker !== null && cb.speaker !== null;
      const crossSpeaker = known && ca.speaker !== cb.speaker;
      // a short phrase (“as quickly as possible”) fits many statements: it never ties two named speakers together
      if (crossSpeaker && Math.min(wordingWords[ca.wording]!.length, wordingWords[cb.wording]!.length) < Math.max(o.min_words, CROSS_SPEAKER_MIN_WORDS)) return;
      const need = known && !crossSpeaker ? o.paraphrase_threshold : crossSpeaker ? o.attribution_threshold : o.threshold;
      if (sim >= need) links.push({ a: ca.idx, b: cb.idx, sim, first: pair[0], second: pair[1] });
    };
    for (let w = 0; w < wordingSh.length; w++) {
      const sh = wordingSh[w]!;
      const keys = [...[...sh.bigrams].map((b) => `b:${b}`), ...[...sh.unigrams].map((x) => `u:${x}`)];
      if (keys.length === 0) continue;
      const cands = new Set<number>();
      for (const k of keys) {
        const post = index.get(k);
        if (post && post.length <= MAX_POSTINGS) for (const v of post) cands.add(v);
      }
      for (const k of keys) {
        let post = index.get(k);
        if (!post) index.set(k, (post = []));
        post.push(w);
      }
      const mine = classesOfWording.get(w)!;
      // the same words: every pair of its classes, each class with itself
      for (let i = 0; i < mine.length; i++) for (let j = i; j < mine.length; j++) linkClasses(mine[i]!, mine[j]!, similarity(sh, sh));
      for (const v of [...cands].sort((x, y) => x - y)) {
        const sim = similarity(wordingSh[v]!, sh);
        for (const cv of classesOfWording.get(v)!) for (const cw of mine) linkClasses(cv, cw, sim);
      }
    }

    // 2. clusters: strongest links first; a cluster holds one named speaker unless the words are near-identical
    links.sort((x, y) => y.sim - x.sim || x.first - y.first || x.second - y.second);
    const uf = new UnionFind(classes.length);
    const speakers = new Map<number, Set<string>>();
    for (const c of classes) speakers.set(c.idx, new Set(c.speaker ? [c.speaker] : []));
    /** Links between quotes credited to different named speakers: class pairs. */
    const misattributed: [number, number][] = [];
    for (const l of links) {
      const ca = classes[l.a]!;
      const cb = classes[l.b]!;
      if (ca.how === 'named' && cb.how === 'named' && ca.speaker !== cb.speaker) misattributed.push([l.a, l.b]);
      const ra = uf.find(l.a);
      const rb = uf.find(l.b);
      if (ra === rb) continue;
      const sa = speakers.get(ra)!;
      const sb = speakers.get(rb)!;
      const all = new Set([...sa, ...sb]);
      if (all.size > 1 && l.sim < o.attribution_threshold) continue;
      const r = uf.union(ra, rb);
      speakers.set(r, all);
    }
    const rootOf = (u: Unit): number => uf.find(classOf[u.id]!);
    // clusters that cover the same pair of quotes (a long quote aligned sentence by sentence) are one statement
    // (most quotes sit in one cluster: its root, a set of roots only for the others)
    const rootOfQuote = new Int32Array(quotes).fill(-1);
    const spreadRoots = new Map<number, Set<number>>();
    for (let i = 0; i < n; i++) {
      const u = units[i]!;
      const r = rootOf(u);
      const s = rootOfQuote[u.quote]!;
      if (s === -1) rootOfQuote[u.quote] = r;
      else if (s !== r) {
        const set = spreadRoots.get(u.quote);
        if (set) set.add(r);
        else spreadRoots.set(u.quote, new Set([s, r]));
      }
    }
    const spread = [...spreadRoots].sort((x, y) => x[0] - y[0]);
    spreadRoots.clear();
    const together = new Map<string, Set<string>>();
    for (const [q, roots] of spread) {
      const rs = [...roots].sort((x, y) => x - y);
      if (rs.length > 8) continue;
      for (let i = 0; i < rs.length; i++)
        for (let j = i + 1; j < rs.length; j++) {
          const k = `${rs[i]}:${rs[j]}`;
          let s = together.get(k);
          if (!s) together.set(k, (s = new Set()));
          s.add(quoteArticle[q]!);
        }
    }
    for (const [k, arts] of [...together].sort((x, y) => cmp(x[0], y[0]))) {
      if (arts.size < 2) continue;
      const [a, b] = k.split(':').map(Number) as [number, number];
      uf.union(a, b);
    }

    const clusters = new Map<number, Unit[]>();
    for (let i = 0; i < n; i++) {
      const u = units[i]!;
      const r = rootOf(u);
      let c = clusters.get(r);
      if (!c) clusters.set(r, (c = []));
      c.push(u);
    }
    /** Clusters holding both ends of a misattribution link. */
    const crossedRoots = new Set<number>();
    for (const [a, b] of misattributed) {
      const r = uf.find(a);
      if (r === uf.find(b)) crossedRoots.add(r);
    }
    const byQuote: Unit[][] = Array.from({ length: quotes }, () => []);
    for (let i = 0; i < n; i++) byQuote[units[i]!.quote]!.push(units[i]!);
    // per cluster, each of its quotes' first and last piece in it (inCluster[q] === the cluster's number)
    const inCluster = new Int32Array(quotes).fill(-1);
    const firstPiece = new Float64Array(quotes);
    const lastPiece = new Float64Array(quotes);
    let clusterNo = 0;
    // an article's wording: its passages' words, in order (most articles give the wording of an earlier one)
    const segWords = (s: Unit[]): string[] => (s.length === 1 ? s[0]!.words : s.flatMap((u) => u.words));
    const segValue = (s: Unit[]): string => (s.length === 1 ? s[0]!.joined : s.map((u) => u.joined).filter((x) => x).join(' '));
    const minHashes = new Map<number, string>();
    const minHashOf = (w: number): string => {
      let h = minHashes.get(w);
      if (h === undefined) {
        h = 'f'.repeat(12);
        for (const b of wordingSh[w]!.bigrams) {
          const x = hash(b);
          if (x < h) h = x;
        }
        minHashes.set(w, h);
      }
      return h;
    };

    const findings: Finding[] = [];
    for (const [root, members] of clusters) {
      // members are in unit order: by article
      const articles: string[] = [];
      const wordingsIn = new Set<number>();
      // who is quoted: the most frequent named speaker, else the most frequent inferred one
      const tally = new Map<string, { n: number; named: number; label: string }>();
      for (let i = 0; i < members.length; i++) {
        const u = members[i]!;
        if (u.article !== articles[articles.length - 1]) articles.push(u.article);
        wordingsIn.add(u.wording);
        if (!u.speaker) continue;
        const t = tally.get(u.speaker) ?? { n: 0, named: 0, label: u.speakerLabel ?? u.speaker };
        t.n++;
        if (u.how === 'named') t.named++;
        tally.set(u.speaker, t);
      }
      const top = [...tally].sort((x, y) => y[1].named - x[1].named || y[1].n - x[1].n || cmp(x[0], y[0]))[0];
      const speakerKey = top ? top[0] : 'unknown';
      const speakerLabel = top ? top[1].label : undefined;
      let minHash = 'f'.repeat(12);
      for (const w of wordingsIn) {
        const h = minHashOf(w);
        if (h < minHash) minHash = h;
      }
      const subject = { key: `${speakerKey}:${minHash}`, label: speakerLabel ? `Quote by ${speakerLabel}` : 'Quote (speaker not named)' };

      // each article's wording: per quote, the pieces from the first to the last aligned one
      clusterNo++;
      const quoteIds: number[] = [];
      for (let i = 0; i < members.length; i++) {
        const u = members[i]!;
        const q = u.quote;
        if (inCluster[q] !== clusterNo) {
          inCluster[q] = clusterNo;
          quoteIds.push(q);
          firstPiece[q] = lastPiece[q] = u.piece;
        } else {
          if (u.piece < firstPiece[q]!) firstPiece[q] = u.piece;
          if (u.piece > lastPiece[q]!) lastPiece[q] = u.piece;
        }
      }
      const perArticle = new Map<string, Unit[][]>();
      for (const q of quoteIds.sort((x, y) => x - y)) {
        const lo = firstPiece[q]!;
        const hi = lastPiece[q]!;
        const seg = piecesIn(byQuote[q]!, lo, hi);
        const art = seg[0]!.article;
        const segs = perArticle.get(art);
        if (segs) segs.push(seg);
        else perArticle.set(art, [seg]);
      }
      const wordings = new Map<string, Wording>();
      for (let a = 0; a < articles.length; a++) {
        const art = articles[a]!;
        let segs = perArticle.get(art)!;
        if (segs.length > 1) {
          segs.sort((x, y) => x[0]!.fact.evidence.offset - y[0]!.fact.evidence.offset);
          // the same words quoted twice in one article count once
          const all = segs;
          const words = all.map(segWords);
          segs = all.filter((_, i) => !all.some((_t, j) => j !== i && containsSequence(words[j]!, words[i]!) && (words[j]!.length > words[i]!.length || j < i)));
        }
        const value = segs.length === 1 ? segValue(segs[0]!) : segs.map(segValue).join(' … ');
        let w = wordings.get(value);
        if (!w) {
          const display = segs.map((s) => s.map((u) => u.fact.display ?? u.fact.raw).join(' ')).join(' … ');
          w = { value, display, articles: [], evidence: [], segments: segs.map(segWords), tokens: segs.flatMap((s) => s.flatMap((u) => u.tokens)), post: false, speakers: new Set(), translatedIn: new Set() };
          wordings.set(value, w);
        }
        w.articles.push(art);
        for (let i = 0; i < segs.length; i++)
          for (let j = 0; j < segs[i]!.length; j++) {
            const u = segs[i]![j]!;
            w.evidence.push(u.fact.evidence);
            if (u.post) w.post = true;
            if (u.translated) w.translatedIn.add(art);
            if (u.speaker) w.speakers.add(u.speakerLabel ?? u.speaker);
          }
      }
      const groups = [...wordings.values()].sort(
        (x, y) => y.articles.length - x.articles.length || Number(y.post) - Number(x.post) || y.tokens.length - x.tokens.length || cmp(x.value, y.value),
      );
      const asValues = (ws: Wording[]): ValueGroup[] =>
        ws.map((w) => ({
          value: w.value,
          display: w.display,
          articles: sortedCopy(w.articles, cmp),
          evidence: sortedCopy(w.evidence, (a, b) => cmp(a.article, b.article) || a.offset - b.offset),
          data: { speakers: [...w.speakers].sort(cmp), ...(w.post ? { post: true } : {}) },
        }));
      const who = speakerLabel ?? 'an unnamed speaker';

      if (articles.length === 1) {
        if (rule.singleSource) {
          findings.push(makeFinding(rule, 'single-source', subject, asValues(groups), `Only ${articles[0]} quotes ${who}: ${quoteText(groups[0]!.display)}.`));
        }
        continue;
      }

      // wording
      if (groups.length > 1) {
        const plan = planWordings(groups, o.min_words);
        if (plan) {
          const { ref, odd, outliers } = plan;
          const diffs = odd.map((g) => {
            const { base, raw, against } = diffBase(g, plan.family);
            const words = g.tokens.map((t) => t.norm);
            const sim = similarity(shingles(base.tokens.map((t) => t.norm)), shingles(words));
            const parts = raw ? mergeDiff(raw) : wordDiff(base.tokens, g.tokens);
            // a third or more of the shorter wording missing from the other: not a slip but a rewording
            const kept = lcsLength(base.tokens.map((t) => t.norm), words) / Math.max(1, Math.min(words.length, base.tokens.length));
            return {
              g,
              base,
              againstAll: against,
              diff: {
                article: listArticles([...g.articles].sort(cmp)),
                against: listArticles([...base.articles].sort(cmp)),
                value: g.value,
                similarity: Math.round(sim * 100) / 100,
                paraphrase: sim < o.threshold || kept < PARAPHRASE_KEPT,
                parts,
              },
            };
          });
          const paraphrase = diffs.some((d) => d.diff.paraphrase);
          const agreeing = groups.filter((g) => g !== ref && !odd.includes(g));
          const values = asValues([ref, ...agreeing, ...odd]);
          const sentences = diffs.map(({ g, base, againstAll, diff: d }) => {
            const arts = [...g.articles].sort(cmp);
            if (d.paraphrase) {
              const refArts = [...base.articles].sort(cmp);
              const original = base.post ? ` (${listArticles(refArts)} ${plural(refArts, 'shows', 'show')} the original post)` : '';
              return `${listArticles(arts)} ${plural(arts, 'presents', 'present')} ${quoteText(g.display)} as ${who}’s own words, but ${listArticles(refArts)} ${plural(refArts, 'quotes', 'quote')} ${quoteText(base.display)}${original}: the wording differs too much to be the same quotation, so one is likely a paraphrase set in quote marks.`;
            }
            return `${listArticles(arts)} ${describeChanges(d.parts, arts.length > 1)} (against ${listArticles(againstAll)}).`;
          });
          const head = paraphrase && diffs.every((d) => d.diff.paraphrase) ? `${who} may be paraphrased as a direct quote.` : `${who} is quoted in different words.`;
          // an article that says the words are translated: two translations of one remark differ without a misquote
          const translatedIn = [...new Set(diffs.flatMap((d) => [...d.g.translatedIn, ...d.base.translatedIn]))].sort(cmp);
          if (translatedIn.length) {
            sentences.push(`${listArticles(translatedIn)} ${plural(translatedIn, 'says', 'say')} the words are translated, so these may be two translations of one remark.`);
          }
          const dl = diffs.map((d) => d.diff);
          findings.push(
            makeFinding(rule, 'variant', subject, values, `${head.charAt(0).toUpperCase()}${head.slice(1)} ${sentences.join(' ')}`, {
              ...(translatedIn.length ? { severity: 'info' as const } : {}),
              outliers,
              details: {
                speaker: speakerKey,
                ...(speakerLabel ? { speakerLabel } : {}),
                diff: dl[0]!.parts,
                diffs: dl,
                paraphrase,
                ...(translatedIn.length ? { translatedIn } : {}),
              },
            }),
          );
        }
      }

      // attribution: the same words credited to different named people; once they are, a pronoun right
      // after a speaker's name (“Marchetti said… “…,” she said”) is a credit too
      const namedKeys = new Set<string>();
      for (let i = 0; i < members.length; i++) if (members[i]!.how === 'named' && members[i]!.speaker) namedKeys.add(members[i]!.speaker!);
      const crossed = namedKeys.size > 1 && crossedRoots.has(root);
      if (crossed) {
        const credited = members.filter((u) => u.speaker && (u.how === 'named' || (u.nearName && namedKeys.has(u.speaker))));
        const bySpeaker = new Map<string, ValueGroup>();
        const seen = new Set<string>();
        for (const u of credited) {
          let g = bySpeaker.get(u.speaker!);
          if (!g) bySpeaker.set(u.speaker!, (g = { value: u.speaker!, display: u.speakerLabel ?? u.speaker!, articles: [], evidence: [] }));
          const key = `${u.speaker!}\u0000${u.article}`;
          if (!seen.has(key)) {
            seen.add(key);
            g.articles.push(u.article);
          }
          g.evidence.push(u.fact.evidence);
        }
        const values = [...bySpeaker.values()]
          .map((g) => ({ ...g, articles: g.articles.sort(cmp), evidence: g.evidence.sort((a, b) => cmp(a.article, b.article) || a.offset - b.offset) }))
          .sort((x, y) => y.articles.length - x.articles.length || cmp(x.value, y.value));
        const desc = values.map((g) => `${g.display} (${listArticles(g.articles)})`).join(' against ');
        const outliers = outliersOf(values);
        const akey = [...namedKeys].sort(cmp).join('+');
        findings.push(
          makeFinding(
            rule,
            'contradiction',
            { key: `${akey}:${minHash}`, label: `Who said ${quoteText(groups[0]!.display, 50)}` },
            values,
            `The same quote is credited to different people: ${desc}. The words: ${quoteText(groups[0]!.display)}.`,
            { outliers, details: { quote: groups[0]!.display, attribution: true } },
          ),
        );
      }
    }
    return findings.sort((a, b) => cmp(a.subject.key, b.subject.key) || cmp(a.kind, b.kind) || cmp(a.fingerprint, b.fingerprint));
  },
};
