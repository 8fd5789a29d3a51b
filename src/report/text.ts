/**
 * The terminal report, in the style of every unified linter: one vfile per
 * article, one message per finding at its main piece of evidence (the outlier's
 * when there is one), formatted by vfile-reporter. The rule id follows the
 * message ("…  quotes") instead of standing in a column of its own: messages
 * are sentences of very different lengths, and vfile-reporter pads every
 * message to the longest, which on a terminal wraps most lines into blank
 * space.
 */
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Evidence, Finding, Report } from '../types.js';

/**
 * Where a finding is best shown: the outlier's first evidence in the value that
 * fewest articles give (the one that makes it the outlier, not a figure of its
 * that agrees with the others), else the first value's.
 */
export function primaryEvidence(f: Finding): Evidence | undefined {
  if (f.outliers.length) {
    const outliers = new Set(f.outliers);
    let best: Evidence | undefined;
    let fewest = Infinity;
    for (const g of f.values) {
      if (g.articles.length >= fewest) continue;
      const ev = g.evidence.find((e) => outliers.has(e.article));
      if (ev) {
        best = ev;
        fewest = g.articles.length;
      }
    }
    if (best) return best;
  }
  return f.values[0]?.evidence[0];
}

export function renderText(report: Report, options: { color?: boolean } = {}): string {
  // only files with a message are shown (quiet), so only they get a vfile
  const files = new Map<string, VFile>();
  for (const f of report.findings) {
    const ev = primaryEvidence(f);
    if (!ev) continue;
    const file = files.get(ev.path) ?? new VFile({ path: ev.path });
    files.set(ev.path, file);
    const status = f.status ? ` [${f.status}]` : '';
    const msg = file.message(`${f.message}${status}  ${f.rule}`, { place: { line: ev.line, column: ev.column } });
    msg.fatal = f.severity === 'error' ? true : f.severity === 'warning' ? false : undefined;
  }
  const list = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  // warnings (skipped files) go to stderr from the CLI, not into this report
  const out = reporter(list, { quiet: true, color: options.color ?? false });
  return `${out || 'no disagreement found'}\n`;
}
