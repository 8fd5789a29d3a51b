import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cli, ROOT, tempDir } from '../helpers.js';

function bigCorpus(n: number): string {
  const dir = tempDir();
  const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `s${i}.txt`), readFileSync(join(ROOT, 'seeds', seeds[i % 5]!), 'utf8'));
  return dir;
}

function interrupt(signal: NodeJS.Signals, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    setTimeout(() => child.kill(signal), 2500);
    child.on('exit', (code) => resolve(code));
  });
}

describe('an interrupted run leaves the previous reports intact', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} exits ${code}`, async () => {
      const out = tempDir();
      expect(cli(['check', '--out', out]).code).toBe(1);
      const before = readFileSync(join(out, 'discrepancies.md'), 'utf8');
      const dir = bigCorpus(3000);
      const exit = await interrupt(signal, ['check', '--rules', join(ROOT, 'rules.yaml'), '--jobs', '1', '--out', out, dir]);
      expect(exit).toBe(code);
      expect(readFileSync(join(out, 'discrepancies.md'), 'utf8')).toBe(before);
      expect(readdirSync(out).sort()).toEqual(['discrepancies.json', 'discrepancies.md']);
    }, 60_000);
  }
});
