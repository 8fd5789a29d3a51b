/**
 * Numbers as news writes them: "26", "1,200", "2.5 million", "twenty-six",
 * "a dozen", "dozens", and hedged: "at least 40", "nearly 90", "8-10".
 * A quantity is a range [min, max]; an exact figure has min === max.
 * A small table of our own: words-to-numbers reads "one another" as 1.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

const UNIT_W = Object.keys(UNITS).join('|');
const TENS_W = Object.keys(TENS).join('|');
const SCALE_W = Object.keys(SCALES).join('|');
/** "twenty-six", "twenty six", "nine", "two hundred and five", "a dozen" */
const WORD_NUMBER = `(?:(?:${TENS_W})(?:[-\\s](?:${UNIT_W}))?|${UNIT_W})(?:\\s+(?:${SCALE_W})(?:\\s+(?:and\\s+)?(?:(?:${TENS_W})(?:[-\\s](?:${UNIT_W}))?|${UNIT_W}))?)?|a\\s+dozen|a\\s+(?:${SCALE_W})`;
const DIGIT_NUMBER = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?`;
const BASE = `(?:${DIGIT_NUMBER})(?:\\s+(?:${SCALE_W}))?|${WORD_NUMBER}`;
/** Vague plurals: "dozens of", "hundreds of" (the "of" is matched by the caller's unit gap). */
const VAGUE = `dozens|scores|hundreds|thousands|millions`;

const HEDGES: [RegExp, (n: number) => [number, number], string][] = [
  [/^(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of)$/i, (n) => [n, Infinity], 'at least'],
  [/^(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|just\s+over|well\s+over)$/i, (n) => [n + 1, Infinity], 'more than'],
  [/^(?:nearly|almost|close\s+to|just\s+under|approaching)$/i, (n) => [Math.floor(n * 0.85), n], 'nearly'],
  [/^(?:about|around|approximately|roughly|some|an\s+estimated|estimated)$/i, (n) => [Math.floor(n * 0.9), Math.ceil(n * 1.1)], 'about'],
  [/^(?:up\s+to|as\s+many\s+as|at\s+most)$/i, (n) => [0, n], 'up to'],
  [/^(?:fewer\s+than|less\s+than|under)$/i, (n) => [0, Math.max(0, n - 1)], 'fewer than'],
];
const HEDGE = `at\\s+least|no\\s+fewer\\s+than|no\\s+less\\s+than|a\\s+minimum\\s+of|more\\s+than|upwards\\s+of|in\\s+excess\\s+of|just\\s+over|well\\s+over|over|nearly|almost|close\\s+to|just\\s+under|approaching|about|around|approximately|roughly|some|an\\s+estimated|estimated|up\\s+to|as\\s+many\\s+as|at\\s+most|fewer\\s+than|less\\s+than|under`;

/** A quantity expression: optional hedge, a number or a "8-10" range, or a vague plural. */
export const QUANTITY_SOURCE = `(?:between\\s+(?:${BASE})\\s+and\\s+(?:${BASE})|(?:(?:${HEDGE})\\s+)?(?:(?:${BASE})(?:\\s*(?:-|–|to)\\s*(?:${BASE}))?|${VAGUE}))`;

export interface Quantity {
  min: number;
  max: number;
  /** Hedge word as normalised ("at least"), when there is one. */
  hedge?: string;
}

function wordsToNumber(text: string): number | undefined {
  const words = text.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  // a number in digits takes no number word after it but a scale ("2025 - Fourteen" is not 2,039)
  let digits = false;
  for (const w of words) {
    if (w === 'a') { current = 1; continue; }
    if (w === 'dozen') { current = (current || 1) * 12; seen = true; continue; }
    if (digits && (w in UNITS || w in TENS)) return undefined;
    if (w in UNITS) { current += UNITS[w]!; seen = true; continue; }
    if (w in TENS) { current += TENS[w]!; seen = true; continue; }
    if (w in SCALES) {
      const s = SCALES[w]!;
      if (s === 100) current = (current || 1) * 100;
      else { total += (current || 1) * s; current = 0; }
      seen = true;
      continue;
    }
    const d = Number(w.replace(/,/g, ''));
    if (!seen && !Number.isNaN(d) && /^[\d,.]+$/.test(w)) { current += d; seen = digits = true; continue; }
    return undefined;
  }
  return seen ? total + current : undefined;
}

/** "26" → 26, "twenty-six" → 26, "1,200" → 1200, "2.5 million" → 2500000, "a dozen" → 12. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const m = /^([\d,]+(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?$/.exec(t);
  if (m) {
    const n = Number(m[1]!.replace(/,/g, ''));
    return m[2] ? n * SCALES[m[2]]! : n;
  }
  return wordsToNumber(t);
}

const VAGUE_RANGES: Record<string, [number, number]> = {
  dozens: [24, 99], scores: [40, 199], hundreds: [200, 999], thousands: [2000, 999999], millions: [2e6, 999999999],
};

// compiled once: parseQuantity and numberSpan run for every number a rule reads
const BETWEEN_RE = new RegExp(`^between (${BASE}) and (${BASE})$`, 'i');
const HEDGED_RE = new RegExp(`^(${HEDGE}) (.*)$`, 'i');
const RANGE_RE = new RegExp(`^(${BASE})\\s*(?:-|–|to)\\s*(${BASE})$`, 'i');
const HEDGE_PREFIX_RE = new RegExp(`^(?:between\\s+|(?:${HEDGE})\\s+)?`, 'i');
const RANGE_SPLIT_RE = new RegExp(`^(${BASE})(\\s*(?:-|–|to)\\s*|\\s+and\\s+)(${BASE})$`, 'i');

/** Parse a QUANTITY_SOURCE match into a range. */
export function parseQuantity(text: string): Quantity | undefined {
  let t = text.trim().replace(/\s+/g, ' ');
  const between = BETWEEN_RE.exec(t);
  if (between) {
    const a = parseNumber(between[1]!);
    const b = parseNumber(between[2]!);
    if (a !== undefined && b !== undefined) return { min: Math.min(a, b), max: Math.max(a, b), hedge: 'between' };
  }
  let hedge: [RegExp, (n: number) => [number, number], string] | undefined;
  const hm = HEDGED_RE.exec(t);
  if (hm) {
    hedge = HEDGES.find(([re]) => re.test(hm[1]!));
    if (hedge) t = hm[2]!;
  }
  const vague = VAGUE_RANGES[t.toLowerCase()];
  if (vague) return { min: vague[0], max: vague[1], hedge: t.toLowerCase() };
  const whole = parseNumber(t);
  const range = whole === undefined ? RANGE_RE.exec(t) : null;
  if (range) {
    const a = parseNumber(range[1]!);
    const b = parseNumber(range[2]!);
    if (a !== undefined && b !== undefined) return { min: Math.min(a, b), max: Math.max(a, b), hedge: 'between' };
  }
  const n = whole;
  if (n === undefined) return undefined;
  if (hedge) {
    const [min, max] = hedge[1](n);
    return { min, max, hedge: hedge[2] };
  }
  return { min: n, max: n };
}

/**
 * x.toLocaleString('en-US') ("1,200"), without Intl for whole numbers (it is slow, and called for every
 * figure a rule reads): the same digits grouped by three.
 */
function groupDigits(x: number): string {
  if (!Number.isSafeInteger(x) || Object.is(x, -0)) return x.toLocaleString('en-US');
  const digits = String(Math.abs(x));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return x < 0 ? `-${out}` : out;
}

/** "26", "at least 212", "8–10", "dozens (24–99)". */
export function formatQuantity(q: Quantity): string {
  const n = (x: number) => (x === Infinity ? '∞' : groupDigits(x));
  if (q.min === q.max) return n(q.min);
  if (q.hedge === 'at least' || q.hedge === 'more than') return `${q.hedge} ${n(q.hedge === 'more than' ? q.min - 1 : q.min)}`;
  if (q.hedge === 'up to' || q.hedge === 'fewer than') return `${q.hedge} ${n(q.hedge === 'fewer than' ? q.max + 1 : q.max)}`;
  return `${n(q.min)}–${n(q.max)}`;
}

/** Whether all ranges can be true at once. */
export function rangesOverlap(qs: Quantity[]): boolean {
  let lo = -Infinity;
  let hi = Infinity;
  for (const q of qs) {
    lo = Math.max(lo, q.min);
    hi = Math.min(hi, q.max);
  }
  return lo <= hi;
}

/**
 * A quantity as an editor reads it, with its unit: "26 people", "at least 212
 * people", "76–90 people (nearly 90)", "24–99 people (dozens)", "8–10 people".
 * `raw` is the quantity as written (hedge and number), shown in brackets when
 * the range alone would hide how the article put it.
 */
export function displayQuantity(q: Quantity, unit: string, raw?: string): string {
  const u = unit ? ` ${unit}` : '';
  const base = `${formatQuantity(q)}${u}`;
  if (q.min === q.max || !q.hedge || !raw) return base;
  if (['at least', 'more than', 'up to', 'fewer than'].includes(q.hedge)) return base;
  if (q.hedge === 'between') return base;
  // a converted figure is a range only because the original was rounded: show it as one number, as written beside it
  if (q.hedge === 'converted' && q.max !== Infinity) {
    const mid = (q.min + q.max) / 2;
    return `${(mid >= 10 ? Math.round(mid) : Math.round(mid * 10) / 10).toLocaleString('en-US')}${u} (${raw.trim().replace(/\s+/g, ' ')})`;
  }
  const as = raw.trim().replace(/\s+/g, ' ');
  return `${base} (${as.charAt(0).toLowerCase()}${as.slice(1)})`;
}

/** The comparable form of a range: "26", "212..", "76..90" (decimals to 2 places). */
export function quantityValue(q: Quantity): string {
  const n = (x: number) => String(Math.round(x * 100) / 100);
  if (q.min === q.max) return n(q.min);
  return `${n(q.min)}..${q.max === Infinity ? '' : n(q.max)}`;
}

/**
 * Units of measure: a word as written → [canonical unit, factor to it]. A rule
 * whose `unit` is one of the canonical units (km/h, km, m, mm, ha, °C is not
 * converted) reads the others and converts them.
 */
export const MEASURE_UNITS: Record<string, [string, number]> = {
  'km/h': ['km/h', 1], kph: ['km/h', 1], kmh: ['km/h', 1], 'km per hour': ['km/h', 1], 'kilometres per hour': ['km/h', 1],
  'kilometers per hour': ['km/h', 1], 'kilometres an hour': ['km/h', 1], 'kilometers an hour': ['km/h', 1],
  mph: ['km/h', 1.609344], 'miles per hour': ['km/h', 1.609344], 'miles an hour': ['km/h', 1.609344], knots: ['km/h', 1.852],
  km: ['km', 1], kilometres: ['km', 1], kilometers: ['km', 1], miles: ['km', 1.609344],
  m: ['m', 1], metres: ['m', 1], meters: ['m', 1], feet: ['m', 0.3048], ft: ['m', 0.3048],
  mm: ['mm', 1], millimetres: ['mm', 1], millimeters: ['mm', 1], cm: ['mm', 10], centimetres: ['mm', 10], centimeters: ['mm', 10], inches: ['mm', 25.4],
  ha: ['ha', 1], hectares: ['ha', 1], acres: ['ha', 0.40468564], 'square kilometres': ['ha', 100], 'square kilometers': ['ha', 100],
};

/** Half the place value of the last written digit: 75 → 0.5, 7.1 → 0.05, 1,200 → 0.5. */
function roundingOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0.5 : 0.5 * 10 ** -(s.length - dot - 1);
}

/**
 * A quantity written in `unitWord` expressed in the `target` unit, or undefined
 * when the word is not a unit of that measure. Converted figures become ranges
 * that allow for the rounding of the figure as written ("75 mph" → 119.9–121.5 km/h),
 * so a converted figure agrees with the figure it was converted from.
 */
export function convertQuantity(q: Quantity, unitWord: string, target: string): Quantity | undefined {
  const m = MEASURE_UNITS[unitWord.toLowerCase().replace(/\s+/g, ' ')];
  const t = MEASURE_UNITS[target.toLowerCase()];
  if (!m || !t || m[0] !== t[0]) return undefined;
  const f = m[1] / t[1];
  if (f === 1) return q;
  const r = (x: number) => Math.round(x * 100) / 100;
  const lo = q.min === q.max ? q.min - roundingOf(q.min) : q.min;
  const hi = q.max === Infinity ? Infinity : q.min === q.max ? q.max + roundingOf(q.max) : q.max;
  return { min: r(lo * f), max: hi === Infinity ? Infinity : r(hi * f), hedge: q.hedge ?? 'converted' };
}

// ---------------------------------------------------------------------------
// Numbers that are part of a date or a time, never a quantity.

/** Month names and their abbreviations, as a regular-expression alternation. */
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_BEFORE = new RegExp(`(?<![\\p{L}])(?:${MONTHS})\\.?,?\\s*(?:the\\s+)?$`, 'u');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\.?,?\\s+(?:of\\s+)?(?:${MONTHS})(?![\\p{L}])`, 'u');
/** "March 11, 2025", "11 March 2025", "Tuesday, 2025": a year after a day and month. */
const DAY_MONTH_BEFORE = new RegExp(
  `(?:(?<![\\p{L}])(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?)\\s*,?\\s*$`,
  'u',
);
const YEAR_BEFORE = /(?<![\p{L}])(?:in|since|until|till|during|year|early|late|mid|spring|summer|autumn|fall|winter)[\s-]+$/iu;
const TIME_AFTER = /^(?:\s*(?:a\.?m\.?|p\.?m\.?|o['’]clock|hrs|hours\s+(?:GMT|UTC|local)|GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT|IST|local\s+time)(?![\p{L}])|[:h]\d{2}(?!\d))/iu;
const TIME_BEFORE = /(?:\d[:]|(?<![\p{L}])(?:at|by|until|till|before|after|around|about|from|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+\d{1,2}[:.])$/iu;
const NUMERIC_DATE = /^[/.-]\d{1,4}[/.-]\d{1,4}/;
const NUMERIC_DATE_BEFORE = /\d{1,4}[/-]$|\d{1,4}[/-]\d{1,2}[/-]$/;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)(?![\p{L}])/u;
const WEEKDAY_BEFORE = /(?<![\p{L}])(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,\s*|\s+the\s+)$/u;

/**
 * Why the number written at [start, end) of `text` is part of a date or time
 * ("March 11", "11 March", "2025", "at 11:40", "7 p.m.", "the 11th",
 * "11/03/2025"), or undefined when it may be a quantity. `start`/`end` span the
 * number itself (no hedge, no unit).
 */
export function dateOrTimePart(text: string, start: number, end: number): string | undefined {
  const num = text.slice(start, end).trim();
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 24);
  const digits = /^\d+(?:[.:]\d+)?$/.test(num);
  if (ORDINAL_AFTER.test(after)) return 'an ordinal';
  if (digits && /^\d{1,2}$/.test(num) && Number(num) >= 1 && Number(num) <= 31) {
    if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after) || WEEKDAY_BEFORE.test(before)) return 'a day of the month';
  }
  if (digits && /^\d{4}$/.test(num) && Number(num) >= 1000 && Number(num) <= 2199) {
    if (DAY_MONTH_BEFORE.test(before) || MONTH_BEFORE.test(before)) return 'a year';
    if (Number(num) >= 1900 && Number(num) <= 2099 && (YEAR_BEFORE.test(before) || /^\s*[,.;:)]|^\s*$/.test(after))) return 'a year';
    // a dateline's year: "DUNMORE, 2025 – 14 people…" (a year after a comma, then a spaced dash)
    if (Number(num) >= 1900 && Number(num) <= 2099 && /,\s*$/.test(before) && /^\s+[-–—]\s/.test(after)) return 'a year';
  }
  if (digits && (TIME_AFTER.test(after) || TIME_BEFORE.test(before) || /^\d{1,2}[:]\d{2}$/.test(num))) return 'a time';
  if (digits && /^\d{1,2}\.\d{2}$/.test(num) && (/(?<![\p{L}])(?:at|by|until|before|after|around|from)\s+$/iu.test(before) || TIME_AFTER.test(after))) return 'a time';
  if (digits && (NUMERIC_DATE.test(after) || NUMERIC_DATE_BEFORE.test(before))) return 'a date';
  return undefined;
}

/**
 * Where the numbers themselves sit in a QUANTITY_SOURCE match, without the hedge: [start, end) of each
 * ("at least 12" → the "12"; a range "14–16" or "between 14 and 16" → the "14" and the "16").
 */
export function numberSpans(quantityText: string): [number, number][] {
  const hm = HEDGE_PREFIX_RE.exec(quantityText);
  const start = hm ? hm[0].length : 0;
  const end = quantityText.trimEnd().length;
  const range = RANGE_SPLIT_RE.exec(quantityText.slice(start, end));
  if (!range || parseNumber(quantityText.slice(start, end)) !== undefined) return [[start, end]];
  const mid = start + range[1]!.length;
  return [[start, mid], [mid + range[2]!.length, end]];
}
