/**
 * Hostile input: random text, random Markdown, random rules files and random
 * mutations of the seeds never make an exception escape; every run ends in a
 * report or in one FactlintError (exit 2).
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { FactlintError } from '../../src/errors.js';
import { check } from '../../src/runner.js';
import { cli, ROOT, tempDir } from '../helpers.js';

const RULES = join(ROOT, 'rules.yaml');
const SEED_TEXTS = readdirSync(join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));

/** Run check() on articles; return 'report' or 'error', rethrow anything else. */
function outcome(texts: (string | Uint8Array)[], rules = RULES): 'report' | 'error' {
  const dir = tempDir();
  texts.forEach((t, i) => writeFileSync(join(dir, `a${i}.txt`), t));
  try {
    check({ rules, paths: [dir] });
    return 'report';
  } catch (e) {
    if (e instanceof FactlintError) return 'error';
    throw e;
  }
}

const markdownish = fc.array(
  fc.oneof(
    fc.string(),
    fc.constantFrom('# ', '## ', '> ', '- ', '* ', '```', '---\n', '<!-- factlint-disable quotes -->', '“', '”', '‘', '’', '"', '\r\n', '\n\n', '26', 'twenty-six', 'killed', 'Operation Sindoor', 'Pahalgam attack', 'said', 'May 7', 'Wednesday'),
  ),
  { maxLength: 60 },
).map((parts) => parts.join(' '));

describe('no exception escapes', () => {
  it('random Unicode articles', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 400 }), { minLength: 1, maxLength: 3 }), (texts) => {
        expect(['report', 'error']).toContain(outcome(texts));
      }),
      { numRuns: 40 },
    );
  });
  it('random Markdown-ish articles with the rules’ own words', () => {
    fc.assert(
      fc.property(fc.array(markdownish, { minLength: 1, maxLength: 3 }), (texts) => {
        expect(['report', 'error']).toContain(outcome(texts));
      }),
      { numRuns: 40 },
    );
  });
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 3 }), (blobs) => {
        expect(['report', 'error']).toContain(outcome(blobs));
      }),
      { numRuns: 30 },
    );
  });
  it('random mutations of the seeds (cut, duplicate, swap characters)', () => {
    fc.assert(
      fc.property(
        fc.nat(SEED_TEXTS.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('cut', 'dup', 'swap', 'insert')), { maxLength: 6 }),
        fc.string({ maxLength: 20 }),
        (which, edits, ins) => {
          let t = SEED_TEXTS[which]!;
          for (const [a, b, op] of edits) {
            const i = a % (t.length + 1);
            const j = Math.min(t.length, i + (b % 200));
            if (op === 'cut') t = t.slice(0, i) + t.slice(j);
            else if (op === 'dup') t = t.slice(0, j) + t.slice(i, j) + t.slice(j);
            else if (op === 'swap') t = t.slice(j) + t.slice(0, i) + t.slice(i, j);
            else t = t.slice(0, i) + ins + t.slice(i);
          }
          expect(['report', 'error']).toContain(outcome([t, SEED_TEXTS[(which + 1) % SEED_TEXTS.length]!]));
        },
      ),
      { numRuns: 25 },
    );
  });
  it('random rules files built from the schema’s words', () => {
    const key = fc.constantFrom('id', 'type', 'subject', 'unit', 'cues', 'pattern', 'window', 'severity', 'min_words', 'ignore', 'label', 'examples', 'single_source', 'threshold', 'unit_words');
    const value = fc.oneof(
      fc.constantFrom('count', 'date', 'name', 'title', 'quote', 'attribution', 'error', 'people', 'pahalgam-attack', '[killed]', '"(a+)+$"', '"["', '3', '-1', 'true', '{}', '[]', '~'),
      fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
    );
    const rule = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }).map((pairs) => pairs.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`).join('\n'));
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 3 }), fc.constantFrom('', 'entities:\n  - id: pahalgam-attack\n    name: Pahalgam attack\n'), (rules, entities) => {
        const dir = tempDir();
        const file = join(dir, 'rules.yaml');
        writeFileSync(file, `${entities}rules:\n${rules.join('\n')}\n`);
        try {
          parseConfig(file);
          expect(['report', 'error']).toContain(outcome(['The Pahalgam attack killed 26 people on May 7, police said.'], file));
        } catch (e) {
          if (!(e instanceof FactlintError)) throw e;
          expect(e.message).toMatch(/rules\.yaml:\d+:\d+: /);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile files from the command line', () => {
  it('a directory symlink loop, a huge line and an invalid UTF-8 file are skipped or survived; the rest is checked', () => {
    const dir = tempDir(join(ROOT, 'test/fixtures/quake'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    writeFileSync(join(dir, 'huge.md'), 'x'.repeat(6 * 1024 * 1024));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6b, 0x69, 0x6c, 0x6c, 0x65, 0x64]));
    const r = cli(['check', '--rules', join(dir, 'rules.yaml'), dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.md: too large \(6\.0 MB; the limit is 5 MB\); skipped/);
    expect(r.stderr).toMatch(/latin1\.md: not valid UTF-8 text \(save it as UTF-8\); skipped/);
    expect(r.stdout).toMatch(/radio/);
  });
  it('10,000 tiny files', () => {
    const dir = tempDir();
    for (let i = 0; i < 10000; i++) writeFileSync(join(dir, `n${i}.txt`), `Brief ${i}: the harbour fire killed ${i % 2 ? 3 : 4} people.`);
    writeFileSync(join(dir, 'rules.yaml'), 'entities:\n  - id: fire\n    name: harbour fire\nrules:\n  - id: deaths\n    type: count\n    subject: fire\n    unit: people\n    cues: [killed]\n');
    const r = cli(['check', '--rules', join(dir, 'rules.yaml'), '--format', 'json', dir]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.articles).toHaveLength(10000);
    expect(json.findings[0].values.map((v: { display: string }) => v.display)).toEqual(['3 people', '4 people']);
  }, 120_000);
});
