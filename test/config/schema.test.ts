import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesSchema } from '../../src/config/schema.js';
import { rulesValidator, validatorSource } from '../../src/config/validator.js';
import compiled from '../../schema/rules-validator.js';
import { ruleTypes } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
import { ROOT } from '../helpers.js';

describe('the shipped schema', () => {
  it('is the one the rule types define (run `npm run schema` after changing options)', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schema/rules.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(rulesSchema())));
  });
  it('ships compiled from the same schema, and runs use the compiled validator (run `npm run schema` after changing options)', () => {
    expect(readFileSync(join(ROOT, 'schema/rules-validator.js'), 'utf8')).toBe(validatorSource());
    expect(rulesValidator()).toBe(compiled);
  });
  it('is referenced by rules.yaml for editors', () => {
    expect(readFileSync(join(ROOT, 'rules.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/rules.schema.json');
  });
  it('describes every option of every rule type', () => {
    for (const t of Object.values(ruleTypes)) {
      for (const [name, def] of Object.entries(t.options)) expect(def.description, `${t.type}.${name}`).toBeTruthy();
    }
  });
  it('matches package.json version', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version).toBe(VERSION);
  });
});
