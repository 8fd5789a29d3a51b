/**
 * count: a quantity about a subject, e.g. people killed in an attack.
 *
 * Entity mode (`subject: <entity id>`): a sentence is a candidate when it (or
 * one of the `window` sentences before it) mentions the subject entity.
 *
 * Entity-free mode (no `subject`): every sentence is a candidate, and the
 * subject of each figure is found in the text: the event noun (earthquake,
 * attack, flood…) the number belongs to — in its own clause, else the nearest
 * one in the sentence, else in the `window` sentences before, else the first
 * event the article names (in its title or a sentence up to the figure's, never
 * after). "people killed in the earthquake" and "people killed
 * in the attack" are then compared separately.
 *
 * In a candidate, a quantity followed by one of the unit words ("26 people",
 * "nine terror infrastructure sites") counts when a cue ("killed", "lives of")
 * stands within `cue_distance` words of it. With `bare: true` a number with no
 * unit word counts too when it stands right by a cue ("14 had died", "the
 * death toll rose to 40", "killing 14"); with `unit_first: true` the unit may
 * come first ("magnitude 6.8"). A number goes to the outcome word (killed,
 * injured, evacuated, fled…) of its own clause, else the nearest: in "Two died
 * and 3,000 residents were evacuated" the 3,000 are not a death toll. A figure
 * a sentence calls the toll ("the death toll has risen to 11") leaves out the
 * parts it names in other clauses ("after two victims died in hospital").
 *
 * Values are ranges, so hedged figures ("at least 40") contradict only figures
 * they cannot agree with. A figure that rises from an earlier article to a
 * later one is an update, not a contradiction. Who gave each figure ("police
 * said", "according to the hospital") is kept in `data.source`.
 */
import { evidence } from '../articles/parse.js';
import { RuleError } from '../errors.js';
import { fullDates, isDateline, parseReference } from '../normalize/dates.js';
import { cmp, groupValues, listArticles, makeFinding } from '../findings.js';
import {
  convertQuantity,
  dateOrTimePart,
  displayQuantity,
  numberSpans,
  MEASURE_UNITS,
  MONTHS,
  parseQuantity,
  QUANTITY_SOURCE,
  quantityValue,
  rangesOverlap,
  type Quantity,
} from '../normalize/numbers.js';
import { entityFilter, findEntity, literalFilter, mayMatch, mentions, termsRegExp, termsSource } from '../vocab.js';
import type { Article, CompareContext, Entity, Fact, Finding, Rule, RuleType, Sentence, Subject, ValueGroup, Vocabulary } from '../types.js';

export interface CountOptions {
  subject?: string;
  unit: string;
  unit_words: string[];
  cues: string[];
  label?: string;
  window: number;
  max_gap: number;
  cue_distance: number;
  bare: boolean;
  unit_first: boolean;
}

// ---------------------------------------------------------------------------
// General English knowledge: event nouns, speech verbs, words of change.

/** Event nouns as written → the event they name (the subject of entity-free counts). */
const EVENT_NOUNS: Record<string, string[]> = {
  earthquake: ['earthquake', 'earthquakes', 'quake', 'quakes', 'tremor', 'tremors', 'temblor', 'temblors', 'seismic event'],
  aftershock: ['aftershock', 'aftershocks'],
  tsunami: ['tsunami', 'tsunamis', 'tidal wave'],
  flood: ['flood', 'floods', 'flooding', 'floodwaters', 'flood waters', 'flash flood', 'flash floods', 'deluge', 'inundation'],
  landslide: ['landslide', 'landslides', 'mudslide', 'mudslides', 'landslip', 'mudflow'],
  avalanche: ['avalanche', 'avalanches'],
  storm: ['storm', 'storms', 'hurricane', 'typhoon', 'cyclone', 'tornado', 'tornadoes', 'tornados', 'blizzard', 'windstorm', 'tropical storm', 'superstorm'],
  fire: ['fire', 'fires', 'blaze', 'blazes', 'wildfire', 'wildfires', 'bushfire', 'bushfires', 'inferno', 'forest fire', 'forest fires'],
  eruption: ['eruption', 'volcanic eruption', 'eruptions'],
  heatwave: ['heatwave', 'heat wave', 'heatwaves', 'heat waves'],
  blast: ['blast', 'blasts', 'explosion', 'explosions', 'bombing', 'bombings', 'bomb', 'car bomb', 'suicide bombing', 'detonation'],
  shooting: ['shooting', 'shootings', 'mass shooting', 'gunfire', 'gunman', 'shooter', 'shootout'],
  attack: ['attack', 'attacks', 'terror attack', 'terrorist attack', 'massacre', 'assault', 'ambush', 'stabbing', 'stabbings'],
  strike: ['strike', 'strikes', 'airstrike', 'airstrikes', 'air strike', 'air strikes', 'missile strike', 'missile strikes', 'drone strike', 'drone strikes', 'shelling', 'bombardment'],
  crash: ['crash', 'crashes', 'plane crash', 'collision', 'derailment', 'pile-up', 'wreck'],
  accident: ['accident', 'accidents', 'industrial accident'],
  sinking: ['sinking', 'capsizing', 'shipwreck'],
  collapse: ['collapse', 'building collapse', 'cave-in'],
  stampede: ['stampede', 'crowd crush', 'crush'],
  clashes: ['clashes', 'clash', 'riots', 'riot', 'unrest', 'fighting'],
  protests: ['protests', 'protest', 'demonstrations', 'demonstration', 'march', 'marches', 'rally', 'rallies'],
  war: ['war'],
  conflict: ['conflict'],
  operation: ['operation', 'offensive'],
  outbreak: ['outbreak', 'epidemic'],
};
/** Verbs that name the event: "the train derailed" is the crash, "a tank exploded" the blast. */
const EVENT_VERBS: Record<string, string[]> = {
  crash: ['derailed', 'derails', 'derailing', 'crashed', 'crashes into', 'collided', 'came off the tracks', 'came off the rails', 'left the tracks', 'left the rails', 'jumped the tracks'],
  blast: ['exploded', 'explodes', 'exploding', 'blew up', 'detonated'],
  collapse: ['collapsed', 'collapses', 'caved in'],
  flood: ['flooded', 'inundated', 'burst its banks', 'burst their banks'],
  eruption: ['erupted', 'erupts'],
  sinking: ['capsized', 'capsizes', 'sank', 'sinks', 'sunk'],
  earthquake: ['shook'],
};
/** Event nouns too general to name the event when the story names a more specific one: "the accident" of a derailment story is the crash. */
const GENERIC_EVENTS = new Set(['accident']);
/** Events that are part of another when an article names both: the clashes or riots of a protest are the protest's. */
const PART_OF_EVENT: Record<string, string> = { clashes: 'protests' };
/** Event words that may start a name and still name the event: "Hurricane Milton", "Typhoon Haikui", "Operation Keystone". */
const NAME_PREFIX_EVENTS = new Set(['hurricane', 'typhoon', 'cyclone', 'storm', 'tropical storm', 'superstorm', 'operation']);
const EVENT_OF = new Map<string, string>();
const VERB_FORMS = new Set<string>();
for (const [event, forms] of Object.entries(EVENT_NOUNS)) for (const f of forms) EVENT_OF.set(f, event);
for (const [event, forms] of Object.entries(EVENT_VERBS)) for (const f of forms) if (!EVENT_OF.has(f)) (EVENT_OF.set(f, event), VERB_FORMS.add(f));
const EVENT_RE = termsRegExp([...EVENT_OF.keys()]);
/** "killed by … terrorists": an agent after "by" names an attack. */
const AGENT_RE = /\bby\s+(?:[\p{L}’'&-]+\s+){0,7}?(terrorists|militants|attackers|gunmen|insurgents|assailants|extremists|rebels|bombers)(?![\p{L}])/giu;
/** "opened fire", "under fire", "ceasefire": fire that is no event. */
/** "fire department", "fire crews": fire that is no event. */
const NOT_EVENT_AFTER = /^\s*(?:department|dept|brigade|service|services|fighters?|crews?|chief|station|officials?|engines?|trucks?|alarm|authority|and\s+rescue|safety|officers?|exit|escape|marshal|hydrant)\b/i;
/**
 * An event noun that modifies the noun after it names no event: "riot police", "flood defences", "crash barrier",
 * "earthquake drill", "bomb squad", "storm drains", "blast walls".
 */
const MODIFIES_AFTER = /^(?:\s+|-)(?:police|officers?|squads?|units?|gear|shields?|helmets?|vans?|control|defen[cs]es?|barriers?|walls?|doors?|drills?|exercises?|brigades?|insurance|shelters?|drains?|plains?|disposal|sirens?|proof|resistant|preparedness)(?![\p{L}])/iu;
/** "rally car", "rally driver", "march route": a rally or march of motor sport or a route, no protest. */
const RALLY_MODIFIES_AFTER = /^(?:\s+|-)(?:cars?|drivers?|teams?|circuits?|stages?|racing|racers?|points|routes?|championships?|co-?drivers?|crews?|bikes?|motorcycles?|tracks?|courses?|events?)(?![\p{L}])/iu;
const RALLY_FORMS = new Set(['rally', 'rallies', 'march', 'marches']);
const NOT_EVENT_BEFORE = /(?:open(?:ed|s|ing)?|return(?:ed|ing)?|under|cross|exchange(?:d)?\s+of|set|caught|on)\s+$/i;

/** Where a clause ends: punctuation (not a digit group's comma) and subordinating words. */
const CLAUSE_BREAK = /[;:()—–]|,(?!\d)|\s(?:after|before|when|while|following|since|because|amid|but|although|though|whereas|as)\s/giu;

/** Verbs naming who gave a figure: "police said", "told reporters", "confirmed". */
const SPEECH = 'said|says|say|told|tells|reported|reports|confirmed|confirms|announced|announces|stated|states|estimated|estimates|put|puts|added|adds|tallied|counted|recorded|registered|gave';
const SPEECH_AFTER_RE = new RegExp(`(?<![\\p{L}])(?:(?:has|have|had)\\s+)?(?:${SPEECH})(?![\\p{L}])`, 'giu');
const ACCORDING_RE = /(?<![\p{L}])according\s+to\s+((?:[\p{L}\p{N}’'&.-]+\s*){1,7}?)(?=[,;:.!?)”"]|\s+(?:on|in|at|which|who|that|and|but|while|as|the\s+toll|the\s+death|there)\b|$)/giu;
/** Words that end a source phrase when reading back from a speech verb. */
const NOT_SOURCE = new Set(
  ('was were is are be been being had have has killed died dead injured wounded missing that which who whom and but or while as after when ' +
    'to in on at by for with from than then also it its they them he she we i you there this these those people toll figure number ' +
    'rose risen climbed later earlier initially reports report said says told so if not no yet still now').split(' '),
);
const COMMON_SOURCES = new Set(['police', 'officials', 'authorities', 'rescuers', 'witnesses', 'residents', 'doctors', 'medics', 'firefighters', 'paramedics', 'hospital', 'hospitals', 'officers', 'sources', 'investigators', 'volunteers', 'officials', 'prosecutors', 'emergency']);

/** Words that say a figure changed: "rose to", "climbed to", "revised", "the latest figures". */
const RISE_RE = /(?<![\p{L}])(rose|rises|risen|rising|climbed|climbs|climbing|jumped|jumps|increased|went up|has grown|grew|revised|updated|latest|now stands|now stood|has reached|reached|mounted|swelled|soared)(?![\p{L}])/iu;
/**
 * "now" in a figure's own clause ("15 people had now been arrested", "are now confirmed dead") gives the figure as it
 * stands at the time of writing: a change, like "latest". Elsewhere in the sentence it is another clause's ("who now
 * live in shelters").
 */
const NOW_RE = /(?<![\p{L}])(now)(?![\p{L}])/iu;
/** Words that mark a figure as an earlier one: "initially", "earlier reports". */
const EARLIER_RE = /(?<![\p{L}])(initially|originally|previously|earlier|first reported|preliminary|at first)(?![\p{L}])/iu;
const EARLIER_JUST_BEFORE = /(?:from|initially|originally|previously|earlier|first|had\s+been|at\s+first\s+said)(?:\s+(?:said|reported|put|gave|an?|the))?\s*$/i;

/** Words allowed between a cue and a bare number after it: "death toll rose to 40". */
const CONNECTORS = new Set(
  'to at of is was stood stands rose risen has had have now jumped increased reached hit passed climbed from the a an reportedly further another total nationwide'.split(' '),
);
/** Words allowed between a bare number and a cue after it: "14 had died", "40 were killed". */
const AUX = new Set('had have has were was are is been being later reportedly confirmed also all people more others other still'.split(' '));
/** Words that may follow a bare number (so "killed 14 soldiers" is not read as 14 of the unit). */
const AFTER_BARE = new Set(
  'and or in on at as after when while during including with were was had have has are is been more others by across from since so far according people reported said still'.split(' '),
);
/** What can happen to people or homes in an event: a number nearer one of these than to the rule's own cue is another count. */
const OUTCOMES_RE = /(?<![\p{L}])(killed|killing|kills|dead|died|deaths?|fatalities|perished|injured|injuring|injuries|wounded|wounding|hurt|hospitali[sz]ed|missing|unaccounted|arrested|arrests|detained|displaced|evacuated|flee|fled|fleeing|homeless|rescued|survivors|destroyed|damaged|flattened|collapsed)(?![\p{L}])/giu;
/** Outcome words of dying (OUTCOMES_RE). */
const DYING_RE = /^(?:killed|killing|kills|dead|died|deaths?|fatalities|perished)$/;
/**
 * What parts a number from a word of another clause or another subject: a clause break, or "and"/"or" joining a
 * new subject ("Seven people died and 43 passengers were hurt"). Breaks a tie between two outcome words as near.
 */
const LINK_BREAK = /[;:()—–]|,(?!\d)|(?<![\p{L}])(?:and|or|but|while|whereas|after|before|when|as)(?![\p{L}])/iu;
/** A word for the total of a count: "the death toll", "the tally". */
const TOLL_RE = /(?<![\p{L}])(?:toll|tally)(?![\p{L}])/iu;
/** Verbs by which a toll reaches a figure: "rose to", "has climbed to", "jumps to". */
const RISE_VERBS = 'rose|rises|risen|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|reached|reaches|soared|swelled|mounted|grew|grown|went\\s+up|gone\\s+up';
/**
 * Right after a figure, words that make it a part of a group named after it: "Five of the dead were passengers", "two
 * of those killed", "three of them". Such a figure is not the group's count.
 */
const PART_AFTER = /^\s+of\s+(?:them|whom|those|these|the\s+(?:[\p{L}\p{N},-]+\s+){0,2}?(?:dead|victims|injured|wounded|killed|missing|casualties|fatalities|arrested|detained|hurt|survivors))(?![\p{L}])/iu;
/**
 * Between a figure and the next one, what opens an aside breaking the first down: "Seven people, five passengers and
 * two crew members, died", "Seven people (five passengers…)", "Seven people – including five passengers – died".
 */
const ASIDE_OPEN = /^\s*(,|\(|—|–|\s-)\s*(?:including\s+|among\s+them\s+)?/iu;
const opensAside = (gap: string): boolean => ASIDE_OPEN.exec(gap)?.[0].length === gap.length;
/** Between two parts of such an aside: "five passengers, two crew and one guard". */
const PARTS_NEXT = /^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)$/iu;
/**
 * Where an aside opened right after a figure ends, when it is one: "(…)", "– … –", or ", five passengers and two crew
 * members," (a list of figures up to a comma that opens no further figure).
 */
function asideEnd(text: string, from: number): number | undefined {
  const open = ASIDE_OPEN.exec(text.slice(from));
  if (!open) return undefined;
  const at = from + open[0].length;
  const mark = open[1]!.trim();
  if (mark === '(') return text.indexOf(')', at) < 0 ? undefined : text.indexOf(')', at);
  if (mark !== ',') {
    const close = text.slice(at).search(/[—–]|\s-\s/u);
    return close < 0 ? undefined : at + close;
  }
  const leadsFigure = (k: number) => NUMBER_WORD.test(/^\s*(?:and\s+)?([\p{L}\p{N}]+)/u.exec(text.slice(k))?.[1] ?? '');
  if (!leadsFigure(at)) return undefined;
  for (let c = text.indexOf(',', at); c >= 0; c = text.indexOf(',', c + 1)) {
    if (/\d/.test(text[c - 1] ?? '') && /\d/.test(text[c + 1] ?? '')) continue; // "2,000"
    if (/[;:()—–]/u.test(text.slice(at, c))) return undefined;
    if (!leadsFigure(c + 1)) return c;
  }
  return undefined;
}
/** Right before a figure its clause calls the toll: "the toll … has risen to", "stands at", "a death toll of". */
const TOTAL_BEFORE = new RegExp(`(?:(?:${RISE_VERBS}|stands?|stood|is|was|of)\\s+(?:to\\s+|at\\s+)?)$`, 'i');
/** "climbed to 23", "rose to 31": a figure a toll reached. */
const RISE_TO_BEFORE = new RegExp(`(?:${RISE_VERBS})\\s+(?:to\\s+)?$`, 'i');
const FROM_BEFORE = /(?:up\s+|down\s+)?from\s+(?:an?\s+)?(?:(?:earlier|initial|previous|first)\s+)?(?:(?:figure|toll|count|estimate|tally)\s+(?:of\s+)?)?$/i;
const NUMBER_WORD = /^(?:\d[\d,.]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens|hundreds|thousands)$/i;

// ---------------------------------------------------------------------------

interface Compiled {
  /** Sticky: tried only where a quantity may start (quantityStarts). */
  quantityAt: Matcher;
  bareAt?: Matcher;
  /** Global. */
  unitFirst?: Matcher;
  cue: RegExp;
  /** Pre-filters (see literalFilter): a sentence they do not match holds no cue / no unit word. */
  cueFilter?: RegExp;
  unitFilter?: RegExp;
}
const compiled = new WeakMap<object, Compiled>();

function unitWordsSource(words: string[]): string {
  return termsSource(words) ?? '(?!)';
}

function compile(o: CountOptions): Compiled {
  let c = compiled.get(o);
  if (!c) {
    const unitWords = unitWordsSource(o.unit_words);
    c = {
      quantityAt: matcher(`(?<![\\p{L}\\p{N},.])(${QUANTITY_SOURCE})(?:\\s+|-)(?:of\\s+)?((?:[\\p{L}’'-]+\\s+){0,${o.max_gap}}?)(${unitWords})`, 'y'),
      cue: termsRegExp(o.cues),
    };
    const cueFilter = literalFilter(o.cues);
    if (cueFilter) c.cueFilter = cueFilter;
    const unitFilter = literalFilter(o.unit_words);
    if (unitFilter) c.unitFilter = unitFilter;
    if (o.unit_first) {
      c.unitFirst = matcher(`(${unitWords})(?:\\s+of|-|\\s+)\\s*(?:(?:was|is|of|at|measuring|measured)\\s+)?(${QUANTITY_SOURCE})(?![\\p{L}\\p{N}]|[.,]\\d)`, 'g');
    }
    if (o.bare) c.bareAt = matcher(`(?<![\\p{L}\\p{N},.$€£])(${QUANTITY_SOURCE})(?![\\p{L}\\p{N}%]|[.,]\\d)`, 'y');
    compiled.set(o, c);
  }
  return c;
}

// ---------------------------------------------------------------------------
// Quantity regexes without the i flag. QUANTITY_SOURCE is large, and V8 takes tens of milliseconds to
// compile it case-insensitively (twice: to bytecode, then to machine code), for every rule: that was
// most of the time a count rule took. Without the i flag it compiles several times faster and runs
// faster. So the regex is run, in lower case, on the sentence in lower case, which gives the same
// matches at the same offsets:
// - toLowerCase keeps every offset unless the text holds "İ" (U+0130, two code units in lower case);
//   then the i-flag regex runs on the text as written;
// - under the u and i flags an ASCII letter matches its two cases, and "ſ" (U+017F) matches s and "K"
//   (U+212A) matches k: toLowerCase gives the same letter for all of them once ſ is replaced by s;
// - \p{L} (and \p{N}, \s, \d, punctuation) match the same characters in the lower-case text, except
//   the combining ypogegrammeni U+0345, which the i flag adds to \p{L} (it folds to a Greek iota):
//   added to each \p{L}.
// (Checked over every code point against the regexes this file builds.) Groups are read back from the
// text as written, at the same offsets.

interface Matcher {
  /** The regex as written, u and i flags (and g or y). */
  re: RegExp;
  /** The same regex for the lower-case text (u flag, and d for group offsets), when it can be built. */
  lower?: RegExp;
}

function matcher(source: string, mode: 'g' | 'y'): Matcher {
  const m: Matcher = { re: new RegExp(source, `iu${mode}`) };
  const lower = lowerCaseSource(source);
  if (lower !== undefined) m.lower = new RegExp(lower, `du${mode}`);
  return m;
}

/**
 * A regex source for the u and i flags rewritten for the u flag alone, on lower-case text: ASCII letters
 * in lower case, U+0345 beside each \p{L}. Undefined for what it does not handle (letters other than
 * ASCII, letters in a class, \b, \w, backreferences, named groups…): the regex is then used as written.
 */
export function lowerCaseSource(src: string): string | undefined {
  let out = '';
  let i = 0;
  let inClass = false;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === 'p' && src.startsWith('{', i + 2)) {
        const end = src.indexOf('}', i);
        const prop = src.slice(i, end + 1);
        if (!/^\\p\{(?:L|N)\}$/.test(prop)) return undefined;
        out += prop === '\\p{L}' ? (inClass ? '\\p{L}\\u0345' : '[\\p{L}\\u0345]') : prop;
        i = end + 1;
        continue;
      }
      if (n === undefined || !/^[sd.\-\\/^$*+?()[\]{}|,'’‘@&%€£]$/.test(n)) return undefined; // \b \w \k \u \1 …
      out += c + n;
      i += 2;
      continue;
    }
    if (inClass) {
      if (/[A-Za-z]/.test(c) || hasCase(c)) return undefined;
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') return undefined;
      i++;
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const group = /^\(\?(?::|=|!|<=|<!)/.exec(src.slice(i, i + 4));
      if (!group) return undefined; // named groups
      out += group[0];
      i += group[0].length;
      continue;
    }
    if (c === '{') {
      const q = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
      if (!q) return undefined;
      out += q[0];
      i += q[0].length;
      continue;
    }
    if (/[A-Za-z]/.test(c)) out += c.toLowerCase();
    else if (c === '.' || c === '$' || hasCase(c)) return undefined; // see END below
    else out += c;
    i++;
  }
  return inClass ? undefined : out;
}

/** A character other than ASCII that is a letter or has another case (the i flag would fold it). */
function hasCase(c: string): boolean {
  return c > '\u007f' && (/\p{L}|\u0345/u.test(c) || c.toLowerCase() !== c || c.toUpperCase() !== c);
}

/**
 * Appended to the lower-case text so that V8 always sees a two-byte string: it compiles a regex once per
 * string width, and news text comes in both (curly quotes are two-byte). Nothing in these regexes can
 * match or end at it (no ".", "$", \S, negated class: lowerCaseSource refuses them), and the negative
 * lookaheads accept it as they accept the end of the text, so the matches are unchanged.
 */
const END = '\uffff';

/** The sentence in lower case (and END) for Matcher.lower, or null when lower case moves offsets (U+0130). */
function lowerCaseText(info: SentenceInfo, text: string): string | null {
  if (info.lower === undefined) {
    const lower = text.toLowerCase().replaceAll('ſ', 's');
    info.lower = lower.length === text.length ? lower + END : null;
  }
  return info.lower;
}

/** A match with its groups as written in the sentence. */
interface Match {
  index: number;
  0: string;
  1?: string;
  2?: string;
  3?: string;
}

/** One exec of a matcher from `from` (the regex's lastIndex), on the lower-case text when it can. */
function execFrom(mt: Matcher, info: SentenceInfo, text: string, from: number): { m: Match | null; next: number } {
  const lower = mt.lower ? lowerCaseText(info, text) : null;
  if (!lower) {
    mt.re.lastIndex = from;
    const m = mt.re.exec(text);
    return { m, next: mt.re.lastIndex };
  }
  const re = mt.lower!;
  re.lastIndex = from;
  const m = re.exec(lower);
  if (!m) return { m: null, next: re.lastIndex };
  const out: Match = { index: m.index, 0: text.slice(m.index, m.index + m[0].length) };
  for (let g = 1; g <= 3 && g < m.length; g++) {
    const at = m.indices![g];
    if (at) out[g as 1 | 2 | 3] = text.slice(at[0], at[1]);
  }
  return { m: out, next: re.lastIndex };
}

/** Every match of a global matcher, in order. */
function* allMatches(mt: Matcher, info: SentenceInfo, text: string): Generator<Match> {
  let from = 0;
  for (;;) {
    const { m, next } = execFrom(mt, info, text, from);
    if (!m) return;
    yield m;
    from = next;
  }
}

// ---------------------------------------------------------------------------
// Pre-filters. The rule's regexes run with the u and i flags and a lookbehind, which V8 tries at every
// position of every sentence, and most sentences hold no cue, no unit word or no number. A plain regex
// (no u flag, no lookbehind) of literal words rejects them first. Each filter is a necessary condition
// of the regex it guards, so what the rule reads is unchanged.


/** Number words that may begin a quantity (QUANTITY_SOURCE), as they begin a word; "a dozen" is found by "dozen". */
const NUMBER_WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand|million|billion|scores';
/** A quantity holds a digit or a number word: the sentence-level pre-filter (ſ as in literalFilter). */
const ANY_NUMBER = new RegExp(`\\d|${NUMBER_WORDS.replace(/s/g, '[sſ]')}`, 'i');
/** A word (run of letters and digits, in lower case, ſ folded) that a quantity's number may start with. */
const NUMBER_RUN = new RegExp(`^(?:\\d|${NUMBER_WORDS})`);
/**
 * Words that may stand in a quantity before its first number: the words of the hedges ("no fewer than",
 * "as many as"), "between", and the "a" of "a dozen" (QUANTITY_SOURCE, lower case).
 */
const HEDGE_WORDS = new Set(
  'at least no fewer than less a minimum of more upwards in excess just over well nearly almost close to under approaching about around approximately roughly some an estimated up as many most between'.split(' '),
);

/** What every count rule reads the same way in a sentence, computed at most once per article. */
interface SentenceInfo {
  /** Whether a quantity can be read at all (ANY_NUMBER). */
  numbers: boolean;
  /** Offsets where words (runs of letters and digits) start, for wordIndex. */
  wordStarts?: number[];
  /** Offsets where a quantity may start, ascending. */
  quantityStarts?: number[];
  /** The text in lower case (lowerCaseText). */
  lower?: string | null;
  outcomes?: { at: number; start: number; word: string }[];
}
interface ArticleMemo {
  sentences: (SentenceInfo | undefined)[];
  events?: ArticleEvents;
  /** Live-blog entries by paragraph (entryOf). */
  entries?: Map<number, Entry>;
  /** The article's date as its text gives it (a dateline's), when it has no published date; null when none. */
  textDate?: string | null;
}
const articleMemos = new WeakMap<Article, ArticleMemo>();

function memoOf(article: Article): ArticleMemo {
  let m = articleMemos.get(article);
  if (!m) articleMemos.set(article, (m = { sentences: [] }));
  return m;
}

function sentenceInfo(memo: ArticleMemo, s: Sentence): SentenceInfo {
  let info = memo.sentences[s.index];
  if (!info) memo.sentences[s.index] = info = { numbers: ANY_NUMBER.test(s.text) };
  return info;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * Word starts of a sentence, and where a quantity may start. A quantity regex match begins at a word
 * start (its lookbehind rejects a letter or digit before, and every alternative begins with one): at a
 * word that begins with a digit or a number word, or at a run of hedge words right before one.
 */
function readWords(info: SentenceInfo, text: string): void {
  const starts: number[] = [];
  const folded: string[] = [];
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(text); m; m = WORD_RUN.exec(text)) {
    starts.push(m.index);
    folded.push(m[0].toLowerCase().replaceAll('ſ', 's'));
  }
  const quantityStarts: number[] = [];
  let next = 0; // first word index not yet added
  for (let w = 0; w < folded.length; w++) {
    if (!NUMBER_RUN.test(folded[w]!)) continue;
    let k = w;
    while (k > next && HEDGE_WORDS.has(folded[k - 1]!)) k--;
    for (; k <= w; k++) quantityStarts.push(starts[k]!);
    next = w + 1;
  }
  info.wordStarts = starts;
  info.quantityStarts = quantityStarts;
}

/**
 * Word index of an offset in a sentence: how many words start before it, as wordIndex counts them.
 * Offsets come from u-flag matches, so they never split a surrogate pair and the counts agree.
 */
function wordIndexIn(info: SentenceInfo, text: string, offset: number): number {
  if (!info.wordStarts) readWords(info, text);
  const starts = info.wordStarts!;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The matches of a global quantity regex in a sentence, in order, found by trying its sticky copy only
 * where a quantity may start: the leftmost match from each point on is the same, so the same matches.
 * A match whose number is not a quantity (`notQuantity`: a date's "4" in "on March 4 killed eight
 * people") is passed over without swallowing the quantity it spans: the next start is tried.
 */
function* quantityMatches(at: Matcher, info: SentenceInfo, text: string, notQuantity: (m: Match) => boolean): Generator<Match> {
  if (!info.quantityStarts) readWords(info, text);
  let from = 0;
  for (const start of info.quantityStarts!) {
    if (start < from) continue;
    const { m } = execFrom(at, info, text, start);
    if (m && !notQuantity(m)) {
      from = m.index + m[0].length;
      yield m;
    }
  }
}

function outcomesIn(info: SentenceInfo, text: string): { at: number; start: number; word: string }[] {
  info.outcomes ??= [...text.matchAll(OUTCOMES_RE)].map((m) => ({ at: wordIndexIn(info, text, m.index!), start: m.index!, word: m[0].toLowerCase() }));
  return info.outcomes;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}’'.,-]*/gu)?.map((w) => w.replace(/[.,]+$/, '')) ?? [];
}

interface EventHit {
  event: string;
  start: number;
  end: number;
  text: string;
  /** How strongly the words name the event: a noun ("the crash"), a verb ("derailed"), a general noun ("the accident"), or a word inside a name ("the Accident Investigation Board"). */
  kind: 'noun' | 'verb' | 'generic' | 'named';
}

const CAP_WORD = /^\p{Lu}[\p{L}’'-]*$/u;
/** Whether most words of a sentence are capitalised (a headline in title case): names cannot be told there. */
function titleCase(text: string): boolean {
  const ws = text.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  const long = ws.filter((w) => w.length > 3);
  return long.length >= 3 && long.filter((w) => CAP_WORD.test(w)).length / long.length >= 0.6;
}

/**
 * Whether an event word at [start, end) modifies a Capitalised Multi-Word Name
 * ("Accident Investigation Board", "Flood Control Agency"): it names an
 * institution, not the event. An event word that ends a name ("the Pahalgam
 * Attack", "the Camp Fire") or starts a storm's or an operation's name
 * ("Hurricane Milton") still names the event.
 */
function insideName(text: string, start: number, end: number, form: string): boolean {
  if (!/^\p{Lu}/u.test(text.slice(start, end))) return false;
  const next = /^[ \t]+(\p{Lu}[\p{L}’'-]*)/u.exec(text.slice(end));
  if (!next) return false;
  if (NAME_PREFIX_EVENTS.has(form)) return false;
  return true;
}

/** Pre-filters of EVENT_RE and AGENT_RE (see literalFilter). */
const EVENT_FILTER = literalFilter([...EVENT_OF.keys()]);
const AGENT_FILTER = literalFilter(['terrorists', 'militants', 'attackers', 'gunmen', 'insurgents', 'assailants', 'extremists', 'rebels', 'bombers']);

/** Event nouns in a sentence, in order. */
export function eventsIn(text: string): EventHit[] {
  const out: EventHit[] = [];
  let headline: boolean | undefined;
  EVENT_RE.lastIndex = 0;
  for (let m = mayMatch(EVENT_FILTER, text) ? EVENT_RE.exec(text) : null; m; m = EVENT_RE.exec(text)) {
    const form = m[0].toLowerCase().replace(/\s+/g, ' ');
    const event = EVENT_OF.get(form);
    if (!event) continue;
    if (form === 'march' && m[0].startsWith('M')) continue; // the month
    // a headline in title case has no names to tell (titleCase only when it matters: it is slow)
    const named = insideName(text, m.index, m.index + m[0].length, form) && !(headline ??= titleCase(text));
    const kind: EventHit['kind'] = named ? 'named' : VERB_FORMS.has(form) ? 'verb' : GENERIC_EVENTS.has(event) ? 'generic' : 'noun';
    if (MODIFIES_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
    if (RALLY_FORMS.has(form) && RALLY_MODIFIES_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
    if (event === 'fire' && (NOT_EVENT_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)) || NOT_EVENT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20)))) continue;
    out.push({ event, start: m.index, end: m.index + m[0].length, text: m[0], kind });
  }
  AGENT_RE.lastIndex = 0;
  for (let m = mayMatch(AGENT_FILTER, text) ? AGENT_RE.exec(text) : null; m; m = AGENT_RE.exec(text)) {
    const at = m.index + m[0].length - m[1]!.length;
    out.push({ event: 'attack', start: at, end: at + m[1]!.length, text: m[1]!, kind: 'noun' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The clause [start, end) of a sentence around an offset. */
function clauseAround(text: string, at: number, end: number): [number, number] {
  let lo = 0;
  let hi = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    const b = m.index;
    if (b + m[0].length <= at) lo = b + m[0].length;
    else if (b >= end) {
      hi = b;
      break;
    }
  }
  return [lo, hi];
}

/** The event a figure at [at, end) of a sentence belongs to, or undefined. */
function eventFor(s: Sentence, at: number, end: number, hits: EventHit[], before: EventHit[][]): EventHit | undefined {
  if (hits.length) {
    const [lo, hi] = clauseAround(s.text, at, end);
    const dist = (h: EventHit) => (h.end <= at ? at - h.end : h.start >= end ? h.start - end : 0);
    const inClause = hits.filter((h) => h.start >= lo && h.end <= hi);
    if (inClause.length) return inClause.reduce((a, b) => (dist(b) < dist(a) ? b : a));
    const prev = hits.filter((h) => h.end <= at);
    if (prev.length) return prev[prev.length - 1];
    return hits[0];
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const b = before[i]!;
    if (b.length) return b[0]; // the first event of the sentence before: usually its subject
  }
  return undefined;
}

/**
 * Between a figure and a source after it: a clause with a figure of its own ("and nearly 200 were hurt", "; 12 …") that
 * the source ends with no comma between ("… were hurt according to the organisers"). A source set off by a comma
 * ("…, the governor said") speaks for the whole sentence.
 */
const ANOTHER_FIGURE = new RegExp(`(?:[;:]|(?<![\\p{L}])(?:and|but|while|whereas)(?![\\p{L}]))\\s+(?:[\\p{L}]+\\s+){0,2}?(?:\\d|(?:${NUMBER_WORDS})(?![\\p{L}]))(?:[^,]|,(?=\\d))*$`, 'iu');

/** Who gave the figure: the source named by a speech verb or "according to" in the sentence, nearest the number. */
export function sourceOf(text: string, at: number, end = at): string | undefined {
  const found: { at: number; source: string }[] = [];
  ACCORDING_RE.lastIndex = 0;
  for (let m = ACCORDING_RE.exec(text); m; m = ACCORDING_RE.exec(text)) {
    const src = m[1]!.trim().replace(/[,.]$/, '');
    if (src) found.push({ at: m.index, source: src });
  }
  SPEECH_AFTER_RE.lastIndex = 0;
  for (let m = SPEECH_AFTER_RE.exec(text); m; m = SPEECH_AFTER_RE.exec(text)) {
    // read back from the verb: "the district hospital said", "police have said"
    const head = text.slice(0, m.index);
    const toks = head.match(/[\p{L}\p{N}][\p{L}\p{N}’'&.-]*\s*$/u);
    const back: string[] = [];
    let rest = head;
    while (back.length < 6) {
      const t = /([\p{L}][\p{L}\p{N}’'&.-]*)\s*$/u.exec(rest);
      if (!t || !toks) break;
      const w = t[1]!.replace(/\.$/, '');
      const between = rest.slice(t.index + t[0].length);
      if (/[,;:“”"()]/.test(between)) break;
      if (NOT_SOURCE.has(w.toLowerCase()) || NUMBER_WORD.test(w)) break;
      back.unshift(w);
      rest = rest.slice(0, t.index);
    }
    while (back.length && ['of', 'the', 'a', 'an'].includes(back[back.length - 1]!.toLowerCase())) back.pop();
    if (back.length) {
      found.push({ at: m.index, source: back.join(' ') });
      continue;
    }
    // inverted: "…, said police spokesperson Ana Ruiz."
    const after = /^\s+((?:the\s+|a\s+)?(?:[\p{L}][\p{L}\p{N}’'&.-]*\s*){1,6}?)(?=[,;:.!?)”"]|$|\s+(?:on|in|at|who|which|that|and)\b)/u.exec(text.slice(m.index + m[0].length));
    if (after && /^(?:said|says|told|reported|confirmed|added|stated)$/i.test(m[0].trim()) && /[,”"]\s*$/.test(head)) {
      found.push({ at: m.index, source: after[1]!.trim() });
    }
  }
  // a source phrase belongs to the clause it ends: not to a figure before "and" and another figure ("40 people were
  // arrested and nearly 200 were hurt according to the organisers": the organisers gave the 200)
  const own = found.filter((f) => f.at <= at || !ANOTHER_FIGURE.test(text.slice(end, f.at)));
  if (!own.length) return undefined;
  const best = own.reduce((a, b) => (Math.abs(b.at - at) < Math.abs(a.at - at) ? b : a));
  let src = best.source.replace(/\s+/g, ' ').replace(/^(?:the\s+)?(?:(?:latest|official|preliminary|new|updated)\s+)?(?:figures|data|count|tally|numbers|statement|report)\s+(?:from|by|of|released\s+by)\s+/i, '');
  const first = src.split(' ')[0]!;
  if (/^(?:The|A|An)$/.test(first) || COMMON_SOURCES.has(first.toLowerCase())) src = src.charAt(0).toLowerCase() + src.slice(1);
  return src;
}

/** Event words per sentence of an article and its first event, as every entity-free count rule reads them. */
interface ArticleEvents {
  perSentence: EventHit[][];
  first?: EventHit;
  /** The sentence that names `first`, -1 for the title: a figure before it does not take it. */
  firstAt?: number;
}

/**
 * Entity-free: event words per sentence, resolved once per article (shared by the count rules) when a figure
 * first needs a subject. Words inside names ("Accident Investigation Board") are dropped; when the story
 * names one kind of event, its verbs and general words ("derailed", "the accident") name that same event:
 * one subject per story. Nothing here depends on the rule, and the hits are never modified.
 */
function articleEvents(article: Article, memo: ArticleMemo): ArticleEvents {
  if (memo.events) return memo.events;
  // a line pointing to another story names that story's event, not this one's; so does a clause about a past event
  // ("In 2016, 48 people died when a ferry capsized in a storm": the storm is not this story's event)
  const year = publishedYear(article.meta.published ?? textDateOf(article, memo));
  const raw = article.sentences.map((x) => (x.related ? [] : eventsIn(x.text).filter((h) => !ofThePast(x.text, clauseAround(x.text, h.start, h.end), year))));
  const title = article.meta.title ? eventsIn(String(article.meta.title)) : [];
  const all = [...title, ...raw.flat()];
  const families = (kind: EventHit['kind']) => new Set(all.filter((h) => h.kind === kind).map((h) => h.event));
  const nouns = families('noun');
  const specific = nouns.size ? nouns : families('verb');
  const only = specific.size === 1 ? [...specific][0]! : undefined;
  const whole = (e: string) => (PART_OF_EVENT[e] !== undefined && nouns.has(PART_OF_EVENT[e]) ? PART_OF_EVENT[e] : e);
  const fix = (hs: EventHit[]) =>
    hs
      .filter((h) => h.kind !== 'named')
      .map((h) => (only && h.event !== only && (h.kind === 'verb' || h.kind === 'generic') ? { ...h, event: only } : whole(h.event) !== h.event ? { ...h, event: whole(h.event) } : h));
  const perSentence = raw.map(fix);
  const titleFirst = fix(title)[0];
  const firstAt = titleFirst ? -1 : perSentence.findIndex((x) => x.length);
  const first = titleFirst ?? perSentence[firstAt]?.[0];
  memo.events = first ? { perSentence, first, firstAt } : { perSentence };
  return memo.events;
}

/**
 * A live blog's entry time opening a paragraph: "10:42 GMT —", "4.05pm:", "2:30 p.m. —", "14h30 —", "**16:05** –",
 * "14:30 CEST —". A zone other than GMT/UTC is read as the zone of the published time.
 */
const ENTRY_TIME = /^[\s*_]*(\d{1,2})[:.h](\d{2})\s*(?:([ap])\.?m\b\.?)?\s*(?:(GMT|UTC|Z)|[A-Z]{1,4}T|MSK)?[\s*_]*[—–:-]/i;

/** A live-blog entry: its time of day ("10:42", or "10:42Z" in GMT/UTC) and its day counted from the published date's. */
interface Entry {
  time: string;
  day: number;
}

/**
 * The live-blog entry a sentence is in, read from the start of its paragraph: a
 * blog that updates a toll through the day gives each figure its own time, not
 * the article's.
 */
function entryOf(article: Article, s: Sentence): Entry | undefined {
  const memo = memoOf(article);
  memo.entries ??= liveBlogEntries(article);
  return memo.entries.get(s.paragraph);
}

/** Every paragraph that opens with an entry time, with the day each entry is on. */
function liveBlogEntries(article: Article): Map<number, Entry> {
  const found: { paragraph: number; time: string; minutes: number }[] = [];
  let last = -1;
  for (const s of article.sentences) {
    if (s.paragraph === last) continue; // a paragraph's first sentence opens it
    last = s.paragraph;
    const m = ENTRY_TIME.exec(s.text);
    if (!m) continue;
    let h = Number(m[1]);
    const min = Number(m[2]);
    if (m[3]) h = (h % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
    if (h > 23 || min > 59) continue;
    found.push({ paragraph: s.paragraph, time: `${String(h).padStart(2, '0')}:${m[2]}${m[4] ? 'Z' : ''}`, minutes: h * 60 + min });
  }
  const clock = /T(\d\d):(\d\d)/.exec(String(article.meta.published ?? ''));
  const days = entryDays(
    found.map((f) => f.minutes),
    clock ? Number(clock[1]) * 60 + Number(clock[2]) : undefined,
  );
  return new Map(found.map((f, i) => [f.paragraph, { time: f.time, day: days[i]! }]));
}

const DAY_MINUTES = 24 * 60;

/**
 * The day of each live-blog entry (minutes of the day, in the blog's order),
 * counted from the published date's: a blog that runs past midnight goes on
 * the next day. The blog runs oldest first or newest first, whichever makes its
 * entries span less time ("23:50" then "00:10" is twenty minutes, not a day);
 * in time order, an entry earlier in the day than the one before it is on the
 * next day. The earliest entry is on the published date, unless the published
 * time of day (`published`, when the date gives one) lies nearer the entries
 * with the latest on it: a blog dated by its last update.
 */
export function entryDays(minutes: number[], published?: number): number[] {
  const n = minutes.length;
  const days = (order: number[]): { day: number[]; span: number } => {
    const day = new Array<number>(n).fill(0);
    let d = 0;
    for (let k = 1; k < order.length; k++) {
      if (minutes[order[k]!]! < minutes[order[k - 1]!]!) d++;
      day[order[k]!] = d;
    }
    const span = order.length ? minutes[order[order.length - 1]!]! + d * DAY_MINUTES - minutes[order[0]!]! : 0;
    return { day, span };
  };
  const forward = [...minutes.keys()];
  const oldestFirst = days(forward);
  const newestFirst = days([...forward].reverse());
  const { day } = newestFirst.span < oldestFirst.span ? newestFirst : oldestFirst;
  let last = 0; // a loop, not Math.max(...day): a huge article may have more entries than a call takes arguments
  for (const d of day) if (d > last) last = d;
  if (last === 0 || published === undefined) return day;
  let first = Infinity;
  let end = -Infinity;
  for (let i = 0; i < n; i++) {
    first = Math.min(first, minutes[i]! + day[i]! * DAY_MINUTES);
    end = Math.max(end, minutes[i]! + day[i]! * DAY_MINUTES);
  }
  const away = (a: number, b: number) => (published < a ? a - published : published > b ? published - b : 0);
  const shift = last * DAY_MINUTES;
  return away(first - shift, end - shift) < away(first, end) ? day.map((d) => d - last) : day;
}

/**
 * The published time with a live-blog entry's day and time of day put in (the
 * date moved by `day` days, and the zone unless the entry gives one).
 */
function atEntry(published: string | undefined, entry: unknown, day: unknown = 0): string | undefined {
  if (!published || typeof entry !== 'string' || !/^\d{4}-\d\d-\d\d/.test(published)) return published;
  // a published time without a zone is read as local time, as every other such time is: the entry then too
  const zone = entry.endsWith('Z') ? 'Z' : (/(?:Z|[+-]\d\d:?\d\d)$/.exec(published)?.[0] ?? '');
  let date = published.slice(0, 10);
  if (typeof day === 'number' && day !== 0) {
    const [y, m, d] = date.split('-').map(Number);
    date = new Date(Date.UTC(y!, m! - 1, d! + day)).toISOString().slice(0, 10);
  }
  return `${date}T${entry.slice(0, 5)}:00${zone}`;
}

/**
 * An article with no published date is dated by its dateline, when one of its first sentences opens with one:
 * "DUNMORE, June 16, 2025 – …" is 2025-06-16. (Only a dateline: another date in the text may be the event's.)
 */
function textDateOf(article: Article, memo: ArticleMemo): string | undefined {
  const p = article.meta.published as unknown;
  if (p !== undefined && p !== null && p !== '') return undefined;
  if (memo.textDate === undefined) {
    memo.textDate = null;
    for (const s of article.sentences.slice(0, 3)) {
      const d = s.related ? undefined : fullDates(s.text).find((x) => isDateline(s.text, x.start, x.end));
      if (d) {
        memo.textDate = d.iso;
        break;
      }
    }
  }
  return memo.textDate ?? undefined;
}

/** The article's year: from its published date as the date rule reads it ("2025-06-03", "June 3, 2025"), else a leading year ("2025", "2025-06"). */
function publishedYear(published: string | undefined): number | undefined {
  const p = published === undefined ? undefined : String(published);
  const iso = parseReference(p) ?? /^\s*(\d{4})\b/.exec(p ?? '')?.[1];
  return iso ? Number(iso.slice(0, 4)) : undefined;
}

/** A year in a clause ("in a 2019 blaze", "The fire of 2019 killed 30"), not after "since" ("the worst since 2019"). */
const YEAR_IN = new RegExp(`(?<!\\bsince\\s)(?<!\\d(?:st|nd|rd|th)?,?\\s)(?<!(?:${MONTHS})\\.?\\s)(?<![\\p{L}\\p{N}])((?:19|20)\\d\\d)(?![\\p{L}\\p{N}])`, 'gu');
const PAST_WORDS = /\b(?:last year|years ago|a year ago)\b/i;
/**
 * "In 2019, …", "In March 2019, …" opening the sentence, or a year anywhere in an opening phrase up to its comma: "In the
 * 2023 pension riots, …", "During the floods of 2019, …".
 */
const YEAR_LEAD = new RegExp(
  `^\\s*(?:In|During|Back in)\\s+(?:(?:(?:${MONTHS})\\.?\\s+)?((?:19|20)\\d\\d)\\b|[^,;:()—–]*?(?<![\\p{L}\\p{N}])((?:19|20)\\d\\d)(?![\\p{L}\\p{N}])[^,;:()—–]*,)`,
  'u',
);
/** "Six years ago, …", "Last year, …", "Last month, …" opening the sentence: its first clause. */
const PAST_LEAD = /^\s*(?:(?:[\p{L}\d-]+\s+)?(?:years|decades|months)\s+ago|an?\s+(?:year|month)\s+ago|last\s+(?:year|month))\s*,/iu;
/**
 * A sentence about another event than the article's: it opens with "Separately," or "In a separate incident," /
 * "In an unrelated …", or its clause says "unrelated" or "separate incident". Its figures and event words are not the
 * article's.
 */
const OTHER_NOUNS = 'incident|incidents|accident|attack|crash|case|event';
const OTHER_LEAD = new RegExp(`^\\s*in\\s+(?:a\\s+separate|an\\s+unrelated|another)\\s+(?:[\\p{L}-]+\\s+)?(?:${OTHER_NOUNS})\\s*,`, 'iu');
const SEPARATELY = /^\s*separately\s*,/iu;
/** "separate incident", "unrelated" before an event noun ("an unrelated crash"), not "unrelated to". */
const OTHER_WORDS = new RegExp(`(?<![\\p{L}])separate\\s+(?:${OTHER_NOUNS})(?![\\p{L}])`, 'iu');
const UNRELATED = /(?<![\p{L}])unrelated\s+/giu;
const OTHER_NOUN_AFTER = new RegExp(`^(?:[\\p{L}-]+\\s+){0,2}?(?:${OTHER_NOUNS})(?![\\p{L}])`, 'iu');
/** Before an event word, a determiner that makes it one the reader knows ("the Hallvik crash") or a new one ("a rescue helicopter crashed"). */
const DETERMINED = /(?<![\p{L}])(the|this|that|its|their|an?|another)\s+(?:(?!(?:the|this|that|its|their|an?|another)\s)[\p{L}\p{N}’'-]+\s+){0,3}$/iu;
const THE_TOLL = /(?<![\p{L}])the\s+(?:death\s+)?(?:toll|tally)(?![\p{L}])/iu;

/** "an unrelated crash", "an unrelated incident": "unrelated" before an event noun. */
function unrelatedEvent(part: string): boolean {
  UNRELATED.lastIndex = 0;
  for (let m = UNRELATED.exec(part); m; m = UNRELATED.exec(part)) {
    const after = part.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (OTHER_NOUN_AFTER.test(after)) return true;
    const e = eventsIn(after)[0];
    if (e && e.kind !== 'verb' && /^(?:[\p{L}-]+\s+){0,2}$/u.test(after.slice(0, e.start))) return true;
  }
  return false;
}

/**
 * Whether a "Separately, …" clause tells of another event: it names one as new ("a rescue helicopter crashed", "an
 * explosion") and never the story's own as known ("the Hallvik crash", "the death toll").
 */
function newEventOnly(part: string): boolean {
  if (THE_TOLL.test(part)) return false;
  let indefinite = false;
  for (const e of eventsIn(part)) {
    const d = DETERMINED.exec(part.slice(Math.max(0, e.start - 80), e.start))?.[1]?.toLowerCase();
    if (d === undefined) continue;
    if (d === 'a' || d === 'an' || d === 'another') indefinite = true;
    else return false;
  }
  return indefinite;
}
/** "… since 2019, when …" right before a clause: the clause tells of that year. */
const YEAR_WHEN = /(?<![\p{L}\p{N}])((?:19|20)\d\d)\s*,?\s*when\s*$/u;
/** An aside with a year between a subject and its verb: "The previous crash, at Brenna in 2019, killed 31". */
const YEAR_ASIDE = /^[^,;:()—–]+,\s*(?:at|in|on|near|off|during)\s[^,;:()—–]*?(?<![\p{L}\p{N}])((?:19|20)\d\d)(?![\p{L}\p{N}])[^,;:()—–]*,\s*$/u;

/**
 * Whether the clause of a figure is about another, past event: it names a year
 * before the article's own ("30 people were killed in a 2019 blaze"), or says
 * "last year" / "years ago". Such a figure is history, not this event's count.
 * So is one of a sentence about another event ("Separately, …", "an unrelated crash").
 */
function ofThePast(text: string, clause: [number, number], year: number | undefined): boolean {
  const part = text.slice(clause[0], clause[1]);
  // the sentence's opening, after a live-blog entry's time ("22:15 — Separately, …")
  const from = ENTRY_TIME.exec(text)?.[0].length ?? 0;
  const opens = text.slice(from);
  // an opening ("Last month, …", "Separately, …") speaks for its own part of the sentence, up to a ";"
  const semi = text.indexOf(';', from);
  const first = semi < 0 ? opens : clause[0] < semi ? text.slice(from, semi) : undefined;
  if (PAST_WORDS.test(part) || (first !== undefined && PAST_LEAD.test(first))) return true;
  if (first !== undefined && (OTHER_LEAD.test(first) || (SEPARATELY.test(first) && newEventOnly(first)))) return true;
  if (OTHER_WORDS.test(part) || unrelatedEvent(part)) return true;
  if (year === undefined) return false;
  const lead = text.slice(0, clause[0]);
  const when = YEAR_WHEN.exec(lead) ?? YEAR_ASIDE.exec(lead);
  if (when && Number(when[1]) < year) return true;
  // over the sentence, so that "December 31, 2025" is seen whole when the clause starts after its comma
  YEAR_IN.lastIndex = clause[0];
  for (let m = YEAR_IN.exec(text); m && m.index < clause[1]; m = YEAR_IN.exec(text)) if (Number(m[1]) < year) return true;
  const opening = YEAR_LEAD.exec(opens);
  return opening !== null && Number(opening[1] ?? opening[2]) < year;
}

function labelFor(o: CountOptions, event: string | undefined): string {
  const template = o.label ?? `${o.unit} ${o.cues[0] ?? ''} in the {event}`.replace(/\s+/g, ' ');
  if (!template.includes('{event}')) return template;
  if (event) return template.replaceAll('{event}', event);
  return `${template.replace(/\s*(?:\b(?:in|of|by|from|at|during|after|over)\s+)?(?:the\s+)?\{event\}/g, '').trim()} (no event named)`;
}

interface Hit {
  start: number;
  end: number;
  quantityText: string;
  unitWord?: string;
  q: Quantity;
  cue: string;
  numAt: number;
}

/** "still missing", "remain missing", "remaining in hospital": a cue after one of these counts what is left. */
const REMAIN_BEFORE = /(?<![\p{L}])(still|remain|remains|remained|remaining)\s+$/iu;

/**
 * "About 10 people are still missing", "23 remain missing": the figure counts who remain, so it may fall as people are
 * found. The word that says so, when it stands right before the cue (or the cue starts with it), in the figure's clause.
 */
function remainingOf(text: string, clause: [number, number], cue: string): string | undefined {
  const first = /^(still|remain\w*)\s/i.exec(cue);
  if (first) return first[1]!.toLowerCase();
  if (!cue) return undefined;
  const part = text.slice(clause[0], clause[1]);
  const at = part.toLowerCase().indexOf(cue.toLowerCase());
  return at > 0 ? REMAIN_BEFORE.exec(part.slice(0, at))?.[1]!.toLowerCase() : undefined;
}

function stageOf(text: string, at: number, clause: [number, number]): { stage?: 'earlier'; change?: string } {
  const justBefore = text.slice(Math.max(clause[0], at - 40), at);
  const clauseText = text.slice(clause[0], clause[1]);
  const rise = RISE_RE.exec(clauseText) ?? RISE_RE.exec(text) ?? NOW_RE.exec(clauseText);
  if (EARLIER_JUST_BEFORE.test(justBefore)) return { stage: 'earlier' };
  if (EARLIER_RE.test(clauseText) && !RISE_RE.test(clauseText) && !NOW_RE.test(clauseText)) return { stage: 'earlier' };
  return rise ? { change: rise[1]!.toLowerCase() } : {};
}

export const count: RuleType<CountOptions> = {
  type: 'count',
  summary: 'A number about a subject (people killed, sites struck, a magnitude), compared across articles.',
  defaultSeverity: 'error',
  required: ['unit'],
  options: {
    subject: {
      type: 'string',
      description:
        'Id of the entity (from `entities:`) the count is about; a sentence must mention it. Leave it out to find the subject in the text: the event the number belongs to (earthquake, attack, flood…), so "people killed in the earthquake" and "people killed in the attack" are compared apart.',
    },
    unit: { type: 'string', description: 'What is counted, as the report should say it (e.g. `people`, `magnitude`, `km/h`). A unit of measure (km/h, km, m, mm, ha) also converts figures written in others (mph, miles, feet, inches, acres).' },
    unit_words: {
      type: 'array',
      items: { type: 'string' },
      description: 'Words that name the unit in the text (e.g. `people`, `tourists`). Default: the unit itself.',
    },
    cues: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Words or phrases that must stand near the number: what makes it this count (e.g. `killed`, `lives of`). Required with `subject`; without it, leaving cues out means any number with the unit counts (e.g. a magnitude).',
    },
    label: {
      type: 'string',
      description:
        'How the report names the fact. `{event}` stands for the event found in the text (entity-free rules). Default: "<unit> <first cue> — <entity name>" with a subject, "<unit> <first cue> in the {event}" without.',
    },
    window: {
      type: 'integer',
      minimum: 0,
      maximum: 5,
      default: 1,
      description: 'How many sentences after a mention of the subject still count as about it ("The attack, which killed 27 people…"); without a subject, how many sentences back to look for the event when the number\'s own sentence names none.',
    },
    max_gap: {
      type: 'integer',
      minimum: 0,
      maximum: 6,
      default: 3,
      description: 'Words allowed between the number and the unit ("nine terror infrastructure sites" has 2).',
    },
    cue_distance: {
      type: 'integer',
      minimum: 1,
      maximum: 30,
      default: 8,
      description: 'How many words a cue may stand from the number, before or after it.',
    },
    bare: {
      type: 'boolean',
      default: false,
      description: 'Also read a number with no unit word when it stands right by a cue: "14 had died", "the death toll rose to 40", "killing 14".',
    },
    unit_first: {
      type: 'boolean',
      default: false,
      description: 'Also read the unit before the number: "magnitude 6.8", "a magnitude of 6.8".',
    },
  },

  prepare(rule: Rule<CountOptions>, vocab: Vocabulary) {
    const o = rule.options;
    if (o.subject !== undefined) {
      if (!findEntity(vocab, o.subject)) {
        const ids = vocab.entities.map((e) => e.id).join(', ') || '(none defined)';
        throw new RuleError(`unknown entity "${o.subject}": define it under entities: or use one of ${ids}`, 'subject');
      }
      if (!o.cues?.length) throw new RuleError('missing "cues": a count about an entity needs the words that make a number this count, e.g. cues: [killed, dead]');
    }
    o.cues ??= [];
    o.unit_words ??= [o.unit];
    o.window ??= 1;
    o.max_gap ??= 3;
    o.cue_distance ??= 8;
    o.bare ??= false;
    o.unit_first ??= false;
    if (o.bare && o.cues.length === 0) throw new RuleError('"bare: true" needs cues: a number without a unit word is read only beside a cue', 'bare');
  },

  extract(article: Article, rule: Rule<CountOptions>, vocab: Vocabulary): Fact[] {
    const o = rule.options;
    const entity = o.subject !== undefined ? findEntity(vocab, o.subject)! : undefined;
    const { quantityAt, unitFirst, bareAt, cue, cueFilter, unitFilter } = compile(o);
    const entitySubject: Subject | undefined = entity
      ? { key: `${entity.id}:${o.unit.toLowerCase()}`, label: o.label ?? `${o.unit} ${o.cues[0]} — ${entity.name}` }
      : undefined;
    const ss = article.sentences;
    const measure = MEASURE_UNITS[o.unit.toLowerCase()] !== undefined;
    // "still"/"remain" count who remain only in a count of the missing ("remain hospitalised" is no fall of the injured)
    const missingCount = (o.cues ?? []).some((c) => /(?<![\p{L}])(?:missing|unaccounted)(?![\p{L}])/iu.test(c));

    const memo = memoOf(article);
    const mentionFilter = entity ? entityFilter(entity) : undefined;

    // candidate sentences: those about the entity (and the window after), or all of them
    let candidates: number[];
    if (entity) {
      const set = new Set<number>();
      for (const s of ss) {
        if (s.related || !mayMatch(mentionFilter, s.text)) continue;
        if (mentions(s.text, entity).length > 0) for (let i = 0; i <= o.window && s.index + i < ss.length; i++) set.add(s.index + i);
      }
      candidates = [...set].sort((a, b) => a - b);
    } else {
      candidates = ss.map((s) => s.index);
    }
    const eventsAt = (i: number) => articleEvents(article, memo).perSentence[i]!;
    // the first event the article names, when it names it before the figure's sentence (or in the title): an event
    // named only later ("Police arrested 57 people. … injured in clashes.") is another figure's, not this one's
    const articleEvent = (i: number) => {
      const ev = articleEvents(article, memo);
      return ev.firstAt !== undefined && ev.firstAt <= i ? ev.first : undefined;
    };

    const textDate = textDateOf(article, memo);
    const year = publishedYear(article.meta.published ?? textDate);
    const facts: Fact[] = [];
    for (const i of candidates) {
      const s = ss[i]!;
      if (s.related) continue; // "Read: 12 killed in …" is another story's figure
      const info = sentenceInfo(memo, s);
      // no cue, or no number at all: nothing to read (the cue and quantity regexes cannot match)
      if (o.cues.length && !mayMatch(cueFilter, s.text)) continue;
      if (!info.numbers) continue;
      const wordAt = (offset: number) => wordIndexIn(info, s.text, offset);
      const cues = o.cues.length
        ? (cue.lastIndex = 0, [...s.text.matchAll(cue)].map((m) => ({ at: wordAt(m.index!), len: m[0].split(/\s+/).length, text: m[0], start: m.index!, end: m.index! + m[0].length })))
        : [];
      if (o.cues.length && cues.length === 0) continue;
      const hits: Hit[] = [];
      // outcome words of the sentence ("killed", "injured"…): a number goes to the nearest one
      const outcomes = o.cues.length ? outcomesIn(info, s.text) : [];
      // a number in a date or time ("on March 11", "11 March", "at 11:40", "2025") is never a quantity
      // the number, or the first end of a range: "June 16 – 14 people", "June 16, 2025 – Fourteen people" are a dateline
      // and a toll (the second end is not tried alone: after the range's own dash it would look like a numeric date)
      const isDatePart = (at: number, qText: string) => {
        const spans = numberSpans(qText);
        const [a, b] = [spans[0]![0], spans[spans.length - 1]![1]];
        return dateOrTimePart(s.text, at + a, at + b) !== undefined || (spans.length > 1 && dateOrTimePart(s.text, at + a, at + spans[0]![1]) !== undefined);
      };
      const ownCue = (w: string) => cues.some((c) => c.text.toLowerCase().split(/\s+/).includes(w));
      const distTo = (c: { at: number; len: number }, numAt: number, numEnd: number) => (c.at + c.len <= numAt ? numAt - (c.at + c.len) : c.at - numEnd);
      // parted from the number [start, end) by a clause break or a new subject ("died and 43 passengers")
      const parted = (wordStart: number, wordEnd: number, start: number, end: number) =>
        LINK_BREAK.test(wordEnd <= start ? s.text.slice(wordEnd, start) : s.text.slice(end, wordStart));
      // another outcome word nearer the number than its cue takes it; one as near takes it when the cue is parted
      // from the number and it is not ("Seven people died and 43 passengers were hurt": 43 are the hurt). Farther off
      // too, within cue_distance: when only one of the two shares the number's clause, that one takes it ("died and
      // about 3,000 residents have been evacuated": the evacuated; "167 passengers had been rescued and seven people
      // were confirmed dead": the dead)
      // A cue between the number and its unit word describes the people ("three injured passengers"); a word of dying
      // after them in their clause says what became of them ("… died in hospital"): it takes the figure
      const takenByOther = (numAt: number, numEnd: number, near: { at: number; len: number; start: number; end: number }, start: number, end: number) => {
        const cueDist = distTo(near, numAt, numEnd);
        const describes = near.start > start && near.end < end;
        let cueParted: boolean | undefined;
        return outcomes.some((x) => {
          if (ownCue(x.word)) return false;
          if (describes && x.start >= end) return DYING_RE.test(x.word) && x.at - numEnd <= o.cue_distance && !parted(x.start, x.start + x.word.length, start, end);
          const d = x.at < numAt ? numAt - x.at - 1 : x.at - numEnd;
          if (d > Math.max(cueDist, o.cue_distance)) return false;
          cueParted ??= parted(near.start, near.end, start, end);
          const xParted = parted(x.start, x.start + x.word.length, start, end);
          if (cueParted !== xParted) return cueParted;
          return d < cueDist;
        });
      };
      const nearCue = (numAt: number, numEnd: number) =>
        o.cues.length ? cues.find((c) => (c.at + c.len <= numAt ? numAt - (c.at + c.len) : c.at - numEnd) <= o.cue_distance) : { text: '' };
      const units = mayMatch(unitFilter, s.text);
      // a number that is part of a date or a time is no quantity ("on March 4 killed eight people": not the 4)
      const notQuantity = (x: Match) => isDatePart(x.index, x[1]!);
      // figures with their unit word that another outcome took: not read again as bare numbers
      const taken: { start: number; end: number }[] = [];
      for (const m of units ? quantityMatches(quantityAt, info, s.text, notQuantity) : []) {
        const q = parseQuantity(m[1]!);
        if (!q) continue;
        const numAt = wordAt(m.index);
        const numEnd = wordAt(m.index + m[0].length);
        const near = nearCue(numAt, numEnd);
        if (!near) continue;
        // a measure with its unit word ("150 mph") is no count of people: a death cue near it cannot take it
        if ('at' in near && !measure && takenByOther(numAt, numEnd, near, m.index, m.index + m[0].length)) {
          taken.push({ start: m.index, end: m.index + m[0].length });
          continue;
        }
        hits.push({ start: m.index, end: m.index + m[0].length, quantityText: m[1]!, unitWord: m[3]!, q, cue: near.text, numAt });
      }
      if (unitFirst && units) {
        for (const m of allMatches(unitFirst, info, s.text)) {
          const at = m.index + m[0].length - m[2]!.length;
          if (hits.some((h) => at < h.end && m!.index + m![0].length > h.start)) continue;
          const q = parseQuantity(m[2]!);
          if (!q || isDatePart(at, m[2]!)) continue;
          const numAt = wordAt(m.index);
          const near = nearCue(numAt, wordAt(m.index + m[0].length));
          if (!near) continue;
          hits.push({ start: m.index, end: m.index + m[0].length, quantityText: m[2]!, unitWord: m[1]!, q, cue: near.text, numAt });
        }
      }
      if (bareAt) {
        for (const m of quantityMatches(bareAt, info, s.text, notQuantity)) {
          const start = m.index;
          const end = start + m[0].length;
          if (hits.some((h) => start < h.end && end > h.start) || taken.some((h) => start < h.end && end > h.start)) continue;
          const q = parseQuantity(m[1]!);
          if (!q) continue;
          if (q.min === q.max && !q.hedge && /^(?:1[89]|20)\d\d$/.test(m[1]!.trim())) continue; // a year
          const next = /^\s*([\p{L}]+)/u.exec(s.text.slice(end));
          if (next && !AFTER_BARE.has(next[1]!.toLowerCase()) && !cues.some((c) => c.start >= end && c.start <= end + next[0].length)) continue;
          const before = s.text.slice(Math.max(0, start - 60), start);
          const numAt = wordAt(start);
          const numEnd = wordAt(end);
          const clause = clauseAround(s.text, start, end);
          const near = cues.find((c) => {
            // "the death toll … climbed to 23", "… up from nine": a figure the toll reached or came from
            if (c.end <= start && c.start >= clause[0] && RISE_TO_BEFORE.test(before)) return true;
            if (c.end <= start && FROM_BEFORE.test(before) && RISE_RE.test(s.text.slice(c.end, start))) return true;
            if (c.end <= start) {
              const gap = words(s.text.slice(c.end, start));
              return gap.length <= 4 && gap.every((w) => CONNECTORS.has(w) || NUMBER_WORD.test(w));
            }
            if (c.start >= end) {
              const gap = words(s.text.slice(end, c.start));
              return gap.length <= 3 && gap.every((w) => AUX.has(w));
            }
            return false;
          });
          if (!near) continue;
          if (takenByOther(numAt, numEnd, near, start, end)) continue;
          hits.push({ start, end, quantityText: m[1]!, q, cue: near.text, numAt });
        }
      }
      // parts of a figure: "Five of the dead were passengers"; "Seven people, five passengers and two crew members,
      // died" breaks the seven down, no part is a toll of its own
      hits.sort((a, b) => a.start - b.start);
      const parts = new Set<Hit>();
      for (let k = 0; k < hits.length; k++) {
        const h = hits[k]!;
        if (PART_AFTER.test(s.text.slice(h.start + h.quantityText.length))) {
          parts.add(h);
          continue;
        }
        const p = hits[k - 1];
        if (!p || h.q.max > p.q.max) continue;
        const gap = s.text.slice(p.end, h.start);
        if (parts.has(p) ? PARTS_NEXT.test(gap) : opensAside(gap)) parts.add(h);
      }
      // every figure inside an aside that breaks a figure down: "Seven people, two crew members and five passengers, died"
      for (let k = 0; k < hits.length; k++) {
        const p = hits[k]!;
        if (parts.has(p)) continue;
        const close = asideEnd(s.text, p.end);
        if (close === undefined) continue;
        for (let j = k + 1; j < hits.length && hits[j]!.start < close; j++) if (hits[j]!.q.max <= p.q.max) parts.add(hits[j]!);
      }
      const read = hits
        .filter((h) => !parts.has(h))
        .map((h) => {
          let subject = entitySubject;
          let event: EventHit | undefined;
          if (!subject) {
            const before: EventHit[][] = [];
            for (let k = Math.max(0, i - o.window); k < i; k++) before.push(eventsAt(k));
            event = eventFor(s, h.start, h.end, eventsAt(i), before) ?? articleEvent(i);
            subject = { key: `${o.unit.toLowerCase()}:${event?.event ?? '-'}`, label: labelFor(o, event?.event) };
          }
          const clause = clauseAround(s.text, h.start, h.end);
          const lead = s.text.slice(clause[0], h.start);
          return { h, subject, event, clause, stage: stageOf(s.text, h.start, clause), toll: TOTAL_BEFORE.test(lead) && TOLL_RE.test(lead) };
        });
      // a figure its clause calls the toll ("the death toll … has risen to 11"): the rule's other figures on the same
      // subject in other clauses of the sentence are parts of it ("… after two victims died in hospital"), not the
      // total, and are dropped; its earlier value ("officials had initially said nine") is kept
      const tolls = read.filter((r) => r.toll);
      for (const { h, subject, event, clause, stage, toll } of read) {
        if (!toll && !stage.stage && tolls.some((t) => t.subject.key === subject.key && t.clause[0] !== clause[0])) continue;
        if (ofThePast(s.text, clause, year)) continue;
        let q = h.q;
        let converted = '';
        if (measure && h.unitWord) {
          const c = convertQuantity(q, h.unitWord, o.unit);
          if (!c) continue;
          if (c !== q) converted = `${h.quantityText.trim()} ${h.unitWord}`;
          q = c;
        }
        const source = sourceOf(s.text, h.start, h.end);
        const raw = s.text.slice(h.start, h.end);
        const start = s.start + h.start;
        const entry = entryOf(article, s);
        const shown = displayQuantity(q, o.unit, converted || (h.q.hedge ? h.quantityText : undefined));
        const notes: string[] = [];
        if (h.cue) notes.push(`cue “${h.cue}”`);
        if (event) notes.push(`event “${event.text}” → ${event.event}`);
        if (source) notes.push(`source: ${source}`);
        if (stage.stage) notes.push('an earlier figure');
        if (stage.change) notes.push(`says the figure changed (“${stage.change}”)`);
        const remaining = missingCount ? remainingOf(s.text, clause, h.cue) : undefined;
        if (remaining) notes.push(`counts who remain (“${remaining}”)`);
        facts.push({
          rule: rule.id,
          article: article.id,
          subject,
          value: quantityValue(q),
          display: shown,
          raw,
          evidence: evidence(article, start, start + raw.length, `“${raw}” read as ${shown}${notes.length ? ` (${notes.join('; ')})` : ''}`),
          data: {
            min: q.min,
            max: q.max === Infinity ? null : q.max,
            ...(q.hedge ? { hedge: q.hedge } : {}),
            ...(event ? { event: event.event } : {}),
            ...(source ? { source } : {}),
            ...(stage.stage ? { stage: stage.stage } : {}),
            ...(stage.change ? { change: stage.change } : {}),
            ...(remaining ? { remaining } : {}),
            ...(textDate ? { dated: textDate } : {}),
            ...(entry ? { entry: entry.time, ...(entry.day ? { entryDay: entry.day } : {}) } : {}),
          },
        });
      }
    }
    return facts;
  },

  compare(facts, rule, ctx): Finding[] {
    return compareCounts(facts, rule, ctx);
  },
};

// ---------------------------------------------------------------------------
// Comparison: ranges, time order, sources.

interface Timed {
  fact: Fact;
  min: number;
  max: number;
  /** ms since epoch, or undefined when the article has no published time. */
  time?: number;
  published?: string;
  earlier: boolean;
}

function publishedOf(ctx: CompareContext | undefined, article: string): string | undefined {
  const p = ctx?.articles.get(article)?.meta.published as unknown;
  if (p === undefined || p === null || p === '') return undefined;
  return p instanceof Date ? p.toISOString() : String(p);
}

function timeOf(published: string | undefined): number | undefined {
  if (!published) return undefined;
  const t = Date.parse(published);
  return Number.isNaN(t) ? undefined : t;
}

const rangeOf = (f: Fact) => ({ min: f.data!.min as number, max: (f.data!.max as number | null) ?? Infinity });

function byTime(a: Timed, b: Timed): number {
  const ta = a.time ?? Infinity;
  const tb = b.time ?? Infinity;
  return ta - tb || Number(b.earlier) - Number(a.earlier) || cmp(a.fact.article, b.fact.article) || a.fact.evidence.offset - b.fact.evidence.offset;
}

/** "14 people (a, per police; c)" for each group. */
function describeWithSources(groups: ValueGroup[]): string {
  return groups
    .map((g) => {
      const sources = (g.data?.sources as { article: string; source: string }[] | undefined) ?? [];
      const parts = g.articles.map((a) => {
        const s = [...new Set(sources.filter((x) => x.article === a).map((x) => x.source))];
        return s.length ? `${a}, per ${s.join(' and ')}` : a;
      });
      return `${g.display} (${parts.join('; ')})`;
    })
    .join(' against ');
}

function withSources(groups: ValueGroup[], facts: Fact[]): void {
  for (const g of groups) {
    const sources: { article: string; source: string }[] = [];
    const seen = new Set<string>();
    for (const f of facts) {
      if (f.value !== g.value || typeof f.data?.source !== 'string') continue;
      const k = `${f.article}\u0000${f.data.source}`;
      if (seen.has(k)) continue;
      seen.add(k);
      sources.push({ article: f.article, source: f.data.source });
    }
    sources.sort((a, b) => cmp(a.article, b.article) || cmp(a.source, b.source));
    const { source: _drop, ...rest } = g.data ?? {};
    g.data = sources.length ? { ...rest, sources } : rest;
  }
}

export function compareCounts(facts: Fact[], rule: Rule<CountOptions>, ctx?: CompareContext): Finding[] {
  if (facts.length === 0) return [];
  const subject = facts[0]!.subject;
  const groups = groupValues(facts);
  withSources(groups, facts);
  const ranges = facts.map(rangeOf);
  if (groups.length < 2 || rangesOverlap(ranges)) {
    const articles = new Set(facts.map((f) => f.article));
    if (rule.singleSource && articles.size === 1) {
      return [makeFinding(rule, 'single-source', subject, groups, `Only ${[...articles][0]} gives ${subject.label}: ${describeWithSources(groups)}.`)];
    }
    return [];
  }

  // time order: each article's published time; an article's "initially…" figures come just before its own
  // an article with no published time is dated by its dateline when it has one (data.dated)
  const byText = new Set<string>();
  const timed: Timed[] = facts.map((f) => {
    let own = publishedOf(ctx, f.article);
    if (own === undefined && typeof f.data?.dated === 'string') (own = f.data.dated), byText.add(f.article);
    const published = atEntry(own, f.data?.entry, f.data?.entryDay);
    const t: Timed = { fact: f, ...rangeOf(f), earlier: f.data?.stage === 'earlier' };
    const time = timeOf(published);
    if (published) t.published = published;
    if (time !== undefined) t.time = time;
    return t;
  }).sort(byTime);
  // figures an article itself calls earlier ("initially 12") are its own history: shown, not compared in time
  const current = timed.filter((t) => !t.earlier);
  const hasEarlier = current.length < timed.length;
  const dated = current.filter((t) => t.time !== undefined);
  const undated = current.filter((t) => t.time === undefined);
  const undatedArticles = [...new Set(undated.map((t) => t.fact.article))].sort(cmp);

  // slots of equal time; figures within a slot must agree, and across slots never go down
  const slots: Timed[][] = [];
  for (const t of dated) {
    const last = slots[slots.length - 1];
    if (last && last[0]!.time === t.time) last.push(t);
    else slots.push([t]);
  }
  let sameTime: Timed[] | undefined;
  let wentDown: [Timed, Timed] | undefined;
  // a lower later figure that counts who remain ("still missing") is an update: such counts fall as people are found
  let fell = false;
  let lo = -Infinity;
  let loFrom: Timed | undefined;
  // an article's figure counts who remain when the article says so of that figure anywhere ("23 missing" in its
  // headline, "23 remain missing" in its text)
  const remainAt = new Set<string>();
  for (const t of timed) if (typeof t.fact.data?.remaining === 'string') remainAt.add(`${t.fact.article}\u0000${t.fact.value}`);
  const remains = (t: Timed) => remainAt.has(`${t.fact.article}\u0000${t.fact.value}`);
  for (const slot of slots) {
    if (!rangesOverlap(slot)) {
      sameTime ??= slot;
      continue;
    }
    // loops, not Math.max(...): a slot can hold every article of a large run (a call takes only so many arguments)
    // figures of who remain may fall, but are no baseline: the others must not go down among themselves
    const plain = slot.filter((t) => !remains(t));
    let min = -Infinity;
    let max = Infinity;
    for (const t of plain.length ? plain : slot) {
      if (t.min > min) min = t.min;
      if (t.max < max) max = t.max;
    }
    const v = Math.max(lo, min);
    if (!plain.length) {
      if (v > max) fell = true;
      continue;
    }
    if (v > max) {
      wentDown ??= [loFrom!, plain.reduce((a, b) => (b.max < a.max ? b : a))];
      continue;
    }
    if (min >= lo) loFrom = plain.reduce((a, b) => (b.min > a.min ? b : a));
    lo = v;
  }
  // an article with no published time is compared as written at the same time as every other
  const undatedConflict = undated.some((u) => current.some((t) => t !== u && !rangesOverlap([u, t])));
  const distinctTimes = new Set(dated.map((t) => t.time)).size;

  const timeline = timed.map((t) => ({
    article: t.fact.article,
    published: t.published ?? null,
    value: t.fact.display ?? t.fact.value,
    ...(t.earlier ? { stage: 'earlier' } : {}),
    ...(typeof t.fact.data?.source === 'string' ? { source: t.fact.data.source } : {}),
  }));
  const dedup = new Map<string, (typeof timeline)[number]>();
  // an article's same figure given twice (a headline, then the text) is one step, with its source when either names one
  for (const e of timeline) {
    const k = `${e.article}\u0000${e.value}\u0000${e.stage ?? ''}`;
    const prev = dedup.get(k);
    dedup.set(k, prev && (prev.source !== undefined || e.source === undefined) ? prev : e);
  }
  const line = [...dedup.values()];
  // value groups in time order: by the earliest time a value is given
  const firstSeen = new Map<string, number>();
  timed.forEach((t, i) => {
    if (!firstSeen.has(t.fact.value)) firstSeen.set(t.fact.value, i);
  });
  const inTimeOrder = [...groups].sort((a, b) => firstSeen.get(a.value)! - firstSeen.get(b.value)! || cmp(a.value, b.value));
  const when = (e: { published: string | null; article?: string }) =>
    e.published === null ? 'no published time' : e.article !== undefined && byText.has(e.article) ? `${e.published}, dated by its dateline` : e.published;
  const sourceNote = sourcesNote(groups);

  // a rise is an update only when a later article says the figure changed ("rose to", "latest", "initially…")
  const firstTime = dated.length ? dated[0]!.time! : Infinity;
  const signalled =
    timed.some((t) => (t.time ?? -Infinity) > firstTime && (t.earlier || typeof t.fact.data?.change === 'string' || typeof t.fact.data?.remaining === 'string')) ||
    (distinctTimes <= 1 && hasEarlier);
  const rising = !sameTime && !wentDown && !undatedConflict && (distinctTimes > 1 || hasEarlier);
  if (rising && signalled) {
    const changeBy = new Map<string, string>();
    for (const t of timed) if (typeof t.fact.data?.change === 'string' && !changeBy.has(t.fact.article)) changeBy.set(t.fact.article, t.fact.data.change);
    const said = [...changeBy].map(([a, w]) => `${a} (“${w}”)`);
    const remainBy = new Map<string, string>();
    for (const t of timed) if (fell && typeof t.fact.data?.remaining === 'string' && !remainBy.has(t.fact.article)) remainBy.set(t.fact.article, t.fact.data.remaining);
    const remain = [...remainBy].map(([a, w]) => `${a} (“${w}”)`);
    const steps = line.map((e) => `${e.value} (${e.article}${e.stage ? ', earlier figure' : ''}, ${when(e)})`).join(' → ');
    const msg =
      `${cap(subject.label)} ${fell ? 'changed' : 'rose'} over time: ${steps}.` +
      (said.length ? ` ${listArticles(said)} ${said.length > 1 ? 'say' : 'says'} the figure changed.` : '') +
      (remain.length ? ` ${listArticles(remain)} ${remain.length > 1 ? 'count' : 'counts'} who remain, a figure that falls as people are found.` : '') +
      sourceNote;
    return [makeFinding(rule, 'update', subject, inTimeOrder, msg, { details: { timeline: line } })];
  }

  // one article alone gives figures that cannot all be true (and not a toll that rose through its live-blog entries or
  // from an earlier figure it gives itself): say so plainly
  const articleSet = [...new Set(facts.map((f) => f.article))];
  if (articleSet.length === 1) {
    const clusters = clustersOf(facts, groups);
    const shown = clusters.map((c) => groups.find((g) => g.value === c.lead)!.display);
    const a = articleSet[0]!;
    const msg =
      shown.length === 2
        ? `${a} gives both ${shown[0]} and ${shown[1]} for ${subject.label}; no other article gives a figure for this subject.`
        : `${a} gives ${shown.length} different figures for ${subject.label}: ${listArticles(shown)}; no other article gives a figure for this subject.`;
    return [makeFinding(rule, 'contradiction', subject, groups, msg, clusterDetails(clusters).clusters ? { details: clusterDetails(clusters) } : {})];
  }

  // an article's figures that its own later figure replaced (a live blog's earlier entries, its "initially…") are its
  // history, shown in the timeline, not sides: "7 (nordwire; skywatch says at least 7) against 6 (gazette)"
  const replaced = replacedFigures(timed);
  let sideFacts = facts;
  let sideGroups = groups;
  let clusters = clustersOf(facts, groups);
  if (replaced.size) {
    const kept = facts.filter((f) => !replaced.has(f));
    const keptGroups = groupValues(kept);
    withSources(keptGroups, kept);
    const keptClusters = clustersOf(kept, keptGroups);
    if (keptClusters.length > 1) [sideFacts, sideGroups, clusters] = [kept, keptGroups, keptClusters];
  }
  const outliers = clusterOutliers(clusters);
  const sideNote = sideFacts === facts ? sourceNote : sourcesNote(sideGroups);
  const who = outliers.length ? ` ${listArticles(outliers)} ${outliers.length > 1 ? 'are the outliers' : 'is the outlier'}.` : '';
  let why = '';
  if (sameTime && (distinctTimes > 1 || undated.length > 0)) {
    const slotFacts = sameTime.map((t) => t.fact);
    const slotGroups = groupValues(slotFacts);
    const slotClusters = clustersOf(slotFacts, slotGroups);
    // an article that gives figures on two sides would be listed twice ("b against b and c"): then each side leads with its figure
    const twice = new Set(slotClusters.flatMap((c) => c.articles)).size < slotClusters.reduce((n, c) => n + c.articles.length, 0);
    const sides = slotClusters.map((c) => (twice ? `${slotGroups.find((g) => g.value === c.lead)!.display} (${listArticles(c.articles)})` : listArticles(c.articles)));
    const at = when({ published: sameTime[0]!.published ?? null });
    const slotArticles = new Set(slotFacts.map((f) => f.article));
    // one article alone at that time: it gives both, it is not "articles"
    if (slotArticles.size === 1) {
      const shown = slotClusters.map((c) => slotGroups.find((g) => g.value === c.lead)!.display);
      why += ` ${[...slotArticles][0]} (${at}) gives ${shown.length === 2 ? `both ${shown[0]} and ${shown[1]}, which cannot both be true` : `${listArticles(shown)}, which cannot all be true`}.`;
    } else why += ` Articles published at the same time (${at}) give figures that cannot all be true: ${sides.join(' against ')}.`;
  }
  if (wentDown) {
    const [a, b] = wentDown;
    why += ` The figure goes down over time: ${a.fact.display} (${a.fact.article}, ${when({ published: a.published ?? null, article: a.fact.article })}) then ${b.fact.display} (${b.fact.article}, ${when({ published: b.published ?? null, article: b.fact.article })}).`;
  }
  if (undatedConflict && distinctTimes > 1) {
    why += ` ${listArticles(undatedArticles)} ${undatedArticles.length > 1 ? 'have' : 'has'} no published time, so ${undatedArticles.length > 1 ? 'they are' : 'it is'} compared as written at the same time as the others.`;
  }
  if (rising) why += ' The later figure is higher, but no later article says the figure changed (“rose to”, “latest”…): an update or an error?';
  if (sideFacts !== facts) {
    for (const a of [...new Set(timed.filter((t) => replaced.has(t.fact)).map((t) => t.fact.article))].sort(cmp)) {
      const own = line.filter((e) => e.article === a).map((e) => `${e.value}${e.stage ? ' (earlier figure)' : e.published ? ` (${e.published})` : ''}`);
      why += ` ${a}'s own figure rose over time: ${own.join(' → ')}.`;
    }
  }
  const hasTime = dated.length > 0;
  return [
    makeFinding(rule, 'contradiction', subject, groups, `Sources disagree on ${subject.label}: ${describeClusters(clusters, sideGroups, sideNote !== '')}.${who}${why}${sideNote}`, {
      outliers,
      ...(hasTime && distinctTimes > 1 ? { details: { timeline: line, ...clusterDetails(clusters) } } : clusterDetails(clusters).clusters ? { details: clusterDetails(clusters) } : {}),
    }),
  ];
}

/**
 * Figures an article itself replaced by a later one it gives: each figure of a live-blog entry before its latest
 * dated entry, or one it calls earlier ("initially 12"), when it is not above the article's latest figure (a rise, not
 * a fall).
 */
function replacedFigures(timed: Timed[]): Set<Fact> {
  const out = new Set<Fact>();
  const byArticle = new Map<string, Timed[]>();
  for (const t of timed) byArticle.set(t.fact.article, [...(byArticle.get(t.fact.article) ?? []), t]);
  for (const own of byArticle.values()) {
    let last: number | undefined;
    for (const t of own) if (!t.earlier && t.time !== undefined && (last === undefined || t.time > last)) last = t.time;
    const latest = own.filter((t) => !t.earlier && t.time === last);
    if (!latest.length) continue;
    let min = -Infinity;
    for (const t of latest) if (t.min > min) min = t.min;
    for (const t of own) if ((t.earlier || (t.time !== undefined && t.time < last!)) && t.min <= min) out.add(t.fact);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Clusters: value groups that can all be true at once ("14" and "at least 12") are one side of a disagreement.

interface Unit {
  article: string;
  values: string[];
  min: number;
  max: number;
}
interface Cluster {
  units: Unit[];
  /** The value that leads the cluster in the message: the most-stated, most precise one. */
  lead: string;
  articles: string[];
  min: number;
  max: number;
}

const exact = (r: { min: number; max: number }) => r.min === r.max;
const width = (r: { min: number; max: number }) => r.max - r.min;

/**
 * Value groups → clusters of values that agree. First each article's own
 * figures that agree ("12" and "at least 12") become one unit; then, from the
 * seed that gathers the most articles (an exact figure stated by most articles
 * first), every unit whose range still meets the cluster's joins it; the rest
 * are clustered the same way. Deterministic: sorted by values, never input order.
 */
export function clustersOf(facts: Fact[], groups: ValueGroup[]): Cluster[] {
  const rangeByValue = new Map<string, { min: number; max: number }>();
  for (const f of facts) if (!rangeByValue.has(f.value)) rangeByValue.set(f.value, rangeOf(f));
  const popularity = new Map(groups.map((g, i) => [g.value, { n: g.articles.length, i }]));
  const valueOrder = (a: string, b: string) => {
    const ra = rangeByValue.get(a)!;
    const rb = rangeByValue.get(b)!;
    return popularity.get(b)!.n - popularity.get(a)!.n || Number(exact(rb)) - Number(exact(ra)) || width(ra) - width(rb) || popularity.get(a)!.i - popularity.get(b)!.i;
  };
  // units: per article, its agreeing values
  const byArticle = new Map<string, string[]>();
  for (const g of groups) for (const a of g.articles) byArticle.set(a, [...(byArticle.get(a) ?? []), g.value]);
  const units: Unit[] = [];
  for (const [article, values] of [...byArticle].sort((x, y) => cmp(x[0], y[0]))) {
    const own: Unit[] = [];
    for (const v of [...values].sort(valueOrder)) {
      const r = rangeByValue.get(v)!;
      const u = own.find((x) => Math.max(x.min, r.min) <= Math.min(x.max, r.max));
      if (u) {
        u.values.push(v);
        u.min = Math.max(u.min, r.min);
        u.max = Math.min(u.max, r.max);
      } else own.push({ article, values: [v], min: r.min, max: r.max });
    }
    units.push(...own);
  }
  const unitOrder = (a: Unit, b: Unit) => valueOrder(a.values[0]!, b.values[0]!) || cmp(a.article, b.article);
  let rest = [...units].sort(unitOrder);
  const out: Cluster[] = [];
  while (rest.length) {
    let best: { members: Unit[]; min: number; max: number; articles: number; seed: Unit } | undefined;
    // a seed with the same range as an earlier one gathers the same units (each joins the other's
    // cluster without narrowing it), so it cannot do better: try each range once
    const tried = new Set<string>();
    for (const seed of rest) {
      const range = `${seed.min}\u0000${seed.max}`;
      if (tried.has(range)) continue;
      tried.add(range);
      const members = [seed];
      let min = seed.min;
      let max = seed.max;
      for (const u of rest) {
        if (u === seed || Math.max(min, u.min) > Math.min(max, u.max)) continue;
        members.push(u);
        min = Math.max(min, u.min);
        max = Math.min(max, u.max);
      }
      const articles = new Set(members.map((m) => m.article)).size;
      if (!best || articles > best.articles) best = { members, min, max, articles, seed };
    }
    const members = best!.members;
    const values = [...new Set(members.flatMap((m) => m.values))].sort(valueOrder);
    out.push({
      units: members,
      lead: values[0]!,
      articles: [...new Set(members.map((m) => m.article))].sort(cmp),
      min: best!.min,
      max: best!.max,
    });
    const taken = new Set(members);
    rest = rest.filter((u) => !taken.has(u));
  }
  return out.sort((a, b) => b.articles.length - a.articles.length || valueOrder(a.lead, b.lead));
}

/** Articles with no figure in the majority cluster, when one cluster has more articles than any other. */
function clusterOutliers(clusters: Cluster[]): string[] {
  if (clusters.length < 2 || clusters[0]!.articles.length <= clusters[1]!.articles.length) return [];
  const majority = new Set(clusters[0]!.articles);
  return [...new Set(clusters.slice(1).flatMap((c) => c.articles))].filter((a) => !majority.has(a)).sort(cmp);
}

/** Which articles of a cluster give a value, with who they cite. */
function valueParts(g: ValueGroup, articles: string[], withSources: boolean): string[] {
  const sources = (g.data?.sources as { article: string; source: string }[] | undefined) ?? [];
  return articles.map((a) => {
    const s = withSources ? [...new Set(sources.filter((x) => x.article === a).map((x) => x.source))] : [];
    return s.length ? `${a}, per ${s.join(' and ')}` : a;
  });
}

/**
 * "14 people (a1 and a2; a4 says at least 12 people) against at least 15 people (a3)":
 * one part per cluster, its lead value first, the values that fit it after.
 */
function describeClusters(clusters: Cluster[], groups: ValueGroup[], withSources: boolean): string {
  const groupOf = new Map(groups.map((g) => [g.value, g]));
  return clusters
    .map((c) => {
      const articlesOf = (v: string) => [...new Set(c.units.filter((u) => u.values.includes(v)).map((u) => u.article))].sort(cmp);
      const lead = groupOf.get(c.lead)!;
      const leadArticles = articlesOf(c.lead);
      const leadSet = new Set(leadArticles);
      const leadParts = valueParts(lead, leadArticles, withSources);
      const head = `${lead.display} (${withSources ? leadParts.join('; ') : listArticles(leadArticles)}`;
      const others = [...new Set(c.units.flatMap((u) => u.values))]
        .filter((v) => v !== c.lead)
        .sort((a, b) => groups.indexOf(groupOf.get(a)!) - groups.indexOf(groupOf.get(b)!))
        .map((v) => {
          const g = groupOf.get(v)!;
          const arts = articlesOf(v);
          const artSet = new Set(arts);
          const also = arts.every((a) => leadSet.has(a)) ? 'also ' : '';
          const srcs = withSources ? [...new Set(((g.data?.sources as { article: string; source: string }[] | undefined) ?? []).filter((x) => artSet.has(x.article)).map((x) => x.source))] : [];
          return `${listArticles(arts)} ${also}${arts.length > 1 ? 'say' : 'says'} ${g.display}${srcs.length ? `, per ${listArticles(srcs)}` : ''}`;
        });
      return `${head}${others.length ? `; ${others.join('; ')}` : ''})`;
    })
    .join(' against ');
}

/** details.clusters when some cluster holds more than one value, so readers see which figures were taken to agree. */
function clusterDetails(clusters: Cluster[]): { clusters?: { lead: string; values: string[]; articles: string[] }[] } {
  if (!clusters.some((c) => new Set(c.units.flatMap((u) => u.values)).size > 1)) return {};
  return { clusters: clusters.map((c) => ({ lead: c.lead, values: [...new Set(c.units.flatMap((u) => u.values))].sort(), articles: c.articles })) };
}

/** " The figures come from different sources: police (a) and the district hospital (b)." when they do. */
function sourcesNote(groups: ValueGroup[]): string {
  const perGroup = groups.map((g) => (g.data?.sources as { article: string; source: string }[] | undefined) ?? []);
  const names = new Set(perGroup.flat().map((s) => s.source.toLowerCase()));
  if (names.size < 2 || perGroup.filter((p) => p.length).length < 2) return '';
  const bySource = new Map<string, Set<string>>();
  for (const s of perGroup.flat()) {
    const set = bySource.get(s.source) ?? new Set<string>();
    set.add(s.article);
    bySource.set(s.source, set);
  }
  const parts = [...bySource.entries()].sort((a, b) => cmp(a[0], b[0])).map(([s, arts]) => `${s} (${listArticles([...arts].sort(cmp))})`);
  return ` The figures come from different sources: ${listArticles(parts)}.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
