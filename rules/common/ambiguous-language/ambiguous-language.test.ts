import * as assert from 'node:assert/strict';
import { lintText } from '../../../test/helpers/lint';
import { testConfig } from '../../../test/helpers/config';
import { describeRule } from '../../../test/helpers/rule-suite';
import rule from '.';

describeRule(rule);

describe('ambiguous-language options', () => {
  const text = 'As a shopper, I want a quick filter and quick results with some hints, so that I can shop.\n';
  const terms = (config = testConfig()): string[] =>
    lintText(text, { filePath: 'x.story.md', config })
      .findings.filter((f) => f.ruleId === rule.meta.id)
      .map((f) => text.slice(...f.range));
  it('reports the vague terms by default', () => assert.deepEqual(terms(), ['quick', 'some']));
  it('accepts the allow option and the config allowWords', () => {
    assert.deepEqual(terms(testConfig({ allowWords: ['quick'] })), ['some']);
    assert.deepEqual(
      terms(
        testConfig({ rules: { 'ambiguous-language': { severity: 'warning', options: { allow: ['quick results'] } } } }),
      ),
      ['some'],
    );
  });
  it('turns categories off', () => {
    assert.deepEqual(
      terms(
        testConfig({
          rules: { 'ambiguous-language': { severity: 'warning', options: { categories: { quantifier: false } } } },
        }),
      ),
      ['quick'],
    );
  });
});
