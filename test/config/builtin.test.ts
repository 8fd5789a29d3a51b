import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { cli, ROOT, tempDir } from '../helpers.js';

describe('the built-in rules', () => {
  it('are used when there is no rules file and articles are named', () => {
    const dir = tempDir();
    for (const f of readdirSync(join(ROOT, 'seeds'))) copyFileSync(join(ROOT, 'seeds', f), join(dir, f));
    const r = cli(['check', '--format', 'json', '.'], dir);
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.stdout);
    expect(json.rulesFile).toBeUndefined();
    expect(json.findings.some((f: { rule: string }) => f.rule === 'default-titles')).toBe(true);
  });
  it('with no rules file and no articles, say what to do', () => {
    const r = cli(['check'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no rules file here/);
  });
  it('extends: default adds them to a rules file, and a rule of the same id replaces the built-in one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rules.yaml'), 'extends: default\nrules:\n  - id: default-quotes\n    type: quote\n    min_words: 9\n');
    const c = parseConfig(join(dir, 'rules.yaml'));
    expect(c.rules.map((r) => r.id)).toContain('default-titles');
    expect(c.rules.filter((r) => r.id === 'default-quotes')).toHaveLength(1);
    expect(c.rules.find((r) => r.id === 'default-quotes')!.options.min_words).toBe(9);
  });
});
