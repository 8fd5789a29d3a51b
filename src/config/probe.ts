/**
 * User patterns tried on texts made to make them backtrack, in a child process
 * that is killed when one pattern's tests take 3 s. The static check (safe-regex2) finds
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
  fs.writeSync(1, 'start ' + i + ' ' + Date.now() + '\\n');
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
 * The index of a pattern whose tests alone ran `perPatternMs` without
 * finishing (it would hang a run on some article), else undefined. A child
 * that could not start, or ran out of its time between patterns, proves
 * nothing: undefined too.
 */
export function slowPattern(patterns: PatternToProbe[], perPatternMs = 3000): number | undefined {
  const dir = join(tmpdir(), 'factlint-patterns');
  const mark = (p: PatternToProbe) => join(dir, createHash('sha256').update(`${process.version}\u0000${CHILD}\u0000${p.flags}\u0000${p.source}`).digest('hex').slice(0, 32));
  const todo = patterns.map((p, i) => ({ p, i })).filter(({ p }) => !existsSync(mark(p)));
  if (todo.length === 0) return undefined;
  // time enough for every pattern's tests (milliseconds each when they are safe) and a slow start; a pattern is
  // blamed only when it alone ran for perPatternMs before the child was stopped
  const timeout = 2000 + perPatternMs + 100 * todo.length;
  const r = spawnSync(process.execPath, ['-e', CHILD], { input: JSON.stringify(todo.map((t) => t.p)), timeout, encoding: 'utf8', maxBuffer: 1 << 20 });
  const stopped = Date.now();
  if (r.status === 0) {
    try {
      mkdirSync(dir, { recursive: true });
      for (const t of todo) writeFileSync(mark(t.p), '');
    } catch {
      // not remembered: tested again next time
    }
    return undefined;
  }
  const started = new Map<number, number>();
  for (const line of (r.stdout ?? '').split('\n')) {
    const [what, n, at] = line.split(' ');
    if (what === 'start') started.set(Number(n), Number(at));
    else if (what === 'done') started.delete(Number(n));
  }
  // stopped in the middle of one pattern's tests, after it alone had run that long: that one
  if (started.size !== 1) return undefined;
  const [k, at] = [...started][0]!;
  return stopped - at >= perPatternMs ? todo[k]?.i : undefined;
}
