import * as assert from 'node:assert/strict';
import { format } from '../../src/formatters';
import type { LintResult } from '../../src/core/types';
import { allResults, backlogResult, context, file, finding } from '../fixtures/formatters/results';

const gitlab = (results: LintResult[] = allResults()) => JSON.parse(format('gitlab', results, context()));

const story = (lines: number[]): LintResult => ({
  filePath: file('docs/backlog.md'),
  artifact: 'backlog',
  findings: lines.map((line) => finding('story-has-benefit', { line, endLine: line, message: 'No benefit.' })),
  suppressed: [],
});

describe('formatters: gitlab', () => {
  it('writes Code Quality issues with relative paths, lines and mapped severities', () => {
    const issues = gitlab([backlogResult()]);
    assert.equal(issues.length, 3);
    assert.deepEqual(issues[0], {
      type: 'issue',
      check_name: 'story-has-acceptance-criteria',
      description: 'Story has no acceptance criteria.',
      categories: ['Style'],
      severity: 'major',
      fingerprint: issues[0].fingerprint,
      location: { path: 'docs/backlog.md', lines: { begin: 3, end: 3 } },
    });
    assert.deepEqual(
      issues.map((i: { severity: string }) => i.severity),
      ['major', 'minor', 'info'],
    );
    assert.match(issues[0].fingerprint, /^[0-9a-f]{32}$/);
  });

  it('reports file problems at the file they are about', () => {
    const problems = gitlab().filter((i: { check_name: string }) => i.check_name === 'backlog-lint');
    assert.deepEqual(
      problems.map((p: { location: { path: string } }) => p.location.path),
      ['docs/binary.md'],
    );
    assert.equal(problems[0].severity, 'critical');
  });

  it('keeps fingerprints when lines move; one more identical finding adds exactly one', () => {
    const before = gitlab([story([3, 4])]).map((i: { fingerprint: string }) => i.fingerprint);
    const moved = gitlab([story([13, 14])]).map((i: { fingerprint: string }) => i.fingerprint);
    assert.deepEqual(moved, before);
    assert.equal(new Set(before).size, 2);
    const after = gitlab([story([1, 13, 14])]).map((i: { fingerprint: string }) => i.fingerprint);
    assert.deepEqual(after.filter((f: string) => !before.includes(f)).length, 1);
    assert.deepEqual(gitlab([story([3, 4])]), gitlab([story([3, 4])]));
  });

  it('prints an empty array for a clean run', () => {
    assert.equal(format('gitlab', [], context()), '[]\n');
  });
});
