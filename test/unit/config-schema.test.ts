import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import { allRules } from '../../rules';
import { buildJsonSchema, renderJsonSchema, starterConfig } from '../../src/config';

describe('config JSON Schema', () => {
  it('is up to date (regenerate with: node scripts/gen-schema.js)', () => {
    const checkedIn = fs.readFileSync(path.join(process.cwd(), 'schemas', 'backlog-lint.schema.json'), 'utf8');
    assert.equal(checkedIn, renderJsonSchema(allRules));
  });

  describe('as validated by a JSON Schema validator', () => {
    const validate = new Ajv({ strict: false }).compile(buildJsonSchema(allRules));
    const someRule = allRules[0]!;

    it('enumerates the known rule ids and rejects others', () => {
      const schema = buildJsonSchema(allRules) as { properties: { rules: { properties: object } } };
      assert.deepEqual(
        Object.keys(schema.properties.rules.properties),
        allRules.map((rule) => rule.meta.id),
      );
      assert.equal(validate({ rules: { 'no-such-rule': 'error' } }), false);
    });

    it('accepts the starter config and a full config', () => {
      assert.equal(validate(parseJsonc(starterConfig(allRules))), true, JSON.stringify(validate.errors));
      const full = {
        $schema: 'x',
        root: true,
        roles: ['pm'],
        rules: { [someRule.meta.id]: 'off' },
        artifacts: { '*.prd.md': 'prd' },
        ignores: ['drafts/**'],
        allowWords: ['MVP'],
        templates: 'templates',
        acceptanceCriteriaLabels: ['AC'],
        overrides: [{ files: ['roadmap/**'], roles: ['pm'], rules: { [someRule.meta.id]: ['error'] }, allowWords: [] }],
      };
      assert.equal(validate(full), true, JSON.stringify(validate.errors));
    });

    it('rejects unknown keys and bad severities', () => {
      assert.equal(validate({ colour: 'red' }), false);
      assert.equal(validate({ rules: { [someRule.meta.id]: 'warn' } }), false);
      assert.equal(validate({ overrides: [{ roles: ['po'] }] }), false);
    });
  });
});
