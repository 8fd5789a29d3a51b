/**
 * A worker thread of checkParallel(): loads the rules once, then turns batches
 * of article files into facts with the same processFile() as the main thread,
 * sent back as numbers (src/store.ts) unless the main thread wants them whole.
 */
import { threadId, workerData } from 'node:worker_threads';
import type { Sidecar, SourceFile } from './articles/load.js';
import { FactsCache } from './cache.js';
import { defaultConfig, parseConfig, trustRulesFiles } from './config/load.js';
import { processFile, type FileResult, type ProcessEnv } from './process.js';
import { FactEncoder } from './store.js';

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

const encoder = new FactEncoder();
let sent = 0;

export interface BatchResult {
  results: FileResult[];
  /** Templates this thread had not sent before: its ids from `base` on. */
  thread: number;
  base: number;
  keys: string[];
  hits: number;
  misses: number;
}

const env: ProcessEnv = { config, rules, sidecars, ...(cache ? { cache, rulesHash: data.rulesHash } : {}), ...(data.whole ? {} : { encoder }) };

export default function run(batch: SourceFile[]): BatchResult {
  const before = { hits: cache?.hits ?? 0, misses: cache?.misses ?? 0 };
  const results = batch.map((f): FileResult => {
    const r = processFile(f, env);
    return r.encoded ? { ...r, source: threadId } : r;
  });
  const base = sent;
  sent = encoder.keys.length;
  return { results, thread: threadId, base, keys: encoder.keys.slice(base), hits: (cache?.hits ?? 0) - before.hits, misses: (cache?.misses ?? 0) - before.misses };
}
