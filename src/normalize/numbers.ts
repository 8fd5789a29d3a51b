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
  [/^(?:more\s+than|over|upwards\s+of|in\s+excess\s+of)$/i, (n) => [n + 1, Infinity], 'more than'],
  [/^(?:nearly|almost|close\s+to|just\s+under)$/i, (n) => [Math.floor(n * 0.85), n], 'nearly'],
  [/^(?:about|around|approximately|roughly|some|an\s+estimated|estimated)$/i, (n) => [Math.floor(n * 0.9), Math.ceil(n * 1.1)], 'about'],
  [/^(?:up\s+to|as\s+many\s+as|at\s+most)$/i, (n) => [0, n], 'up to'],
  [/^(?:fewer\s+than|less\s+than|under)$/i, (n) => [0, Math.max(0, n - 1)], 'fewer than'],
];
const HEDGE = `at\\s+least|no\\s+fewer\\s+than|no\\s+less\\s+than|a\\s+minimum\\s+of|more\\s+than|upwards\\s+of|in\\s+excess\\s+of|over|nearly|almost|close\\s+to|just\\s+under|about|around|approximately|roughly|some|an\\s+estimated|estimated|up\\s+to|as\\s+many\\s+as|at\\s+most|fewer\\s+than|less\\s+than|under`;

/** A quantity expression: optional hedge, a number or a "8-10" range, or a vague plural. */
export const QUANTITY_SOURCE = `(?:(?:${HEDGE})\\s+)?(?:(?:${BASE})(?:\\s*(?:-|–|to)\\s*(?:${BASE}))?|${VAGUE})`;

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
  for (const w of words) {
    if (w === 'a') { current = 1; continue; }
    if (w === 'dozen') { current = (current || 1) * 12; seen = true; continue; }
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
    if (!seen && !Number.isNaN(d) && /^[\d,.]+$/.test(w)) { current += d; seen = true; continue; }
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

/** Parse a QUANTITY_SOURCE match into a range. */
export function parseQuantity(text: string): Quantity | undefined {
  let t = text.trim().replace(/\s+/g, ' ');
  let hedge: [RegExp, (n: number) => [number, number], string] | undefined;
  const hm = new RegExp(`^(${HEDGE}) (.*)$`, 'i').exec(t);
  if (hm) {
    hedge = HEDGES.find(([re]) => re.test(hm[1]!));
    if (hedge) t = hm[2]!;
  }
  const vague = VAGUE_RANGES[t.toLowerCase()];
  if (vague) return { min: vague[0], max: vague[1], hedge: t.toLowerCase() };
  const whole = parseNumber(t);
  const range = whole === undefined ? new RegExp(`^(${BASE})\\s*(?:-|–|to)\\s*(${BASE})$`, 'i').exec(t) : null;
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

/** "26", "at least 212", "8–10", "dozens (24–99)". */
export function formatQuantity(q: Quantity): string {
  const n = (x: number) => (x === Infinity ? '∞' : x.toLocaleString('en-US'));
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
