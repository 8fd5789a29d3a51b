import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStory } from '../../src/bench/stories.js';
import { article, tempDir } from '../helpers.js';

/** Two outlets on a dam breach; one points to another story in "Read:" lines. */
function story(): string {
  const dir = join(tempDir(), 'velmar');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'a.txt'),
    [
      'Velmar dam breach: 14 dead as floodwaters sweep through valley',
      '',
      'Floodwaters from the Velmar dam breach killed 14 people on Tuesday, officials said.',
      '',
      'Read: 40 killed as ferry catches fire off Sarno on March 3',
      '',
      '“We are searching every house,” said Governor Ilse Brandt.',
      '',
      'Also read | “We will rebuild the harbour,” says Sarno mayor Piet Ravel after ferry fire',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'b.txt'),
    [
      'Velmar dam breach leaves 14 dead',
      '',
      'The Velmar dam breach on Tuesday killed 14 people, officials said.',
      '',
      '“We are searching every house,” Governor Ilse Brandt said on Wednesday.',
      '',
      'Sarno mayor Piet Ravell said the harbour would be rebuilt.',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('a line pointing to another story ("Read: …", "Also read | …")', () => {
  it('flags the sentences of such a line, and only of such a line', () => {
    const a = article('a', 'The storm hit on Monday.\n\nRead: 40 killed as ferry catches fire\n\nRead also: Port closed\n\n**ALSO READ |** Ferry fire toll rises\n\n**WATCH:** Rescue at sea\n\nShe said she had read: nothing.');
    expect(a.sentences.map((s) => Boolean(s.related))).toEqual([false, true, true, true, false, false]);
    // a wrapped line that goes on from the one above is not a line of its own, whatever it starts with
    const wrapped = article('w', 'Protesters outside the court carried a banner that\nread: "Justice now." Police said 14 people were killed in the\nclashes on Monday.\n');
    expect(wrapped.sentences.some((s) => s.related)).toBe(false);
  });

  it('does not take a speaker for “he” from such a line', () => {
    const dir = join(tempDir(), 'harbour');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'a.txt'),
      'Floodwaters from the Velmar dam breach killed 14 people on Wednesday, officials said.\n\nRead: Sarno mayor Piet Ravel resigns after ferry fire on March 3, 2026\n\n“We are searching every house in the valley tonight,” he said.\n',
    );
    writeFileSync(join(dir, 'b.txt'), '“We are searching every house in the valley tonight,” Governor Ilse Brandt said.\n');
    const r = runStory(dir);
    // before: “he” → Piet Ravel, the last named speaker
    expect(r.facts.filter((f) => f.rule === 'default-credits').map((f) => `${f.article} ${String(f.data?.speaker)}`)).toEqual(['b Ilse Brandt']);
  });

  it('gives its figures, dates and quotes to the other story, and its names and titles to the outlet', () => {
    const r = runStory(story());
    const lineOf = (f: (typeof r.facts)[number]) => (Array.isArray(f.evidence) ? f.evidence[0] : f.evidence)?.line;
    const fromRelated = r.facts.filter((f) => f.article === 'a' && [5, 9].includes(lineOf(f)!));
    // "40 killed … on March 3" and “We will rebuild the harbour” are not this story's
    expect(fromRelated.filter((f) => /deaths|date|quotes|credits/.test(f.rule))).toEqual([]);
    expect(r.facts.filter((f) => f.rule === 'default-deaths').map((f) => f.value)).toEqual(['14', '14', '14', '14']);
    // the outlet's own spelling of a name there still counts: "Piet Ravel" against "Piet Ravell"
    expect(fromRelated.some((f) => f.rule === 'default-name-spelling')).toBe(true);
    expect(r.findings.map((f) => `${f.kind} ${f.rule}`)).toEqual(['variant default-name-spelling']);
  });
});
