import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

/**
 * A person declared in rules.yaml is one person whatever the diacritics an
 * article writes: "Renee Cote" in one article and "Renée Côté" in the
 * other are the same entity in every rule (titles, credits, quotes).
 */
function story(files: Record<string, string>, rules?: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'news'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'news', name), text);
  if (rules) writeFileSync(join(dir, 'rules.yaml'), rules);
  return dir;
}

function check(dir: string, withRules: boolean): string {
  const r = cli(['check', 'news', ...(withRules ? ['--rules', 'rules.yaml'] : []), '--format', 'text'], dir);
  return r.stdout + r.stderr;
}

const RULES = `extends: default
entities:
  - id: renee-cote
    name: Renée Côté
    aliases: [Côté]
    kind: person
`;

describe('entities declared with diacritics', () => {
  it('compare the titles of a person written with and without accents (the finding is kept, no false credit)', () => {
    const dir = story(
      {
        'a.md': '---\nid: a\npublished: 2024-03-02\n---\nBrightwater Rail chief executive Renée Côté said the company would refund every ticket sold that week.\n',
        'b.md': '---\nid: b\npublished: 2024-03-02\n---\nBrightwater Rail chairman Renee Cote said the company would refund every ticket sold that week.\n',
      },
      RULES,
    );
    for (const withRules of [false, true]) {
      const out = check(dir, withRules);
      expect(out).toMatch(/different titles/);
      expect(out).not.toMatch(/credit the statement|credited to different people/);
    }
  });
  it('credit a quote to one person whether the article writes the surname with or without accents', () => {
    const dir = story(
      {
        'a.md': '---\nid: a\npublished: 2024-03-02\n---\nRail union head Renée Côté spoke after the strike vote. "Nobody in this depot wanted to stop the trains," Côté said.\n',
        'b.md': '---\nid: b\npublished: 2024-03-02\n---\nRail union head Renee Cote spoke after the strike vote. "Nobody in this depot wanted to stop the trains," Cote said.\n',
      },
      RULES,
    );
    expect(check(dir, false)).not.toMatch(/credited to different people/);
    expect(check(dir, true)).not.toMatch(/credited to different people/);
    // the alias written without accents, as most articles do not write it
    writeFileSync(join(dir, 'rules.yaml'), RULES.replace('aliases: [Côté]', 'aliases: [Cote]'));
    expect(check(dir, true)).not.toMatch(/credited to different people/);
  });
});
