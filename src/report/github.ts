/**
 * GitHub Actions annotations: workflow commands printed to stdout, which the
 * runner turns into annotations on the pull request's files.
 *
 *   ::error file=seeds/002.txt,line=2,col=45,title=pahalgam-death-toll::Sources disagree on ...
 *
 * Only new findings are annotated (all of them when no baseline was applied).
 * GitHub shows at most 10 annotations of each level per step (and 50 per job),
 * so the most severe come first, at most 10 per level, and one notice says how
 * many were left out.
 */
import type { Finding, Report, Severity } from '../types.js';
import { primaryEvidence } from './text.js';

/** GitHub's per-step limit for each annotation level. */
export const MAX_PER_LEVEL = 10;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };
const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Escape a command's message (data). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (file, title): also ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(f: Finding): string {
  const ev = primaryEvidence(f);
  const props = [
    ...(ev ? [`file=${escapeProperty(ev.path)}`, `line=${ev.line}`, `col=${ev.column}`] : []),
    `title=${escapeProperty(f.rule)}`,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}

/** Annotations for the new findings, most severe first, at most 10 per level, then a notice for the rest. */
export function renderGithub(report: Report): string {
  const fresh = report.findings.filter((f) => (f.status ?? 'new') === 'new');
  const byLevel = new Map<Severity, Finding[]>(ORDER.map((s) => [s, []]));
  for (const f of fresh) byLevel.get(f.severity)!.push(f);
  const shown: Finding[] = [];
  for (const s of ORDER) shown.push(...byLevel.get(s)!.slice(0, MAX_PER_LEVEL));
  let hidden = fresh.length - shown.length;
  if (hidden > 0) {
    // The summary is itself a notice: keep room for it among the 10 notices.
    const notices = shown.filter((f) => f.severity === 'info');
    if (notices.length === MAX_PER_LEVEL) {
      shown.splice(shown.lastIndexOf(notices[notices.length - 1]!), 1);
      hidden++;
    }
  }
  const lines = shown.map(annotation);
  if (hidden > 0) lines.push(`::notice::${escapeData(`and ${hidden} more finding${hidden === 1 ? '' : 's'}: see the Markdown report`)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
