/** Words for editors: how each kind of finding is named in human reports. */
import type { FindingKind, Severity } from '../types.js';

export const KIND_LABEL: Record<FindingKind, string> = {
  contradiction: 'Sources disagree',
  variant: 'Written differently',
  update: 'Figure changed over time',
  'single-source': 'Only one source',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
