/**
 * The JSON Schema of rules.yaml, built from the rule types' own option
 * definitions: one place to change, shipped as schema/rules.schema.json
 * (`factlint schema` prints it; a test keeps the file in step).
 */
import { ruleTypes } from '../rules/index.js';
import type { JSONSchema } from '../types.js';

/** Fields every rule has, whatever its type. */
export const commonRuleFields: Record<string, JSONSchema> = {
  id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', description: 'Unique id of the rule, used in reports, baselines and ignore comments.' },
  type: { type: 'string', description: 'The rule type: what kind of fact the rule reads.' },
  severity: { enum: ['error', 'warning', 'info'], description: 'How serious a disagreement is. Default: the rule type\'s own.' },
  description: { type: 'string', description: 'What the rule checks, in plain words (shown in reports and SARIF help).' },
  single_source: { type: 'boolean', default: false, description: 'Also report a value that only one article gives (as info).' },
  examples: {
    type: 'array',
    description: 'Small inline articles and the findings they must produce: run by `factlint test`.',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['articles'],
      properties: {
        name: { type: 'string', description: 'What the example shows.' },
        articles: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'text'],
            properties: {
              id: { type: 'string' },
              text: { type: 'string' },
              published: { type: 'string', description: 'Publication date, YYYY-MM-DD.' },
            },
          },
        },
        expect: {
          type: 'array',
          description: 'Findings that must appear.',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              kind: { enum: ['contradiction', 'variant', 'update', 'single-source'] },
              values: { type: 'array', items: { type: 'string' }, description: 'Values (as the report displays them, or normalised) that the finding must list.' },
              subject: { type: 'string', description: 'Text the finding\'s subject must contain.' },
            },
          },
        },
        expect_none: { type: 'boolean', description: 'The example must produce no finding.' },
      },
    },
  },
};

export const entitySchema: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', description: 'Id that rules use to refer to the entity.' },
    name: { type: 'string', description: 'The name as the report should show it.' },
    aliases: { type: 'array', items: { type: 'string' }, description: 'Other accepted ways the articles write it (never reported as spelling variants).' },
    variants: { type: 'array', items: { type: 'string' }, description: 'Spellings seen in the coverage that rules should recognise as this entity but that name rules still report.' },
    kind: { enum: ['person', 'organisation', 'place', 'event', 'operation', 'other'], description: 'What it is.' },
    titles: { type: 'array', items: { type: 'string' }, description: 'Titles the person is known to hold.' },
  },
};

export function rulesSchema(): JSONSchema {
  const types = Object.keys(ruleTypes).sort();
  const perType = types.map((name) => {
    const t = ruleTypes[name]!;
    return {
      if: { properties: { type: { const: name } }, required: ['type'] },
      then: {
        properties: { ...commonRuleFields, type: { const: name }, ...t.options },
        required: ['id', 'type', ...(t.required ?? [])],
        additionalProperties: false,
      },
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://factlint.dev/schema/rules.schema.json',
    title: 'factlint rules file',
    description: 'Rules that say which facts factlint reads from each article and compares across articles.',
    type: 'object',
    additionalProperties: false,
    properties: {
      articles: {
        description: 'Paths or globs of the articles to check, relative to this file, used when none are given on the command line.',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      extends: { enum: ['default'], description: 'Start from the built-in default rules.' },
      include: { type: 'array', items: { type: 'string' }, description: 'Other YAML files whose entities and titles are shared (paths relative to this file).' },
      entities: { type: 'array', items: entitySchema, description: 'People, places, events and operations the rules talk about.' },
      titles: {
        type: 'object',
        description: 'Canonical job titles and the other ways they are written.',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
      rules: {
        type: 'array',
        description: 'The checks to run.',
        items: {
          type: 'object',
          required: ['id', 'type'],
          properties: { ...commonRuleFields, type: { enum: types, description: commonRuleFields.type!.description } },
          allOf: perType,
        },
      },
    },
  };
}
