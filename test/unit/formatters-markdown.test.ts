import * as assert from 'node:assert/strict';
import { format } from '../../src/formatters';
import { MAX_ROWS } from '../../src/formatters/markdown';
import type { LintResult } from '../../src/core/types';
import { allResults, backlogResult, cleanResult, context, file, finding } from '../fixtures/formatters/results';

const markdown = (results: LintResult[] = allResults(), heldBack?: number) =>
  format('markdown', results, context({ heldBack }));

describe('formatters: markdown', () => {
  it('says there is nothing to report, and what the baseline held back', () => {
    assert.equal(markdown([cleanResult()]), '### backlog-lint: no problems\n\n');
    assert.equal(
      markdown([cleanResult()], 12),
      '### backlog-lint: no problems\n\n\n12 existing findings held back by the baseline.\n',
    );
  });

  it('gives totals, counts by role and by rule, then a table per file with relative line links', () => {
    const out = markdown([backlogResult()], 1);
    assert.ok(
      out.startsWith(
        '### backlog-lint: 3 problems in 1 file\n\n1 error, 1 warning, 1 info.\n1 existing finding held back by the baseline.\n',
      ),
    );
    assert.ok(out.includes('| Product Owner | 1 | 1 | 0 |\n| Both roles | 0 | 0 | 1 |\n'));
    assert.ok(
      out.includes(
        '| [story-has-acceptance-criteria](https://github.com/backlog-lint/backlog-lint/blob/main/rules/po/story-has-acceptance-criteria/README.md) | Product Owner | 1 |\n',
      ),
    );
    assert.ok(
      out.includes('#### docs/backlog.md\n\n| Line | Severity | Rule | Problem |\n| ---: | --- | --- | --- |\n'),
    );
    assert.ok(
      out.includes(
        '| [3](docs/backlog.md#L3) | error | story-has-acceptance-criteria | Story has no acceptance criteria. |\n',
      ),
    );
    // Inline-suppressed findings are not listed.
    assert.ok(!out.includes('Silenced'));
  });

  it('escapes document text so it renders as text, links nothing and mentions no one', () => {
    const result: LintResult = {
      filePath: file('docs/a|b <x>.md'),
      artifact: 'story',
      findings: [
        finding('story-has-benefit', {
          message: 'Quote: <img src=x onerror=alert(1)> | [link](http://e) @alice `code`\nnext',
        }),
      ],
      suppressed: [],
    };
    const out = markdown([result]);
    assert.ok(out.includes('#### docs/a\\|b \\<x\\>.md\n'));
    assert.ok(out.includes('(docs/a%7Cb%20%3Cx%3E.md#L1)'));
    assert.ok(
      out.includes(
        'Quote: \\<img src=x onerror=alert\\(1\\)\\> \\| \\[link\\]\\(http://e\\) @\u2060alice \\`code\\` next |',
      ),
    );
  });

  it(`stops listing past ${MAX_ROWS} findings and says how many were left out`, () => {
    const many: LintResult[] = Array.from({ length: 30 }, (_, i) => ({
      filePath: file(`docs/f${String(i).padStart(2, '0')}.md`),
      artifact: 'backlog',
      findings: Array.from({ length: 5 }, (_, j) => finding('story-has-benefit', { line: j + 1 })),
      suppressed: [],
    }));
    const out = markdown(many);
    assert.equal((out.match(/^\| \[\d+\]\(/gm) ?? []).length, MAX_ROWS);
    assert.ok(out.includes(`_50 more problems not shown; the first ${MAX_ROWS} are listed.`));
    assert.ok(out.includes('| [story-has-benefit](https://') && out.includes('| Product Owner | 150 |'));
  });
});
