/**
 * Disjoint sets over 0..n-1 with path halving; a union keeps the smaller index
 * as the root, so clusters come out the same whatever order links are made in.
 */
export function disjointSets(n: number): { find(i: number): number; union(a: number, b: number): void; groups(): number[][] } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  /** The sets, each in ascending order, ordered by their first member. */
  const groups = (): number[][] => {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = find(i);
      const g = byRoot.get(r);
      if (g) g.push(i);
      else byRoot.set(r, [i]);
    }
    return [...byRoot.values()];
  };
  return { find, union, groups };
}
