/**
 * The bench's yardstick: retext-english parsing files, on this thread or as a
 * worker thread (the bench starts this module as one). Kept apart from
 * bench.ts so that a worker loads only unified and retext-english, not
 * factlint: its start-up is retext's, as it would be in any program.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';

/** Parse files of dir with retext-english; with `next`, take batches of 20 from that shared counter until none is left. */
export async function retextParse(dir: string, files: string[], next?: Int32Array): Promise<void> {
  const { unified } = await import('unified');
  const { default: retextEnglish } = await import('retext-english');
  const parser = unified().use(retextEnglish);
  if (!next) for (const f of files) parser.parse(readFileSync(join(dir, f), 'utf8'));
  else for (let i = Atomics.add(next, 0, 20); i < files.length; i = Atomics.add(next, 0, 20)) for (const f of files.slice(i, i + 20)) parser.parse(readFileSync(join(dir, f), 'utf8'));
}

if (!isMainThread && workerData?.retext) {
  const { retext, files, next } = workerData as { retext: string; files: string[]; next: Int32Array };
  await retextParse(retext, files, next);
}
