import * as assert from 'node:assert/strict';
import { CrossFileRun } from '../../../test/helpers/lint';
import { lintDocument } from '../../../test/helpers/lint';
import { testConfig } from '../../../test/helpers/config';
import { describeRule } from '../../../test/helpers/rule-suite';
import rule from '.';

describeRule(rule);

describe('backlog-duplicate across files', () => {
  const config = testConfig();
  const files: Record<string, string> = {
    'a.backlog.md':
      '- As a shopper, I want to save my cart, so that I can come back later.\n- As a shopper, I want to pay by card, so that I can finish my order.\n',
    'b.backlog.md':
      '- As a guest, I want to track my parcel, so that I know when it arrives.\n- As a Shopper, I want to save my cart, so that I can come back later!\n- As a shopper, I want to save the cart, so that I can come back later.\n',
  };
  it('reports the later copy in another file once, naming file and line of the first', () => {
    const run = new CrossFileRun([rule]);
    for (const [filePath, text] of Object.entries(files))
      run.add(lintDocument(text, { filePath, config, rules: [rule] }), config);
    const out = run.finish();
    assert.deepEqual([...out.keys()], ['b.backlog.md']);
    const findings = out.get('b.backlog.md')?.findings ?? [];
    assert.deepEqual(
      findings.map((f) => f.line),
      [2],
    );
    assert.match(findings[0]?.message ?? '', /a\.backlog\.md:1/);
  });
  // Its speed on large backlogs is measured by `npm run bench -- --editor-only` (5,000 stories), not timed here.
  it('finds no duplicate among 1,700 distinct stories that share most of their words', () => {
    const text = Array.from(
      { length: 1700 },
      (_, i) =>
        `- As a user ${i}, I want to open report number ${i} of kind ${i % 7}, so that I can read item ${i * 3}.`,
    ).join('\n');
    const findings = lintDocument(text, { filePath: 'big.backlog.md', config, rules: [rule] }).result.findings;
    assert.equal(findings.length, 0);
  });
});
