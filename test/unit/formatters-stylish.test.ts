import * as assert from 'node:assert/strict';
import { format } from '../../src/formatters';
import {
  allResults,
  backlogResult,
  cleanResult,
  configProblemResult,
  context,
  problemResult,
  SPECIAL_REL,
} from '../fixtures/formatters/results';

// Any ANSI escape sequence.
const ANSI = /\u001b\[/;
const stylish = (results = allResults(), color = false) => format('stylish', results, context({ color }));

describe('formatters: stylish', () => {
  it('prints nothing for a clean run', () => {
    assert.equal(stylish([cleanResult()]), '');
    assert.equal(stylish([]), '');
  });

  it('prints nothing when every finding is suppressed', () => {
    const result = backlogResult();
    result.findings = [];
    assert.equal(stylish([result]), '');
  });

  it('groups rows under relative paths with forward slashes', () => {
    const lines = stylish().split('\n');
    assert.ok(lines.includes('docs/backlog.md'));
    assert.ok(lines.includes(SPECIAL_REL));
    assert.ok(lines.includes('docs/binary.md'));
    assert.ok(!lines.includes('docs/clean.md'), 'clean files are not listed');
  });

  it('aligns line:col, severity, message and rule id in columns', () => {
    const out = stylish([backlogResult()]);
    const rows = out.split('\n').filter((line) => /^\s+\d+:\d+/.test(line));
    assert.deepEqual(rows, [
      '    3:1  error    Story has no acceptance criteria.  story-has-acceptance-criteria',
      '   12:5  warning  Story does not say why.            story-has-benefit',
      '  101:7  info     Avoid "fast": say how fast.        ambiguous-language',
    ]);
  });

  it('leaves suppressed findings out', () => {
    assert.ok(!stylish().includes('Silenced'));
  });

  it('shows a file problem as an error row at 0:0', () => {
    const out = stylish([problemResult()]);
    assert.match(out, /^ {2}0:0 {2}error {2}File looks binary; skipped\.$/m);
    assert.match(out, /✖ 1 problem \(1 error, 0 warnings, 0 info\)/);
  });

  it('names the config file and key behind a config problem', () => {
    assert.match(stylish([configProblemResult()]), /Unknown rule "nope"\. \(\.backlog-lint\.json: rules\.nope\)/);
  });

  it('summarises problems with info shown but not counted as errors or warnings', () => {
    const out = stylish();
    assert.match(out, /\n✖ 6 problems \(3 errors, 2 warnings, 1 info\)\n/);
    assert.match(out, / {2}2 problems potentially fixable with the `--fix` option\.\n$/);
  });

  it('uses singulars and counts info-only runs', () => {
    const result = backlogResult();
    result.findings = result.findings.filter((f) => f.severity === 'info');
    assert.match(stylish([result]), /✖ 1 problem \(0 errors, 0 warnings, 1 info\)\n$/);
  });

  it('keeps each row on one line and neutralises control characters from the document', () => {
    const out = stylish();
    const row = out.split('\n').find((line) => line.includes('Say who benefits'));
    assert.ok(row);
    assert.ok(row.includes('🚀, then say why \uFFFD\uFFFD[31mred'), row);
    assert.ok(!ANSI.test(out));
  });

  it('has no ANSI codes without colour', () => {
    assert.ok(!ANSI.test(stylish(allResults(), false)));
  });

  it('colours severity, underlines paths and bolds the summary with colour', () => {
    const out = stylish(allResults(), true);
    assert.ok(ANSI.test(out));
    assert.ok(out.includes('\u001b[4mdocs/backlog.md\u001b[24m'));
    assert.ok(out.includes('\u001b[31merror\u001b[39m'));
    assert.ok(out.includes('\u001b[33mwarning\u001b[39m'));
    assert.ok(out.includes('\u001b[36minfo\u001b[39m'));
    assert.match(out, /\u001b\[31m\u001b\[1m✖ 6 problems/);
  });

  it('pads columns by visible width when coloured', () => {
    const strip = (s: string) => s.replace(/\u001b\[\d+m/g, '');
    assert.equal(strip(stylish(allResults(), true)), stylish(allResults(), false));
  });
});
