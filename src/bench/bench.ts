/**
 * npm run bench: generate corpora by varying the seeds' names and numbers,
 * check them with rules.yaml (every rule type, every report format) and print
 * throughput next to the cost of parsing the same files with retext alone.
 * Figures, not a timed test. Each check runs in its own process, so its peak
 * memory is its own.
 *
 *   npm run bench                       1,000, 10,000 and 100,000 articles (about 20 minutes)
 *   npm run bench -- 1000 10000         other sizes
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { formats } from '../report/index.js';
import { tuneHeap } from '../heap.js';
import { check, checkParallel } from '../runner.js';
import { retextParse } from './retext.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'seeds');
const RULES = join(ROOT, 'rules.yaml');
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

interface RunFigures {
  secs: number;
  peakMB: number;
  findings: number;
  reportBytes: number;
}

/** One measured check, in this (child) process: `bench.js --run JOBS DIR [CACHE]`. */
async function runOnce(jobs: number, dir: string, cacheDir?: string): Promise<RunFigures> {
  const t = performance.now();
  const options = { rules: RULES, paths: [dir], ...(cacheDir ? { cacheDir } : {}) };
  const { report, rules } = jobs > 1 ? await checkParallel({ ...options, jobs }) : check(options);
  let reportBytes = 0;
  for (const f of Object.values(formats)) {
    if (f.chunks) for (const piece of f.chunks(report, { rules })) reportBytes += piece.length;
    else reportBytes += f.render(report, { rules }).length;
  }
  return { secs: (performance.now() - t) / 1000, peakMB: process.resourceUsage().maxRSS / 1024, findings: report.findings.length, reportBytes };
}

/** Seconds retext alone takes over the same files, on this thread. */
async function retextOnly(dir: string): Promise<number> {
  const files = readdirSync(dir).sort();
  await retextParse(dir, files.slice(0, 1)); // loading the parser is not parsing
  const t = performance.now();
  await retextParse(dir, files);
  return (performance.now() - t) / 1000;
}

/**
 * Seconds retext alone takes on `jobs` threads (this one and jobs - 1 workers,
 * as --jobs runs), each taking the next batch of files when it is free: how
 * much two cores speed up work that has no serial part at all, on this
 * machine.
 */
async function retextThreads(dir: string, jobs: number): Promise<number> {
  const files = readdirSync(dir).sort();
  const next = new Int32Array(new SharedArrayBuffer(4));
  const t = performance.now();
  const workers = Array.from(
    { length: jobs - 1 },
    () =>
      new Promise<void>((done, fail) => {
        const w = new Worker(new URL('./retext.js', import.meta.url), { workerData: { retext: dir, files, next } });
        w.on('error', fail);
        w.on('exit', () => done());
      }),
  );
  await Promise.all([retextParse(dir, files, next), ...workers]);
  return (performance.now() - t) / 1000;
}

function child(args: string[]): RunFigures {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as RunFigures;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const runs = sizes.length ? sizes : [1000, 10000, 100000];
  const jobs = Math.min(2, availableParallelism());
  const base = join(tmpdir(), `factlint-bench-${process.pid}`);
  console.log(`rules.yaml on articles generated from the seeds; ${availableParallelism()} cores; each check in its own process`);
  console.log('articles    MB  retext-only s  1 thread s  ms/article  articles/s  check/retext  peak RSS MB  2 threads s  speed-up  check/retext  peak RSS MB  warm cache s  findings  reports MB  retext speed-up');
  try {
    for (const n of runs) {
      const dir = join(base, String(n));
      const mb = generate(dir, n) / 1048576;
      const parse = await retextOnly(dir);
      const parseTwo = await retextThreads(dir, jobs);
      const one = child(['--run', '1', dir]);
      const two = child(['--run', String(jobs), dir]);
      // a cold run fills the cache, then a warm run reads it (skipped at 100,000: it would double the bench's time)
      let warm = '-';
      if (n <= 10000) {
        const cacheDir = join(base, `cache-${n}`);
        child(['--run', '1', dir, cacheDir]);
        warm = child(['--run', '1', dir, cacheDir]).secs.toFixed(2);
      }
      if (two.findings !== one.findings) console.log(`  (warning: ${jobs} threads found ${two.findings} findings, 1 thread ${one.findings})`);
      console.log(
        [
          String(n).padStart(8),
          mb.toFixed(1).padStart(5),
          parse.toFixed(2).padStart(14),
          one.secs.toFixed(2).padStart(11),
          ((one.secs * 1000) / n).toFixed(2).padStart(11),
          (n / one.secs).toFixed(0).padStart(11),
          `${((parse / one.secs) * 100).toFixed(0)}%`.padStart(13),
          one.peakMB.toFixed(0).padStart(12),
          two.secs.toFixed(2).padStart(12),
          `${(one.secs / two.secs).toFixed(2)}x`.padStart(9),
          `${((parse / two.secs) * 100).toFixed(0)}%`.padStart(13),
          two.peakMB.toFixed(0).padStart(12),
          warm.padStart(13),
          String(one.findings).padStart(9),
          (one.reportBytes / 1048576).toFixed(1).padStart(11),
          `${(parse / parseTwo).toFixed(2)}x`.padStart(16),
        ].join(' '),
      );
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  console.log('check/retext: the full check (every rule, every report format) as a share of the throughput of parsing the same files with retext alone (one thread: retext has no threads), on one thread and with --jobs 2 (the default on 2 cores).');
  console.log(`${jobs} threads: --jobs ${jobs} (this thread and ${jobs - 1} worker); warm cache: --cache, nothing changed since the run before.`);
  console.log(`retext speed-up: retext alone on ${jobs} threads against one, the same split of files: what ${jobs} cores give work with no serial part on this machine.`);
}

if (process.argv[2] === '--run') {
  // as the command line does
  tuneHeap();
  const [, , , jobs, dir, cacheDir] = process.argv;
  console.log(JSON.stringify(await runOnce(Number(jobs), dir!, cacheDir)));
} else {
  await main();
}
