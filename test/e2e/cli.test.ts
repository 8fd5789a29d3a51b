import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const QUAKE = join(ROOT, 'test/fixtures/quake');

describe('factlint check on the seeds', () => {
  it('writes the Markdown and JSON reports and exits 1 on the death-toll contradiction', () => {
    const out = tempDir();
    const r = cli(['check', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/seeds\/002_df112d5052861120\.txt\n\s*2:45\s+error\s+Sources disagree on people killed in the Pahalgam attack/);
    // each finding's line ends with its rule id two spaces after the message: short messages are not padded to the longest
    const rows = r.stdout.split('\n').filter((l) => /^\d+:\d+\s+(?:error|warning|info)\b/.test(l));
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row).toMatch(/[^ ]  [a-z][\w-]*$/);
    expect(rows.find((l) => l.startsWith('2:45'))).toMatch(/same time as the others\.  pahalgam-death-toll$/);
    const md = readFileSync(join(out, 'discrepancies.md'), 'utf8');
    expect(md).toMatch(/^# Where the sources disagree/);
    expect(md).toContain('Outlier: **002**.');
    expect(md).toContain('| **27 people** | 002 |');
    expect(md).toContain('`seeds/002_df112d5052861120.txt:2:45`');
    const json = JSON.parse(readFileSync(join(out, 'discrepancies.json'), 'utf8'));
    expect(json.version).toBe(1);
    expect(json.articles.map((a: { id: string }) => a.id)).toEqual(['000', '001', '002', '003', '004']);
    const toll = json.findings.find((f: { rule: string }) => f.rule === 'pahalgam-death-toll');
    expect(toll).toMatchObject({ type: 'count', kind: 'contradiction', severity: 'error', outliers: ['002'] });
    expect(toll.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(toll.values[1].evidence[0]).toMatchObject({ article: '002', path: 'seeds/002_df112d5052861120.txt', line: 2, column: 45, text: '27 people' });
    // the nine sites struck agree: no finding for that rule
    expect(json.findings.some((f: { rule: string }) => f.rule === 'sindoor-sites-struck')).toBe(false);
    // the statement credited to Leavitt in 001 and to Bruce in 003 is one discrepancy, though the quote and the
    // credits rules both find it: reported once, by the quote rule (an error, above the credits rule's warning)
    const credited = json.findings.filter((f: { message: string }) => /credit/.test(f.message) && /Bruce/.test(f.message));
    expect(credited.map((f: { rule: string; kind: string }) => [f.rule, f.kind])).toEqual([['quotes', 'contradiction']]);
  });

  it('exits 0 when failing only on a level above the findings', () => {
    expect(cli(['check', '--fail-on', 'never', '--quiet']).code).toBe(0);
  });

  it('gives byte-identical reports whatever the file order', () => {
    const a = tempDir(join(ROOT, 'seeds'));
    const b = tempDir();
    // b: the same articles under other file names, listed in reverse order
    for (const f of readdirSync(a).reverse()) cpSync(join(a, f), join(b, f));
    const outA = tempDir();
    const outB = tempDir();
    cli(['check', '--rules', join(ROOT, 'rules.yaml'), '--out', outA, '--format', 'json,markdown', join(a, '004_5eb22fedfb316feb.txt'), a]);
    cli(['check', '--rules', join(ROOT, 'rules.yaml'), '--out', outB, '--format', 'json,markdown', b]);
    const strip = (s: string) => s.replaceAll(a, 'DIR').replaceAll(b, 'DIR').replace(/"path": "[^"]*\//g, '"path": "DIR/').replace(/`[^`]*\/(\d{3}_)/g, '`DIR/$1');
    expect(strip(readFileSync(join(outA, 'discrepancies.json'), 'utf8'))).toBe(strip(readFileSync(join(outB, 'discrepancies.json'), 'utf8')));
    expect(strip(readFileSync(join(outA, 'discrepancies.md'), 'utf8'))).toBe(strip(readFileSync(join(outB, 'discrepancies.md'), 'utf8')));
  });
});

describe('factlint check on a story it was not written for', () => {
  it('finds the outlier toll, reads numbers in words, front matter and a BOM/CRLF file', () => {
    const r = cli(['check', '--rules', join(QUAKE, 'rules.yaml'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const [f] = json.findings;
    expect(f.values.map((v: { display: string; articles: string[] }) => [v.display, v.articles])).toEqual([
      ['31 people', ['daily', 'wire']],
      ['34 people', ['radio']],
    ]);
    expect(f.outliers).toEqual(['radio']);
    const wire = f.values[0].evidence.find((e: { article: string }) => e.article === 'wire');
    expect(wire).toMatchObject({ line: 8, column: 32, text: 'thirty-one people' });
    expect(json.articles.find((a: { id: string }) => a.id === 'wire')).toMatchObject({ outlet: 'Wire Service', published: '2024-03-01' });
    expect(json.findings).toHaveLength(1); // 212 homes agree
  });
});

describe('bad input gets one clear line and exit 2', () => {
  it('a broken rules.yaml', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rules.yaml'), 'rules:\n  - id: x\n    type: count\n    subject: nobody\n    unit: people\n    cues: [killed]\n');
    const r = cli(['check', '--rules', join(dir, 'rules.yaml'), join(ROOT, 'seeds')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^factlint: .*rules\.yaml:4:14: rule "x": unknown entity "nobody"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('a missing path', () => {
    const r = cli(['check', 'no-such-folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('factlint: no-such-folder: no such file or directory\n');
  });
  it('an unknown option', () => {
    const r = cli(['check', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('factlint: unknown option --colour\nRun `factlint --help` for usage.\n');
  });
  it('a rules file’s articles: glob that matches nothing is shown where it looked (relative to the rules file)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'x.yaml'), 'articles: ["articles/*.md"]\nrules:\n  - id: t\n    type: title\n');
    const r = cli(['check', '--rules', 'rules/x.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^factlint: rules\/articles\/\*\.md: no article matches this pattern/);
  });
  it('every command takes --help (and --no-color, as check does)', () => {
    for (const command of ['check', 'compare', 'init', 'test', 'explain']) {
      const r = cli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: factlint <command>/);
    }
    expect(cli(['init', '--no-color', '--out', '-', join(ROOT, 'seeds')]).code).toBe(0);
  });
  it('a format or level named like a property every object has', () => {
    const format = cli(['check', '--format', 'valueOf', join(ROOT, 'seeds')]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^factlint: --format valueOf: unknown format; use /);
    const level = cli(['check', '--fail-on', 'constructor', join(ROOT, 'seeds')]);
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(/^factlint: --fail-on constructor: use error, warning, info or never/);
  });
  it('an empty article and a binary file are skipped with a warning; the rest is checked', () => {
    const dir = tempDir(QUAKE);
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const r = cli(['check', '--rules', join(dir, 'rules.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('empty.md: empty file; skipped');
    expect(r.stderr).toContain('photo.md: binary file (it contains NUL bytes); skipped');
  });
  it('only unreadable articles is an error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^factlint: no readable article among 1 file: .*empty\.txt: empty file/);
  });
  it('a failed run leaves the previous report in place', () => {
    const out = tempDir();
    expect(cli(['check', '--out', out]).code).toBe(1);
    const before = readFileSync(join(out, 'discrepancies.md'), 'utf8');
    expect(cli(['check', '--out', out, 'missing.txt']).code).toBe(2);
    expect(readFileSync(join(out, 'discrepancies.md'), 'utf8')).toBe(before);
    expect(readdirSync(out).sort()).toEqual(['discrepancies.json', 'discrepancies.md']);
  });
});
