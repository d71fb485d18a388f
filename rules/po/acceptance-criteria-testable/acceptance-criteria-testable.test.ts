import * as assert from 'node:assert/strict';
import { lintText } from '../../../test/helpers/lint';
import { testConfig } from '../../../test/helpers/config';
import { describeRule } from '../../../test/helpers/rule-suite';
import rule from '.';

describeRule(rule);

describe('acceptance-criteria-testable and ambiguous-language', () => {
  const text =
    '- As a shopper, I want to search orders, so that I find one.\n  - Given my orders, when I search, then results appear fast.\n';
  const terms = (config: ReturnType<typeof testConfig>) =>
    lintText(text, { filePath: 'backlog.md', config })
      .findings.filter((f) => f.ruleId === rule.meta.id)
      .map((f) => text.slice(...f.range));
  it('leaves general vague words to ambiguous-language while it runs, and reports them when it is off', () => {
    assert.deepEqual(terms(testConfig()), []);
    assert.deepEqual(terms(testConfig({ rules: { 'ambiguous-language': { severity: 'off' } } })), ['fast']);
  });
});
