import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse.js';
import { canonicalTitles, indexPeople, isShortFormOf, normalizeTitle, titleKeyOf, titleTable, tokenize } from '../../src/normalize/titles.js';
import type { Vocabulary } from '../../src/types.js';

const empty: Vocabulary = { entities: [], titles: {} };
const withSynonyms: Vocabulary = { entities: [], titles: { 'National Security Adviser': ['national security advisor', 'NSA'] } };

describe('titleKeyOf', () => {
  it('drops country prefixes and possessives', () => {
    expect(titleKeyOf('US Secretary of State').key).toBe('secretary of state');
    expect(titleKeyOf('U.S. Secretary of State').key).toBe('secretary of state');
    expect(titleKeyOf('Pakistani Prime Minister').key).toBe('prime minister');
    expect(titleKeyOf('Pakistan’s Prime Minister').key).toBe('prime minister');
    expect(titleKeyOf("India's External Affairs Minister").key).toBe('external affairs minister');
    expect(titleKeyOf('Trump’s Secretary of State').key).toBe('secretary of state');
    expect(titleKeyOf('Kenyan Interior Minister').key).toBe('interior minister');
    expect(titleKeyOf('United Kingdom Foreign Secretary').key).toBe('foreign secretary');
  });
  it('folds case and spelling, and shows one display form', () => {
    expect(titleKeyOf('White House press secretary')).toEqual(titleKeyOf('White House Press Secretary'));
    expect(titleKeyOf('White House press secretary').display).toBe('White House Press Secretary');
    expect(titleKeyOf('national security advisor').key).toBe('national security adviser');
    expect(titleKeyOf('NSA').key).toBe('national security adviser');
    expect(titleKeyOf('Gen.').key).toBe('general');
    expect(titleKeyOf('party spokesman').key).toBe('party spokesperson');
  });
  it('puts "X of the Y" and "Department of Y" in one order', () => {
    expect(titleKeyOf('spokesperson of the US State Department').key).toBe('state department spokesperson');
    expect(titleKeyOf('U.S. Department of State spokesperson').key).toBe('state department spokesperson');
    expect(titleKeyOf('Secretary of State').display).toBe('Secretary of State');
  });
  it('puts a minister’s portfolio first, with or without “the”, but keeps “Minister of State” as written', () => {
    expect(titleKeyOf('minister of transport').key).toBe('transport minister');
    expect(titleKeyOf('Minister for Foreign Affairs').key).toBe(titleKeyOf('Foreign Affairs Minister').key);
    expect(titleKeyOf('Minister of the Interior').key).toBe('interior minister');
    expect(titleKeyOf('Minister of State').key).toBe('minister of state');
    expect(titleKeyOf('Secretary of Defense').key).toBe('secretary of defense');
  });
  it('puts an organisation’s name before the title, as it is usually written, but keeps a portfolio after it', () => {
    expect(titleKeyOf('chief executive of Kestrel').key).toBe('kestrel chief executive');
    expect(titleKeyOf('chief executive of Kestrel').display).toBe('Kestrel Chief Executive');
    expect(titleKeyOf('Chairman of Kestrel Mining').key).toBe('kestrel mining chair');
    expect(titleKeyOf('Mayor of New Carrow').key).toBe('new carrow mayor');
    expect(titleKeyOf('President of France').key).toBe('president');
    expect(titleKeyOf('Chief of Staff').key).toBe('chief of staff');
    expect(titleKeyOf('Chief of Army Staff').key).toBe('chief of army staff');
    expect(titleKeyOf('Director of National Intelligence').key).toBe('director of national intelligence');
    expect(titleKeyOf('Member of Parliament').key).toBe('member of parliament');
    expect(titleKeyOf('Bank of Lorden Governor').key).toBe('bank of lorden governor');
  });
  it('reads company officers’ abbreviations as their long forms, and “chief executive officer” as chief executive', () => {
    expect(titleKeyOf('CEO').key).toBe('chief executive');
    expect(titleKeyOf('chief executive officer').key).toBe('chief executive');
    expect(titleKeyOf('Kestrel CEO').key).toBe('kestrel chief executive');
    expect(titleKeyOf('CFO').key).toBe(titleKeyOf('chief financial officer').key);
    expect(titleKeyOf('COO').key).toBe('chief operating officer');
    expect(titleKeyOf('CTO').display).toBe('Chief Technology Officer');
    expect(isShortFormOf(titleKeyOf('CEO'), titleKeyOf('Deputy Chief Executive'))).toBe(false);
  });
  it('maps synonyms from the vocabulary to their canonical title', () => {
    const t = titleTable(withSynonyms);
    expect(normalizeTitle('US National Security Advisor', t).display).toBe('National Security Adviser');
    expect(normalizeTitle('NSA', t).key).toBe(normalizeTitle('national security adviser', t).key);
  });
});

describe('short forms', () => {
  const k = (s: string) => titleKeyOf(s);
  it('a title with fewer words and the same head is a short form', () => {
    expect(isShortFormOf(k('Secretary'), k('Secretary of State'))).toBe(true);
    expect(isShortFormOf(k('spokesperson'), k('State Department spokesperson'))).toBe(true);
    expect(isShortFormOf(k('press secretary'), k('White House Press Secretary'))).toBe(true);
  });
  it('a different office is not a short form', () => {
    expect(isShortFormOf(k('President'), k('Vice President'))).toBe(false);
    expect(isShortFormOf(k('Secretary'), k('Deputy Secretary of State'))).toBe(false);
    expect(isShortFormOf(k('President'), k('former President'))).toBe(false);
    expect(isShortFormOf(k('Secretary of State'), k('National Security Adviser'))).toBe(false);
  });
  it('folds a short form only when it is unambiguous', () => {
    const one = canonicalTitles([k('Secretary'), k('Secretary of State')]);
    expect(one.get('secretary')!.key).toBe('secretary of state');
    const two = canonicalTitles([k('Secretary'), k('Secretary of State'), k('Press Secretary')]);
    expect(two.get('secretary')!.key).toBe('secretary');
  });
});

describe('tokenize', () => {
  it('keeps initials and title abbreviations with their period, and marks possessives', () => {
    const t = tokenize('Gen. Munir met S. Jaishankar and the U.S. envoy’s aide');
    expect(t.map((x) => x.text)).toEqual(['Gen.', 'Munir', 'met', 'S.', 'Jaishankar', 'and', 'the', 'U.S.', 'envoy’s', 'aide']);
    expect(t[8]!.possessive).toBe(true);
    expect(t[7]!.norm).toBe('us');
  });
});

describe('indexPeople on a story of its own', () => {
  const text = [
    'Port Allen Mayor Rachel Okafor ordered the evacuation of the riverfront on Sunday.',
    'Okafor, the city’s emergency management director as well, toured the shelters.',
    'Both Okafor and the county sheriff have asked residents to stay away from the levee.',
    'Sen. Alan Brooks, the chair of the Senate Commerce Committee, said aid would follow.',
    'The governor and Senator Brooks spoke by phone; the mayor joined later.',
  ].join('\n');
  const a = parseArticle({ id: 'storm', path: 'storm.txt', text });
  const ix = indexPeople(a, empty);
  const uses = ix.titles.map((t) => `${t.person.label}: ${t.holds ? '' : 'not '}${t.title.display} (${t.how})`);

  it('finds titles before the name, after it, and in apposition, without any vocabulary', () => {
    expect(uses).toContain('Rachel Okafor: Port Allen Mayor (before-name)');
    expect(uses).toContain('Rachel Okafor: Emergency Management Director (apposition)');
    expect(uses).toContain('Alan Brooks: Senator (before-name)');
    expect(uses).toContain('Alan Brooks: Senate Commerce Committee Chair (apposition)');
  });
  it('reads a person coordinated with a bare title as not holding it', () => {
    expect(uses).toContain('Rachel Okafor: not County Sheriff (separated)');
    expect(uses).toContain('Alan Brooks: not Governor (separated)');
  });
  it('resolves "the mayor" to the person the article calls mayor', () => {
    const mayor = ix.bare.find((b) => b.raw === 'mayor');
    expect(mayor?.person?.label).toBe('Rachel Okafor');
    // and "Okafor" alone is the same person as "Rachel Okafor"
    expect(ix.mentions.filter((m) => m.person.label === 'Rachel Okafor').map((m) => m.text)).toEqual(expect.arrayContaining(['Rachel Okafor', 'Okafor']));
  });
  it('reads a title after a possessive, then a comma and the name, as that person’s title', () => {
    const b = parseArticle({
      id: 'b',
      path: 'b.txt',
      text: 'Norway’s prime minister, Ingrid Solberg, opened the summit. The city’s mayor, Tomas Berg, welcomed her.',
    });
    const found = indexPeople(b, empty).titles.map((t) => `${t.person.label}: ${t.title.display} (${t.how})`);
    expect(found).toEqual(expect.arrayContaining(['Ingrid Solberg: Prime Minister (clause)', 'Tomas Berg: Mayor (clause)']));
  });
  it('reads lower-case organisation words before a head: “a coast guard spokesman”, “hospital director”', () => {
    const d = parseArticle({ id: 'd', path: 'd.txt', text: 'Lt. Commander Rafael Dunmore, a coast guard spokesman, said the search continued. Hospital director Ana Velk said four were treated.' });
    const found = indexPeople(d, empty).titles.map((t) => `${t.person.label}: ${t.title.display} (${t.how})`);
    expect(found).toEqual(expect.arrayContaining(['Rafael Dunmore: Coast Guard Spokesperson (apposition)', 'Ana Velk: Hospital Director (before-name)']));
  });
  it('does not make the person a spokesperson speaks for part of the title: “a spokesperson for Marek Valdt”', () => {
    const e = parseArticle({ id: 'e', path: 'e.txt', text: 'Fire chief Marek Valdt spoke first.\n\nAnna Blum, a spokesperson for Marek Valdt, said the fire was under control.' });
    const found = indexPeople(e, empty).titles.map((t) => `${t.person.label}: ${t.title.display}`);
    expect(found).not.toContain('Marek Valdt: Spokesperson for Marek');
    expect(found).toContain('Marek Valdt: Fire Chief');
  });
  it('does not give a possessive title to a name that is not beside it', () => {
    const c = parseArticle({ id: 'c', path: 'c.txt', text: 'Norway’s prime minister, Sweden’s foreign minister and the Danish envoy met on Friday.' });
    expect(indexPeople(c, empty).titles).toEqual([]);
  });
  it('does not read a headline word as a name', () => {
    const body = 'The storm moved east overnight, and the river was expected to crest on Monday morning above the flood stage.';
    const h = parseArticle({ id: 'h', path: 'h.txt', text: `Mayor Speaks to Both Flooded Towns\n${body}` });
    expect(indexPeople(h, empty).titles).toEqual([]);
  });
});

describe('role nouns, workplaces and institutions', () => {
  const read = (text: string, vocab: Vocabulary = empty) =>
    indexPeople(parseArticle({ id: 'r', path: 'r.txt', text }), vocab).titles.map((t) => `${t.person.label}: ${t.title.display} (${t.how})`);

  it.each([
    ['Chief Investigator Maren Holt of the Coastal Safety Board said the hull had failed.', 'Maren Holt: Chief Investigator (before-name)'],
    ['The report was signed by chief investigator Maren Holt on Friday.', 'Maren Holt: Chief Investigator (before-name)'],
    ['Deputy Engineer Tobias Rann inspected the pumps.', 'Tobias Rann: Deputy Engineer (before-name)'],
    ['Senior Economist Priya Nand expects rates to hold.', 'Priya Nand: Senior Economist (before-name)'],
    ['Lead Analyst Oskar Feld wrote the note.', 'Oskar Feld: Lead Analyst (before-name)'],
    ['Principal Scientist Ines Morrow took the samples.', 'Ines Morrow: Principal Scientist (before-name)'],
    ['Head Correspondent Ruth Amsel filed from the port.', 'Ruth Amsel: Head Correspondent (before-name)'],
    ['Chief Executive Colm Danner resigned on Monday.', 'Colm Danner: Chief Executive (before-name)'],
  ])('reads a modifier and a role noun as one title before a full name: %s', (text, expected) => {
    const found = read(text);
    expect(found).toContain(expected);
    expect(found).toHaveLength(1);
  });

  it('reads a title after a name followed by a workplace: “Maren Holt, chief investigator at the Coastal Safety Board, said”', () => {
    expect(read('Maren Holt, chief investigator at the Coastal Safety Board, said the hull had failed.')).toEqual(['Maren Holt: Chief Investigator (apposition)']);
    expect(read('Priya Nand, an economist with Fenwick Capital, said rates would hold.')).toEqual(['Priya Nand: Economist (apposition)']);
    expect(read('Dana Pell, spokesperson at the Harbour Authority, said the cranes were safe.')).toEqual(['Dana Pell: Spokesperson (apposition)']);
  });

  it('does not read an institution after a title word as a person: “at Brackley General Hospital”', () => {
    expect(read('Nine patients remain in intensive care at Brackley General Hospital, officials said.')).toEqual([]);
    expect(read('The gift went to the Ellsworth General Hospital Foundation last year.')).toEqual([]);
  });

  it('takes the portfolio of “Minister of X” into the title, not into the name', () => {
    expect(read('Minister of Fisheries Tove Lind said the quota would stand.')).toEqual(['Tove Lind: Fisheries Minister (before-name)']);
    expect(read('Minister of Transport Anselm Kray said the bridge would reopen.')).toEqual(['Anselm Kray: Transport Minister (before-name)']);
  });

  it('ends the title where a full name of the vocabulary begins: “Chief Rapporteur Ana Silva”, rapporteur not a head word', () => {
    const vocab: Vocabulary = { entities: [{ id: 'silva', name: 'Ana Silva', aliases: ['Silva'], kind: 'person' }], titles: {} };
    expect(read('Chief Rapporteur Ana Silva visited the camp.', vocab)).toEqual(['Ana Silva: Chief Rapporteur (before-name)']);
    // a surname alone is not a full name: the first name stays with it
    const surnameOnly: Vocabulary = { entities: [{ id: 'silva', name: 'Silva', aliases: [], kind: 'person' }], titles: {} };
    expect(read('Senator Ana Silva visited the camp.', surnameOnly)).toEqual(['Silva: Senator (before-name)']);
  });
});
