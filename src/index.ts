/** The library API: everything the CLI does is available here. */
export { check, compareFacts, extractArticle, loadConfig, type CheckOptions, type CheckResult } from './runner.js';
export { parseArticle } from './articles/parse.js';
export { parseConfig } from './config/load.js';
export { rulesSchema } from './config/schema.js';
export { ruleTypes } from './rules/index.js';
export { formats } from './report/index.js';
export { FactlintError, EXIT } from './errors.js';
export type * from './types.js';
