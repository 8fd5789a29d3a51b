/**
 * attribution: who an article credits with a reported statement or readout,
 * compared across articles.
 *
 * Extraction finds attribution cues in each sentence: a speech verb with its
 * subject ("Leavitt said", "Leavitt told reporters", "Tammy Bruce, the
 * spokesperson of the US State Department, stated", "Jaishankar posted on X",
 * "she added"), an inverted verb ("…, stated Bruce"), or "according to X". The
 * statement is the quote the cue belongs to (split per sentence when it runs over
 * several) or, for reported speech, the clause after the verb. Pronouns resolve
 * to the person last named as the subject of a sentence since the last named
 * speaker, else to that speaker (as in the quote rule); "the spokesperson" to the
 * person the article gives that title. One fact per statement: value = the
 * speaker, data = the statement text (and `inferred` when the speaker was read
 * from a pronoun: such a guess alone never makes a finding). All facts share one subject, so compare() sees every
 * statement of every article, groups those that say the same thing (content
 * words and word pairs, through an index), and reports a group whose articles
 * credit different speakers.
 */
import { evidence, relatedAt } from '../articles/parse.js';
import { RuleError } from '../errors.js';
import { cmp, describeGroups, groupValues, listArticles, makeFinding } from '../findings.js';
import { CLAUSE_VERBS, clusterStatements, contentWords, hasContentWords, MIN_CONTENT_WORDS, SPEECH_VERBS, statementKey, wordCount } from '../normalize/attribution.js';
import { indexPeople, mayMention, type PeopleIndex } from '../normalize/titles.js';
import { entityTerms, escapeRegExp, findEntity, foldText, mentions, phrasePattern } from '../vocab.js';
import type { Article, Entity, Fact, Finding, Rule, RuleType, Sentence, Vocabulary } from '../types.js';

export interface AttributionOptions {
  min_words: number;
  min_similarity: number;
  speakers: string[];
  verbs: string[];
  organisations: boolean;
}

interface Speaker {
  key: string;
  label: string;
  kind: 'person' | 'organisation';
  start: number;
  end: number;
  /** How it was found: "named", "pronoun “she”", "title “the spokesperson”". */
  via: string;
  /** Read from a pronoun in the sentence that names the person or the next one (“Marrow said… “…,” she said”). */
  near?: boolean;
}

interface Cue {
  speaker: Speaker;
  /** Offsets (article text) of the verb or "according to". */
  verbStart: number;
  verbEnd: number;
  kind: 'verb' | 'inverted' | 'according';
  verb: string;
}

interface Quote {
  open: number;
  close: number; // after the closing mark
  start: number; // inner
  end: number;
}

/**
 * The speech and clause verbs of one rule. `verb` and `clause` are the plain
 * patterns (each verb as a whole word); `scan` is the fast path used when every
 * verb is plain words (no apostrophe or hyphen). Trying the big alternations,
 * each behind a Unicode lookbehind, at every character was the costliest part
 * of extraction; the fast path finds candidates with `first`, a plain pattern
 * of the words a match can start with (no lookbehind, no Unicode flag, so the
 * regular expression engine can skip through the text), and at a candidate
 * that starts a word tries the patterns anchored (sticky). A sticky pattern at
 * a word start is the plain pattern with its "no letter before" lookbehind
 * already true, so both find the same matches.
 */
interface VerbPatterns {
  verb: RegExp;
  clause: RegExp;
  scan?: { first: RegExp; verb: RegExp; clause: RegExp };
}

const compiled = new WeakMap<object, VerbPatterns>();

function verbRegExps(o: AttributionOptions): VerbPatterns {
  let c = compiled.get(o);
  if (!c) {
    const all = [...SPEECH_VERBS, ...(o.verbs ?? [])];
    const verbs = [...all].sort((a, b) => b.length - a.length).map(phrasePattern);
    const clause = [...CLAUSE_VERBS].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const verbAlt = `(?:${verbs.join('|')})(?![\\p{L}])|[Aa]ccording to(?![\\p{L}])`;
    const clauseAlt = `(?:${clause.join('|')})(?=\\s*(?:that\\b|,?\\s*[“"]|:))`;
    c = {
      verb: new RegExp(`(?<![\\p{L}])(?:${verbs.join('|')})(?![\\p{L}])|(?<![\\p{L}])[Aa]ccording to(?![\\p{L}])`, 'gu'),
      clause: new RegExp(`(?<![\\p{L}])(?:${clause.join('|')})(?=\\s*(?:that\\b|,?\\s*[“"]|:))`, 'gu'),
    };
    const plainWords = /^\p{L}+(?:\s+\p{L}+)*$/u;
    if (all.every((v) => plainWords.test(v.trim())) && CLAUSE_VERBS.every((v) => /^\p{L}+$/u.test(v))) {
      // a match starts with a verb's first word (a clause verb may run into "that": "stressedthat" matches)
      const first = new Set([...all.map((v) => v.trim().split(/\s+/)[0]!), 'according', 'According', ...CLAUSE_VERBS]);
      c.scan = {
        first: new RegExp([...first].map(escapeRegExp).join('|'), 'g'),
        verb: new RegExp(verbAlt, 'uy'),
        clause: new RegExp(clauseAlt, 'uy'),
      };
    }
    compiled.set(o, c);
  }
  return c;
}

interface VerbMatch {
  start: number;
  end: number;
  verb: string;
}

/** Speech verbs, then clause verbs, in a sentence (offsets in the article): what the two plain patterns find, in that order. */
function findVerbs(s: Sentence, p: VerbPatterns): VerbMatch[] {
  const found: VerbMatch[] = [];
  const t = s.text;
  const scan = p.scan;
  if (!scan) {
    for (const re of [p.verb, p.clause]) {
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) found.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, verb: m[0] });
    }
    return found;
  }
  let clauses: VerbMatch[] | undefined;
  let verbFrom = 0; // a match of each pattern starts after the previous match of that pattern
  let clauseFrom = 0;
  const { first, verb, clause } = scan;
  // every position where a first word starts (the search goes on one character after each)
  for (first.lastIndex = 0; ; first.lastIndex++) {
    const hit = first.exec(t);
    if (!hit) break;
    const at = hit.index;
    first.lastIndex = at;
    if (letterBefore(t, at)) continue;
    if (at >= verbFrom) {
      verb.lastIndex = at;
      const m = verb.exec(t);
      if (m) {
        found.push({ start: s.start + at, end: s.start + at + m[0].length, verb: m[0] });
        verbFrom = at + m[0].length;
      }
    }
    if (at >= clauseFrom) {
      clause.lastIndex = at;
      const m = clause.exec(t);
      if (m) {
        (clauses ??= []).push({ start: s.start + at, end: s.start + at + m[0].length, verb: m[0] });
        clauseFrom = at + m[0].length;
      }
    }
  }
  if (clauses) for (const c of clauses) found.push(c);
  return found;
}

const LETTER = /\p{L}/u;
/** \p{L} of the code units up to U+FFFF, found out once each: 0 not yet, 1 letter, 2 not a letter. */
const bmpLetter = new Uint8Array(0x10000);

/** Whether the character (code point) before i is a letter: what the lookbehind (?<![\p{L}]) looks at. */
function letterBefore(t: string, i: number): boolean {
  if (i === 0) return false;
  const c = t.charCodeAt(i - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const hi = t.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return LETTER.test(t.slice(i - 2, i));
  }
  let k = bmpLetter[c]!;
  if (k === 0) bmpLetter[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

const PRONOUN = /\b(he|she|they|He|She|They)\b/g;
const ORG_HEAD = /\b(?:the\s+)((?:[A-Z][\p{L}.]*\.?\s+){0,4}(?:House|Department|Ministry|Office|Agency|Council|Commission|Committee|Government|Administration|Embassy|Army|Police|Service|Bureau|Authority|Kremlin|Pentagon|Foreign Office|Secretariat|Mission|Party))\b/gu;

function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  const re = /“([^“”\n]{1,3000})”|"([^"\n]{1,3000})"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index + 1;
    let end = m.index + m[0].length - 1;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    out.push({ open: m.index, close: m.index + m[0].length, start, end });
  }
  return out;
}

export const attribution: RuleType<AttributionOptions> = {
  type: 'attribution',
  summary: 'Who each article credits with a reported statement (said, told, according to), compared across articles.',
  defaultSeverity: 'warning',
  options: {
    min_words: {
      type: 'integer',
      minimum: 2,
      default: 6,
      description:
        'Words a statement needs to be compared (all words, as written); shorter ones ("as quickly as possible") are too common to match safely. A statement also needs at least 3 content words (not "the", "would"...; "not", "never", "no" count).',
    },
    min_similarity: {
      type: 'number',
      minimum: 0.2,
      maximum: 1,
      default: 0.5,
      description:
        'How much two statements must share to be "the same statement": the share of the shorter one\'s word pairs (or, discounted, content words) found in the other. 1 = contained word for word.',
    },
    speakers: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Ids of entities (people or organisations) to watch: a finding needs one of them among the credited speakers. Default: anyone.',
    },
    verbs: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Extra speech verbs beside the built-in ones (said, told, stated, added, noted, posted, wrote, warned, according to…), e.g. `briefed`.',
    },
    organisations: {
      type: 'boolean',
      default: true,
      description:
        'Count an organisation as a speaker ("the White House said"). A statement credited to a person in one article and to an organisation in another is reported as a variant, not a contradiction.',
    },
  },

  prepare(rule: Rule<AttributionOptions>, vocab: Vocabulary) {
    const o = rule.options;
    o.min_words ??= 6;
    o.min_similarity ??= 0.5;
    o.speakers ??= [];
    o.verbs ??= [];
    o.organisations ??= true;
    if (!(o.min_similarity > 0 && o.min_similarity <= 1)) throw new RuleError('min_similarity must be a number between 0.2 and 1, e.g. 0.5', 'min_similarity');
    o.speakers.forEach((id, i) => {
      if (!findEntity(vocab, id)) {
        const ids = vocab.entities.map((e) => e.id).join(', ') || '(none defined)';
        throw new RuleError(`unknown entity "${id}": define it under entities: or use one of ${ids}`, `speakers.${i}`);
      }
    });
    o.verbs.forEach((v, i) => {
      if (!/^[\p{L}' -]+$/u.test(v)) throw new RuleError(`verbs: "${v}" must be a word or phrase (letters only), e.g. briefed`, `verbs.${i}`);
    });
  },

  extract(article: Article, rule: Rule<AttributionOptions>, vocab: Vocabulary): Fact[] {
    return extractStatements(article, rule, vocab);
  },

  compare(facts: Fact[], rule: Rule<AttributionOptions>): Finding[] {
    return compareAttributions(facts, rule);
  },
};

// ---------------------------------------------------------------------------
// extraction

const OFFICE = /\b[Tt]he\s+((?:[a-z]+['’]s\s+)?(?:[a-z]+\s+)?(?:office|ministry|department|agency|council|government|administration|embassy|police|army|spokesperson's office))\b/g;

function organisationMentions(article: Article, vocab: Vocabulary): Speaker[] {
  const out: Speaker[] = [];
  const orgs: Entity[] = vocab.entities.filter((e) => e.kind !== 'person');
  const hay = lowerHaystack(article.text);
  for (const e of orgs) {
    if (!mayMention(hay, e)) continue;
    for (const m of mentions(article.text, e)) out.push({ key: e.id, label: e.name, kind: 'organisation', start: m.start, end: m.end, via: 'named' });
  }
  ORG_HEAD.lastIndex = 0;
  for (let m = ORG_HEAD.exec(article.text); m; m = ORG_HEAD.exec(article.text)) {
    const name = m[1]!.replace(/^(?:US|U\.S\.|UK|U\.K\.)\s+/, '');
    const start = m.index + m[0].length - m[1]!.length;
    const end = m.index + m[0].length;
    if (out.some((o) => o.start < end && o.end > start)) continue;
    out.push({ key: `org:${foldText(name).replace(/\./g, '')}`, label: `the ${name}`, kind: 'organisation', start, end, via: 'named' });
  }
  OFFICE.lastIndex = 0;
  for (let m = OFFICE.exec(article.text); m; m = OFFICE.exec(article.text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (out.some((o) => o.start < end && o.end > start)) continue;
    out.push({ key: `org:${foldText(m[1]!)}`, label: `the ${m[1]!}`, kind: 'organisation', start, end, via: 'named' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The text for mayMention (normalize/titles.ts), the literal pre-check before an
 * entity's pattern runs over a whole article: the text
 * lower-cased, with the long s as s: under the case-insensitive Unicode flag an
 * ASCII letter also matches the Kelvin sign (lower-cased to k) and ſ.
 */
function lowerHaystack(text: string): string {
  const lower = text.toLowerCase();
  return lower.indexOf('ſ') >= 0 ? lower.replace(/ſ/g, 's') : lower;
}

function personSpeaker(ix: PeopleIndex, start: number, end: number): Speaker | undefined {
  const m = ix.mentions.find((x) => x.start >= start && x.end <= end);
  if (!m) return undefined;
  return {
    key: m.person.key,
    label: m.person.label,
    kind: 'person',
    start: m.start,
    end: m.end,
    via: m.via === 'title' ? `title “${m.text}”` : 'named',
  };
}

/** The speaker right after an offset ("according to U.S. Department of State spokesperson Tammy Bruce", "stated Bruce"). */
function speakerAfter(article: Article, ix: PeopleIndex, orgs: Speaker[], pos: number, limit: number): Speaker | undefined {
  const text = article.text;
  for (const m of ix.mentions) {
    if (m.start < pos) continue;
    if (m.start > limit) break;
    const gap = text.slice(pos, m.start);
    if (gap.length <= 80 && /^[\p{L}\p{N}.'’\s-]*$/u.test(gap) && !/\b(?:that|who|which|said|and)\b/.test(gap)) return personSpeaker(ix, m.start, m.end);
    break;
  }
  const org = orgs.find((o) => o.start >= pos && o.start <= pos + 5 && o.start <= limit);
  if (org) return org;
  // an unknown name: capitalised words
  const rest = text.slice(pos, limit);
  const u = /^((?:[A-Z][\p{L}'’-]+|[A-Z]\.?)(?:\s+(?:[A-Z][\p{L}'’-]+|[A-Z]\.)){0,3})/u.exec(rest);
  if (u && !/^(?:The|A|An|This|That|It|He|She|They|We|I)$/.test(u[1]!)) {
    const name = u[1]!.replace(/['’]s$/, '');
    return { key: name.includes(' ') ? `name:${foldText(name).replace(/\./g, '')}` : `name:${foldText(name)}`, label: name, kind: 'person', start: pos, end: pos + name.length, via: 'named' };
  }
  return undefined;
}

/** Words that end a person's name run rather than start an organisation's ("Nordbane Board" is not a person). */
const ORG_TAIL = /^(?:House|Department|Ministry|Office|Agency|Council|Commission|Committee|Government|Administration|Embassy|Army|Police|Service|Services|Bureau|Authority|Board|Institute|University|Hospital|Group|Company|Corporation|Corp|Inc|Ltd|Bank|Fund|Union|Association|Federation|News|Times|Post|Press|Radio|Television|TV|Network|Party|Court|Station|Centre|Center|Airport|Railway|Railways|Airlines|Force|Forces|Guard|Command|Secretariat|Mission)$/;

/**
 * The noun phrase after "according to", up to the comma (or quote, or sentence
 * end) that closes it, and the person it names at its end: "Nordbane chief
 * executive Tomas Reiner", "U.S. Department of State spokesperson Tammy Bruce",
 * "police spokesman Lars Berg". Undefined when the phrase runs on (no closing
 * comma within a few words) or names nobody at its end; the caller then reads
 * the speaker right after "according to".
 */
function sourcePhrase(text: string, ix: PeopleIndex, pos: number, limit: number): { end: number; speaker?: Speaker } | undefined {
  const rest = text.slice(pos, Math.min(limit, pos + 140));
  const m = /^[^,;:“”"()—–\n]*/.exec(rest)!;
  let phrase = m[0];
  const closed = phrase.length < rest.length || pos + rest.length >= limit;
  if (!closed) return undefined;
  phrase = phrase.replace(/[\s.]+$/, (t) => (/^\.\s*$/.test(t) && /\b[A-Z]$/.test(phrase.slice(0, -t.length)) ? t.replace(/\s+$/, '') : '')); // keep the dot of "Jr." / "U.S."
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 9 || /\b(?:said|says|told|that|who|which|when|after|before|because)\b/.test(phrase)) return undefined;
  const end = pos + phrase.length;
  // a person the article knows, ending the phrase
  const known = ix.mentions.filter((x) => x.start >= pos && x.end <= end);
  const last = known[known.length - 1];
  if (last && /^[\s.'’s]*$/.test(text.slice(last.end, end))) return { end, speaker: personSpeaker(ix, last.start, last.end) };
  // capitalised words ending the phrase, after a lower-case title ("chief executive Tomas Reiner") or alone ("Tomas Reiner")
  const u = /(^|\s)((?:[A-Z][\p{L}'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\p{L}'’-]+|[A-Z]\.)){0,3})$/u.exec(phrase);
  if (!u) return { end };
  const name = u[2]!;
  const nameWords = name.split(/\s+/);
  const head = phrase.slice(0, u.index).trim();
  const lastHead = head.split(/\s+/).pop() ?? '';
  if (ORG_TAIL.test(nameWords[nameWords.length - 1]!) || /^(?:the|a|an|its|their|his|her|of|for|at|in)$/i.test(lastHead)) return { end };
  // a lone capitalised word is a name only after a lower-case title word ("spokesperson Bruce")
  if (nameWords.length === 1 && !/^[a-z][\p{L}-]*$/u.test(lastHead)) return { end };
  if (nameWords.length >= 2 && !head && /^(?:The|A|An|This|That|It|He|She|They|We|I)$/.test(nameWords[0]!)) return { end };
  const at = pos + (u.index + u[1]!.length);
  const key = `name:${foldText(name).replace(/\./g, '')}`;
  return { end, speaker: { key, label: name, kind: 'person', start: at, end: at + name.length, via: 'named' } };
}

interface Statement {
  start: number;
  end: number;
  speaker: Speaker;
  cue: Cue;
}

/** What the steps of one article's extraction share. */
interface Ctx {
  article: Article;
  text: string;
  ix: PeopleIndex;
  orgs: Speaker[];
  quotes: Quote[];
}

/** What carries over from one sentence to the next. */
interface Carry {
  statements: Statement[];
  lastNamed: Speaker | undefined;
  /** Index of the sentence lastNamed was credited in (-1 before any). */
  lastNamedSentence: number;
  pendingAccording: Cue | undefined;
  lastQuote: { cue: Cue; paragraph: number } | undefined;
}

/*
 * The extraction is split into small functions (cues of a sentence, one cue,
 * statements of a sentence, facts): as one function it took V8's optimising
 * compiler about a second of CPU to compile, more than the extraction itself.
 */
function extractStatements(article: Article, rule: Rule<AttributionOptions>, vocab: Vocabulary): Fact[] {
  const o = rule.options;
  const ctx: Ctx = {
    article,
    text: article.text,
    ix: indexPeople(article, vocab),
    orgs: o.organisations === false ? [] : organisationMentions(article, vocab),
    quotes: findQuotes(article.text),
  };
  const verbs = verbRegExps(o);
  const carry: Carry = { statements: [], lastNamed: undefined, lastNamedSentence: -1, pendingAccording: undefined, lastQuote: undefined };
  // a line pointing to another story quotes that story
  for (const s of article.sentences) if (!s.related) sentenceStatements(ctx, carry, s, verbs);
  return statementFacts(ctx, rule, carry.statements);
}

/** A quote whose closing mark stands in this sentence right before pos (“…,” Leavitt said; “…,” the White House said). */
function quoteEndingAt(ctx: Ctx, s: Sentence, pos: number): Quote | undefined {
  const { quotes, text } = ctx;
  return quotes.find((q) => q.close <= pos && q.close > s.start && pos - q.close <= 80 && /^[\s,]*[^.;:!?“”"]*$/.test(text.slice(q.close, pos)) && !quotes.some((o) => o.open > q.close && o.open < pos));
}

/** A quote opening right after pos (Leavitt noted, “…”). */
function quoteStartingAt(ctx: Ctx, s: Sentence, pos: number): Quote | undefined {
  const text = ctx.text;
  return ctx.quotes.find((q) => q.open >= pos && q.open < s.end && /^\s*[,:]?\s*$/.test(text.slice(pos, q.open)));
}

/** Length of the spaces at pos. */
function spacesAt(text: string, pos: number): number {
  return text.slice(pos).match(/^\s*/)?.[0].length ?? 0;
}

function sentenceStatements(ctx: Ctx, carry: Carry, s: Sentence, verbs: VerbPatterns): void {
  const { text, quotes } = ctx;
  const statements = carry.statements;
  const found = findVerbs(s, verbs);
  const cues: Cue[] = [];
  if (found.length > 0) {
    found.sort((a, b) => a.start - b.start);
    for (const v of found) {
      // verbs inside quotes are the quoted speaker's words
      if (quotes.some((q) => v.start > q.open && v.end < q.close)) continue;
      const c = cueOf(ctx, s, v, cues, carry);
      if (c) cues.push(c);
    }
  }

  // statements of this sentence
  const before = statements.length;
  if (cues.length > 0) cueStatements(ctx, carry, s, cues);
  // a quote standing alone right after a quoted statement continues it (“…,” Leavitt told reporters. “He understands…”)
  const lastQuote = carry.lastQuote;
  if (statements.length === before && cues.length === 0 && lastQuote && lastQuote.paragraph === s.paragraph) {
    const q = quotes.find((x) => x.open >= s.start && x.open <= s.start + 1 && x.close <= s.end + 1);
    if (q && !statements.some((st) => st.start <= q.start && st.end >= q.end)) {
      const c = lastQuote.cue;
      statements.push({ start: q.start, end: q.end, speaker: { ...c.speaker, via: `${c.speaker.via === 'named' ? '' : c.speaker.via + '; '}quote continues the one credited to ${c.speaker.label}` }, cue: c });
    }
  }
  if (statements.length > before) {
    const st = statements[statements.length - 1]!;
    const isQuote = quotes.some((q) => q.start === st.start && q.end === st.end);
    carry.lastQuote = isQuote ? { cue: st.cue, paragraph: s.paragraph } : undefined;
  } else if (cues.length > 0) carry.lastQuote = undefined;
  const pendingAccording = carry.pendingAccording;
  if (statements.length === before && pendingAccording && cues.length === 0 && !quotes.some((q) => q.start < s.end && q.end > s.start && q.close > s.end)) {
    // "According to X." then the statement
    if (pendingAccording.verbStart < s.start) statements.push({ start: s.start, end: s.end, speaker: pendingAccording.speaker, cue: pendingAccording });
    carry.pendingAccording = undefined;
  } else if (pendingAccording && pendingAccording.verbStart < s.start) carry.pendingAccording = undefined;
  for (const c of cues)
    if (!isInferred(c.speaker)) {
      carry.lastNamed = { ...c.speaker };
      carry.lastNamedSentence = s.index;
    }
}

/** The cue a verb of the sentence makes, given the cues before it: "according to X", an inverted verb (“…,” said X) or a subject and its verb. */
function cueOf(ctx: Ctx, s: Sentence, v: VerbMatch, cues: Cue[], carry: Carry): Cue | undefined {
  const { text, article, ix, orgs } = ctx;
  if (/^according to$/i.test(v.verb)) {
    const pos = v.end + spacesAt(text, v.end);
    const np = sourcePhrase(text, ix, pos, s.end);
    const sp = np?.speaker ?? speakerAfter(article, ix, orgs, pos, s.end);
    return sp ? { speaker: sp, verbStart: v.start, verbEnd: Math.max(sp.end, np?.end ?? 0), kind: 'according', verb: 'according to' } : undefined;
  }
  // inverted: “…,” said Leavitt / …, stated Bruce.
  const before = text.slice(s.start, v.start);
  if (/[,”"]\s*$/.test(before) && /^\s+\S/.test(text.slice(v.end, v.end + 2)) && !/^(?:told|tell)/i.test(v.verb)) {
    const sp = speakerAfter(article, ix, orgs, v.end + spacesAt(text, v.end), Math.min(s.end, v.end + 90));
    if (sp && /^[\s\p{L}.'’-]*(?:[,.;]|$|\s+(?:in|on|at|to|after|before|during|,))/u.test(text.slice(sp.end, s.end))) {
      return { speaker: sp, verbStart: v.start, verbEnd: v.end, kind: 'inverted', verb: v.verb };
    }
  }
  return subjectCue(ctx, s, v, before, cues, carry);
}

/** The subject before the verb: a person, a pronoun, an organisation or an unknown name. */
function subjectCue(ctx: Ctx, s: Sentence, v: VerbMatch, before: string, cues: Cue[], carry: Carry): Cue | undefined {
  const { text, ix, orgs } = ctx;
  let windowStart = s.start;
  for (const q of ctx.quotes) if (q.close <= v.start && q.close > windowStart) windowStart = q.close;
  const thatAt = before.lastIndexOf(' that ');
  if (thatAt >= 0) windowStart = Math.max(windowStart, s.start + thatAt + 6);
  const prevCue = cues[cues.length - 1];
  if (prevCue) windowStart = Math.max(windowStart, prevCue.verbEnd);
  windowStart = Math.max(windowStart, v.start - 140);
  // a relative clause set off by commas right before the verb describes the subject and is not it:
  // “Fitzroy Amadi, who heads the emergency office, said” (the subject is read before the clause)
  let win = text.slice(windowStart, v.start);
  let subjectEnd = v.start;
  const rel = RELATIVE_CLAUSE.exec(win);
  if (rel && rel.index > 0) {
    subjectEnd = windowStart + rel.index;
    win = `${win.slice(0, rel.index)} `;
  }
  const persons: typeof ix.mentions = [];
  for (let k = firstMentionFrom(ix, windowStart); k < ix.mentions.length && ix.mentions[k]!.start < subjectEnd; k++) {
    if (ix.mentions[k]!.end <= subjectEnd) persons.push(ix.mentions[k]!);
  }
  const lastPerson = persons[persons.length - 1];
  let pronounAt = -1;
  let pronoun = '';
  PRONOUN.lastIndex = 0;
  for (let m = PRONOUN.exec(win); m; m = PRONOUN.exec(win)) {
    pronounAt = windowStart + m.index;
    pronoun = m[0];
  }
  let sp: Speaker | undefined;
  if (pronounAt >= 0 && (!lastPerson || pronounAt > lastPerson.end)) {
    // as in the quote rule: a person who became the subject of a sentence since the last named speaker takes over
    const recent = recentSubject(ctx, carry.lastNamedSentence, s.index);
    const ref = recent?.speaker ?? carry.lastNamed ?? lastPersonBefore(ctx.article, ix, pronounAt);
    const why = recent ? 'the person last named as a subject' : 'the last named speaker';
    const near = (recent ? recent.sentence : carry.lastNamed ? carry.lastNamedSentence : -2) >= s.index - 1;
    if (ref) sp = { ...ref, start: pronounAt, end: pronounAt + pronoun.length, via: `“${pronoun}” → ${ref.label}, ${why}`, ...(near ? { near } : {}) };
  } else if (lastPerson) {
    sp = personSpeaker(ix, lastPerson.start, lastPerson.end);
  } else {
    sp = lastOrgWithin(orgs, windowStart, subjectEnd) ?? unknownSubject(win, windowStart);
  }
  if (!sp && prevCue && /(?:^|[,”"\s])(?:and\s*)?$/.test(win) && /ing$|^(?:and\s+)?\w+ed$/.test(v.verb)) sp = prevCue.speaker; // "…, adding that"
  if (!sp && prevCue && /\band\s*$/.test(win)) sp = prevCue.speaker; // "… and said"
  return sp ? { speaker: sp, verbStart: v.start, verbEnd: v.end, kind: 'verb', verb: v.verb } : undefined;
}

/** “, who heads the emergency office, ” (or which, whose) ending the text before a verb; no comma inside. */
const RELATIVE_CLAUSE = /,\s+(?:who|which|whose)\s[^,;:“”"()]*,\s*$/;

/**
 * Words that may stand before a sentence's subject: titles ("Transport Minister
 * Helga Marrow", "railway spokesman Ivo Rask"), not a preposition or a verb that
 * makes the name an object or a circumstance ("After meeting Ivo Rask, …").
 */
const SUBJECT_LEAD = /^(?:(?!(?:after|before|with|by|to|for|from|of|in|on|at|against|and|or|but|when|while|as|than|about|under|over|during|since|until|like|near|without|meeting|met|told|asked|called|thanked|joined|unlike)\s)[\p{L}.'’-]+\s+){0,6}$/iu;

/**
 * The person named as the subject of a sentence after sentence `after` and
 * before sentence `before` (the nearest, at most six sentences back, as the quote
 * rule looks): a person the article knows opening a sentence (before any quote
 * mark in it), after nothing but title words (“Transport Minister Helga Marrow called the
 * crash a national tragedy.”). A pronoun after such a sentence is far more
 * likely that person than the last one credited with a statement. The first
 * mention of each sentence is found by binary search: no scan of all mentions.
 */
function recentSubject(ctx: Ctx, after: number, before: number): { speaker: Speaker; sentence: number } | undefined {
  const { article, ix, text } = ctx;
  for (let i = before - 1; i > after && i >= before - 6; i--) {
    const s = article.sentences[i]!;
    if (s.related) continue;
    const m = ix.mentions[firstMentionFrom(ix, s.start)];
    if (!m || m.end > s.end || m.start - s.start > 60) continue;
    // a sentence with a quote counts by its lead-in (“Marrow, who called it “a tragedy”, flew in.”), not by words in a quote
    const mark = s.text.search(/[“”"]/);
    const closing = s.text[mark] === '”' || (s.text[mark] === '"' && /[,.!?]/.test(s.text[mark - 1] ?? ''));
    if (mark >= 0 && (m.end - s.start > mark || closing || ctx.quotes.some((q) => q.open < s.start && q.close > s.start))) continue;
    if (!SUBJECT_LEAD.test(text.slice(s.start, m.start)) || /^['’]s\b/.test(text.slice(m.end, m.end + 3))) continue;
    if (mark >= 0 && /\b(?:he|she|they)\b/i.test(text.slice(s.start, m.start))) continue;
    const speaker = personSpeaker(ix, m.start, m.end);
    return speaker ? { speaker, sentence: i } : undefined;
  }
  return undefined;
}

/** Index of the first mention (sorted by position) starting at or after pos. */
function firstMentionFrom(ix: PeopleIndex, pos: number): number {
  let lo = 0;
  let hi = ix.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last organisation mention within [start, end). */
function lastOrgWithin(orgs: Speaker[], start: number, end: number): Speaker | undefined {
  for (let k = orgs.length - 1; k >= 0; k--) {
    const x = orgs[k]!;
    if (x.start >= start && x.end <= end) return x;
  }
  return undefined;
}

/**
 * An unknown name right before the verb: “…,” John Smith said; or a full name
 * set off by commas: “The chief executive of the operator, Tomas Reiner, said”.
 */
function unknownSubject(win: string, windowStart: number): Speaker | undefined {
  const u =
    /((?:[A-Z][\p{L}'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\p{L}'’-]+|[A-Z]\.)){0,3})\s+(?:(?:also|later|then|on \w+)\s+)?$/u.exec(win) ??
    /(?<=\S,\s)((?:[A-Z][\p{L}'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\p{L}'’-]+|[A-Z]\.)){1,3}),\s+$/u.exec(win);
  // a place after a preposition is where the speakers are, not who they are: “Shop owners on Eastside Avenue said”
  const place = u ? /\b(?:in|on|at|of|from|near|along|across|around|and)\s+$/.test(win.slice(0, u.index)) : false;
  if (u && !place && !/^(?:The|A|An|This|That|It|We|I|You|In|On|At|But|And)\b/.test(u[1]!)) {
    const at = windowStart + u.index;
    return { key: `name:${foldText(u[1]!).replace(/\./g, '')}`, label: u[1]!, kind: 'person', start: at, end: at + u[1]!.length, via: 'named' };
  }
  return undefined;
}

/** The statements the cues of a sentence credit. */
function cueStatements(ctx: Ctx, carry: Carry, s: Sentence, cues: Cue[]): void {
  const text = ctx.text;
  const statements = carry.statements;
  const quoteCue = cues.some(
    (c) => c.kind !== 'according' && (quoteEndingAt(ctx, s, c.kind === 'inverted' ? c.verbStart : c.speaker.start) || quoteStartingAt(ctx, s, c.verbEnd)),
  );
  const according = cues.find((c) => c.kind === 'according');
  for (const c of cues) {
    if (according && c !== according && !quoteCue && c.speaker.key !== according.speaker.key) continue; // the article credits the source after "according to"
    if (c.kind === 'according' && quoteCue) continue; // “…,” he said, according to ANI
    const afterQ = c.kind === 'inverted' ? quoteEndingAt(ctx, s, c.verbStart) : c.speaker.start > c.verbStart ? undefined : quoteEndingAt(ctx, s, c.speaker.start);
    const beforeQ = c.kind !== 'inverted' ? quoteStartingAt(ctx, s, c.verbEnd + (text.slice(c.verbEnd).match(/^\s*(?:that\s+)?/)?.[0].length ?? 0)) : undefined;
    if (afterQ) {
      statements.push({ start: afterQ.start, end: afterQ.end, speaker: c.speaker, cue: c });
    } else if (beforeQ && (beforeQ.open < s.end || beforeQ.open - c.verbEnd < 4)) {
      statements.push({ start: beforeQ.start, end: beforeQ.end, speaker: c.speaker, cue: c });
    } else if (c.kind === 'according') {
      accordingStatement(ctx, carry, s, c);
    } else if (c.kind === 'inverted') {
      const end = s.start + text.slice(s.start, c.verbStart).replace(/[\s,]+$/, '').length;
      statements.push({ start: s.start, end, speaker: c.speaker, cue: c });
    } else {
      reportedStatement(ctx, carry, s, cues, c);
    }
  }
}

/** The sentence without "according to X" (or, when that leaves nothing, the next sentence: see pendingAccording). */
function accordingStatement(ctx: Ctx, carry: Carry, s: Sentence, c: Cue): void {
  const text = ctx.text;
  const a = c.verbStart;
  const b = c.verbEnd;
  const left = text.slice(s.start, a).replace(/[\s,]+$/, '');
  const right = text.slice(b, s.end).replace(/^[\s,.]+/, '');
  if (!hasContentWords(left + ' ' + right, 2)) carry.pendingAccording = c;
  else if (!hasContentWords(left, 1)) carry.statements.push({ start: b, end: b + text.slice(b, s.end).replace(/[\s.;]+$/, '').length, speaker: c.speaker, cue: c }); // According to X, …
  else carry.statements.push({ start: s.start, end: s.end, speaker: c.speaker, cue: c });
}

/** Reported speech: the clause after the verb, to the next cue or the end of the sentence. */
function reportedStatement(ctx: Ctx, carry: Carry, s: Sentence, cues: Cue[], c: Cue): void {
  const text = ctx.text;
  const next = cues.find((x) => x.verbStart > c.verbEnd);
  const a = c.verbEnd + (text.slice(c.verbEnd).match(/^[\s,:]*(?:that\s+)?/)?.[0].length ?? 0);
  let b = next ? (next.speaker.start > a ? Math.min(next.speaker.start, next.verbStart) : next.verbStart) : s.end;
  b = a + text.slice(a, b).replace(/[\s,.;]+$/, '').length;
  // the speaker's title may stand between the comma and the name: "…, Transport Minister Piet Claes said."
  const head = text.slice(s.start, Math.min(c.speaker.start, c.verbStart)).replace(/,\s*(?:(?!(?:and|but|or|which|that|who|as|while|when)\s)[\p{L}.'’-]+\s+){1,4}$/u, ', ');
  if (/,\s*$/.test(head) && !hasContentWords(text.slice(a, b), 3) && !cues.some((x) => x !== c && x.verbEnd <= c.speaker.start)) {
    // "…, Reyes said." / "…, Reyes said on Sunday.": the statement stands before the speaker
    carry.statements.push({ start: s.start, end: s.start + head.replace(/[\s,]+$/, '').length, speaker: c.speaker, cue: c });
  } else if (b > a) carry.statements.push({ start: a, end: b, speaker: c.speaker, cue: c });
}

/** Statements → facts, one per sentence piece. */
function statementFacts(ctx: Ctx, rule: Rule<AttributionOptions>, statements: Statement[]): Fact[] {
  const { article, text } = ctx;
  const o = rule.options;
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const st of statements) {
    for (const piece of pieces(article.sentences, st.start, st.end)) {
      const [a, b] = trim(text, piece[0], piece[1]);
      const raw = text.slice(a, b);
      const id = `${a}:${b}:${st.speaker.key}`;
      if (seen.has(id)) continue; // (a piece once kept; one that failed the test below fails it again)
      if (wordCount(raw) < (o.min_words ?? 6) || !hasContentWords(raw, MIN_CONTENT_WORDS)) continue;
      seen.add(id);
      const sp = st.speaker;
      const how = st.cue.kind === 'according' ? '“according to”' : `“${st.cue.verb}”`;
      const via = sp.via === 'named' ? '' : ` (${sp.via})`;
      const from = Math.min(sp.start, st.cue.verbStart);
      const to = Math.max(sp.end, st.cue.verbEnd);
      const cueText = to - from <= 110 ? `: “${text.slice(from, to).replace(/\s+/g, ' ')}”` : ' (same speaker as the sentence’s first credit)';
      facts.push({
        rule: rule.id,
        article: article.id,
        subject: { key: 'statements', label: 'reported statements' },
        value: sp.key,
        display: sp.label,
        raw,
        evidence: evidence(article, a, b, `credited to ${sp.label} by ${how}${via}${cueText}`),
        data: { speaker: sp.label, speakerKind: sp.kind, via: sp.via, cue: st.cue.kind, verb: st.cue.verb, ...(isInferred(sp) ? { inferred: true, ...(sp.near ? { nearName: true } : {}) } : {}) },
      });
    }
  }
  return facts;
}

/**
 * A speaker read from a pronoun (“she said”), or from a quote continuing one so
 * read: the article does not name them at the statement. A quote continuing a
 * named one keeps its speaker named, as in the quote rule.
 */
function isInferred(sp: Speaker): boolean {
  return sp.via.startsWith('“');
}

function lastPersonBefore(article: Article, ix: PeopleIndex, pos: number): Speaker | undefined {
  let best: PeopleIndex['mentions'][number] | undefined;
  for (const m of ix.mentions) {
    if (m.end > pos) break;
    if (!relatedAt(article, m.start)) best = m; // not a person of another story's "Read: …" line
  }
  return best ? personSpeaker(ix, best.start, best.end) : undefined;
}

/** A range split at sentence boundaries. */
function pieces(sentences: Sentence[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (const s of sentences) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    out.push([Math.max(s.start, start), Math.min(s.end, end)]);
  }
  return out.length ? out : [[start, end]];
}

function trim(text: string, a: number, b: number): [number, number] {
  while (a < b && /[\s“"‘,]/.test(text[a]!)) a++;
  while (b > a && /[\s”",]/.test(text[b - 1]!)) b--;
  return [a, b];
}

// ---------------------------------------------------------------------------
// comparison

/** Statements of all articles → one finding per statement credited to different speakers. Exported for tests. */
export function compareAttributions(facts: Fact[], rule: Rule<AttributionOptions>): Finding[] {
  const o = rule.options;
  const sorted = [...facts].sort((a, b) => cmp(a.article, b.article) || a.evidence.offset - b.evidence.offset || cmp(a.value, b.value));
  // identical wordings share one key (a corpus repeats the same statements many times)
  const keys = new Map<string, ReturnType<typeof statementKey>>();
  const keyOf = (raw: string) => keys.get(raw) ?? keys.set(raw, statementKey(raw)).get(raw)!;
  const items = sorted.map((f) => ({ article: f.article, key: keyOf(f.raw) }));
  const counts = new Map<string, number>();
  const wordCount = (raw: string) => counts.get(raw) ?? counts.set(raw, contentWords(raw).length).get(raw)!;
  // 4 common content words, or all of a shorter statement's (at least MIN_CONTENT_WORDS)
  const minShared = 4;
  const clusters = clusterStatements(items, o.min_similarity ?? 0.5, minShared);
  const watch = new Set(o.speakers ?? []);
  const findings: Finding[] = [];
  for (const idx of clusters) {
    // as in the quote rule, only speakers the articles name can disagree: a speaker read from a pronoun is a guess,
    // but once they do, a pronoun right after one of their names (“Marrow said… “…,” she said”) is a credit too
    const inferred = (f: Fact) => (f.data as { inferred?: boolean } | undefined)?.inferred === true;
    const withNear = sameSpeakers(idx.map((i) => sorted[i]!).filter((f) => !inferred(f) || f.data?.nearName === true));
    const named = withNear.filter((f) => !inferred(f));
    const articles = new Set(named.map((f) => f.article));
    if (articles.size < 2) continue;
    const speakers = new Set(named.map((f) => f.value));
    if (speakers.size < 2) continue;
    // a difference only inside one article is not a disagreement between sources
    const perArticle = new Map<string, Set<string>>();
    for (const f of named) (perArticle.get(f.article) ?? perArticle.set(f.article, new Set()).get(f.article)!).add(f.value);
    const sets = [...perArticle.values()].map((s) => [...s].sort().join('|'));
    if (new Set(sets).size < 2) continue;
    if (watch.size && ![...speakers].some((k) => watch.has(k))) continue;
    const group = withNear.length === named.length ? named : withNear.filter((f) => !inferred(f) || speakers.has(f.value));
    const groups = groupValues(group);
    const kinds = new Set(group.map((f) => (f.data as { speakerKind?: string }).speakerKind));
    const persons = new Set(group.filter((f) => (f.data as { speakerKind?: string }).speakerKind === 'person').map((f) => f.value));
    const kind = persons.size >= 2 ? 'contradiction' : kinds.has('organisation') ? 'variant' : 'contradiction';
    // the subject: the statement's shortest wording, as content words (stable while the texts are)
    const rep = [...group].sort((a, b) => wordCount(a.raw) - wordCount(b.raw) || cmp(a.raw, b.raw))[0]!;
    const key = `statement:${contentWords(rep.raw).slice(0, 12).join('-')}`;
    const label = `“${shorten(rep.raw)}”`;
    const subject = { key, label };
    const message =
      kind === 'contradiction'
        ? `Sources credit the statement ${label} to different people: ${describeGroups(groups)}.`
        : `Sources credit the statement ${label} differently: ${describeGroups(groups)}.`;
    findings.push(
      makeFinding(rule, kind, subject, groups, message, {
        details: { statements: group.map((f) => ({ article: f.article, speaker: f.display ?? f.value, text: f.raw })) },
      }),
    );
    void listArticles;
  }
  return findings.sort((a, b) => cmp(a.subject.key, b.subject.key));
}

/**
 * Speakers outside the vocabulary that are one person written differently:
 * a surname only in one article ("Reyes") and the full name in another ("Tom
 * Reyes"), or a name spelled two ways ("Ingrid Halvorsen" / "Ingrid Halvorson",
 * "Okafor" / "Councilmember Raymond Okafur": the last word one letter apart, the
 * other words the same where both have them). A surname that fits two different
 * full names is left alone. Each group takes its most used spelling (full names
 * first); the spelling itself is the name rule's business.
 */
function sameSpeakers(group: Fact[]): Fact[] {
  const isPerson = (f: Fact) => (f.data as { speakerKind?: string } | undefined)?.speakerKind !== 'organisation';
  const uses = new Map<string, { words: string[]; facts: Fact[] }>();
  for (const f of group) {
    if (!f.value.startsWith('name:') || !isPerson(f)) continue;
    const u = uses.get(f.value) ?? uses.set(f.value, { words: f.value.slice(5).split(' '), facts: [] }).get(f.value)!;
    u.facts.push(f);
  }
  const names = [...uses.keys()].sort();
  if (names.length < 2) return group;
  const parent = new Map(names.map((n) => [n, n]));
  const find = (n: string): string => (parent.get(n) === n ? n : find(parent.get(n)!));
  const union = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)].sort();
    if (x !== y) parent.set(y!, x!);
  };
  const full = names.filter((n) => uses.get(n)!.words.length > 1);
  const single = names.filter((n) => uses.get(n)!.words.length === 1);
  for (let i = 0; i < full.length; i++) for (let j = i + 1; j < full.length; j++) if (sameName(uses.get(full[i]!)!.words, uses.get(full[j]!)!.words)) union(full[i]!, full[j]!);
  for (const n of single) {
    const w = uses.get(n)!.words;
    const roots = new Set(full.filter((m) => sameName(w, uses.get(m)!.words)).map(find));
    if (roots.size === 1) union(n, [...roots][0]!);
  }
  for (let i = 0; i < single.length; i++)
    for (let j = i + 1; j < single.length; j++) {
      const [a, b] = [single[i]!, single[j]!];
      if (find(a) === a && find(b) === b && sameName(uses.get(a)!.words, uses.get(b)!.words)) union(a, b);
    }
  // the spelling each group is shown with: full names first, then the most used, then alphabetical
  const best = new Map<string, string>();
  for (const n of names) {
    const r = find(n);
    const cur = best.get(r);
    const score = (x: string) => [uses.get(x)!.words.length > 1 ? 1 : 0, new Set(uses.get(x)!.facts.map((f) => f.article)).size, uses.get(x)!.facts.length];
    if (!cur) best.set(r, n);
    else {
      const [a, b] = [score(n), score(cur)];
      const d = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]! || cmp(cur, n);
      if (d > 0) best.set(r, n);
    }
  }
  return group.map((f) => {
    if (!uses.has(f.value)) return f;
    const toValue = best.get(find(f.value))!;
    if (toValue === f.value) return f;
    const to = uses.get(toValue)!.facts[0]!;
    const how = uses.get(f.value)!.words.length === 1 && uses.get(toValue)!.words.slice(-1)[0] === uses.get(f.value)!.words[0] ? `named in full by ${to.article}` : `spelled so by ${to.article}`;
    return { ...f, value: to.value, display: to.display, evidence: { ...f.evidence, note: `${f.evidence.note ?? ''} (“${f.display}” taken as ${to.display}, ${how})` } };
  });
}

/** Two names (folded words) of one person: last words equal or one letter apart, other words equal where both have them. */
function sameName(a: string[], b: string[]): boolean {
  const [la, lb] = [a[a.length - 1]!, b[b.length - 1]!];
  if (la !== lb && !(Math.min(la.length, lb.length) >= 5 && la[0] === lb[0] && oneEditApart(la, lb))) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // "okafor" ~ "councilmember raymond okafur"; "ingrid halvorsen" ~ "ingrid halvorson"; "tom reyes" ≁ "lisa reyes"
  for (let k = 2; k <= short.length; k++) if (short[short.length - k] !== long[long.length - k]) return false;
  return true;
}

/** Levenshtein distance ≤ 1 (one letter changed, added or dropped). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function shorten(s: string, max = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}
