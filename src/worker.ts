/**
 * A worker thread of checkParallel(): loads the rules once, then turns batches
 * of article files into facts with the same processFile() as the main thread,
 * made small (src/store.ts) before they are copied back unless the main
 * thread wants them whole.
 */
import { workerData } from 'node:worker_threads';
import type { Sidecar, SourceFile } from './articles/load.js';
import { FactsCache } from './cache.js';
import { defaultConfig, parseConfig, trustRulesFiles } from './config/load.js';
import { processFile, type FileResult } from './process.js';
import { compactFacts, Interner } from './store.js';

export interface WorkerData {
  rules?: string;
  only: string[];
  cacheDir?: string;
  rulesHash: string;
  /** Send facts whole (for --facts-out or keepFacts). */
  whole: boolean;
}

// tinypool passes [its own data, ours]
const data = (workerData as [unknown, WorkerData])[1];
// the main thread has checked this rules file already
trustRulesFiles();
const config = data.rules ? parseConfig(data.rules) : defaultConfig();
const rules = data.only.length ? config.rules.filter((r) => data.only.includes(r.id)) : config.rules;
const sidecars = new Map<string, Sidecar>();
const cache = data.cacheDir ? new FactsCache(data.cacheDir) : undefined;

export default function run(batch: SourceFile[]): { results: FileResult[]; hits: number; misses: number } {
  const before = { hits: cache?.hits ?? 0, misses: cache?.misses ?? 0 };
  // one interner per batch: equal strings are sent once (structured clone keeps sharing)
  const interner = new Interner();
  const results = batch.map((f) => {
    const r = processFile(f, { config, rules, sidecars, ...(cache ? { cache, rulesHash: data.rulesHash } : {}) });
    if (!data.whole) compactFacts(r.facts, interner);
    return r;
  });
  return { results, hits: (cache?.hits ?? 0) - before.hits, misses: (cache?.misses ?? 0) - before.misses };
}
