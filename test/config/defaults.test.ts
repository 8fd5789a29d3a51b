import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import { DEFAULT_RULES_YAML } from '../../src/config/defaults.js';

describe('the built-in count rules', () => {
  it('load without entities and hold no story words', () => {
    const c = defaultConfig();
    const counts = c.rules.filter((r) => r.type === 'count');
    expect(counts.map((r) => r.id)).toEqual([
      'default-deaths', 'default-injuries', 'default-missing', 'default-arrests', 'default-displaced',
      'default-homes-destroyed', 'default-homes-damaged', 'default-magnitude', 'default-wind-speed',
    ]);
    for (const r of counts) expect(r.options.subject).toBeUndefined();
    expect(c.vocab.entities).toEqual([]);
    for (const word of ['Pahalgam', 'Sindoor', 'Kessa', 'Velmora', 'Arden', 'tourists killed']) expect(DEFAULT_RULES_YAML).not.toContain(word);
  });
});
