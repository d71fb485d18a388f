import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  holdBack,
  lineTextOf,
  parseBaseline,
  pruneEntries,
  recordFindings,
  serializeBaseline,
  BaselineError,
} from '../../src/core/baseline';
import { finding } from '../fixtures/formatters/results';
import { runCli, tempProject } from '../helpers/cli';

const BACKLOG = [
  '# Backlog',
  '',
  '- As a shopper, I want to save my cart, so that I can buy later.',
  '- As a shopper, I want to see my past orders.',
  '- As a clerk, I want to print a receipt.',
  '',
].join('\n');

/** The backlog with one more story that has no benefit, inserted at the top so every old line moves. */
const WITH_NEW_STORY = BACKLOG.replace('# Backlog\n\n', '# Backlog\n\n- As a clerk, I want to refund an order.\n');

describe('baseline: core', () => {
  const text = 'one\n  two  words\nthree\ntwo words\n';
  const lines = lineTextOf(text);

  it('records counts and fingerprints per rule, serialized sorted and stable', () => {
    const findings = [
      finding('story-has-benefit', { line: 2 }),
      finding('ambiguous-language', { line: 1 }),
      finding('story-has-benefit', { line: 4 }),
    ];
    const entries = recordFindings(findings, lines);
    const baseline = new Map([
      ['b.md', entries],
      ['a.md', recordFindings([finding('ambiguous-language', { line: 3 })], lines)],
    ]);
    const json = serializeBaseline(baseline);
    assert.deepEqual(Object.keys(JSON.parse(json).files), ['a.md', 'b.md']);
    assert.deepEqual(Object.keys(JSON.parse(json).files['b.md']), ['ambiguous-language', 'story-has-benefit']);
    const benefit = JSON.parse(json).files['b.md']['story-has-benefit'];
    assert.equal(benefit.count, 2);
    // Lines 2 and 4 differ only in white space: one fingerprint, twice.
    assert.equal(benefit.fingerprints[0], benefit.fingerprints[1]);
    assert.equal(serializeBaseline(parseBaseline(json, 'x.json')), json);
    assert.ok(json.endsWith('}\n'));
  });

  it('holds back up to the count; beyond it, reports only findings whose line is not recorded', () => {
    const old = [finding('story-has-benefit', { line: 1 }), finding('story-has-benefit', { line: 3 })];
    const entries = recordFindings(old, lines);
    assert.deepEqual(holdBack(old, entries, lines), { kept: [], held: 2, stale: 0 });
    const added = finding('story-has-benefit', { line: 2 });
    const split = holdBack([old[0]!, added, old[1]!], entries, lines);
    assert.deepEqual(split.kept, [added]);
    assert.equal(split.held, 2);
    // Without the text (standard input), counts alone decide, as in ESLint: all are reported.
    assert.equal(holdBack([old[0]!, added, old[1]!], entries, () => undefined).kept.length, 3);
    // One fixed: the other is held back and the spare count is stale.
    assert.deepEqual(holdBack([old[0]!], entries, lines), { kept: [], held: 1, stale: 1 });
  });

  it('prunes counts and fingerprints to what still occurs, never adding', () => {
    const entries = recordFindings(
      [finding('story-has-benefit', { line: 1 }), finding('story-has-benefit', { line: 3 })],
      lines,
    );
    const pruned = pruneEntries(
      entries,
      [
        finding('story-has-benefit', { line: 3 }),
        finding('story-has-benefit', { line: 2 }),
        finding('ambiguous-language', { line: 1 }),
      ],
      lines,
    );
    assert.equal(pruned?.get('story-has-benefit')?.count, 2);
    assert.equal(pruned?.get('ambiguous-language'), undefined);
    assert.equal(pruneEntries(entries, [], lines), undefined);
  });

  it('rejects a malformed baseline with the file and key path', () => {
    assert.throws(
      () => parseBaseline('{', 'b.json'),
      (e: unknown) => e instanceof BaselineError && /^b\.json: not valid JSON/.test(e.message),
    );
    assert.throws(
      () => parseBaseline('{"version":1,"files":{"a.md":{"r":{"count":-1}}}}', 'b.json'),
      /b\.json: files\.a\.md\.r\.count: /,
    );
    assert.throws(() => parseBaseline('{"version":2,"files":{}}', 'b.json'), /b\.json: version: /);
  });
});

describe('baseline: CLI', function () {
  this.timeout(60000);

  it('--update-baseline records everything, then a run reports only the new finding', async () => {
    const dir = tempProject('baseline', { 'docs/backlog.md': BACKLOG });
    const first = await runCli(dir, ['--no-cache', '--update-baseline']);
    assert.equal(first.code, 0);
    assert.equal(first.out, '');
    assert.match(first.err, /wrote backlog-lint-baseline\.json: 3 findings in 1 file\n/);
    assert.match(first.err, /3 findings held back by the baseline/);
    const saved = fs.readFileSync(path.join(dir, 'backlog-lint-baseline.json'), 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(saved).files), ['docs/backlog.md']);

    fs.writeFileSync(path.join(dir, 'docs/backlog.md'), WITH_NEW_STORY);
    const next = await runCli(dir, ['--no-cache', '-f', 'json']);
    const messages = JSON.parse(next.out)[0].messages;
    assert.deepEqual(
      messages.map((m: { line: number; ruleId: string }) => [m.line, m.ruleId]),
      [[3, 'story-benefit']],
    );
    assert.match(next.err, /3 findings held back/);
    // --no-baseline shows everything again; the file is unchanged by a plain run.
    assert.equal(
      JSON.parse((await runCli(dir, ['--no-cache', '-f', 'json', '--no-baseline'])).out)[0].messages.length,
      4,
    );
    assert.equal(fs.readFileSync(path.join(dir, 'backlog-lint-baseline.json'), 'utf8'), saved);
  });

  it('--prune-baseline drops what was fixed; stale entries are pointed out; other files keep their entries', async () => {
    const dir = tempProject('baseline-prune', { 'a.md': BACKLOG, 'b.md': BACKLOG });
    await runCli(dir, ['--no-cache', '--update-baseline']);
    fs.writeFileSync(
      path.join(dir, 'a.md'),
      BACKLOG.replace('see my past orders.', 'see my past orders, so that I can reorder.'),
    );
    const stale = await runCli(dir, ['--no-cache']);
    assert.match(stale.err, /1 baselined finding no longer occurs; --prune-baseline/);
    await runCli(dir, ['--no-cache', '--prune-baseline', 'a.md']);
    const files = JSON.parse(fs.readFileSync(path.join(dir, 'backlog-lint-baseline.json'), 'utf8')).files;
    assert.equal(files['a.md']['story-benefit'].count, 1);
    assert.equal(files['b.md']['story-benefit'].count, 2);
    // A file that is gone loses its entries at the next update.
    fs.rmSync(path.join(dir, 'b.md'));
    await runCli(dir, ['--no-cache', '--update-baseline']);
    assert.deepEqual(
      Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'backlog-lint-baseline.json'), 'utf8')).files),
      ['a.md'],
    );
  });

  it('exits 2 naming the file for a missing --baseline or a broken one', async () => {
    const dir = tempProject('baseline-bad', { 'a.md': BACKLOG, 'bad.json': '{"version":1,"files":[]}' });
    const missing = await runCli(dir, ['--baseline', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.json: no such file; create it with --update-baseline/);
    const bad = await runCli(dir, ['--baseline', 'bad.json']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad\.json: files: /);
  });
});
