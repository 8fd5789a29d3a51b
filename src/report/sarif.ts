/**
 * SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure
 * DevOps, VS Code's SARIF viewer). One result per finding, placed at its
 * primary evidence (the outlier's when there is one); every other piece of
 * evidence is a related location, so a reviewer sees who says what. The
 * finding's fingerprint is the result's partial fingerprint, so dashboards
 * track a finding across runs exactly as the baseline does.
 *
 * Deterministic: the same report gives the same bytes (no dates, no GUIDs).
 */
import { ruleTypes } from '../rules/index.js';
import { jsonChunks } from './stream.js';
import type { Evidence, Finding, Report, Severity } from '../types.js';
import { primaryEvidence } from './text.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where users learn about the tool (SARIF requires an absolute URI). */
export const INFORMATION_URI = 'https://www.npmjs.com/package/factlint';
/** The key of factlint's fingerprint in result.partialFingerprints; bump the version if fingerprints change meaning. */
export const FINGERPRINT_KEY = 'factlint/v1';

/** What SARIF needs to know about a rule (the lead passes config.rules). */
export interface SarifRule {
  id: string;
  type: string;
  description?: string;
  severity: Severity;
}

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** A path as given (forward slashes) → a URI reference: segments percent-encoded, absolute paths as file: URIs. */
export function pathToUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const enc = (s: string) => s.split('/').map((seg) => encodeURIComponent(seg)).join('/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${p.slice(0, 2)}${enc(p.slice(2))}`;
  if (p.startsWith('/')) return `file://${enc(p)}`;
  return enc(p);
}

function ruleDescriptor(r: SarifRule) {
  const summary = ruleTypes[r.type]?.summary;
  const short = r.description ?? summary ?? `Rule ${r.id} (${r.type})`;
  const full = [r.description, summary ? `Rule type ${r.type}: ${summary}` : `Rule type ${r.type}.`].filter(Boolean).join(' ');
  const helpText = [
    short,
    '',
    `Rule type: ${r.type}${summary ? ` (${summary})` : ''}. Options are documented in docs/rules/${r.type}.md.`,
    'Each result quotes the sentence every article states the fact in; the related locations show the other articles.',
    'To accept a known disagreement, record it in the baseline (factlint check --update-baseline) or silence it with a factlint-disable comment.',
  ].join('\n');
  const helpMarkdown = [
    `**${short}**`,
    '',
    `Rule type \`${r.type}\`${summary ? `: ${summary}` : '.'} Options: \`docs/rules/${r.type}.md\`.`,
    '',
    'Each result quotes the sentence every article states the fact in; the related locations show the other articles.',
    'To accept a known disagreement, record it in the baseline (`factlint check --update-baseline`) or silence it with a `factlint-disable` comment.',
  ].join('\n');
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { type: r.type },
  };
}

function location(ev: Evidence, value: string, id?: number) {
  return {
    ...(id === undefined ? {} : { id }),
    physicalLocation: {
      artifactLocation: { uri: pathToUri(ev.path) },
      region: { startLine: ev.line, startColumn: ev.column, snippet: { text: ev.sentence } },
    },
    message: { text: `${value} in ${ev.article}` },
  };
}

/** GitHub code scanning takes at most 1,000 related locations per result. */
export const MAX_RELATED = 1000;

/**
 * Every other piece of evidence, value after value; past MAX_RELATED, taken
 * from each value in turn so that every value keeps some.
 */
function relatedEvidence(f: Finding, primary: Evidence | undefined): Evidence[] {
  const lists = f.values.map((g) => g.evidence.filter((ev) => ev !== primary));
  const all = lists.flat();
  if (all.length <= MAX_RELATED) return all;
  const picked = new Set<Evidence>();
  for (let i = 0; picked.size < MAX_RELATED; i++) for (const l of lists) if (i < l.length && picked.size < MAX_RELATED) picked.add(l[i]!);
  return all.filter((ev) => picked.has(ev));
}

function result(f: Finding, ruleIndex: number) {
  const primary = primaryEvidence(f);
  const displayOf = new Map<Evidence, string>();
  for (const g of f.values) for (const ev of g.evidence) displayOf.set(ev, g.display);
  const related = relatedEvidence(f, primary).map((ev, i) => location(ev, displayOf.get(ev)!, i + 1));
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: primary ? [location(primary, displayOf.get(primary)!)] : [],
    ...(related.length ? { relatedLocations: related } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.status ? { baselineState: f.status === 'known' ? ('unchanged' as const) : ('new' as const) } : {}),
    properties: {
      kind: f.kind,
      subject: f.subject.label,
      values: f.values.map((v) => v.display),
      ...(f.outliers.length ? { outliers: [...f.outliers] } : {}),
      ...(f.status ? { status: f.status } : {}),
    },
  };
}

/**
 * The report as a SARIF 2.1.0 log. `rules` (the rules of the run) fill
 * tool.driver.rules with descriptions; without them, rules are described from
 * the findings alone.
 */
export function renderSarif(report: Report, rules?: SarifRule[]): string {
  return `${JSON.stringify(sarifLog(report, rules), null, 2)}\n`;
}

/** renderSarif in pieces, for logs too large to be one string. */
export function* sarifChunks(report: Report, rules?: SarifRule[]): Generator<string> {
  yield* jsonChunks(sarifLog(report, rules));
  yield '\n';
}

function sarifLog(report: Report, rules?: SarifRule[]) {
  const byId = new Map<string, SarifRule>();
  for (const r of rules ?? []) byId.set(r.id, r);
  for (const f of report.findings) if (!byId.has(f.rule)) byId.set(f.rule, { id: f.rule, type: f.type, severity: f.severity });
  const ids = [...byId.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'factlint',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: ids.map((id) => ruleDescriptor(byId.get(id)!)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => result(f, index.get(f.rule)!)),
        properties: {
          articles: report.articles.map((a) => a.id),
          silenced: report.silenced,
          ...(report.fixed.length ? { fixed: report.fixed } : {}),
        },
      },
    ],
  };
  return log;
}
