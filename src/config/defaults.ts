/**
 * The built-in rule set, used when there is no rules file and pulled in by
 * `extends: default`. It is YAML, loaded and validated like any rules file,
 * and holds no story knowledge: every subject is found in the text.
 */
export const DEFAULT_RULES_NAME = '<built-in rules>';

export const DEFAULT_RULES_YAML = `# factlint's built-in rules: no story knowledge, subjects found in the text.
rules:
  - id: default-titles
    type: title
    description: Every person's job titles agree across articles.

  - id: default-name-spelling
    type: name
    description: Every proper name is spelled one way across articles.

  - id: default-quotes
    type: quote
    description: Direct quotes by the same speaker are worded the same way in every article.

  - id: default-credits
    type: attribution
    description: Each statement is credited to the same person in every article.
`;
