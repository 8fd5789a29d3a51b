/**
 * People and their titles, for the `title` and `attribution` rule types: small,
 * pure functions over one article.
 *
 * A *title phrase* is a run of words ending in a title head word ("minister",
 * "secretary", "spokesperson"...), optionally with modifiers before it ("White
 * House Press", "External Affairs", "Pakistan's") and a complement after it ("of
 * State", "of the US State Department", "to Washington"). It attaches to a person
 *   - before a name: "Secretary of State Marco Rubio", "spokesperson Tammy Bruce";
 *   - after a name, as an apposition: "Tammy Bruce, the spokesperson of the US
 *     State Department, stated";
 *   - in a descriptive clause ending in ", NAME": "the Secretary of State and, of
 *     course, now our national security advisor as well, Marco Rubio".
 * A title with "the" and no name ("the US National Security Adviser") is *bare*:
 * it refers to whoever holds it, and when it is coordinated with a person ("both
 * Secretary Rubio and the US National Security Adviser") the article says that
 * person does not hold it.
 *
 * Titles are compared through a *key*: case folded, country prefixes and
 * possessives dropped ("US", "Pakistani", "India's", "Trump's"), "advisor" →
 * "adviser", abbreviations expanded ("Gen." → general, NSA → national security
 * adviser), "Department of State" → "State Department", "spokesperson of the X" →
 * "X spokesperson", then mapped through the rules' title synonyms. Everything here
 * is general English; story knowledge (names, synonyms) comes from the vocabulary.
 */
import type { Article, Entity, Vocabulary } from '../types.js';
import { entityFilter, foldText, mayMatch, mentions } from '../vocab.js';

// ---------------------------------------------------------------------------
// Word lists (general English)

/** Title head words: a title phrase ends in one (or in its complement). */
export const TITLE_HEADS: readonly string[] = [
  'minister', 'secretary', 'adviser', 'advisor', 'spokesperson', 'spokesman', 'spokeswoman', 'president',
  'chancellor', 'premier', 'general', 'envoy', 'ambassador', 'chief', 'director', 'governor', 'mayor',
  'commissioner', 'senator', 'congressman', 'congresswoman', 'representative', 'chairman', 'chairwoman',
  'chairperson', 'chair', 'leader', 'commander', 'admiral', 'colonel', 'marshal', 'judge', 'justice', 'sheriff',
  'officer', 'head', 'king', 'queen', 'prince', 'princess', 'emperor', 'emir', 'sultan', 'counsel', 'counsellor',
  'counselor', 'lieutenant', 'captain', 'brigadier', 'sergeant', 'inspector', 'superintendent', 'administrator',
  'coordinator', 'consul', 'speaker', 'attorney', 'prosecutor', 'lawmaker', 'legislator', 'treasurer',
  'diplomat', 'negotiator', 'undersecretary', 'secretary-general', 'director-general', 'vice-president',
  'ceo', 'manager', 'pope', 'bishop', 'archbishop', 'cardinal', 'chairman', 'mp', 'mla', 'nsa', 'pm', 'fm',
  // role nouns: "Chief Investigator Jane Roe" is a title and the name "Jane Roe", not the title Chief of "Investigator Jane Roe"
  'investigator', 'engineer', 'economist', 'analyst', 'correspondent', 'scientist', 'executive', 'researcher',
  'editor', 'auditor', 'examiner', 'strategist', 'detective', 'constable', 'coroner', 'pathologist', 'surgeon',
  'controller', 'supervisor',
];

const TITLE_HEAD_SET = new Set(TITLE_HEADS.filter((h) => h.length > 2));

/** Printable ASCII without the backtick: foldText is plain lower-casing there (spaces aside). */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

/** foldText, with a fast path for plain ASCII (same result). */
export function foldFast(s: string): string {
  if (s.length <= 24) {
    let plain = true;
    let space = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x60) {
        plain = false;
        break;
      }
      if (c === 32) space = true;
    }
    if (plain) return space ? s.replace(/ +/g, ' ').trim().toLowerCase() : s.toLowerCase();
    return foldText(s);
  }
  if (PLAIN_ASCII.test(s)) {
    if (s.indexOf(' ') < 0) return s.toLowerCase();
    return s.replace(/ +/g, ' ').trim().toLowerCase();
  }
  return foldText(s);
}

/** Same as /\s/ on one UTF-16 code unit. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** True when text[from, to) is non-empty and all white space (/^\s+$/). */
function allSpace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** A lookup table without Object.prototype's names ("constructor." is not an abbreviation). */
const table = (entries: Record<string, string>): Record<string, string> => Object.assign(Object.create(null) as Record<string, string>, entries);

/** Abbreviations of head words, written with a period ("Gen.", "Sen."). */
const HEAD_ABBREVIATIONS = table({
  gen: 'general', sen: 'senator', rep: 'representative', gov: 'governor', lt: 'lieutenant', col: 'colonel',
  adm: 'admiral', capt: 'captain', pres: 'president', sec: 'secretary', amb: 'ambassador', cmdr: 'commander',
  supt: 'superintendent', insp: 'inspector', brig: 'brigadier', sgt: 'sergeant', atty: 'attorney',
});

/** Abbreviated titles written in capitals (NSA, PM): expanded in the key. */
const TITLE_ACRONYMS = table({
  nsa: 'national security adviser',
  pm: 'prime minister',
  fm: 'foreign minister',
  mp: 'member of parliament',
  // company officers: "CEO" is "chief executive officer", read as "chief executive" (see titleKeyOf)
  ceo: 'chief executive',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cto: 'chief technology officer',
});

/** Spelling variants of a head word, folded into one key. */
const HEAD_VARIANTS: Record<string, string> = {
  advisor: 'adviser',
  spokesman: 'spokesperson',
  spokeswoman: 'spokesperson',
  chairman: 'chair',
  chairwoman: 'chair',
  chairperson: 'chair',
  counselor: 'counsellor',
  'vice-president': 'vice president',
  'secretary-general': 'secretary general',
  'director-general': 'director general',
};

/** Heads that take "to" as a complement ("envoy to Washington", "adviser to the president"). */
const TO_HEADS = new Set(['envoy', 'ambassador', 'adviser', 'advisor', 'representative', 'counsel', 'delegate', 'emissary']);

/** Lower-case words that may stand before a head word ("press secretary", "foreign minister"). */
const LOWER_MODIFIERS = new Set(
  (
    'press foreign national security external affairs home interior defence defense finance deputy vice prime chief ' +
    'senior state army military principal assistant associate executive district county city federal regional ' +
    'provincial police fire health trade commerce information communications public opposition party union cabinet ' +
    'junior former acting interim white house department ministry attorney education treasury energy agriculture ' +
    'transport transportation environment labour labor relations emergency management intelligence naval air force ' +
    'staff joint sports culture tourism science technology economic human rights water resources railways power ' +
    'petroleum housing urban rural development legal media political top permanent special high parliamentary ' +
    'presidential campaign research medical managing general chief field crown majority minority floor house ' +
    'justice interior homeland veterans army navy air first second lead spokesperson coast guard border customs ' +
    'prison hospital airport port harbour harbor railway rail transit airline ferry company club team league'
  ).split(' '),
);

/** Words of an organisation or portfolio: they end the complement of a title ("of Army Staff", "of the US State Department"). */
/** First words of two-word places ("New York", "Sri Lanka", "South Dakota"), lower case. */
export const PLACE_FIRST_WORD = /^(?:new|san|los|las|saint|st|north|south|east|west|hong|sri|el|la|abu|kuala|tel|buenos|rio|costa|puerto|united)$/;

export const ORG_WORDS: ReadonlySet<string> = new Set(
  (
    'state states defence defense treasury army navy air force forces staff affairs external foreign home interior ' +
    'finance commerce trade justice health homeland security energy labor labour education agriculture ' +
    'transportation transport veterans department ministry office agency council commission committee house ' +
    'senate union court board service police government administration organization organisation nations bank ' +
    'fund party congress parliament assembly republic kingdom federation chiefs guard corps bureau authority ' +
    'institute university company corporation group front league movement alliance cabinet secretariat embassy ' +
    'mission consulate division unit command information broadcasting communications environment development ' +
    'welfare tourism culture sports youth science technology railways water resources power petroleum housing ' +
    'planning economy relations intelligence operations management emergency disaster marines hospital clinic ' +
    'university college school academy museum foundation association society tribunal prison church airport'
  ).split(' '),
);

/** Modifiers that make a different office: "deputy secretary" is not a short form of anything "secretary". */
const DISTINCT_MODIFIERS = new Set(['former', 'ex', 'acting', 'interim', 'deputy', 'vice', 'assistant', 'associate', 'under', 'junior', 'senior', 'lieutenant']);

/** Capitalised words that never begin a title or a name. */
const STOP_CAPITALS = new Set(
  (
    'the a an this that these those he she it they we i you his her its their our my your and or but nor on in at by ' +
    'for with from to as after before during while when where if although though because since until meanwhile ' +
    'however also then later earlier yesterday today tomorrow tonight separately additionally moreover still now both ' +
    'neither either including according speaking responding amid despite following under over about against ' +
    'between through read watch see also why how what who which whose there here not no yes oh so such ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december'
  ).split(' '),
);

/** Particles inside a name ("Mohammed bin Salman", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['al', 'el', 'ul', 'un', 'ud', 'ur', 'bin', 'ibn', 'bint', 'ben', 'de', 'del', 'der', 'den', 'di', 'du', 'da', 'dos', 'van', 'von', 'le', 'la']);

/** Demonyms (adjectives of nationality) that prefix a title: dropped from the key. */
const DEMONYMS = new Set(
  (
    'american afghan albanian algerian argentine argentinian armenian australian austrian azerbaijani bahraini ' +
    'bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian cameroonian ' +
    'canadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian ' +
    'emirati english eritrean estonian ethiopian filipino finnish french georgian german ghanaian greek guatemalan ' +
    'haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican ' +
    'japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao latvian lebanese libyan lithuanian ' +
    'malaysian maldivian malian maltese mexican moldovan mongolian montenegrin moroccan mozambican namibian nepali ' +
    'nepalese nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian polish ' +
    'portuguese qatari romanian russian rwandan saudi scottish senegalese serbian singaporean slovak slovenian ' +
    'somali spanish sri lankan sudanese swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish ' +
    'turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean european ' +
    'african asian arab'
  ).split(' '),
);

/** Short forms of countries and unions ("US", "U.S.", "UK", "UN", "EU"), folded without periods. */
const COUNTRY_SHORT = new Set(['us', 'usa', 'uk', 'un', 'eu', 'uae', 'prc', 'drc', 'america', 'britain']);

let countryNames: Set<string> | undefined;
/** Country names in English (from Intl, so no list to keep up to date), folded. */
function countries(): Set<string> {
  if (!countryNames) {
    countryNames = new Set();
    const dn = new Intl.DisplayNames(['en'], { type: 'region' });
    const A = 'A'.charCodeAt(0);
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        try {
          const name = dn.of(code);
          if (name && name !== code) countryNames.add(foldText(name).replace(/[.()]/g, '').replace(/\s+/g, ' ').trim());
        } catch {
          /* not a region code */
        }
      }
    }
    for (const extra of ['united states of america', 'the united states', 'great britain', 'england', 'scotland', 'wales']) countryNames.add(extra);
  }
  return countryNames;
}

// ---------------------------------------------------------------------------
// Tokens

export interface Token {
  /** Text as written (possessive included). */
  text: string;
  start: number;
  end: number;
  /** Folded, without a possessive 's and without periods ("U.S." → "us", "Trump’s" → "trump"). */
  norm: string;
  possessive: boolean;
  capital: boolean;
}

const TOKEN_RE = /@[\p{L}\p{N}_]+|(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu;

/** Words of a stretch of text (offsets relative to `base`). */
export function tokenize(text: string, base = 0): Token[] {
  return SIMPLE_SENTENCE.test(text) ? tokenizeSimple(text, base, text.toLowerCase()) : tokenizeGeneral(text, base);
}

/** tokenize() for any text, through TOKEN_RE. */
function tokenizeGeneral(text: string, base: number): Token[] {
  const out: Token[] = [];
  const re = TOKEN_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let word = m[0];
    const end = m.index + word.length;
    // a period belongs to an initial ("S.") or a known abbreviation ("Gen.")
    if (text.charCodeAt(end) === 46 && (/^\p{Lu}$/u.test(word) || HEAD_ABBREVIATIONS[word.toLowerCase()] !== undefined || /^(?:dr|mr|mrs|ms|st|prof|jr|sr)$/i.test(word))) {
      word += '.';
    }
    const lastCh = word.charCodeAt(word.length - 1);
    if (lastCh === 39 || lastCh === 0x2019 || lastCh === 45) {
      word = word.replace(/['’-]+$/, (s) => (/^['’]$/.test(s) && /s$/i.test(word.slice(0, -1)) ? s : ''));
    }
    let bare = word;
    let possessive = false;
    const l1 = word.charCodeAt(word.length - 1);
    if (l1 === 39 || l1 === 0x2019) {
      possessive = true;
      bare = word.slice(0, -1);
    } else if ((l1 === 115 || l1 === 83) && word.length >= 2) {
      const l2 = word.charCodeAt(word.length - 2);
      if (l2 === 39 || l2 === 0x2019) {
        possessive = true;
        bare = word.slice(0, -2);
      }
    }
    if (possessive && /^(?:\p{Lu}\.)+$/u.test(word)) possessive = false;
    const c0 = word.charCodeAt(0);
    const capital = c0 < 128 ? (c0 >= 65 && c0 <= 90) || c0 === 64 : /^[@\p{Lu}]/u.test(word);
    const f = foldFast(bare);
    out.push({
      text: word,
      start: base + m.index,
      end: base + m.index + word.length,
      norm: f.indexOf('.') >= 0 ? f.replace(/\./g, '') : f,
      possessive,
      capital,
    });
  }
  return out;
}

// Character classes of a simple sentence (SIMPLE_SENTENCE), where \p{L} is
// [A-Za-z] and \p{N} is [0-9]: everything else there is punctuation or space.
const isUpperCode = (c: number): boolean => c >= 65 && c <= 90;
const isAlnumCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** text.charCodeAt(i), or -1 past the end (reading past the end would make optimised code bail out). */
const codeAt = (text: string, i: number): number => (i < text.length ? text.charCodeAt(i) : -1);
/** ' ’ - */
const isInnerMarkCode = (c: number): boolean => c === 39 || c === 0x2019 || c === 45;

/**
 * Lower-case words after which a period belongs to the word: HEAD_ABBREVIATIONS
 * and the titles of address (dr, mr, ...).
 */
const PERIOD_WORDS = new Set([...Object.keys(HEAD_ABBREVIATIONS), 'dr', 'mr', 'mrs', 'ms', 'st', 'prof', 'jr', 'sr']);

/**
 * tokenize() for a simple sentence (SIMPLE_SENTENCE): the same tokens as
 * tokenizeGeneral, scanned by character code instead of the Unicode regex.
 * `lower` is text.toLowerCase() (the same length there): each token's folded
 * form is a slice of it, so no word is lower-cased on its own.
 */
function tokenizeSimple(text: string, base: number, lower: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    let end = -1;
    let c1: number;
    let curly = false; // a ’ inside the word
    if (c === 64 && i + 1 < n && (isAlnumCode((c1 = text.charCodeAt(i + 1))) || c1 === 95)) {
      // @handle
      end = i + 2;
      while (end < n && (isAlnumCode((c1 = text.charCodeAt(end))) || c1 === 95)) end++;
    } else if (isAlnumCode(c)) {
      // initials "U.S." (two or more), else a word
      if (isUpperCode(c) && codeAt(text, i + 1) === 46 && isUpperCode(codeAt(text, i + 2)) && codeAt(text, i + 3) === 46) {
        end = i + 4;
        while (isUpperCode(codeAt(text, end)) && codeAt(text, end + 1) === 46) end += 2;
      } else {
        end = i + 1;
        while (end < n && (isAlnumCode((c1 = text.charCodeAt(end))) || isInnerMarkCode(c1))) {
          if (c1 === 0x2019) curly = true;
          end++;
        }
      }
    }
    if (end < 0) {
      i++;
      continue;
    }
    i = end;
    // as in tokenizeGeneral: a period after an initial or an abbreviation, then trailing marks
    let wordEnd = end;
    if (codeAt(text, end) === 46) {
      if (end - start === 1 ? isUpperCode(c) : PERIOD_WORDS.has(text.slice(start, end).toLowerCase())) wordEnd = end + 1;
    }
    if (wordEnd === end && isInnerMarkCode(text.charCodeAt(end - 1))) {
      // drop the trailing run of ' ’ -, but keep one apostrophe after an s ("Jones’")
      let k = end;
      while (k > start && isInnerMarkCode(text.charCodeAt(k - 1))) k--;
      const one = k === end - 1 && text.charCodeAt(k) !== 45;
      const s = text.charCodeAt(end - 2);
      wordEnd = one && (s === 115 || s === 83) ? end : k;
    }
    let bareEnd = wordEnd;
    let possessive = false;
    const l1 = text.charCodeAt(wordEnd - 1);
    if (l1 === 39 || l1 === 0x2019) {
      possessive = true;
      bareEnd = wordEnd - 1;
    } else if ((l1 === 115 || l1 === 83) && wordEnd - start >= 2) {
      const l2 = text.charCodeAt(wordEnd - 2);
      if (l2 === 39 || l2 === 0x2019) {
        possessive = true;
        bareEnd = wordEnd - 2;
      }
    }
    const word = text.slice(start, wordEnd);
    out.push({
      text: word,
      start: base + start,
      end: base + wordEnd,
      norm: simpleNorm(lower.slice(start, bareEnd), curly, bareEnd - start > 1 && text.charCodeAt(bareEnd - 1) === 46),
      possessive,
      capital: isUpperCode(c) || c === 64,
    });
  }
  return out;
}

/**
 * foldFast without periods, for a lower-cased word of a simple sentence: ’ → '.
 * A word has a period only at its end ("gen.") or between initials ("u.s.").
 */
function simpleNorm(lowerBare: string, curly: boolean, period: boolean): string {
  let f = curly ? lowerBare.replace(/’/g, "'") : lowerBare;
  if (period) f = f.replace(/\./g, '');
  return f;
}

/** Folded words for which isHeadWord looks at how the word is written (abbreviations, acronyms). */
const WRITTEN_FORM_HEADS = new Set([...Object.keys(HEAD_ABBREVIATIONS), ...Object.keys(TITLE_ACRONYMS)]);

function isHeadWord(t: Token, extraHeads: Set<string>): boolean {
  const n = t.norm;
  // most words: neither an abbreviation nor an acronym (same result as the full test below)
  if (!WRITTEN_FORM_HEADS.has(n)) return TITLE_HEAD_SET.has(n) || extraHeads.has(n);
  if (HEAD_ABBREVIATIONS[n] !== undefined && t.text.replace(/['’]s?$/, '').endsWith('.')) return true;
  if (TITLE_ACRONYMS[n] !== undefined) return /^\p{Lu}+$/u.test(t.text.replace(/['’]s?$/, ''));
  return TITLE_HEAD_SET.has(n) || extraHeads.has(n);
}

function isModifier(t: Token): boolean {
  if (t.capital) return !STOP_CAPITALS.has(t.norm) && !t.text.startsWith('@');
  return LOWER_MODIFIERS.has(t.norm);
}

/** True when only spaces (no punctuation) separate two tokens. */
function adjacent(text: string, base: number, a: Token, b: Token): boolean {
  return allSpace(text, a.end - base, b.start - base);
}

// ---------------------------------------------------------------------------
// Title phrases

export interface TitlePhrase {
  start: number;
  end: number;
  /** Index of the first and last token of the phrase in the sentence tokens. */
  first: number;
  last: number;
  text: string;
  /** Preceded by "the" (or "our", "his"...): a reference to whoever holds it. */
  definite: boolean;
}

/** A complement after a head ("of State", "of the US State Department", "to Washington"): index of its last token, or -1. */
function complementEnd(tokens: Token[], k: number, text: string, base: number, head: Token, extraHeads: Set<string>): number {
  const prep = tokens[k];
  if (!prep || !adjacent(text, base, tokens[k - 1]!, prep)) return -1;
  if (!(prep.text === 'of' || prep.text === 'for' || (prep.text === 'to' && TO_HEADS.has(head.norm)))) return -1;
  let i = k + 1;
  if (tokens[i]?.text === 'the' && adjacent(text, base, prep, tokens[i]!)) i++;
  const run: number[] = [];
  for (let j = i; j < tokens.length && run.length < 7; j++) {
    const t = tokens[j]!;
    if (j > i && !adjacent(text, base, tokens[j - 1]!, t)) {
      break;
    }
    const inner = (t.text === 'of' || t.text === 'and') && run.length > 0 && tokens[j + 1]?.capital;
    const word = (t.capital && !STOP_CAPITALS.has(t.norm)) || ORG_WORDS.has(t.norm);
    if (!inner && !word) break;
    if (isHeadWord(t, extraHeads) && !ORG_WORDS.has(t.norm)) break;
    run.push(j);
    if (tokens[j + 1] && !allSpace(text, t.end - base, tokens[j + 1]!.start - base)) {
      break;
    }
  }
  if (run.length === 0) return -1;
  let lastOrg = -1;
  for (const j of run) if (ORG_WORDS.has(tokens[j]!.norm)) lastOrg = j;
  if (lastOrg >= 0) return lastOrg;
  // "spokesperson for Marek Valdt": a person the title serves, not part of it ("for" takes organisations only)
  if (prep.text === 'for') return -1;
  const firstTok = tokens[run[0]!]!;
  if (!firstTok.capital) return -1;
  // "of New York", "to Sri Lanka": a two-word place
  if (PLACE_FIRST_WORD.test(firstTok.norm) && run.length > 1) return run[1]!;
  return run[0]!;
}

/** Title phrases of one sentence, left to right, not overlapping. */
export function titlePhrases(tokens: Token[], text: string, base: number, extraHeads: Set<string> = new Set()): TitlePhrase[] {
  const out: TitlePhrase[] = [];
  // a phrase needs a head word: most sentences have none
  const heads: boolean[] = new Array(tokens.length);
  let anyHead = false;
  for (let k = 0; k < tokens.length; k++) if ((heads[k] = isHeadWord(tokens[k]!, extraHeads))) anyHead = true;
  if (!anyHead) return out;
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let last = -1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (j > i && !adjacent(text, base, tokens[j - 1]!, t)) break;
      if (heads[j]) {
        last = j;
        if (t.possessive) break;
        const c = complementEnd(tokens, j + 1, text, base, t, extraHeads);
        if (c >= 0) {
          last = c;
          break;
        }
        j++;
        continue;
      }
      if (last >= 0) break;
      // "Department of State spokesperson": "of" between capitalised words before the head
      if (t.text === 'of' && j > i && tokens[j - 1]!.capital && tokens[j + 1]?.capital) {
        j++;
        continue;
      }
      if (!isModifier(t)) break;
      // a possessive ends a prefix ("Pakistan's"), never a head
      j++;
    }
    if (last < 0) {
      i++;
      continue;
    }
    // a run of capitals before the head may begin with a stop word only if it is "the"
    const prev = tokens[i - 1];
    const definite = !!prev && /^(?:the|our|his|her|their|its|your|my)$/i.test(prev.text) && adjacent(text, base, prev, tokens[i]!);
    out.push({
      start: tokens[i]!.start,
      end: tokens[last]!.end,
      first: i,
      last,
      text: text.slice(tokens[i]!.start - base, tokens[last]!.end - base),
      definite,
    });
    i = last + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Title keys

export interface TitleKey {
  /** Comparable form: "secretary of state", "state department spokesperson". */
  key: string;
  /** Human form: "Secretary of State", "State Department Spokesperson". */
  display: string;
  /** Head word of the key ("secretary", "spokesperson"). */
  head: string;
}

const SMALL_WORDS = new Set(['of', 'the', 'for', 'to', 'and', 'on', 'in', 'at']);

function displayOf(words: string[]): string {
  return words
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      if (/^(?:ceo|nsa|mp|mla|us|uk|un|eu)$/.test(w)) return w.toUpperCase();
      return w.replace(/(^|[-\s])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
    })
    .join(' ');
}

/** Drop country names and demonyms at the front of a word list ("us", "united states", "pakistani"). */
function dropCountries(words: string[]): string[] {
  const c = countries();
  let w = words;
  for (;;) {
    if (w.length < 2) return w;
    const first = w[0]!;
    if (COUNTRY_SHORT.has(first) || DEMONYMS.has(first)) {
      w = w.slice(1);
      continue;
    }
    let dropped = false;
    for (let n = Math.min(4, w.length - 1); n >= 1; n--) {
      if (c.has(w.slice(0, n).join(' '))) {
        w = w.slice(n);
        dropped = true;
        break;
      }
    }
    if (!dropped) return w;
  }
}

function headOfWords(words: string[]): string {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (TITLE_HEADS.includes(w) || w === 'adviser' || w === 'spokesperson' || w === 'chair') {
      // in "envoy to washington", the head is before the complement
      const comp = words.indexOf('of') >= 0 ? words.indexOf('of') : words.indexOf('to');
      if (comp > 0 && i > comp) continue;
      return w;
    }
  }
  return words[words.length - 1] ?? '';
}

/**
 * The key of a title as written, before synonyms: the words after the last
 * possessive, countries dropped, abbreviations expanded, "advisor" → "adviser",
 * "Department of X" → "X Department", "head of the X" → "X head".
 */
export function titleKeyOf(phrase: string): TitleKey {
  const tokens = tokenize(phrase);
  let startAt = 0;
  tokens.forEach((t, i) => {
    if (t.possessive && i < tokens.length - 1) startAt = i + 1;
  });
  let words = tokens.slice(startAt).map((t) => {
    const n = t.norm;
    if (t.text.replace(/['’]s?$/, '').endsWith('.') && HEAD_ABBREVIATIONS[n]) return HEAD_ABBREVIATIONS[n]!;
    if (/^\p{Lu}+$/u.test(t.text.replace(/['’]s?$/, '')) && TITLE_ACRONYMS[n]) return TITLE_ACRONYMS[n]!;
    return HEAD_VARIANTS[n] ?? n;
  });
  words = words.flatMap((w) => w.split(' '));
  words = dropCountries(words);
  // "Department of State" → "state department", "Ministry of Defence" → "defence ministry"
  let joined = words.join(' ').replace(/\b(department|ministry) of (?:the )?([a-z]+(?: affairs| security| staff)?)/g, '$2 $1');
  // "Minister of Transport", "minister for foreign affairs" → "transport minister", "foreign affairs minister"
  // ("Minister of State" is a rank of its own, and "Secretary of State" an office: both stay as written)
  joined = joined.replace(/\bminister (?:of|for) (?:the )?([a-z]+)( affairs| security| resources| development)?$/, (all, w: string, more = '') =>
    w !== 'state' && ORG_WORDS.has(w) ? `${w}${more} minister` : all,
  );
  // "chief executive officer" (and "CEO") is "chief executive"
  joined = joined.replace(/\bchief executive officer\b/g, 'chief executive');
  words = joined.split(' ');
  // "spokesperson of the us state department" → "state department spokesperson"
  const ofThe = words.findIndex((w, i) => w === 'of' && words[i + 1] === 'the');
  if (ofThe > 0) {
    const org = dropCountries(words.slice(ofThe + 2));
    const org2 = org.length > 1 ? org : org; // keep a one-word organisation too ("of the treasury")
    words = [...org2, ...words.slice(0, ofThe)];
    words = dropCountries(words);
  }
  // "chief executive of Nordavia" → "nordavia chief executive", as "Nordavia chief executive" is written;
  // a portfolio stays ("Secretary of State", "Chief of Staff", "Director of National Intelligence", "Member of Parliament")
  const of = words.indexOf('of');
  if (of > 0 && of < words.length - 1) {
    const next = words[of + 1]!;
    const headAfter = words.slice(of + 1).some((w) => TITLE_HEAD_SET.has(w));
    if (!headAfter && next !== 'the' && !ORG_WORDS.has(next) && !LOWER_MODIFIERS.has(next)) words = dropCountries([...words.slice(of + 1), ...words.slice(0, of)]);
  }
  const key = words.join(' ');
  return { key, display: displayOf(words), head: headOfWords(words) };
}

export interface TitleTable {
  /** Synonym key → canonical. */
  synonyms: Map<string, TitleKey>;
  extraHeads: Set<string>;
}

const tables = new WeakMap<object, TitleTable>();

/** The vocabulary's title synonyms, keyed (cached per vocabulary object). */
export function titleTable(vocab: Vocabulary, extraHeads: string[] = []): TitleTable {
  let t = tables.get(vocab);
  if (!t) {
    const synonyms = new Map<string, TitleKey>();
    for (const [canonical, syns] of Object.entries(vocab.titles ?? {})) {
      const c = titleKeyOf(canonical);
      const canon: TitleKey = { key: c.key, display: canonical.trim(), head: c.head };
      synonyms.set(c.key, canon);
      for (const s of syns ?? []) {
        // acronyms in the synonym list are matched in any case ("NSA" or "nsa")
        const k = /^\p{Lu}{2,5}$/u.test(s.trim()) ? s.trim().toLowerCase() : titleKeyOf(s).key;
        synonyms.set(k, canon);
        synonyms.set(titleKeyOf(s).key, canon);
      }
    }
    t = { synonyms, extraHeads: new Set() };
    tables.set(vocab, t);
  }
  if (extraHeads.length === 0) return t;
  return { synonyms: t.synonyms, extraHeads: new Set(extraHeads.map((h) => foldText(h))) };
}

/** The key of a title, through the vocabulary's synonyms. */
const normalized = new WeakMap<TitleTable, Map<string, TitleKey>>();

export function normalizeTitle(phrase: string, table?: TitleTable): TitleKey {
  if (!table) return titleKeyOf(phrase);
  let memo = normalized.get(table);
  if (!memo) normalized.set(table, (memo = new Map()));
  let r = memo.get(phrase);
  if (!r) {
    r = normalizeTitleUncached(phrase, table);
    if (memo.size > 5000) memo.clear();
    memo.set(phrase, r);
  }
  return { ...r };
}

function normalizeTitleUncached(phrase: string, table?: TitleTable): TitleKey {
  const k = titleKeyOf(phrase);
  if (!table) return k;
  const syn = table.synonyms.get(k.key);
  if (syn) return syn;
  // acronym written alone ("NSA")
  const raw = foldText(phrase).replace(/\./g, '');
  const syn2 = table.synonyms.get(raw);
  return syn2 ?? k;
}

/**
 * True when `short` is a short form of `long`: same head word, its words in
 * order among the long one's, and no word that makes another office ("deputy",
 * "former", "vice"). "Secretary" ⊂ "Secretary of State"; "spokesperson" ⊂ "State
 * Department Spokesperson"; "president" ⊄ "vice president".
 */
export function isShortFormOf(short: TitleKey, long: TitleKey): boolean {
  if (short.key === long.key || short.head !== long.head) return false;
  const a = short.key.split(' ');
  const b = long.key.split(' ');
  if (a.length >= b.length) return false;
  let i = 0;
  for (const w of b) {
    if (i < a.length && a[i] === w) i++;
    else if (DISTINCT_MODIFIERS.has(w)) return false;
  }
  return i === a.length;
}

/**
 * Map each title to the longest title it is a short form of, when that is
 * unambiguous (all candidates are short forms of the longest one).
 */
export function canonicalTitles(titles: TitleKey[]): Map<string, TitleKey> {
  const uniq = new Map<string, TitleKey>();
  for (const t of titles) if (!uniq.has(t.key)) uniq.set(t.key, t);
  const out = new Map<string, TitleKey>();
  for (const t of uniq.values()) {
    const longer = [...uniq.values()].filter((o) => isShortFormOf(t, o));
    if (longer.length === 0) {
      out.set(t.key, t);
      continue;
    }
    longer.sort((x, y) => y.key.split(' ').length - x.key.split(' ').length || (x.key < y.key ? -1 : 1));
    const top = longer[0]!;
    out.set(t.key, longer.every((o) => o === top || isShortFormOf(o, top)) ? top : t);
  }
  return out;
}

// ---------------------------------------------------------------------------
// People

export interface Person {
  key: string;
  label: string;
  entity?: Entity;
}

export interface PersonMention {
  start: number;
  end: number;
  text: string;
  person: Person;
  /** How the mention was recognised. */
  via: 'vocabulary' | 'name' | 'surname' | 'title';
}

export interface TitleUse {
  person: Person;
  title: TitleKey;
  /** The title as written. */
  raw: string;
  start: number;
  end: number;
  /** false: the article says this person does not hold it. */
  holds: boolean;
  how: 'before-name' | 'apposition' | 'clause' | 'separated';
}

export interface BareTitle {
  title: TitleKey;
  raw: string;
  start: number;
  end: number;
  /** The person the article gives this title, if any. */
  person?: Person;
}

export interface PeopleIndex {
  mentions: PersonMention[];
  titles: TitleUse[];
  bare: BareTitle[];
  /** The person of the mention covering an offset range, if any. */
  personAt(start: number, end: number): PersonMention | undefined;
}

export function personEntities(vocab: Vocabulary): Entity[] {
  return vocab.entities.filter((e) => e.kind === 'person');
}

/**
 * Lower-cased text for the literal pre-check of entity mentions. Under the
 * case-insensitive Unicode flag an ASCII letter also matches the Kelvin sign
 * (lower-cased to k here) and the long s (ſ, replaced by s here).
 */
export function haystack(text: string): string {
  const lower = text.toLowerCase();
  return lower.indexOf('ſ') >= 0 ? lower.replace(/ſ/g, 's') : lower;
}

/**
 * False only when the entity's pattern cannot match: vocab.ts's entityFilter
 * (a run of each of its terms' letters, whatever their diacritics) finds
 * nothing in the text. True when unsure.
 */
export function mayMention(hay: string, e: Entity): boolean {
  return mayMatch(entityFilter(e), hay);
}

function nameKey(name: string): string {
  return foldFast(name).replace(/['’]s$/, '').replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The ASCII character a character of a simple sentence becomes in nameKey
 * (lower case, quotes and dashes unified), or -1 for one that leaves no
 * character of its own (white space, period).
 */
function keyCharOf(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 46) return -1;
  if (c === 0x2018 || c === 0x2019 || c === 96) return 39;
  if (c === 0x201c || c === 0x201d) return 34;
  if (c === 0x2013 || c === 0x2014) return 45;
  return c;
}

/** Which ASCII characters occur in some key (index: character code). */
function keyCharTable(keys: Iterable<string>): Uint8Array {
  const t = new Uint8Array(128);
  for (const k of keys) for (let j = 0; j < k.length; j++) if (k.charCodeAt(j) < 128) t[k.charCodeAt(j)] = 1;
  return t;
}

/**
 * nameKey(text.slice(a, b)) for a stretch of a simple sentence that starts and
 * ends with a token, or undefined when that key cannot be one of the known
 * keys: it would hold a character none of them has (`keyChars`; the last two
 * are not checked, as a final 's is dropped). When the stretch is plain ASCII
 * without periods, runs of spaces, other white space or a final 's, the key is
 * the stretch lower-cased, read from the sentence's lower-cased text.
 */
function simpleNameKey(text: string, lower: string, a: number, b: number, keyChars: Uint8Array): string | undefined {
  let plain = true;
  let prevSpace = false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    const k = keyCharOf(c);
    if (k >= 0 && i < b - 2 && (k >= 128 || keyChars[k] === 0)) return undefined;
    if (c === 32) {
      if (prevSpace) plain = false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 0x21 || c > 0x7e || c === 46 || c === 96) plain = false;
  }
  if (b - a >= 2 && lower.charCodeAt(b - 1) === 115 && text.charCodeAt(b - 2) === 39) plain = false;
  return plain ? lower.slice(a, b) : nameKey(text.slice(a, b));
}

interface NameSpan {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
}

function isNameToken(t: Token, extraHeads: Set<string>): boolean {
  if (t.text.startsWith('@')) return true;
  if (!t.capital) return false;
  if (STOP_CAPITALS.has(t.norm)) return false;
  if (isHeadWord(t, extraHeads)) return false;
  return true;
}

/** A name right after token index i (capitalised words, initials, particles; up to 4 words). */
function nameAfter(tokens: Token[], i: number, text: string, base: number, extraHeads: Set<string>): NameSpan | undefined {
  const first = tokens[i];
  if (!first || !isNameToken(first, extraHeads)) return undefined;
  let last = i;
  if (!first.possessive) {
    for (let j = i + 1; j < tokens.length && j - i < 4; j++) {
      const t = tokens[j]!;
      if (!adjacent(text, base, tokens[j - 1]!, t)) break;
      if (NAME_PARTICLES.has(t.text) && tokens[j + 1]?.capital) continue;
      if (!isNameToken(t, extraHeads)) break;
      last = j;
      if (t.possessive) break;
    }
  }
  // a trailing particle is not part of the name
  const s = tokens[i]!.start;
  const e = tokens[last]!.end;
  const raw = text.slice(s - base, e - base).replace(/['’]s?$/, '');
  return { first: i, last, start: s, end: s + raw.length, text: raw };
}

/**
 * Sentences of plain ASCII (with curly quotes, en and em dashes, no-break
 * spaces): there a token's folded form is its lower-cased text, so cheap
 * lower-case searches can rule a sentence out before it is tokenised.
 */
const SIMPLE_SENTENCE = /^[\t\n\r\x20-\x7e‘’“”–—\u00a0]*$/;
const INITIALS = /(?<![A-Za-z0-9])(?:[A-Z]\.){2,}/g;

const headTests = new Map<string, { re: RegExp; words: Set<string> }>();

/** Every folded form a head word may take (isHeadWord is true only for one of these). */
function headTest(extraHeads: Set<string>): { re: RegExp; words: Set<string> } {
  const id = [...extraHeads].sort().join('\u0000');
  let t = headTests.get(id);
  if (!t) {
    const words = new Set([...TITLE_HEAD_SET, ...Object.keys(HEAD_ABBREVIATIONS), ...Object.keys(TITLE_ACRONYMS), ...extraHeads]);
    words.delete('');
    const alts = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    t = { re: new RegExp(`(?<![a-z0-9])(?:${alts.join('|')})(?![a-z0-9])`), words };
    headTests.set(id, t);
  }
  return t;
}

/** False only when a simple sentence has no token that could be a title head word. */
function mayHaveHead(text: string, lower: string, extraHeads: Set<string>): boolean {
  const t = headTest(extraHeads);
  if (t.re.test(lower)) return true;
  if (text.indexOf('.') < 0) return false;
  INITIALS.lastIndex = 0;
  for (let m = INITIALS.exec(text); m; m = INITIALS.exec(text)) if (t.words.has(m[0].replace(/\./g, '').toLowerCase())) return true;
  return false;
}

/** A headline: no final punctuation and most words capitalised. */
function isHeadline(sentence: string, tokens: Token[]): boolean {
  if (/[.!?"”’:]\s*$/.test(sentence)) return false;
  const words = tokens.filter((t) => /^\p{L}/u.test(t.text));
  if (words.length < 3) return true;
  const caps = words.filter((t) => t.capital).length;
  return caps / words.length >= 0.6;
}

/** "NAME, the " right before a title (the name in group 1). */
const APPOSITION_BEFORE = /([\p{L}\p{N}.'’@-]+)\s*,\s*(?:(?:the|a|an|his|her|their)\s+)?(?:[\p{L}.]+['’]s\s+)?$/u;

/**
 * APPOSITION_BEFORE.exec(text.slice(0, end)), index and group 1 only. A match
 * holds one comma, so it is the last one; and it starts at the run of word
 * characters before that comma (and its spaces), so the pattern is run only
 * from the white space before that run: the end-anchored pattern would
 * otherwise be tried at every position of the sentence.
 */
function appositionBefore(text: string, end: number): { index: number; name: string } | null {
  const comma = end > 0 ? text.lastIndexOf(',', end - 1) : -1;
  if (comma < 0) return null;
  let w = comma;
  while (w > 0 && isSpaceCode(text.charCodeAt(w - 1))) w--;
  let from = w;
  while (from > 0 && !isSpaceCode(text.charCodeAt(from - 1))) from--;
  const m = APPOSITION_BEFORE.exec(text.slice(from, end));
  return m ? { index: from + m.index, name: m[1]! } : null;
}

/**
 * What may follow a title after a name: the end of the apposition, perhaps after
 * a workplace ("Jane Roe, chief engineer at the Harbour Authority, said").
 */
const APPOSITION_CLOSES =
  /^(?:\s+(?:at|with|from|in)\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}'’&.-]*)*)?(?:\s+(?:as well|too|also))?\s*(?:[,.;:)!?”"]|$|\s*(?:said|says|told|stated|added|noted|wrote|posted|explained|confirmed)\b)/u;

const CHAIN_FILLER = /^(?:\s|,|\band\b|\bas well\b|\balso\b|\bof course\b|\bnow\b|\bcurrently\b|\bour\b|\bthe\b|\bhis\b|\bher\b|\btheir\b|\bits\b)*$/i;
const COORDINATION = /^\s*(?:,\s*)?(?:and|as well as|along with|together with|nor|or)\s+(?:also\s+)?(?:the|our|his|her|their)\s+$/i;
const COORDINATION_AFTER = /^\s+(?:and|as well as|along with|together with|nor|or)\s+(?:also\s+)?$/i;

/**
 * Every person mention and every title use in one article. Pure; compiled
 * per call from the vocabulary (cheap: a few regexes per person entity).
 */
/**
 * indexPeople is the costly part of both the title and the attribution rule:
 * computed once per article (and vocabulary and extra heads) and shared, as
 * the parse is. Keyed by the article object, so it goes when the article does.
 */
const peopleMemo = new WeakMap<Article, WeakMap<Vocabulary, Map<string, PeopleIndex>>>();

export function indexPeople(article: Article, vocab: Vocabulary, opts: { extraHeads?: string[] } = {}): PeopleIndex {
  let byVocab = peopleMemo.get(article);
  if (!byVocab) peopleMemo.set(article, (byVocab = new WeakMap()));
  let byHeads = byVocab.get(vocab);
  if (!byHeads) byVocab.set(vocab, (byHeads = new Map()));
  const key = (opts.extraHeads ?? []).join('\u0000');
  let ix = byHeads.get(key);
  if (!ix) byHeads.set(key, (ix = computePeopleIndex(article, vocab, opts)));
  return ix;
}

function computePeopleIndex(article: Article, vocab: Vocabulary, opts: { extraHeads?: string[] } = {}): PeopleIndex {
  // Each step is a function of its own: small functions are optimised sooner and
  // at far less cost than one large one (which matters on a single run).
  const table = titleTable(vocab, opts.extraHeads ?? []);
  const extraHeads = table.extraHeads;
  const text = article.text;
  const hay = haystack(text);

  // 1. vocabulary mentions (an entity none of whose words is in the text is not searched)
  const vocabMentions = findVocabMentions(text, hay, personEntities(vocab));

  // 2. per sentence: title phrases and the names they attach to
  const scan = scanSentences(article, hay, extraHeads, vocabMentions);

  // 3. people: vocabulary entities, then full names found beside titles; surnames resolve to them
  const people = peopleOf(vocab, vocabMentions);
  for (const n of scan.namesFound) {
    const p = personOfName(people, n);
    if (p) addSurname(people, n.text.split(/\s+/).pop()!, p);
  }

  // 4. mentions: vocabulary, then known names and surnames anywhere
  const all: PersonMention[] = [...vocabMentions];
  knownMentions(text, scan.sentenceData, people, all);
  all.sort(byPosition);

  // 5. title uses
  const titles = titleUses(scan.pending, people, table);

  const personAt = (start: number, end: number): PersonMention | undefined => all.find((m) => m.start < end && m.end > start);

  // 6. bare titles: resolved to the person the article gives that title; coordinated with a person, they separate
  const bare = bareTitles(text, scan.bareFound, titles, all, table);
  titles.sort((a, b) => a.start - b.start || (a.person.key < b.person.key ? -1 : 1));

  // bare titles that resolve are mentions too ("the secretary", "the spokesperson")
  for (const b of bare) {
    if (b.person && !overlapsAny(all, b.start, b.end)) all.push({ start: b.start, end: b.end, text: b.raw, person: b.person, via: 'title' });
  }
  all.sort(byPosition);

  return { mentions: all, titles, bare, personAt };
}

const byPosition = (a: PersonMention, b: PersonMention): number => a.start - b.start || b.end - a.end;

/** True when some mention overlaps [s, e). */
function overlapsAny(all: PersonMention[], s: number, e: number): boolean {
  for (let i = 0; i < all.length; i++) if (all[i]!.start < e && all[i]!.end > s) return true;
  return false;
}

function findVocabMentions(text: string, hay: string, people: Entity[]): PersonMention[] {
  const vocabMentions: PersonMention[] = [];
  for (const e of people) {
    if (!mayMention(hay, e)) continue;
    const person: Person = { key: e.id, label: e.name, entity: e };
    for (const m of mentions(text, e)) vocabMentions.push({ start: m.start, end: m.end, text: m.text, person, via: 'vocabulary' });
  }
  vocabMentions.sort(byPosition);
  return vocabMentions;
}

/** The first vocabulary mention (sorted by start) overlapping [start, end). */
function vocabAt(vocabMentions: PersonMention[], start: number, end: number): PersonMention | undefined {
  for (const m of vocabMentions) {
    if (m.start >= end) break;
    if (m.end > start) return m;
  }
  return undefined;
}

interface Pending {
  phrase: TitlePhrase;
  name?: NameSpan;
  how: TitleUse['how'];
  needKnown?: boolean;
}

/** A sentence; tokens undefined for a simple sentence without any head word (tokenised later only if a known name may stand in it). */
interface SentenceData {
  tokens: Token[] | undefined;
  lower?: string;
  phrases: TitlePhrase[];
  start: number;
  text: string;
}

interface BareFound {
  phrase: TitlePhrase;
  tokens: Token[];
  sentenceStart: number;
  sentenceText: string;
}

interface SentenceScan {
  pending: Pending[];
  namesFound: NameSpan[];
  bareFound: BareFound[];
  sentenceData: SentenceData[];
}

function scanSentences(article: Article, hay: string, extraHeads: Set<string>, vocabMentions: PersonMention[]): SentenceScan {
  const scan: SentenceScan = { pending: [], namesFound: [], bareFound: [], sentenceData: [] };
  // in an article of simple sentences only, a sentence's lower-cased text is a slice of the article's
  const simpleArticle = SIMPLE_SENTENCE.test(article.text);
  for (const s of article.sentences) {
    let lower: string | undefined;
    if (simpleArticle ? s.text.length === s.end - s.start : SIMPLE_SENTENCE.test(s.text)) {
      lower = simpleArticle ? hay.slice(s.start, s.end) : s.text.toLowerCase();
      if (!mayHaveHead(s.text, lower, extraHeads)) {
        scan.sentenceData.push({ tokens: undefined, lower, phrases: [], start: s.start, text: s.text });
        continue;
      }
    }
    const tokens = lower !== undefined ? tokenizeSimple(s.text, s.start, lower) : tokenizeGeneral(s.text, s.start);
    const phrases = titlePhrases(tokens, s.text, s.start, extraHeads);
    scan.sentenceData.push({ tokens, lower, phrases, start: s.start, text: s.text });
    if (phrases.length === 0) continue;
    const attached = new Set<TitlePhrase>();
    attachBeside(article.text, s.text, s.start, tokens, phrases, extraHeads, vocabMentions, scan, attached);
    attachClauses(s.text, s.start, tokens, phrases, extraHeads, vocabMentions, scan, attached);
    for (const ph of phrases) {
      if (!attached.has(ph) && ph.definite) scan.bareFound.push({ phrase: ph, tokens, sentenceStart: s.start, sentenceText: s.text });
    }
  }
  return scan;
}

/** Titles right before a name, and after one (apposition), in one sentence. */
function attachBeside(
  text: string,
  sText: string,
  sStart: number,
  tokens: Token[],
  phrases: TitlePhrase[],
  extraHeads: Set<string>,
  vocabMentions: PersonMention[],
  scan: SentenceScan,
  attached: Set<TitlePhrase>,
): void {
  let headlineMemo: boolean | undefined;
  for (let p = 0; p < phrases.length; p++) {
    const ph = phrases[p]!;
    const next = tokens[ph.last + 1];
    // before a name: "Secretary of State Marco Rubio"; stacked: "Chief of Army Staff General Syed Asim Munir"
    if (next && adjacent(sText, sStart, tokens[ph.last]!, next) && !tokens[ph.last]!.possessive) {
      const stackedNext = phrases[p + 1] && phrases[p + 1]!.first === ph.last + 1 ? phrases[p + 1] : undefined;
      const nameStart = stackedNext ? stackedNext.last + 1 : ph.last + 1;
      const afterTok = tokens[nameStart];
      if (afterTok && (!stackedNext || adjacent(sText, sStart, tokens[stackedNext.last]!, afterTok))) {
        let name = nameAfter(tokens, nameStart, sText, sStart, extraHeads);
        let title = ph;
        let vm = name && vocabAt(vocabMentions, name.start, name.end);
        if (name && vm && vm.start > name.start && !stackedNext && vm.text.includes(' ')) {
          // "Chief Rapporteur Jane Roe", Jane Roe a full name of the vocabulary: the words before it end the title
          const k = tokens.findIndex((t) => t.start === vm!.start);
          if (k > nameStart) {
            title = { ...ph, last: k - 1, end: tokens[k - 1]!.end, text: sText.slice(ph.start - sStart, tokens[k - 1]!.end - sStart) };
            name = nameAfter(tokens, k, sText, sStart, extraHeads);
            vm = name && vocabAt(vocabMentions, name.start, name.end);
          }
        }
        if (name) {
          const single = name.first === name.last;
          // "at Riverside General Hospital": an institution is not a person
          const ok =
            vm || (!ORG_WORDS.has(tokens[name.first]!.norm) && (!single || (!(headlineMemo ??= isHeadline(sText, tokens)) && !DEMONYMS.has(tokens[name.first]!.norm))));
          if (ok) {
            scan.pending.push({ phrase: title, name, how: 'before-name' });
            attached.add(ph);
            if (stackedNext) {
              scan.pending.push({ phrase: stackedNext, name, how: 'before-name' });
              attached.add(stackedNext);
              p++;
            }
            if (!single) scan.namesFound.push(name);
            continue;
          }
        }
      }
    }
    // apposition: "Tammy Bruce, the spokesperson of ..., stated"
    const after = sText.slice(ph.end - sStart);
    const closes = APPOSITION_CLOSES.test(after);
    const appo = closes ? appositionBefore(sText, ph.start - sStart) : null;
    if (appo && !/^\s*,?\s*(?:and|or)\b/.test(after)) {
      // the name ends at the comma
      const endTokIndex = tokens.findIndex((t) => t.end > sStart + appo.index && t.start < sStart + appo.index + appo.name.length);
      if (endTokIndex >= 0) {
        // walk back over the capitalised run
        let first = endTokIndex;
        while (first > 0 && isNameToken(tokens[first - 1]!, extraHeads) && adjacent(sText, sStart, tokens[first - 1]!, tokens[first]!) && endTokIndex - first < 3) first--;
        while (first < endTokIndex && !isNameToken(tokens[first]!, extraHeads)) first++;
        if (isNameToken(tokens[endTokIndex]!, extraHeads)) {
          const st = tokens[first]!.start;
          const en = tokens[endTokIndex]!.end;
          const name: NameSpan = { first, last: endTokIndex, start: st, end: en, text: text.slice(st, en).replace(/['’]s?$/, '') };
          const vm = vocabAt(vocabMentions, st, en);
          if (vm || first < endTokIndex) {
            scan.pending.push({ phrase: ph, name, how: 'apposition' });
            attached.add(ph);
            if (first < endTokIndex) scan.namesFound.push(name);
            continue;
          }
          // a single word: accepted later if it is a known surname
          scan.pending.push({ phrase: ph, name, how: 'apposition', needKnown: true });
          attached.add(ph);
          continue;
        }
      }
    }
  }
}

/**
 * Descriptive clauses: "the Secretary of State and, of course, now our national
 * security advisor as well, Marco Rubio"; "Pakistan’s prime minister, Shahbaz Sharif".
 */
function attachClauses(
  sText: string,
  sStart: number,
  tokens: Token[],
  phrases: TitlePhrase[],
  extraHeads: Set<string>,
  vocabMentions: PersonMention[],
  scan: SentenceScan,
  attached: Set<TitlePhrase>,
): void {
  for (let p = 0; p < phrases.length; p++) {
    const ph = phrases[p]!;
    // "the Secretary of State, …, Marco Rubio"; a possessive is a determiner too: "Portugal’s president, Luis Montenegro"
    if (attached.has(ph) || !(ph.definite || (tokens[ph.first]!.possessive && ph.first < ph.last))) continue;
    const chain = [ph];
    let q = p;
    while (phrases[q + 1] && !attached.has(phrases[q + 1]!) && CHAIN_FILLER.test(sText.slice(phrases[q]!.end - sStart, phrases[q + 1]!.start - sStart))) {
      chain.push(phrases[q + 1]!);
      q++;
    }
    const lastPh = chain[chain.length - 1]!;
    const tail = sText.slice(lastPh.end - sStart);
    const m = /^((?:\s|\band\b|\bas well\b|\balso\b|\bof course\b|\bnow\b)*,\s*)/i.exec(tail);
    if (m && m[1]!.includes(',')) {
      const at = lastPh.end + m[1]!.length;
      const ti = tokens.findIndex((t) => t.start === at);
      const name = ti >= 0 ? nameAfter(tokens, ti, sText, sStart, extraHeads) : undefined;
      if (name && (vocabAt(vocabMentions, name.start, name.end) || name.first < name.last)) {
        for (const c of chain) {
          scan.pending.push({ phrase: c, name, how: 'clause' });
          attached.add(c);
        }
        if (name.first < name.last) scan.namesFound.push(name);
        p = q;
        continue;
      }
    }
  }
}

/** The people of one article: by key, and by surname (null: two people share it). */
interface People {
  byKey: Map<string, Person>;
  surname: Map<string, Person | null>;
  vocabMentions: PersonMention[];
  /** Surname keys the vocabulary gives, by every prefix of theirs. */
  vocabPrefixes: Map<string, string[]>;
}

interface VocabPeople {
  entities: { entity: Entity; surnames: string[] }[];
  prefixes: Map<string, string[]>;
  source: Entity[];
  count: number;
}

const vocabPeopleMemo = new WeakMap<Vocabulary, VocabPeople>();

/** The person entities and the surname keys of their names and aliases of two words or more (cached per vocabulary). */
function vocabPeople(vocab: Vocabulary): VocabPeople {
  let vp = vocabPeopleMemo.get(vocab);
  // entities added to the vocabulary since: list again
  if (!vp || vp.source !== vocab.entities || vp.count !== vocab.entities.length) {
    const entities: VocabPeople['entities'] = [];
    const prefixes = new Map<string, string[]>();
    for (const e of personEntities(vocab)) {
      const surnames: string[] = [];
      for (const n of [e.name, ...e.aliases]) {
        const words = n.trim().split(/\s+/);
        if (words.length > 1) surnames.push(words[words.length - 1]!);
      }
      entities.push({ entity: e, surnames });
      for (const w of surnames) {
        const k = nameKey(w);
        for (let i = 0; i <= k.length; i++) {
          const pre = k.slice(0, i);
          const list = prefixes.get(pre);
          if (!list) prefixes.set(pre, [k]);
          else if (!list.includes(k)) list.push(k);
        }
      }
    }
    vocabPeopleMemo.set(vocab, (vp = { entities, prefixes, source: vocab.entities, count: vocab.entities.length }));
  }
  return vp;
}

function peopleOf(vocab: Vocabulary, vocabMentions: PersonMention[]): People {
  const vp = vocabPeople(vocab);
  const people: People = { byKey: new Map(), surname: new Map(), vocabMentions, vocabPrefixes: vp.prefixes };
  for (const { entity: e, surnames } of vp.entities) {
    const p: Person = { key: e.id, label: e.name, entity: e };
    people.byKey.set(p.key, p);
    for (const w of surnames) addSurname(people, w, p);
  }
  return people;
}

function addSurname(people: People, word: string, p: Person): void {
  const k = nameKey(word);
  if (!k || k.length < 2) return;
  const cur = people.surname.get(k);
  if (cur === undefined) people.surname.set(k, p);
  else if (cur && cur.key !== p.key) people.surname.set(k, null); // ambiguous
}

function personOfName(people: People, n: NameSpan): Person | undefined {
  const { byKey, surname } = people;
  const vm = vocabAt(people.vocabMentions, n.start, n.end);
  if (vm) return vm.person;
  const words = n.text.split(/\s+/);
  if (words.length === 1) {
    const p = surname.get(nameKey(words[0]!));
    if (p) return p;
    if (p === null) return undefined; // two people share it
    const key = `name:${nameKey(words[0]!)}`;
    let q = byKey.get(key);
    if (!q) byKey.set(key, (q = { key, label: words[0]! }));
    return q;
  }
  const key = `name:${nameKey(n.text)}`;
  let p = byKey.get(key);
  if (!p) {
    // "S Jaishankar" and "S. Jaishankar", or a longer form of a known surname
    const s = surname.get(nameKey(words[words.length - 1]!));
    if (s && s.key.startsWith('name:')) return s;
    p = { key, label: n.text.replace(/\s+/g, ' ') };
    byKey.set(key, p);
  }
  return p;
}

/** The longest run of [a-z0-9] in a key ('' when none), memoised. */
const longestRuns = new Map<string, string>();

function longestRun(k: string): string {
  let r = longestRuns.get(k);
  if (r === undefined) {
    const runs = k.match(/[a-z0-9]+/g);
    r = runs ? runs.reduce((a, b) => (b.length > a.length ? b : a)) : '';
    if (longestRuns.size > 5000) longestRuns.clear();
    longestRuns.set(k, r);
  }
  return r;
}

/** Known names and surnames anywhere in the article, added to `all`. */
function knownMentions(text: string, sentenceData: SentenceData[], people: People, all: PersonMention[]): void {
  const known = new Map<string, Person>();
  for (const p of people.byKey.values()) if (p.key.startsWith('name:')) known.set(p.key.slice(5), p);
  for (const [k, p] of people.surname) if (p) known.set(k, p);
  // a known name starting at a token begins with the token's folded form: skip other tokens.
  // The prefixes of the vocabulary's surnames are listed once per vocabulary; those of other known keys here.
  const vocabPrefixes = people.vocabPrefixes;
  const otherStarts = new Set<string>();
  for (const k of known.keys()) {
    if (vocabPrefixes.has(k) && vocabPrefixes.get(k)!.includes(k)) continue;
    for (let n = 0; n <= k.length; n++) otherStarts.add(k.slice(0, n));
  }
  const mayStart = (norm: string): boolean => {
    if (otherStarts.has(norm)) return true;
    const keys = vocabPrefixes.get(norm);
    if (keys) for (const k of keys) if (known.has(k)) return true;
    return false;
  };
  const keyChars = keyCharTable(known.keys());
  const greekSigma = text.indexOf('Σ') >= 0; // lower-cased by context: no shortcut then
  // in a simple sentence, a known name's longest run of letters and digits stands in its lower-cased text (periods dropped)
  const runs: string[] = [];
  let runsComplete = true;
  for (const k of known.keys()) {
    const r = longestRun(k);
    if (!r) runsComplete = false;
    else runs.push(r);
  }
  for (const sd of sentenceData) {
    if (!sd.tokens) {
      if (runsComplete && !containsRun(sd.lower!, runs)) continue;
      sd.tokens = tokenizeSimple(sd.text, sd.start, sd.lower!);
    }
    const tks = sd.tokens;
    for (let i = 0; i < tks.length; i++) {
      if (!tks[i]!.capital) continue;
      if (!greekSigma && !mayStart(tks[i]!.norm)) continue;
      // longest known name starting here (up to 4 words)
      for (let n = Math.min(4, tks.length - i); n >= 1; n--) {
        const st = tks[i]!.start;
        const en = tks[i + n - 1]!.end;
        const k = sd.lower !== undefined ? simpleNameKey(sd.text, sd.lower, st - sd.start, en - sd.start, keyChars) : nameKey(text.slice(st, en));
        const p = k === undefined ? undefined : known.get(k);
        if (p && !overlapsAny(all, st, en)) {
          const raw = text.slice(st, en).replace(/['’]s?$/, '');
          all.push({ start: st, end: st + raw.length, text: raw, person: p, via: n > 1 ? 'name' : 'surname' });
          i += n - 1;
          break;
        }
      }
    }
  }
}

/**
 * True when the lower-cased sentence, periods dropped, contains one of the runs
 * (of [a-z0-9]). Dropping periods makes a new occurrence only where a period
 * stands between two letters or digits ("u.s."), so the sentence is searched
 * as it is unless it has such a period.
 */
function containsRun(lower: string, runs: string[]): boolean {
  for (const r of runs) if (lower.indexOf(r) >= 0) return true;
  if (!hasInnerPeriod(lower)) return false;
  const l0 = lower.replace(/\./g, '');
  for (const r of runs) if (l0.indexOf(r) >= 0) return true;
  return false;
}

const isLowerAlnumCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** A run of periods with a lower-case letter or digit on each side. */
function hasInnerPeriod(lower: string): boolean {
  for (let i = lower.indexOf('.'); i >= 0; i = lower.indexOf('.', i + 1)) {
    if (i === 0 || !isLowerAlnumCode(lower.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (j < lower.length && lower.charCodeAt(j) === 46) j++;
    if (j < lower.length && isLowerAlnumCode(lower.charCodeAt(j))) return true;
  }
  return false;
}

function titleUses(pending: Pending[], people: People, table: TitleTable): TitleUse[] {
  const titles: TitleUse[] = [];
  for (const pd of pending) {
    if (!pd.name) continue;
    if (pd.needKnown && !vocabAt(people.vocabMentions, pd.name.start, pd.name.end) && !people.surname.get(nameKey(pd.name.text))) continue;
    const person = personOfName(people, pd.name);
    if (!person) continue;
    titles.push({
      person,
      title: normalizeTitle(pd.phrase.text, table),
      raw: pd.phrase.text,
      start: pd.phrase.start,
      end: pd.phrase.end,
      holds: true,
      how: pd.how,
    });
  }
  return titles;
}

/** Bare titles, and the separations they make ("both Secretary Rubio and the US National Security Adviser"), added to `titles`. */
function bareTitles(text: string, bareFound: BareFound[], titles: TitleUse[], all: PersonMention[], table: TitleTable): BareTitle[] {
  const bare: BareTitle[] = [];
  for (const b of bareFound) {
    const tk = normalizeTitle(b.phrase.text, table);
    const holders = new Map<string, Person>();
    for (const t of titles) if (t.holds && (t.title.key === tk.key || isShortFormOf(tk, t.title))) holders.set(t.person.key, t.person);
    const bt: BareTitle = { title: tk, raw: b.phrase.text, start: b.phrase.start, end: b.phrase.end };
    if (holders.size === 1) bt.person = [...holders.values()][0]!;
    bare.push(bt);
    // "both Secretary Rubio and the US National Security Adviser"
    const beforeText = text.slice(Math.max(b.sentenceStart, b.phrase.start - 40), b.phrase.start);
    const coord = /(\s*(?:,\s*)?(?:and|as well as|along with|together with|nor|or)\s+(?:also\s+)?(?:the|our|his|her|their)\s+)$/i.exec(beforeText);
    let other: PersonMention | undefined;
    if (coord && COORDINATION.test(coord[1]!)) {
      const endAt = b.phrase.start - coord[1]!.length;
      other = all.find((m) => m.end === endAt);
    } else {
      // "the National Security Adviser and Secretary Rubio"
      const afterText = text.slice(b.phrase.end, Math.min(b.phrase.end + 40, b.sentenceStart + b.sentenceText.length));
      const co = /^(\s+(?:and|as well as|along with|together with|nor|or)\s+(?:also\s+)?)/i.exec(afterText);
      if (co && COORDINATION_AFTER.test(co[1]!)) {
        const at = b.phrase.end + co[1]!.length;
        // a titled name may follow ("and Secretary Rubio")
        const use = titles.find((t) => t.start === at);
        const from = use ? use.end : at;
        other = all.find((m) => m.start >= from && m.start <= from + 1);
      }
    }
    if (other && other.person.key !== bt.person?.key) {
      titles.push({ person: other.person, title: tk, raw: b.phrase.text, start: b.phrase.start, end: b.phrase.end, holds: false, how: 'separated' });
    }
  }
  return bare;
}
