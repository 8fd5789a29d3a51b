/**
 * title: which titles each article gives a person, compared across articles.
 *
 * Extraction (src/normalize/titles.ts) finds person–title pairs: a title before
 * a name ("US Secretary of State Rubio"), after it ("Tammy Bruce, the
 * spokesperson of the US State Department"), or in a descriptive clause ("the
 * Secretary of State and, of course, now our national security advisor as well,
 * Marco Rubio"); and separations ("both Secretary Rubio and the US National
 * Security Adviser"), which say the person does NOT hold that title.
 *
 * One fact per (person, title, mention): value `holds:<title key>` or
 * `not:<title key>`, subject = the person. compare() builds each article's title
 * set for the person (short forms such as "Secretary" folded into the longer
 * title they abbreviate), and reports a title that some articles give and others
 * deny (contradiction) or leave out while naming other titles (by default a
 * variant). The value groups are the title sets, one per distinct set.
 */
import { evidence } from '../articles/parse.js';
import { RuleError } from '../errors.js';
import { cmp, describeGroups, groupValues, listArticles, makeFinding, outliersOf } from '../findings.js';
import { canonicalTitles, indexPeople, normalizeTitle, personEntities, titleTable, type TitleKey } from '../normalize/titles.js';
import { findEntity } from '../vocab.js';
import type { Article, Fact, Finding, FindingKind, Rule, RuleType, Vocabulary } from '../types.js';

export interface TitleOptions {
  people: string[];
  vocabulary_only: boolean;
  omissions: 'contradiction' | 'variant' | 'ignore';
  heads: string[];
}

interface TitleFactData {
  [k: string]: unknown;
  title: string;
  titleDisplay: string;
  head: string;
  holds: boolean;
  how: string;
  /** Titles the vocabulary says the person holds (keys), for short forms. */
  known: { key: string; display: string; head: string }[];
}

export const title: RuleType<TitleOptions> = {
  type: 'title',
  summary: "The titles articles give a person (Secretary of State, National Security Adviser), compared across articles.",
  defaultSeverity: 'warning',
  options: {
    people: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        'Ids of person entities (from `entities:`, `kind: person`) to check. Default: everyone the articles give a title, named in the vocabulary or not.',
    },
    vocabulary_only: {
      type: 'boolean',
      default: false,
      description: 'Only check people defined under `entities:` with `kind: person` (ignore other names found beside a title).',
    },
    omissions: {
      type: 'string',
      enum: ['contradiction', 'variant', 'ignore'],
      default: 'variant',
      description:
        'What to report when articles give a person different titles but none denies one (e.g. one says "Secretary of State and National Security Adviser", another only "Secretary of State"). A title one article denies is always a contradiction.',
    },
    heads: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        'Extra title head words beside the built-in ones (minister, secretary, adviser, spokesperson, president, envoy, general, governor, mayor...), e.g. `rapporteur`.',
    },
  },

  prepare(rule: Rule<TitleOptions>, vocab: Vocabulary) {
    const o = rule.options;
    o.people ??= [];
    o.vocabulary_only ??= false;
    o.omissions ??= 'variant';
    o.heads ??= [];
    if (!['contradiction', 'variant', 'ignore'].includes(o.omissions)) {
      throw new RuleError(`omissions must be one of contradiction, variant, ignore (got "${String(o.omissions)}")`, 'omissions');
    }
    o.people.forEach((id, i) => {
      const e = findEntity(vocab, id);
      if (!e) {
        const ids = personEntities(vocab).map((p) => p.id).join(', ') || '(none defined)';
        throw new RuleError(`unknown entity "${id}": define it under entities: with kind: person, or use one of ${ids}`, `people.${i}`);
      }
      if (e.kind !== 'person') {
        throw new RuleError(`entity "${id}" is not a person: add "kind: person" to it under entities:`, `people.${i}`);
      }
    });
    for (const [canonical, syns] of Object.entries(vocab.titles ?? {})) {
      if (!Array.isArray(syns)) throw new RuleError(`titles: "${canonical}" must list its synonyms, e.g. ${canonical}: [other spelling]`, 'titles');
    }
  },

  extract(article: Article, rule: Rule<TitleOptions>, vocab: Vocabulary): Fact[] {
    const o = rule.options;
    const only = new Set(o.people ?? []);
    const table = titleTable(vocab, o.heads ?? []);
    const ix = indexPeople(article, vocab, { extraHeads: o.heads ?? [] });
    const facts: Fact[] = [];
    for (const t of ix.titles) {
      const p = t.person;
      if (only.size > 0 && !only.has(p.key)) continue;
      if ((o.vocabulary_only || only.size > 0) && !p.entity) continue;
      const known = (p.entity?.titles ?? []).map((k) => normalizeTitle(k, table));
      const value = `${t.holds ? 'holds' : 'not'}:${t.title.key}`;
      const display = t.holds ? t.title.display : `not ${t.title.display}`;
      const note = t.holds
        ? `“${t.raw}” read as the title ${t.title.display} of ${p.label} (${howText(t.how)})`
        : `“${t.raw}” is named beside ${p.label} as someone else: ${p.label} is not the ${t.title.display} here`;
      const data: TitleFactData = { title: t.title.key, titleDisplay: t.title.display, head: t.title.head, holds: t.holds, how: t.how, known };
      facts.push({
        rule: rule.id,
        article: article.id,
        subject: { key: p.key, label: p.label },
        value,
        display,
        raw: t.raw,
        evidence: evidence(article, t.start, t.end, note),
        data,
      });
    }
    return facts;
  },

  compare(facts: Fact[], rule: Rule<TitleOptions>): Finding[] {
    return compareTitles(facts, rule);
  },
};

function howText(how: string): string {
  switch (how) {
    case 'before-name':
      return 'title before the name';
    case 'apposition':
      return 'title after the name';
    case 'clause':
      return 'descriptive clause ending in the name';
    default:
      return how;
  }
}

interface Profile {
  article: string;
  held: Set<string>;
  denied: Set<string>;
  facts: Fact[];
}

/** Per-article title sets of one person → findings. Exported for tests. */
export function compareTitles(facts: Fact[], rule: Rule<TitleOptions>): Finding[] {
  if (facts.length === 0) return [];
  // named as most articles write the name ("Hélène" in three, "Helene" in one), else as the first article does
  const sorted = [...facts].sort((a, b) => cmp(a.article, b.article));
  const writers = new Map<string, Set<string>>();
  for (const f of sorted) (writers.get(f.subject.label) ?? writers.set(f.subject.label, new Set()).get(f.subject.label)!).add(f.article);
  let subject = sorted[0]!.subject;
  for (const f of sorted) if (writers.get(f.subject.label)!.size > writers.get(subject.label)!.size) subject = f.subject;
  // every title seen, and those the vocabulary lists, folded to their longest unambiguous form
  const all: TitleKey[] = [];
  for (const f of facts) {
    const d = f.data as TitleFactData;
    all.push({ key: d.title, display: d.titleDisplay, head: d.head });
    for (const k of d.known ?? []) all.push(k);
  }
  all.sort((a, b) => cmp(a.key, b.key));
  const canon = canonicalTitles(all);
  const displayOf = new Map<string, string>();
  for (const t of canon.values()) if (!displayOf.has(t.key)) displayOf.set(t.key, t.display);

  const profiles = new Map<string, Profile>();
  for (const f of facts) {
    const d = f.data as TitleFactData;
    const key = canon.get(d.title)?.key ?? d.title;
    let p = profiles.get(f.article);
    if (!p) profiles.set(f.article, (p = { article: f.article, held: new Set(), denied: new Set(), facts: [] }));
    (d.holds ? p.held : p.denied).add(key);
    p.facts.push(f);
  }
  const list = [...profiles.values()].sort((a, b) => cmp(a.article, b.article));

  // how many articles give each title: the order titles are listed in
  const givenBy = new Map<string, string[]>();
  for (const p of list) for (const t of p.held) (givenBy.get(t) ?? givenBy.set(t, []).get(t)!).push(p.article);
  const order = (a: string, b: string) => (givenBy.get(b)?.length ?? 0) - (givenBy.get(a)?.length ?? 0) || cmp(displayOf.get(a) ?? a, displayOf.get(b) ?? b);
  const show = (k: string) => displayOf.get(k) ?? k;

  // disputed titles: given by some, denied or left out (while others are given) by others
  let denial = false;
  const disputes: { title: string; holders: string[]; deniers: string[]; omitters: string[] }[] = [];
  for (const t of [...givenBy.keys()].sort(order)) {
    const holders = givenBy.get(t)!;
    const deniers = list.filter((p) => p.denied.has(t) && !p.held.has(t)).map((p) => p.article);
    const omitters = list.filter((p) => !p.held.has(t) && !p.denied.has(t) && p.held.size > 0).map((p) => p.article);
    if (deniers.length) denial = true;
    if (deniers.length || omitters.length) disputes.push({ title: t, holders, deniers, omitters });
  }

  const o = rule.options;
  const omissions = o.omissions ?? 'variant';
  if (disputes.length === 0 || (!denial && omissions === 'ignore')) {
    const given = list.filter((p) => p.held.size > 0);
    if (rule.singleSource && given.length === 1 && disputes.length === 0) {
      const p = given[0]!;
      const groups = groupValues(p.facts.filter((f) => (f.data as TitleFactData).holds).map((f) => ({ ...f, value: profileValue(p), display: profileDisplay(p, order, show) })));
      return [makeFinding(rule, 'single-source', subject, groups, `Only ${p.article} gives ${subject.label} a title: ${groups[0]!.display}.`)];
    }
    return [];
  }
  const kind: FindingKind = denial ? 'contradiction' : omissions === 'contradiction' ? 'contradiction' : 'variant';

  // one value group per distinct title set
  const relevant = list.filter((p) => p.held.size > 0 || p.denied.size > 0);
  const synthetic: Fact[] = [];
  for (const p of relevant) {
    const value = profileValue(p);
    const display = profileDisplay(p, order, show);
    for (const f of p.facts) synthetic.push({ ...f, value, display, data: { held: [...p.held].sort(order).map(show), denied: [...p.denied].filter((t) => !p.held.has(t)).sort(order).map(show) } });
  }
  const groups = groupValues(synthetic);
  const outliers = outliersOf(groups);

  const parts = disputes.map((d) => {
    const bits = [`${listArticles(d.holders)} ${d.holders.length > 1 ? 'call' : 'calls'} ${subject.label} ${show(d.title)}`];
    if (d.deniers.length) bits.push(`${listArticles(d.deniers)} ${d.deniers.length > 1 ? 'treat' : 'treats'} the ${show(d.title)} as someone else`);
    if (d.omitters.length) {
      // group omitters by what they do give
      const byGiven = new Map<string, string[]>();
      for (const a of d.omitters) {
        const p = profiles.get(a)!;
        const g = [...p.held].sort(order).map(show).join(' and ');
        (byGiven.get(g) ?? byGiven.set(g, []).get(g)!).push(a);
      }
      for (const [g, arts] of [...byGiven].sort((x, y) => cmp(x[1][0]!, y[1][0]!))) bits.push(`${listArticles(arts)} ${arts.length > 1 ? 'give' : 'gives'} only ${g}`);
    }
    return bits.length > 2 ? `${bits.slice(0, -1).join(', ')}, and ${bits[bits.length - 1]}` : bits.join(', while ');
  });
  // with no article denying a title, the disputes mirror each other (A gives X where B gives only Y, and the
  // other way round): the title sets side by side say it once
  const message =
    kind === 'variant'
      ? `Sources give ${subject.label} different titles: ${describeGroups(groups)}.`
      : disputes.some((d) => d.deniers.length)
        ? `Sources disagree on the titles of ${subject.label}: ${parts.join('; ')}.`
        : `Sources disagree on the titles of ${subject.label}: ${describeGroups(groups)}.`;
  return [
    makeFinding(rule, kind, subject, groups, message, {
      outliers,
      details: {
        disputed: disputes.map((d) => ({ title: show(d.title), givenBy: d.holders, deniedBy: d.deniers, leftOutBy: d.omitters })),
      },
    }),
  ];
}

function profileValue(p: Profile): string {
  const held = [...p.held].sort();
  const denied = [...p.denied].filter((t) => !p.held.has(t)).sort();
  return [...held.map((t) => `holds:${t}`), ...denied.map((t) => `not:${t}`)].join('|');
}

function profileDisplay(p: Profile, order: (a: string, b: string) => number, show: (k: string) => string): string {
  const held = [...p.held].sort(order).map(show);
  const denied = [...p.denied].filter((t) => !p.held.has(t)).sort(order).map(show);
  const parts: string[] = [];
  if (held.length) parts.push(held.join(' + '));
  if (denied.length) parts.push(denied.map((t) => `${t} is someone else`).join('; '));
  return parts.join('; ') || '(no title)';
}
