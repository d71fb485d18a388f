import * as assert from 'node:assert/strict';
import { lintText } from '../../../test/helpers/lint';
import { testConfig } from '../../../test/helpers/config';
import { describeRule } from '../../../test/helpers/rule-suite';
import rule from '.';

describeRule(rule);

describe('backlog-uniform distinguishWant', () => {
  const text = [
    '- As a shopper, I want to save my cart, so that I can come back later.',
    '- As a shopper, I want to pay by card, so that I can finish my order.',
    '- As an admin, I can refund an order, so that customers get their money back.',
    '',
  ].join('\n');
  const lines = (options: object) =>
    lintText(text, {
      filePath: 'backlog.md',
      config: testConfig({ rules: { 'backlog-uniform': { severity: 'info', options } } }),
    })
      .findings.filter((f) => f.ruleId === rule.meta.id)
      .map((f) => f.line);
  it('reports "I can" among "I want" stories only when asked', () => {
    assert.deepEqual(lines({}), []);
    assert.deepEqual(lines({ distinguishWant: true }), [3]);
  });
});
