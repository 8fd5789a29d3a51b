/**
 * The registry of rule types. Adding a rule type = one file in this folder,
 * one line here, one page in docs/rules/, its tests in test/rules/.
 */
import type { RuleType } from '../types.js';
import { count } from './count.js';
import { date } from './date.js';
import { name } from './name.js';
import { title } from './title.js';
import { attribution } from './attribution.js';
import { quote } from './quote.js';

// no prototype: a rule of type "valueOf" or "constructor" is unknown, not Object's
export const ruleTypes: Record<string, RuleType<any>> = Object.assign(Object.create(null) as Record<string, RuleType<any>>, {
  count,
  date,
  name,
  title,
  attribution,
  quote,
});

export function ruleTypeNames(): string[] {
  return Object.keys(ruleTypes).sort();
}
