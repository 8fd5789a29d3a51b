/**
 * The editors' report: what disagrees, who says what, who is the outlier, with
 * the sentence quoted. Built as an mdast tree and serialised by
 * mdast-util-to-markdown with GFM tables, so escaping is done right.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { LISTED_ARTICLES, listArticles } from '../findings.js';
import type { Evidence, Finding, Report, ValueGroup } from '../types.js';
import { KIND_LABEL, plural } from './labels.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
/** A line break inside a table cell (GFM cells cannot hold a Markdown break). */
const br = (): PhrasingContent => ({ type: 'html', value: '<br>' });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const para = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

function row(cells: PhrasingContent[][]): TableRow {
  return { type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) };
}

/** The sentence as written, with the raw text in bold, shortened around it when long. */
export function quoteEvidence(ev: Evidence, max = 240): PhrasingContent[] {
  const s = ev.sentence;
  const raw = ev.text.replace(/\s+/g, ' ');
  const at = s.indexOf(raw);
  if (at < 0) return [text(s.length > max ? `${s.slice(0, max)}…` : s)];
  let before = s.slice(0, at);
  let after = s.slice(at + raw.length);
  const room = Math.max(40, Math.floor((max - raw.length) / 2));
  if (before.length > room) before = `…${before.slice(before.length - room).replace(/^\S*\s/, '')}`;
  if (after.length > room) after = `${after.slice(0, room).replace(/\s\S*$/, '')}…`;
  return [text(before), strong(raw), text(after)];
}

/** Articles whose words a value's cell quotes; the rest are counted (the JSON report has them all). */
const QUOTED_ARTICLES = 5;

function evidenceCell(g: ValueGroup, perArticle = 2): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const mentions = new Map<string, number>();
  const unquoted = new Set<string>();
  let hidden = 0;
  for (const ev of g.evidence) {
    if (!mentions.has(ev.article) && mentions.size >= QUOTED_ARTICLES) {
      unquoted.add(ev.article);
      continue;
    }
    const n = mentions.get(ev.article) ?? 0;
    mentions.set(ev.article, n + 1);
    if (n >= perArticle) {
      hidden++;
      continue;
    }
    if (out.length) out.push(br());
    out.push(...quoteEvidence(ev), text(' — '), code(`${ev.path}:${ev.line}:${ev.column}`));
  }
  if (unquoted.size) out.push(br(), text(`(and ${plural(unquoted.size, 'more article')}: the JSON report lists every one)`));
  else if (hidden) out.push(br(), text(`(and ${plural(hidden, 'more mention')})`));
  return out;
}

/** The articles column: every id up to a point, then a count. */
function articlesCell(ids: string[]): string {
  return ids.length > 3 * LISTED_ARTICLES ? `${ids.slice(0, 3 * LISTED_ARTICLES).join(', ')} and ${ids.length - 3 * LISTED_ARTICLES} more` : ids.join(', ');
}

function diffParagraph(f: Finding): RootContent[] {
  const diffs = f.details?.diffs as { article?: string; against?: string; parts: { op: string; text: string }[] }[] | undefined;
  if (!Array.isArray(diffs) || diffs.length === 0) return [];
  const out: RootContent[] = [];
  for (const d of diffs) {
    const children: PhrasingContent[] = [];
    if (d.article || d.against) children.push(text(`${d.article ?? ''}${d.against ? ` against ${d.against}` : ''}: `));
    d.parts.forEach((p, i) => {
      if (i > 0) children.push(text(' '));
      if (p.op === 'removed') children.push({ type: 'delete', children: [text(p.text)] });
      else if (p.op === 'added') children.push(strong(p.text));
      else children.push(text(p.text));
    });
    out.push(para(...children));
  }
  return [para(text('Changed words (struck: missing; bold: added):')), ...out];
}

/** Rows a table shows before the rest are counted (a report over a wire archive would be all table). */
export const TABLE_ROWS = 100;

/** A long table's rows: the first and last TABLE_ROWS / 2, and between them a row counting the articles left out. */
function trimmedRows<T>(items: T[], toRow: (x: T) => TableRow): TableRow[] {
  if (items.length <= TABLE_ROWS) return items.map(toRow);
  const half = TABLE_ROWS / 2;
  const more = row([[text('…')], [text(`${plural(items.length - TABLE_ROWS, 'more article')}: the JSON report lists every one`)], [text('…')], [text('…')]]);
  return [...items.slice(0, half).map(toRow), more, ...items.slice(items.length - half).map(toRow)];
}

/** details.timeline (count updates and contradictions over time): one row per article, earliest first. */
function timelineTable(f: Finding): RootContent[] {
  const all = f.details?.timeline as { article: string; published: string | null; value: string; stage?: string; source?: string }[] | undefined;
  if (!Array.isArray(all) || all.length === 0) return [];
  const rows = trimmedRows(all, (e) =>
    row([[text(e.published ?? 'not given')], [text(e.article)], [strong(e.value), ...(e.stage === 'earlier' ? [text(' (earlier figure)')] : [])], [text(e.source ?? '—')]]),
  );
  return [
    para(text('Timeline (earliest first):')),
    {
      type: 'table',
      align: ['left', 'left', 'left', 'left'],
      children: [
        // a live blog's figure is timed by its entry, not by the page's published time
        row([[text('As of')], [text('Article')], [text('Figure')], [text('Source')]]),
        ...rows,
      ],
    },
  ];
}

function findingSection(f: Finding, n: number): RootContent[] {
  // a heading ends without punctuation (quotes often end with one)
  const values = f.values.map((v) => v.display).join(' / ').replace(/[.,;:!?]+$/, '');
  const out: RootContent[] = [
    { type: 'heading', depth: 3, children: [text(`${n}. ${f.subject.label}: ${values}`)] },
    para(text(f.message)),
    para(strong(KIND_LABEL[f.kind]), text(` · ${f.severity}${f.status ? ` · ${f.status}` : ''} · rule `), code(f.rule), text(' · fingerprint '), code(f.fingerprint)),
  ];
  if (f.outliers.length) out.push(para(text(f.outliers.length > 1 ? 'Outliers: ' : 'Outlier: '), strong(listArticles(f.outliers)), text('.')));
  const table: Table = {
    type: 'table',
    align: ['left', 'left', 'left'],
    children: [
      row([[text('Value')], [text('Articles')], [text('What the text says')]]),
      ...f.values.map((g) => row([[strong(g.display)], [text(articlesCell(g.articles))], evidenceCell(g)])),
    ],
  };
  out.push(table, ...timelineTable(f), ...diffParagraph(f));
  return out;
}

export function summaryLine(report: Report): string {
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  // in the words of the report's section headings; kinds with nothing to show are left out
  const n = (kind: string): number => counts.get(kind) ?? 0;
  const parts = [plural(report.articles.length, 'article'), plural(n('contradiction'), 'contradiction')];
  if (n('variant')) parts.push(`${n('variant')} written differently`);
  if (n('update')) parts.push(plural(n('update'), 'figure') + ' changed over time');
  if (n('single-source')) parts.push(`${n('single-source')} given by one source only`);
  if (report.silenced) parts.push(`${report.silenced} silenced`);
  return parts.join(', ');
}

/** A heading and a bullet list, when there is anything to list. */
function section(children: RootContent[], title: string, items: PhrasingContent[][]): void {
  if (!items.length) return;
  children.push({ type: 'heading', depth: 2, children: [text(title)] });
  children.push({ type: 'list', ordered: false, spread: false, children: items.map((item) => ({ type: 'listItem', spread: false, children: [para(...item)] })) });
}

export function renderMarkdown(report: Report): string {
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text('Where the sources disagree')] },
    para(text(`${summaryLine(report)}.`)),
  ];
  const newOnes = report.findings.filter((f) => f.status === 'new').length;
  if (report.findings.some((f) => f.status)) {
    children.push(para(text(`Against the baseline: ${newOnes} new, ${report.findings.length - newOnes} known, ${report.fixed.length} fixed.`)));
  }
  const articleRows = trimmedRows(report.articles, (a) => row([[text(a.id)], [text(a.outlet ?? '—')], [text(a.published ?? 'not given')], [code(a.path)]]));
  children.push(
    { type: 'heading', depth: 2, children: [text('Articles')] },
    {
      type: 'table',
      align: ['left', 'left', 'left', 'left'],
      children: [row([[text('Article')], [text('Outlet')], [text('Published')], [text('File')]]), ...articleRows],
    },
  );
  if (report.articles.some((a) => !a.published)) {
    children.push(para(text('Articles without a published date: their figures are dated by their dateline ("OSLO, June 3, 2025 –") when they open with one, else compared as if written at the same time as the others; relative dates in them ("on Wednesday") are resolved from the latest date their own text states, or left as written.')));
  }
  const sections: [string, Finding[]][] = [
    ['Contradictions', report.findings.filter((f) => f.kind === 'contradiction')],
    ['Written differently', report.findings.filter((f) => f.kind === 'variant')],
    ['Figures that changed over time', report.findings.filter((f) => f.kind === 'update')],
    ['Given by one source only', report.findings.filter((f) => f.kind === 'single-source')],
  ];
  let n = 0;
  for (const [title, list] of sections) {
    if (!list.length) continue;
    children.push({ type: 'heading', depth: 2, children: [text(title)] });
    for (const f of list) children.push(...findingSection(f, ++n));
  }
  if (n === 0) children.push(para(text('No disagreement found.')));
  section(children, 'Fixed since the baseline', report.fixed.map((x) => [code(x.rule), text(` ${x.subject}: ${x.values.join(' / ')}`)]));
  section(
    children,
    'Silenced',
    report.silencedFindings.map((x) => [code(x.rule), text(` ${x.subject}, silenced for ${x.article} (${x.where})${x.reason ? `: ${x.reason}` : ''}`)]),
  );
  section(children, 'Files skipped or warnings', report.warnings.map((w) => [text(w)]));
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '_', rule: '-' });
}
