import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticleFiles, loadArticles } from '../src/articles/load.js';
import { sentenceBounds } from '../src/articles/parse.js';
import { check, extractArticle, loadConfig } from '../src/runner.js';
import { FactEncoder, FactStore, hydrate } from '../src/store.js';
import type { Fact } from '../src/types.js';
import { article, ROOT } from './helpers.js';

const STORY = join(ROOT, 'test', 'fixtures', 'quake');
const STORY_RULES = join(STORY, 'rules.yaml');

describe('facts kept small until the report', () => {
  it('gives the same report as keeping every fact whole, on the seeds and on another story', () => {
    const rules = join(ROOT, 'rules.yaml');
    expect(JSON.stringify(check({ rules }).report)).toBe(JSON.stringify(check({ rules, keepFacts: true }).report));
    const story = { rules: STORY_RULES, paths: [STORY] };
    const small = check(story).report;
    expect(small.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(small)).toBe(JSON.stringify(check({ ...story, keepFacts: true }).report));
  });

  it('cites every finding with its sentence and raw text, read back from the file', () => {
    const { report } = check({ rules: STORY_RULES, paths: [STORY] });
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      for (const g of f.values) {
        for (const e of g.evidence) {
          expect(e.sentence.length).toBeGreaterThan(0);
          expect(e.sentence).toContain(e.text.replace(/\s+/g, ' '));
          expect(e).not.toHaveProperty('end');
        }
      }
    }
  });

  it('holds a fact that many articles state once, with each article and position', () => {
    const config = loadConfig(STORY_RULES);
    const text = 'The Valdivia earthquake killed 41 people, officials said.';
    const store = new FactStore();
    for (const id of ['a', 'b', 'c']) {
      const a = article(id, id === 'c' ? `Updated.\n${text}` : text);
      store.add(a.id, a.path, extractArticle(a, config.rules, config));
    }
    const groups = [...store.groups()];
    const toll = groups.flat().filter((f) => f.raw.includes('41'));
    expect(toll.map((f) => f.article)).toEqual(['a', 'b', 'c']);
    // where each stands (line and column come back with the sentence, from the file: see below)
    const at = toll[0]!.evidence.offset;
    expect(toll.map((f) => f.evidence.offset)).toEqual([at, at, at + 'Updated.\n'.length]);
    expect(store.templateCount).toBeLessThan(store.count);
  });

  it('puts back exactly the facts that extraction gave: held as numbers, then hydrated from the file (parsed again, or only decoded where the sentences are known)', () => {
    const [src] = findArticleFiles([join(STORY, 'reuters.md')]);
    const whole = check({ rules: STORY_RULES, paths: [src!.file], keepFacts: true });
    expect(whole.facts.length).toBeGreaterThan(0);
    const order = (fs: Fact[]) => [...fs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const a = loadArticles([src!]).articles[0]!;
    for (const known of [false, true]) {
      const store = new FactStore();
      store.add(a.id, a.path, structuredClone(whole.facts), known ? sentenceBounds(a) : undefined);
      const back = [...store.groups()].flat();
      expect(back.every((f) => f.evidence.sentence === '' && f.evidence.text === '')).toBe(true);
      hydrate(back, [src!], [], store.sentences());
      expect(order(back)).toEqual(order(whole.facts));
    }
  });

  it('keeps the places of evidence held inside a fact\'s data (a name written three times in one article)', () => {
    const config = loadConfig(join(ROOT, 'rules.yaml'));
    const a = article('x', 'Mayor Ana Quispe spoke. Ana Quispe left. Later Ana Quispe returned.');
    const facts = extractArticle(a, config.rules, config);
    const store = new FactStore();
    store.add(a.id, a.path, structuredClone(facts));
    const back = [...store.groups()].flat();
    const more = (fs: Fact[]) => fs.flatMap((f) => (Array.isArray(f.data?.more) ? (f.data.more as { offset: number }[]).map((e) => e.offset) : []));
    expect(more(facts).length).toBeGreaterThan(0);
    expect(more(back).sort()).toEqual(more(facts).sort());
  });

  it('takes facts encoded in another thread, with templates that thread sent once', () => {
    const config = loadConfig(STORY_RULES);
    const text = 'The Valdivia earthquake killed 41 people, officials said.';
    const worker = new FactEncoder();
    const store = new FactStore();
    let sent = 0;
    for (const id of ['a', 'b']) {
      const a = article(id, text);
      const ints = worker.encode(extractArticle(a, config.rules, config));
      store.learn(7, sent, worker.keys.slice(sent));
      sent = worker.keys.length;
      store.addEncoded(a.id, a.path, ints, 7);
    }
    const here = article('c', text);
    store.add(here.id, here.path, extractArticle(here, config.rules, config));
    const toll = [...store.groups()].flat().filter((f) => f.raw.includes('41'));
    expect(toll.map((f) => f.article)).toEqual(['a', 'b', 'c']);
    expect(new Set(toll.map((f) => f.value)).size).toBe(1);
  });

  it('gives facts the same template only when everything but their places is the same, data and evidence notes included', () => {
    const ev = (offset: number, note?: string) => ({ article: 'a', path: 'a.txt', line: 1, column: offset + 1, offset, text: 'Ana Quispe', sentence: 'Ana Quispe spoke.', ...(note ? { note } : {}) });
    const fact = (offset: number, data: Record<string, unknown>): Fact => ({ rule: 'r', article: 'a', subject: { key: 'quispe', label: 'Ana Quispe' }, value: 'Ana Quispe', raw: 'Ana Quispe', evidence: ev(offset), data });
    const enc = new FactEncoder();
    const ids = (data: Record<string, unknown>[]) => data.map((d, i) => enc.encode([fact(10 * i, d)])[0]);
    const same = ids([
      { n: 1, more: [ev(50, 'first'), ev(60)] },
      { n: 1, more: [ev(70, 'first'), ev(80)] },
      { more: [ev(90, 'first'), ev(95)], n: 1 },
      { n: 1, more: [ev(50, 'second'), ev(60)] },
      { n: 1, more: [ev(50, 'first')] },
      { n: 2, more: [ev(50, 'first'), ev(60)] },
      { n: 1, more: [ev(50, 'first'), ev(60)], extra: undefined },
      { n: 1, more: [ev(50, 'first'), { offset: 60 }] },
    ]);
    expect(same[1]).toBe(same[0]);
    expect(same[6]).toBe(same[0]);
    // key order is part of what a fact says (its JSON), and so is every note and value
    expect(new Set([same[0], same[2], same[3], same[4], same[5], same[7]]).size).toBe(6);
    // each fact keeps its own places: its evidence, then each piece in its data
    const ints = enc.encode([fact(5, { n: 1, more: [ev(500, 'first'), ev(600)] })]);
    expect([...ints]).toEqual([same[0], 2, 5, 15, 500, 510, 600, 610]);
  });
});
