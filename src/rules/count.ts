/**
 * count: a quantity about a subject, e.g. people killed in an attack.
 *
 * A sentence is a candidate when it (or one of the `window` sentences before it)
 * mentions the subject entity. In a candidate, a quantity followed by one of the
 * unit words ("26 people", "nine terror infrastructure sites") counts when a cue
 * ("killed", "lives of", "strikes on") stands within `cue_distance` words of it.
 * Values are ranges, so hedged figures ("at least 40") contradict only figures
 * they cannot agree with.
 */
import { evidence } from '../articles/parse.js';
import { RuleError } from '../errors.js';
import { describeGroups, groupValues, listArticles, makeFinding, outliersOf } from '../findings.js';
import { formatQuantity, parseQuantity, QUANTITY_SOURCE, rangesOverlap, type Quantity } from '../normalize/numbers.js';
import { findEntity, mentions, termsRegExp } from '../vocab.js';
import type { Article, Fact, Finding, Rule, RuleType, Vocabulary } from '../types.js';

export interface CountOptions {
  subject: string;
  unit: string;
  unit_words: string[];
  cues: string[];
  label?: string;
  window: number;
  max_gap: number;
  cue_distance: number;
}

interface Compiled {
  quantity: RegExp;
  cue: RegExp;
}
const compiled = new WeakMap<object, Compiled>();

function compile(o: CountOptions): Compiled {
  let c = compiled.get(o);
  if (!c) {
    const unitWords = termsRegExp(o.unit_words).source.replace(/^\(\?<!\[\\p\{L\}\\p\{N\}@\]\)/, '');
    c = {
      quantity: new RegExp(
        `(?<![\\p{L}\\p{N},.])(${QUANTITY_SOURCE})\\s+(?:of\\s+)?((?:[\\p{L}’'-]+\\s+){0,${o.max_gap}}?)(${unitWords})`,
        'giu',
      ),
      cue: termsRegExp(o.cues),
    };
    compiled.set(o, c);
  }
  return c;
}

/** Word index of an offset in a string (count of word starts before it). */
function wordIndex(text: string, offset: number): number {
  const m = text.slice(0, offset).match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

export const count: RuleType<CountOptions> = {
  type: 'count',
  summary: 'A number about a subject (people killed, sites struck), compared across articles.',
  defaultSeverity: 'error',
  required: ['subject', 'unit', 'cues'],
  options: {
    subject: { type: 'string', description: 'Id of the entity (from `entities:`) the count is about; a sentence must mention it.' },
    unit: { type: 'string', description: 'What is counted, as the report should say it (e.g. `people`).' },
    unit_words: {
      type: 'array',
      items: { type: 'string' },
      description: 'Words that name the unit in the text (e.g. `people`, `tourists`). Default: the unit itself.',
    },
    cues: {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'Words or phrases that must stand near the number: what makes it this count (e.g. `killed`, `lives of`).',
    },
    label: { type: 'string', description: 'How the report names the fact. Default: "<unit> <first cue> — <entity name>".' },
    window: {
      type: 'integer',
      minimum: 0,
      maximum: 5,
      default: 1,
      description: 'How many sentences after a mention of the subject still count as about it ("The attack, which killed 27 people…").',
    },
    max_gap: {
      type: 'integer',
      minimum: 0,
      maximum: 6,
      default: 3,
      description: 'Words allowed between the number and the unit ("nine terror infrastructure sites" has 2).',
    },
    cue_distance: {
      type: 'integer',
      minimum: 1,
      maximum: 30,
      default: 8,
      description: 'How many words a cue may stand from the number, before or after it.',
    },
  },

  prepare(rule: Rule<CountOptions>, vocab: Vocabulary) {
    const o = rule.options;
    if (!findEntity(vocab, o.subject)) {
      const ids = vocab.entities.map((e) => e.id).join(', ') || '(none defined)';
      throw new RuleError(`unknown entity "${o.subject}": define it under entities: or use one of ${ids}`, 'subject');
    }
    o.unit_words ??= [o.unit];
    o.window ??= 1;
    o.max_gap ??= 3;
    o.cue_distance ??= 8;
  },

  extract(article: Article, rule: Rule<CountOptions>, vocab: Vocabulary): Fact[] {
    const o = rule.options;
    const entity = findEntity(vocab, o.subject)!;
    const { quantity, cue } = compile(o);
    const label = o.label ?? `${o.unit} ${o.cues[0]} — ${entity.name}`;
    const subject = { key: `${entity.id}:${o.unit.toLowerCase()}`, label };

    // sentences mentioning the subject, and those within the window after them
    const candidate = new Set<number>();
    const ss = article.sentences;
    for (const s of ss) {
      if (mentions(s.text, entity).length > 0) for (let i = 0; i <= o.window && s.index + i < ss.length; i++) candidate.add(s.index + i);
    }
    const facts: Fact[] = [];
    for (const i of [...candidate].sort((a, b) => a - b)) {
      const s = ss[i]!;
      const cues = [...s.text.matchAll(cue)].map((m) => ({ at: wordIndex(s.text, m.index!), len: m[0].split(/\s+/).length, text: m[0] }));
      if (cues.length === 0) continue;
      quantity.lastIndex = 0;
      for (let m = quantity.exec(s.text); m; m = quantity.exec(s.text)) {
        const q: Quantity | undefined = parseQuantity(m[1]!);
        if (!q) continue;
        const numAt = wordIndex(s.text, m.index);
        const numEnd = wordIndex(s.text, m.index + m[0].length);
        const near = cues.find((c) => (c.at + c.len <= numAt ? numAt - (c.at + c.len) : c.at - numEnd) <= o.cue_distance);
        if (!near) continue;
        const start = s.start + m.index;
        const value = q.min === q.max ? String(q.min) : `${q.min}..${q.max === Infinity ? '' : q.max}`;
        const shown = formatQuantity(q);
        facts.push({
          rule: rule.id,
          article: article.id,
          subject,
          value,
          display: `${shown} ${o.unit}`,
          raw: m[0],
          evidence: evidence(article, start, start + m[0].length, `“${m[0]}” read as ${shown} ${o.unit} (cue “${near.text}”)`),
          data: { min: q.min, max: q.max === Infinity ? null : q.max, ...(q.hedge ? { hedge: q.hedge } : {}) },
        });
      }
    }
    return facts;
  },

  compare(facts, rule): Finding[] {
    if (facts.length === 0) return [];
    const subject = facts[0]!.subject;
    const groups = groupValues(facts);
    const ranges = groups.map((g) => ({ min: g.data!.min as number, max: (g.data!.max as number | null) ?? Infinity }));
    if (groups.length > 1 && !rangesOverlap(ranges)) {
      const outliers = outliersOf(groups);
      const who = outliers.length ? ` ${listArticles(outliers)} ${outliers.length > 1 ? 'are the outliers' : 'is the outlier'}.` : '';
      return [makeFinding(rule, 'contradiction', subject, groups, `Sources disagree on ${subject.label}: ${describeGroups(groups)}.${who}`, { outliers })];
    }
    const articles = new Set(facts.map((f) => f.article));
    if (rule.singleSource && articles.size === 1) {
      return [makeFinding(rule, 'single-source', subject, groups, `Only ${[...articles][0]} gives ${subject.label}: ${describeGroups(groups)}.`)];
    }
    return [];
  },
};
