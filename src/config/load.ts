/**
 * rules.yaml → rules and vocabulary. Read with `yaml` keeping positions, so every
 * problem is reported as FILE:LINE:COL with what to write instead.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { didYouMean, FactlintError, RuleError } from '../errors.js';
import { ruleTypes, ruleTypeNames } from '../rules/index.js';
import type { Entity, Rule, RuleExample, Severity, SourcePos, Vocabulary } from '../types.js';
import safeRegex from 'safe-regex2';
import { DEFAULT_PARTICLES, nameSource } from '../normalize/names.js';
import { slowPattern, type PatternToProbe } from './probe.js';
import { DEFAULT_RULES_NAME, DEFAULT_RULES_YAML } from './defaults.js';
import { commonRuleFields, rulesSchema } from './schema.js';
import { rulesValidator } from './validator.js';

export interface Config {
  file?: string;
  baseDir: string;
  articles: string[];
  rules: Rule[];
  vocab: Vocabulary;
}

type Path = (string | number)[];

interface Parsed {
  file: string;
  display: string;
  doc: Document;
  lines: LineCounter;
  data: Record<string, unknown>;
}

let validator: ValidateFunction | undefined;


class Problems {
  readonly list: string[] = [];
  constructor(private readonly p: Parsed) {}
  pos(path: Path, key = false): SourcePos {
    const { doc, lines } = this.p;
    let node: YamlNode | undefined;
    let at = 0;
    for (let n = path.length; n >= 0; n--) {
      const sub = path.slice(0, n);
      if (key && n === path.length && n > 0) {
        const parent = doc.getIn(sub.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === String(sub[sub.length - 1]));
          if (pair && isScalar(pair.key) && pair.key.range) {
            at = pair.key.range[0];
            break;
          }
        }
      }
      node = (sub.length ? doc.getIn(sub, true) : doc.contents) as YamlNode | undefined;
      if (node && (node as { range?: [number, number, number] }).range) {
        at = (node as { range: [number, number, number] }).range[0];
        break;
      }
    }
    const { line, col } = lines.linePos(at);
    return { file: this.p.display, line, column: col };
  }
  add(path: Path, message: string, key = false): void {
    const { file, line, column } = this.pos(path, key);
    this.list.push(`${file}:${line}:${column}: ${message}`);
  }
}

function readYaml(file: string, display: string, given?: string): Parsed {
  let text: string;
  try {
    text = given ?? readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FactlintError(`${display}: cannot read the rules file (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const { line, col } = lines.linePos(err.pos[0]);
    const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new FactlintError(`${display}:${line}:${col}: YAML syntax error: ${msg}`);
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FactlintError(`${display}:1:1: a rules file is a mapping with keys such as entities: and rules:`);
  }
  return { file, display, doc, lines, data: data as Record<string, unknown> };
}

/** What a value of each JSON Schema type looks like in YAML, for error messages. */
const TYPE_EXAMPLES: Record<string, string> = { integer: '5', number: '0.8', boolean: 'true', array: '[first, second]', string: 'some text' };

function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath.split('/').filter(Boolean).pop() ?? 'value';
  switch (e.keyword) {
    case 'enum':
      return `"${where}" must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type': {
      const type = (e.params as { type: string }).type;
      const example = TYPE_EXAMPLES[type];
      return `"${where}" must be ${type === 'array' ? 'a list' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`}${example ? `, e.g. ${where}: ${example}` : ''}`;
    }
    case 'required':
      return `missing "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'minimum':
    case 'maximum':
      return `"${where}" ${e.message}`;
    case 'pattern':
      return `"${where}" must use letters, digits, ".", "_" or "-" (and start with a letter or digit)`;
    default:
      return `"${where}" ${e.message ?? 'is not valid'}`;
  }
}

function ruleLabel(data: Record<string, unknown>, i: number): string {
  const rules = data.rules as Record<string, unknown>[] | undefined;
  const id = rules?.[i]?.id;
  return typeof id === 'string' ? `rule "${id}"` : `rule #${i + 1}`;
}

/** Structural checks with helpful messages, before the schema. */
function checkShape(p: Parsed, problems: Problems): void {
  const schema = rulesSchema() as { properties: Record<string, unknown> };
  const topKeys = Object.keys(schema.properties);
  for (const k of Object.keys(p.data)) {
    if (!topKeys.includes(k)) problems.add([k], `unknown key "${k}".${didYouMean(k, topKeys)} Allowed: ${topKeys.join(', ')}`, true);
  }
  const rules = p.data.rules;
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    problems.add(['rules'], '"rules" must be a list of rules, each starting with "- id: ..."');
    return;
  }
  rules.forEach((r: unknown, i) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) {
      problems.add(['rules', i], `${ruleLabel(p.data, i)} must be a mapping with id: and type:`);
      return;
    }
    const rule = r as Record<string, unknown>;
    const label = ruleLabel(p.data, i);
    if (rule.type === undefined) {
      problems.add(['rules', i], `${label}: missing "type". Use one of ${ruleTypeNames().join(', ')}`);
      return;
    }
    const t = ruleTypes[String(rule.type)];
    if (!t) {
      problems.add(['rules', i, 'type'], `${label}: unknown rule type "${String(rule.type)}".${didYouMean(String(rule.type), ruleTypeNames())} Rule types: ${ruleTypeNames().join(', ')}`);
      return;
    }
    const allowed = [...Object.keys(commonRuleFields), ...Object.keys(t.options)];
    for (const k of Object.keys(rule)) {
      if (!allowed.includes(k)) {
        problems.add(['rules', i, k], `${label}: unknown option "${k}" for a ${t.type} rule.${didYouMean(k, allowed)} Allowed: ${allowed.join(', ')}`, true);
      }
    }
  });
}

let trusted = false;

/**
 * Skip schema and pattern checks from now on in this thread: for worker
 * threads, which re-read a rules file the main thread has just checked
 * (compiling the schema validator would cost each worker half a second).
 */
export function trustRulesFiles(): void {
  trusted = true;
}

function validate(p: Parsed, problems: Problems): void {
  if (trusted) return;
  validator ??= rulesValidator();
  if (validator(p.data)) return;
  const seen = new Set<string>();
  // a value of the wrong type for a list of choices: the choices say it all
  const choices = new Set((validator.errors ?? []).filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  for (const e of validator.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'additionalProperties' || e.keyword === 'oneOf') continue;
    if (e.keyword === 'type' && choices.has(e.instancePath)) continue;
    const path: Path = e.instancePath.split('/').filter(Boolean).map((s: string) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const label = path[0] === 'rules' && typeof path[1] === 'number' ? `${ruleLabel(p.data, path[1])}: ` : '';
    const line = `${label}${describeAjvError(e)}`;
    const key = `${e.instancePath}|${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(path, line);
  }
}

/** Options that hold the user's regular expressions, whatever the rule type. */
const PATTERN_OPTIONS = ['pattern', 'patterns', 'ignore'];

/**
 * A user pattern must compile and must not backtrack exponentially (checked at
 * load, before any article is read): statically for nested repetitions, then
 * by running the patterns that pass on texts made to make them backtrack
 * (src/config/probe.ts).
 */
function checkPatterns(p: Parsed, problems: Problems): void {
  if (trusted) return;
  const probe: (PatternToProbe & { path: Path; label: string; src: string })[] = [];
  const rules = (p.data.rules as Record<string, unknown>[] | undefined) ?? [];
  rules.forEach((rule, i) => {
    for (const key of PATTERN_OPTIONS) {
      const v = rule[key];
      const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
      list.forEach((src, j) => {
        if (typeof src !== 'string') return;
        const path: Path = typeof v === 'string' ? ['rules', i, key] : ['rules', i, key, j];
        const plain = src.replace(/\{name\}/g, 'N');
        try {
          new RegExp(plain, 'u');
        } catch (e) {
          problems.add(path, `${ruleLabel(p.data, i)}: "${key}" is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
          return;
        }
        if (!safeRegex(plain)) {
          problems.add(path, `${ruleLabel(p.data, i)}: pattern ${JSON.stringify(src)} can take exponential time on some texts (a repetition inside a repetition, like (a+)+): rewrite it without the nested repetition`);
          return;
        }
        // as the name rule runs it: {name} is a proper name
        const source = src.replace(/\{name\}/g, `(?<name>${nameSource(DEFAULT_PARTICLES)})`);
        probe.push({ source, flags: key === 'ignore' ? 'iu' : 'u', path, label: ruleLabel(p.data, i), src });
      });
    }
  });
  const slow = slowPattern(probe);
  if (slow !== undefined) {
    const { path, label, src } = probe[slow]!;
    problems.add(
      path,
      `${label}: pattern ${JSON.stringify(src)} takes exponential time on some texts (tried on a test text, it did not finish): make the alternatives inside a repetition unable to match the same text, e.g. (a|b)* rather than (\\w|a)*`,
    );
  }
}

function loadVocabulary(p: Parsed, problems: Problems, vocab: Vocabulary, stack: string[]): void {
  const entities = (p.data.entities as Entity[] | undefined) ?? [];
  entities.forEach((e, i) => {
    if (vocab.entities.some((x) => x.id === e.id)) problems.add(['entities', i, 'id'], `entity id "${e.id}" is defined twice: ids must be unique`);
    vocab.entities.push({ id: e.id, name: e.name, aliases: e.aliases ?? [], ...(e.variants ? { variants: e.variants } : {}), ...(e.kind ? { kind: e.kind } : {}), ...(e.titles ? { titles: e.titles } : {}) });
  });
  const titles = (p.data.titles as Record<string, string[]> | undefined) ?? {};
  for (const [canonical, syn] of Object.entries(titles)) vocab.titles[canonical] = [...(vocab.titles[canonical] ?? []), ...syn];
  const includes = (p.data.include as string[] | undefined) ?? [];
  includes.forEach((inc, i) => {
    const file = resolve(dirname(p.file), inc);
    if (stack.includes(file)) {
      problems.add(['include', i], `include "${inc}" includes itself (through ${stack.map((s) => relative(process.cwd(), s)).join(' → ')})`);
      return;
    }
    let sub: Parsed;
    try {
      sub = readYaml(file, relative(process.cwd(), file) || file);
    } catch (e) {
      problems.add(['include', i], e instanceof Error ? e.message : String(e));
      return;
    }
    const subProblems = new Problems(sub);
    const extra = Object.keys(sub.data).filter((k) => !['entities', 'titles', 'include'].includes(k));
    for (const k of extra) subProblems.add([k], `an included file holds only entities:, titles: and include: (found "${k}")`, true);
    validate(sub, subProblems);
    if (subProblems.list.length === 0) loadVocabulary(sub, subProblems, vocab, [...stack, file]);
    problems.list.push(...subProblems.list);
  });
}

function toExamples(raw: unknown, pos?: (j: number) => SourcePos): RuleExample[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((ex: Record<string, unknown>, j) => {
    const out: RuleExample = { articles: (ex.articles as RuleExample['articles']) ?? [] };
    if (pos) out.pos = pos(j);
    if (ex.name) out.name = String(ex.name);
    if (ex.expect) out.expect = ex.expect as RuleExample['expect'];
    if (ex.expect_none) out.expectNone = true;
    return out;
  });
}

/** The built-in rules alone: what `factlint check DIR` uses when there is no rules file. */
export function defaultConfig(baseDir = process.cwd()): Config {
  const c = parseConfig(resolve(baseDir, DEFAULT_RULES_NAME), DEFAULT_RULES_NAME, DEFAULT_RULES_YAML);
  delete c.file;
  return c;
}

export function parseConfig(file: string, displayName?: string, text?: string): Config {
  const display = displayName ?? (relative(process.cwd(), file) || file);
  const p = readYaml(file, display, text);
  const problems = new Problems(p);
  checkShape(p, problems);
  if (problems.list.length === 0) validate(p, problems);
  if (problems.list.length === 0) checkPatterns(p, problems);
  const vocab: Vocabulary = { entities: [], titles: {} };
  if (problems.list.length === 0) loadVocabulary(p, problems, vocab, [resolve(file)]);
  if (problems.list.length) throw new FactlintError(problems.list.join('\n'));

  const rules: Rule[] = [];
  const rawRules = (p.data.rules as Record<string, unknown>[] | undefined) ?? [];
  rawRules.forEach((r, i) => {
    const t = ruleTypes[String(r.type)]!;
    const { id, type, severity, description, single_source, examples, ...options } = r;
    const first = rawRules.findIndex((x) => x.id === id);
    if (first < i) {
      const at = problems.pos(['rules', first, 'id']);
      problems.add(['rules', i, 'id'], `rule id "${String(id)}" is used twice (first at line ${at.line}): ids must be unique; rename one of them`);
      return;
    }
    for (const [name, def] of Object.entries(t.options)) {
      if (options[name] === undefined && def.default !== undefined) options[name] = structuredClone(def.default);
    }
    const rule: Rule = {
      id: String(id),
      type: String(type),
      severity: (severity as Severity | undefined) ?? t.defaultSeverity,
      singleSource: single_source === true,
      options,
      examples: toExamples(examples, (j) => problems.pos(['rules', i, 'examples', j])),
      pos: problems.pos(['rules', i]),
    };
    if (description) rule.description = String(description);
    try {
      t.prepare?.(rule, vocab);
    } catch (e) {
      if (e instanceof RuleError) {
        const path: Path = ['rules', i, ...(e.field ? e.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [])];
        problems.add(path, `rule "${rule.id}": ${e.message}`);
        return;
      }
      throw e;
    }
    rules.push(rule);
  });
  if (problems.list.length) throw new FactlintError(problems.list.join('\n'));
  if (p.data.extends === 'default') {
    // built-in rules first; a rule of the same id in this file replaces the built-in one
    const defaults = defaultConfig();
    const own = new Set(rules.map((r) => r.id));
    rules.unshift(...defaults.rules.filter((r) => !own.has(r.id)));
    for (const [canonical, syn] of Object.entries(defaults.vocab.titles)) vocab.titles[canonical] ??= syn;
    for (const e of defaults.vocab.entities) if (!vocab.entities.some((x) => x.id === e.id)) vocab.entities.push(e);
  }
  const articlesRaw = p.data.articles;
  const articles = articlesRaw === undefined ? [] : Array.isArray(articlesRaw) ? articlesRaw.map(String) : [String(articlesRaw)];
  return { file, baseDir: dirname(resolve(file)), articles, rules, vocab };
}
