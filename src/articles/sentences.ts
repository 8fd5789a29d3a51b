/**
 * Sentence boundaries the way retext-english (parse-english / parse-latin) finds
 * them, without building its syntax tree.
 *
 * retext tokenises every character into word, white-space, punctuation and
 * symbol nodes, builds a tree of objects, then runs a dozen plugins that merge
 * sentences back together ("U.S.", "Gen. Asim", "killed 26. Many", "“Go,” he
 * said"). factlint only needs where sentences start and end, so this module
 * runs the same steps on a flat token list: one pass over the characters, no
 * objects per word. That is ~20× faster than building the tree, and
 * test/articles/sentences.test.ts checks it gives retext's spans on the seeds,
 * the fixture stories and a list of hard cases.
 *
 * The steps (names are parse-latin's plugins):
 *  1. tokens: runs of word characters, of white space, and of one repeated
 *     punctuation or symbol character;
 *  2. elisions ("’26", "’em") are words; words absorb inner symbols ("U.S", "3.5", "don’t": mergeInnerWordSymbol)
 *     and a final full stop after single letters ("U.S.": mergeInitialisms);
 *  3. a sentence ends after every terminal mark (. ! ? … ‽ runs);
 *  4. sentences are merged back when the full stop ends an abbreviation
 *     (English list, then "26.", "a.", "etc."), when a "sentence" has no word,
 *     when the next one starts with a lower-case word, a digit, or "," / ";";
 *     a closing quote or bracket after the mark joins the sentence it closes;
 *  5. a blank line inside a sentence splits it (breakImplicitSentences).
 */

const enum T {
  Word = 0,
  Space = 1,
  Punct = 2,
  Symbol = 3,
}

// parse-english's abbreviation lists (regex.js), checked against the word before a full stop.
const ABBREVIATIONS =
  /^(t(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$/;
const ABBREVIATIONS_SENSITIVE =
  /^((?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$/;
// parse-latin's own list: short numbers, single letters, Latin abbreviations.
const ABBREVIATION_PREFIX = /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;
const TERMINAL = /^[!.?\u2026\u203D]+$/;
const INNER_SYMBOL = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/;
const AFFIX_SYMBOL =
  /^([!"').?\u0F3B\u0F3D\u169C\u2019\u201D\u2026\u203A\u203D\u2046\u207E\u208E\u2309\u230B\u232A\u2769\u276B\u276D\u276F\u2771\u2773\u2775\u27C6\u27E7\u27E9\u27EB\u27ED\u27EF\u2984\u2986\u2988\u298A\u298C\u298E\u2990\u2992\u2994\u2996\u2998\u29D9\u29DB\u29FD\u2E03\u2E05\u2E0A\u2E0D\u2E1D\u2E21\u2E23\u2E25\u2E27\u2E29\u2E56\u2E58\u2E5A\u2E5C\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301B\u301E\u301F\uFD3E\uFE18\uFE36\uFE38\uFE3A\uFE3C\uFE3E\uFE40\uFE42\uFE44\uFE48\uFE5A\uFE5C\uFE5E\uFF09\uFF3D\uFF5D\uFF60\uFF63\u00BB\]}])\1*$/;
const WHITE_SPACE = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const PUNCTUATION = /\p{P}/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;
const LOWER_INITIAL = /^\p{Ll}/u;
const DIGIT_INITIAL = /^\d/;

// ASCII classes as parse-latin has them (# % & * @ are symbols there, not punctuation).
const ASCII = new Uint8Array(128).fill(T.Symbol);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[\t-\r ]/.test(ch)) ASCII[c] = T.Space;
  else if (/[0-9A-Za-z]/.test(ch)) ASCII[c] = T.Word;
  else if (/[!"'(),\-./:;?[\\\]_{}]/.test(ch)) ASCII[c] = T.Punct;
}
const nonAscii = new Map<number, T>();

function classOf(code: number, ch: string): T {
  if (code < 128) return ASCII[code] as T;
  let t = nonAscii.get(code);
  if (t === undefined) {
    t = WHITE_SPACE.test(ch) ? T.Space : PUNCTUATION.test(ch) ? T.Punct : WORD.test(ch) ? T.Word : T.Symbol;
    if (nonAscii.size < 4096) nonAscii.set(code, t);
  }
  return t;
}

/** A token: its class, where it starts and ends, and for words the parts they were merged from. */
interface Tokens {
  type: T[];
  start: number[];
  end: number[];
  /** For merged words: the offsets of their parts (start,end pairs), else undefined. */
  parts: (number[] | undefined)[];
}

const push = (out: Tokens, type: T, start: number, end: number, parts?: number[]) => {
  out.type.push(type);
  out.start.push(start);
  out.end.push(end);
  out.parts.push(parts);
};
const partsOf = (tk: Tokens, i: number) => tk.parts[i] ?? [tk.start[i]!, tk.end[i]!];

/** Tokens of text[from, to) exactly as parse-latin's tokenizer makes them, appended to tk. */
function tokenizeRange(text: string, from: number, to: number, tk: Tokens): void {
  let start = from;
  let prevType = -1;
  let prev = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    // like parse-latin, which looks at UTF-16 units: a surrogate is a symbol, and continues one
    const type = surrogate ? T.Symbol : classOf(code, text[i]!);
    if (i > start && !(type === prevType && (type === T.Word || type === T.Space || code === prev || surrogate))) {
      push(tk, prevType as T, start, i);
      start = i;
    }
    prevType = type;
    prev = code;
  }
  if (start < to) push(tk, prevType as T, start, to);
}

/** End of the first token of text[from, to). */
function firstTokenEnd(text: string, from: number, to: number): number {
  const code = text.charCodeAt(from);
  if (code >= 0xd800 && code <= 0xdfff) {
    let i = from + 1;
    while (i < to && text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdfff) i++;
    return i;
  }
  const type = classOf(code, text[from]!);
  let i = from + 1;
  if (type === T.Word) while (i < to && classOf(text.charCodeAt(i), text[i]!) === T.Word) i++;
  else while (i < to && text.charCodeAt(i) === code) i++;
  return i;
}

const CHUNK = /[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const HAS_TERMINAL = /[.!?\u2026\u203D]/;
// a letter, mark or digit of the Basic Multilingual Plane (parse-latin sees astral characters as symbols)
const HAS_WORD = new RegExp('[[\\p{L}\\p{M}\\p{N}]--[\\u{10000}-\\u{10FFFF}]]', 'v');

function typeAt(text: string, i: number): T {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdfff ? T.Symbol : classOf(code, text[i]!);
}

/**
 * The token list the sentence steps need, without a token per word. Only runs
 * of non-space text ("chunks") holding a terminal mark are tokenised in full:
 * every merge that decides a boundary happens inside one chunk. Where a
 * sentence may start (the text's start, after such a chunk, after a blank
 * line) the next chunk's first token is kept exactly. Everything else becomes
 * blocks: a word if they hold a letter or digit, else a symbol. White space
 * between tokens stays a token (merges never cross it).
 */
function tokenize(text: string): Tokens {
  const tk: Tokens = { type: [], start: [], end: [], parts: [] };
  let pos = 0;
  let exact = true;
  let open = -1; // the block being extended, or -1
  CHUNK.lastIndex = 0;
  for (let m = CHUNK.exec(text); m; m = CHUNK.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    const terminal = HAS_TERMINAL.test(m[0]);
    if (s > pos) {
      // white space inside a block is part of it; elsewhere it stays a token, so
      // that no merge joins tokens it separates
      const blank = lineBreaks(text, pos, s) >= 2;
      if (open < 0 || blank || terminal) {
        push(tk, T.Space, pos, s);
        open = -1;
        if (blank) exact = true;
      }
    }
    if (terminal) {
      tokenizeRange(text, s, e, tk);
      open = -1;
      exact = true;
    } else if (exact) {
      const first = firstTokenEnd(text, s, e);
      push(tk, typeAt(text, s), s, first);
      open = -1;
      if (first < e) {
        push(tk, HAS_WORD.test(text.slice(first, e)) ? T.Word : T.Symbol, first, e);
        open = tk.type.length - 1;
      }
      exact = false;
    } else if (open >= 0) {
      tk.end[open] = e;
      if (tk.type[open] !== T.Word && HAS_WORD.test(m[0])) tk.type[open] = T.Word;
    } else {
      push(tk, HAS_WORD.test(m[0]) ? T.Word : T.Symbol, s, e);
      open = tk.type.length - 1;
    }
    pos = e;
  }
  if (pos < text.length) push(tk, T.Space, pos, text.length);
  return tk;
}

const ELISION_AFFIX = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/;

/**
 * parse-english's elisions: an apostrophe starts "’26", "’em", "’tis" (when no
 * word comes before it), "’n’" is one word, and "w/" is one word.
 */
function mergeElisions(text: string, tk: Tokens): Tokens {
  const out: Tokens = { type: [], start: [], end: [], parts: [] };
  const n = tk.type.length;
  const mark = (i: number) => tk.type[i] === T.Punct || tk.type[i] === T.Symbol;
  const apostrophe = (i: number) => i < n && mark(i) && tk.end[i]! - tk.start[i]! === 1 && (text[tk.start[i]!] === "'" || text[tk.start[i]!] === '’');
  const str = (i: number) => text.slice(tk.start[i], tk.end[i]);
  for (let i = 0; i < n; i++) {
    const w = out.type.length - 1;
    if (mark(i) && str(i) === '/' && w >= 0 && out.type[w] === T.Word && text.slice(out.start[w], out.end[w]).toLowerCase() === 'w') {
      out.parts[w] = [...partsOf(out, w), tk.start[i]!, tk.end[i]!];
      out.end[w] = tk.end[i]!;
      continue;
    }
    if (apostrophe(i) && tk.type[i + 1] === T.Word && !(i > 0 && tk.type[i - 1] === T.Word)) {
      const word = str(i + 1).toLowerCase();
      if (ELISION_AFFIX.test(word)) {
        push(out, T.Word, tk.start[i]!, tk.end[i + 1]!, [tk.start[i]!, tk.end[i]!, ...partsOf(tk, i + 1)]);
        i++;
        continue;
      }
      if (word === 'n' && apostrophe(i + 2)) {
        push(out, T.Word, tk.start[i]!, tk.end[i + 2]!, [tk.start[i]!, tk.end[i]!, tk.start[i + 1]!, tk.end[i + 1]!, tk.start[i + 2]!, tk.end[i + 2]!]);
        i += 2;
        continue;
      }
    }
    push(out, tk.type[i]!, tk.start[i]!, tk.end[i]!, tk.parts[i]);
  }
  return out;
}

/** Symbols that stick to one word: "&" before it (mergeInitialWordSymbol), "-" after it (mergeFinalWordSymbol). */
function stickSymbols(text: string, tk: Tokens): Tokens {
  const out: Tokens = { type: [], start: [], end: [], parts: [] };
  const n = tk.type.length;
  const one = (i: number, code: number) => tk.type[i] !== T.Word && tk.type[i] !== T.Space && tk.end[i]! - tk.start[i]! === 1 && text.charCodeAt(tk.start[i]!) === code;
  for (let i = 0; i < n; i++) {
    const last = out.type.length - 1;
    if (one(i, 38) && tk.type[i + 1] === T.Word && !(i > 0 && tk.type[i - 1] === T.Word)) {
      // "&" + word
      out.type.push(T.Word);
      out.start.push(tk.start[i]!);
      out.end.push(tk.end[i + 1]!);
      out.parts.push([tk.start[i]!, tk.end[i]!, tk.start[i + 1]!, tk.end[i + 1]!]);
      i++;
      continue;
    }
    if (one(i, 45) && last >= 0 && out.type[last] === T.Word && out.end[last] === tk.start[i] && tk.type[i + 1] !== T.Word) {
      // word + "-"
      out.parts[last] ??= [out.start[last]!, out.end[last]!];
      out.parts[last]!.push(tk.start[i]!, tk.end[i]!);
      out.end[last] = tk.end[i]!;
      continue;
    }
    out.type.push(tk.type[i]!);
    out.start.push(tk.start[i]!);
    out.end.push(tk.end[i]!);
    out.parts.push(tk.parts[i]);
  }
  return out;
}

/** mergeInnerWordSymbol: word (inner symbols word)* is one word ("U.S", "3.5", "don’t"). */
function mergeInner(text: string, tk: Tokens): Tokens {
  const out: Tokens = { type: [], start: [], end: [], parts: [] };
  const n = tk.type.length;
  const inner = (k: number) => (tk.type[k] === T.Punct || tk.type[k] === T.Symbol) && INNER_SYMBOL.test(text.slice(tk.start[k], tk.end[k]));
  for (let i = 0; i < n; i++) {
    if (tk.type[i] !== T.Word) {
      push(out, tk.type[i]!, tk.start[i]!, tk.end[i]!, tk.parts[i]);
      continue;
    }
    let parts: number[] | undefined = tk.parts[i] && [...tk.parts[i]!];
    let last = i;
    for (let j = i + 1; j < n; ) {
      let k = j;
      while (k < n && inner(k)) k++;
      // the first join needs a symbol; after it, words next to each other ("’n’" + "x") join too
      if ((k === j && last === i) || k >= n || tk.type[k] !== T.Word) break;
      parts ??= partsOf(tk, i);
      for (let m = j; m < k; m++) parts.push(tk.start[m]!, tk.end[m]!);
      parts.push(...partsOf(tk, k));
      last = k;
      j = k + 1;
    }
    push(out, T.Word, tk.start[i]!, tk.end[last]!, parts);
    i = last;
  }
  return out;
}

/** mergeInnerWordSlash: "a/b", "km/h" (both sides under three characters). */
function mergeSlash(text: string, tk: Tokens): Tokens {
  const out: Tokens = { type: [], start: [], end: [], parts: [] };
  const n = tk.type.length;
  for (let i = 0; i < n; i++) {
    const w = out.type.length - 1;
    const slash = tk.type[i] !== T.Word && tk.type[i] !== T.Space && tk.end[i]! - tk.start[i]! === 1 && text.charCodeAt(tk.start[i]!) === 47;
    if (slash && w >= 0 && out.type[w] === T.Word && out.end[w]! - out.start[w]! < 3) {
      const next = tk.type[i + 1] === T.Word ? i + 1 : -1;
      if (next < 0 || tk.end[next]! - tk.start[next]! < 3) {
        const parts = (out.parts[w] ??= [out.start[w]!, out.end[w]!]);
        parts.push(tk.start[i]!, tk.end[i]!);
        if (next >= 0) parts.push(...partsOf(tk, next));
        out.end[w] = tk.end[next >= 0 ? next : i]!;
        if (next >= 0) i++;
        continue;
      }
    }
    push(out, tk.type[i]!, tk.start[i]!, tk.end[i]!, tk.parts[i]);
  }
  return out;
}

/** mergeInitialisms: the full stop after "U.S" (single letters and full stops) is part of the word. */
function mergeInitialisms(text: string, tk: Tokens): Tokens {
  const out: Tokens = { type: [], start: [], end: [], parts: [] };
  for (let i = 0; i < tk.type.length; i++) {
    const w = out.type.length - 1;
    if (tk.type[i] === T.Punct && tk.end[i]! - tk.start[i]! === 1 && text.charCodeAt(tk.start[i]!) === 46 && w >= 0) {
      const parts = out.parts[w];
      if (out.type[w] === T.Word && parts && initialism(text, parts)) {
        out.end[w] = tk.end[i]!;
        parts.push(tk.start[i]!, tk.end[i]!);
        continue;
      }
    }
    push(out, tk.type[i]!, tk.start[i]!, tk.end[i]!, tk.parts[i]);
  }
  return out;
}

function initialism(text: string, parts: number[]): boolean {
  const count = parts.length / 2;
  if (count === 1 || count % 2 === 0) return false;
  let allDigits = true;
  for (let p = count - 1; p >= 0; p--) {
    const a = parts[2 * p]!;
    const b = parts[2 * p + 1]!;
    if (p % 2 === 0) {
      if (b - a > 1) return false;
      if (!/\d/.test(text[a]!)) allDigits = false;
    } else if (!(b - a === 1 && text.charCodeAt(a) === 46)) {
      if (p < count - 2) break;
      return false;
    }
  }
  return !allDigits;
}

/** [first token, last token] of each sentence, inclusive. */
type Span = [number, number];

export function sentenceSpans(text: string): [number, number][] {
  if (!text) return [];
  const tk = mergeInitialisms(text, mergeSlash(text, mergeInner(text, stickSymbols(text, mergeElisions(text, tokenize(text))))));
  const n = tk.type.length;
  const str = (i: number) => text.slice(tk.start[i], tk.end[i]);
  const isMark = (i: number) => tk.type[i] === T.Punct || tk.type[i] === T.Symbol;

  // 3. split after every terminal punctuation token
  let sentences: Span[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 1 || (tk.type[i] === T.Punct && isTerminalChar(text.charCodeAt(tk.start[i]!)) && TERMINAL.test(str(i)))) {
      sentences.push([from, i]);
      from = i + 1;
    }
  }

  const endsWithAbbreviation = (s: Span, test: (word: string) => boolean): boolean => {
    const [a, b] = s;
    if (b - 1 < a || !isMark(b) || str(b) !== '.' || tk.type[b - 1] !== T.Word) return false;
    return test(str(b - 1));
  };
  // Merge s with the sentence after it while `when` holds for (s, next).
  const mergeForward = (when: (s: Span) => boolean) => {
    const out: Span[] = [];
    for (let i = 0; i < sentences.length; i++) {
      const s: Span = [...sentences[i]!];
      while (i + 1 < sentences.length && when(s)) s[1] = sentences[++i]![1];
      out.push(s);
    }
    sentences = out;
  };
  // Merge a sentence into the one before it when `when` holds for it.
  const mergeBack = (when: (s: Span) => boolean) => {
    const out: Span[] = [];
    for (const s of sentences) {
      if (out.length && when(s)) out[out.length - 1]![1] = s[1];
      else out.push([...s]);
    }
    sentences = out;
  };
  const hasWord = (s: Span) => {
    for (let i = s[0]; i <= s[1]; i++) if (tk.type[i] === T.Word) return true;
    return false;
  };

  // 4a. English abbreviations ("Mr.", "Gen.", "Sept.")
  mergeForward((s) => endsWithAbbreviation(s, (w) => ABBREVIATIONS.test(w.toLowerCase()) || ABBREVIATIONS_SENSITIVE.test(w)));
  // 4b. a "sentence" without a word joins the one before; the first one joins the
  // one after, which (as in parse-latin) is then not checked itself
  {
    const out: Span[] = [];
    let carry = -1;
    for (const s of sentences) {
      if (carry >= 0) {
        out.push([carry, s[1]]);
        carry = -1;
      } else if (hasWord(s)) out.push([...s]);
      else if (out.length) out[out.length - 1]![1] = s[1];
      else carry = s[0];
    }
    if (carry >= 0) out.push([carry, sentences[sentences.length - 1]![1]]);
    sentences = out;
  }
  // 4c. a closing quote or bracket right after the mark belongs to the sentence it closes
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i]!;
    while (s[0] <= s[1] && isMark(s[0]) && AFFIX_SYMBOL.test(str(s[0]))) {
      sentences[i - 1]![1] = s[0];
      s[0]++;
    }
  }
  sentences = sentences.filter((s) => s[0] <= s[1]);
  // 4d. next starts with a lower-case word (before any punctuation)
  mergeBack((s) => {
    for (let i = s[0]; i <= s[1]; i++) {
      if (tk.type[i] === T.Word) return LOWER_INITIAL.test(str(i));
      if (isMark(i)) return false;
    }
    return false;
  });
  // 4e. next starts with a digit
  mergeBack((s) => tk.type[s[0]] === T.Word && DIGIT_INITIAL.test(str(s[0])));
  // 4f. "26.", "a.", "etc."
  mergeForward((s) => endsWithAbbreviation(s, (w) => ABBREVIATION_PREFIX.test(w.toLowerCase())));
  // 4g. next starts with "," or ";"
  mergeBack((s) => {
    for (let i = s[0]; i <= s[1]; i++) {
      if (tk.type[i] === T.Word) return false;
      if (isMark(i)) return str(i) === ',' || str(i) === ';';
    }
    return false;
  });

  // white space at either end is not part of a sentence; 5. blank lines split
  const spans: [number, number][] = [];
  for (const [a0, b0] of sentences) {
    let a = a0;
    let b = b0;
    while (a <= b && tk.type[a] === T.Space) a++;
    while (b >= a && tk.type[b] === T.Space) b--;
    if (a > b) continue;
    let start = a;
    for (let i = a + 1; i < b; i++) {
      if (tk.type[i] === T.Space && tk.end[i]! - tk.start[i]! >= 2 && lineBreaks(text, tk.start[i]!, tk.end[i]!) >= 2) {
        spans.push([tk.start[start]!, tk.end[i - 1]!]);
        start = i + 1;
      }
    }
    spans.push([tk.start[start]!, tk.end[b]!]);
  }
  return spans;
}

const isTerminalChar = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x203d;

/** Line breaks (\r\n, \r or \n) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
    }
  }
  return count;
}
