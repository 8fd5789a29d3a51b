import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticleFiles, loadArticles } from '../../src/articles/load.js';
import { runExamples } from '../../src/authoring/examples.js';
import { articlesGlob, frequentNames, initRules, nameKey } from '../../src/authoring/init.js';
import { parseConfig } from '../../src/config/load.js';
import { ruleTypeNames } from '../../src/rules/index.js';
import type { Article } from '../../src/types.js';
import { article, ROOT, tempDir } from '../helpers.js';

const FLOOD = join(ROOT, 'test', 'fixtures', 'authoring', 'flood');
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function load(pattern: string, base = ROOT): Article[] {
  return loadArticles(findArticleFiles([pattern], base)).articles;
}

/** Write the text as rules.yaml in a fresh folder and load it. */
function parse(text: string) {
  const file = join(tempDir(), 'rules.yaml');
  writeFileSync(file, text);
  return parseConfig(file, 'rules.yaml');
}

/** The starter file with `rules:` and the example rules uncommented. */
function uncommented(text: string): string {
  const lines = text.split('\n');
  const from = lines.indexOf('# rules:');
  return lines.map((l, i) => (i >= from ? l.replace(/^# ?/, '') : l)).join('\n');
}

describe('factlint init on the seeds', () => {
  const seeds = load('seeds/*.txt');
  const text = initRules(seeds);

  it('lists the most shared proper names as entities, each with how many articles name it', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://factlint.dev/schema/rules.schema.json');
    expect(text).toContain('\narticles: "seeds/*.txt"\n');
    expect(text).toContain('  - id: marco-rubio # in 5 articles');
    expect(text).toMatch(/ {4}name: Marco Rubio\n {4}aliases: \[Rubio\]\n {4}kind: person # a guess/);
    expect(text).toMatch(/ {4}name: India\n {2}- id: /);
    expect(text).toContain('  - id: pakistan # in 5 articles');
    expect(text).toContain('  - id: india # in 5 articles');
    expect(text).toContain('    name: Shehbaz Sharif\n    aliases: [Sharif]');
    expect(text).toContain('    name: Operation Sindoor');
    const names = frequentNames(seeds);
    expect(names).toHaveLength(15);
    expect(names.slice(0, 2).map((n) => n.name).sort()).toEqual(['India', 'Pakistan']);
  });

  it('leaves out months, weekdays, titles and sentence-initial common words', () => {
    const all = frequentNames(seeds, 500);
    for (const n of all) {
      expect(n.name).not.toMatch(CALENDAR);
      expect(n.name).not.toMatch(/^(?:The|This|During|According|Secretary|President|Prime Minister)\b/);
    }
    expect(all.map((n) => n.name)).not.toContain('Underlined India');
    // titles set aside: "US Secretary of State Marco Rubio", "Pakistan’s Prime Minister Shehbaz Sharif"
    expect(all.find((n) => n.name === 'Marco Rubio')!.aliases).toEqual(['Rubio']);
  });

  it('loads without errors, and with its example rules uncommented their examples pass', () => {
    const config = parse(text);
    expect(config.vocab.entities).toHaveLength(15);
    expect(config.rules).toHaveLength(0);
    expect(config.articles).toEqual(['seeds/*.txt']);
    const withRules = parse(uncommented(text));
    expect(withRules.rules.map((r) => r.type).sort()).toEqual(ruleTypeNames());
    // rules about a subject point at the top name; rules about people at the top person
    for (const r of withRules.rules) if (r.options.subject !== undefined) expect(['india', 'pakistan']).toContain(r.options.subject);
    for (const m of text.matchAll(/^# {4}(?:people|speakers): \[(.*)\]$/gm)) expect(m[1]).toBe('marco-rubio');
    const results = runExamples(withRules).filter((r) => r.status !== 'no-examples');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});

describe('factlint init on another story (a river flood)', () => {
  const flood = load('*.md', FLOOD);

  it('finds the people behind their titles and joins their surnames', () => {
    const names = frequentNames(flood);
    const byName = new Map(names.map((n) => [n.name, n]));
    expect(byName.get('Oldmere')).toMatchObject({ articles: 3 });
    expect(byName.get('Hanna Brisk')).toMatchObject({ aliases: ['Brisk'], articles: 3 });
    expect(byName.get('Tomas Ekholm')).toMatchObject({ aliases: ['Ekholm'], articles: 3 });
    expect(names[0]!.articles).toBe(3);
    for (const n of names) expect(n.name).not.toMatch(CALENDAR);
    expect(names.map((n) => n.name)).not.toContain('Mayor');
    expect(names.map((n) => n.name)).not.toContain('Governor');
  });

  it('leaves out a sentence-initial word standing alone that no sentence capitalises mid-way (a number word, a plural noun)', () => {
    const arts = [
      article('a', 'Eleven miners died at the Corvel pit, Ruth Abara said. Relatives waited outside. Abara spoke to reporters.'),
      article('b', 'Eleven miners were killed at Corvel on Friday. Ruth Abara visited the pit.'),
    ];
    const names = frequentNames(arts).map((n) => n.name);
    expect(names).toContain('Ruth Abara');
    expect(names).toContain('Corvel');
    expect(names).not.toContain('Eleven');
    expect(names).not.toContain('Relatives');
  });

  it('proposes the name and alias as most articles spell them, whatever the diacritics', () => {
    const arts = [
      article('a', 'Renée Côté opened the Brightwater depot. Côté said the trains would run on time.'),
      article('b', 'Renée Côté spoke at the Brightwater depot.'),
      article('c', 'The Brightwater depot was opened by Renée Côté.'),
      article('d', 'Renee Cote opened the Brightwater depot. Cote said the trains would run on time.'),
    ];
    expect(frequentNames(arts).find((n) => n.name.startsWith('Ren'))).toMatchObject({ name: 'Renée Côté', aliases: ['Côté'], articles: 4 });
  });

  it('takes no number word, time zone or heading word for a name, and no organisation or place for a person', () => {
    const arts = [
      article('a', 'Update: Brenmoor County Hospital reopened its doors at 09:10 GMT on Monday. Hospital staff cheered.'),
      article('b', 'BRENMOOR, May 3 (Tideline) - Nine people were hurt at Brenmoor County Hospital at 09:10 GMT.'),
      article('c', 'Update: Brenmoor County Hospital said - Nine patients were moved. Ilse Varga, a nurse, said Varga was proud.'),
    ];
    const names = frequentNames(arts);
    const byName = new Map(names.map((n) => [n.name, n]));
    expect(byName.get('Brenmoor County Hospital')).toEqual({ name: 'Brenmoor County Hospital', aliases: [], articles: 3, occurrences: 3 });
    for (const junk of ['Nine', 'GMT', 'Update', 'Hospital']) expect(byName.has(junk)).toBe(false);
    expect(byName.get('Ilse Varga')).toMatchObject({ aliases: ['Varga'], person: true });
  });

  it('writes a glob relative to the rules folder and loads', () => {
    const text = initRules(flood, { rulesDir: FLOOD, schema: './rules.schema.json' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./rules.schema.json');
    expect(text).toContain('\narticles: "*.md"\n');
    expect(text).toContain('    name: Hanna Brisk\n    aliases: [Brisk]');
    expect(parse(text).vocab.entities.length).toBe(frequentNames(flood).length);
    expect(parse(uncommented(text)).rules.length).toBe(ruleTypeNames().length);
  });

  it('with no proper name at all it still writes a file that loads', () => {
    const text = initRules([article('a', 'it rained all week and the river rose.')], { glob: 'news/*.txt' });
    expect(text).toContain('entities: []');
    expect(parse(text).vocab.entities).toEqual([]);
  });
});

describe('init helpers', () => {
  it('the default glob covers the articles’ folder and extensions', () => {
    const a = (path: string) => ({ ...article('x', 'x'), path });
    expect(articlesGlob([a('news/a.txt'), a('news/b.txt')])).toBe('news/*.txt');
    expect(articlesGlob([a('news/a.txt'), a('news/b.md')])).toBe('news/*.{md,txt}');
    expect(articlesGlob([a('news/day1/a.md'), a('news/day2/b.md')])).toBe('news/**/*.md');
    expect(articlesGlob([a('news/a.md')], 'news')).toBe('*.md');
  });
  it('name keys ignore dots, initials, case and diacritics', () => {
    expect(nameKey('U.S.')).toBe(nameKey('US'));
    expect(nameKey('S. Jaishankar')).toBe(nameKey('Jaishankar'));
    expect(nameKey('Los Ríos')).toBe(nameKey('los rios'));
  });
});
