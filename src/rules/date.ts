/**
 * date: the day an event happened (an operation, an attack, a call), compared
 * across articles as calendar days, not as strings: "early Wednesday" in an
 * article published on Friday 9 May 2025 and "May 7" agree.
 *
 * A sentence is a candidate when it mentions the subject entity. In it, every
 * date expression goes to the nearest mention of an event (the subject or one
 * of `others`), so "after Operation Sindoor on May 7, following the Pahalgam
 * attack" gives May 7 to the operation, not to the attack. The subject takes
 * the nearest date it won that is written as its own ("the collapse on
 * Tuesday", "Tuesday's collapse", "the collapse struck on Tuesday"), not one
 * of another verb ("the toll from the collapse rose on Wednesday"). "a fortnight after … on April 22" is an offset from
 * its anchor; weeks, fortnights and months are approximate (a range), days exact.
 *
 * Each article is resolved against its own date: meta.published, else the
 * latest full date its text states (the evidence note says so), else nothing
 * (weekdays and month-days are then compared as written and flagged unresolved).
 */
import { evidence, locate, textWithoutRelated } from '../articles/parse.js';
import { RuleError } from '../errors.js';
import { cmp, describeGroups, groupValues, listArticles, makeFinding, outliersOf } from '../findings.js';
import {
  displayValue,
  findDates,
  latestFullDate,
  namedEvents,
  parseReference,
  WEEKDAYS,
  weekdayOf,
  type DateExpr,
  type NamedEvent,
  type Reference,
} from '../normalize/dates.js';
import { entityFilter, findEntity, mayMatch, mentions, type Mention } from '../vocab.js';
import type { Article, Entity, Fact, Finding, Rule, RuleType, Sentence, Vocabulary } from '../types.js';

export interface DateOptions {
  subject?: string;
  label?: string;
  window: number;
  others?: string[];
  approximate: 'tolerate' | 'exact' | 'ignore';
  tolerance: number;
  ignore: string[];
  reference: 'auto' | 'published' | 'text' | 'none';
}

const compiled = new WeakMap<object, RegExp[]>();

function ignorePatterns(o: DateOptions): RegExp[] {
  let c = compiled.get(o);
  if (!c) {
    c = (o.ignore ?? []).map((p) => new RegExp(p, 'iu'));
    compiled.set(o, c);
  }
  return c;
}

// ---------------------------------------------------------------- reference date

interface ArticleReference {
  ref?: Reference;
  source: 'published' | 'text' | 'none';
  /** The full date the reference was inferred from, as written, and its line. */
  inferredFrom?: { text: string; line: number };
  /** Why there is none, or why the published date was not used. */
  why?: string;
}

export function articleReference(article: Article, mode: DateOptions['reference'] = 'auto'): ArticleReference {
  if (mode === 'none') return { source: 'none', why: 'the rule sets reference: none' };
  const published = article.meta.published;
  let why: string | undefined;
  if (mode !== 'text') {
    const iso = parseReference(published);
    if (iso) return { ref: { iso, how: `published date ${iso}` }, source: 'published' };
    why = published ? `published date “${published}” not understood` : 'no published date';
    if (mode === 'published') return { source: 'none', why };
  }
  const latest = latestFullDate(textWithoutRelated(article)); // not a date of another story's "Read: …" line
  if (latest) {
    const { line } = locate(article, latest.start);
    const reason = mode === 'text' ? 'the rule sets reference: text' : why!;
    return {
      ref: { iso: latest.iso, how: `date ${latest.iso} inferred from “${latest.text}” (line ${line}; ${reason})` },
      source: 'text',
      inferredFrom: { text: latest.text, line },
    };
  }
  return { source: 'none', why: `${why ?? 'reference: text'} and no full date in the text` };
}

/**
 * Per-article memos shared by the date rules of a run (several rules read the same
 * sentences): the reference date per mode, and what findDates reads in a sentence.
 * Keyed by the article object, so nothing is shared between articles; both are pure
 * functions of the article, and the cached date lists are never modified.
 */
interface ArticleMemo {
  refs: Map<string, ArticleReference>;
  dates: Map<string, DateExpr[]>;
}
const articleMemos = new WeakMap<Article, ArticleMemo>();

function memoOf(article: Article): ArticleMemo {
  let m = articleMemos.get(article);
  if (!m) articleMemos.set(article, (m = { refs: new Map(), dates: new Map() }));
  return m;
}

function referenceOf(article: Article, mode: DateOptions['reference']): ArticleReference {
  const refs = memoOf(article).refs;
  let r = refs.get(mode);
  if (!r) refs.set(mode, (r = articleReference(article, mode)));
  return r;
}

/** findDates, once per sentence text, reference date and options within an article (chrono is slow). */
function datesIn(article: Article, text: string, ref: Reference | undefined, opts: { approximate: DateOptions['approximate']; tolerance: number }): DateExpr[] {
  const dates = memoOf(article).dates;
  const key = `${ref?.iso ?? ''}\u0000${ref?.how ?? ''}\u0000${opts.approximate}\u0000${opts.tolerance}\u0000${text}`;
  let d = dates.get(key);
  if (!d) dates.set(key, (d = findDates(text, ref, opts)));
  return d;
}

// ---------------------------------------------------------------- which date belongs to which event

interface EventMention extends Mention {
  mine: boolean;
}

function gap(start: number, end: number, m: { start: number; end: number }): number {
  if (m.end <= start) return start - m.end;
  if (m.start >= end) return m.start - end;
  return 0;
}

/**
 * The mentions a date may belong to and how far each is. A composite "a
 * fortnight after … April 22" belongs to the mentions outside its after-clause;
 * its anchor ("April 22") only to mentions inside it ("after the April 22 attack").
 */
function distances(d: DateExpr, all: DateExpr[], ms: EventMention[], text: string): { m: EventMention; dist: number }[] {
  const out: { m: EventMention; dist: number }[] = [];
  if (d.offset) {
    const anchor = all[d.offset.anchor]!;
    const clauseEnd = clauseEndOf(anchor, ms, text);
    for (const m of ms) {
      const inClause = m.start >= d.offset.end && m.end <= clauseEnd;
      if (inClause) continue;
      out.push({ m, dist: m.end <= d.offset.start ? d.offset.start - m.end : m.start >= clauseEnd ? m.start - clauseEnd : 0 });
    }
    return out;
  }
  if (d.anchorOf !== undefined) {
    const comp = all[d.anchorOf]!;
    const clauseEnd = clauseEndOf(d, ms, text);
    for (const m of ms) if (m.start >= comp.offset!.end && m.end <= clauseEnd) out.push({ m, dist: gap(d.start, d.end, m) });
    return out;
  }
  for (const m of ms) out.push({ m, dist: gap(d.start, d.end, m) });
  return out;
}

/** The anchor's clause ends after it, or after the mention it modifies ("April 22 Pahalgam attack"). */
function clauseEndOf(anchor: DateExpr, ms: EventMention[], text: string): number {
  for (const m of ms) if (m.start >= anchor.end && /^\s{0,2}$/.test(text.slice(anchor.end, m.start))) return m.end;
  return anchor.end;
}

// ---------------------------------------------------------------- is the date the event's own?

/** Words that do not stand between a date and the event noun it dates ("on Tuesday the …", "March 1 we marked the …"). */
const FUNCTION_WORDS = 'the|a|an|of|on|in|at|by|for|with|to|from|after|before|since|during|and|or|but|as|we|they|he|she|it|was|were|is|are|has|have|had|said|says';
/** A date written before the mention, as its modifier: "the March 10 collapse", "Tuesday’s deadly collapse". */
const MODIFIES = new RegExp(`^(?:['’]s)?[ \\t]+(?:(?!(?:${FUNCTION_WORDS})[ \\t])\\p{Ll}[\\p{Ll}-]*[ \\t]+){0,2}$`, 'u');
/** A date opening the sentence, the mention the subject right after it: "On Tuesday, the collapse killed nine". */
const FRONTED = /^[ \t]*,?[ \t]*(?:[Tt]he[ \t]+)?['‘“"]?$/;
/** A date right after the mention, a place between: "the collapse on Tuesday", "the flood of May 2", "… near Kessa in Orlin on May 2". */
const FOLLOWS = /^[’'”"]?(?:[ \t]+(?:in|at|near|off)[ \t]+\p{Lu}[\p{L}\p{M}&.’'-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}&.’'-]*){0,2})*[ \t]*(?:on|of)?[ \t]*$/u;
/**
 * What ends the clause a mention is in: punctuation, a conjunction, a relative
 * pronoun, a reporting verb. "and"/"or" before a past-tense verb only join two
 * predicates of one subject ("killed seven and injured 20 on Monday").
 */
const CLAUSE_BREAK = /[,;:()—–]|[ \t]-[ \t]|\b(?:and|or)\b(?![ \t]+\p{Ll}+ed\b)|\b(?:but|while|whereas|when|after|before|since|as|because|until|although|though|where|who|whose|which|that|said|says|say|told)\b/iu;
/** The mention's own relative clause: "the collapse, which happened on Tuesday", "the flood that struck on May 2". */
const RELATIVE = /^[’'”"]?[ \t]*,?[ \t]*(?:which|that)[ \t]+/i;
/**
 * The mention opens its clause as its subject: nothing before it since a clause
 * break but a determiner or possessive and up to two lower-case words ("The
 * deadly …", "India’s …", "- The …", "said the …"). "The death toll from the
 * collapse" does not: the collapse is not what "rose to 12 on Wednesday".
 */
const SUBJECT_BEFORE = new RegExp(
  `(?:^|[,;:()—–][ \\t]*|[ \\t]-[ \\t]+|\\b(?:and|but|after|before|when|while|since|as|because|until|although|though|where|that|which|said|says|say)[ \\t]+)` +
    `(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)[ \\t]+|[\\p{L}\\p{M}.-]+['’]s[ \\t]+)?` +
    `(?:(?!(?:${FUNCTION_WORDS})[ \\t])\\p{Ll}[\\p{Ll}-]*[ \\t]+){0,2}['‘“"]?$`,
  'u',
);

/**
 * Whether a date is written as the date of this mention, not merely near it:
 * inside it ("the March 10 collapse"), modifying it ("Tuesday’s collapse"),
 * right after it ("the collapse on Tuesday"), in its relative clause ("the
 * collapse, which happened on Tuesday"), in the predicate of the clause it is
 * the subject of ("the collapse killed nine people late Tuesday"), or opening
 * the sentence it is the subject of ("On Tuesday, the collapse …"). A date in
 * another clause ("Aid landed on Wednesday, a day after the collapse") or of
 * another verb ("the toll from the collapse rose to 12 on Wednesday") is not.
 */
/** How far apart (characters) a date and a mention may be and still be one phrase or clause: keeps the checks short on long sentences. */
const NEAR = 200;

function attached(d: DateExpr, m: Mention, text: string): boolean {
  if (d.start < m.end && d.end > m.start) return true;
  if (d.end <= m.start) {
    if (m.start - d.end > NEAR) return false;
    const between = text.slice(d.end, m.start);
    return MODIFIES.test(between) || (FRONTED.test(between) && /^[\s'‘“"]*$/.test(text.slice(0, d.start)));
  }
  if (d.start - m.end > NEAR) return false;
  const between = text.slice(m.end, d.start);
  if (FOLLOWS.test(between)) return true;
  const relative = RELATIVE.exec(between);
  if (relative) return !CLAUSE_BREAK.test(between.slice(relative[0].length));
  // only the words just before the mention matter; a cut-off start must not pass for the sentence's start
  const from = Math.max(0, m.start - NEAR);
  return !CLAUSE_BREAK.test(between) && SUBJECT_BEFORE.test(`${from > 0 ? '\u0001' : ''}${text.slice(from, m.start)}`);
}

/**
 * The date of the subject in one sentence: the nearest date that is nearer to
 * the subject than to any other event and is written as one of its mentions'.
 */
function pickInSentence(text: string, dates: DateExpr[], ms: EventMention[]): DateExpr | undefined {
  let best: { d: DateExpr; dist: number } | undefined;
  for (const d of dates) {
    const ds = distances(d, dates, ms, text);
    if (ds.length === 0) continue;
    ds.sort((a, b) => a.dist - b.dist || a.m.start - b.m.start || Number(b.m.mine) - Number(a.m.mine));
    const owner = ds[0]!;
    if (!owner.m.mine) continue;
    if (!ds.some((x) => x.m.mine && attached(d, x.m, text))) continue;
    if (!best || owner.dist < best.dist || (owner.dist === best.dist && d.start < best.d.start)) best = { d, dist: owner.dist };
  }
  return best?.d;
}

/** Dates of a following sentence that no event of that sentence claims (for `window`). */
function freeDate(text: string, dates: DateExpr[], ms: EventMention[]): DateExpr | undefined {
  for (const d of dates) {
    if (d.anchorOf !== undefined) continue;
    if (ms.length === 0) return d;
    const ds = distances(d, dates, ms, text);
    if (ds.length === 0) return d;
  }
  return undefined;
}

function eventMentions(s: Sentence, subject: Entity, others: Entity[], needSubject = true): EventMention[] {
  // most sentences do not name the subject: a plain pre-filter rejects them before its pattern runs
  const mine = mayMatch(entityFilter(subject), s.text) ? mentions(s.text, subject).map((m) => ({ ...m, mine: true })) : [];
  if (needSubject && mine.length === 0) return [];
  const theirs: EventMention[] = [];
  for (const e of others) {
    for (const m of mentions(s.text, e)) {
      if (!mine.some((x) => m.start < x.end && m.end > x.start)) theirs.push({ ...m, mine: false });
    }
  }
  return [...mine, ...theirs].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Kinds that name who or where, not what happened: their dates are not taken
 * from the subject by default (a place right before a date is common: "struck
 * the coast on Monday").
 */
const NOT_EVENTS = new Set([
  'person', 'people', 'organisation', 'organization', 'org', 'group', 'party', 'company', 'agency', 'outlet',
  'place', 'location', 'country', 'state', 'city', 'town', 'region', 'area', 'province', 'title', 'role', 'office',
]);

/** An entity that may have a date of its own: it has a kind, and not a who/where kind. */
export function isEventLike(e: Entity): boolean {
  return !!e.kind && !NOT_EVENTS.has(e.kind.trim().toLowerCase());
}

// ---------------------------------------------------------------- the rule type

export const date: RuleType<DateOptions> = {
  type: 'date',
  summary: 'The day an event happened (an operation, an attack, a call), resolved to a calendar date and compared across articles.',
  defaultSeverity: 'error',
  required: [],
  options: {
    subject: {
      type: 'string',
      description:
        'Id of the event entity (from `entities:`) whose date is compared; a date counts only in a sentence that mentions it. Leave it out to date every named event the text itself names ("Operation <Name>", "the <Place> attack/flood/summit…", "the <Month> <day> attack"), each compared on its own.',
    },
    label: {
      type: 'string',
      description: 'How the report names the fact. Default: "the date of <entity name>"; without `subject`, "the date of {event}", where `{event}` stands for the event named in the text.',
    },
    window: {
      type: 'integer',
      minimum: 0,
      maximum: 5,
      default: 0,
      description:
        'How many sentences after a mention (same paragraph) may still give its date, when the mentioning sentence gives none. Dates another event of that sentence is nearer to are not taken.',
    },
    others: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Ids of other events whose dates must not be taken for this one when they stand in the same sentence (each date goes to the nearest event). Default: every other entity whose `kind` is set and is not a person, organisation or place kind (`person`, `organisation`, `place`, `country`, `city`, `region`…).',
    },
    approximate: {
      type: 'string',
      enum: ['tolerate', 'exact', 'ignore'],
      default: 'tolerate',
      description:
        '"a week / a fortnight / two months after <date>": `tolerate` reads them as a range (agrees with any exact date inside it), `exact` as exactly 7 / 14 days / calendar months, `ignore` drops them. Day offsets ("two days after") are always exact.',
    },
    tolerance: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.2,
      description: 'With `approximate: tolerate`, days allowed either side, as a fraction of the offset (at least 1 day): a fortnight ±3, a week ±1, a month ±6.',
    },
    ignore: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Regular expressions (case-insensitive): sentences matching any of them are not read (e.g. `anniversary`, `^— .*@`).',
    },
    reference: {
      type: 'string',
      enum: ['auto', 'published', 'text', 'none'],
      default: 'auto',
      description:
        'What relative dates ("on Wednesday", "yesterday", "May 7" without a year) are resolved against: `auto` = the published date, else the latest full date the text states; `published` = only the published date; `text` = always the latest full date in the text; `none` = never (compare as written).',
    },
  },

  prepare(rule: Rule<DateOptions>, vocab: Vocabulary) {
    const o = rule.options;
    const ids = vocab.entities.map((e) => e.id).join(', ') || '(none defined)';
    if (o.subject !== undefined && (typeof o.subject !== 'string' || !o.subject)) {
      throw new RuleError(`subject must be an entity id (one of ${ids}), or left out to date the events the text names`, 'subject');
    }
    const subject = o.subject === undefined ? undefined : findEntity(vocab, o.subject);
    if (o.subject !== undefined && !subject) throw new RuleError(`unknown entity "${o.subject}": define it under entities: or use one of ${ids}`, 'subject');
    o.window ??= 0;
    if (!Number.isInteger(o.window) || o.window < 0 || o.window > 5) {
      throw new RuleError(`window must be a whole number from 0 to 5 (sentences after a mention), not ${JSON.stringify(o.window)}`, 'window');
    }
    o.approximate ??= 'tolerate';
    if (!['tolerate', 'exact', 'ignore'].includes(o.approximate)) {
      throw new RuleError(`approximate must be tolerate, exact or ignore, not ${JSON.stringify(o.approximate)}`, 'approximate');
    }
    o.tolerance ??= 0.2;
    if (typeof o.tolerance !== 'number' || !(o.tolerance >= 0 && o.tolerance <= 1)) {
      throw new RuleError(`tolerance must be a fraction from 0 to 1 (0.2 = a fortnight ±3 days), not ${JSON.stringify(o.tolerance)}`, 'tolerance');
    }
    o.reference ??= 'auto';
    if (!['auto', 'published', 'text', 'none'].includes(o.reference)) {
      throw new RuleError(`reference must be auto, published, text or none, not ${JSON.stringify(o.reference)}`, 'reference');
    }
    o.ignore ??= [];
    o.ignore.forEach((p, i) => {
      try {
        new RegExp(p, 'iu');
      } catch (e) {
        throw new RuleError(`ignore pattern ${JSON.stringify(p)} is not a valid regular expression (${(e as Error).message}); escape special characters with \\`, `ignore.${i}`);
      }
    });
    if (o.others === undefined) {
      o.others = vocab.entities.filter((e) => e.id !== subject?.id && isEventLike(e)).map((e) => e.id);
    } else {
      o.others.forEach((id, i) => {
        if (!findEntity(vocab, id)) throw new RuleError(`unknown entity "${id}" in others: use one of ${ids}`, `others.${i}`);
      });
      o.others = o.others.filter((id) => id !== subject?.id);
    }
  },

  extract(article: Article, rule: Rule<DateOptions>, vocab: Vocabulary): Fact[] {
    const o = rule.options;
    if (o.subject === undefined) return extractNamed(article, rule, vocab);
    const entity = findEntity(vocab, o.subject)!;
    const others = (o.others ?? []).map((id) => findEntity(vocab, id)).filter((e): e is Entity => !!e);
    const ignore = ignorePatterns(o);
    const subject = { key: `${entity.id}:date`, label: o.label ?? `the date of ${entity.name}` };
    const findOpts = { approximate: o.approximate ?? 'tolerate', tolerance: o.tolerance ?? 0.2 };
    const skip = (s: Sentence) => s.related || ignore.some((re) => re.test(s.text)); // a line pointing to another story dates that story

    const ss = article.sentences;
    let reference: ArticleReference | undefined; // computed on the first candidate only
    const facts: Fact[] = [];
    for (const s of ss) {
      const ms = eventMentions(s, entity, others);
      if (!ms.some((m) => m.mine) || skip(s)) continue;
      reference ??= referenceOf(article, o.reference);
      let found: { d: DateExpr; s: Sentence; windowed: boolean } | undefined;
      const dates = datesIn(article, s.text, reference.ref, findOpts);
      const d = pickInSentence(s.text, dates, ms);
      if (d) found = { d, s, windowed: false };
      for (let i = 1; !found && i <= (o.window ?? 0); i++) {
        const t = ss[s.index + i];
        if (!t || t.paragraph !== s.paragraph) break;
        const tms = eventMentions(t, entity, others, false);
        if (tms.some((m) => m.mine)) break; // it is a candidate of its own
        if (skip(t)) continue;
        const td = freeDate(t.text, datesIn(article, t.text, reference.ref, findOpts), tms);
        if (td) found = { d: td, s: t, windowed: true };
      }
      if (!found) continue;
      const fact = toFact(article, rule, subject, found.d, found.s, reference, found.windowed, o);
      if (fact) facts.push(fact);
    }
    return facts;
  },

  compare(facts, rule): Finding[] {
    if (facts.length === 0) return [];
    const subject = subjectOf(facts);
    const adjusted = reconcile(facts);
    const groups = groupValues(adjusted);
    if (groups.length > 1) {
      const outliers = outliersOf(groups);
      const who = outliers.length ? ` ${listArticles(outliers)} ${outliers.length > 1 ? 'are the outliers' : 'is the outlier'}.` : '';
      const unresolved = groups.some((g) => !/^~?\d{4}-/.test(g.value))
        ? ' Some dates could not be resolved to a calendar day (the article has no date to resolve them against): see the evidence notes.'
        : '';
      return [
        makeFinding(rule, 'contradiction', subject, groups, `Sources disagree on ${subject.label}: ${describeGroups(groups)}.${who}${unresolved}`, {
          outliers,
        }),
      ];
    }
    const articles = new Set(adjusted.map((f) => f.article));
    if (rule.singleSource && articles.size === 1) {
      return [makeFinding(rule, 'single-source', subject, groups, `Only ${[...articles][0]} gives ${subject.label}: ${groups[0]!.display}.`)];
    }
    return [];
  },
};

// ---------------------------------------------------------------- without a subject: the events the text names

/** A named event as a mention the nearest-event logic understands. */
function asMentions(text: string, key: string, others: Entity[], events: NamedEvent[] = namedEvents(text)): EventMention[] {
  const out: EventMention[] = events.map((e) => ({
    entity: { id: e.key, name: e.label, aliases: [] },
    start: e.start,
    end: e.end,
    text: e.text,
    mine: e.key === key,
  }));
  for (const e of others) {
    for (const m of mentions(text, e)) if (!out.some((x) => m.start < x.end && m.end > x.start)) out.push({ ...m, mine: false });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Named events may be written differently across articles ("Operation NORTHERN
 * SHIELD", "Operation Northern-Shield"): the label most facts use names the
 * subject, then the one in the fewest capitals, then the first in order.
 */
function subjectOf(facts: Fact[]): Fact['subject'] {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.subject.label, (counts.get(f.subject.label) ?? 0) + 1);
  const caps = (s: string) => s.replace(/[^\p{Lu}]/gu, '').length;
  const [label] = [...counts].sort((a, b) => b[1] - a[1] || caps(a[0]) - caps(b[0]) || cmp(a[0], b[0]))[0]!;
  return { key: facts[0]!.subject.key, label };
}

function eventLabel(o: DateOptions, name: string): string {
  const template = o.label ?? 'the date of {event}';
  return template.includes('{event}') ? template.replaceAll('{event}', name) : template;
}

/**
 * No subject: every sentence naming an event ("Operation Northern Shield", "the
 * Karlsby flood", "the April 22 attack") and giving a date is a candidate; each
 * event named there takes the nearest date no other event is nearer to. The
 * subject key is the event name folded (case, quotes, hyphens).
 */
function extractNamed(article: Article, rule: Rule<DateOptions>, vocab: Vocabulary): Fact[] {
  const o = rule.options;
  const others = (o.others ?? []).map((id) => findEntity(vocab, id)).filter((e): e is Entity => !!e);
  const ignore = ignorePatterns(o);
  const findOpts = { approximate: o.approximate ?? 'tolerate', tolerance: o.tolerance ?? 0.2 };
  const skip = (s: Sentence) => s.related || ignore.some((re) => re.test(s.text)); // a line pointing to another story dates that story
  const ss = article.sentences;
  const named = new Map<number, ReturnType<typeof namedEvents>>();
  const eventsAt = (i: number) => {
    let e = named.get(i);
    if (!e) named.set(i, (e = namedEvents(ss[i]!.text)));
    return e;
  };
  let reference: ArticleReference | undefined;
  const facts: Fact[] = [];
  for (const s of ss) {
    const evs = eventsAt(s.index);
    if (evs.length === 0 || skip(s)) continue;
    const keys = [...new Set(evs.map((e) => e.key))];
    reference ??= referenceOf(article, o.reference);
    const dates = datesIn(article, s.text, reference.ref, findOpts);
    for (const key of keys) {
      const ev = evs.find((e) => e.key === key)!;
      const subject = { key, label: eventLabel(o, ev.label) };
      let found: { d: DateExpr; s: Sentence; windowed: boolean } | undefined;
      const d = dates.length ? pickInSentence(s.text, dates, asMentions(s.text, key, others, evs)) : undefined;
      if (d) found = { d, s, windowed: false };
      for (let i = 1; !found && i <= (o.window ?? 0); i++) {
        const t = ss[s.index + i];
        if (!t || t.paragraph !== s.paragraph) break;
        if (eventsAt(t.index).some((e) => e.key === key)) break; // a candidate of its own
        if (skip(t)) continue;
        const tms = asMentions(t.text, key, others, eventsAt(t.index));
        const td = freeDate(t.text, datesIn(article, t.text, reference.ref, findOpts), tms);
        if (td) found = { d: td, s: t, windowed: true };
      }
      if (!found) continue;
      const fact = toFact(article, rule, subject, found.d, found.s, reference, found.windowed, o);
      if (fact) {
        fact.data = { ...fact.data, event: ev.label };
        fact.evidence = { ...fact.evidence, note: [`event “${ev.text.replace(/\s+/g, ' ')}” → ${key}`, fact.evidence.note].filter(Boolean).join('; ') };
        facts.push(fact);
      }
    }
  }
  return facts;
}

function toFact(
  article: Article,
  rule: Rule<DateOptions>,
  subject: { key: string; label: string },
  d: DateExpr,
  s: Sentence,
  reference: ArticleReference,
  windowed: boolean,
  o: DateOptions,
): Fact | undefined {
  if (d.kind === 'approximate' && o.approximate === 'ignore') return undefined;
  const notes = [...d.notes];
  const resolved = d.kind === 'exact' || d.kind === 'approximate';
  if (!resolved && reference.why) notes.push(`no reference date: ${reference.why}`);
  if (windowed) notes.push('read from a sentence after the mention (window)');
  const data: Record<string, unknown> = {
    kind: d.kind,
    date: d.iso ?? null,
    resolved,
    reference: reference.ref?.iso ?? null,
    referenceSource: reference.source,
  };
  if (reference.inferredFrom) data.inferredFrom = reference.inferredFrom;
  if (d.kind === 'approximate') Object.assign(data, { from: d.from, to: d.to, tolerance: d.tolerance });
  if (!resolved) data.unresolved = d.kind;
  const start = s.start + d.start;
  return {
    rule: rule.id,
    article: article.id,
    subject,
    value: d.value,
    display: displayValue(d.value, d.tolerance),
    raw: d.raw,
    evidence: evidence(article, start, s.start + d.end, notes.join('; ')),
    data,
  };
}

// ---------------------------------------------------------------- comparing

const RANK: Record<string, number> = { exact: 0, approximate: 1, weekday: 2, 'month-day': 3, relative: 4 };

/**
 * Facts whose value only narrows down the day join an exact date they agree
 * with: an approximate range containing it, an unresolved weekday it falls on,
 * a month-day without year it matches. The most-cited such date wins.
 */
function reconcile(facts: Fact[]): Fact[] {
  const sorted = [...facts].sort(
    (a, b) =>
      (RANK[String(a.data?.kind)] ?? 9) - (RANK[String(b.data?.kind)] ?? 9) ||
      cmp(a.article, b.article) ||
      a.evidence.offset - b.evidence.offset ||
      cmp(a.value, b.value),
  );
  const exact = new Map<string, Set<string>>();
  for (const f of sorted) {
    if (f.data?.kind !== 'exact') continue;
    let set = exact.get(f.value);
    if (!set) exact.set(f.value, (set = new Set()));
    set.add(f.article);
  }
  // the first of the fitting dates in this order (a minimum, not a sort: it runs once per fact)
  const order = (a: [string, Set<string>], b: [string, Set<string>], centre?: string) =>
    b[1].size - a[1].size || (centre ? Math.abs(diff(a[0], centre)) - Math.abs(diff(b[0], centre)) : 0) || cmp(a[0], b[0]);
  const best = (fits: (iso: string) => boolean, centre?: string): string | undefined => {
    let top: [string, Set<string>] | undefined;
    for (const e of exact) if (fits(e[0]) && (!top || order(e, top, centre) < 0)) top = e;
    return top?.[0];
  };
  const out: Fact[] = [];
  const loose: Fact[] = [];
  for (const f of sorted) {
    const kind = f.data?.kind;
    let target: string | undefined;
    let why = '';
    if (kind === 'approximate') {
      const from = String(f.data!.from);
      const to = String(f.data!.to);
      target = best((iso) => iso >= from && iso <= to, String(f.data!.date));
      why = `agrees with ${target} given by other sources (within ${from} to ${to})`;
      if (!target) {
        loose.push(f);
        continue;
      }
    } else if (kind === 'weekday') {
      const w = WEEKDAYS.indexOf(f.value.slice(8) as (typeof WEEKDAYS)[number]);
      target = best((iso) => weekdayOf(iso) === w);
      why = `compatible with ${target} given by other sources (a ${f.value.slice(8)})`;
    } else if (kind === 'month-day') {
      const md = f.value.slice(2);
      target = best((iso) => iso.slice(5) === md);
      why = `compatible with ${target} given by other sources (same month and day)`;
    }
    out.push(target ? retarget(f, target, why) : f);
  }
  // approximate dates no exact date falls in: overlapping ranges agree with one another
  loose.sort((a, b) => cmp(String(a.data!.from), String(b.data!.from)) || cmp(a.value, b.value) || cmp(a.article, b.article));
  let cluster: { value: string; display: string; to: string } | undefined;
  for (const f of loose) {
    const from = String(f.data!.from);
    const to = String(f.data!.to);
    if (cluster && from <= cluster.to) {
      if (f.value !== cluster.value) out.push(retarget(f, cluster.value, `overlaps ${cluster.display} given by other sources`, cluster.display));
      else out.push(f);
      if (to > cluster.to) cluster.to = to;
    } else {
      cluster = { value: f.value, display: f.display ?? f.value, to };
      out.push(f);
    }
  }
  return out;
}

function diff(a: string, b: string): number {
  return (Date.parse(a) - Date.parse(b)) / 86_400_000;
}

function retarget(f: Fact, value: string, why: string, display?: string): Fact {
  const note = f.evidence.note ? `${f.evidence.note}; ${why}` : why;
  return {
    ...f,
    value,
    display: display ?? displayValue(value),
    evidence: { ...f.evidence, note },
    data: { ...f.data, matched: value },
  };
}

