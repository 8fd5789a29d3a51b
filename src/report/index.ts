/** Formats by name: one file per format in this folder. */
import type { Report } from '../types.js';
import { renderGithub } from './github.js';
import { jsonReportChunks, renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, sarifChunks, type SarifRule } from './sarif.js';
import { renderText } from './text.js';

export interface RenderOptions {
  color?: boolean;
  /** The rules of the run, for SARIF's rule metadata and help text. */
  rules?: SarifRule[];
}

export interface Format {
  /** File name written under --out. */
  file: string;
  render(report: Report, options: RenderOptions): string;
  /** The same text in pieces (formats that grow with every piece of evidence: JSON, SARIF). */
  chunks?(report: Report, options: RenderOptions): Iterable<string>;
}

export const formats: Record<string, Format> = {
  text: { file: 'discrepancies.txt', render: (r, o) => renderText(r, o) },
  markdown: { file: 'discrepancies.md', render: (r) => renderMarkdown(r) },
  json: { file: 'discrepancies.json', render: (r) => renderJson(r), chunks: (r) => jsonReportChunks(r) },
  sarif: { file: 'discrepancies.sarif', render: (r, o) => renderSarif(r, o.rules), chunks: (r, o) => sarifChunks(r, o.rules) },
  github: { file: 'github-annotations.txt', render: (r) => renderGithub(r) },
};
