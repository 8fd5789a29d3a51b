/**
 * `name`: one entity, several spellings. Finds names (those a pattern matches, or
 * every proper name) and reports a `variant` when articles, or one article, spell
 * the same name in different ways ("Bunyan-un-Marsoos" / "Bunyaan al Marsoos",
 * "Gaddafi" / "Qaddafi").
 *
 * Blocking: each name occurrence becomes one Fact whose subject key is the Double
 * Metaphone code of its distinctive words (particles, hyphens, doubled vowels
 * folded away), computed from the name alone, so it is the same in every article.
 * compare() then sees one phonetic bucket at a time and clusters its spellings by
 * Jaro-Winkler similarity of their skeletons: names are never compared all pairs.
 */
import { evidence } from '../articles/parse.js';
import { RuleError } from '../errors.js';
import { byEvidence, cmp, listArticles, makeFinding, outliersOf } from '../findings.js';
import {
  DEFAULT_PARTICLES,
  DEFAULT_TITLES,
  OPENERS,
  afterLastTitle,
  clusterSkeletons,
  dropSet,
  lookupKey,
  nameKeys,
  nameSource,
  stripPossessive,
  type NameKeys,
} from '../normalize/names.js';
import type { Article, Fact, Finding, Rule, RuleType, ValueGroup, Vocabulary } from '../types.js';

export interface NameOptions {
  /** Regular expression for the names to check; `{name}` stands for a proper name; group `name` (or group 1) is the distinctive part. */
  pattern?: string;
  /** Minimum Jaro-Winkler similarity of two distinctive parts for them to be one name. */
  threshold: number;
  /** Distinctive parts with fewer letters than this are skipped. */
  min_length: number;
  /** Names never checked. */
  ignore: string[];
  /** Particles ignored when comparing. */
  particles: string[];
  /** Words set aside before a name, like titles (e.g. Operation). */
  prefixes: string[];
}

const DEFAULTS = { threshold: 0.86, min_length: 4 } as const;
/** Above this many distinct skeletons in one phonetic bucket, only identical skeletons are joined. */
const MAX_BUCKET = 40;
/** Occurrences of one spelling in one article kept as evidence (the rest are counted). */
const MAX_EVIDENCE = 3;
/** Where a proper name may start: an ASCII capital, or any non-ASCII character (checked by the full pattern). */
const CANDIDATE = /[A-Z\u0080-\uffff]/g;

/** Everything extract() needs that depends only on the rule and the vocabulary, built once per pair. */
interface Compiled {
  re: RegExp;
  /** Proper names: the same pattern, sticky, tried only where a name may start. */
  sticky?: RegExp;
  /** Text every match starts with (the literal head of a user pattern), to skip sentences without it. */
  literal?: string;
  proper: boolean;
  ignore: Set<string>;
  entities: Map<string, string>;
  /** Spellings rules.yaml lists as `variants:` of an entity: recognised, still reported. */
  variants: Map<string, string>;
  titles: Set<string>;
  maxTitleWords: number;
  /** Particles and connectors, set aside when comparing. */
  drop: ReadonlySet<string>;
  /**
   * What each distinct matched text stands for (a pure function of the text and this rule):
   * names recur across articles, so their keys are computed once. Bounded; never read for anything else.
   */
  readings: Map<string, Reading | null>;
}

/** Above this many distinct matched texts, the readings memo starts afresh. */
const MAX_READINGS = 50_000;

// Read-only caches (like vocab.ts's pattern cache): safe across articles and in workers.
const compiledCache = new WeakMap<object, WeakMap<Vocabulary, Compiled>>();

function withDefaults(rule: Rule<NameOptions>): NameOptions {
  const o = (rule.options ?? {}) as Partial<NameOptions>;
  return {
    ...(o.pattern !== undefined ? { pattern: o.pattern } : {}),
    threshold: o.threshold ?? DEFAULTS.threshold,
    min_length: o.min_length ?? DEFAULTS.min_length,
    ignore: o.ignore ?? [],
    particles: o.particles ?? [...DEFAULT_PARTICLES],
    prefixes: o.prefixes ?? [],
  };
}

function patternSource(pattern: string, particles: string[]): string {
  return pattern.replace(/\{name\}/g, `(?<name>${nameSource(particles)})`);
}

function compile(rule: Rule<NameOptions>, vocab: Vocabulary): Compiled {
  // Keyed by the options object: prepare() replaces it, so a changed rule never reuses a stale pattern.
  const owner = (rule.options ?? rule) as object;
  let byVocab = compiledCache.get(owner);
  const hit = byVocab?.get(vocab);
  if (hit) return hit;
  const o = withDefaults(rule);
  const particles = o.particles.map((p) => p.toLowerCase());
  const proper = o.pattern === undefined;
  const source = proper ? nameSource(particles) : patternSource(o.pattern!, particles);
  // Proper names need no match indices (the `d` flag makes every match slower).
  const re = new RegExp(source, proper ? 'gu' : 'gdu');
  const entities = new Map<string, string>();
  for (const e of vocab.entities) {
    for (const term of [e.name, ...e.aliases]) {
      const k = lookupKey(term);
      if (k && !entities.has(k)) entities.set(k, e.id);
    }
  }
  const variants = new Map<string, string>();
  for (const e of vocab.entities) {
    for (const term of e.variants ?? []) {
      const k = lookupKey(term);
      if (k && !entities.has(k) && !variants.has(k)) variants.set(k, e.id);
    }
  }
  const titles = new Set<string>();
  const addTitle = (t: string): void => {
    const words = t.toLowerCase().replace(/\./g, '').split(/\s+/).filter(Boolean);
    if (words.length) titles.add(words.join(' '));
  };
  DEFAULT_TITLES.forEach(addTitle);
  o.prefixes.forEach(addTitle);
  for (const [canonical, synonyms] of Object.entries(vocab.titles ?? {})) {
    addTitle(canonical);
    synonyms.forEach(addTitle);
  }
  let maxTitleWords = 1;
  for (const t of titles) maxTitleWords = Math.max(maxTitleWords, t.split(' ').length);
  const c: Compiled = {
    re,
    ...(proper ? { sticky: new RegExp(source, 'yu') } : {}),
    ...(!proper && literalHead(o.pattern!) ? { literal: literalHead(o.pattern!)! } : {}),
    proper,
    ignore: new Set(o.ignore.map(lookupKey).filter(Boolean)),
    entities,
    variants,
    titles,
    maxTitleWords,
    drop: dropSet(particles),
    readings: new Map(),
  };
  if (!byVocab) {
    byVocab = new WeakMap();
    compiledCache.set(owner, byVocab);
  }
  byVocab.set(vocab, c);
  return c;
}

interface Span {
  start: number;
  end: number;
}

/**
 * The literal text a pattern starts with ("Operation " for "Operation {name}"), when
 * every match must start with it: no alternation, no escapes or classes before it.
 */
export function literalHead(pattern: string): string | undefined {
  if (pattern.includes('|')) return undefined;
  let i = 0;
  while (i < pattern.length && !'\\^$.|?*+()[]{}'.includes(pattern[i]!)) i++;
  let head = pattern.slice(0, i);
  // a quantifier after the head makes its last character optional
  if ('?*{'.includes(pattern[i] ?? '') && pattern[i] !== undefined) head = head.slice(0, -1);
  return head.length >= 2 ? head : undefined;
}

/** What one matched text stands for: worked out once per distinct match in an article. */
interface Reading {
  /** Offsets relative to the match. */
  full: Span;
  keys: NameKeys;
  entity?: string;
  /** Entity whose listed variant this spelling is. */
  variantOf?: string;
  display: string;
  raw: string;
  note: string;
  /** What makes two occurrences one fact: key, spelling, display and entity. */
  form: string;
}

function read(m: RegExpExecArray, c: Compiled, o: NameOptions): Reading | null {
  const text = m[0];
  let full: Span = { start: 0, end: text.length };
  let core: Span = full;
  let title: string | undefined;
  if (c.proper) {
    const t = trimRun(text, 0, text.length, c);
    if (!t) return null;
    full = core = t;
    title = t.title;
  } else {
    const idx = m.indices?.groups?.name ?? m.indices?.[1];
    if (idx) core = { start: idx[0] - m.index, end: idx[1] - m.index };
    if (core.end <= core.start) return null;
  }
  const coreText = stripPossessive(text.slice(core.start, core.end));
  const fullText = text.slice(full.start, full.end);
  const keys = nameKeys(coreText, c.drop);
  if (keys.letters < o.min_length || !keys.key) return null;
  const coreLookup = lookupKey(coreText);
  const fullLookup = full === core ? coreLookup : lookupKey(fullText);
  if (c.ignore.has(coreLookup) || c.ignore.has(fullLookup)) return null;
  const entity = c.entities.get(fullLookup) ?? c.entities.get(coreLookup);
  const r: Reading = {
    full,
    keys,
    display: stripPossessive(fullText).replace(/\s+/g, ' '),
    raw: fullText,
    note: describeKeys(coreText, keys.skeleton, keys.key, title),
    form: '',
  };
  if (entity) r.entity = entity;
  else {
    const variantOf = c.variants.get(fullLookup) ?? c.variants.get(coreLookup);
    if (variantOf) r.variantOf = variantOf;
  }
  r.form = `${keys.key}\u0000${keys.spelling}\u0000${r.display}\u0000${entity ?? ''}`;
  return r;
}

/**
 * A capitalised run → the name in it: leading sentence words ("The", "On",
 * "Meanwhile") and titles ("Prime Minister", "Gen.") are set aside, and so are
 * particles left at the front. Offsets relative to the sentence.
 */
function trimRun(text: string, start: number, end: number, c: Compiled): (Span & { title?: string }) | undefined {
  const tokens: { start: number; end: number; word: string }[] = [];
  for (let i = start; i < end; ) {
    while (i < end && /\s/.test(text[i]!)) i++;
    const from = i;
    while (i < end && !/\s/.test(text[i]!)) i++;
    if (i > from) tokens.push({ start: from, end: i, word: text.slice(from, i).toLowerCase().replace(/\./g, '') });
  }
  let from = 0;
  while (from < tokens.length && OPENERS.has(tokens[from]!.word)) from++;
  const words = tokens.slice(from).map((t) => t.word);
  const cut = afterLastTitle(words, c.titles, c.maxTitleWords);
  let title: string | undefined;
  if (cut > 0) title = text.slice(tokens[from]!.start, tokens[from + cut - 1]!.end);
  from += cut;
  while (from < tokens.length && c.drop.has(tokens[from]!.word)) from++;
  if (from >= tokens.length) return undefined;
  const span: Span & { title?: string } = { start: tokens[from]!.start, end: tokens[tokens.length - 1]!.end };
  if (title) span.title = title;
  return span;
}

function describeKeys(written: string, skeleton: string, key: string, title?: string): string {
  const parts = [`“${written}” compared as “${skeleton}” (hyphens and particles dropped, doubled letters and transliteration pairs folded), phonetic key ${key}`];
  if (title) parts.push(`title “${title}” set aside`);
  return parts.join('; ');
}

export const name: RuleType<NameOptions> = {
  type: 'name',
  summary: 'Finds one name spelled several ways (Bunyan-un-Marsoos / Bunyaan al Marsoos, Gaddafi / Qaddafi) within or across articles.',
  options: {
    pattern: {
      type: 'string',
      description:
        'Regular expression (JavaScript syntax, case-sensitive) for the names to check, e.g. `Operation {name}`. `{name}` stands for a proper name (capitalised words, with particles like al/ul/un/el/bin/van and hyphens). The named group `name`, else group 1, else the whole match, is the distinctive part that is compared. Without a pattern, every proper name is checked.',
    },
    threshold: {
      type: 'number',
      minimum: 0.5,
      maximum: 1,
      default: DEFAULTS.threshold,
      description:
        'How alike (Jaro-Winkler, 0 to 1) two names that sound the same must be, once hyphens, particles and doubled letters are set aside, to count as one name. Lower merges more.',
    },
    min_length: {
      type: 'integer',
      minimum: 1,
      default: DEFAULTS.min_length,
      description: 'Names with fewer letters than this (particles not counted) are skipped: short names and initials look alike too easily.',
    },
    ignore: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Names never checked (case, hyphens and diacritics ignored), e.g. words a title-case headline capitalises.',
    },
    particles: {
      type: 'array',
      items: { type: 'string' },
      default: [...DEFAULT_PARTICLES],
      description:
        'Lower-case words that join or prefix parts of a name and are ignored when comparing (al-, ul-, un-, el-, bin, de, van...). Replaces the default list.',
    },
    prefixes: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        'Without a pattern: words or phrases set aside when they come before a name, as titles are ("Operation" turns “Operation Bunyaan al Marsoos” into “Bunyaan al Marsoos”). Common titles (President, Prime Minister, Gen., Dr....) and the titles of rules.yaml are always set aside.',
    },
  },
  defaultSeverity: 'warning',

  prepare(rule, _vocab) {
    const o = withDefaults(rule);
    if (!Array.isArray(o.ignore) || o.ignore.some((s) => typeof s !== 'string')) {
      throw new RuleError('ignore must be a list of names, e.g. [Operation, Breaking News]', 'ignore');
    }
    if (!Array.isArray(o.prefixes) || o.prefixes.some((s) => typeof s !== 'string' || !s.trim())) {
      throw new RuleError('prefixes must be a list of words or phrases, e.g. [Operation, Mount]', 'prefixes');
    }
    if (!Array.isArray(o.particles) || o.particles.some((s) => typeof s !== 'string' || !/^\p{Ll}+$/u.test(s))) {
      throw new RuleError('particles must be a list of lower-case words, e.g. [al, ul, un, el, bin, van]', 'particles');
    }
    if (o.pattern !== undefined) {
      if (typeof o.pattern !== 'string' || !o.pattern.trim()) {
        throw new RuleError('pattern must be a non-empty regular expression, e.g. "Operation {name}"; leave it out to check every proper name', 'pattern');
      }
      let re: RegExp;
      try {
        re = new RegExp(patternSource(o.pattern, o.particles), 'du');
      } catch (e) {
        throw new RuleError(
          `pattern is not a valid regular expression (${(e as Error).message}); write e.g. "Operation {name}" or "Operation (?<name>[A-Z][a-z]+)"`,
          'pattern',
        );
      }
      if (re.test('')) throw new RuleError('pattern matches empty text; it must match the name itself, e.g. "Operation {name}"', 'pattern');
    }
    if (typeof o.threshold !== 'number' || !(o.threshold >= 0.5 && o.threshold <= 1)) {
      throw new RuleError(`threshold must be a number between 0.5 and 1 (default ${DEFAULTS.threshold})`, 'threshold');
    }
    if (!Number.isInteger(o.min_length) || o.min_length < 1) {
      throw new RuleError(`min_length must be a whole number of letters, at least 1 (default ${DEFAULTS.min_length})`, 'min_length');
    }
    rule.options = o;
  },

  extract(article: Article, rule: Rule<NameOptions>, vocab: Vocabulary): Fact[] {
    const o = withDefaults(rule);
    const c = compile(rule, vocab);
    // An article that cannot contain the pattern's literal start ("Operation ") is skipped unread.
    if (c.literal && !article.text.includes(c.literal)) return [];
    const facts: Fact[] = [];
    /** One fact per distinct name form per article; later occurrences are counted, the first few kept as evidence. */
    const byForm = new Map<string, Fact>();
    const memo = c.readings;
    // Copies per article: exec() moves lastIndex.
    const re = new RegExp(c.re);
    const sticky = c.sticky ? new RegExp(c.sticky) : undefined;
    const cand = sticky ? new RegExp(CANDIDATE) : undefined;
    for (const s of article.sentences) {
      const text = s.text;
      if (c.literal && !text.includes(c.literal)) continue;
      // every fact of a sentence quotes it: one copy of its text serves them all (facts are kept until the report)
      let shared: string | undefined;
      const cite = (start: number, end: number, note: string): Fact['evidence'] => {
        const ev = evidence(article, start, end, note);
        if (shared === undefined) shared = ev.sentence;
        else if (ev.sentence === shared) ev.sentence = shared;
        return ev;
      };
      const onMatch = (m: RegExpExecArray): void => {
        let key = m[0];
        if (!c.proper) {
          const idx = m.indices?.groups?.name ?? m.indices?.[1];
          if (idx) key += `\u0000${idx[0] - m.index},${idx[1] - m.index}`;
        }
        let r = memo.get(key);
        if (r === undefined) {
          r = read(m, c, o);
          if (memo.size >= MAX_READINGS) memo.clear();
          memo.set(key, r);
        }
        if (!r) return;
        const start = s.start + m.index + r.full.start;
        const end = s.start + m.index + r.full.end;
        const form = r.form;
        const known = byForm.get(form);
        if (known) {
          const data = known.data!;
          const n = (data.occurrences as number) + 1;
          data.occurrences = n;
          if (n <= MAX_EVIDENCE) ((data.more as Fact['evidence'][] | undefined) ?? (data.more = [])).push(cite(start, end, r.note));
          return;
        }
        const data: Record<string, unknown> = { skeleton: r.keys.skeleton };
        if (r.entity) data.entity = r.entity;
        if (r.variantOf) data.variantOf = r.variantOf;
        data.occurrences = 1;
        const fact: Fact = {
          rule: rule.id,
          article: article.id,
          subject: { key: r.keys.key, label: r.display },
          value: r.keys.spelling,
          display: r.display,
          raw: r.raw,
          evidence: cite(start, end, r.note),
          data,
        };
        byForm.set(form, fact);
        facts.push(fact);
      };
      if (sticky && cand) {
        // Proper names start with a capital (or a particle and a dash before one): the full pattern is
        // tried only there, which finds exactly what scanning every position finds, many times faster.
        cand.lastIndex = 0;
        let end = 0;
        for (let k = cand.exec(text); k; k = cand.exec(text)) {
          const p = k.index;
          if (p < end) continue;
          const code = text.charCodeAt(p);
          if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a surrogate pair
          let m: RegExpExecArray | null = null;
          const d = text.charCodeAt(p - 1);
          if (d === 45 || d === 0x2010 || d === 0x2011) {
            let q = p - 1;
            while (q > 0 && /\p{Ll}/u.test(text[q - 1]!)) q--;
            if (q < p - 1 && q >= end && c.drop.has(text.slice(q, p - 1))) {
              sticky.lastIndex = q;
              m = sticky.exec(text);
            }
          }
          if (!m) {
            sticky.lastIndex = p;
            m = sticky.exec(text);
          }
          if (!m || !m[0]) continue;
          end = m.index + m[0].length;
          if (cand.lastIndex < end) cand.lastIndex = end;
          onMatch(m);
        }
      } else {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (!m[0]) {
            re.lastIndex++;
            continue;
          }
          onMatch(m);
        }
      }
    }
    return facts;
  },

  compare(facts, rule): Finding[] {
    if (facts.length < 2) return [];
    const o = withDefaults(rule);
    interface Spelling {
      value: string;
      display: string;
      skeleton: string;
      entity?: string;
      variantOf?: string;
      articles: Set<string>;
      evidence: Fact['evidence'][];
      occurrences: number;
    }
    const sorted = [...facts].sort((a, b) => byEvidence(a.evidence, b.evidence));
    const byValue = new Map<string, Spelling>();
    for (const f of sorted) {
      let sp = byValue.get(f.value);
      if (!sp) {
        sp = { value: f.value, display: f.display ?? f.value, skeleton: String(f.data?.skeleton ?? f.value), articles: new Set(), evidence: [], occurrences: 0 };
        byValue.set(f.value, sp);
      }
      if (typeof f.data?.entity === 'string' && !sp.entity) sp.entity = f.data.entity;
      if (typeof f.data?.variantOf === 'string' && !sp.variantOf) sp.variantOf = f.data.variantOf;
      sp.articles.add(f.article);
      sp.evidence.push(f.evidence);
      // one fact stands for every occurrence of its spelling in its article; the first few are evidence
      const more = f.data?.more;
      if (Array.isArray(more)) for (const e of more) sp.evidence.push(e as Fact['evidence']);
      sp.occurrences += typeof f.data?.occurrences === 'number' ? f.data.occurrences : 1;
    }
    if (byValue.size < 2) return [];
    const spellings = [...byValue.values()].sort((a, b) => cmp(a.value, b.value));
    const clusters = clusterSkeletons(
      spellings.map((s) => s.skeleton),
      o.threshold,
      MAX_BUCKET,
    );
    const key = facts[0]!.subject.key;
    const findings: Finding[] = [];
    for (const cluster of clusters) {
      if (cluster.length < 2) continue;
      const members = cluster.map((i) => spellings[i]!);
      // Spellings the vocabulary lists settle the question: aliases of one entity, or entities declared distinct.
      if (members.every((m) => m.entity)) continue;
      const groups: ValueGroup[] = members
        .map((m) => {
          const g: ValueGroup = {
            value: m.value,
            display: m.display,
            articles: [...m.articles].sort(cmp),
            evidence: [...m.evidence].sort(byEvidence),
            data: { occurrences: m.occurrences, skeleton: m.skeleton },
          };
          if (m.entity) g.data!.entity = m.entity;
          if (m.variantOf) g.data!.variantOf = m.variantOf;
          return g;
        })
        .sort(
          (a, b) =>
            b.articles.length - a.articles.length ||
            (b.data!.occurrences as number) - (a.data!.occurrences as number) ||
            cmp(a.value, b.value),
        );
      const top = groups[0]!;
      const subject = { key, label: `spelling of ${top.display}` };
      const listed = groups.filter((g) => g.data!.entity).map((g) => `“${g.display}”`);
      const known = groups.filter((g) => g.data!.variantOf).map((g) => `“${g.display}”`);
      const unlisted = groups.filter((g) => !g.data!.entity && !g.data!.variantOf).map((g) => `“${g.display}”`);
      const ways = groups.map((g) => `“${g.display}” (${listArticles(g.articles)}${(g.data!.occurrences as number) > 1 ? `, ${g.data!.occurrences}×` : ''})`);
      let message = `One name is spelled ${groups.length} ways: ${ways.join(', ')}.`;
      if (listed.length) {
        const parts = [`${listed.join(', ')} ${listed.length > 1 ? 'are' : 'is'} listed in rules.yaml`];
        if (known.length) parts.push(`${known.join(', ')} ${known.length > 1 ? 'are known variants' : 'is a known variant'} (still reported)`);
        if (unlisted.length) parts.push(`${unlisted.join(', ')} ${unlisted.length > 1 ? 'are' : 'is'} not`);
        message += ` ${parts.join('; ')}.`;
      }
      const outliers = outliersOf(groups);
      findings.push(
        makeFinding(rule as unknown as Rule, 'variant', subject, groups, message, {
          outliers,
          details: { phoneticKey: key, skeletons: [...new Set(members.map((m) => m.skeleton))].sort(cmp) },
        }),
      );
    }
    return findings;
  },
};
