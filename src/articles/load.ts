/**
 * Paths and globs → articles. Metadata comes from YAML front matter or from a
 * sidecar sources.yaml beside the files; the texts themselves are never edited.
 * A file that cannot be read as text (empty, binary, not UTF-8, too large) is
 * skipped with a warning naming it; a path that matches nothing is an error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { didYouMean, editDistance, FactlintError } from '../errors.js';
import { isValidIso, parseReference } from '../normalize/dates.js';
import type { Article, ArticleMeta, Disable } from '../types.js';
import { parseArticle } from './parse.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'];
/** Larger files are skipped: a news article is kilobytes, not megabytes. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface SourceFile {
  /** Absolute path. */
  file: string;
  /** Path to show: relative to the working directory, forward slashes. */
  path: string;
}

export interface LoadResult {
  articles: Article[];
  warnings: string[];
}

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}

/** Expand paths, directories and globs into article files, sorted, without duplicates. */
export function findArticleFiles(patterns: string[], baseDir = process.cwd()): SourceFile[] {
  const files = new Set<string>();
  const fromHere = resolve(baseDir) === resolve(process.cwd());
  for (const pattern of patterns) {
    const abs = resolve(baseDir, pattern);
    // a rules file's articles: are relative to its folder: say where that is
    const shown = fromHere ? pattern : displayPath(abs);
    if (/[*?[\]{}]/.test(pattern)) {
      const matches = globSync(pattern, { cwd: baseDir, absolute: true, onlyFiles: true, followSymbolicLinks: false });
      const articles = matches.filter((m) => ARTICLE_EXTENSIONS.includes(extname(m).toLowerCase()));
      if (articles.length === 0) throw new FactlintError(`${shown}: no article matches this pattern (articles are ${ARTICLE_EXTENSIONS.join(', ')} files)`);
      articles.forEach((m) => files.add(resolve(m)));
      continue;
    }
    if (!existsSync(abs)) throw new FactlintError(`${shown}: no such file or directory`);
    if (statSync(abs).isDirectory()) {
      const matches = globSync(ARTICLE_EXTENSIONS.map((e) => `**/*${e}`), { cwd: abs, absolute: true, onlyFiles: true, followSymbolicLinks: false });
      if (matches.length === 0) throw new FactlintError(`${shown}: the directory holds no article (${ARTICLE_EXTENSIONS.join(', ')} files)`);
      matches.forEach((m) => files.add(resolve(m)));
    } else {
      files.add(abs);
    }
  }
  return [...files].sort().map((file) => ({ file, path: displayPath(file) }));
}

type SidecarEntry = ArticleMeta & { id?: string; disable?: Disable[] };
export type Sidecar = Record<string, SidecarEntry>;

function readSidecar(dir: string, cache: Map<string, Sidecar>, warnings: string[]): Sidecar {
  const hit = cache.get(dir);
  if (hit) return hit;
  let out: Sidecar = {};
  for (const name of ['sources.yaml', 'sources.yml']) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    try {
      const data = parseYaml(readFileSync(file, 'utf8')) as unknown;
      if (data && typeof data === 'object' && !Array.isArray(data)) out = normaliseSidecar(data as Record<string, unknown>, displayPath(file), dir, warnings);
      else warnings.push(`${displayPath(file)}: expected a mapping from file name to metadata; ignored`);
    } catch (e) {
      throw new FactlintError(`${displayPath(file)}: ${(e as Error).message.split('\n')[0]}`);
    }
    break;
  }
  cache.set(dir, out);
  return out;
}

function normaliseSidecar(data: Record<string, unknown>, where: string, dir: string, warnings: string[]): Sidecar {
  const out: Sidecar = {};
  for (const [name, value] of Object.entries(data)) {
    if (!existsSync(join(dir, name))) warnings.push(`${where}: "${name}" names no file in its folder; its metadata is not used`);
    if (!value || typeof value !== 'object') {
      warnings.push(`${where}: "${name}" should hold metadata (published:, outlet:…); ignored`);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!SIDECAR_KEYS.includes(key)) warnings.push(`${where}: "${name}": unknown key "${key}" (ignored).${didYouMean(key, SIDECAR_KEYS)} Keys: ${SIDECAR_KEYS.join(', ')}`);
    }
    const entry: SidecarEntry = cleanMeta(value as Record<string, unknown>);
    const disable = (value as Record<string, unknown>).disable;
    if (disable && typeof disable === 'object') {
      // disable: { rule-id: reason, ... }  or  disable: [rule-id, ...]
      entry.disable = Array.isArray(disable)
        ? disable.map((rule) => ({ rule: String(rule), where }))
        : Object.entries(disable as Record<string, unknown>).map(([rule, reason]) => ({ rule, ...(reason ? { reason: String(reason) } : {}), where }));
    }
    out[name] = entry;
  }
  return out;
}

const DISABLE_COMMENT = /<!--\s*factlint-disable\s+([A-Za-z0-9_.*-]+(?:\s*,\s*[A-Za-z0-9_.*-]+)*)(?:\s+--\s*([\s\S]*?))?\s*-->/g;

/** `<!-- factlint-disable rule-a, rule-b -- reason -->` anywhere in an article. */
export function disableComments(text: string, path: string, firstLine = 1): Disable[] {
  const out: Disable[] = [];
  for (const m of text.matchAll(DISABLE_COMMENT)) {
    const line = firstLine + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
    for (const rule of m[1]!.split(/\s*,\s*/)) {
      out.push({ rule, ...(m[2]?.trim() ? { reason: m[2].trim().replace(/\s+/g, ' ') } : {}), where: `${path}:${line}` });
    }
  }
  return out;
}

const META_KEYS = ['id', 'outlet', 'url', 'published', 'title'] as const;
const SIDECAR_KEYS: string[] = [...META_KEYS, 'disable'];

/**
 * What is wrong with a published date, for a warning: not a date, or a
 * day/month order that is read one way but may mean the other.
 */
export function publishedProblem(published: string): string | undefined {
  const iso = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(published);
  if (iso) return isValidIso(iso[1]!) ? undefined : `published date "${published}" is not a calendar date; the article is compared as undated`;
  const slash = /^\s*(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\s*$/.exec(published);
  const read = parseReference(published);
  if (!read) return `published date "${published}" is not understood (write 2025-06-10 or June 10, 2025); the article is compared as undated`;
  if (slash && Number(slash[1]) <= 12 && Number(slash[2]) <= 12 && slash[1] !== slash[2]) {
    return `published date "${published}" could be day first or month first; it is read as ${read} (write ${read} to say so)`;
  }
  return undefined;
}

/** Front-matter keys that look like a misspelt metadata key ("publshed"): other keys are the site's own (author, tags, site). */
function frontMatterTypos(meta: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(meta)) {
    if ((META_KEYS as readonly string[]).includes(key) || key === 'date') continue;
    // one letter off (or another case): "publshed", "Published"; not a site's own "site", "time", "guid"
    const near = META_KEYS.find((k) => editDistance(key.toLowerCase(), k) <= 1);
    if (near) out.push(`front matter key "${key}" is not one factlint reads (ignored). Did you mean "${near}"?`);
  }
  return out;
}

function cleanMeta(raw: Record<string, unknown>): ArticleMeta & { id?: string } {
  const out: ArticleMeta & { id?: string } = {};
  for (const key of META_KEYS) {
    // `date:` is the published date of static-site front matter (Jekyll, Hugo)
    const v = key === 'published' ? (raw.published ?? raw.date) : raw[key];
    if (v === undefined || v === null) continue;
    out[key] = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  }
  return out;
}

/** Decode bytes as text, or say why they are not an article. */
export function decode(bytes: Buffer): { text?: string; problem?: string } {
  if (bytes.length === 0) return { problem: 'empty file' };
  if (bytes.length > MAX_ARTICLE_BYTES) return { problem: `too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)` };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) return { problem: 'binary file (it contains NUL bytes)' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { problem: 'not valid UTF-8 text (save it as UTF-8)' };
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { problem: 'empty article (only whitespace)' };
  return { text };
}

/** Split YAML front matter from the body. */
export function splitFrontMatter(text: string): { meta: Record<string, unknown>; body: string; offset: number; line: number; problem?: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text, offset: 0, line: 1 };
  const offset = m[0].length;
  const out = { meta: {} as Record<string, unknown>, body: text.slice(offset), offset, line: m[0].split('\n').length };
  try {
    const data = parseYaml(m[1]!) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) out.meta = data as Record<string, unknown>;
    else if (data !== null && data !== undefined) return { ...out, problem: 'front matter is not a mapping (write `key: value` lines); metadata ignored' };
  } catch (e) {
    return { ...out, problem: `front matter is not valid YAML (${(e as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}); metadata ignored` };
  }
  return out;
}

/** Read one article file; undefined (with a warning) when it is not usable text. */
/** The sidecar metadata of one file (empty when there is none). */
export function sidecarEntry(file: string, sidecars: Map<string, Sidecar>, warnings: string[]): SidecarEntry {
  return readSidecar(dirname(file), sidecars, warnings)[basename(file)] ?? {};
}

export function readBytes(src: SourceFile, warnings: string[]): Buffer | undefined {
  try {
    return readFileSync(src.file);
  } catch (e) {
    warnings.push(`${src.path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'}); skipped`);
    return undefined;
  }
}

export function loadArticle(src: SourceFile, sidecars: Map<string, Sidecar>, warnings: string[], given?: Buffer): Article | undefined {
  const bytes = given ?? readBytes(src, warnings);
  if (!bytes) return undefined;
  const { text, problem } = decode(bytes);
  if (problem || text === undefined) {
    warnings.push(`${src.path}: ${problem}; skipped`);
    return undefined;
  }
  const fm = splitFrontMatter(text);
  if (fm.problem) warnings.push(`${src.path}: ${fm.problem}`);
  for (const typo of frontMatterTypos(fm.meta)) warnings.push(`${src.path}: ${typo}`);
  if (!fm.body.trim()) {
    warnings.push(`${src.path}: front matter but no text; skipped`);
    return undefined;
  }
  const side = sidecarEntry(src.file, sidecars, warnings);
  const { disable: sideDisable, ...sideMeta } = side;
  const meta = { ...sideMeta, ...cleanMeta(fm.meta) };
  const { id: metaId, ...rest } = meta;
  const dateProblem = rest.published === undefined ? undefined : publishedProblem(rest.published);
  if (dateProblem) warnings.push(`${src.path}: ${dateProblem}`);
  const id = metaId ?? basename(src.file, extname(src.file));
  const article = parseArticle({ id, path: src.path, text: fm.body, meta: rest, bodyOffset: fm.offset, bodyLine: fm.line });
  const disabled = [...(sideDisable ?? []), ...(text.includes('factlint-disable') ? disableComments(fm.body, src.path, fm.line) : [])];
  if (disabled.length) article.disabled = disabled;
  return article;
}

export function loadArticles(files: SourceFile[]): LoadResult {
  const warnings: string[] = [];
  const sidecars = new Map<string, Sidecar>();
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const a = loadArticle(f, sidecars, warnings);
    if (!a) continue;
    const other = seen.get(a.id);
    if (other) throw new FactlintError(`${a.path}: article id "${a.id}" is already used by ${other}; give one of them another id in its metadata`);
    seen.set(a.id, a.path);
    articles.push(a);
  }
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { articles, warnings };
}
