/** Formats by name: one file per format in this folder. */
import type { Report } from '../types.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, type SarifRule } from './sarif.js';
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
}

export const formats: Record<string, Format> = {
  text: { file: 'discrepancies.txt', render: (r, o) => renderText(r, o) },
  markdown: { file: 'discrepancies.md', render: (r) => renderMarkdown(r) },
  json: { file: 'discrepancies.json', render: (r) => renderJson(r) },
  sarif: { file: 'discrepancies.sarif', render: (r, o) => renderSarif(r, o.rules) },
  github: { file: 'github-annotations.txt', render: (r) => renderGithub(r) },
};
