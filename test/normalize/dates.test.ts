import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  displayValue,
  eventKey,
  namedEvents,
  findDates,
  formatDate,
  fullDates,
  latestFullDate,
  parseOffset,
  parseReference,
  toleranceOf,
  weekdayOf,
  type Reference,
} from '../../src/normalize/dates.js';

const ref = (iso: string): Reference => ({ iso, how: `published date ${iso}` });
/** The values of every date expression that is not only an anchor of an offset. */
const values = (text: string, r?: Reference, opts = {}) => findDates(text, r, opts).filter((d) => d.anchorOf === undefined).map((d) => d.value);

describe('calendar arithmetic', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2024-03-01', -2)).toBe('2024-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-02', -6)).toBe('2024-12-27');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(weekdayOf('2025-05-07')).toBe(3);
    expect(formatDate('2025-05-07')).toBe('Wednesday 7 May 2025');
  });
  it('shows every kind of value in plain words', () => {
    expect(displayValue('2024-02-28')).toBe('Wednesday 28 February 2024');
    expect(displayValue('~2025-05-06', 3)).toBe('about 6 May 2025 (±3 days)');
    expect(displayValue('weekday:wednesday')).toBe('Wednesday (date unresolved)');
    expect(displayValue('--05-07')).toBe('7 May (year unresolved)');
  });
});

describe('reference dates', () => {
  it('takes the date part of a published date or date-time as written', () => {
    expect(parseReference('2025-05-09')).toBe('2025-05-09');
    expect(parseReference('2025-05-09T23:30:00+05:30')).toBe('2025-05-09');
    expect(parseReference('May 9, 2025')).toBe('2025-05-09');
    expect(parseReference('soon')).toBeUndefined();
    expect(parseReference('2025-02-30')).toBeUndefined();
  });
  it('finds the latest full date a text states, in any common form', () => {
    const text = 'Filed 3 March 2024. Updated March 4, 2024 at noon. First seen 2024-02-27. Also on May 7 (no year).';
    expect(fullDates(text).map((d) => d.iso)).toEqual(['2024-03-03', '2024-03-04', '2024-02-27']);
    expect(latestFullDate(text)).toMatchObject({ iso: '2024-03-04', text: 'March 4, 2024' });
    expect(latestFullDate('No date here, only on Wednesday.')).toBeUndefined();
  });
});

describe('offsets', () => {
  it('reads days exactly and weeks, fortnights and months approximately', () => {
    expect(parseOffset('a fortnight after')).toMatchObject({ days: 14, sign: 1, approximate: true });
    expect(parseOffset('two weeks before')).toMatchObject({ days: 14, sign: -1, approximate: true });
    expect(parseOffset('10 days after')).toMatchObject({ days: 10, approximate: false });
    expect(parseOffset('the day after')).toMatchObject({ days: 1, approximate: false });
    expect(parseOffset('three months after')).toMatchObject({ months: 3, approximate: true });
    expect(toleranceOf(parseOffset('a fortnight after')!, 0.2)).toBe(3);
    expect(toleranceOf(parseOffset('a week after')!, 0.2)).toBe(1);
    expect(toleranceOf(parseOffset('two days after')!, 0.2)).toBe(0);
  });
});

describe('findDates', () => {
  it('puts a bare weekday on or before the dateline, across a month boundary', () => {
    // published Friday 1 March 2024 (leap year)
    expect(values('The river burst its banks on Wednesday.', ref('2024-03-01'))).toEqual(['2024-02-28']);
    expect(values('It rained on Friday.', ref('2024-03-01'))).toEqual(['2024-03-01']);
  });
  it('moves a weekday chrono puts after the dateline back a week, and says so', () => {
    // published Thursday 2 January 2025; chrono reads "on Saturday" as 4 January
    const [d] = findDates('The talks ended on Saturday.', ref('2025-01-02'));
    expect(d!.value).toBe('2024-12-28');
    expect(d!.notes.join(' ')).toMatch(/not 2025-01-04 but a week earlier/);
  });
  it('keeps "next"/"this" weekdays in the future', () => {
    expect(values('The vote is next Friday.', ref('2025-01-02'))).toEqual(['2025-01-10']);
  });
  it('resolves last Friday, December 30 and yesterday across a year boundary', () => {
    const r = ref('2025-01-02');
    expect(values('The summit closed last Friday.', r)).toEqual(['2024-12-27']);
    expect(values('The summit closed on December 30.', r)).toEqual(['2024-12-30']);
    expect(values('The summit closed yesterday.', r)).toEqual(['2025-01-01']);
  });
  it('keeps "early" in the raw text without moving the day', () => {
    const [d] = findDates('Strikes hit early on Wednesday, officials said.', ref('2025-05-09'));
    expect(d).toMatchObject({ raw: 'early on Wednesday', value: '2025-05-07' });
    expect(d!.notes.join(' ')).toMatch(/“early” does not move the day/);
  });
  it('reads "Wednesday (May 7)" as one expression and checks the weekday', () => {
    const ds = findDates('Strikes hit early Wednesday (May 7). Calm returned.', ref('2025-05-09'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ raw: 'early Wednesday (May 7)', value: '2025-05-07' });
    const [bad] = findDates('The dam broke on Tuesday, May 7, 2025.', ref('2025-05-09'));
    expect(bad!.value).toBe('2025-05-07');
    expect(bad!.notes.join(' ')).toMatch(/says Tuesday but 2025-05-07 is a Wednesday/);
  });
  it('anchors "a fortnight after … April 22" on the date after it, as a range', () => {
    const ds = findDates('The operation was launched a fortnight after 26 people were killed on April 22.', ref('2025-05-09'));
    const composite = ds.find((d) => d.offset)!;
    expect(composite).toMatchObject({ kind: 'approximate', value: '~2025-05-06', from: '2025-05-03', to: '2025-05-09', tolerance: 3 });
    expect(ds.find((d) => d.anchorOf !== undefined)!.value).toBe('2025-04-22');
    expect(values('The fair opened two days after the March 3 vote.', ref('2024-03-20'))).toEqual(['2024-03-05']);
    expect(values('The fair opened a week after the March 3 vote.', ref('2024-03-20'), { approximate: 'exact' })).toEqual(['2024-03-10']);
  });
  it('never reads "a week after" from the dateline, nor bare months and times', () => {
    expect(values('A week after the flood, schools reopened.', ref('2024-03-20'))).toEqual([]);
    expect(values('In May, at 3 pm, this week, nothing happened.', ref('2024-03-20'))).toEqual([]);
  });
  it('keeps what it cannot resolve as written when there is no reference date', () => {
    expect(values('The flood came on Wednesday.', undefined)).toEqual(['weekday:wednesday']);
    expect(values('The flood came on May 7.', undefined)).toEqual(['--05-07']);
    expect(values('The flood came yesterday.', undefined)).toEqual(['relative:yesterday']);
    expect(values('The flood came on May 7, 2025.', undefined)).toEqual(['2025-05-07']);
    expect(findDates('The flood came on Wednesday.', undefined)[0]!.notes.join(' ')).toMatch(/unresolved/);
  });
});

describe('named events', () => {
  const named = (text: string) => namedEvents(text).map((e) => [e.text, e.key, e.label]);
  it('folds case, quotes, hyphens and "the" into one key', () => {
    expect(eventKey('‘Operation Northern-Shield’')).toBe('operation northern shield');
    expect(eventKey('The OPERATION Northern Shield')).toBe('operation northern shield');
  });
  it('finds "Operation <Name>", "the <Place> <event>", "the <event> in <Place>" and "the <Month> <day> <event>"', () => {
    expect(named('Troops began ‘Operation Northern Shield’ after the Karlsby flash floods.')).toEqual([
      ['‘Operation Northern Shield’', 'operation northern shield', 'Operation Northern Shield'],
      ['the Karlsby flash floods', 'karlsby flood', 'the Karlsby flood'],
    ]);
    expect(named('the June 3 terror attack in Velmora, the Geneva summit and the July 9 bombing')).toEqual([
      ['the June 3 terror attack in Velmora', 'velmora attack', 'the Velmora attack'],
      ['the Geneva summit', 'geneva summit', 'the Geneva summit'],
      ['the July 9 bombing', 'bombing', 'the bombing'],
    ]);
  });
  it('names sinkings, crowd crushes, protests and verdicts', () => {
    expect(named('After the Santa Irene sinking and the Arnhold Stadium crush, the Halloran verdict and the Varna protests')).toEqual([
      ['the Santa Irene sinking', 'santa irene sinking', 'the Santa Irene sinking'],
      ['the Arnhold Stadium crush', 'arnhold stadium stampede', 'the Arnhold Stadium stampede'],
      ['the Halloran verdict', 'halloran verdict', 'the Halloran verdict'],
      ['the Varna protests', 'varna protests', 'the Varna protests'],
    ]);
  });
  it('reads a possessive weekday in place of "the": "Tuesday’s collapse", "Friday’s Kettle Bay capsizing", "Monday’s sinking on Lake Marren"', () => {
    expect(named("After Friday's Kettle Bay capsizing and Monday’s sinking on Lake Marren, Sunday night's deadly collapse")).toEqual([
      ["Friday's Kettle Bay capsizing", 'kettle bay sinking', 'the Kettle Bay sinking'],
      ['Monday’s sinking on Lake Marren', 'lake marren sinking', 'the Lake Marren sinking'],
      ["Sunday night's deadly collapse", 'collapse', 'the collapse'],
    ]);
    expect(named('the Dovrik collision, the derailment off Cape Brin and Tuesday’s tunnel fire at Selm Station')).toEqual([
      ['the Dovrik collision', 'dovrik crash', 'the Dovrik crash'],
      ['the derailment off Cape Brin', 'cape brin crash', 'the Cape Brin crash'],
      ['Tuesday’s tunnel fire at Selm Station', 'selm station fire', 'the Selm Station fire'],
    ]);
  });
  it('does not name a possessive weekday’s non-event, nor an event noun behind a preposition', () => {
    expect(named("Friday's meeting about fire safety and Tuesday’s report on flood defences")).toEqual([]);
    expect(named('the June 3 hearing on flood damage')).toEqual([]);
  });
  it('names only unplanned events by a possessive weekday, and none looked ahead to', () => {
    expect(named("Saturday's protest in Dorsen, Sunday’s Kessel Square rally, Monday's vote and Tuesday's Geneva summit")).toEqual([]);
    expect(named("Crowds gathered ahead of Friday's Dorsen verdict; residents are preparing for Sunday's flood on the Orlin River")).toEqual([]);
    expect(named("Sunday's expected flood and Monday’s likely landslide at Orla Pass")).toEqual([]);
    expect(named("Investigators will examine Friday's sinking on Lake Orla, hours before Saturday's Orla Pass crash")).toEqual([
      ["Friday's sinking on Lake Orla", 'lake orla sinking', 'the Lake Orla sinking'],
      ["Saturday's Orla Pass crash", 'orla pass crash', 'the Orla Pass crash'],
    ]);
  });
  it('does not name events after demonyms, weekdays or lower-case words', () => {
    expect(named('The Russian attack, the Sunday election and operation northern shield')).toEqual([]);
  });
});
