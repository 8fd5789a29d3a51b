/**
 * Helpers for the `attribution` rule type: speech verbs, content words of a
 * statement, and grouping statements of several articles by content (an index
 * from word pairs to statements: never all pairs). Pure functions of strings.
 */
import { foldText } from '../vocab.js';

/** Verbs that credit what follows (or precedes) to their subject: "Leavitt said", "stated Bruce". */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'noted', 'notes', 'remarked', 'posted',
  'wrote', 'writes', 'tweeted', 'announced', 'announces', 'confirmed', 'confirms', 'affirmed', 'highlighted', 'claimed',
  'claims', 'insisted', 'explained', 'asserted', 'declared', 'commented', 'observed', 'revealed', 'warned', 'warns',
  'argued', 'acknowledged', 'admitted', 'mentioned', 'recalled', 'replied', 'responded', 'cautioned', 'disclosed',
  'indicated', 'pointed out', 'made it clear', 'made clear', 'maintained', 'conceded', 'predicted', 'estimated',
  'saying', 'stating', 'adding', 'noting', 'telling', 'confirming', 'writing', 'posting', 'tweeting', 'warning',
  'claiming', 'insisting', 'explaining', 'highlighting', 'asserting', 'declaring', 'remarking', 'announcing',
  'affirming', 'cautioning', 'arguing',
];

/**
 * Verbs that report speech only with a clause or a quote after them ("stressed
 * that…", "emphasised: “…”"); "Rubio emphasised the need for…" is what Rubio did,
 * not a credit.
 */
export const CLAUSE_VERBS: readonly string[] = [
  'emphasised', 'emphasized', 'emphasising', 'emphasizing', 'stressed', 'stressing', 'underscored', 'underscoring',
  'reiterated', 'reiterating', 'urged', 'assured', 'signalled', 'signaled', 'suggested', 'reported', 'believes',
  'believed', 'hoped', 'expressed',
];

const STOPWORDS = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto over under about against between through ' +
    'during before after above below up down out off again further then once here there when where why how all any ' +
    'both each few more most other some such no not only own same so than too very can will just should now is are ' +
    'was were be been being have has had having do does did doing would could might must shall may this that these ' +
    'those i me my we our you your he him his she her it its they them their what which who whom whose also ' +
    'said says told stated added noted according while if because until since though although however one two ' +
    'us'
  ).split(' '),
);

/** Light stemming: British -ise → -ize, plural and verb endings dropped ("emphasised" ~ "emphasized" ~ "emphasising"). */
export function stemWord(w: string): string {
  let s = w.replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  s = s.replace(/(?:ing|ed|es|s)$/, (m) => (s.length - m.length >= 4 ? '' : m));
  s = s.replace(/e$/, '');
  return s;
}

/** Content words of a statement: folded, stop words dropped, stemmed. */
export function contentWords(text: string): string[] {
  const words = foldText(text)
    .replace(/[‐‑–—-]/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return [];
  return words.filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w))).map(stemWord);
}

/** Pairs of consecutive content words (order-sensitive shingles). */
export function wordPairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

export interface StatementKey {
  words: Set<string>;
  pairs: Set<string>;
}

export function statementKey(text: string): StatementKey {
  const w = contentWords(text);
  return { words: new Set(w), pairs: new Set(wordPairs(w)) };
}

function shared<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/**
 * How much of the shorter statement the longer one contains: the larger of the
 * share of its word pairs and (a little discounted) the share of its content
 * words. 1 = one contains the other.
 */
export function similarity(a: StatementKey, b: StatementKey): { score: number; sharedWords: number; sharedPairs: number } {
  const sw = shared(a.words, b.words);
  const sp = shared(a.pairs, b.pairs);
  const wMin = Math.min(a.words.size, b.words.size) || 1;
  const pMin = Math.min(a.pairs.size, b.pairs.size) || 1;
  const score = Math.max(sp / pMin, 0.9 * (sw / wMin));
  return { score, sharedWords: sw, sharedPairs: sp };
}

export interface ClusterInput {
  /** Which article the statement is from: statements of one article are never linked directly. */
  article: string;
  key: StatementKey;
}

/**
 * Groups statements that say the same thing (similarity ≥ minScore with at
 * least minShared common content words), across articles. Candidates come from
 * an index of word pairs (and of rare words), never from all pairs. Returns
 * clusters as sorted index lists, in order of their first index.
 */
export function clusterStatements(items: ClusterInput[], minScore: number, minShared: number): number[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // postings: word pair → statements; rare content word → statements
  const byPair = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const p of it.key.pairs) (byPair.get(p) ?? byPair.set(p, []).get(p)!).push(i);
    for (const w of it.key.words) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(i);
  });
  const maxPosting = Math.max(50, Math.ceil(items.length / 10));
  items.forEach((it, i) => {
    const hits = new Map<number, number>();
    const bump = (list: number[] | undefined) => {
      if (!list || list.length > maxPosting) return;
      for (const j of list) if (j > i && items[j]!.article !== it.article) hits.set(j, (hits.get(j) ?? 0) + 1);
    };
    for (const p of it.key.pairs) bump(byPair.get(p));
    for (const w of it.key.words) bump(byWord.get(w));
    for (const [j, n] of [...hits].sort((x, y) => x[0] - y[0])) {
      if (n < minShared) continue;
      const s = similarity(it.key, items[j]!.key);
      if (s.score >= minScore && s.sharedWords >= minShared) union(i, j);
    }
  });
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
