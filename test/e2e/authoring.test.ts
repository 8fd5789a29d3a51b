import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

describe('factlint test, explain and init from the command line', () => {
  it('test passes on rules.yaml and every example rules file in the docs and fixtures that is meant to pass', () => {
    const r = cli(['test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ examples: \d+ passed, 0 failed/);
    expect(cli(['test', join(ROOT, 'test/fixtures/authoring/fire/rules.yaml')]).code).toBe(0);
  });
  it('test exits 1 with a diff when an example fails', () => {
    const r = cli(['test', join(ROOT, 'test/fixtures/authoring/flood/rules.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ /);
    expect(r.stdout).toMatch(/^\s+- contradiction \[12 people \| 15 people\]$/m);
  });
  it('explain shows the sentence behind a finding, by fingerprint prefix', () => {
    const json = JSON.parse(cli(['check', '--format', 'json', '--rule', 'pahalgam-death-toll']).stdout);
    const fp = json.findings[0].fingerprint.slice(0, 8);
    const r = cli(['explain', fp]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seeds/002_df112d5052861120.txt:2:45');
    expect(r.stdout).toContain('“27 people”');
  });
  it('explain of an unknown rule suggests the right one', () => {
    const r = cli(['explain', 'pahalgam-death-tol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pahalgam-death-toll/);
  });
  it('init writes a starter rules.yaml that loads, and refuses to overwrite it', () => {
    const dir = tempDir(join(ROOT, 'test/fixtures/quake'));
    const fresh = tempDir();
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      copyFileSync(join(dir, f), join(fresh, f));
    }
    const r = cli(['init', fresh]);
    expect(r.code).toBe(0);
    expect(existsSync(join(fresh, 'rules.yaml'))).toBe(true);
    expect(readFileSync(join(fresh, 'rules.yaml'), 'utf8')).toMatch(/name: Valdivia/);
    const unedited = cli(['check', '--rules', join(fresh, 'rules.yaml')]);
    expect(unedited.code).toBe(2); // every rule is commented out: nothing would be checked
    expect(unedited.stderr).toMatch(/no rule to run; write or uncomment at least one rule/);
    expect(cli(['init', fresh]).code).toBe(2);
  });
});

describe('a rules file with no rule is refused, not passed', () => {
  it('check and test exit 2 and say what to write', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rules.yaml'), '# nothing yet\nentities: []\n');
    writeFileSync(join(dir, 'a.txt'), 'The blast killed 3 people.');
    const c = cli(['check', '--rules', join(dir, 'rules.yaml'), join(dir, 'a.txt')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/no rule to run/);
    const t = cli(['test', join(dir, 'rules.yaml')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/no rule to test/);
  });
  it('explain says why a rule without a subject found no event', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'A commuter train derailed near Lindvik on March 11, 2025, officials said.');
    writeFileSync(join(dir, 'b.txt'), 'The train left the tracks near Lindvik on March 10, 2025.');
    const r = cli(['explain', 'default-event-dates', dir], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dates only events the text names/);
  });
});
