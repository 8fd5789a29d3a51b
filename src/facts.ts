/**
 * Facts as JSON Lines: `check --facts-out facts.jsonl` writes one object a line
 * ({"article": ...} for each article, {"fact": ...} for each fact), so a pipeline
 * can shard extraction by article across machines; `factlint compare` reads any
 * number of such files and reports as `check` would.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { FactlintError } from './errors.js';
import type { ArticleInfo, Fact } from './types.js';

export function factsToJsonl(infos: ArticleInfo[], facts: Fact[]): string {
  const lines: string[] = [];
  for (const a of [...infos].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) lines.push(JSON.stringify({ article: a }));
  for (const f of facts) lines.push(JSON.stringify({ fact: f }));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** factsToJsonl a line at a time (for runs whose facts do not fit in one string). */
export function* factsJsonlChunks(infos: ArticleInfo[], facts: Fact[]): Generator<string> {
  for (const a of [...infos].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) yield `${JSON.stringify({ article: a })}\n`;
  for (const f of facts) yield `${JSON.stringify({ fact: f })}\n`;
}

/** The lines of a file, read a megabyte at a time (facts files can be larger than one string may be). */
function* lines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      const parts = (rest + decoder.write(buf.subarray(0, n))).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

export function readFactsFiles(files: string[]): { infos: ArticleInfo[]; facts: Fact[] } {
  const infos = new Map<string, ArticleInfo>();
  const facts: Fact[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new FactlintError(`${file}: no such facts file`);
    let i = 0;
    for (const line of lines(file)) {
      i++;
      if (!line.trim()) continue;
      let obj: { article?: ArticleInfo; fact?: Fact };
      try {
        obj = JSON.parse(line);
      } catch {
        throw new FactlintError(`${file}:${i}: not a JSON line (facts files are written by \`factlint check --facts-out\`)`);
      }
      if (obj.article?.id) infos.set(obj.article.id, obj.article);
      else if (obj.fact?.rule && obj.fact.subject) facts.push(obj.fact);
      else throw new FactlintError(`${file}:${i}: expected {"article": ...} or {"fact": ...}`);
    }
  }
  return { infos: [...infos.values()], facts };
}
