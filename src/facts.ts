/**
 * Facts as JSON Lines: `check --facts-out facts.jsonl` writes one object a line
 * ({"article": ...} for each article, {"fact": ...} for each fact), so a pipeline
 * can shard extraction by article across machines; `factlint compare` reads any
 * number of such files and reports as `check` would.
 */
import { readFileSync } from 'node:fs';
import { FactlintError } from './errors.js';
import type { ArticleInfo, Fact } from './types.js';

export function factsToJsonl(infos: ArticleInfo[], facts: Fact[]): string {
  const lines: string[] = [];
  for (const a of [...infos].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) lines.push(JSON.stringify({ article: a }));
  for (const f of facts) lines.push(JSON.stringify({ fact: f }));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function readFactsFiles(files: string[]): { infos: ArticleInfo[]; facts: Fact[] } {
  const infos = new Map<string, ArticleInfo>();
  const facts: Fact[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new FactlintError(`${file}: no such facts file`);
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let obj: { article?: ArticleInfo; fact?: Fact };
      try {
        obj = JSON.parse(line);
      } catch {
        throw new FactlintError(`${file}:${i + 1}: not a JSON line (facts files are written by \`factlint check --facts-out\`)`);
      }
      if (obj.article?.id) infos.set(obj.article.id, obj.article);
      else if (obj.fact?.rule && obj.fact.subject) facts.push(obj.fact);
      else throw new FactlintError(`${file}:${i + 1}: expected {"article": ...} or {"fact": ...}`);
    });
  }
  return { infos: [...infos.values()], facts };
}
