/**
 * npm run schema: writes schema/rules.schema.json (for editors and for
 * `factlint schema`) and schema/rules-validator.js (the same schema compiled,
 * see ./validator.ts) from the rule types' options.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rulesSchema } from './schema.js';
import { validatorSource } from './validator.js';

const dir = resolve(import.meta.dirname, '..', '..', 'schema');
writeFileSync(join(dir, 'rules.schema.json'), `${JSON.stringify(rulesSchema(), null, 2)}\n`);
writeFileSync(join(dir, 'rules-validator.js'), validatorSource());
console.log(`wrote ${join(dir, 'rules.schema.json')} and rules-validator.js`);
