import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/process.js';
import { parseConfig } from '../../src/config/load.js';
import { article, ROOT } from '../helpers.js';
import { join } from 'node:path';

describe('a rule has a time budget per article', () => {
  it('over budget, its facts are left out with a warning naming the rule and the article', () => {
    const config = parseConfig(join(ROOT, 'rules.yaml'));
    const rules = config.rules.filter((r) => r.id === 'pahalgam-death-toll');
    const a = article('x', 'The Pahalgam attack killed 26 people.');
    expect(extractArticle(a, rules, config)).toHaveLength(1);
    const warnings: string[] = [];
    expect(extractArticle(a, rules, config, warnings, -1)).toEqual([]);
    expect(warnings[0]).toMatch(/^x\.txt: rule "pahalgam-death-toll" took .* over its budget/);
  });
});
