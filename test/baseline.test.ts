import { readFileSync, readdirSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline, makeBaseline, readBaseline, serializeBaseline, writeBaseline, type Baseline } from '../src/baseline.js';
import { FactlintError } from '../src/errors.js';
import { check } from '../src/runner.js';
import type { Finding, Report } from '../src/types.js';
import { ROOT, SEEDS, tempDir } from './helpers.js';

const RULES = join(ROOT, 'rules.yaml');
const TOLL = 'pahalgam-death-toll';

/** The real pipeline over a folder of articles (with its sources.yaml). */
function run(dir: string): Report {
  return check({ rules: RULES, paths: [dir] }).report;
}

function seedCopy(): string {
  return tempDir(SEEDS);
}

function seedFile(dir: string, id: string): string {
  return join(dir, readdirSync(dir).find((f) => f.startsWith(`${id}_`))!);
}

function fingerprints(r: Report): string[] {
  return r.findings.map((f) => f.fingerprint).sort();
}

/** Rewrap unwrapped copy (one paragraph a line) at `width` columns, paragraphs apart by blank lines. */
function reflow(text: string, width = 72): string {
  return text
    .split('\n')
    .filter((p) => p.trim())
    .map((p) => {
      const out: string[] = [];
      let line = '';
      for (const w of p.trim().split(/\s+/)) {
        if (line && line.length + 1 + w.length > width) {
          out.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      if (line) out.push(line);
      return out.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

let seeds: Report;
let toll: Finding;

beforeAll(() => {
  seeds = run(seedCopy());
  toll = seeds.findings.find((f) => f.rule === TOLL)!;
});

describe('makeBaseline and serializeBaseline', () => {
  it('records every finding by fingerprint, with rule, kind, subject label and display values, sorted', () => {
    const b = makeBaseline(seeds);
    expect(b.factlintBaseline).toBe(1);
    expect(b.findings.map((e) => e.fingerprint)).toEqual(fingerprints(seeds));
    expect(b.findings.find((e) => e.rule === TOLL)).toEqual({
      fingerprint: toll.fingerprint,
      rule: TOLL,
      kind: 'contradiction',
      subject: 'people killed in the Pahalgam attack',
      values: ['26 people', '27 people'],
    });
  });

  it('serialises to stable pretty JSON with a final newline, whatever the entry order', () => {
    const b = makeBaseline(seeds);
    const text = serializeBaseline(b);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('  "factlintBaseline": 1,\n');
    expect(serializeBaseline({ ...b, findings: [...b.findings].reverse() })).toBe(text);
    expect(JSON.parse(text)).toEqual(b);
  });

  it('round-trips through writeBaseline and readBaseline', () => {
    const file = join(tempDir(), 'sub', 'factlint-baseline.json');
    const written = writeBaseline(file, seeds);
    expect(readBaseline(file)).toEqual(written);
    expect(readFileSync(file, 'utf8')).toBe(serializeBaseline(written));
  });
});

describe('applyBaseline', () => {
  const entry = (fingerprint: string) => ({ fingerprint, rule: 'old-rule', kind: 'contradiction' as const, subject: 'the old subject', values: ['1', '2'] });

  it('marks every finding known against its own baseline, with nothing fixed', () => {
    const r = applyBaseline(seeds, makeBaseline(seeds));
    expect(r.findings.length).toBe(seeds.findings.length);
    expect(r.findings.every((f) => f.status === 'known')).toBe(true);
    expect(r.fixed).toEqual([]);
  });

  it('marks findings new against an empty baseline', () => {
    const r = applyBaseline(seeds, { factlintBaseline: 1, findings: [] });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.status === 'new')).toBe(true);
  });

  it('lists baseline entries no longer found as fixed, sorted, and is pure', () => {
    const before = JSON.stringify(seeds);
    const b: Baseline = { factlintBaseline: 1, findings: [entry('ffff000000000000'), ...makeBaseline(seeds).findings, entry('0000ffffffffffff')] };
    const r = applyBaseline(seeds, b);
    expect(r.fixed).toEqual([
      { fingerprint: '0000ffffffffffff', rule: 'old-rule', subject: 'the old subject', values: ['1', '2'] },
      { fingerprint: 'ffff000000000000', rule: 'old-rule', subject: 'the old subject', values: ['1', '2'] },
    ]);
    expect(r).not.toBe(seeds);
    expect(JSON.stringify(seeds)).toBe(before);
    expect(seeds.findings.every((f) => f.status === undefined)).toBe(true);
  });

  it('keeps the report order and everything else in the report', () => {
    const r = applyBaseline(seeds, { factlintBaseline: 1, findings: [] });
    expect(r.findings.map((f) => f.fingerprint)).toEqual(seeds.findings.map((f) => f.fingerprint));
    expect(r.articles).toEqual(seeds.articles);
    expect(r.warnings).toEqual(seeds.warnings);
  });
});

describe('fingerprints survive edits that do not change a fact (real pipeline over a copy of the seeds)', () => {
  it('the seeds have the death-toll contradiction to track', () => {
    expect(toll.values.map((v) => v.display)).toEqual(['26 people', '27 people']);
  });

  it('moved paragraphs: same fingerprints, every finding known, evidence lines moved', () => {
    const dir = seedCopy();
    const file = seedFile(dir, '002');
    const paras = readFileSync(file, 'utf8').split('\n');
    // The 27-people paragraph ("The attack, which resulted in the deaths of 27 people")
    // needs the one before it, which names the attack: the two move together to the
    // end, and the paragraphs between them and the sign-off are put in reverse order.
    const moved = [...paras.slice(2, -1).reverse(), paras[0]!, paras[1]!, paras[paras.length - 1]!];
    expect(moved.length).toBe(paras.length);
    writeFileSync(file, moved.join('\n'));
    // in 000 the 26-people paragraph names the attack itself: it goes to the top alone
    const file000 = seedFile(dir, '000');
    const lines = readFileSync(file000, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('lives of 26 people'));
    expect(at).toBeGreaterThan(0);
    writeFileSync(file000, [lines[at]!, '', ...lines.filter((_, i) => i !== at)].join('\n'));
    const r = run(dir);
    expect(fingerprints(r)).toEqual(fingerprints(seeds));
    const after = applyBaseline(r, makeBaseline(seeds));
    expect(after.findings.map((f) => f.status)).toEqual(after.findings.map(() => 'known'));
    expect(after.fixed).toEqual([]);
    const moves = r.findings.find((f) => f.rule === TOLL)!.values.flatMap((v) => v.evidence);
    expect(moves.find((e) => e.article === '002')!.line).not.toBe(2);
    expect(moves.find((e) => e.article === '000')!.line).toBe(1);
  });

  it('reflowed lines (the same text hard-wrapped at 72 columns): same fingerprints', () => {
    const dir = seedCopy();
    for (const id of ['000', '002', '004']) {
      const file = seedFile(dir, id);
      writeFileSync(file, reflow(readFileSync(file, 'utf8')));
    }
    const r = run(dir);
    expect(fingerprints(r)).toEqual(fingerprints(seeds));
    expect(applyBaseline(r, makeBaseline(seeds)).fixed).toEqual([]);
  });

  it('an unrelated article added: same fingerprints', () => {
    const dir = seedCopy();
    writeFileSync(
      join(dir, 'zz_bakery.txt'),
      'A family bakery in Lyon reopened on Saturday after a fire in March damaged its ovens.\nThe owners said 40 customers queued before dawn for the first loaves.\n',
    );
    const r = run(dir);
    expect(r.articles.length).toBe(seeds.articles.length + 1);
    expect(fingerprints(r)).toEqual(fingerprints(seeds));
  });

  it('files renamed (and moved to a subfolder) with the same article id: same fingerprints', () => {
    const dir = seedCopy();
    const sidecar = readFileSync(join(dir, 'sources.yaml'), 'utf8');
    let renamed = sidecar;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const to = `renamed-${f.slice(4)}`;
      renameSync(join(dir, f), join(dir, to));
      renamed = renamed.replace(`${f}:`, `${to}:`);
    }
    writeFileSync(join(dir, 'sources.yaml'), renamed);
    const r = run(dir);
    expect(r.articles.map((a) => a.id)).toEqual(seeds.articles.map((a) => a.id));
    expect(r.articles.every((a) => a.path.includes('renamed-'))).toBe(true);
    expect(fingerprints(r)).toEqual(fingerprints(seeds));

    // and a file moved into a folder of its own, keeping its id through front matter
    const sub = join(dir, 'wire');
    mkdirSync(sub);
    const f002 = readdirSync(dir).find((n) => n.includes('df112d5052861120'))!;
    writeFileSync(join(sub, 'story.txt'), `---\nid: "002"\n---\n${readFileSync(join(dir, f002), 'utf8')}`);
    renameSync(join(dir, f002), join(dir, `${f002}.bak`));
    const r2 = run(dir);
    expect(r2.articles.find((a) => a.id === '002')!.path).toMatch(/wire\/story\.txt$/);
    expect(fingerprints(r2)).toEqual(fingerprints(seeds));
  });

  it('a changed value (27 → 28) is a new finding, and the old one is fixed', () => {
    const dir = seedCopy();
    const file = seedFile(dir, '002');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('deaths of 27 people');
    writeFileSync(file, text.replace('deaths of 27 people', 'deaths of 28 people'));
    const r = applyBaseline(run(dir), makeBaseline(seeds));
    const changed = r.findings.find((f) => f.rule === TOLL)!;
    expect(changed.values.map((v) => v.display)).toEqual(['26 people', '28 people']);
    expect(changed.fingerprint).not.toBe(toll.fingerprint);
    expect(changed.status).toBe('new');
    expect(r.fixed).toEqual([{ fingerprint: toll.fingerprint, rule: TOLL, subject: 'people killed in the Pahalgam attack', values: ['26 people', '27 people'] }]);
    // every other finding is still known
    expect(r.findings.filter((f) => f.rule !== TOLL).every((f) => f.status === 'known')).toBe(true);
  });
});

describe('readBaseline refuses what it cannot trust', () => {
  const write = (text: string) => {
    const file = join(tempDir(), 'factlint-baseline.json');
    writeFileSync(file, text);
    return file;
  };
  const errorOf = (fn: () => unknown): FactlintError => {
    try {
      fn();
    } catch (e) {
      return e as FactlintError;
    }
    throw new Error('expected an error');
  };

  it('a missing file says how to create one', () => {
    const file = join(tempDir(), 'nothing.json');
    const e = errorOf(() => readBaseline(file));
    expect(e).toBeInstanceOf(FactlintError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(`${file}: no baseline here; create it with \`factlint check --update-baseline\``);
  });

  it('invalid JSON is one clear line', () => {
    const e = errorOf(() => readBaseline(write('{"factlintBaseline": 1, "findings": [')));
    expect(e).toBeInstanceOf(FactlintError);
    expect(e.message).toMatch(/factlint-baseline\.json: not valid JSON \(.+\); recreate it with `factlint check --update-baseline`$/);
    expect(e.message).not.toContain('\n');
  });

  it('a baseline from another format version names both versions', () => {
    const e = errorOf(() => readBaseline(write('{"factlintBaseline": 2, "findings": []}')));
    expect(e).toBeInstanceOf(FactlintError);
    expect(e.message).toMatch(/factlint-baseline\.json: written by another version of factlint \(format 2, this one reads 1\): recreate it with `factlint check --update-baseline`$/);
  });

  it('a file without the format field is from another version, never a silent pass', () => {
    const e = errorOf(() => readBaseline(write('{"findings": []}')));
    expect(e.message).toMatch(/written by another version of factlint \(format none, this one reads 1\)/);
    const e2 = errorOf(() => readBaseline(write('{"factlintBaseline": "1", "findings": []}')));
    expect(e2.message).toMatch(/format "1", this one reads 1/);
  });

  it('a factlint report given as a baseline is named as such', () => {
    const e = errorOf(() => readBaseline(write(JSON.stringify(seeds))));
    expect(e.message).toMatch(/this is a factlint report, not a baseline/);
  });

  it('malformed entries are refused', () => {
    expect(errorOf(() => readBaseline(write('[]'))).message).toMatch(/not a factlint baseline \(expected a JSON object\)/);
    expect(errorOf(() => readBaseline(write('{"factlintBaseline": 1}'))).message).toMatch(/"findings" is not a list/);
    expect(errorOf(() => readBaseline(write('{"factlintBaseline": 1, "findings": [{"rule": "x"}]}'))).message).toMatch(/findings\[0\] has no fingerprint/);
  });

  it('a directory is not a baseline', () => {
    const dir = tempDir();
    expect(errorOf(() => readBaseline(dir)).message).toMatch(/is a directory/);
  });
});
