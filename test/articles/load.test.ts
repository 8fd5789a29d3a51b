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
