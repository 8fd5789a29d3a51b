/**
 * The docs are tested like code: every rule type has a page that names every
 * option, and every rules file shown in the docs loads and its examples pass.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExamples } from '../src/authoring/examples.js';
import { parseConfig } from '../src/config/load.js';
import { ruleTypes } from '../src/rules/index.js';
import { ROOT, tempDir } from './helpers.js';

const DOCS = join(ROOT, 'docs', 'rules');

/** Top-level YAML blocks of a page; a block with entities but no rules is kept as the preamble of the next ones. */
function rulesFilesIn(page: string): string[] {
  const blocks = [...readFileSync(page, 'utf8').matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  const files: string[] = [];
  let preamble = '';
  for (const b of blocks) {
    if (!/^(entities|rules|titles|include|extends|articles):/m.test(b) || /^\s/.test(b)) continue;
    const hasRules = /^rules:/m.test(b);
    if (!hasRules) {
      preamble = b;
      continue;
    }
    files.push(/^entities:/m.test(b) || !preamble ? b : `${preamble}\n${b}`);
  }
  return files;
}

describe('docs/rules', () => {
  for (const [name, type] of Object.entries(ruleTypes)) {
    it(`${name}: has a page naming every option`, () => {
      const page = readFileSync(join(DOCS, `${name}.md`), 'utf8');
      for (const option of Object.keys(type.options)) expect(page, `docs/rules/${name}.md should document \`${option}\``).toContain(`\`${option}\``);
    });
  }

  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
  for (const page of pages) {
    const files = rulesFilesIn(join(DOCS, page));
    if (!files.length) continue;
    it(`${page}: every rules file it shows loads, and its examples pass`, () => {
      files.forEach((text, i) => {
        const dir = tempDir();
        const file = join(dir, 'rules.yaml');
        writeFileSync(file, text);
        const config = parseConfig(file, `docs/rules/${page} (block ${i + 1})`);
        const failed = runExamples(config).filter((r) => !r.ok && r.status !== 'no-examples');
        expect(failed.map((r) => `${r.rule}: ${r.name}`)).toEqual([]);
      });
    });
  }
});
