import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, findArticleFiles, loadArticles, splitFrontMatter } from '../../src/articles/load.js';
import { FactlintError } from '../../src/errors.js';
import { SEEDS, tempDir } from '../helpers.js';

describe('decode', () => {
  it('refuses empty, binary and invalid UTF-8 with a reason', () => {
    expect(decode(Buffer.alloc(0)).problem).toMatch(/empty/);
    expect(decode(Buffer.from('abc\0def')).problem).toMatch(/binary/);
    expect(decode(Buffer.from([0x41, 0xff, 0xfe, 0x42])).problem).toMatch(/UTF-8/);
    expect(decode(Buffer.from('   \n ')).problem).toMatch(/empty/);
  });
  it('reads UTF-16 with a BOM and strips a UTF-8 BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Flood kills 3.', 'utf16le')]);
    expect(decode(utf16).text).toBe('Flood kills 3.');
    expect(decode(Buffer.from('\uFEFFHello')).text).toBe('Hello');
  });
});

describe('metadata', () => {
  it('reads YAML front matter and reports where the body starts', () => {
    const fm = splitFrontMatter('---\nid: a\npublished: 2024-03-01\n---\nBody.');
    expect(fm.meta).toEqual({ id: 'a', published: '2024-03-01' });
    expect(fm.body).toBe('Body.');
    expect(fm.line).toBe(5);
  });
  it('reads the seeds with ids and dates from sources.yaml, 002 without a date', () => {
    const { articles } = loadArticles(findArticleFiles([SEEDS]));
    expect(articles.map((a) => [a.id, a.meta.published])).toEqual([
      ['000', '2025-05-09'],
      ['001', '2025-05-09'],
      ['002', undefined],
      ['003', '2025-05-08'],
      ['004', '2025-05-10'],
    ]);
  });
  it('skips unusable files with a warning naming them, and goes on', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'The storm killed 4 people.');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blob.txt'), Buffer.from([1, 2, 0, 3]));
    const { articles, warnings } = loadArticles(findArticleFiles([dir]));
    expect(articles.map((a) => a.id)).toEqual(['good']);
    expect(warnings.join('\n')).toMatch(/blob\.txt: binary file/);
    expect(warnings.join('\n')).toMatch(/empty\.txt: empty file/);
  });
  it('says when a path does not exist or a glob matches nothing', () => {
    expect(() => findArticleFiles(['no/such/dir'])).toThrow(FactlintError);
    expect(() => findArticleFiles(['no/such/*.txt'])).toThrow(/no article matches/);
  });
});

describe('front matter problems are said, not swallowed', () => {
  it('broken front matter: a warning, the text still read; front matter with no text: skipped', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.md'), '---\nid: [broken\n---\nThe blast killed 3 people.\n');
    writeFileSync(join(dir, 'hollow.md'), '---\nid: hollow\n---\n');
    const { articles, warnings } = loadArticles(findArticleFiles([dir]));
    expect(articles.map((a) => a.id)).toEqual(['bad']);
    expect(warnings).toEqual([expect.stringMatching(/bad\.md: front matter is not valid YAML \(.*\); metadata ignored$/), expect.stringMatching(/hollow\.md: front matter but no text; skipped$/)]);
  });
});

describe('metadata mistakes are said, not swallowed', () => {
  it('sources.yaml: a misspelt key, an entry for no file, a date that is no date or reads either way', () => {
    const dir = tempDir();
    for (const f of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(dir, f), 'The Orsk bridge fell on Tuesday, killing 11 people.');
    writeFileSync(join(dir, 'sources.yaml'), 'a.txt:\n  publshed: 2024-10-02\nb.txt:\n  published: 2024-13-45\nc.txt:\n  published: 03/04/2024\nmissing.txt:\n  outlet: Daily\n');
    const { articles, warnings } = loadArticles(findArticleFiles([dir]));
    expect(articles.map((a) => a.meta.published)).toEqual([undefined, '2024-13-45', '03/04/2024']);
    const all = warnings.join('\n');
    expect(all).toMatch(/sources\.yaml: "a\.txt": unknown key "publshed" \(ignored\)\. Did you mean "published"\?/);
    expect(all).toMatch(/sources\.yaml: "missing\.txt" names no file in its folder/);
    expect(all).toMatch(/b\.txt: published date "2024-13-45" is not a calendar date; the article is compared as undated/);
    expect(all).toMatch(/c\.txt: published date "03\/04\/2024" could be day first or month first; it is read as 2024-03-04/);
  });
  it('front matter: `date:` is the published date; a misspelt key is said, a site’s own keys are not', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '---\ndate: 2024-10-04\nauthor: Ann Lee\ntags: [bridge]\nsite: news\ntime: 08:00\nguid: x1\n---\nThe bridge fell.\n');
    writeFileSync(join(dir, 'b.md'), '---\npublshed: 2024-10-04\n---\nThe bridge fell.\n');
    const { articles, warnings } = loadArticles(findArticleFiles([dir]));
    expect(articles.map((a) => a.meta.published)).toEqual(['2024-10-04', undefined]);
    expect(warnings).toEqual([expect.stringMatching(/b\.md: front matter key "publshed" is not one factlint reads \(ignored\)\. Did you mean "published"\?$/)]);
  });
});
