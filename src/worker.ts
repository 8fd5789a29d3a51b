/**
 * A worker thread of checkParallel(): loads the rules once, then turns batches
 * of article files into facts with the same processFile() as the main thread.
 */
import { workerData } from 'node:worker_threads';
import type { Sidecar, SourceFile } from './articles/load.js';
import { FactsCache } from './cache.js';
import { defaultConfig, parseConfig } from './config/load.js';
import { processFile, type FileResult } from './process.js';

// tinypool passes [its own data, ours]
const data = (workerData as [unknown, { rules?: string; only: string[]; cacheDir?: string; rulesHash: string }])[1];
const config = data.rules ? parseConfig(data.rules) : defaultConfig();
const rules = data.only.length ? config.rules.filter((r) => data.only.includes(r.id)) : config.rules;
const sidecars = new Map<string, Sidecar>();
const cache = data.cacheDir ? new FactsCache(data.cacheDir) : undefined;

export default function run(batch: SourceFile[]): { results: FileResult[]; hits: number; misses: number } {
  const before = { hits: cache?.hits ?? 0, misses: cache?.misses ?? 0 };
  const results = batch.map((f) => processFile(f, { config, rules, sidecars, ...(cache ? { cache, rulesHash: data.rulesHash } : {}) }));
  return { results, hits: (cache?.hits ?? 0) - before.hits, misses: (cache?.misses ?? 0) - before.misses };
}
