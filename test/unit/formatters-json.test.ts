import * as assert from 'node:assert/strict';
import { format } from '../../src/formatters';
import type { JsonFileResult, JsonFindingMessage, JsonProblemMessage } from '../../src/formatters/json';
import {
  allResults,
  cleanResult,
  configProblemResult,
  context,
  file,
  SPECIAL_MESSAGE,
  SPECIAL_REL,
} from '../fixtures/formatters/results';

const parse = (results = allResults()): JsonFileResult[] => JSON.parse(format('json', results, context()));
const findingMessages = (r: JsonFileResult) => r.messages as JsonFindingMessage[];

describe('formatters: json', () => {
  it('is an ESLint-style array with one entry per file, clean files included, absolute paths', () => {
    const out = parse();
    assert.deepEqual(
      out.map((r) => r.filePath),
      [file('docs/backlog.md'), file(SPECIAL_REL), file('docs/binary.md'), file('docs/clean.md')],
    );
    assert.deepEqual(parse([]), []);
  });

  it('counts errors, warnings, info and fixables per file', () => {
    const [backlog, special, problem, clean] = parse();
    const counts = (r: JsonFileResult | undefined) =>
      r && [r.errorCount, r.warningCount, r.infoCount, r.fixableErrorCount, r.fixableWarningCount, r.fatalErrorCount];
    assert.deepEqual(counts(backlog), [1, 1, 1, 1, 1, 0]);
    assert.deepEqual(counts(special), [1, 1, 0, 0, 0, 0]);
    assert.deepEqual(counts(problem), [1, 0, 0, 0, 0, 1]);
    assert.deepEqual(counts(clean), [0, 0, 0, 0, 0, 0]);
  });

  it('maps severities to ESLint numbers (info is 0) and carries role, artifact and docs link', () => {
    const [backlog] = parse();
    assert.ok(backlog);
    const messages = findingMessages(backlog);
    assert.deepEqual(
      messages.map((m) => m.severity),
      [2, 1, 0],
    );
    assert.deepEqual(
      { ...messages[0], fix: undefined, backlogFix: undefined },
      {
        ruleId: 'story-has-acceptance-criteria',
        severity: 2,
        message: 'Story has no acceptance criteria.',
        rationale: 'Why the po needs story-has-acceptance-criteria.',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 13,
        role: 'po',
        artifact: 'story',
        docsUrl:
          'https://github.com/backlog-lint/backlog-lint/blob/main/rules/po/story-has-acceptance-criteria/README.md',
        fix: undefined,
        backlogFix: undefined,
      },
    );
    assert.equal(backlog.artifact, 'backlog');
  });

  it('emits an ESLint fix for a single edit and keeps the full fix alongside', () => {
    const [m] = findingMessages(parse()[0]!);
    assert.deepEqual(m?.fix, { range: [52, 52], text: '\n\n**Acceptance criteria**\n- ' });
    assert.equal(m?.backlogFix?.title, 'Add an acceptance-criteria block');
  });

  it('omits the ESLint fix for a multi-edit fix but loses nothing', () => {
    const m = findingMessages(parse()[0]!)[1];
    assert.equal(m?.fix, undefined);
    assert.deepEqual(m?.backlogFix?.edits, [
      { range: [150, 151], text: ',' },
      { range: [160, 160], text: ' so that …' },
    ]);
    assert.deepEqual(m?.suggestions, [
      { desc: 'Remove the story', fix: { range: [120, 160], text: '' }, edits: [{ range: [120, 160], text: '' }] },
      {
        desc: 'Rephrase',
        edits: [
          { range: [120, 121], text: 'A' },
          { range: [130, 131], text: 'B' },
        ],
      },
    ]);
  });

  it('lists suppressed findings under suppressedMessages only', () => {
    const [backlog, special] = parse();
    assert.equal(backlog?.suppressedMessages.length, 1);
    assert.deepEqual(backlog?.suppressedMessages[0]?.suppressions, [{ kind: 'directive', justification: '' }]);
    assert.ok(!backlog?.messages.some((m) => m.message.startsWith('Silenced')));
    assert.deepEqual(special?.suppressedMessages, []);
  });

  it('reports a file problem as a fatal message without a rule', () => {
    const problem = parse()[2];
    assert.deepEqual(problem?.messages, [
      { ruleId: null, fatal: true, severity: 2, message: 'File looks binary; skipped.' },
    ]);
    const [config] = parse([configProblemResult()]);
    const message = config?.messages[0] as JsonProblemMessage;
    assert.equal(message.keyPath, 'rules.nope');
    assert.equal(message.file, file('.backlog-lint.json'));
  });

  it('round-trips special characters in messages and paths', () => {
    const special = parse()[1];
    assert.equal(special?.filePath, file(SPECIAL_REL));
    assert.equal(special?.messages[0]?.message, SPECIAL_MESSAGE);
  });

  it('has a clean file with empty messages', () => {
    const [clean] = parse([cleanResult()]);
    assert.deepEqual(clean?.messages, []);
    assert.equal(clean?.artifact, 'story');
  });
});
