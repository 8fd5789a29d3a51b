import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

describe('the Markdown report', () => {
  it('passes markdownlint (long table lines and <br> in cells allowed: GFM tables need both)', () => {
    const out = tempDir();
    expect(cli(['check', '--out', out, '--format', 'markdown']).code).toBe(1);
    writeFileSync(join(out, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { MD013: false, MD033: { allowed_elements: ['br'] } } }));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'discrepancies.md'], { cwd: out, encoding: 'utf8' });
    expect(r.stderr + r.stdout).toMatch(/Summary: 0 error\(s\)/);
    expect(r.status).toBe(0);
  });
  it('speaks the section headings\' words in its summary and quotes a headline without its "#"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'north.md'), '---\npublished: 2024-10-02T08:00:00Z\n---\n# Eleven dead in Orsk bridge collapse\n\nEleven people were killed when the bridge collapsed on Tuesday, police said.\n');
    writeFileSync(join(dir, 'south.md'), '---\npublished: 2024-10-02T09:00:00Z\n---\nThe bridge collapse in Orsk on Tuesday killed 13 people, police said.\n');
    const out = tempDir();
    expect(cli(['check', '.', '--out', out, '--format', 'markdown'], dir).code).toBe(1);
    const md = readFileSync(join(out, 'discrepancies.md'), 'utf8');
    expect(md).toMatch(/^2 articles, 1 contradiction\.$/m);
    expect(md).not.toMatch(/single-source|variants/);
    expect(md).toContain('| **Eleven** dead in Orsk bridge collapse — `');
    expect(md).not.toContain('# **Eleven**');
  });
  it('the committed demo report is what the demo writes today', () => {
    const out = tempDir();
    cli(['check', '--out', out, '--format', 'markdown,json']);
    expect(readFileSync(join(out, 'discrepancies.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'reports/discrepancies.md'), 'utf8'));
    expect(readFileSync(join(out, 'discrepancies.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'reports/discrepancies.json'), 'utf8'));
  });
});
