/**
 * `factlint init`: a starter rules.yaml for a folder of articles. It lists the
 * proper names the articles share most (for the author to confirm as entities)
 * and, commented out, an example rule of every rule type pointing at the top one.
 *
 * A proper name is a run of 1–4 capitalised words in a sentence ("Marco Rubio",
 * "Department of State"), without a sentence-initial common word, month or
 * weekday, and without the titles in front of it ("Secretary of State Marco
 * Rubio" → "Marco Rubio"). A lone surname joins the one full name it ends
 * ("Rubio" → alias of "Marco Rubio"). Names are ranked by how many articles
 * mention them, then by how often.
 */
import { posix, relative, resolve, sep } from 'node:path';
import { cmp } from '../findings.js';
import { rulesSchema } from '../config/schema.js';
import { ruleTypes } from '../rules/index.js';
import { parseNumber } from '../normalize/numbers.js';
import { ORG_WORDS } from '../normalize/titles.js';
import type { Article, JSONSchema } from '../types.js';
import { foldText } from '../vocab.js';

export interface InitOptions {
  /** The `articles:` value; default: a glob built from the articles' paths. */
  glob?: string;
  /** Folder the rules file will be written in (relative to the working directory), for the default glob. Default: ".". */
  rulesDir?: string;
  /** The `$schema` of the yaml-language-server line. Default: the schema's $id. */
  schema?: string;
  /** How many names to list. Default 15. */
  top?: number;
}

export interface NameCandidate {
  /** The most frequent way it is written. */
  name: string;
  /** Other ways it is written (the surname alone, "U.S." beside "US"...). */
  aliases: string[];
  /** Number of articles mentioning it. */
  articles: number;
  occurrences: number;
  /** A full name whose last word is also written alone (“Marco Rubio” / “Rubio”): likely a person. */
  person?: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun'];
/** Time-zone abbreviations ("16:40 GMT"). */
const ZONES = ['GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'WEST', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT'];
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS, ...ZONES].map((w) => w.toLowerCase()));

/** Words that start sentences (and headlines) without being names. */
const COMMON = new Set(
  `the a an in on at to for from by with of and but or nor so yet as if when while after before during since until although though because
  he she it they we i you his her its their our my your this that these those there here what which who whom whose where why how
  meanwhile however also according earlier later now then today yesterday tomorrow tonight last next some many most all both each
  every no not one two three several such other another more less first second`
    .split(/\s+/)
    .filter(Boolean),
);

/** General titles and honorifics, set aside in front of a name. */
const TITLES = new Set(
  `president vice prime minister ministers secretary chancellor premier governor mayor senator sen rep representative congressman
  congresswoman ambassador envoy spokesperson spokesman spokeswoman press chief general gen lt lieutenant colonel col major maj
  captain capt admiral adm commander director chairman chairwoman chair ceo king queen prince princess sheikh pope cardinal bishop
  archbishop judge justice mr mrs ms dr prof professor sir dame lord lady adviser advisor deputy foreign defence defense interior
  home finance staff officer commissioner inspector superintendent sergeant sgt marshal field`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words that may stand inside a name. */
const PARTICLES = new Set(['of', 'al', 'el', 'bin', 'ibn', 'de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'ul', 'un', 'dos', 'das']);

interface Token {
  text: string;
  start: number;
  end: number;
  /** The run of names cannot continue past this token (possessive, closing quote, full stop...). */
  stop: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.'’‐-]*/gu;
const INITIALISM = /^(?:\p{Lu}\.)+\p{Lu}?$/u;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let t = m[0];
    let stop = false;
    const start = m.index!;
    if (/['’]s$/.test(t)) {
      t = t.slice(0, -2);
      stop = true;
    }
    while (/[.'’‐-]$/.test(t) && !INITIALISM.test(t)) {
      const bare = t.slice(0, -1);
      // "Gen. Munir", "S. Jaishankar": the full stop of a title or an initial does not end the name
      if (!(t.endsWith('.') && (TITLES.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare)))) stop = true;
      t = bare;
    }
    if (!t) continue;
    out.push({ text: t, start, end: start + m[0].length, stop });
  }
  return out;
}

/** A capitalised word that may be part of a name: not a month, weekday, time zone, common word or number word ("Seven"). */
function capitalised(t: string): boolean {
  return /^\p{Lu}/u.test(t) && !CALENDAR.has(t.toLowerCase()) && !COMMON.has(t.toLowerCase()) && parseNumber(t) === undefined;
}

/** "Valmont International Airport", "Police": a name ending in an organisation or place word names no person. */
function endsInOrgWord(name: string): boolean {
  return ORG_WORDS.has(foldText(name).split(' ').pop()!);
}

function isTitle(t: string): boolean {
  return TITLES.has(t.replace(/\.$/, '').toLowerCase());
}

/** Name key: folded, without dots, initials or a leading "the". */
export function nameKey(name: string): string {
  const words = foldText(name).replace(/\./g, '').split(/[\s]+/).filter(Boolean);
  const noInitials = words.length > 1 ? words.filter((w) => w.length > 1) : words;
  return noInitials.join(' ');
}

/** Runs of capitalised words in one sentence, titles set aside. */
export interface CorpusWords {
  /** Words seen written in lower case ("during", "underlined"). */
  lowerSeen: Set<string>;
  /** Words seen capitalised away from the start of a sentence. */
  midCap: Set<string>;
}

function isInitial(text: string, tokens: Token[], i: number): boolean {
  const tok = tokens[i]!;
  const prev = tokens[i - 1];
  return i === 0 || /["“‘(:;—–]\s*$/.test(text.slice(0, tok.start)) || (prev !== undefined && /[.!?]\s*$/.test(text.slice(prev.end, tok.start)));
}

/** Which words the articles write in lower case, and which capitalised mid-sentence. */
export function corpusWords(articles: Article[]): CorpusWords {
  const lowerSeen = new Set<string>();
  const midCap = new Set<string>();
  for (const a of articles) {
    for (const m of a.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}’'-]*/gu)) lowerSeen.add(m[0]);
    for (const s of a.sentences) {
      const tokens = tokenize(s.text);
      tokens.forEach((t, i) => {
        if (/^\p{Lu}/u.test(t.text) && !isInitial(s.text, tokens, i)) midCap.add(t.text);
      });
    }
  }
  return { lowerSeen, midCap };
}

export function namesInSentence(text: string, words: CorpusWords): string[] {
  const { lowerSeen, midCap } = words;
  const tokens = tokenize(text);
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length && !capitalised(run[run.length - 1]!.text)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  tokens.forEach((tok, i) => {
    const prev = tokens[i - 1];
    const gap = prev ? text.slice(prev.end, tok.start) : '';
    const initial = isInitial(text, tokens, i);
    if (prev && (prev.stop || !/^[ \t\u00a0]+$/.test(gap))) flush();
    const before = text[tok.start - 1];
    if (before === '@' || before === '#' || /^\p{N}/u.test(tok.text)) {
      flush();
      return;
    }
    const next = tokens[i + 1];
    if (capitalised(tok.text)) {
      // "Live: Nordavia jet…": punctuation after the word also leaves it alone
      const alone = !next || !capitalised(next.text) || tok.stop || !/^[ \t\u00a0]+$/.test(text.slice(tok.end, next.start));
      // a sentence-initial word never capitalised mid-sentence is a common word when it stands alone
      // ("During", "Relatives", "Fourteen"), or when it is written in lower case elsewhere or reads
      // like a verb or adverb ("Underlined India")
      const lower = tok.text.toLowerCase();
      if (initial && run.length === 0 && !midCap.has(tok.text)) {
        if (alone) return;
        if (!alone && (lowerSeen.has(lower) || /\p{Ll}(?:ed|ing|ly)$/u.test(tok.text))) return;
      }
      run.push(tok);
    } else if (run.length && PARTICLES.has(tok.text) && next && capitalised(next.text) && !tok.stop) {
      run.push(tok);
    } else {
      flush();
    }
  });
  flush();

  const names: string[] = [];
  for (const r of runs) {
    // mark titles: a title word, and "of X" after one ("Secretary of State", "Chief of Army Staff")
    const title = r.map((t) => isTitle(t.text));
    for (let i = 0; i < r.length; i++) {
      if (title[i] && r[i + 1]?.text === 'of' && r[i + 2]) {
        title[i + 1] = true;
        title[i + 2] = true;
      }
      // "Department of Justice": a title word after a plain "of" names a department
      if (title[i] && i > 1 && r[i - 1]!.text === 'of' && !title[i - 1]) title[i] = false;
    }
    let seg: Token[] = [];
    const segs: { tokens: Token[]; beforeTitle: boolean }[] = [];
    for (let i = 0; i <= r.length; i++) {
      if (i === r.length || title[i]) {
        if (seg.length) segs.push({ tokens: seg, beforeTitle: i < r.length });
        seg = [];
      } else seg.push(r[i]!);
    }
    for (const s of segs) {
      if (s.beforeTitle) continue; // "US" / "External Affairs" in front of a title describe the title
      const toks = s.tokens;
      while (toks.length && !capitalised(toks[0]!.text)) toks.shift();
      while (toks.length && !capitalised(toks[toks.length - 1]!.text)) toks.pop();
      if (toks.length === 0 || toks.length > 4) continue;
      if (toks.length === 1 && (toks[0]!.text.length < 2 || /^\p{Lu}\.?$/u.test(toks[0]!.text))) continue;
      names.push(text.slice(toks[0]!.start, toks[toks.length - 1]!.start + toks[toks.length - 1]!.text.length));
    }
  }
  return names;
}

const PERSONLIKE_WORD = /^(?:\p{Lu}\p{Ll}+|\p{Lu}\.?)$/u;

/** The proper names the articles share most, by number of articles then occurrences. */
export function frequentNames(articles: Article[], top = 15): NameCandidate[] {
  const words = corpusWords(articles);

  interface Acc {
    surfaces: Map<string, number>;
    /** Each word's spellings (by folded word) and the articles writing each: "Lefèvre" / "Lefevre". */
    spellings: Map<string, Map<string, Set<string>>>;
    articles: Set<string>;
    occurrences: number;
    person?: boolean;
  }
  const acc = new Map<string, Acc>();
  for (const a of articles) {
    for (const s of a.sentences) {
      for (const n of namesInSentence(s.text, words)) {
        const surface = n.replace(/\s+/g, ' ');
        const key = nameKey(surface);
        if (!key) continue;
        let c = acc.get(key);
        if (!c) acc.set(key, (c = { surfaces: new Map(), spellings: new Map(), articles: new Set(), occurrences: 0 }));
        c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
        for (const w of surface.split(' ')) {
          const byWord = c.spellings.get(foldText(w)) ?? new Map<string, Set<string>>();
          c.spellings.set(foldText(w), byWord.set(w, (byWord.get(w) ?? new Set()).add(a.id)));
        }
        c.articles.add(a.id);
        c.occurrences++;
      }
    }
  }
  // a lone surname joins the one person-like full name it ends
  const keys = [...acc.keys()];
  for (const k of keys) {
    if (k.includes(' ')) continue;
    const full = keys.filter((f) => {
      if (f === k || !acc.has(f) || !f.endsWith(` ${k}`) || endsInOrgWord(f)) return false;
      const surface = [...acc.get(f)!.surfaces.keys()][0]!;
      return surface.split(' ').every((w) => PERSONLIKE_WORD.test(w));
    });
    if (full.length !== 1) continue;
    const into = acc.get(full[0]!)!;
    const from = acc.get(k)!;
    // "Underlined India" does not take "India": the full name must be common in its own right
    if (into.articles.size * 2 < from.articles.size) continue;
    for (const [s, n] of from.surfaces) into.surfaces.set(s, (into.surfaces.get(s) ?? 0) + n);
    for (const [w, byWord] of from.spellings) {
      const to = into.spellings.get(w) ?? new Map<string, Set<string>>();
      for (const [spelling, ids] of byWord) to.set(spelling, new Set([...(to.get(spelling) ?? []), ...ids]));
      into.spellings.set(w, to);
    }
    for (const id of from.articles) into.articles.add(id);
    into.occurrences += from.occurrences;
    into.person = true;
    acc.delete(k);
  }
  const out: NameCandidate[] = [];
  for (const c of acc.values()) {
    const first = [...c.surfaces.keys()][0]!;
    if (!first.includes(' ') && endsInOrgWord(first)) continue; // "Police", "Airport": a common noun
    // each word as most articles write it: "Lefevre" in one article and "Lefèvre" in three give "Lefèvre"
    const respell = (surface: string): string =>
      surface
        .split(' ')
        .map((w) => {
          const byWord = c.spellings.get(foldText(w))!;
          let best = w;
          for (const [spelling, ids] of byWord) if (ids.size > byWord.get(best)!.size) best = spelling;
          return best;
        })
        .join(' ');
    // the name is the most frequent of the longest forms (a full name rather than the surname)
    const forms = [...c.surfaces.entries()].sort(
      (a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || cmp(a[0], b[0]),
    );
    const maxWords = forms[0]![0].split(' ').length;
    const name = respell(forms.filter((f) => f[0].split(' ').length === maxWords).sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]![0]);
    const aliases: string[] = [];
    const seen = new Set([foldText(name)]);
    for (const [s] of [...c.surfaces.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))) {
      if (seen.has(foldText(s))) continue;
      seen.add(foldText(s));
      aliases.push(respell(s));
    }
    // "S Jaishankar": an initial before a surname also marks a person
    const initialled = [...c.surfaces.keys()].some((f) => /^(?:\p{Lu}\.? )+\p{Lu}\p{Ll}+$/u.test(f));
    out.push({ name, aliases, articles: c.articles.size, occurrences: c.occurrences, ...(c.person || initialled ? { person: true } : {}) });
  }
  out.sort((a, b) => b.articles - a.articles || b.occurrences - a.occurrences || cmp(a.name, b.name));
  return out.slice(0, top);
}

export function slug(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A YAML scalar: plain when safe, else double-quoted. */
function q(s: string): string {
  if (/^[\p{L}][\p{L}\p{N} .’'‐-]*$/u.test(s) && !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(s) && !/[ .]$/.test(s)) return s;
  return JSON.stringify(s);
}

/** Default `articles:` glob: the articles' common folder and extensions, relative to the rules folder. */
export function articlesGlob(articles: Article[], rulesDir = '.'): string {
  if (articles.length === 0) return '*.md';
  const paths = articles.map((a) => posix.normalize(a.path.replace(/\\/g, '/')));
  const dirs = paths.map((p) => posix.dirname(p));
  let common = dirs[0]!.split('/');
  for (const d of dirs.slice(1)) {
    const parts = d.split('/');
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  const commonDir = common.join('/') || '.';
  const nested = dirs.some((d) => d !== commonDir);
  const exts = [...new Set(paths.map((p) => posix.extname(p).slice(1).toLowerCase()).filter(Boolean))].sort();
  const ext = exts.length === 0 ? '*' : exts.length === 1 ? `*.${exts[0]}` : `*.{${exts.join(',')}}`;
  const rel = relative(resolve(rulesDir), resolve(commonDir)).split(sep).join('/') || '.';
  const dir = rel === '.' ? '' : `${rel}/`;
  return `${dir}${nested ? '**/' : ''}${ext}`;
}

interface Target {
  id: string;
  name: string;
}

/** Does this option take entity ids? (`subject`, or “Ids of … entities”.) */
function entityOption(name: string, def: JSONSchema): boolean {
  const d = String(def.description ?? '');
  return name === 'subject' || (/\bentit(?:y|ies)\b/i.test(d) && /\bids?\b/i.test(d));
}

/** Commented-out example rule lines of one type, pointing at the top entity (the top person for options about people). */
function exampleRule(type: string, top: Target, person: Target): string[] {
  const t = ruleTypes[type]!;
  const required = t.required ?? [];
  const body: string[] = [];
  let about: Target | undefined;
  switch (type) {
    case 'count':
      about = top;
      body.push(
        `    description: How many people were killed, in sentences about ${top.name}.`,
        `    subject: ${top.id}`,
        '    unit: people',
        '    unit_words: [people, civilians]',
        '    cues: [killed, dead, died]',
        `    label: people killed (${top.name})`,
      );
      break;
    default: {
      for (const [name, def] of Object.entries(t.options)) {
        const isEntity = entityOption(name, def);
        const aboutPeople = /^(?:people|persons?|speakers?)$/.test(name) || /^ids? of (?:the )?(?:person|people|speakers?)\b|\(people\b/i.test(String(def.description ?? ''));
        // required options, the subject, and the people a rule watches; other entity lists keep their defaults
        if (!required.includes(name) && !(isEntity && (name === 'subject' || aboutPeople))) continue;
        const target = isEntity && aboutPeople ? person : top;
        if (isEntity) about ??= target;
        body.push(`    ${name}: ${placeholder(def, isEntity ? target.id : undefined)}`);
      }
      body.unshift(`    description: TODO what this rule checks${about ? ` about ${about.name}` : ''}`);
    }
  }
  const lines = [`  # ${type}: ${t.summary}`, `  - id: ${about ? `${slug(about.name) || 'subject'}-${type}` : `${type}-check`}`, `    type: ${type}`, ...body];
  const optional = Object.keys(t.options).filter((o) => !body.some((l) => l.startsWith(`    ${o}:`)));
  if (optional.length) lines.push(`    # other options: ${optional.join(', ')} (see docs/rules/${type}.md)`);
  lines.push(...exampleBlock(type, top.name));
  return lines.map((l) => `# ${l}`);
}

function placeholder(def: JSONSchema, entityId: string | undefined): string {
  if (entityId) return def.type === 'array' ? `[${entityId}]` : entityId;
  if (def.default !== undefined) return JSON.stringify(def.default);
  if (Array.isArray(def.enum) && def.enum.length) return JSON.stringify(def.enum[0]);
  switch (def.type) {
    case 'array':
      return '[TODO]';
    case 'integer':
    case 'number':
      return String(def.minimum ?? 1);
    case 'boolean':
      return 'false';
    default:
      return 'TODO';
  }
}

function exampleBlock(type: string, entityName: string): string[] {
  if (type !== 'count') return [];
  return [
    '    examples:',
    '      - name: a different toll is a contradiction',
    '        articles:',
    `          - { id: a, text: ${JSON.stringify(`${entityName}: 12 people were killed.`)} }`,
    `          - { id: b, text: ${JSON.stringify(`${entityName}: 14 people were killed.`)} }`,
    '        expect:',
    '          - { kind: contradiction, values: ["12 people", "14 people"] }',
  ];
}

/** The text of a starter rules.yaml for these articles. */
export function initRules(articles: Article[], options: InitOptions = {}): string {
  const schema = options.schema ?? String(rulesSchema().$id);
  const glob = options.glob ?? articlesGlob(articles, options.rulesDir);
  const names = frequentNames(articles, options.top ?? 15);
  const lines: string[] = [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    `# Starter rules written by \`factlint init\` from ${articles.length} article${articles.length === 1 ? '' : 's'}.`,
    '# The entities below are the proper names these articles share most: keep the',
    '# ones your rules talk about, fix their names, add the other ways the articles',
    '# write them to aliases:, set kind:, and delete the rest. Then uncomment a rule,',
    '# adapt it, and run `factlint test` (its examples) and `factlint check`.',
    '',
    `articles: ${q(glob)}`,
    '',
  ];
  const ids = new Set<string>();
  const entities: { id: string; name: string; person: boolean }[] = [];
  if (names.length) {
    lines.push('entities:');
    for (const n of names) {
      let id = slug(n.name) || `entity-${entities.length + 1}`;
      if (!/^[a-z0-9]/.test(id)) id = `e-${id}`;
      let unique = id;
      for (let i = 2; ids.has(unique); i++) unique = `${id}-${i}`;
      ids.add(unique);
      entities.push({ id: unique, name: n.name, person: n.person === true });
      lines.push(`  - id: ${unique} # in ${n.articles} article${n.articles === 1 ? '' : 's'} (${n.occurrences} mention${n.occurrences === 1 ? '' : 's'})`);
      lines.push(`    name: ${q(n.name)}`);
      if (n.aliases.length) lines.push(`    aliases: [${n.aliases.map(q).join(', ')}]`);
      if (n.person) lines.push(`    kind: person # a guess (a first name or initial, and the surname alone): check`);
    }
  } else {
    lines.push('# No proper name was found in the articles: define entities yourself.', 'entities: []');
  }
  lines.push('');
  const target = entities[0] ?? { id: 'my-event', name: 'My event' };
  const person = entities.find((e) => e.person) ?? target;
  lines.push('# Example rules, one of each type, about the most mentioned name. To use one,');
  lines.push('# uncomment `rules:` and the rule (remove the leading "# "), then adapt it.');
  if (!entities[0]) lines.push(`# (define an entity with id ${target.id} first)`);
  lines.push('# rules:');
  for (const type of Object.keys(ruleTypes).sort()) {
    lines.push('#');
    lines.push(...exampleRule(type, target, person));
  }
  return `${lines.join('\n')}\n`;
}
