/**
 * npm run bench: generate corpora by varying the seeds' names and numbers,
 * check them with rules.yaml, and print throughput next to the cost of
 * parsing the same files with retext alone. Figures, not a timed test.
 *
 *   npm run bench                 1,000 and 10,000 articles
 *   npm run bench -- 500 5000     other sizes
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { check, checkParallel } from '../runner.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'seeds');
const FIRST = ['Anika', 'Tomas', 'Leila', 'Kofi', 'Mei', 'Rafael', 'Ingrid', 'Samir'];
const LAST = ['Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Tanaka', 'Ivanova', 'Mensah', 'Castillo'];

function generate(dir: string, n: number): number {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const who = `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]}`;
    const text = seeds[i % seeds.length]!
      .replace(/\b2[67]\b/g, String(20 + (i % 11)))
      .replace(/Marco Rubio/g, who)
      .replace(/\bnine\b/g, ['seven', 'eight', 'nine'][i % 3]!);
    writeFileSync(join(dir, `a${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function peakMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function retextOnly(dir: string): number {
  const parser = unified().use(retextEnglish);
  const t = performance.now();
  for (const f of readdirSync(dir).sort()) parser.parse(readFileSync(join(dir, f), 'utf8'));
  return (performance.now() - t) / 1000;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const runs = sizes.length ? sizes : [1000, 10000];
  const base = join(tmpdir(), `factlint-bench-${process.pid}`);
  console.log('articles   MB  1 thread s  articles/s   MB/s  ms/article  retext-only s  check/retext  2 threads s  speed-up  warm cache s  peak RSS MB');
  try {
    for (const n of runs) {
      const dir = join(base, String(n));
      const bytes = generate(dir, n);
      const mb = bytes / 1048576;
      const parse = retextOnly(dir);
      const rules = join(ROOT, 'rules.yaml');
      const cacheDir = join(base, `cache-${n}`);
      let t = performance.now();
      const { report } = check({ rules, paths: [dir], cacheDir });
      const secs = (performance.now() - t) / 1000;
      t = performance.now();
      const par = await checkParallel({ rules, paths: [dir], jobs: 2 });
      const secs2 = (performance.now() - t) / 1000;
      if (JSON.stringify(par.report) !== JSON.stringify(report)) console.log('  (warning: 2 threads gave another report than 1)');
      t = performance.now();
      check({ rules, paths: [dir], cacheDir });
      const warm = (performance.now() - t) / 1000;
      console.log(
        [
          String(n).padStart(8),
          mb.toFixed(1).padStart(5),
          secs.toFixed(2).padStart(11),
          (n / secs).toFixed(0).padStart(11),
          (mb / secs).toFixed(2).padStart(6),
          ((secs * 1000) / n).toFixed(2).padStart(11),
          parse.toFixed(2).padStart(14),
          `${((parse / secs) * 100).toFixed(0)}%`.padStart(13),
          secs2.toFixed(2).padStart(12),
          `${(secs / secs2).toFixed(2)}x`.padStart(9),
          warm.toFixed(2).padStart(13),
          peakMB().toFixed(0).padStart(12),
        ].join(' '),
      );
      if (report.findings.length === 0) console.log('  (warning: no findings: the generated corpus should disagree)');
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  console.log('check/retext: the full check\'s throughput as a share of parsing with retext alone (higher is better).');
  console.log('2 threads: the same check with --jobs 2 (worker threads); warm cache: a second run with --cache, nothing changed.');
}

await main();
