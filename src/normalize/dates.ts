/**
 * Dates as news writes them, resolved to calendar days (ISO YYYY-MM-DD).
 *
 * chrono-node (casual parser, the article’s reference date as `instant`, no
 * forwardDate) reads the expressions; this module corrects what news means and
 * chrono does not know:
 * - a bare weekday ("on Wednesday", "early Wednesday") is on or before the
 *   dateline, never after it (chrono picks the nearest such day, ±3 days);
 * - "early"/"late" before a weekday are kept in the raw text (chrono drops them);
 * - "Wednesday (May 7)" is one expression; the stated date wins over the weekday;
 * - "a fortnight after the April 22 attack" is an offset from an anchored date
 *   (chrono reads "a week after" from the reference date, which is wrong here);
 *   weeks, fortnights and months are approximate, days exact.
 * Without a reference date, what cannot be resolved is kept as written:
 * "weekday:wednesday", "--05-07" (month and day, no year), "relative:yesterday".
 */
import * as chrono from 'chrono-node/en';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// ---------------------------------------------------------------- calendar

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function isoOf(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function toUTC(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUTC(t: Date): string {
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function isValidIso(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  return fromUTC(toUTC(iso)) === iso && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function addDays(iso: string, n: number): string {
  const t = toUTC(iso);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUTC(t);
}

/** Calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return isoOf(ny, nm, Math.min(d, last));
}

export function daysBetween(a: string, b: string): number {
  return Math.round((toUTC(b).getTime() - toUTC(a).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return toUTC(iso).getUTCDay();
}

export function weekdayName(n: number): string {
  const w = WEEKDAYS[n]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** "Wednesday 7 May 2025" (or "7 May 2025" without the weekday). */
export function formatDate(iso: string, withWeekday = true): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = `${d} ${MONTH_NAMES[m - 1]} ${y}`;
  return withWeekday ? `${weekdayName(weekdayOf(iso))} ${day}` : day;
}

const displayed = new Map<string, string>();

/** Human form of any value this module produces (ISO, ~ISO, weekday:x, --MM-DD, relative:x). */
export function displayValue(value: string, tolerance?: number): string {
  // one per fact, and facts share few values: remembered (a pure function of its arguments)
  const key = `${value}\u0000${tolerance ?? ''}`;
  let shown = displayed.get(key);
  if (shown === undefined) {
    if (displayed.size > 10_000) displayed.clear();
    displayed.set(key, (shown = formatValue(value, tolerance)));
  }
  return shown;
}

function formatValue(value: string, tolerance?: number): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (value.startsWith('~')) return `about ${formatDate(value.slice(1), false)}${tolerance ? ` (±${tolerance} day${tolerance > 1 ? 's' : ''})` : ''}`;
  if (value.startsWith('weekday:')) {
    const w = value.slice(8);
    return `${w[0]!.toUpperCase()}${w.slice(1)} (date unresolved)`;
  }
  const md = /^--(\d{2})-(\d{2})$/.exec(value);
  if (md) return `${Number(md[2])} ${MONTH_NAMES[Number(md[1]) - 1]} (year unresolved)`;
  if (value.startsWith('relative:')) return `“${value.slice(9)}” (date unresolved)`;
  return value;
}

// ---------------------------------------------------------------- reference date

/** The date part of an ISO date or date-time as written ("2025-05-09T23:10:00+05:30" → 2025-05-09). */
export function parseReference(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(published);
  if (m && isValidIso(m[1]!)) return m[1]!;
  // a written date ("May 9, 2025") with a year
  const r = chrono.strict.parse(published, { instant: new Date(2000, 0, 1, 12) })[0];
  if (r && r.start.isCertain('year') && r.start.isCertain('day')) {
    return isoOf(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
  }
  return undefined;
}

const MONTH_SOURCE =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const FULL_DATE = new RegExp(
  [
    `\\b(${MONTH_SOURCE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_SOURCE})\\.?,?\\s+(\\d{4})\\b`,
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
  ].join('|'),
  'gi',
);

function monthNumber(name: string): number {
  const k = name.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(k) + 1;
}

export interface FullDate {
  iso: string;
  start: number;
  end: number;
  text: string;
}

/** Every full date (with a year) the text states: "May 8, 2025", "8 May 2025", "2025-05-08". */
export function fullDates(text: string): FullDate[] {
  const out: FullDate[] = [];
  FULL_DATE.lastIndex = 0;
  for (let m = FULL_DATE.exec(text); m; m = FULL_DATE.exec(text)) {
    let iso: string;
    if (m[1]) iso = isoOf(Number(m[3]), monthNumber(m[1]), Number(m[2]));
    else if (m[4]) iso = isoOf(Number(m[6]), monthNumber(m[5]!), Number(m[4]));
    else iso = `${m[7]}-${m[8]}-${m[9]}`;
    if (isValidIso(iso)) out.push({ iso, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** The latest full date a text states (the best guess at its dateline when no published date is given). */
export function latestFullDate(text: string): FullDate | undefined {
  let best: FullDate | undefined;
  for (const d of fullDates(text)) if (!best || d.iso > best.iso) best = d;
  return best;
}

// ---------------------------------------------------------------- offsets

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const UNITS: Record<string, { days?: number; months?: number; approximate: boolean }> = {
  day: { days: 1, approximate: false },
  week: { days: 7, approximate: true },
  fortnight: { days: 14, approximate: true },
  month: { months: 1, approximate: true },
};
/** "a fortnight after", "two weeks before", "10 days after", "the day after". */
export const OFFSET = new RegExp(
  `\\b(?:(the)\\s+day|(${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,2})[\\s-]+(day|week|fortnight|month)s?)\\s+(after|before)\\b`,
  'gi',
);

export interface Offset {
  days: number;
  months: number;
  sign: 1 | -1;
  approximate: boolean;
  /** Length of the offset in days (months count 30), for the tolerance. */
  spanDays: number;
}

const OFFSET_ONE = new RegExp(OFFSET.source, 'i');

export function parseOffset(text: string): Offset | undefined {
  const m = OFFSET_ONE.exec(text);
  if (!m) return undefined;
  const sign = m[4]!.toLowerCase() === 'before' ? -1 : 1;
  if (m[1]) return { days: 1, months: 0, sign, approximate: false, spanDays: 1 };
  const word = m[2]!.toLowerCase();
  const n = NUMBER_WORDS[word] ?? Number(word);
  const unit = UNITS[m[3]!.toLowerCase()]!;
  const days = (unit.days ?? 0) * n;
  const months = (unit.months ?? 0) * n;
  return { days, months, sign, approximate: unit.approximate, spanDays: days + months * 30 };
}

export function applyOffset(iso: string, o: Offset): string {
  return o.months ? addMonths(iso, o.sign * o.months) : addDays(iso, o.sign * o.days);
}

/** Days either side an approximate offset may be off: `fraction` of its length, at least one day. */
export function toleranceOf(o: Offset, fraction: number): number {
  if (!o.approximate) return 0;
  return Math.max(1, Math.round(o.spanDays * fraction));
}

// ---------------------------------------------------------------- expressions

export type DateKind = 'exact' | 'approximate' | 'weekday' | 'month-day' | 'relative';

export interface DateExpr {
  /** Offsets into the text given to findDates; end exclusive. */
  start: number;
  end: number;
  /** The text as written, "early" included. */
  raw: string;
  kind: DateKind;
  /** Comparable value: ISO date, "~ISO" (approximate), "weekday:wednesday", "--05-07", "relative:yesterday". */
  value: string;
  /** Resolved day (the centre for approximate dates). */
  iso?: string;
  /** Approximate dates: the days they may stand for. */
  from?: string;
  to?: string;
  tolerance?: number;
  /** How the raw text became the value (for the evidence note). */
  notes: string[];
  /** A composite "a fortnight after … April 22": the offset phrase and the anchor expression. */
  offset?: { start: number; end: number; text: string; anchor: number };
  /** This expression is the anchor of the composite at this index. */
  anchorOf?: number;
}

export interface Reference {
  iso: string;
  /** How to say it in a note: "published date 2025-05-09". */
  how: string;
}

export interface FindOptions {
  /** 'tolerate' (default): approximate offsets carry a tolerance; 'exact': none. */
  approximate?: 'tolerate' | 'exact' | 'ignore';
  /** Fraction of an approximate offset allowed either side (default 0.2). */
  tolerance?: number;
}

/** Something every day-date needs: a month or weekday name, a number, or a relative day word. */
const DATE_WORD = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow)/i;

/** A count that chrono joins to a following weekday as an hour: "rose to 12 on Wednesday", "killed 11 on Tuesday". */
const COUNT_BEFORE_WEEKDAY = /^\d{1,2}\s+(?=on\s+(?:mon|tue|wed|thu|fri|sat|sun))/i;

/**
 * A dateline opens a story with its place and publication date, not an event's:
 * "DROVNA, March 12 (Wire) - …", "PORTLAND, Ore., May 8 (AP) — …". The date
 * stands after one to four capitalised words (and a state or country) and a
 * comma at the start of the sentence, and before a dash, an agency in brackets
 * between. It still serves as the reference date when nothing else gives one
 * (latestFullDate).
 */
const DATELINE_BEFORE = /^\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}.'’-]*){0,3},[ \t]*(?:\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*)?,[ \t]*)?$/u;
const DATELINE_AFTER = /^[ \t]*(?:\([^()]{1,40}\)[ \t]*)?[-–—]/;

export function isDateline(text: string, start: number, end: number): boolean {
  return start < 60 && DATELINE_BEFORE.test(text.slice(0, start)) && DATELINE_AFTER.test(text.slice(end, end + 50));
}

/** chrono reads the instant in local time: noon keeps the day right in every time zone. */
function localNoon(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

/** An arbitrary instant for parsing without a reference: only stated parts are trusted then. */
const NO_REFERENCE_INSTANT = new Date(2001, 0, 1, 12);

type ParsedResult = ReturnType<typeof chrono.casual.parse>[number];

function isRelativeToInstant(r: ParsedResult): boolean {
  return [...r.start.tags()].some((t) => t.startsWith('casualReference') || t === 'result/relativeDate');
}

interface Raw {
  start: number;
  end: number;
  r: ParsedResult;
  /** A weekday stated next to the date: "Wednesday (May 7)". */
  weekday?: number;
}

/**
 * Every date expression of a day (not bare months, years or times) in one
 * sentence, resolved against the reference date when there is one.
 */
export function findDates(text: string, ref: Reference | undefined, opts: FindOptions = {}): DateExpr[] {
  if (!DATE_WORD.test(text)) return []; // chrono is slow: skip sentences with no date word at all
  const fraction = opts.approximate === 'exact' ? 0 : (opts.tolerance ?? 0.2);
  const instant = ref ? localNoon(ref.iso) : NO_REFERENCE_INSTANT;
  const offsets: { start: number; end: number; text: string; o: Offset }[] = [];
  OFFSET.lastIndex = 0;
  for (let m = OFFSET.exec(text); m; m = OFFSET.exec(text)) {
    const o = parseOffset(m[0]);
    if (o) offsets.push({ start: m.index, end: m.index + m[0].length, text: m[0], o });
  }

  // 1. chrono results that name a day, without what chrono reads wrongly in news
  const raws: Raw[] = [];
  for (let r of chrono.casual.parse(text, { instant })) {
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) continue; // "May", "at 3 pm", "this week"
    const tags = [...r.start.tags()];
    // "a week after", "the next day", "within a week": not relative to the dateline in news
    if (tags.includes('result/relativeDate') && !/\bago\b|^in\b/i.test(r.text)) continue;
    let start = r.index;
    let end = r.index + r.text.length;
    if (offsets.some((o) => start < o.end && end > o.start)) continue;
    // "rose to 12 on Wednesday": chrono takes the count for a clock time; only the weekday is the date's (the raw text shows it)
    const count = COUNT_BEFORE_WEEKDAY.exec(r.text);
    if (count) {
      const w = chrono.casual.parse(r.text.slice(count[0].length), { instant })[0];
      if (!w) continue;
      start += count[0].length + w.index;
      end = start + w.text.length;
      r = w;
    }
    if (isDateline(text, start, end)) continue;
    while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
    // chrono drops "early"/"late"; keep them in the raw text (they do not move the day)
    const before = /\b(?:early|late)\s+(?:on\s+)?$/i.exec(text.slice(Math.max(0, start - 20), start));
    if (before && (r.start.isCertain('weekday') || r.start.isCertain('day'))) start -= before[0].length;
    raws.push({ start, end, r });
  }

  // 2. "Wednesday (May 7)", "Wednesday, May 7": one expression, the stated date wins
  const merged: Raw[] = [];
  for (let i = 0; i < raws.length; i++) {
    const a = raws[i]!;
    const b = raws[i + 1];
    const bare = a.r.start.isCertain('weekday') && !a.r.start.isCertain('day');
    if (bare && b && b.r.start.isCertain('day') && !b.r.start.isCertain('weekday')) {
      const between = text.slice(a.end, b.start);
      if (/^\s*[,(]\s*$/.test(between)) {
        let end = b.end;
        if (between.includes('(') && text[end] === ')') end++;
        merged.push({ start: a.start, end, r: b.r, weekday: a.r.start.get('weekday')! });
        i++;
        continue;
      }
    }
    merged.push(a);
  }

  // 3. resolve each
  const out: DateExpr[] = [];
  for (const m of merged) out.push(resolve(text, m, ref));

  // 4. offsets anchored on the first dated expression after them: "a fortnight after … April 22"
  const composites: DateExpr[] = [];
  for (const off of offsets) {
    const anchorIndex = out.findIndex((d) => d.start >= off.end && d.anchorOf === undefined);
    if (anchorIndex === -1) continue;
    const anchor = out[anchorIndex]!;
    const index = out.length + composites.length;
    anchor.anchorOf = index;
    const tol = toleranceOf(off.o, fraction);
    const raw = text.slice(off.start, anchor.end);
    const d: DateExpr = {
      start: off.start,
      end: anchor.end,
      raw,
      kind: 'approximate',
      value: '',
      notes: [],
      offset: { start: off.start, end: off.end, text: off.text, anchor: anchorIndex },
    };
    const shift = off.o.months ? `${off.o.months} month${off.o.months > 1 ? 's' : ''}` : `${off.o.days} day${off.o.days > 1 ? 's' : ''}`;
    if (anchor.kind === 'exact' && anchor.iso) {
      const iso = applyOffset(anchor.iso, off.o);
      d.iso = iso;
      if (tol > 0 && opts.approximate !== 'exact') {
        d.kind = 'approximate';
        d.value = `~${iso}`;
        d.from = addDays(iso, -tol);
        d.to = addDays(iso, tol);
        d.tolerance = tol;
        d.notes.push(
          `“${off.text}” “${anchor.raw}”: ${anchor.iso} ${off.o.sign > 0 ? '+' : '−'} ${shift} = ${iso}, approximate (±${tol} day${tol > 1 ? 's' : ''}: ${d.from} to ${d.to})`,
        );
      } else {
        d.kind = 'exact';
        d.value = iso;
        d.notes.push(`“${off.text}” “${anchor.raw}”: ${anchor.iso} ${off.o.sign > 0 ? '+' : '−'} ${shift} = ${iso}`);
      }
      if (anchor.notes.length) d.notes.push(`anchor: ${anchor.notes.join('; ')}`);
    } else {
      // the anchor itself is unresolved: keep the offset as written
      d.kind = 'relative';
      d.value = `${anchor.value}${off.o.sign > 0 ? '+' : '-'}${off.o.months ? `${off.o.months}m` : `${off.o.days}d`}`;
      d.notes.push(`“${off.text}” “${anchor.raw}”, an unresolved date (${anchor.value}): kept as written, unresolved`);
    }
    composites.push(d);
  }
  return [...out, ...composites];
}

function resolve(text: string, m: Raw, ref: Reference | undefined): DateExpr {
  const s = m.r.start;
  const raw = text.slice(m.start, m.end);
  const notes: string[] = [];
  const base = { start: m.start, end: m.end, raw, notes };
  const early = /^(?:early|late)\b/i.exec(raw);
  const earlyNote = early ? `; “${early[0].toLowerCase()}” does not move the day` : '';
  const relative = isRelativeToInstant(m.r);
  const dayCertain = s.isCertain('day');
  const statedWeekday = m.weekday ?? (s.isCertain('weekday') ? s.get('weekday')! : undefined);

  if (!ref) {
    if (dayCertain && s.isCertain('year') && !relative) {
      const iso = isoOf(s.get('year')!, s.get('month')!, s.get('day')!);
      checkWeekday(iso, statedWeekday, notes);
      notes.unshift(`“${raw}” states the full date ${iso}`);
      return { ...base, kind: 'exact', value: iso, iso };
    }
    if (relative) {
      const w = raw.toLowerCase().replace(/\s+/g, ' ');
      notes.push(`“${raw}” is relative to the article’s date, and there is none (no published date, no full date in the text): unresolved`);
      return { ...base, kind: 'relative', value: `relative:${w}` };
    }
    if (dayCertain) {
      const value = `--${pad(s.get('month')!)}-${pad(s.get('day')!)}`;
      notes.push(`“${raw}” gives no year and the article has no date to take it from: compared as month and day, unresolved`);
      return { ...base, kind: 'month-day', value };
    }
    const w = WEEKDAYS[statedWeekday!]!;
    notes.push(`“${raw}” names a weekday and the article has no date to resolve it against (no published date, no full date in the text): compared as written, unresolved`);
    return { ...base, kind: 'weekday', value: `weekday:${w}` };
  }

  let iso = isoOf(s.get('year')!, s.get('month')!, s.get('day')!);
  if (dayCertain || relative) {
    const asWritten = statedWeekday !== undefined && weekdayOf(iso) === statedWeekday ? ` (a ${weekdayName(statedWeekday)}, as written)` : '';
    if (!s.isCertain('year') && !relative) notes.push(`“${raw}” gives no year: the year nearest to the ${ref.how} → ${iso}${asWritten}${earlyNote}`);
    else if (relative) notes.push(`“${raw}” resolved against the ${ref.how} → ${iso}${earlyNote}`);
    else notes.push(`“${raw}” states the full date ${iso}${asWritten}${earlyNote}`);
    checkWeekday(iso, statedWeekday, notes);
    return { ...base, kind: 'exact', value: iso, iso };
  }

  // a weekday only
  const qualified = /\b(next|this|coming)\b/i.test(raw);
  const backward = /\b(last|past|previous)\b/i.test(raw);
  let moved = '';
  if (!qualified && !backward && iso > ref.iso) {
    const later = iso;
    iso = addDays(iso, -7);
    moved = `; a bare weekday in news is on or before the article’s date, so not ${later} but a week earlier`;
  }
  notes.push(`“${raw}” resolved against the ${ref.how} → ${iso} (${weekdayName(weekdayOf(iso))})${earlyNote}${moved}`);
  return { ...base, kind: 'exact', value: iso, iso };
}

function checkWeekday(iso: string, weekday: number | undefined, notes: string[]): void {
  if (weekday === undefined) return;
  const actual = weekdayOf(iso);
  if (actual !== weekday) {
    notes.push(`the text says ${weekdayName(weekday)} but ${iso} is a ${weekdayName(actual)}: the stated date is used`);
  }
}

// ---------------------------------------------------------------- named events (no story words)

/** Event nouns as written → the event they name; "massacre" and "terror attack" are one attack. */
const EVENT_NOUN_CLASS: Record<string, string[]> = {
  attack: ['attack', 'attacks', 'massacre', 'massacres', 'assault', 'ambush', 'raid', 'siege', 'stabbing', 'stabbings'],
  bombing: ['bombing', 'bombings', 'blast', 'blasts', 'explosion', 'explosions'],
  shooting: ['shooting', 'shootings'],
  earthquake: ['earthquake', 'earthquakes', 'quake'],
  tsunami: ['tsunami'],
  flood: ['flood', 'floods', 'flooding'],
  landslide: ['landslide', 'landslides', 'mudslide'],
  fire: ['fire', 'wildfire', 'blaze'],
  eruption: ['eruption'],
  crash: ['crash', 'crashes', 'air crash', 'plane crash', 'derailment', 'derailments', 'collision', 'collisions'],
  collapse: ['collapse'],
  stampede: ['stampede', 'crush', 'crowd crush'],
  sinking: ['sinking', 'capsizing', 'shipwreck'],
  summit: ['summit', 'talks', 'conference'],
  election: ['election', 'elections', 'vote', 'referendum', 'poll', 'polls'],
  riots: ['riot', 'riots'],
  protests: ['protest', 'protests', 'demonstration', 'demonstrations', 'rally'],
  verdict: ['verdict', 'sentencing'],
  accord: ['accord', 'agreement', 'treaty', 'ceasefire'],
};
const NOUN_CLASS = new Map<string, string>();
for (const [c, forms] of Object.entries(EVENT_NOUN_CLASS)) for (const f of forms) NOUN_CLASS.set(f, c);
const NOUNS_SOURCE = [...NOUN_CLASS.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, '\\s+')).join('|');
/** Lower-case words that may stand between a place and its event noun: "the Pahalgam terror attack". */
const MODIFIERS = 'terror|terrorist|militant|suicide|mass|deadly|car|truck|train|bus|ferry|boat|crowd|bomb|flash|peace|climate|trade|general|presidential|parliamentary|local|snap|school|church|mosque|temple|market|stadium|hotel|factory|plant|chemical|gas|mine|bridge|dam|forest|bush|court|corruption|murder';
const MONTHS_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
/** A capitalised word: "Pahalgam", "Bunyan-un-Marsoos", "Karlsby", "O'Hare". */
const CAP = `\\p{Lu}[\\p{L}\\p{M}’'.]*(?:-[\\p{L}\\p{M}]+)*`;
/** One to three capitalised words, "and"/"of"/"al"/"el"/"de" allowed between two of them; not "and" a month or weekday ("off Cape Brin and Tuesday’s fire"). */
const NAME = `${CAP}(?:[ \\t]+(?:(?:and[ \\t]+(?!(?:${MONTHS_FULL}|${WEEKDAY_NAMES})(?![\\p{L}\\p{M}])))|(?:of|al|el|de|du|la|le|bin|ibn|un|ul)[ \\t]+)?${CAP}){0,2}`;
/** A weekday in the possessive, standing for "the": "Friday's", "Saturday afternoon’s" (the weekday is the event's date). */
const DAY_POSS = `(?:${WEEKDAY_NAMES})(?:\\s+(?:morning|afternoon|evening|night))?['’]s`;
/**
 * Events that are not planned, the only ones a possessive weekday names. A bare
 * weekday resolves to on or before the article's date, which is right for
 * "Friday's sinking" (written after it) but not for "Saturday's protest", "Sunday's
 * vote" or "Monday's talks", which are as often written before they happen.
 */
const UNPLANNED = new Set(['attack', 'bombing', 'shooting', 'earthquake', 'tsunami', 'flood', 'landslide', 'fire', 'eruption', 'crash', 'collapse', 'stampede', 'sinking', 'riots']);
/** Words that look ahead, right before a possessive weekday or between it and the event word: "ahead of Sunday's flood", "Sunday's expected flood". */
const LOOKS_AHEAD_BEFORE = /\b(?:ahead[ \t]+of|prepar(?:e|es|ed|ing|ations?)[ \t]+for|brac(?:e|es|ed|ing)[ \t]+for|await(?:s|ed|ing)?|expect(?:s|ed|ing)?|upcoming|planned[ \t]+for|scheduled[ \t]+for|set[ \t]+for)[ \t]+$/i;
const LOOKS_AHEAD_BETWEEN = /\b(?:expected|forecast|predicted|possible|likely|planned|scheduled|upcoming|threatened)\b/i;
/** A possessive weekday names the event only if it is unplanned and nothing around it looks ahead. */
function possessiveOk(text: string, start: number, match: string, cls: string): boolean {
  if (!UNPLANNED.has(cls)) return false;
  return !LOOKS_AHEAD_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && !LOOKS_AHEAD_BETWEEN.test(match);
}
/** Lower-case words between a date and its event noun ("the March 4 deadly derailment"), not a preposition or conjunction. */
const LOWER_WORD = `(?!(?:of|on|in|at|to|for|from|about|over|after|before|since|during|with|and|or|but)\\s)[\\p{Ll}-]+`;
const Q_OPEN = `[‘“'"]?`;
const Q_CLOSE = `[’”'"]?`;
const AFTER = `(?![\\p{L}\\p{N}])`;

/** "Operation Sindoor", "‘Operation Northern Shield’", "Hurricane Katrina". */
const OPERATION_RE = new RegExp(`${Q_OPEN}\\b(Operation|Hurricane|Typhoon|Cyclone|Storm|Tropical\\s+Storm)\\s+${Q_OPEN}(${NAME})${Q_CLOSE}${AFTER}`, 'gu');
/** "the Pahalgam attack", "the April 22 Pahalgam massacre", "the 2008 Mumbai attacks", "the Karlsby flash flood", "Tuesday's Karlsby flood". */
const PLACE_EVENT_RE = new RegExp(
  `\\b(?:[Tt]he\\s+(?:(?:${MONTHS_FULL})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+|\\d{4}\\s+)?|(${DAY_POSS})\\s+)(${NAME})\\s+(?:(?:${MODIFIERS})\\s+){0,2}(${NOUNS_SOURCE})${AFTER}`,
  'gu',
);
/**
 * "the April 22 attack", "the April 22 terror attack in Pahalgam", "the horrific terrorist attack at Pahalgam",
 * "Tuesday's collapse", "Saturday's sinking on Lake Orla", "the sinking off Cape Dorn".
 */
const DATED_EVENT_RE = new RegExp(
  `\\b(?:[Tt]he\\s+(?:(${MONTHS_FULL})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+)?|(${DAY_POSS})\\s+)(?:${LOWER_WORD}\\s+){0,2}?(${NOUNS_SOURCE})(?:\\s+(?:in|at|near|on|off)\\s+(${NAME}))?${AFTER}`,
  'gu',
);
/** Capitalised words that are not places: demonyms, months, weekdays, "The". */
const NOT_PLACE = new RegExp(
  `^(?:${MONTHS_FULL}|${WEEKDAY_NAMES}|The|This|That|Last|Next|Every|Another|Friday's|\\p{Lu}\\p{L}*(?:ian|ean|ese|ish)|Pakistani|Israeli|Iraqi|Saudi|Bangladeshi|Afghan|Somali|Yemeni|Kuwaiti|Qatari|Omani|Emirati|Nepali|Thai|Swiss|Dutch|French|Greek|Turkish|Ukrainian|Russian|US|U\\.S\\.|UK|EU|UN|NATO)$`,
  'u',
);

/** Pre-filters of namedEvents: OPERATION_RE needs its first word, the other two an event noun (no i flag). */
const OPERATION_WORD = /Operation|Hurricane|Typhoon|Cyclone|Storm/;
const EVENT_NOUN_WORD = new RegExp([...NOUN_CLASS.keys()].map((f) => f.split(' ').sort((a, b) => b.length - a.length)[0]!).join('|'));

export interface NamedEvent {
  /** Offsets into the text; end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Normalised key: case, quotes, hyphens and "the" folded ("operation sindoor", "pahalgam attack", "attack" for "the April 22 attack"). */
  key: string;
  /** How a report names it: "Operation Sindoor", "the Pahalgam attack", "the attack" (dated by its April 22). */
  label: string;
}

/** Case, quotes, hyphens, diacritics and spacing folded: "‘Operation Sindoor’" and "operation-sindoor" → "operation sindoor". */
export function eventKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’´`'"“”]/g, '')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

function tidy(name: string): string {
  return name.replace(/[‘’“”"]/g, '').replace(/\s+/g, ' ').replace(/[.']+$/, '').trim();
}

/** The first word of a place name must be a place, not a demonym, month or weekday. */
function placeOk(place: string): boolean {
  const first = place.split(/\s+/)[0]!;
  return !NOT_PLACE.test(first.replace(/[’']s$/, ''));
}

/**
 * Named events in one sentence, by general patterns only: "Operation <Name>"
 * (and "Hurricane <Name>"…), "the <Place> <event noun>", "the <event noun> in
 * <Place>", "the <Month> <day> <event noun>", each also with "<Weekday>'s" for "the".
 * Overlapping matches keep the longest.
 */
export function namedEvents(text: string): NamedEvent[] {
  const found: NamedEvent[] = [];
  // pre-filters: every match holds one of these words as written (the patterns are case-sensitive)
  const operation = OPERATION_WORD.test(text);
  const noun = EVENT_NOUN_WORD.test(text);
  if (!operation && !noun) return found;
  OPERATION_RE.lastIndex = 0;
  for (let m = operation ? OPERATION_RE.exec(text) : null; m; m = OPERATION_RE.exec(text)) {
    const kind = m[1]!.replace(/\s+/g, ' ');
    const name = tidy(m[2]!);
    // "Operation Sindoor In Retaliation": a headline's capitalised words after the name are not part of it
    const label = `${kind} ${name}`;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], key: eventKey(label), label });
  }
  PLACE_EVENT_RE.lastIndex = 0;
  for (let m = noun ? PLACE_EVENT_RE.exec(text) : null; m; m = PLACE_EVENT_RE.exec(text)) {
    const place = tidy(m[2]!);
    if (!placeOk(place)) continue;
    const cls = NOUN_CLASS.get(m[3]!.toLowerCase().replace(/\s+/g, ' '))!;
    if (m[1] && !possessiveOk(text, m.index, m[0], cls)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], key: eventKey(`${place} ${cls}`), label: `the ${place} ${cls}` });
  }
  DATED_EVENT_RE.lastIndex = 0;
  for (let m = noun ? DATED_EVENT_RE.exec(text) : null; m; m = DATED_EVENT_RE.exec(text)) {
    const cls = NOUN_CLASS.get(m[4]!.toLowerCase().replace(/\s+/g, ' '))!;
    if (m[3] && !possessiveOk(text, m.index, m[0], cls)) continue;
    const place = m[5] ? tidy(m[5]) : undefined;
    if (place && placeOk(place)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], key: eventKey(`${place} ${cls}`), label: `the ${place} ${cls}` });
    } else if ((m[1] && /^\p{Lu}/u.test(m[1])) || m[3]) {
      // the date is the event's date, not its name: "the March 2 election" and "the March 9 election" (or
      // "Tuesday's collapse") are one event dated two ways, so the key and label leave it out (as they leave
      // out the year of "the 2008 …")
      const end = m[5] ? m.index + m[0].lastIndexOf(m[5]) - 1 : m.index + m[0].length;
      const label = `the ${cls}`;
      found.push({ start: m.index, end, text: text.slice(m.index, end), key: eventKey(label), label });
    }
  }
  // found in order of preference (operation, place before the noun, the rest): drop what overlaps a kept match
  const out: NamedEvent[] = [];
  for (const e of found) {
    if (!out.some((o) => e.start < o.end && e.end > o.start)) out.push(e);
  }
  return out.sort((a, b) => a.start - b.start);
}
