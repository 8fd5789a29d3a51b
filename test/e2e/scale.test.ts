import { readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, MIN_BYTES_FOR_THREADS, threadsFor } from '../../src/runner.js';
import { findArticleFiles } from '../../src/articles/load.js';
import { cli, ROOT, tempDir } from '../helpers.js';

function corpus(n: number): string {
  const dir = tempDir();
  const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  for (let i = 0; i < n; i++) {
    const text = readFileSync(join(ROOT, 'seeds', seeds[i % seeds.length]!), 'utf8').replace(/\b2[67]\b/g, String(20 + (i % 4)));
    writeFileSync(join(dir, `story-${String(i).padStart(3, '0')}.txt`), text);
  }
  return dir;
}

describe('worker threads, cache and facts files give the same report', () => {
  const rules = join(ROOT, 'rules.yaml');

  it('--jobs 2 and --jobs 1 write byte-identical JSON', () => {
    const dir = corpus(240);
    const one = cli(['check', '--rules', rules, '--jobs', '1', '--format', 'json', dir]);
    const two = cli(['check', '--rules', rules, '--jobs', '2', '--format', 'json', dir]);
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
  });

  it('without --jobs, uses every core only for enough text to pay for a worker\'s start', () => {
    const small = findArticleFiles([corpus(12)]);
    expect(threadsFor(small, 2)).toBe(1);
    const big = tempDir();
    const piece = 'x'.repeat(Math.ceil(MIN_BYTES_FOR_THREADS / 300));
    for (let i = 0; i < 300; i++) writeFileSync(join(big, `a${i}.txt`), piece);
    const files = findArticleFiles([big]);
    expect(threadsFor(files, 2)).toBe(2);
    expect(threadsFor(files, 1)).toBe(1);
    // no more threads than there are files for each (a worker wants MIN_FILES_PER_WORKER)
    expect(threadsFor(files, 16)).toBe(3);
    expect(threadsFor(files.slice(0, 150), 16)).toBe(1);
  });

  it('a warm cache re-reads only the article that changed', () => {
    const dir = corpus(6);
    const cacheDir = tempDir();
    const cold = check({ rules, paths: [dir], cacheDir });
    expect(cold.cache).toEqual({ hits: 0, misses: 6 });
    writeFileSync(join(dir, 'story-000.txt'), readFileSync(join(dir, 'story-000.txt'), 'utf8').replace('lives of 20 people', 'lives of 29 people'));
    const warm = check({ rules, paths: [dir], cacheDir });
    expect(warm.cache).toEqual({ hits: 5, misses: 1 });
    expect(JSON.stringify(warm.report.findings)).not.toBe(JSON.stringify(cold.report.findings));
    const again = check({ rules, paths: [dir] });
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(warm.report));
  });

  it('a warm cache gives the same report and facts file as a cold run, on one thread and on two', () => {
    const dir = corpus(240);
    const cache = tempDir();
    const out = tempDir();
    const run = (name: string, jobs: string) => {
      const r = cli(['check', '--rules', rules, '--jobs', jobs, '--cache', '--cache-location', cache, '--format', 'json', '--facts-out', join(out, `${name}.jsonl`), dir]);
      return { json: r.stdout, facts: readFileSync(join(out, `${name}.jsonl`), 'utf8') };
    };
    const cold = run('cold', '1');
    const warmOne = run('warm1', '1');
    const warmTwo = run('warm2', '2');
    expect(JSON.parse(cold.json).findings.length).toBeGreaterThan(0);
    expect(warmOne).toEqual(cold);
    expect(warmTwo).toEqual(cold);
    // without --facts-out the facts stay numbers all the way
    const plain = cli(['check', '--rules', rules, '--jobs', '2', '--cache', '--cache-location', cache, '--format', 'json', dir]);
    expect(plain.stdout).toBe(cold.json);
  });

  it('a damaged cache entry counts as a miss: the article is read again', () => {
    const dir = corpus(6);
    const cacheDir = tempDir();
    const cold = check({ rules, paths: [dir], cacheDir });
    const entries = readdirSync(cacheDir).sort();
    expect(entries.length).toBe(6);
    const damage = () => {
      // numbers that point past the templates; text that is not JSON; a template whose lengths overrun it; one whose data is not JSON
      writeFileSync(join(cacheDir, entries[0]!), JSON.stringify({ info: { id: 'x', path: 'x' }, keys: ['1,1:ab'], facts: [5, 0, 1], sentences: [] }));
      writeFileSync(join(cacheDir, entries[1]!), '{"info": ');
      writeFileSync(join(cacheDir, entries[2]!), JSON.stringify({ info: { id: 'x', path: 'x' }, keys: ['9,1,1,1,-1,1,-1:ab'], facts: [0, 0, 0, 1], sentences: [] }));
      writeFileSync(join(cacheDir, entries[3]!), JSON.stringify({ info: { id: 'x', path: 'x' }, keys: ['1,1,1,1,-1,1,-1:abcde{bad'], facts: [0, 0, 0, 1], sentences: [] }));
    };
    damage();
    const warm = check({ rules, paths: [dir], cacheDir });
    expect(warm.cache).toEqual({ hits: 2, misses: 4 });
    expect(JSON.stringify(warm.report)).toBe(JSON.stringify(cold.report));
    // facts kept whole are rebuilt from the entries: the same checks apply
    damage();
    const whole = check({ rules, paths: [dir], cacheDir, keepFacts: true });
    expect(whole.cache).toEqual({ hits: 2, misses: 4 });
    expect(JSON.stringify(whole.report)).toBe(JSON.stringify(cold.report));
  });

  it('--facts-out keeps every character whole, in a facts file of many megabytes of accented text', () => {
    const dir = tempDir();
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
    for (let i = 0; i < 150; i++) {
      const text = readFileSync(join(ROOT, 'seeds', seeds[i % seeds.length]!), 'utf8').replace(/a/g, 'ä').replace(/e/g, '€');
      writeFileSync(join(dir, `s${i}.txt`), text); // at these sizes a piece boundary falls inside a character
    }
    const out = join(tempDir(), 'facts.jsonl');
    expect(cli(['check', '--rules', rules, '--facts-out', out, '--quiet', '--fail-on', 'never', dir]).code).toBe(0);
    const jsonl = readFileSync(out, 'utf8');
    expect(jsonl.length).toBeGreaterThan(3 << 20); // several of the 1 MiB pieces it is copied in
    expect(jsonl).not.toContain('\uFFFD');
  });

  it('check --facts-out then compare gives the same findings, sharded by article', () => {
    const dir = corpus(5);
    const out = tempDir();
    const a = tempDir();
    const b = tempDir();
    for (const f of readdirSync(dir)) cpSync(join(dir, f), join(f < 'story-002' ? a : b, f));
    const whole = cli(['check', '--rules', rules, '--format', 'json', dir]);
    cli(['check', '--rules', rules, '--facts-out', join(out, 'a.jsonl'), '--quiet', a]);
    cli(['check', '--rules', rules, '--facts-out', join(out, 'b.jsonl'), '--quiet', b]);
    const merged = cli(['compare', '--rules', rules, '--format', 'json', join(out, 'a.jsonl'), join(out, 'b.jsonl')]);
    expect(merged.code).toBe(whole.code);
    const strip = (s: string) => JSON.stringify(JSON.parse(s).findings).replaceAll(a, 'D').replaceAll(b, 'D').replaceAll(dir, 'D');
    expect(strip(merged.stdout)).toBe(strip(whole.stdout));
    const line = JSON.parse(readFileSync(join(out, 'a.jsonl'), 'utf8').split('\n')[0]!);
    expect(line.article.id).toBe('story-000');
  });
});
