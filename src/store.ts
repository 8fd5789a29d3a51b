/**
 * Keeping facts small between extraction and the report.
 *
 * A run over many articles holds every fact until the comparison, but only the
 * facts a finding cites are ever shown. So a fact is held as numbers: the id
 * of its template (what it says, held once however many articles say it) and
 * where it stands (article, offsets). Its line, column, sentence and raw text
 * stay in the file. After the comparison, hydrate() re-reads the files the
 * findings cite and puts text and sentence back, exactly as extraction made
 * them.
 */
import { decode, loadArticle, readBytes, type Sidecar, type SourceFile } from './articles/load.js';
import { lineStartsOf, locate, oneLine, sentenceText } from './articles/parse.js';
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

/**
 * Every compact evidence object reachable from a value (findings, facts...);
 * one cited twice is listed twice. `seen` holds only what is not evidence
 * (a run can cite a million facts).
 */
function collect(v: unknown, out: CompactEvidence[], seen: Set<object>): void {
  if (typeof v !== 'object' || v === null) return;
  if (isEvidence(v)) {
    if (v.end !== undefined) out.push(v);
    return;
  }
  if (seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) for (const x of v) collect(x, out, seen);
  else for (const x of Object.values(v)) collect(x, out, seen);
}

/**
 * Put line, column, text and sentence back into the compact evidence reachable from `root`,
 * re-reading each cited file once. Where `sentences` knows where the
 * article's sentences are, the file is only decoded, not parsed again. A
 * file that can no longer be read (or has changed) leaves its evidence with
 * what the fact itself says.
 */
export function hydrate(root: unknown, files: SourceFile[], warnings: string[] = [], sentences: (path: string) => Int32Array | undefined = () => undefined): void {
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
  // articles that share sentences (syndicated copy, corrections) share one copy of each
  const shared = new Map<string, string>();
  const own = (x: string): string => {
    let v = shared.get(x);
    if (v === undefined) shared.set((v = ownCopy(x)), v);
    return v;
  };
  for (const path of [...byPath.keys()].sort()) {
    const list = byPath.get(path)!;
    const src = sources.get(path);
    const bytes = src ? readBytes(src, warnings) : undefined;
    const quote = bytes && src ? quoter(src, bytes, sentences(path), sidecars) : undefined;
    for (const ev of list) {
      const end = ev.end;
      // listed twice (cited twice)
      if (end === undefined) continue;
      delete ev.end;
      const q = quote?.(ev.offset, end);
      ev.text = q ? own(q.text) : '';
      ev.sentence = q ? own(q.sentence) : '';
      if (q) {
        ev.line = q.line;
        ev.column = q.column;
      }
    }
  }
}

interface Quoted {
  text: string;
  sentence: string;
  line: number;
  column: number;
}

/**
 * The raw text between two file offsets, the one-line sentence around it and
 * where it starts (line and column), as extraction gave them; undefined when
 * the file no longer has them. With the sentences' bounds known, the file is
 * only decoded; else it is parsed.
 */
function quoter(src: SourceFile, bytes: Buffer, bounds: Int32Array | undefined, sidecars: Map<string, Sidecar>): ((start: number, end: number) => Quoted | undefined) | undefined {
  if (bounds) {
    const text = decode(bytes).text;
    if (text === undefined) return undefined;
    // the file's lines start where its body's do (front matter ends with a line break)
    const lines = { lineStarts: lineStartsOf(text), bodyLine: 1 };
    return (start, end) => {
      if (end > text.length) return undefined;
      const { line, column } = locate(lines, start);
      let lo = 0;
      let hi = bounds.length / 2 - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (start < bounds[2 * mid]!) hi = mid - 1;
        else if (start >= bounds[2 * mid + 1]!) lo = mid + 1;
        else return { text: text.slice(start, end), sentence: oneLine(text.slice(bounds[2 * mid], bounds[2 * mid + 1])), line, column };
      }
      return { text: text.slice(start, end), sentence: text.slice(start, end).replace(/\s+/g, ' '), line, column };
    };
  }
  const article = loadArticle(src, sidecars, [], bytes);
  if (!article) return undefined;
  const body = article.bodyOffset;
  return (start, end) =>
    end - body > article.text.length
      ? undefined
      : { text: article.text.slice(start - body, end - body), sentence: sentenceText(article, start - body, end - body), ...locate(article, start - body) };
}

/** Stands for an evidence object inside a fact's data, in a template: its note, or 0. */
const SLOT = '\u0000evidence';

/** Whether a fact's data holds evidence objects (most data does not: then it is JSON as it is). */
function holdsEvidence(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (isEvidence(v)) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (typeof x === 'object' && holdsEvidence(x)) return true;
    return false;
  }
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'object' && holdsEvidence(x)) return true;
  }
  return false;
}

/** Where an evidence object stands (file offsets of its start and end), pushed to `positions`. */
function pushSpan(ev: CompactEvidence, positions: number[]): void {
  positions.push(ev.offset, ev.end ?? ev.offset + ev.text.length);
}

/**
 * A fact's data as the template holds it: JSON with each evidence object a
 * slot; its own position, then each slot's, go to `positions`.
 */
function templateData(f: Fact, positions: number[]): string {
  pushSpan(f.evidence, positions);
  if (!f.data) return '';
  return holdsEvidence(f.data)
    ? JSON.stringify(f.data, (_k: string, v: unknown): unknown => {
        if (!isEvidence(v)) return v;
        pushSpan(v, positions);
        return { [SLOT]: v.note ?? 0 };
      })
    : JSON.stringify(f.data);
}

/**
 * What a fact says, without where it says it, as one string (its template
 * key): the lengths of rule, subject key, label, value, display, raw text and
 * note (-1: none), then those fields as they are, then `data`
 * (templateData()). Lengths instead of separators: no field needs escaping,
 * so the key costs a copy and no scan.
 */
function keyOf(f: Fact, data: string): string {
  const { rule, subject, value, display, raw } = f;
  const note = f.evidence.note;
  return `${rule.length},${subject.key.length},${subject.label.length},${value.length},${display?.length ?? -1},${raw.length},${note?.length ?? -1}:${rule}${subject.key}${subject.label}${value}${display ?? ''}${raw}${note ?? ''}${data}`;
}

/**
 * Whether template `t` says what fact `f` says; its subject key and raw text
 * are known to match. The data is compared as values, not as JSON text:
 * building the text for every fact cost more than the rest of encoding. The
 * positions of the fact and of each evidence slot go to `positions`.
 */
function sameTemplate(t: Fields, f: Fact, positions: number[]): boolean {
  if (t.value !== f.value || t.rule !== f.rule || t.label !== f.subject.label || t.display !== f.display || t.note !== f.evidence.note) return false;
  positions.length = 0;
  pushSpan(f.evidence, positions);
  if (!f.data) return t.data === '';
  return t.data !== '' && sameData(t.parsed ??= JSON.parse(t.data) as unknown, f.data, positions);
}

/**
 * Whether `v` serialises (templateData()) to the JSON that parsed to `t`.
 * Plain JSON values only: anything else (a Date, a Map, NaN) says no, and the
 * fact's template is then found by its key.
 */
function sameData(t: unknown, v: unknown, positions: number[]): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return t === v;
    case 'number':
      return Number.isFinite(v) && t === v;
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return t === null;
  if (typeof t !== 'object' || t === null) return false;
  if (isEvidence(v)) {
    if ((t as Record<string, unknown>)[SLOT] !== (v.note ?? 0)) return false;
    pushSpan(v, positions);
    return true;
  }
  if (Array.isArray(v)) {
    if (!Array.isArray(t) || t.length !== v.length) return false;
    for (let i = 0; i < v.length; i++) if (!sameData(t[i], v[i], positions)) return false;
    return true;
  }
  if (Array.isArray(t) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const tk = Object.keys(t);
  let i = 0;
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    if (tk[i] !== k || !sameData((t as Record<string, unknown>)[k], x, positions)) return false;
    i++;
  }
  return i === tk.length;
}

/** Whether a string read back (from the cache) is a template key templateOf() can read. */
function wellFormed(key: string): boolean {
  const colon = key.indexOf(':');
  if (colon < 0) return false;
  const lengths = key.slice(0, colon).split(',').map(Number);
  if (lengths.length !== 7 || !lengths.every((n, i) => Number.isInteger(n) && n >= (i === 4 || i === 6 ? -1 : 0))) return false;
  const data = key.length - colon - 1 - lengths.reduce((sum, n) => sum + Math.max(0, n), 0);
  if (data < 0) return false;
  try {
    if (data > 0) JSON.parse(key.slice(key.length - data));
    return true;
  } catch {
    return false;
  }
}

/** The fields of a template key (keyOf()); `data` is the JSON text, '' when none. */
type Fields = { rule: string; subjectKey: string; label: string; value: string; display?: string; raw: string; note?: string; data: string; parsed?: unknown };

function templateFields(key: string): Fields {
  const colon = key.indexOf(':');
  const lengths = key.slice(0, colon).split(',').map(Number);
  let at = colon + 1;
  const next = (n: number): string | undefined => {
    if (n < 0) return undefined;
    const v = key.slice(at, at + n);
    at += n;
    return v;
  };
  const [rule, subjectKey, label, value, display, raw, note] = lengths.map(next) as string[];
  return { rule: rule!, subjectKey: subjectKey!, label: label!, value: value!, ...(display !== undefined ? { display } : {}), raw: raw!, ...(note !== undefined ? { note } : {}), data: key.slice(at) };
}

/**
 * Facts as numbers: each distinct template (keyOf) gets an id the
 * first time it is seen, and each fact becomes
 * [template, slots, offset, end, then offset and end per slot] (offsets in the file).
 * Worker threads encode their facts this way and send the numbers with the
 * templates the main thread has not been sent yet.
 */
export class FactEncoder {
  /**
   * Template ids by subject key, then raw text (short: cheap to hash); the
   * candidates are then compared field by field, so that a fact whose
   * template is known (nearly all) costs no key.
   */
  private near = new Map<string, Map<string, number | number[]>>();
  /** Template keys by id. */
  readonly keys: string[] = [];
  /** Their fields (slices of the key), by id. */
  private fields: Fields[] = [];

  /** Ids of whole keys that came as text (from a worker thread or the cache): flat already, cheap to hash. */
  private byKey = new Map<string, number>();

  /**
   * Let go of the lookups (the run is done encoding) and of each template
   * in `done` once its facts are rebuilt: their ids stay, their text goes.
   */
  forget(done: Iterable<number> = []): void {
    this.near.clear();
    this.byKey.clear();
    this.fields = [];
    for (const id of done) this.keys[id] = '';
  }

  /** The id of a key that came whole (learn(), recode()). */
  idOfKey(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) this.byKey.set(key, (id = this.id(key)));
    return id;
  }

  /** Templates with this subject key and raw text: an id, a list of ids, or undefined. */
  private candidates(subjectKey: string, raw: string): number | number[] | undefined {
    return this.near.get(subjectKey)?.get(raw);
  }

  /** The id of a template key. */
  id(key: string): number {
    const fields = templateFields(key);
    const hit = this.candidates(fields.subjectKey, fields.raw);
    if (hit !== undefined) {
      if (typeof hit === 'number') {
        if (this.keys[hit] === key) return hit;
      } else {
        for (const id of hit) if (this.keys[id] === key) return id;
      }
    }
    return this.add(key, hit);
  }

  /** A new template; `hit`: the candidates with its subject key and raw text. */
  private add(key: string, hit: number | number[] | undefined): number {
    const id = this.keys.length;
    // a flat copy: the key was built from pieces
    const own = ownCopy(key);
    const fields = templateFields(own);
    this.keys.push(own);
    this.fields.push(fields);
    if (hit === undefined) {
      let byRaw = this.near.get(fields.subjectKey);
      if (!byRaw) this.near.set(fields.subjectKey, (byRaw = new Map()));
      byRaw.set(fields.raw, id);
    } else if (typeof hit === 'number') this.near.get(fields.subjectKey)!.set(fields.raw, [hit, id]);
    else hit.push(id);
    return id;
  }

  /** The id of a fact's template; its positions (its own, then each evidence slot's) go to `positions`. */
  private idOfFact(f: Fact, positions: number[]): number {
    const hit = this.candidates(f.subject.key, f.raw);
    if (hit !== undefined) {
      if (typeof hit === 'number') {
        if (sameTemplate(this.fields[hit]!, f, positions)) return hit;
      } else {
        for (const id of hit) if (sameTemplate(this.fields[id]!, f, positions)) return id;
      }
    }
    positions.length = 0;
    return this.add(keyOf(f, templateData(f, positions)), hit);
  }

  encode(facts: Fact[]): Int32Array {
    const out: number[] = [];
    const positions: number[] = [];
    for (const f of facts) {
      const id = this.idOfFact(f, positions);
      out.push(id, positions.length / 2 - 1);
      for (const n of positions) out.push(n);
    }
    return Int32Array.from(out);
  }

  /**
   * Facts encoded against `keys` (a cache entry's own templates, see
   * localForm()) as numbers of this encoder; undefined when they do not fit
   * together (a damaged entry).
   */
  recode(keys: unknown, ints: unknown): Int32Array | undefined {
    if (!Array.isArray(keys) || !Array.isArray(ints) || !keys.every((k) => typeof k === 'string' && (this.byKey.has(k) || wellFormed(k)))) return undefined;
    const out = Int32Array.from(ints as number[]);
    for (let at = 0; at < out.length; ) {
      const t = out[at]!;
      const next = at + 2 + 2 * (out[at + 1]! + 1);
      if (t < 0 || t >= keys.length || out[at + 1]! < 0 || next > out.length) return undefined;
      at = next;
    }
    const ids = keys.map((k: string) => this.idOfKey(k));
    for (let at = 0; at < out.length; at += 2 + 2 * (out[at + 1]! + 1)) out[at] = ids[out[at]!]!;
    return out;
  }

  /** Facts this encoder encoded, with their own list of templates: what a cache entry holds. */
  localForm(ints: Int32Array): { keys: string[]; facts: number[] } {
    const local = new Map<number, number>();
    const keys: string[] = [];
    const facts = [...ints];
    for (let at = 0; at < facts.length; at += 2 + 2 * (facts[at + 1]! + 1)) {
      const t = facts[at]!;
      let l = local.get(t);
      if (l === undefined) {
        local.set(t, (l = keys.length));
        keys.push(this.keys[t]!);
      }
      facts[at] = l;
    }
    return { keys, facts };
  }
}

/**
 * Facts back from their cache form (localForm()) for the article at `src`:
 * whole, evidence text and sentence read from the file again.
 */
export function decodeFacts(keys: string[], ints: Int32Array, info: { id: string; path: string }, src: SourceFile, sentences: Int32Array | undefined, warnings: string[]): Fact[] {
  const templates = keys.map((k) => templateOf(k));
  const facts: Fact[] = [];
  for (let at = 0; at < ints.length; ) {
    const t = templates[ints[at]!]!;
    facts.push(factAt(t.rule, t, ints, at + 2, info.id, info.path));
    at += 2 + 2 * (ints[at + 1]! + 1);
  }
  hydrate(facts, [src], warnings, () => sentences);
  return facts;
}

/** `buf` with room for `need` values after its first `used` (a bigger copy when full). */
function room(buf: Int32Array<ArrayBuffer>, used: number, need: number): Int32Array<ArrayBuffer> {
  if (used + need <= buf.length) return buf;
  const bigger = new Int32Array(Math.max(buf.length * 2, used + need));
  bigger.set(buf.subarray(0, used));
  return bigger;
}

/** The facts of one (rule, subject) group: records of [template, article, slots, offset, end, ...per slot]. */
class Group {
  buf = new Int32Array(64);
  n = 0;
  constructor(
    readonly rule: string,
    readonly key: string,
  ) {}

  /** Copy one encoded fact (ints[at...]), with the article's number and the template's id here. */
  push(template: number, article: number, ints: Int32Array, at: number): number {
    const slots = ints[at + 1]!;
    const len = 3 + 2 * (slots + 1);
    const b = (this.buf = room(this.buf, this.n, len));
    b[this.n] = template;
    b[this.n + 1] = article;
    b[this.n + 2] = slots;
    b.set(ints.subarray(at + 2, at + 2 + 2 * (slots + 1)), this.n + 3);
    this.n += len;
    return at + 2 + 2 * (slots + 1);
  }
}

interface Template {
  rule: string;
  subject: Subject;
  value: string;
  display?: string;
  raw: string;
  note?: string;
  data?: Record<string, unknown>;
  /** Whether data holds slots (then every fact gets its own copy). */
  slots: boolean;
}

/** A template key's fields, data parsed; `subjectKey` is shared by every template of its group. */
function templateOf(key: string, subjectKey?: string): Template {
  const f = templateFields(key);
  return {
    rule: f.rule,
    subject: { key: subjectKey ?? f.subjectKey, label: f.label },
    value: f.value,
    ...(f.display !== undefined ? { display: f.display } : {}),
    raw: f.raw,
    ...(f.note !== undefined ? { note: f.note } : {}),
    ...(f.data ? { data: JSON.parse(f.data) as Record<string, unknown> } : {}),
    slots: f.data.includes(JSON.stringify(SLOT)),
  };
}

/** Compact evidence in `article` (at `path`) from the offsets at b[i] (line and column come with hydrate()). */
function place(b: ArrayLike<number>, i: number, article: string, path: string, note: string | undefined): CompactEvidence {
  const ev: CompactEvidence = { article, path, line: 0, column: 0, offset: b[i]!, text: '', sentence: '' };
  if (note !== undefined) ev.note = note;
  ev.end = b[i + 1]!;
  return ev;
}

/** A copy of template data with each slot filled with the next evidence's positions (b[at.next...]). */
function fill(v: unknown, b: ArrayLike<number>, at: { next: number }, article: string, path: string): unknown {
  if (Array.isArray(v)) return v.map((x) => fill(x, b, at, article, path));
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  if (SLOT in o) {
    const ev = place(b, at.next, article, path, typeof o[SLOT] === 'string' ? (o[SLOT] as string) : undefined);
    at.next += 2;
    return ev;
  }
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(o)) copy[k] = fill(o[k], b, at, article, path);
  return copy;
}

/** The fact of template `t` whose positions start at b[i] (its own offset and end, then each slot's). */
function factAt(rule: string, t: Template, b: ArrayLike<number>, i: number, article: string, path: string): Fact {
  const evidence = place(b, i, article, path, t.note);
  const fact: Fact =
    t.display !== undefined
      ? { rule, article, subject: t.subject, value: t.value, display: t.display, raw: t.raw, evidence }
      : { rule, article, subject: t.subject, value: t.value, raw: t.raw, evidence };
  if (t.data) fact.data = t.slots ? (fill(t.data, b, { next: i + 2 }, article, path) as Record<string, unknown>) : t.data;
  return fact;
}

/**
 * Every fact of a run, held compactly until the comparison. What a fact says
 * is held once, as its template string, however many articles say it; each
 * fact is a few numbers (template, article, positions) in the list of its
 * (rule, subject) group. groups() hands out one group at a time, rebuilt as
 * Fact objects whose evidence has no text or sentence (hydrate() puts them
 * back for the findings' evidence).
 */
export class FactStore {
  private enc = new FactEncoder();
  /** Template id → its group. */
  private groupOf: Group[] = [];
  private byGroup = new Map<string, Group>();
  /** Per worker thread: its template ids → ours. */
  private remote = new Map<number, number[]>();
  private ids: string[] = [];
  private paths: string[] = [];
  /** Where each article's sentences are in its file (sentenceBounds()), all in one list: article a's are [sentFrom[a], sentTo[a]). */
  private sent = new Int32Array(4096);
  private sentN = 0;
  private sentFrom: number[] = [];
  private sentTo: number[] = [];
  count = 0;

  /** How many distinct templates (facts but for where they stand) are held. */
  get templateCount(): number {
    return this.enc.keys.length;
  }

  /** Add one article's facts (and where its sentences are, for hydrate()). */
  add(article: string, path: string, facts: Fact[], sentences?: Int32Array): void {
    this.addEncoded(article, path, this.enc.encode(facts), undefined, sentences);
  }

  /** What turns this run's facts into numbers for addEncoded() (in this thread). */
  get encoder(): FactEncoder {
    return this.enc;
  }

  /** Templates that worker thread `source` encoded first, its ids from `base` on. */
  learn(source: number, base: number, keys: string[]): void {
    let ours = this.remote.get(source);
    if (!ours) this.remote.set(source, (ours = []));
    for (let i = 0; i < keys.length; i++) ours[base + i] = this.enc.idOfKey(keys[i]!);
  }

  /** Add one article's facts as encoded by FactEncoder (by worker thread `source`, when given, after learn()). */
  addEncoded(article: string, path: string, ints: Int32Array, source?: number, sentences?: Int32Array): void {
    const a = this.ids.length;
    this.ids.push(ownCopy(article));
    this.paths.push(ownCopy(path));
    if (sentences) {
      this.sent = room(this.sent, this.sentN, sentences.length);
      this.sent.set(sentences, this.sentN);
      this.sentFrom[a] = this.sentN;
      this.sentN += sentences.length;
      this.sentTo[a] = this.sentN;
    } else {
      this.sentFrom[a] = this.sentTo[a] = -1;
    }
    const ours = source === undefined ? undefined : this.remote.get(source)!;
    for (let at = 0; at < ints.length; this.count++) {
      const t = ours ? ours[ints[at]!]! : ints[at]!;
      at = this.group(t).push(t, a, ints, at);
    }
  }

  /** Where the sentences of the article at a path are (for hydrate()), when known. */
  sentences(): (path: string) => Int32Array | undefined {
    const byPath = new Map(this.paths.map((p, a) => [p, a]));
    return (path) => {
      const a = byPath.get(path);
      return a === undefined || this.sentFrom[a]! < 0 ? undefined : this.sent.subarray(this.sentFrom[a], this.sentTo[a]);
    };
  }

  private group(t: number): Group {
    let g = this.groupOf[t];
    if (g) return g;
    const { rule, subjectKey } = templateFields(this.enc.keys[t]!);
    const head = `${rule.length}:${rule}${subjectKey}`;
    let found = this.byGroup.get(head);
    if (!found) this.byGroup.set(head, (found = new Group(ownCopy(rule), ownCopy(subjectKey))));
    return (this.groupOf[t] = found);
  }

  /**
   * The (rule, subject) groups, each as its facts (evidence without text and
   * sentence). Once: the store is emptied as they are handed out.
   */
  *groups(): Generator<Fact[]> {
    // smallest first, each group's numbers let go once its facts are built: the biggest group
    // (every quote of the run...) is rebuilt when little else of the store is left
    const groups = [...this.byGroup.values()].map((g) => ({ g, order: `${g.rule}\u0000${g.key}` }));
    groups.sort((x, y) => x.g.n - y.g.n || (x.order < y.order ? -1 : x.order > y.order ? 1 : 0));
    this.byGroup.clear();
    this.groupOf = [];
    // nothing is encoded from now on, and a template serves one group only
    this.enc.forget();
    for (const { g } of groups) yield this.rebuild(g);
  }

  /** The facts of a group; its numbers and its templates' text are let go. */
  private rebuild(g: Group): Fact[] {
    const templates = new Map<number, Template>();
    const facts: Fact[] = [];
    const b = g.buf;
    g.buf = new Int32Array(0);
    for (let at = 0; at < g.n; ) {
      const id = b[at]!;
      let t = templates.get(id);
      if (!t) templates.set(id, (t = templateOf(this.enc.keys[id]!, g.key)));
      const a = b[at + 1]!;
      facts.push(factAt(g.rule, t, b, at + 3, this.ids[a]!, this.paths[a]!));
      at += 5 + 2 * b[at + 2]!;
    }
    this.enc.forget(templates.keys());
    return facts;
  }
}
