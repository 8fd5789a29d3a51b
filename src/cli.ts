#!/usr/bin/env node
/**
 * The command line: arguments, exit codes, printing. All the work is done by
 * the library (src/index.ts); this file only translates.
 *
 * Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it
 * (or more than --max-findings); 2 usage, rules-file or input error;
 * 130/143 interrupted by SIGINT/SIGTERM (previous reports left intact).
 */
import './signals.js';
import { tuneHeap } from './heap.js';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { FactlintError, EXIT } from './errors.js';
import { formats } from './report/index.js';
import { batched } from './report/stream.js';
import { writeAtomic } from './report/write.js';
import { DEFAULT_CACHE_DIR } from './cache.js';
import { factsJsonlChunks, readFactsFiles } from './facts.js';
import { buildReport, checkParallel, compareFacts, loadConfig, type CheckResult } from './runner.js';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.js';
import { examplesFailed, formatExampleResults, runExamples } from './authoring/examples.js';
import { explain } from './authoring/explain.js';
import { initRules } from './authoring/init.js';
import { findArticleFiles, loadArticles } from './articles/load.js';
import { check } from './runner.js';
import { existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesSchema } from './config/schema.js';
import type { Finding, Severity } from './types.js';
import { VERSION } from './version.js';

const USAGE = `Usage: factlint <command> [options]

Commands:
  check [PATHS...]     check articles (default: the rules file's articles: glob)
  compare FACTS...     compare facts files written by check --facts-out, and report
  test [RULES]         run the examples the rules carry (exit 1 on a failure)
  explain TARGET       show which sentences gave a finding (fingerprint) or a rule (id)
  init [DIR]           write a starter rules.yaml for a folder of articles
  schema               print the JSON Schema of rules.yaml

Options for check:
  --rules FILE         rules file (default: rules.yaml)
  --format LIST        text, markdown, json, sarif, github (comma-separated;
                       default: text, or markdown,json with --out)
  --out DIR            write one report file per format into DIR
  --baseline FILE      mark findings new or known against FILE; fail on new ones only
  --update-baseline    write today's findings to the baseline (default
                       reports/baseline.json) and exit 0
  --fail-on LEVEL      error | warning | info | never (default: error)
  --max-findings N     also fail when there are more than N findings
  --rule ID            only run this rule (repeatable)
  --severity ID=LEVEL  override a rule's severity (repeatable)
  --jobs N             threads that read articles: this one and N-1 workers
                       (default: the number of cores; one thread for under
                       12 MB of articles)
  --cache              reuse facts of unchanged articles (--cache-location DIR,
                       default node_modules/.cache/factlint)
  --facts-out FILE     also write the extracted facts as JSON Lines
  --quiet              print nothing on success
  --no-color           plain terminal output
  -h, --help           this help
  -v, --version        print the version

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage, rules or input error,
130/143 interrupted.`;

const LEVELS: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function failing(findings: Finding[], failOn: string): Finding[] {
  if (failOn === 'never') return [];
  const limit = LEVELS[failOn]!;
  return findings.filter((f) => (f.status ?? 'new') === 'new' && LEVELS[f.severity]! <= limit);
}

function usage(message: string): never {
  throw new FactlintError(`${message}\nRun \`factlint --help\` for usage.`);
}

function parseSeverities(list: string[] | undefined): Record<string, Severity> | undefined {
  if (!list?.length) return undefined;
  const out: Record<string, Severity> = {};
  for (const item of list) {
    const m = /^([^=]+)=(error|warning|info)$/.exec(item);
    if (!m) usage(`--severity ${item}: write RULE-ID=error, RULE-ID=warning or RULE-ID=info`);
    out[m[1]!] = m[2] as Severity;
  }
  return out;
}

/** Options every subcommand takes: --help, and --no-color (check colours its terminal report; the others have no colour to turn off). */
const COMMON = { help: { type: 'boolean', short: 'h' }, 'no-color': { type: 'boolean' } } as const;

async function runCheck(args: string[], mode: 'check' | 'compare' = 'check'): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      jobs: { type: 'string' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      'facts-out': { type: 'string' },
      rules: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'fail-on': { type: 'string', default: 'error' },
      'max-findings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      severity: { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
      ...COMMON,
    },
  });
  if (values.help) return help();
  const failOn = values['fail-on']!;
  if (!Object.hasOwn(LEVELS, failOn) && failOn !== 'never') usage(`--fail-on ${failOn}: use error, warning, info or never`);
  const maxFindings = values['max-findings'] === undefined ? undefined : Number(values['max-findings']);
  if (maxFindings !== undefined && (!Number.isInteger(maxFindings) || maxFindings < 0)) usage(`--max-findings ${values['max-findings']}: give a whole number`);
  const formatList = (values.format ?? (values.out ? 'markdown,json' : 'text')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of formatList) if (!Object.hasOwn(formats, f)) usage(`--format ${f}: unknown format; use ${Object.keys(formats).join(', ')}`);
  if (!values.out && formatList.length > 1) usage('several formats need --out DIR (one file each)');

  // without --jobs the runner decides (threadsFor: every core, or one for a small run)
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) usage(`--jobs ${values.jobs}: give a whole number of threads, 1 or more`);
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  const started = Date.now();
  let shown = false;
  const progress = (done: number, total: number) => {
    const secs = (Date.now() - started) / 1000;
    if (secs < 1) return;
    shown = true;
    process.stderr.write(`\r${done}/${total} articles read, ${(done / secs).toFixed(0)}/s `);
  };
  let result: CheckResult;
  if (mode === 'compare') {
    if (!positionals.length) usage('compare needs one or more facts files (written by `factlint check --facts-out FILE`)');
    const config = loadConfig(values.rules);
    const { infos, facts } = readFactsFiles(positionals);
    const rules = values.rule ? config.rules.filter((r) => values.rule!.includes(r.id)) : config.rules;
    const findings = compareFacts(facts, rules, new Map(infos.map((a) => [a.id, a])));
    result = { report: buildReport(config, infos, findings, []), facts, keptFacts: true, articles: infos, config, rules };
  } else {
    const severity = parseSeverities(values.severity);
    result = await checkParallel({
      paths: positionals,
      ...(jobs !== undefined ? { jobs } : {}),
      ...(values.rules ? { rules: values.rules } : {}),
      ...(values.rule ? { only: values.rule } : {}),
      ...(severity ? { severity } : {}),
      ...(values.cache ? { cacheDir: resolve(values['cache-location'] ?? DEFAULT_CACHE_DIR) } : {}),
      ...(tty ? { onArticle: progress } : {}),
      ...(values['facts-out'] ? { factsOut: resolve(values['facts-out']) } : {}),
    });
    if (shown) process.stderr.write('\n');
  }
  let { report } = result;
  const render = { rules: result.rules };
  if (values['update-baseline']) {
    const file = values.baseline ?? join('reports', 'baseline.json');
    const b = writeBaseline(resolve(file), report);
    process.stderr.write(`factlint: baseline written: ${file} (${b.findings.length} finding${b.findings.length === 1 ? '' : 's'})\n`);
    return EXIT.ok;
  }
  if (values.baseline) {
    const baseline = readBaseline(resolve(values.baseline));
    // rules left out with --rule have not been run: their entries are not "fixed"
    const ran = new Set(result.rules.map((r) => r.id));
    report = applyBaseline(report, { ...baseline, findings: baseline.findings.filter((f) => ran.has(f.rule)) });
  }
  // check streams --facts-out while it reads; compare writes its merged facts here
  if (values['facts-out'] && mode === 'compare') writeAtomic(resolve(values['facts-out']), factsJsonlChunks(result.articles, result.facts));
  const color = !values['no-color'] && process.stdout.isTTY && !process.env.NO_COLOR;
  const newOnes = report.findings.filter((f) => f.status === 'new').length;
  const againstBaseline = values.baseline ? `Against the baseline: ${newOnes} new, ${report.findings.length - newOnes} known, ${report.fixed.length} fixed.\n` : '';
  if (values.out) {
    const dir = resolve(values.out);
    for (const f of formatList) {
      const fmt = formats[f]!;
      writeAtomic(join(dir, fmt.file), fmt.chunks ? fmt.chunks(report, render) : fmt.render(report, { ...render, color: false }));
    }
    if (formatList.includes('github')) {
      // annotations only work on stdout of a workflow step
      process.stdout.write(formats.github!.render(report, render));
    } else if (!values.quiet) {
      process.stdout.write(formats.text!.render(report, { color }) + againstBaseline);
      process.stdout.write(`Reports written: ${formatList.map((f) => join(values.out!, formats[f]!.file)).join(', ')}\n`);
    }
  } else if (!values.quiet || formatList[0] !== 'text') {
    const fmt = formats[formatList[0]!]!;
    if (fmt.chunks) for (const piece of batched(fmt.chunks(report, render))) process.stdout.write(piece);
    else process.stdout.write(fmt.render(report, { ...render, color }) + (formatList[0] === 'text' ? againstBaseline : ''));
  }
  for (const w of report.warnings) process.stderr.write(`factlint: warning: ${w}\n`);
  const failed = failing(report.findings, failOn);
  if (failed.length) return EXIT.findings;
  const newCount = report.findings.filter((f) => (f.status ?? 'new') === 'new').length;
  if (maxFindings !== undefined && newCount > maxFindings) {
    process.stderr.write(`factlint: ${newCount} ${values.baseline ? 'new ' : ''}findings, more than --max-findings ${maxFindings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function runTest(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON, rules: { type: 'string' }, rule: { type: 'string', multiple: true } } });
  if (values.help) return help();
  if (positionals.length > 1) usage('test takes one rules file');
  const config = loadConfig(positionals[0] ?? values.rules, false);
  if (config.rules.length === 0) throw new FactlintError(`${config.file ? relative(process.cwd(), config.file) : 'rules'}: no rule to test; write or uncomment at least one rule under rules:`);
  const results = runExamples(config, values.rule);
  process.stdout.write(formatExampleResults(results));
  return examplesFailed(results) ? EXIT.findings : EXIT.ok;
}

function runExplain(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON, rules: { type: 'string' } } });
  if (values.help) return help();
  const [target, ...paths] = positionals;
  if (!target) usage('explain needs a finding fingerprint or a rule id');
  const result = check({ paths, keepFacts: true, ...(values.rules ? { rules: values.rules } : {}) });
  process.stdout.write(explain(result, target));
  return EXIT.ok;
}

function runInit(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON, out: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (values.help) return help();
  const paths = positionals.length ? positionals : ['.'];
  const { articles, warnings } = loadArticles(findArticleFiles(paths));
  for (const w of warnings) process.stderr.write(`factlint: warning: ${w}\n`);
  if (!articles.length) throw new FactlintError(`${paths.join(' ')}: no readable article to start from`);
  const first = resolve(paths[0]!);
  const defaultOut = join(existsSync(first) && !/\.(txt|md|markdown)$/i.test(first) ? first : dirname(first), 'rules.yaml');
  const out = values.out ?? defaultOut;
  const rulesDir = out === '-' ? process.cwd() : dirname(resolve(out));
  const schemaFile = fileURLToPath(new URL('../schema/rules.schema.json', import.meta.url));
  const text = initRules(articles, { rulesDir, schema: relative(rulesDir, schemaFile).split('\\').join('/') });
  if (out === '-') {
    process.stdout.write(text);
    return EXIT.ok;
  }
  if (existsSync(out) && !values.force) throw new FactlintError(`${out}: already exists; use --force to replace it, or --out - to print`);
  writeAtomic(resolve(out), text);
  process.stderr.write(`factlint: wrote ${out}: check the entities it lists, then uncomment a rule\n`);
  return EXIT.ok;
}

function help(): number {
  process.stdout.write(`${USAGE}\n`);
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'compare':
      return runCheck(rest, 'compare');
    case 'test':
      return runTest(rest);
    case 'explain':
      return runExplain(rest);
    case 'init':
      return runInit(rest);
    case 'schema':
      process.stdout.write(`${JSON.stringify(rulesSchema(), null, 2)}\n`);
      return EXIT.ok;
    default:
      if (command.startsWith('-') || command.includes('/') || command.includes('.')) return runCheck(argv);
      return usage(`unknown command "${command}"`);
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js').endsWith(join('dist', 'cli.js'));
if (isMain || process.env.FACTLINT_CLI === '1') {
  tuneHeap();
  let code: number;
  try {
    code = await main(process.argv.slice(2));
  } catch (e) {
    if (e instanceof FactlintError) {
      process.stderr.write(`factlint: ${e.message.split('\n').join('\nfactlint: ')}\n`.replace(/factlint: Run `factlint --help`/, 'Run `factlint --help`'));
      code = e.exitCode;
    } else if (e instanceof Error && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      // node's own wording ("… To specify a positional argument starting with a '-' …") is not for our users
      const unknown = /^Unknown option '([^']+)'/.exec(e.message);
      process.stderr.write(`factlint: ${unknown ? `unknown option ${unknown[1]}` : e.message}\nRun \`factlint --help\` for usage.\n`);
      code = EXIT.usage;
    } else {
      process.stderr.write(`factlint: internal error: ${(e as Error)?.message ?? String(e)} (please report this)\n`);
      code = EXIT.usage;
    }
  }
  process.exitCode = code;
}
