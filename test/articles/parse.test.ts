import { describe, expect, it } from 'vitest';
import { evidence, parseArticle, setAside } from '../../src/articles/parse.js';
import { article } from '../helpers.js';

describe('sentences', () => {
  it('ends a sentence after a short number (retext does not)', () => {
    const a = article('a', 'The blast killed 26. Many fled the town.');
    expect(a.sentences.map((s) => s.text)).toEqual(['The blast killed 26.', 'Many fled the town.']);
  });
  it('ends a sentence after an ordinary word retext takes for an abbreviation ("in.", "cent."), not after real ones', () => {
    const a = article('a', 'The guards stepped in. Nine people were hurt at the depot. Fares rose 3 per cent. The board met.');
    expect(a.sentences.map((s) => s.text)).toEqual(['The guards stepped in.', 'Nine people were hurt at the depot.', 'Fares rose 3 per cent.', 'The board met.']);
    const b = article('b', 'The crowd joined in.” Then it rained. He sat. Later he left. Drifts reached 14 in. Roads shut. Gen. Ortiz flew to the U.S. Embassy on Sun. Oct. 5 at 8 p.m.');
    expect(b.sentences.map((s) => s.text)).toEqual(['The crowd joined in.”', 'Then it rained.', 'He sat.', 'Later he left.', 'Drifts reached 14 in. Roads shut.', 'Gen. Ortiz flew to the U.S. Embassy on Sun. Oct. 5 at 8 p.m.']);
  });
  it('keeps abbreviations inside sentences', () => {
    const a = article('a', 'U.S. Secretary Rubio met Gen. Munir in Washington, D.C., on Monday. S. Jaishankar spoke later.');
    expect(a.sentences).toHaveLength(2);
  });
  it('treats each line of unwrapped copy as its own paragraph, headlines included', () => {
    const a = article('a', 'Rescuers Search Rubble in Port Town\nThe quake struck at dawn and rescuers worked through the day to reach people trapped under collapsed buildings near the harbour.');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'Rescuers Search Rubble in Port Town',
      'The quake struck at dawn and rescuers worked through the day to reach people trapped under collapsed buildings near the harbour.',
    ]);
  });
  it('a Markdown heading is a sentence without its "#" marks, so evidence quotes the headline as written', () => {
    const a = article('a', '## Bridge collapse: 7 dead in Orsk\n\nSeven people died when the Orsk bridge fell on Sunday. Issue #4 of the bulletin followed.');
    expect(a.sentences.map((s) => s.text)).toEqual(['Bridge collapse: 7 dead in Orsk', 'Seven people died when the Orsk bridge fell on Sunday.', 'Issue #4 of the bulletin followed.']);
    expect(a.sentences[0]!.start).toBe(3);
  });
  it('joins hard-wrapped lines of one paragraph', () => {
    const a = article('a', 'The storm flooded the valley and\ncut power to the town.\n\nA second paragraph.');
    expect(a.sentences.map((s) => s.text.replace(/\n/g, ' '))).toEqual(['The storm flooded the valley and cut power to the town.', 'A second paragraph.']);
    expect(a.sentences[1]!.paragraph).toBe(1);
  });
});

describe('positions', () => {
  it('gives 1-based line and column of evidence, with CRLF line ends', () => {
    const text = 'First line.\r\nThe flood killed 12 people.\r\n';
    const a = article('a', text);
    const at = text.indexOf('12');
    const ev = evidence(a, at, at + 2);
    expect(ev).toMatchObject({ line: 2, column: 18, text: '12', sentence: 'The flood killed 12 people.' });
  });
  it('counts front matter lines and offsets', () => {
    const a = parseArticle({ id: 'x', path: 'x.md', text: 'Body with 7 dead.', bodyOffset: 30, bodyLine: 5 });
    const ev = evidence(a, 10, 11);
    expect(ev).toMatchObject({ line: 5, column: 11, offset: 40 });
  });
  it('handles a long line', () => {
    const filler = 'word '.repeat(20000);
    const a = article('a', `${filler}The fire killed 5 people.`);
    const at = a.text.indexOf('5 people');
    expect(evidence(a, at, at + 1).column).toBe(at + 1);
  });
});

describe('what is not the story is set aside (offsets kept)', () => {
  it('correction notes, “Related stories” sections and link-only list items become spaces', () => {
    const text = [
      'Police said 12 people were killed in the Castavel crash.',
      '',
      'Correction: An earlier version of this article said 14 people had been killed.',
      '',
      '## Related stories',
      '',
      '- [Warehouse fire in Dastra kills 8 people](https://example.com/d)',
      '- Another headline about 60 people injured',
      '',
      '## What happens next',
      'Investigators arrive on Monday.',
    ].join('\n');
    const kept = setAside(text);
    expect(kept.length).toBe(text.length);
    expect(kept.split('\n').map((l) => l.trim())).toEqual([
      'Police said 12 people were killed in the Castavel crash.',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '## What happens next',
      'Investigators arrive on Monday.',
    ]);
    const a = parseArticle({ id: 'a', path: 'a.md', text });
    expect(a.sentences.map((s) => s.text).join(' ')).not.toMatch(/14 people|Dastra|60 people/);
  });
  it('works with CRLF line ends, and keeps the story that goes on after a list of links', () => {
    const text = ['The earthquake killed 25 people.', 'Related stories', '- [Earthquake kills 90 people in Vessa](https://example.com/v)', '', 'The earthquake also killed 3 rescuers.'].join('\r\n');
    const kept = setAside(text);
    expect(kept.length).toBe(text.length);
    expect(kept).not.toMatch(/90 people|Related/);
    expect(kept).toMatch(/The earthquake also killed 3 rescuers\.$/);
    const md = setAside('## Related coverage\n- [Other story](https://x.y)\n\nThe earthquake killed 40 people.');
    expect(md).toMatch(/The earthquake killed 40 people\.$/);
  });
  it('sets aside every kind of heading it knows, "Read next" included', () => {
    const text = 'The dam failed on Sunday, killing 9 people.\n\nRead next\n- Bridge collapse in Orvella kills 40\n\nThe river has since fallen.';
    const kept = setAside(text);
    expect(kept).not.toMatch(/Read next|40/);
    expect(kept).toMatch(/^The dam failed on Sunday, killing 9 people\./);
    expect(kept).toMatch(/The river has since fallen\.$/);
  });
  it('leaves an article without such parts as it is', () => {
    const text = 'The related agencies said more on this would follow. Read the report.';
    expect(setAside(text)).toBe(text);
  });
});

