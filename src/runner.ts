/**
 * check(options) → Report: load rules, read each article once, let every rule
 * extract its facts from the shared parse, group facts by (rule, subject) and
 * compare each group. Nothing here knows about output formats.
 *
 * check() runs in this thread; checkParallel() hands articles to a pool of
 * worker threads (--jobs). Both give the same report: results are sorted.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { displayPath, findArticleFiles, type Sidecar, type SourceFile } from './articles/load.js';
import { FactsCache, hashRules } from './cache.js';
import { defaultConfig, parseConfig, type Config } from './config/load.js';
import { FactlintError } from './errors.js';
import { cmp, compareValues } from './findings.js';
import { factsToJsonl } from './facts.js';
import { articleInfo, extractArticle, processFile, type FileResult, type ProcessEnv } from './process.js';
import { atomicWriter, type AtomicWriter } from './report/write.js';
import { FactStore, hydrate, type FactEncoder } from './store.js';
import type { BatchResult, WorkerData } from './worker.js';
import { ruleTypes } from './rules/index.js';
import type { ArticleInfo, Fact, Finding, Report, Rule, Severity } from './types.js';
import { VERSION } from './version.js';

export { articleInfo, extractArticle };

export interface CheckOptions {
  /** Article paths or globs; default: the rules file's `articles:`. */
  paths?: string[];
  /** Rules file; default: rules.yaml in the working directory. */
  rules?: string;
  /** Only these rule ids (default: all). */
  only?: string[];
  /** Severity overrides per rule id. */
  severity?: Record<string, Severity>;
  /** Directory of the facts cache; no cache when absent. */
  cacheDir?: string;
  /** Threads for checkParallel, this one included (default: threadsFor() the files). */
  jobs?: number;
  /** Called after each article (for progress). */
  onArticle?: (done: number, total: number) => void;
  /** Also write the extracted facts, as JSON Lines, to this file (see src/facts.ts). */
  factsOut?: string;
  /**
   * Keep every fact whole in the result (`factlint explain` shows them). By
   * default facts are kept small (src/store.ts) and only the evidence of
   * findings gets its text and sentence back.
   */
  keepFacts?: boolean;
}

export interface CheckResult {
  report: Report;
  /** Every extracted fact, whole: only with the keepFacts option (else empty: they are held compactly, see src/store.ts). */
  facts: Fact[];
  /** Whether `facts` holds the facts (the keepFacts option). */
  keptFacts: boolean;
  /** What stays of each article (metadata, disables) once read. */
  articles: ArticleInfo[];
  config: Config;
  rules: Rule[];
  cache?: { hits: number; misses: number };
}

/** Below this many articles per worker, one thread is faster. */
export const MIN_FILES_PER_WORKER = 100;

/**
 * Below this much text a worker thread costs more than it saves: it starts,
 * loads the parsers and warms up its own compiled code while the second core
 * is already busy with this thread's garbage collection. On the bench's
 * articles (3 KB each) two threads took 0.8× the time of one at 1,000
 * articles (3 MB), broke even at 3,000 (9 MB) and gave 1.4× at 10,000.
 */
export const MIN_BYTES_FOR_THREADS = 12 * 1024 * 1024;

/** Threads when --jobs is not given: every core, or one for less than MIN_BYTES_FOR_THREADS of articles. */
export function threadsFor(files: SourceFile[], cores = availableParallelism()): number {
  // no more threads than files for each (checkParallel stays on one thread below MIN_FILES_PER_WORKER each)
  cores = Math.min(cores, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (cores <= 1) return 1;
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f.file).size;
    } catch {
      // unreadable: its warning comes when it is read
    }
    if (bytes >= MIN_BYTES_FOR_THREADS) return cores;
  }
  return 1;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.subject.key, b.subject.key) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

/**
 * The rules file given, else ./rules.yaml, else the built-in rules (only
 * when articles are named on the command line: with no paths and no rules
 * file there is nothing to check).
 */
export function loadConfig(rulesPath?: string, havePaths = true): Config {
  const file = resolve(rulesPath ?? 'rules.yaml');
  if (!rulesPath && !existsSync(file)) {
    if (havePaths) return defaultConfig();
    throw new FactlintError('rules.yaml: no rules file here; name the articles to check them with the built-in rules, pass --rules FILE, or run `factlint init`');
  }
  return parseConfig(file);
}

/** Group facts by rule and subject and compare each group. */
export function compareFacts(facts: Fact[], rules: Rule[], articles: Map<string, ArticleInfo>): Finding[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.rule}\u0000${f.subject.key}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  return compareGroups(
    [...groups.keys()].sort().map((k) => groups.get(k)!),
    rules,
    articles,
  );
}

/** Compare each group (the facts of one rule and subject), groups in key order. */
export function compareGroups(groups: Iterable<Fact[]>, rules: Rule[], articles: Map<string, ArticleInfo>): Finding[] {
  const byRule = new Map(rules.map((r) => [r.id, r]));
  const findings: Finding[] = [];
  // findings of rules whose type settles them across subjects, by rule
  const unsettled = new Map<Rule, Finding[]>();
  for (const group of groups) {
    group.sort((a, b) => cmp(a.article, b.article) || a.evidence.offset - b.evidence.offset);
    const rule = byRule.get(group[0]!.rule);
    if (!rule) continue;
    const t = ruleTypes[rule.type]!;
    let out = findings;
    if (t.settle) {
      out = unsettled.get(rule) ?? [];
      unsettled.set(rule, out);
    }
    for (const f of (t.compare ?? compareValues)(group, rule as never, { articles })) out.push(f);
  }
  for (const [rule, list] of unsettled) for (const f of ruleTypes[rule.type]!.settle!(list, rule as never)) findings.push(f);
  return onceEach(sortFindings(findings));
}

/**
 * Findings of one kind that split the same articles the same way over the same
 * words (a quote credited to two people, caught by both the quote and the
 * credits rule) are one discrepancy: the first (most severe, then by rule id)
 * stays. Findings of different kinds say different things and both stay (a
 * quote credited to two people and worded differently by them).
 */
function onceEach(findings: Finding[]): Finding[] {
  // a cheap key first (a run can cite a million places); the whole split of articles and places only on a clash
  const cheap = (f: Finding) => `${f.kind}|${f.values.map((v) => `${v.articles.length}:${v.evidence[0]!.article}@${v.evidence[0]!.offset}`).sort(cmp).join('|')}`;
  const whole = (f: Finding) => f.values.map((v) => `${v.articles.join(',')}:${v.evidence.map((e) => `${e.article}@${e.offset}`).join(',')}`).sort(cmp).join('\u0000');
  const seen = new Map<string, Finding[]>();
  return findings.filter((f) => {
    if (f.values.some((v) => v.evidence.length === 0)) return true;
    const key = cheap(f);
    const same = seen.get(key);
    if (!same) {
      seen.set(key, [f]);
      return true;
    }
    const mine = whole(f);
    if (same.some((g) => whole(g) === mine)) return false;
    same.push(f);
    return true;
  });
}

/** Split findings into kept and silenced by the articles' disable comments and sidecar entries. */
export function applyDisables(findings: Finding[], articles: Map<string, ArticleInfo>): { kept: Finding[]; silenced: Report['silencedFindings'] } {
  const kept: Finding[] = [];
  const silenced: Report['silencedFindings'] = [];
  for (const f of findings) {
    let hit: { article: string; d: { rule: string; reason?: string; where: string } } | undefined;
    for (const g of f.values) {
      for (const id of g.articles) {
        const d = articles.get(id)?.disabled?.find((x) => x.rule === f.rule || x.rule === '*');
        if (d) {
          hit = { article: id, d };
          break;
        }
      }
      if (hit) break;
    }
    if (!hit) kept.push(f);
    else silenced.push({ fingerprint: f.fingerprint, rule: f.rule, subject: f.subject.label, article: hit.article, ...(hit.d.reason ? { reason: hit.d.reason } : {}), where: hit.d.where });
  }
  return { kept, silenced };
}

export function buildReport(config: Config, infos: ArticleInfo[], all: Finding[], warnings: string[]): Report {
  const { kept: findings, silenced } = applyDisables(all, new Map(infos.map((a) => [a.id, a])));
  return {
    version: 1,
    tool: { name: 'factlint', version: VERSION },
    ...(config.file ? { rulesFile: displayPath(config.file) } : {}),
    articles: infos
      .map((a) => ({
        id: a.id,
        path: a.path,
        ...(a.meta.outlet ? { outlet: a.meta.outlet } : {}),
        ...(a.meta.published ? { published: a.meta.published } : {}),
        publishedSource: a.meta.published ? 'metadata' : 'missing',
      }))
      .sort((a, b) => cmp(a.id, b.id)),
    findings,
    silenced: silenced.length,
    silencedFindings: silenced,
    fixed: [],
    warnings,
  };
}

interface Plan {
  config: Config;
  rules: Rule[];
  files: SourceFile[];
  rulesHash: string;
}

function plan(options: CheckOptions): Plan {
  const config = loadConfig(options.rules, Boolean(options.paths?.length));
  let rules = config.rules;
  if (options.only?.length) {
    const unknown = options.only.filter((id) => !rules.some((r) => r.id === id));
    if (unknown.length) throw new FactlintError(`--rule ${unknown[0]}: no such rule in ${displayPath(config.file ?? 'rules.yaml')}`);
    rules = rules.filter((r) => options.only!.includes(r.id));
  }
  if (options.severity) {
    for (const [id, sev] of Object.entries(options.severity)) {
      const r = rules.find((x) => x.id === id);
      if (!r) throw new FactlintError(`--severity ${id}=${sev}: no such rule in ${displayPath(config.file ?? 'rules.yaml')}`);
      r.severity = sev;
    }
  }
  if (rules.length === 0) {
    throw new FactlintError(
      `${config.file ? displayPath(config.file) : 'the rules'}: no rule to run; write or uncomment at least one rule under rules: (or add \`extends: default\` for the built-in rules)`,
    );
  }
  const patterns = options.paths?.length ? options.paths : config.articles;
  if (!patterns.length) throw new FactlintError('no articles: give paths on the command line or an `articles:` glob in the rules file');
  const files = findArticleFiles(patterns, options.paths?.length ? process.cwd() : config.baseDir);
  const rulesHash = hashRules(config.file ? readFileSync(config.file, 'utf8') : '', options.only);
  return { config, rules, files, rulesHash };
}

/**
 * Takes per-file results in file order as they come, keeps their facts small
 * (and streams them to --facts-out), then compares and reports. Same output
 * whatever order the files were listed in: everything is sorted.
 */
class Collector {
  private warnings: string[] = [];
  private infos: ArticleInfo[] = [];
  /** Facts kept whole (keepFacts), else held in the store. */
  private facts: Fact[] = [];
  private store = new FactStore();
  private ids = new Map<string, string>();
  private out?: AtomicWriter;

  constructor(
    private p: Plan,
    private options: CheckOptions,
  ) {
    if (options.factsOut) this.out = atomicWriter(`${options.factsOut}.facts`);
  }

  add(r: FileResult): void {
    this.warnings.push(...r.warnings);
    if (!r.info) return;
    const other = this.ids.get(r.info.id);
    if (other) this.fail(`${r.info.path}: article id "${r.info.id}" is already used by ${other}; give one of them another id in its metadata`);
    this.ids.set(r.info.id, r.info.path);
    this.infos.push(r.info);
    if (this.out) this.out.write(factsToJsonl([], r.facts));
    if (r.encoded) this.store.addEncoded(r.info.id, r.info.path, r.encoded, r.source, r.sentences);
    else if (this.options.keepFacts) for (const f of r.facts) this.facts.push(f);
    else this.store.add(r.info.id, r.info.path, r.facts, r.sentences);
  }

  /** Extraction in this thread encodes facts with the store's encoder, unless they must be kept or written whole. */
  get encoder(): FactEncoder | undefined {
    return this.options.keepFacts || this.options.factsOut ? undefined : this.store.encoder;
  }

  /** Templates a worker thread sent with a batch (before any of the batch's results are added). */
  learn(b: BatchResult): void {
    this.store.learn(b.thread, b.base, b.keys);
  }

  private fail(message: string): never {
    this.out?.abort();
    throw new FactlintError(message);
  }

  finish(cache?: { hits: number; misses: number }): CheckResult {
    const { p, infos, facts } = this;
    if (infos.length === 0) this.fail(`no readable article among ${p.files.length} file${p.files.length === 1 ? '' : 's'}: ${this.warnings[0] ?? ''}`);
    if (this.out) this.writeFactsOut();
    const byId = new Map(infos.map((a) => [a.id, a]));
    const findings = this.options.keepFacts ? compareFacts(facts, p.rules, byId) : compareGroups(this.store.groups(), p.rules, byId);
    hydrate(findings, p.files, this.warnings, this.store.sentences());
    return {
      report: buildReport(p.config, infos, findings, [...new Set(this.warnings)]),
      facts,
      keptFacts: Boolean(this.options.keepFacts),
      articles: infos.sort((a, b) => cmp(a.id, b.id)),
      config: p.config,
      rules: p.rules,
      ...(cache ? { cache } : {}),
    };
  }

  /** Article lines first (sorted by id), then the facts streamed so far. */
  private writeFactsOut(): void {
    this.out!.commit();
    const factsFile = `${this.options.factsOut}.facts`;
    const final = atomicWriter(this.options.factsOut!);
    try {
      final.write(factsToJsonl(this.infos, []));
      const fd = openSync(factsFile, 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 20);
        for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) final.write(buf.subarray(0, n)); // bytes: a piece may end inside a character
      } finally {
        closeSync(fd);
      }
      final.commit();
    } catch (e) {
      final.abort();
      throw e;
    } finally {
      rmSync(factsFile, { force: true });
    }
  }
}

/** A run's collector, cache and what processFile() needs in this thread, built once. */
function start(p: Plan, options: CheckOptions): { collector: Collector; cache?: FactsCache; env: ProcessEnv } {
  const cache = options.cacheDir ? new FactsCache(options.cacheDir) : undefined;
  const collector = new Collector(p, options);
  const encoder = collector.encoder;
  const env = { config: p.config, rules: p.rules, sidecars: new Map<string, Sidecar>(), ...(cache ? { cache, rulesHash: p.rulesHash } : {}), ...(encoder ? { encoder } : {}) };
  return { collector, ...(cache ? { cache } : {}), env };
}

export function check(options: CheckOptions = {}): CheckResult {
  const p = plan(options);
  const { collector, cache, env } = start(p, options);
  p.files.forEach((f, i) => {
    collector.add(processFile(f, env));
    options.onArticle?.(i + 1, p.files.length);
  });
  return collector.finish(cache && { hits: cache.hits, misses: cache.misses });
}

/**
 * check() in this thread, yielding to the event loop between articles so that
 * SIGINT/SIGTERM handlers run at once instead of after the whole run.
 */
export async function checkAsync(options: CheckOptions = {}): Promise<CheckResult> {
  const p = plan(options);
  const { collector, cache, env } = start(p, options);
  let last = performance.now();
  for (let i = 0; i < p.files.length; i++) {
    collector.add(processFile(p.files[i]!, env));
    options.onArticle?.(i + 1, p.files.length);
    if (performance.now() - last > 50) {
      await new Promise((r) => setImmediate(r));
      last = performance.now();
    }
  }
  return collector.finish(cache && { hits: cache.hits, misses: cache.misses });
}

/**
 * The same as check(), with per-article work spread over `jobs` threads: this
 * one and jobs - 1 workers. Each takes the next batch of files when it is
 * free, so a worker still starting up (about a second: it loads the parsers)
 * costs nothing but its own start.
 */
export async function checkParallel(options: CheckOptions = {}): Promise<CheckResult> {
  const p = plan(options);
  const jobs = Math.max(1, options.jobs ?? threadsFor(p.files));
  if (jobs === 1 || p.files.length < MIN_FILES_PER_WORKER * jobs) return checkAsync(options);
  const { Tinypool } = await import('tinypool');
  const data: WorkerData = {
    ...(p.config.file ? { rules: p.config.file } : {}),
    only: options.only ?? [],
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    rulesHash: p.rulesHash,
    whole: Boolean(options.factsOut || options.keepFacts),
  };
  const pool = new Tinypool({ filename: new URL('./worker.js', import.meta.url).href, minThreads: jobs - 1, maxThreads: jobs - 1, workerData: data });
  // small batches keep the threads busy to the end; results are taken in file order
  const size = Math.max(1, Math.min(50, Math.ceil(p.files.length / (jobs * 32))));
  const batches: SourceFile[][] = [];
  for (let i = 0; i < p.files.length; i += size) batches.push(p.files.slice(i, i + size));
  const { collector, cache, env } = start(p, options);
  const ready = new Map<number, FileResult[]>();
  let taken = 0;
  let next = 0;
  let done = 0;
  let hits = 0;
  let misses = 0;
  const deliver = (i: number, results: FileResult[]) => {
    ready.set(i, results);
    for (let got = ready.get(next); got; got = ready.get(next)) {
      ready.delete(next++);
      for (const x of got) collector.add(x);
    }
    done += batches[i]!.length;
    options.onArticle?.(done, p.files.length);
  };
  const worker = async () => {
    while (taken < batches.length) {
      const i = taken++;
      const r = (await pool.run(batches[i])) as BatchResult;
      collector.learn(r);
      hits += r.hits;
      misses += r.misses;
      deliver(i, r.results);
    }
  };
  const here = async () => {
    let last = performance.now();
    while (taken < batches.length) {
      const i = taken++;
      const results: FileResult[] = [];
      for (const f of batches[i]!) {
        results.push(processFile(f, env));
        // let worker results (and the next batch out to them) and signals in
        if (performance.now() - last > 10) {
          await new Promise((r) => setImmediate(r));
          last = performance.now();
        }
      }
      deliver(i, results);
    }
  };
  try {
    // two batches in flight per worker: it starts the next while this thread takes the last one's results
    await Promise.all([here(), ...Array.from({ length: 2 * (jobs - 1) }, worker)]);
    // the workers' memory (their parsers, their templates) is not needed to compare
    await pool.destroy();
    return collector.finish(options.cacheDir ? { hits: hits + cache!.hits, misses: misses + cache!.misses } : undefined);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    throw e instanceof FactlintError ? e : new FactlintError(msg.replace(/^FactlintError: /, ''));
  } finally {
    await pool.destroy();
  }
}
