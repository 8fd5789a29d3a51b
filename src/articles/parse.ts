/**
 * Text → sentences with exact positions. Sentence ends are retext-english's
 * (it knows "U.S.", "D.C.,", "Gen.", "S. Jaishankar"), found by
 * ./sentences.ts without building retext's tree; we then split where retext
 * keeps going but a reader would not: at line breaks of unwrapped text (news
 * copy puts one paragraph a line, headlines included), after "killed 26.
 * Many..." (retext never ends a sentence after a short number), and after an
 * ordinary lower-case word that retext's lists take for an abbreviation ("police
 * moved in. Seven…", "rose 4 per cent. The…": "in." is inches there, "cent." a
 * Latin abbreviation) when a capital follows. Every rule shares the spans.
 */
import type { Article, ArticleMeta, Evidence, Sentence } from '../types.js';
import { sentenceSpans } from './sentences.js';

export interface ParseInput {
  id: string;
  path: string;
  text: string;
  meta?: ArticleMeta;
  bodyOffset?: number;
  bodyLine?: number;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * True when the text is hard-wrapped prose (Markdown, e-mail): a single newline
 * then continues the paragraph. Unwrapped news copy has long lines and a newline
 * ends a paragraph.
 */
export function isWrapped(text: string): boolean {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  let long = 0;
  let continued = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 100) long++;
    const next = lines[i + 1];
    if (next !== undefined && line.trim() && next.trim() && !/[.!?:"”’)\]]\s*$/.test(line)) continued++;
  }
  return long === 0 && continued > 0;
}

const SHORT_NUMBER_END = /(?<!\b(?:No|Nos|no|p|pp|Vol|vol|Art|art|Fig|fig)\.?\s)\b\d{1,3}\.(?=\s+["“‘']?[A-Z])/g;
/**
 * Words on retext's abbreviation lists that are also ordinary English words,
 * written in lower case ("Sun." and "Sat." stay days), at the end of a sentence:
 * the full stop (and a closing quote or bracket) ends it when a capital
 * follows. After a number "in." and "gal." are units ("12 in. Snow…" stays one).
 */
const WORD_BEFORE_STOP = /(?<![\p{L}\p{N}.]|\d[\s-])(?:in|sat|sun|wed|mar|gal|cap|cent|con|pro|stat)$/u;
const CAPITAL_AFTER_STOP = /^(["”’')\]]?)\s+["“‘'(]?\p{Lu}/u;

/** A Markdown (ATX) heading's opening: one to six #, then a space. */
const HEADING_MARK = /^#{1,6}[ \t]+/;

function splitSpan(text: string, start: number, end: number, wrapped: boolean): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  const piece = text.slice(start, end);
  const cuts: number[] = [];
  if (!wrapped) {
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) cuts.push(start + i + 1);
  }
  SHORT_NUMBER_END.lastIndex = 0;
  for (let m = SHORT_NUMBER_END.exec(piece); m; m = SHORT_NUMBER_END.exec(piece)) {
    cuts.push(start + m.index + m[0].length);
  }
  // WORD_BEFORE_STOP at each full stop (one or two a sentence): cheaper than one regex over the text
  for (let i = piece.indexOf('.'); i !== -1; i = piece.indexOf('.', i + 1)) {
    const next = CAPITAL_AFTER_STOP.exec(piece.slice(i + 1, i + 8));
    if (next && WORD_BEFORE_STOP.test(piece.slice(Math.max(0, i - 8), i))) cuts.push(start + i + 1 + next[1]!.length);
  }
  cuts.sort((a, b) => a - b);
  for (const cut of cuts) {
    if (cut > from) out.push([from, cut]);
    from = cut;
  }
  out.push([from, end]);
  // trim whitespace at both ends, and a Markdown heading's "# " (evidence quotes the headline, not its markup); drop empty pieces
  return out
    .map(([a, b]): [number, number] => {
      while (a < b && /\s/.test(text[a]!)) a++;
      if (text[a] === '#' && (a === 0 || text[a - 1] === '\n')) {
        const m = HEADING_MARK.exec(text.slice(a, Math.min(b, a + 8)));
        if (m) a += m[0].length;
      }
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      return [a, b];
    })
    .filter(([a, b]) => b > a);
}

export function splitSentences(text: string): Sentence[] {
  const wrapped = isWrapped(text);
  const sentences: Sentence[] = [];
  // paragraph = blank-line block when wrapped, else one line
  const paraBreaks: number[] = [];
  const re = wrapped ? /\r?\n[ \t]*\r?\n/g : /\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) paraBreaks.push(m.index);
  let p = 0;
  for (const [s, e] of sentenceSpans(text)) {
    for (const [a, b] of splitSpan(text, s, e, wrapped)) {
      while (p < paraBreaks.length && paraBreaks[p]! < a) p++;
      sentences.push({ index: sentences.length, start: a, end: b, text: text.slice(a, b), paragraph: p });
    }
  }
  return sentences;
}

/** Cheap test: can the text hold anything setAside() removes? It must hold a word each line pattern below needs. */
const MAY_SET_ASIDE = /correction|clarification|editor['’]s note|earlier version|related|read more|read next|see also|more on this|recommended|you may also|most read|more from|\]\(/i;
/** A line that corrects the article itself: about the article, not the story. */
const CORRECTION_LINE = /^[ \t>*_]*(?:correction|clarification|editor['’]s note)s?\s*[:.—–-]|^[ \t>*_]*an earlier version of this (?:article|story|report|piece)/i;
/** A heading (Markdown, or a line of its own) over links to other stories. */
const LINKS_HEADING = /^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?:related(?: stories| articles| coverage| content| reading)?|read more|read next|see also|more on this(?: story)?|recommended(?: stories)?|you may also like|most read|more from [^\n]{1,40})[*_]*:?[ \t]*\r?$/i;
/** A list item ("- ", "* ", "1. "), and one that is only a link: another story's headline. */
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]/;
const LINK_ITEM = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n]*\]\([^)\n]*\)[ \t]*\r?$/;

/**
 * The text with what is not the story replaced by spaces (offsets, lines and
 * columns stay as in the file): correction notes ("Correction: an earlier
 * version of this article said 14…"), lists of links to other stories under
 * "Related stories" or "Read more", and list items that are only a link.
 * Their names and figures are other stories', or the article's own mistakes.
 */
export function setAside(text: string): string {
  if (!MAY_SET_ASIDE.test(text)) return text;
  const lines = text.split('\n');
  let out: string[] | undefined;
  const blank = (i: number) => {
    out ??= [...lines];
    out[i] = lines[i]!.replace(/[^\r]/g, ' ');
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (CORRECTION_LINE.test(line) || LINK_ITEM.test(line)) {
      blank(i);
      continue;
    }
    const h = LINKS_HEADING.exec(line);
    if (!h) continue;
    blank(i);
    // the list under it: list items and blank lines, up to the first line of text (the story may go on)
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.trim() && !LIST_ITEM.test(l)) break;
      blank(j);
    }
    i = j - 1;
  }
  return out ? (out as string[]).join('\n') : text;
}

/** Cheap test: can the text hold a RELATED_LINE? */
const MAY_BE_RELATED = /read(?:[ \t]+also)?[*_ \t]*[:|]/i;
/**
 * A line that points to another story: "Read: <headline>", "Also read |
 * <headline>", "**READ ALSO:** <headline>". A capitalised label, then a colon or
 * a bar, and a short rest. ("Watch:" is left alone: it is as often a video of
 * this story as of another.)
 */
const RELATED_LINE = /^[ \t>*_]*(?:Also[ \t]+[Rr]ead|ALSO[ \t]+READ|Read[ \t]+[Aa]lso|READ[ \t]+ALSO|Read|READ)[*_ \t]*[:|][*_ \t]*\S[^\n]{0,240}$/;

/**
 * Flags the sentences that start on a RELATED_LINE (Sentence.related). The line
 * must open a paragraph: in wrapped text a line that goes on from the one above
 * ("…carried a banner that / read: “Justice now.” Police said…") is not one.
 */
function markRelated(text: string, sentences: Sentence[], lineStarts: number[]): void {
  if (!MAY_BE_RELATED.test(text)) return;
  const wrapped = isWrapped(text);
  const lineEnd = (i: number) => (i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : text.length);
  const lineText = (i: number) => text.slice(lineStarts[i]!, lineEnd(i)).replace(/\r$/, '');
  let line = 0;
  let related = false;
  let checked = -1;
  for (const s of sentences) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= s.start) line++;
    if (checked !== line) {
      checked = line;
      const opens = !wrapped || line === 0 || lineText(line - 1).trim() === '';
      related = opens && RELATED_LINE.test(lineText(line));
    }
    if (related) s.related = true;
  }
}

const hasRelated = new WeakMap<Article, boolean>();

/** Whether an offset of the article's text is on a line that points to another story (Sentence.related). */
export function relatedAt(article: Article, offset: number): boolean {
  let any = hasRelated.get(article);
  if (any === undefined) hasRelated.set(article, (any = article.sentences.some((s) => s.related)));
  return any && Boolean(sentenceAt(article, offset)?.related);
}

/** The article's text with the sentences that point to another story blanked (offsets stay). */
export function textWithoutRelated(article: Article): string {
  if (!article.sentences.some((s) => s.related)) return article.text;
  let out = '';
  let at = 0;
  for (const s of article.sentences) {
    if (!s.related) continue;
    out += article.text.slice(at, s.start) + ' '.repeat(s.end - s.start);
    at = s.end;
  }
  return out + article.text.slice(at);
}

export function parseArticle(input: ParseInput): Article {
  const text = setAside(input.text);
  const sentences = splitSentences(text);
  const lineStarts = lineStartsOf(text);
  markRelated(text, sentences, lineStarts);
  return {
    id: input.id,
    path: input.path,
    meta: input.meta ?? {},
    text,
    bodyOffset: input.bodyOffset ?? 0,
    bodyLine: input.bodyLine ?? 1,
    sentences,
    lineStarts,
  };
}

/** 1-based line and column in the file for an offset in article.text. */
export function locate(article: Pick<Article, 'lineStarts' | 'bodyLine'>, offset: number): { line: number; column: number } {
  const starts = article.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: article.bodyLine + lo, column: offset - starts[lo]! + 1 };
}

/** The sentence containing an offset (binary search over the sentence index). */
export function sentenceAt(article: Article, offset: number): Sentence | undefined {
  const ss = article.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Each sentence's one-line form, computed once however many facts cite it. */
const flatSentences = new WeakMap<Sentence, string>();

function flat(s: Sentence): string {
  let f = flatSentences.get(s);
  if (f === undefined) flatSentences.set(s, (f = oneLine(s.text)));
  return f;
}

/** A sentence on one line: runs of whitespace become one space (most sentences are one line already and are kept as they are). */
export function oneLine(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Where each sentence starts and ends in the file: [start, end, start, end...] (what hydrate() needs to quote one again without parsing). */
export function sentenceBounds(article: Article): Int32Array {
  const out = new Int32Array(article.sentences.length * 2);
  article.sentences.forEach((s, i) => {
    out[2 * i] = article.bodyOffset + s.start;
    out[2 * i + 1] = article.bodyOffset + s.end;
  });
  return out;
}

/** The one-line sentence that holds the text between two offsets (the text itself when no sentence does). */
export function sentenceText(article: Article, start: number, end: number): string {
  const sentence = sentenceAt(article, start);
  return sentence ? flat(sentence) : article.text.slice(start, end).replace(/\s+/g, ' ');
}

/** Evidence for the text between two offsets of article.text. */
export function evidence(article: Article, start: number, end: number, note?: string): Evidence {
  const { line, column } = locate(article, start);
  const ev: Evidence = {
    article: article.id,
    path: article.path,
    line,
    column,
    offset: article.bodyOffset + start,
    text: article.text.slice(start, end),
    sentence: sentenceText(article, start, end),
  };
  if (note) ev.note = note;
  return ev;
}
