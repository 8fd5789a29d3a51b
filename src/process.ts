/**
 * One article file → its facts: read, parse, let every rule extract, drop the
 * text. The unit of work shared by the single-threaded runner, the worker
 * pool and the cache.
 */
import { loadArticle, readBytes, sidecarEntry, type Sidecar, type SourceFile } from './articles/load.js';
import { sentenceBounds } from './articles/parse.js';
import { cacheKey, type CachedArticle, type FactsCache } from './cache.js';
import type { Config } from './config/load.js';
import { FactlintError } from './errors.js';
import { ruleTypes } from './rules/index.js';
import { decodeFacts, FactEncoder } from './store.js';
import type { Article, ArticleInfo, Fact, Rule } from './types.js';

export interface FileResult {
  info?: ArticleInfo;
  facts: Fact[];
  warnings: string[];
  /** Where the article's sentences are (sentenceBounds()), when it was parsed. */
  sentences?: Int32Array;
  /** The facts as numbers instead (src/store.ts), from worker thread `source` when given. */
  encoded?: Int32Array;
  source?: number;
}

export interface ProcessEnv {
  config: Config;
  rules: Rule[];
  sidecars: Map<string, Sidecar>;
  cache?: FactsCache;
  rulesHash?: string;
  /** Encode the facts with this (FactEncoder) instead of returning them whole. */
  encoder?: FactEncoder;
}

export function articleInfo(a: Article): ArticleInfo {
  return { id: a.id, path: a.path, meta: a.meta, ...(a.disabled ? { disabled: a.disabled } : {}) };
}

/** How long one rule may take on one article before its facts from it are dropped with a warning. */
export const RULE_BUDGET_MS = 2000;

/** Facts of one article for every rule. */
export function extractArticle(article: Article, rules: Rule[], config: Config, warnings: string[] = [], budgetMs = RULE_BUDGET_MS): Fact[] {
  const out: Fact[] = [];
  for (const rule of rules) {
    const t = ruleTypes[rule.type]!;
    let facts: Fact[];
    const started = performance.now();
    try {
      facts = t.extract(article, rule, config.vocab);
    } catch (e) {
      throw new FactlintError(`${article.path}: rule "${rule.id}" failed: ${(e as Error).message}`);
    }
    const ms = performance.now() - started;
    if (ms > budgetMs) {
      warnings.push(`${article.path}: rule "${rule.id}" took ${(ms / 1000).toFixed(1)} s, over its budget of ${budgetMs / 1000} s per article; its facts from this article are left out`);
      continue;
    }
    for (const f of facts) out.push(f); // not push(...facts): a long article's facts can outnumber a call's arguments
  }
  return out;
}

export function processFile(src: SourceFile, env: ProcessEnv): FileResult {
  const warnings: string[] = [];
  const bytes = readBytes(src, warnings);
  if (!bytes) return { facts: [], warnings };
  let key: string | undefined;
  if (env.cache && env.rulesHash) {
    key = cacheKey(env.rulesHash, src.path, bytes, JSON.stringify(sidecarEntry(src.file, env.sidecars, warnings)));
    const hit = env.cache.get(key);
    const r = hit && fromCache(hit, src, env, warnings);
    if (r) {
      env.cache.hits++;
      return r;
    }
    env.cache.misses++;
  }
  const article = loadArticle(src, env.sidecars, warnings, bytes);
  if (!article) return { facts: [], warnings };
  const info = articleInfo(article);
  const facts = extractArticle(article, env.rules, env.config, warnings);
  const sentences = sentenceBounds(article);
  const store = key !== undefined && warnings.length === 0;
  // as numbers for the store (env.encoder), and for the cache entry
  const enc = env.encoder ?? (store ? new FactEncoder() : undefined);
  const encoded = enc?.encode(facts);
  if (store) env.cache!.set(key!, { info, ...enc!.localForm(encoded!), sentences: [...sentences] });
  return env.encoder ? { info, facts: [], encoded, warnings, sentences } : { info, facts, warnings, sentences };
}

/** A cache entry as a result: its facts as numbers (or whole, rebuilt); undefined when it is damaged. */
function fromCache(hit: CachedArticle, src: SourceFile, env: ProcessEnv, warnings: string[]): FileResult | undefined {
  const sentences = Array.isArray(hit.sentences) ? Int32Array.from(hit.sentences) : undefined;
  if (typeof hit.info?.id !== 'string' || !sentences) return undefined;
  const encoded = (env.encoder ?? new FactEncoder()).recode(hit.keys, hit.facts);
  if (!encoded) return undefined;
  if (env.encoder) return { info: hit.info, facts: [], encoded, warnings, sentences };
  return { info: hit.info, facts: decodeFacts(hit.keys, encoded, hit.info, src, sentences, warnings), warnings, sentences };
}
