import { readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const RULES = join(ROOT, 'rules.yaml');

/** A copy of the seeds with a baseline of today's findings in it. */
function seedsWithBaseline(): { dir: string; baseline: string } {
  const dir = tempDir(join(ROOT, 'seeds'));
  const baseline = join(dir, 'baseline.json');
  const r = cli(['check', '--rules', RULES, '--update-baseline', '--baseline', baseline, dir]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/baseline written: .*baseline\.json \(\d+ findings\)/);
  return { dir, baseline };
}

function checkJson(dir: string, baseline: string, extra: string[] = []) {
  const r = cli(['check', '--rules', RULES, '--baseline', baseline, '--format', 'json', ...extra, dir]);
  return { code: r.code, report: JSON.parse(r.stdout), stderr: r.stderr };
}

describe('CI mode: fail on new contradictions only', () => {
  it('passes against its own baseline: every finding known', () => {
    const { dir, baseline } = seedsWithBaseline();
    const { code, report } = checkJson(dir, baseline);
    expect(code).toBe(0);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f: { status: string }) => f.status === 'known')).toBe(true);
  });

  it('an added article with a new contradiction fails, and only that finding is new', () => {
    const { dir, baseline } = seedsWithBaseline();
    writeFileSync(join(dir, '005_new.txt'), 'Operation Sindoor struck 14 terror camps in Pakistan, officials said.\n');
    const { code, report } = checkJson(dir, baseline);
    expect(code).toBe(1);
    const fresh = report.findings.filter((f: { status: string }) => f.status === 'new');
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ rule: 'sindoor-sites-struck', kind: 'contradiction', outliers: ['005_new'] });
    // the terminal says it too, under the findings
    const text = cli(['check', '--rules', RULES, '--baseline', baseline, dir]);
    expect(text.stdout).toMatch(new RegExp(`\\nAgainst the baseline: 1 new, ${report.findings.length - 1} known, 0 fixed\\.\\n$`));
  });

  it('reordered and reflowed articles pass', () => {
    const { dir, baseline } = seedsWithBaseline();
    const f = join(dir, '001_8e6b5728c6d94afa.txt');
    const lines = readFileSync(f, 'utf8').split('\n');
    // move the last paragraphs to the top
    writeFileSync(f, [...lines.slice(8), ...lines.slice(0, 8)].join('\n'));
    const g = join(dir, '000_59272206b7260c85.txt');
    writeFileSync(g, readFileSync(g, 'utf8').replace(/\n\n+/g, '\n\n\n'));
    const { code, report } = checkJson(dir, baseline);
    expect(code).toBe(0);
    expect(report.findings.filter((x: { status: string }) => x.status === 'new')).toEqual([]);
  });

  it('removing the outlier lists the finding as fixed', () => {
    const { dir, baseline } = seedsWithBaseline();
    rmSync(join(dir, '002_df112d5052861120.txt'));
    const { code, report } = checkJson(dir, baseline, ['--rule', 'pahalgam-death-toll']);
    expect(code).toBe(0);
    expect(report.fixed).toEqual([expect.objectContaining({ rule: 'pahalgam-death-toll', values: ['26 people', '27 people'] })]);
    const out = tempDir();
    cli(['check', '--rules', RULES, '--baseline', baseline, '--rule', 'pahalgam-death-toll', '--out', out, dir]);
    expect(readFileSync(join(out, 'discrepancies.md'), 'utf8')).toMatch(/## Fixed since the baseline\n\n- `pahalgam-death-toll` people killed in the Pahalgam attack: 26 people \/ 27 people/);
  });

  it('a changed value is a new finding (27 becomes 28)', () => {
    const { dir, baseline } = seedsWithBaseline();
    const f = join(dir, '002_df112d5052861120.txt');
    writeFileSync(f, readFileSync(f, 'utf8').replace('deaths of 27 people', 'deaths of 28 people'));
    const { code, report } = checkJson(dir, baseline, ['--rule', 'pahalgam-death-toll']);
    expect(code).toBe(1);
    expect(report.findings[0]).toMatchObject({ status: 'new' });
    expect(report.fixed).toHaveLength(1);
  });

  it('a baseline of another format is an error, not a silent pass', () => {
    const { dir, baseline } = seedsWithBaseline();
    writeFileSync(baseline, JSON.stringify({ version: 0, fingerprints: [] }));
    const r = cli(['check', '--rules', RULES, '--baseline', baseline, dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^factlint: .*baseline\.json: .*--update-baseline/);
  });

  it('writes SARIF, GitHub annotations, Markdown and JSON in one run', () => {
    const { dir, baseline } = seedsWithBaseline();
    writeFileSync(join(dir, '005_new.txt'), 'Operation Sindoor struck 14 terror camps in Pakistan, officials said.\n');
    const out = tempDir();
    const r = cli(['check', '--rules', RULES, '--baseline', baseline, '--out', out, '--format', 'markdown,json,sarif,github', dir]);
    expect(r.code).toBe(1);
    for (const f of ['discrepancies.md', 'discrepancies.json', 'discrepancies.sarif', 'github-annotations.txt']) expect(existsSync(join(out, f))).toBe(true);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^::error file=.*005_new\.txt,line=1,col=\d+,title=sindoor-sites-struck::/)]);
    const sarif = JSON.parse(readFileSync(join(out, 'discrepancies.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'sindoor-sites-struck');
    expect(res.baselineState).toBe('new');
    expect(res.relatedLocations.length).toBeGreaterThan(0);
  });

  it('--max-findings and --severity work on the command line', () => {
    const { dir } = seedsWithBaseline();
    expect(cli(['check', '--rules', RULES, '--fail-on', 'never', '--max-findings', '100', dir]).code).toBe(0);
    const r = cli(['check', '--rules', RULES, '--fail-on', 'never', '--max-findings', '1', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/findings, more than --max-findings 1/);
    const onlyToll = ['check', '--rules', RULES, '--rule', 'pahalgam-death-toll', dir];
    expect(cli(onlyToll).code).toBe(1);
    expect(cli([...onlyToll, '--severity', 'pahalgam-death-toll=warning']).code).toBe(0);
  });
});
