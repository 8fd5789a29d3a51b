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
