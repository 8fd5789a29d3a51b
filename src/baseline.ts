/**
 * The baseline: the findings a team has already seen and accepted, by
 * fingerprint, so CI fails only on new ones. A fingerprint hashes the rule,
 * the subject key, the kind and the set of normalised values, never positions
 * (src/findings.ts): moving a paragraph, rewrapping lines, renaming a file
 * that keeps its article id or adding an unrelated article leave it alone;
 * a changed value (27 → 28) makes a new finding and "fixes" the old one.
 *
 * A baseline that cannot be read is an error, never a silent pass.
 */
import { readFileSync } from 'node:fs';
import { FactlintError } from './errors.js';
import { cmp } from './findings.js';
import { writeAtomic } from './report/write.js';
import type { Finding, FindingKind, Report } from './types.js';

/** The format this version writes and reads. Bump it when an entry's meaning changes. */
export const BASELINE_FORMAT = 1;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  kind: FindingKind;
  /** The subject's human label (for people reading the file in review). */
  subject: string;
  /** The values' display strings, in the finding's order. */
  values: string[];
}

export interface Baseline {
  factlintBaseline: typeof BASELINE_FORMAT;
  findings: BaselineEntry[];
}

const KINDS: FindingKind[] = ['contradiction', 'variant', 'update', 'single-source'];
const RECREATE = 'recreate it with `factlint check --update-baseline`';

function entry(f: Finding): BaselineEntry {
  return { fingerprint: f.fingerprint, rule: f.rule, kind: f.kind, subject: f.subject.label, values: f.values.map((v) => v.display) };
}

function byFingerprint(a: BaselineEntry, b: BaselineEntry): number {
  return cmp(a.fingerprint, b.fingerprint) || cmp(a.rule, b.rule);
}

/** Every finding of the report (whatever its status), one entry per fingerprint, sorted by fingerprint. */
export function makeBaseline(report: Report): Baseline {
  const seen = new Map<string, BaselineEntry>();
  for (const f of report.findings) if (!seen.has(f.fingerprint)) seen.set(f.fingerprint, entry(f));
  return { factlintBaseline: BASELINE_FORMAT, findings: [...seen.values()].sort(byFingerprint) };
}

/** Stable, pretty JSON with a final newline: the same findings always give the same bytes. */
export function serializeBaseline(b: Baseline): string {
  const ordered = {
    factlintBaseline: b.factlintBaseline,
    findings: [...b.findings].sort(byFingerprint).map((e) => ({
      fingerprint: e.fingerprint,
      rule: e.rule,
      kind: e.kind,
      subject: e.subject,
      values: [...e.values],
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Write the baseline of a report atomically (for --update-baseline). */
export function writeBaseline(path: string, report: Report): Baseline {
  const b = makeBaseline(report);
  writeAtomic(path, serializeBaseline(b));
  return b;
}

/** Check a parsed value is a baseline this version reads; throws FactlintError naming the file. */
export function parseBaseline(data: unknown, path: string): Baseline {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new FactlintError(`${path}: not a factlint baseline (expected a JSON object); ${RECREATE}`);
  }
  const obj = data as Record<string, unknown>;
  if (!('factlintBaseline' in obj)) {
    const tool = obj.tool as { name?: unknown } | undefined;
    if (tool && tool.name === 'factlint' && Array.isArray(obj.findings)) {
      throw new FactlintError(`${path}: this is a factlint report, not a baseline; create a baseline with \`factlint check --update-baseline\``);
    }
    throw new FactlintError(`${path}: written by another version of factlint (format none, this one reads ${BASELINE_FORMAT}): ${RECREATE}`);
  }
  if (obj.factlintBaseline !== BASELINE_FORMAT) {
    throw new FactlintError(
      `${path}: written by another version of factlint (format ${JSON.stringify(obj.factlintBaseline)}, this one reads ${BASELINE_FORMAT}): ${RECREATE}`,
    );
  }
  if (!Array.isArray(obj.findings)) throw new FactlintError(`${path}: not a factlint baseline ("findings" is not a list); ${RECREATE}`);
  const findings: BaselineEntry[] = obj.findings.map((raw, i) => {
    const e = raw as Record<string, unknown> | null;
    const bad = (what: string): never => {
      throw new FactlintError(`${path}: not a factlint baseline (findings[${i}] ${what}); ${RECREATE}`);
    };
    if (!e || typeof e !== 'object' || Array.isArray(e)) return bad('is not an object');
    if (typeof e.fingerprint !== 'string' || !e.fingerprint) return bad('has no fingerprint');
    if (typeof e.rule !== 'string') return bad('has no rule');
    if (!KINDS.includes(e.kind as FindingKind)) return bad(`has an unknown kind ${JSON.stringify(e.kind)}`);
    if (typeof e.subject !== 'string') return bad('has no subject');
    if (!Array.isArray(e.values) || !e.values.every((v) => typeof v === 'string')) return bad('has no list of values');
    return { fingerprint: e.fingerprint, rule: e.rule, kind: e.kind as FindingKind, subject: e.subject, values: e.values as string[] };
  });
  return { factlintBaseline: BASELINE_FORMAT, findings };
}

/** Read and check a baseline file. Missing, unreadable, invalid or foreign files are errors (exit 2). */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FactlintError(`${path}: no baseline here; create it with \`factlint check --update-baseline\``);
    if (code === 'EISDIR') throw new FactlintError(`${path}: is a directory, not a baseline file; give the baseline's file name`);
    throw new FactlintError(`${path}: cannot read the baseline (${code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FactlintError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]}); ${RECREATE}`);
  }
  return parseBaseline(data, path);
}

/**
 * Mark each finding new or known by fingerprint and list the baseline entries
 * no longer found as fixed. Pure: returns a new report, the input is untouched.
 */
export function applyBaseline(report: Report, baseline: Baseline): Report {
  const known = new Set(baseline.findings.map((e) => e.fingerprint));
  const found = new Set(report.findings.map((f) => f.fingerprint));
  const findings: Finding[] = report.findings.map((f) => ({ ...f, status: known.has(f.fingerprint) ? 'known' : 'new' }));
  const fixedSeen = new Set<string>();
  const fixed = baseline.findings
    .filter((e) => !found.has(e.fingerprint) && !fixedSeen.has(e.fingerprint) && fixedSeen.add(e.fingerprint))
    .map((e) => ({ fingerprint: e.fingerprint, rule: e.rule, subject: e.subject, values: [...e.values] }))
    .sort((a, b) => cmp(a.rule, b.rule) || cmp(a.subject, b.subject) || cmp(a.fingerprint, b.fingerprint));
  return { ...report, findings, fixed };
}
