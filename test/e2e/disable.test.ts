import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const QUAKE = join(ROOT, 'test/fixtures/quake');

describe('silencing a finding', () => {
  it('a Markdown comment in the article silences the rule for it, with its reason, and the report counts it', () => {
    const dir = tempDir(QUAKE);
    appendFileSync(join(dir, 'radio.md'), '\n<!-- factlint-disable quake-deaths -- radio figure includes the missing -->\n');
    const r = cli(['check', '--rules', join(dir, 'rules.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.findings).toEqual([]);
    expect(json.silenced).toBe(1);
    expect(json.silencedFindings[0]).toMatchObject({ rule: 'quake-deaths', article: 'radio', reason: 'radio figure includes the missing' });
    expect(json.silencedFindings[0].where).toMatch(/radio\.md:4$/);
  });
  it('a sidecar entry does the same without touching the text', () => {
    const dir = tempDir(join(ROOT, 'seeds'));
    const sidecar = readFileSync(join(dir, 'sources.yaml'), 'utf8').replace(
      '002_df112d5052861120.txt:\n  id: "002"',
      '002_df112d5052861120.txt:\n  id: "002"\n  disable:\n    pahalgam-death-toll: checked with the outlet, correction pending',
    );
    writeFileSync(join(dir, 'sources.yaml'), sidecar);
    const out = tempDir();
    const r = cli(['check', '--rules', join(ROOT, 'rules.yaml'), '--rule', 'pahalgam-death-toll', '--out', out, dir]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'discrepancies.md'), 'utf8');
    expect(md).toContain('1 silenced');
    expect(md).toContain('silenced for 002');
    expect(md).toContain('correction pending');
  });
});
