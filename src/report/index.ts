/** Formats by name: one file per format in this folder. */
import type { Report } from '../types.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export interface Format {
  /** File name written under --out. */
  file: string;
  render(report: Report, options: { color?: boolean }): string;
}

export const formats: Record<string, Format> = {
  markdown: { file: 'discrepancies.md', render: (r) => renderMarkdown(r) },
  json: { file: 'discrepancies.json', render: (r) => renderJson(r) },
  text: { file: 'discrepancies.txt', render: (r, o) => renderText(r, o) },
};
