/** Errors a user can act on: printed as one line, never with a stack trace. */
export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

export class FactlintError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'FactlintError';
  }
}

/**
 * A problem in one rule's options, thrown by a rule type's prepare(). `field` names
 * the option (dotted path); the config loader turns it into rules.yaml:LINE:COL.
 */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}

export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** "did you mean X?" when one candidate is close enough. */
export function didYouMean(word: string, candidates: string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` Did you mean "${best}"?` : '';
}
