/**
 * User patterns tried on texts made to make them backtrack, in a child process
 * that is killed when it takes too long. The static check (safe-regex2) finds
 * nested repetitions ("(a+)+"), but not every pattern whose matching time
 * explodes: overlapping alternatives under a repetition ("(\w|\w)*X") pass it,
 * and a JavaScript regular expression cannot be stopped once it runs. This is a
 * test, not a proof: each pattern meets runs of letters, capitals, digits,
 * spaces and punctuation, alone and after the words the pattern itself spells,
 * 40 long, which is enough for an exponential pattern to take minutes.
 * Patterns that pass are remembered (a file named by their hash in the
 * temporary folder), so a rules file costs the child process (~0.15 s) once.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The child: reads [{source, flags}] on stdin, prints "start i" and "done i" around each pattern's tests. */
const CHILD = `
const fs = require('fs');
const patterns = JSON.parse(fs.readFileSync(0, 'utf8'));
const fillers = ['a', 'A', 'Aa ', 'a ', '1', ' ', '-', '.', 'é'];
patterns.forEach((p, i) => {
  fs.writeSync(1, 'start ' + i + '\\n');
  let re;
  try { re = new RegExp(p.source, p.flags.replace(/[gy]/g, '')); } catch { fs.writeSync(1, 'done ' + i + '\\n'); return; }
  const words = [''].concat((p.source.match(/[A-Za-z][A-Za-z ]*/g) || []).slice(0, 6));
  for (const w of words) for (const f of fillers) {
    re.test(w + f.repeat(40) + '\\u0000');
    re.test(w + ' ' + f.repeat(40) + '!');
  }
  fs.writeSync(1, 'done ' + i + '\\n');
});
`;

export interface PatternToProbe {
  source: string;
  flags: string;
}

/**
 * The index of a pattern that did not finish its tests within `timeoutMs`
 * (it would hang a run on some article), else undefined. A child that could
 * not start, or was too slow to reach the patterns at all, proves nothing:
 * undefined too.
 */
export function slowPattern(patterns: PatternToProbe[], timeoutMs = 5000): number | undefined {
  const dir = join(tmpdir(), 'factlint-patterns');
  const mark = (p: PatternToProbe) => join(dir, createHash('sha256').update(`${process.version}\u0000${CHILD}\u0000${p.flags}\u0000${p.source}`).digest('hex').slice(0, 32));
  const todo = patterns.map((p, i) => ({ p, i })).filter(({ p }) => !existsSync(mark(p)));
  if (todo.length === 0) return undefined;
  const r = spawnSync(process.execPath, ['-e', CHILD], { input: JSON.stringify(todo.map((t) => t.p)), timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status === 0) {
    try {
      mkdirSync(dir, { recursive: true });
      for (const t of todo) writeFileSync(mark(t.p), '');
    } catch {
      // not remembered: tested again next time
    }
    return undefined;
  }
  const started = new Set<number>();
  for (const line of (r.stdout ?? '').split('\n')) {
    const [what, n] = line.split(' ');
    if (what === 'start') started.add(Number(n));
    else if (what === 'done') started.delete(Number(n));
  }
  // killed in the middle of a pattern's tests: that one
  return started.size === 1 ? todo[[...started][0]!]?.i : undefined;
}
