/**
 * A content-hash cache of extracted facts, one small JSON file per article and
 * rule set, in node_modules/.cache/factlint by default (like other linters).
 * A CI run where one article changed re-parses only that article.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInfo } from './types.js';
import { VERSION } from './version.js';

export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'factlint');

/** Changes whenever what an entry holds does: older entries are then never read. */
const FORMAT = 'encoded-1';

/**
 * One article's facts as numbers (FactEncoder.localForm()): its templates,
 * then per fact [template, slots, offset, end, offset and end per slot].
 * Smaller than the facts and read without rebuilding them.
 */
export interface CachedArticle {
  info: ArticleInfo;
  keys: string[];
  facts: number[];
  /** Where its sentences are in the file (sentenceBounds()). */
  sentences: number[];
}

let code: string | undefined;

/**
 * A hash of factlint's own code (every module in this folder and below): a
 * build that extracts differently (a fixed rule type, new built-in rules)
 * never reads what an older build cached, even under the same version.
 */
function codeHash(): string {
  if (code === undefined) {
    const root = dirname(fileURLToPath(import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:js|ts)$/.test(f) && !f.endsWith('.d.ts'))
      .sort();
    const h = createHash('sha256');
    for (const f of files) h.update(`${f}\u0000`).update(readFileSync(join(root, f)));
    code = h.digest('hex');
  }
  return code;
}

/** Key of one article's facts: the tool (version and code), the rules, and everything read about the file. */
export function cacheKey(rulesHash: string, path: string, bytes: Buffer, sidecar: string): string {
  return createHash('sha256').update(`${VERSION}\u0000${codeHash()}\u0000${FORMAT}\u0000${rulesHash}\u0000${path}\u0000${sidecar}\u0000`).update(bytes).digest('hex');
}

export function hashRules(rulesText: string, only: string[] = []): string {
  return createHash('sha256').update(rulesText).update(`\u0000${[...only].sort().join(',')}`).digest('hex').slice(0, 32);
}

export class FactsCache {
  hits = 0;
  misses = 0;
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  /** The entry under `key`, if there is one that reads as JSON (hits and misses are counted by the caller). */
  get(key: string): CachedArticle | undefined {
    try {
      return JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as CachedArticle;
    } catch {
      return undefined;
    }
  }
  set(key: string, value: CachedArticle): void {
    const file = join(this.dir, `${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written only costs time
    }
  }
}
