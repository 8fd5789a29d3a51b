import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { tempDir } from '../helpers.js';

function errorOf(yaml: string, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  const file = join(dir, 'rules.yaml');
  writeFileSync(file, yaml);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  try {
    parseConfig(file, 'rules.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

const ENTITY = 'entities:\n  - id: flood\n    name: River flood\n';

describe('rules.yaml errors name the line, the column and what to write', () => {
  it('a YAML syntax error', () => {
    expect(errorOf('rules:\n  - id: x\n    type: [count\n')).toMatch(/^rules\.yaml:\d+:\d+: YAML syntax error/);
  });
  it('an unknown rule type, with a suggestion', () => {
    const msg = errorOf(`${ENTITY}rules:\n  - id: toll\n    type: cuont\n`);
    expect(msg).toBe('rules.yaml:6:11: rule "toll": unknown rule type "cuont". Did you mean "count"? Rule types: ' + msg.split('Rule types: ')[1]);
  });
  it('a rule type named like a property every object has', () => {
    for (const type of ['valueOf', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(errorOf(`${ENTITY}rules:\n  - id: toll\n    type: ${type}\n`)).toMatch(new RegExp(`^rules\\.yaml:6:11: rule "toll": unknown rule type "${type}"\\.`));
    }
  });
  it('a misspelt option, with a suggestion and the allowed ones', () => {
    const msg = errorOf(`${ENTITY}rules:\n  - id: toll\n    type: count\n    subject: flood\n    unit: people\n    cue: [killed]\n`);
    expect(msg).toMatch(/^rules\.yaml:9:5: rule "toll": unknown option "cue" for a count rule\. Did you mean "cues"\? Allowed: /);
  });
  it('a missing required option', () => {
    expect(errorOf(`${ENTITY}rules:\n  - id: toll\n    type: count\n    subject: flood\n    unit: people\n`)).toMatch(/^rules\.yaml:5:5: rule "toll": missing "cues"/);
  });
  it('a wrong value type', () => {
    expect(errorOf(`${ENTITY}rules:\n  - id: toll\n    type: count\n    subject: flood\n    unit: people\n    cues: [killed]\n    window: many\n`)).toBe('rules.yaml:10:13: rule "toll": "window" must be an integer, e.g. window: 5');
  });
  it('a choice of the wrong type gets one line, with the choices', () => {
    expect(errorOf('rules:\n  - id: titles\n    type: title\n    omissions: 7\n')).toBe('rules.yaml:4:16: rule "titles": "omissions" must be one of "contradiction", "variant", "ignore"');
  });
  it('a list given as a number shows what a list looks like', () => {
    expect(errorOf(`${ENTITY}rules:\n  - id: toll\n    type: count\n    subject: flood\n    unit: people\n    cues: 5\n`)).toBe('rules.yaml:9:11: rule "toll": "cues" must be a list, e.g. cues: [first, second]');
  });
  it('an entity that does not exist', () => {
    expect(errorOf(`${ENTITY}rules:\n  - id: toll\n    type: count\n    subject: flod\n    unit: people\n    cues: [killed]\n`)).toMatch(
      /^rules\.yaml:7:14: rule "toll": unknown entity "flod": define it under entities: or use one of flood/,
    );
  });
  it('an unknown top-level key', () => {
    expect(errorOf('rulez: []\n')).toMatch(/^rules\.yaml:1:1: unknown key "rulez"\. Did you mean "rules"\?/);
  });
  it('a duplicate rule id', () => {
    const rule = '  - id: toll\n    type: count\n    subject: flood\n    unit: people\n    cues: [killed]\n';
    expect(errorOf(`${ENTITY}rules:\n${rule}${rule}`)).toMatch(/^rules\.yaml:10:9: rule id "toll" is used twice \(first at line 5\)/);
  });
  it('an include that is missing', () => {
    expect(errorOf('include: [people.yaml]\n')).toMatch(/people\.yaml: cannot read the rules file \(no such file\)/);
  });
});

describe('a valid rules file', () => {
  it('loads rules with defaults and entities from includes', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'people.yaml'), 'entities:\n  - id: mayor\n    name: Ana Ruiz\n    aliases: [Mayor Ruiz]\ntitles:\n  Mayor: [city mayor]\n');
    writeFileSync(join(dir, 'rules.yaml'), `include: [people.yaml]\n${ENTITY}rules:\n  - id: toll\n    type: count\n    subject: flood\n    unit: people\n    cues: [drowned]\n`);
    const c = parseConfig(join(dir, 'rules.yaml'));
    expect(c.vocab.entities.map((e) => e.id)).toEqual(['flood', 'mayor']);
    expect(c.vocab.titles).toEqual({ Mayor: ['city mayor'] });
    expect(c.rules[0]).toMatchObject({ id: 'toll', severity: 'error', options: { window: 1, unit_words: ['people'] } });
  });
});

describe('user patterns', () => {
  it('an invalid regular expression is reported at its place', () => {
    expect(errorOf(`${ENTITY}rules:\n  - id: ops\n    type: name\n    pattern: "Operation ([A-Z]"\n`)).toMatch(/^rules\.yaml:7:14: rule "ops": "pattern" is not a valid regular expression/);
  });
  it('a pattern that can backtrack exponentially is refused before any article is read', () => {
    expect(errorOf(`${ENTITY}rules:\n  - id: ops\n    type: name\n    pattern: "Operation (\\\\w+\\\\s?)+!"\n`)).toMatch(/^rules\.yaml:7:14: rule "ops": pattern .* can take exponential time/);
  });
  it('so is one whose alternatives overlap under a repetition, which the static check passes: it is tried on test texts', () => {
    expect(errorOf(`${ENTITY}rules:\n  - id: chiefs\n    type: name\n    pattern: "Chief (\\\\w|\\\\w)*X"\n`)).toMatch(/^rules\.yaml:7:14: rule "chiefs": pattern .* takes exponential time on some texts \(tried on a test text/);
  }, 20_000);
  it('a pattern that is fast on the test texts loads', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rules.yaml'), `${ENTITY}rules:\n  - id: chiefs\n    type: name\n    pattern: "(?:Chief|Commander) {name}"\n`);
    expect(parseConfig(join(dir, 'rules.yaml')).rules.map((r) => r.id)).toEqual(['chiefs']);
  });
});
