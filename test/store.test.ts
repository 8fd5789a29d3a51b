import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticleFiles } from '../src/articles/load.js';
import { check, extractArticle, loadConfig } from '../src/runner.js';
import { compactFacts, FactStore, hydrate, Interner } from '../src/store.js';
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
    expect(toll.map((f) => f.evidence.line)).toEqual([1, 1, 2]);
    expect(store.templateCount).toBeLessThan(store.count);
  });

  it('puts back exactly the text and sentence that extraction gave', () => {
    const [src] = findArticleFiles([join(STORY, 'reuters.md')]);
    const whole = check({ rules: STORY_RULES, paths: [src!.file], keepFacts: true });
    expect(whole.facts.length).toBeGreaterThan(0);
    const facts: Fact[] = whole.facts.map((f) => structuredClone(f));
    const small = compactFacts(structuredClone(facts), new Interner());
    expect(small.every((f) => f.evidence.sentence === '' && f.evidence.text === '')).toBe(true);
    hydrate(small, [src!]);
    expect(small).toEqual(facts);
  });
});
