import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonReportChunks, renderJson } from '../../src/report/json.js';
import { renderSarif, sarifChunks } from '../../src/report/sarif.js';
import { jsonChunks } from '../../src/report/stream.js';
import { check } from '../../src/runner.js';
import { ROOT } from '../helpers.js';

describe('reports written in pieces', () => {
  it('give the same bytes as JSON.stringify for any JSON value, however deep', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
        expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 500 },
    );
    const odd = { a: undefined, b: [undefined, () => 1, 2], c: { d: { e: { f: { g: [1, { h: 'x\ny' }] } } } }, i: [] as unknown[], j: {} };
    expect([...jsonChunks(odd)].join('')).toBe(JSON.stringify(odd, null, 2));
  });

  it('the JSON and SARIF reports of the seeds are the same either way', () => {
    const { report, rules } = check({ rules: join(ROOT, 'rules.yaml') });
    expect([...jsonReportChunks(report)].join('')).toBe(renderJson(report));
    expect([...sarifChunks(report, rules)].join('')).toBe(renderSarif(report, rules));
  });
});
