import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

describe('the workflow files', () => {
  it('the project CI installs, tests and checks the seeds against the committed baseline', () => {
    const wf = parse(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8'));
    const steps = wf.jobs.test.steps.map((s: { run?: string; uses?: string }) => s.run ?? s.uses);
    expect(steps).toContain('npm ci');
    expect(steps).toContain('npm test');
    expect(steps.find((s: string) => s.includes('--baseline reports/baseline.json'))).toBeTruthy();
  });
  it('the composite action declares its inputs and runs the CLI it builds', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'rules', 'baseline', 'fail-on', 'out']);
    const run = action.runs.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(run).toContain('dist/cli.js');
    for (const s of action.runs.steps) if (s.run) expect(s.shell).toBe('bash');
  });
});
