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
  // flattening the concatenation copies the characters; the slice then holds only that copy
  return s.length > 12 ? (' ' + s).slice(1) : s;
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

/** What a fact says, without where it says it: facts equal but for article and position share one. */
interface Template {
  rule: string;
  subject: Subject;
  value: string;
  display?: string;
  raw: string;
  note?: string;
  data?: Record<string, unknown>;
}

/** Occurrences of one (rule, subject) group: six int32 per fact. */
class Occurrences {
  static readonly STRIDE = 6; // template, article, line, column, offset, end
  buf = new Int32Array(Occurrences.STRIDE * 4);
  n = 0;
  push(template: number, article: number, line: number, column: number, offset: number, end: number): void {
    const at = this.n * Occurrences.STRIDE;
    if (at + Occurrences.STRIDE > this.buf.length) {
      const bigger = new Int32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[at] = template;
    this.buf[at + 1] = article;
    this.buf[at + 2] = line;
    this.buf[at + 3] = column;
    this.buf[at + 4] = offset;
    this.buf[at + 5] = end;
    this.n++;
  }
}

/**
 * What identifies a fact's template: its fields joined (no field holds
 * U+0001), then its data as JSON (evidence inside data made compact first,
 * so that it keys the same whether it came whole or compact).
 */
function templateKey(f: Fact): string {
  let data = '';
  if (f.data) {
    compactNested(f.data);
    data = JSON.stringify(f.data);
  }
  return `${f.rule}\u0001${f.subject.key}\u0001${f.subject.label}\u0001${f.value}\u0001${f.display ?? '\u0002'}\u0001${f.raw}\u0001${f.evidence.note ?? '\u0002'}\u0001${data}`;
}

function compactNested(v: unknown): void {
  if (typeof v !== 'object' || v === null) return;
  if (isEvidence(v)) {
    const ev = v as CompactEvidence;
    if (ev.end === undefined && ev.sentence !== '') {
      ev.end = ev.offset + ev.text.length;
      ev.text = '';
      ev.sentence = '';
    }
    return;
  }
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (typeof x === 'object') compactNested(x);
}

/**
 * Every fact of a run, held compactly until the comparison: what a fact says
 * (a template: rule, subject, value, raw text, note, data) is stored once
 * however many articles say it, and each fact is six numbers (template,
 * article, line, column, offset, end) in the list of its (rule, subject)
 * group. groups() hands out the facts of one group at a time, rebuilt as
 * Fact objects with compact evidence (text and sentence come back for the
 * findings' evidence only: hydrate()).
 */
export class FactStore {
  private interner = new Interner();
  private templates: Template[] = [];
  private byKey = new Map<string, number>();
  private byGroup = new Map<string, Occurrences>();
  private ids: string[] = [];
  private paths: string[] = [];
  count = 0;

  /** How many distinct templates (facts but for where they stand) are held. */
  get templateCount(): number {
    return this.templates.length;
  }

  /** Add one article's facts. */
  add(article: string, path: string, facts: Fact[]): void {
    const a = this.ids.length;
    this.ids.push(this.interner.str(article));
    this.paths.push(this.interner.str(path));
    for (const f of facts) {
      const ev = f.evidence as CompactEvidence;
      const t = this.template(f);
      const key = `${f.rule}\u0000${f.subject.key}`;
      let occ = this.byGroup.get(key);
      if (!occ) this.byGroup.set(key, (occ = new Occurrences()));
      occ.push(t, a, ev.line, ev.column, ev.offset, ev.end ?? ev.offset + ev.text.length);
      this.count++;
    }
  }

  private template(f: Fact): number {
    const key = templateKey(f);
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    const id = this.templates.length;
    const note = f.evidence.note;
    this.templates.push({
      rule: this.interner.str(f.rule),
      subject: this.interner.subject(f.subject),
      value: this.interner.str(f.value),
      ...(f.display !== undefined ? { display: this.interner.str(f.display) } : {}),
      raw: this.interner.str(f.raw),
      ...(note !== undefined ? { note: this.interner.str(note) } : {}),
      ...(f.data ? { data: this.interner.data(f.data) as Record<string, unknown> } : {}),
    });
    this.byKey.set(key, id);
    return id;
  }

  /** The (rule, subject) groups in key order, each as its facts (evidence without text and sentence). */
  *groups(): Generator<Fact[]> {
    for (const key of [...this.byGroup.keys()].sort()) {
      const occ = this.byGroup.get(key)!;
      const facts: Fact[] = [];
      const b = occ.buf;
      for (let i = 0; i < occ.n; i++) {
        const at = i * Occurrences.STRIDE;
        const t = this.templates[b[at]!]!;
        const a = b[at + 1]!;
        const evidence: CompactEvidence = {
          article: this.ids[a]!,
          path: this.paths[a]!,
          line: b[at + 2]!,
          column: b[at + 3]!,
          offset: b[at + 4]!,
          text: '',
          sentence: '',
          ...(t.note !== undefined ? { note: t.note } : {}),
          end: b[at + 5]!,
        };
        facts.push({
          rule: t.rule,
          article: this.ids[a]!,
          subject: t.subject,
          value: t.value,
          ...(t.display !== undefined ? { display: t.display } : {}),
          raw: t.raw,
          evidence,
          ...(t.data ? { data: t.data } : {}),
        });
      }
      yield facts;
    }
  }
}
