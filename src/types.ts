/**
 * The data model shared by every part of factlint.
 * Data flows one way: Article → Fact[] (per rule) → Finding[] (per subject) → Report.
 */

export type Severity = 'error' | 'warning' | 'info';
export type FindingKind = 'contradiction' | 'variant' | 'update' | 'single-source';

/** Metadata a text does not carry itself: from front matter or a sidecar sources.yaml. */
export interface ArticleMeta {
  outlet?: string;
  url?: string;
  /** ISO date (YYYY-MM-DD) or date-time, as given. */
  published?: string;
  title?: string;
}

/** One sentence of an article, with its exact place in the file. */
export interface Sentence {
  index: number;
  /** Offsets into Article.text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Paragraph number (0-based); a paragraph is a line in plain text, a blank-line block in wrapped text. */
  paragraph: number;
  /**
   * On a line that points to another story ("Read: Pakistan launches …",
   * "Also read | …"): the outlet's own words, so names and titles are read
   * there, but its figures, dates and quotes are the other story's.
   */
  related?: true;
}

export interface Article {
  /** Stable id: from metadata, else the file name without extension. */
  id: string;
  /** Path as given on the command line, relative to the working directory, with forward slashes. */
  path: string;
  meta: ArticleMeta;
  /** The article text (front matter removed, BOM removed, CRLF kept as in the file). */
  text: string;
  /** Offset of `text` inside the file (non-zero when front matter was removed). */
  bodyOffset: number;
  /** Line number (1-based) in the file where `text` starts. */
  bodyLine: number;
  sentences: Sentence[];
  /** Start offsets (in text) of each line, for offset → line/column. */
  lineStarts: number[];
  /** Rules silenced for this article by <!-- factlint-disable RULE -- reason --> or a sidecar `disable:` entry. */
  disabled?: Disable[];
}

/** Where a fact was read: enough to cite it in any report. */
export interface Evidence {
  article: string;
  path: string;
  /** 1-based line and column in the file. */
  line: number;
  column: number;
  /** Offset in the file (UTF-16 code units). */
  offset: number;
  /** The raw text the value was read from. */
  text: string;
  /** The whole sentence it stands in. */
  sentence: string;
  /** Why the value was normalised as it was (shown by `factlint explain`). */
  note?: string;
}

export interface Subject {
  /** Grouping key: facts with the same rule and subject key are compared. */
  key: string;
  /** Human label. */
  label: string;
}

export interface Fact {
  rule: string;
  article: string;
  subject: Subject;
  /** Normalised, comparable value: facts with equal values agree. */
  value: string;
  /** Human form of the value, when it differs from `value`. */
  display?: string;
  /** Text as written in the article. */
  raw: string;
  evidence: Evidence;
  /** Type-specific extras (ranges, resolved flags, speakers...). Must be JSON-serialisable. */
  data?: Record<string, unknown>;
}

export interface ValueGroup {
  value: string;
  display: string;
  /** Article ids stating this value, sorted. */
  articles: string[];
  evidence: Evidence[];
  data?: Record<string, unknown>;
}

export interface Finding {
  rule: string;
  type: string;
  kind: FindingKind;
  severity: Severity;
  subject: Subject;
  /** One plain-English sentence for editors. */
  message: string;
  /** Distinct values, most articles first. */
  values: ValueGroup[];
  /** Articles that stand alone against a majority, when there is one. */
  outliers: string[];
  /** Stable hash of rule, subject key and the set of values: never positions. */
  fingerprint: string;
  /** Type-specific extras, e.g. a word diff for quotes. */
  details?: Record<string, unknown>;
  /** Set by the baseline step. */
  status?: 'new' | 'known';
}

/** A person, organisation, place, event or operation that the rules talk about. */
export interface Entity {
  id: string;
  name: string;
  aliases: string[];
  /** Other spellings seen in the coverage: recognised as mentions, but still reported by name rules. */
  variants?: string[];
  kind?: string;
  /** Titles the entity is known to hold (optional, used by the title rule as a hint). */
  titles?: string[];
}

export interface Vocabulary {
  entities: Entity[];
  /** Canonical title → synonyms (case-insensitive). */
  titles: Record<string, string[]>;
}

/** Where a node sits in a YAML file, for error messages. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export interface RuleExample {
  name?: string;
  articles: { id: string; text: string; published?: string }[];
  /** Findings that must appear: matched on kind and, where given, values. */
  expect?: { kind?: FindingKind; values?: string[]; subject?: string }[];
  /** When true, the example must produce no finding. */
  expectNone?: boolean;
  /** Where the example is in the rules file (for `factlint test` failures). */
  pos?: SourcePos;
}

export interface Rule<O = Record<string, unknown>> {
  id: string;
  type: string;
  severity: Severity;
  description?: string;
  /** Whether a value only one article gives is reported (kind single-source, severity info). */
  singleSource: boolean;
  /** Type-specific options, defaults applied. */
  options: O;
  examples: RuleExample[];
  pos?: SourcePos;
}

/** What stays of an article once its facts are extracted (the text is dropped). */
export interface ArticleInfo {
  id: string;
  path: string;
  meta: ArticleMeta;
  disabled?: Disable[];
}

/** A rule (or `*`, every rule) silenced for one article, with the reason given. */
export interface Disable {
  rule: string;
  reason?: string;
  /** Where it was said: `path:line` of the comment, or the sidecar file. */
  where: string;
}

export interface CompareContext {
  /** Every article of the run, by id (for published dates and paths). */
  articles: Map<string, ArticleInfo>;
}

/** JSON Schema fragment (kept loose on purpose: it is data that feeds ajv and the docs). */
export type JSONSchema = Record<string, unknown>;

/**
 * A rule type is one file in src/rules/: its options schema, an extractor that
 * reads one article, and (optionally) a comparator for the facts of one subject.
 */
export interface RuleType<O = Record<string, unknown>> {
  type: string;
  /** One line for docs and `factlint explain`. */
  summary: string;
  /** JSON Schema `properties` of the options this type accepts (beside id, type, severity...). */
  options: Record<string, JSONSchema>;
  /** Option names that must be present. */
  required?: string[];
  /** Default severity when the rule does not set one. */
  defaultSeverity: Severity;
  /** Fills defaults and checks what the schema cannot (e.g. compiles patterns). Throws RuleError. */
  prepare?(rule: Rule<O>, vocab: Vocabulary): void;
  /** Pure: one article in, facts out. */
  extract(article: Article, rule: Rule<O>, vocab: Vocabulary): Fact[];
  /** Facts of one subject (all articles) in, findings out. Defaults to compareValues(). */
  compare?(facts: Fact[], rule: Rule<O>, ctx: CompareContext): Finding[];
  /** All of one rule's findings (every subject) in, the ones to report out: for what one subject cannot see alone. */
  settle?(findings: Finding[], rule: Rule<O>): Finding[];
}

export interface Report {
  version: 1;
  tool: { name: 'factlint'; version: string };
  rulesFile?: string;
  articles: { id: string; path: string; outlet?: string; published?: string; publishedSource: string }[];
  findings: Finding[];
  /** Findings silenced by ignore comments or sidecar entries. */
  silenced: number;
  silencedFindings: { fingerprint: string; rule: string; subject: string; article: string; reason?: string; where: string }[];
  /** In the baseline but no longer found. */
  fixed: { fingerprint: string; rule: string; subject: string; values: string[] }[];
  warnings: string[];
}
