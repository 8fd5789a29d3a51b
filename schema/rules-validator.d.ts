// Types of rules-validator.js, which `npm run schema` generates (src/config/validator.ts).
import type { ValidateFunction } from 'ajv';
export declare const schemaHash: string;
declare const validate: ValidateFunction;
export default validate;
