/**
 * Keeping facts small between extraction and the report.
 *
 * A run over many articles holds every fact until the comparison, but only the
 * facts a finding cites are ever shown. So once a fact is extracted its
 * evidence drops the two long strings (the sentence and the raw text, which
 * the file still has) and keeps where they are; every other string is shared
 * with equal strings of other facts (a name, a value, a note repeated across
 * articles is held once). After the comparison, hydrate() re-reads the files
 * the findings cite and puts text and sentence back, exactly as extraction
 * made them.
 */
import { loadArticle, readBytes, type Sidecar, type SourceFile } from './articles/load.js';
import { sentenceText } from './articles/parse.js';
import type { Evidence, Fact, Subject } from './types.js';

/** Evidence whose text and sentence were dropped: `end` (in the file) says where the text stops. */
interface CompactEvidence extends Evidence {
  end?: number;
}

const isEvidence = (v: unknown): v is CompactEvidence =>
  typeof v === 'object' && v !== null && typeof (v as Evidence).offset === 'number' && typeof (v as Evidence).sentence === 'string' && typeof (v as Evidence).path === 'string';

/**
 * A fresh flat copy of a string. Slices of an article (V8 "sliced strings")
 * keep the whole article in memory, and strings built piece by piece are
 * trees of pieces; facts held until the report must hold neither.
 */
export function ownCopy(s: string): string {
  return s.length > 12 ? (JSON.parse(JSON.stringify(s)) as string) : s;
}

/** One copy of each distinct string, fact subject and so on. */
export class Interner {
  private strings = new Map<string, string>();
  private subjects = new Map<string, Subject>();

  str(s: string): string {
    let v = this.strings.get(s);
    if (v === undefined) {
      v = ownCopy(s);
      this.strings.set(v, v);
    }
    return v;
  }

  subject(s: Subject): Subject {
    const key = `${s.key}\u0000${s.label}`;
    let v = this.subjects.get(key);
    if (!v) this.subjects.set(key, (v = { key: this.str(s.key), label: this.str(s.label) }));
    return v;
  }

  /** Strings inside a fact's data (values of objects and arrays, recursively); evidence is compacted. */
  data(v: unknown): unknown {
    if (typeof v === 'string') return this.str(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = this.data(v[i]);
      return v;
    }
    if (typeof v === 'object' && v !== null) {
      if (isEvidence(v)) return this.evidence(v);
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = this.data(o[k]);
    }
    return v;
  }

  evidence(ev: CompactEvidence): CompactEvidence {
    if (ev.end === undefined && ev.sentence !== '') {
      ev.end = ev.offset + ev.text.length;
      ev.text = '';
      ev.sentence = '';
    }
    ev.article = this.str(ev.article);
    ev.path = this.str(ev.path);
    if (ev.note !== undefined) ev.note = this.str(ev.note);
    return ev;
  }
}

/** Make facts small in place (see the module comment); returns them. */
export function compactFacts(facts: Fact[], interner: Interner): Fact[] {
  for (const f of facts) {
    f.rule = interner.str(f.rule);
    f.article = interner.str(f.article);
    f.subject = interner.subject(f.subject);
    f.value = interner.str(f.value);
    if (f.display !== undefined) f.display = interner.str(f.display);
    f.raw = interner.str(f.raw);
    f.evidence = interner.evidence(f.evidence);
    if (f.data) interner.data(f.data);
  }
  return facts;
}

/** Every compact evidence object reachable from a value (findings, facts...). */
function collect(v: unknown, out: CompactEvidence[], seen: Set<object>): void {
  if (typeof v !== 'object' || v === null || seen.has(v)) return;
  seen.add(v);
  if (isEvidence(v)) {
    if (v.end !== undefined) out.push(v);
    return;
  }
  if (Array.isArray(v)) for (const x of v) collect(x, out, seen);
  else for (const x of Object.values(v)) collect(x, out, seen);
}

/**
 * Put text and sentence back into the compact evidence reachable from `root`,
 * re-reading each cited file once. A file that can no longer be read (or has
 * changed) leaves its evidence with what the fact itself says.
 */
export function hydrate(root: unknown, files: SourceFile[], warnings: string[] = []): void {
  const pending: CompactEvidence[] = [];
  collect(root, pending, new Set());
  if (!pending.length) return;
  const byPath = new Map<string, CompactEvidence[]>();
  for (const ev of pending) {
    let list = byPath.get(ev.path);
    if (!list) byPath.set(ev.path, (list = []));
    list.push(ev);
  }
  const sources = new Map(files.map((f) => [f.path, f]));
  const sidecars = new Map<string, Sidecar>();
  for (const path of [...byPath.keys()].sort()) {
    const list = byPath.get(path)!;
    const src = sources.get(path);
    const bytes = src ? readBytes(src, warnings) : undefined;
    const article = src && bytes ? loadArticle(src, sidecars, [], bytes) : undefined;
    for (const ev of list) {
      const end = ev.end!;
      delete ev.end;
      if (!article || end - article.bodyOffset > article.text.length) {
        ev.text = '';
        ev.sentence = '';
        continue;
      }
      const start = ev.offset - article.bodyOffset;
      ev.text = ownCopy(article.text.slice(start, end - article.bodyOffset));
      ev.sentence = ownCopy(sentenceText(article, start, end - article.bodyOffset));
    }
  }
}
