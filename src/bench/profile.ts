/**
 * npm run profile -- [N]: where the time goes, rule by rule. Generates N
 * articles (default 1,000) by varying the seeds, then prints the milliseconds
 * each rule spends extracting and comparing, and how many facts it keeps.
 * Times are CPU time of this process (process.cpuUsage), so a busy machine
 * disturbs them less than wall-clock time.
 *
 *   npm run profile -- 1000             every rule of rules.yaml
 *   npm run profile -- 1000 title quote only rules of these types
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findArticleFiles, loadArticles } from '../articles/load.js';
import { ruleTypes } from '../rules/index.js';
import { compareFacts, loadConfig } from '../runner.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const n = Number(process.argv[2] ?? 1000);
const types = process.argv.slice(3);
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const dir = join(tmpdir(), `factlint-profile-${process.pid}`);
mkdirSync(dir, { recursive: true });
try {
  const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  const people = ['Anika Okafor', 'Tomas Haddad', 'Mei Tanaka'];
  for (let i = 0; i < n; i++) {
    writeFileSync(join(dir, `a${String(i).padStart(6, '0')}.txt`), seeds[i % seeds.length]!.replace(/\b2[67]\b/g, String(20 + (i % 11))).replace(/Marco Rubio/g, people[i % 3]!));
  }
  const config = loadConfig(join(ROOT, 'rules.yaml'));
  let t = cpuMs();
  const { articles } = loadArticles(findArticleFiles([dir]));
  console.log(`${n} articles: read and split into sentences in ${(cpuMs() - t).toFixed(0)} ms CPU`);
  const infos = new Map(articles.map((a) => [a.id, { id: a.id, path: a.path, meta: a.meta }]));
  console.log('rule                      extract ms  compare ms     facts  findings');
  let total = 0;
  for (const rule of config.rules) {
    if (types.length && !types.includes(rule.type)) continue;
    t = cpuMs();
    const facts = articles.flatMap((a) => ruleTypes[rule.type]!.extract(a, rule, config.vocab));
    const extract = cpuMs() - t;
    t = cpuMs();
    const findings = compareFacts(facts, [rule], infos);
    const compare = cpuMs() - t;
    total += extract + compare;
    console.log(`${rule.id.padEnd(24)} ${extract.toFixed(0).padStart(11)} ${compare.toFixed(0).padStart(11)} ${String(facts.length).padStart(9)} ${String(findings.length).padStart(9)}`);
  }
  console.log(`total extract + compare: ${total.toFixed(0)} ms CPU`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
