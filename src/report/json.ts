/** The machine report: the Report object as stable, pretty JSON. */
import type { Report } from '../types.js';
import { jsonChunks } from './stream.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** renderJson in pieces, for reports too large to be one string. */
export function* jsonReportChunks(report: Report): Generator<string> {
  yield* jsonChunks(report);
  yield '\n';
}
