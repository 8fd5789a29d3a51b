import { describe, expect, it } from 'vitest';
import { convertQuantity, dateOrTimePart, displayQuantity, formatQuantity, numberSpans, parseNumber, parseQuantity, quantityValue, rangesOverlap } from '../../src/normalize/numbers.js';

describe('parseNumber', () => {
  it.each([
    ['26', 26],
    ['1,200', 1200],
    ['2.5 million', 2_500_000],
    ['twenty-six', 26],
    ['twenty six', 26],
    ['thirty-one', 31],
    ['nine', 9],
    ['a dozen', 12],
    ['two hundred and five', 205],
    ['three thousand', 3000],
  ])('%s → %d', (text, n) => expect(parseNumber(text)).toBe(n));

  it('rejects words that are not numbers', () => {
    expect(parseNumber('another')).toBeUndefined();
    expect(parseNumber('first')).toBeUndefined();
  });
});

describe('parseQuantity', () => {
  it('reads hedges as ranges', () => {
    expect(parseQuantity('at least 40')).toEqual({ min: 40, max: Infinity, hedge: 'at least' });
    expect(parseQuantity('more than 300')).toMatchObject({ min: 301, max: Infinity });
    expect(parseQuantity('nearly 90')).toMatchObject({ max: 90 });
    expect(parseQuantity('8-10')).toMatchObject({ min: 8, max: 10 });
    expect(parseQuantity('dozens')).toMatchObject({ min: 24, max: 99 });
  });
  it('does not read a hyphenated number word as a range', () => {
    expect(parseQuantity('thirty-one')).toEqual({ min: 31, max: 31 });
  });
  it('formats ranges for people', () => {
    expect(formatQuantity({ min: 40, max: Infinity, hedge: 'at least' })).toBe('at least 40');
    expect(formatQuantity({ min: 1200, max: 1200 })).toBe('1,200');
  });
  it('knows which hedged figures can both be true', () => {
    expect(rangesOverlap([parseQuantity('at least 212')!, parseQuantity('540')!])).toBe(true);
    expect(rangesOverlap([parseQuantity('at least 212')!, parseQuantity('nearly 90')!])).toBe(false);
  });
});

describe('hedges as ranges, shown to editors', () => {
  it.each([
    ['at least 40', 40, Infinity],
    ['more than 300', 301, Infinity],
    ['nearly 90', 76, 90],
    ['close to 250', 212, 250],
    ['about 1,200', 1080, 1320],
    ['around 60', 54, 66],
    ['dozens', 24, 99],
    ['hundreds', 200, 999],
    ['8-10', 8, 10],
    ['between 8 and 10', 8, 10],
    ['just over 100', 101, Infinity],
  ])('%s → %d..%d', (text, min, max) => expect(parseQuantity(text)).toMatchObject({ min, max }));
  it('displays the range with the words as written', () => {
    expect(displayQuantity(parseQuantity('at least 212')!, 'people', 'at least 212')).toBe('at least 212 people');
    expect(displayQuantity(parseQuantity('nearly 90')!, 'people', 'Nearly 90')).toBe('76–90 people (nearly 90)');
    expect(displayQuantity(parseQuantity('8-10')!, 'people', '8-10')).toBe('8–10 people');
    expect(quantityValue(parseQuantity('at least 212')!)).toBe('212..');
  });
  it('converts units of measure, allowing for the rounding of the figure as written', () => {
    const mph = convertQuantity(parseQuantity('75')!, 'mph', 'km/h')!;
    expect(rangesOverlap([mph, parseQuantity('120')!])).toBe(true);
    expect(rangesOverlap([convertQuantity(parseQuantity('90')!, 'mph', 'km/h')!, parseQuantity('120')!])).toBe(false);
    expect(convertQuantity(parseQuantity('5')!, 'people', 'km/h')).toBeUndefined();
  });
  it('shows a converted figure as one number beside the figure as written', () => {
    expect(displayQuantity(convertQuantity(parseQuantity('150')!, 'mph', 'km/h')!, 'km/h', '150 mph')).toBe('241 km/h (150 mph)');
    expect(displayQuantity(convertQuantity(parseQuantity('3')!, 'miles', 'km')!, 'km', '3 miles')).toBe('4.8 km (3 miles)');
  });
});

describe('dateOrTimePart: numbers in dates and times are never quantities', () => {
  const part = (text: string, num: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(num, at + 1);
    return dateOrTimePart(text, at, at + num.length);
  };
  it.each([
    ['The ferry sank off Port Maren on June 7, killing nine people.', '7', 'a day of the month'],
    ['The ferry sank off Port Maren on Friday, 7 June, and nine died.', '7', 'a day of the month'],
    ['It sank on Sept. 30 with 40 aboard.', '30', 'a day of the month'],
    ['The ferry sank on June 7, 2024, near the harbour.', '2024', 'a year'],
    ['The bus left the road at 21:15 on the pass.', '21', 'a time'],
    ['The bus left the road at 21:15 on the pass.', '15', 'a time'],
    ['The blast came shortly before 9 p.m. local time.', '9', 'a time'],
    ['It was the 3rd crash this year.', '3', 'an ordinal'],
    ['The crash on 07/06/2024 killed five.', '07', 'a date'],
  ])('%s → “%s” is %s', (text, num, why) => expect(part(text, num)).toBe(why));
  it('leaves real quantities alone', () => {
    expect(part('The ferry sank, killing 9 people.', '9')).toBeUndefined();
    expect(part('In Port Maren 40 people died on Friday.', '40')).toBeUndefined();
    expect(part('The toll rose to 1,200.', '1,200')).toBeUndefined();
    expect(part('June storms killed 12 people.', '12')).toBeUndefined();
  });
});

describe('dateOrTimePart: years', () => {
  const part = (text: string, num: string) => {
    const at = text.lastIndexOf(num);
    return dateOrTimePart(text, at, at + num.length);
  };
  it('reads years after a month or "in", but not a toll "of 1500"', () => {
    expect(part('The levee failed in March 1998 and again in 2004, officials said.', '1998')).toBe('a year');
    expect(part('The levee failed in March 1998 and again in 2004, officials said.', '2004')).toBe('a year');
    expect(part('The flood left a toll of 1500 dead.', '1500')).toBeUndefined();
    expect(part('The flood displaced 1950 residents.', '1950')).toBeUndefined();
  });
});

describe('a year and a figure after a dash (a dateline)', () => {
  it('a number in digits takes no number word after it: "2024 - Eleven" is not 2,035', () => {
    expect(parseNumber('2024 - eleven')).toBeUndefined();
    expect(parseQuantity('2024 - Eleven')).toMatchObject({ min: 11, max: 2024 });
    expect(parseNumber('2 hundred')).toBe(200);
  });
  it('numberSpans gives both ends of a range, without the hedge', () => {
    expect(numberSpans('at least 12')).toEqual([[9, 11]]);
    expect(numberSpans('2024 – 11')).toEqual([[0, 4], [7, 9]]);
    expect(numberSpans('between 8 and 10')).toEqual([[8, 9], [14, 16]]);
    expect(numberSpans('twenty-six')).toEqual([[0, 10]]);
  });
  it('a year after a comma and before a spaced dash is a dateline’s year', () => {
    const t = 'KELDORF, 2024 – 11 people died.';
    expect(dateOrTimePart(t, 9, 13)).toBe('a year');
    expect(dateOrTimePart('Police said 1950 - 2000 people fled.', 12, 16)).toBeUndefined();
  });
});
