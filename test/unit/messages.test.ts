/** Short messages and their rationale where users meet them: focus mode, --explain and stylish --verbose. */
import * as assert from 'node:assert/strict';
import { findRule } from '../../rules';
import { explanation } from '../../src/cli/explain';
import { lintText } from '../helpers/lint';
import { format } from '../../src/formatters';
import { backlogResult, context } from '../fixtures/formatters/results';
import { testConfig } from '../helpers/config';

const BACKLOG = [
  '# Backlog',
  '',
  '- As a shopper, I want to save my cart',
  '- As a shopper, I want a receipt by email, so that I can claim expenses.',
  '',
].join('\n');

describe('messages and rationale', () => {
  it("gives every finding the rule's rationale unless the report has its own", () => {
    const findings = lintText(BACKLOG, { filePath: 'backlog.md', config: testConfig() }).findings;
    const benefit = findings.find((f) => f.ruleId === 'story-benefit');
    assert.equal(benefit?.rationale, findRule('story-benefit')?.meta.rationale);
  });

  it('holds back findings on focused lines only', () => {
    const all = lintText(BACKLOG, { filePath: 'backlog.md', config: testConfig() }).findings;
    assert.ok(all.some((f) => f.line === 3) && all.some((f) => f.line === 4));
    const focused = lintText(BACKLOG, {
      filePath: 'backlog.md',
      config: testConfig(),
      focus: [{ fromLine: 3, toLine: 3 }],
    }).findings;
    assert.deepEqual(
      focused.map((f) => `${f.line} ${f.ruleId}`),
      all.filter((f) => f.line !== 3 && f.endLine !== 3).map((f) => `${f.line} ${f.ruleId}`),
    );
  });

  it('puts the rationale under the title in --explain', () => {
    const rule = findRule('story-benefit');
    assert.ok(rule);
    const out = explanation(rule);
    assert.ok(out.startsWith(`# story-benefit\n\n> **Why:** ${rule.meta.rationale}\n`), out.slice(0, 200));
  });

  it('prints each rationale under its row with --verbose, and none without', () => {
    const plain = format('stylish', [backlogResult()], context());
    const verbose = format('stylish', [backlogResult()], context({ verbose: true }));
    assert.ok(!plain.includes('Why the po needs story-has-acceptance-criteria.'));
    const lines = verbose.split('\n');
    const row = lines.findIndex((l) => l.includes('Story has no acceptance criteria.'));
    assert.match(lines[row + 1] ?? '', /^\s+Why the po needs story-has-acceptance-criteria\.$/);
  });
});
