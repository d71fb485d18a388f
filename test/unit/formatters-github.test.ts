import * as assert from 'node:assert/strict';
import { format } from '../../src/formatters';
import { allResults, backlogResult, cleanResult, configProblemResult, context } from '../fixtures/formatters/results';

const github = (results = allResults()) => format('github', results, context());

describe('formatters: github', () => {
  it('prints nothing for a clean run', () => {
    assert.equal(github([cleanResult()]), '');
  });

  it('writes one workflow command per finding, notice for info, suppressed left out', () => {
    assert.equal(
      github([backlogResult()]),
      [
        '::error file=docs/backlog.md,line=3,col=1,endLine=3,endColumn=13,title=story-has-acceptance-criteria::Story has no acceptance criteria.',
        '::warning file=docs/backlog.md,line=12,col=5,endLine=12,endColumn=45,title=story-has-benefit::Story does not say why.',
        '::notice file=docs/backlog.md,line=101,col=7,endLine=101,endColumn=11,title=ambiguous-language::Avoid "fast": say how fast.',
        '',
      ].join('\n'),
    );
  });

  it('escapes data and property values as the runner expects', () => {
    const lines = github().split('\n');
    const special = lines.find((line) => line.includes('Say who benefits'));
    assert.equal(
      special,
      '::error file=docs/100%25 done%2C v2%3A <&"> ümlaut 🚀.md,line=2,col=3,endLine=4,endColumn=1,' +
        'title=story-has-acceptance-criteria::' +
        'Say who benefits: 50%25 of "users" <&> ümlaut 🚀,%0D%0Athen\tsay why \uFFFD\uFFFD[31mred',
    );
    // Only the data part may hold ':' and ',' unescaped.
    assert.ok(lines.filter(Boolean).every((line) => /^::(error|warning|notice) [^:]*::/.test(line)));
  });

  it('reports a file problem as an error on the file (the config file for config problems)', () => {
    assert.ok(github().includes('::error file=docs/binary.md,title=backlog-lint::File looks binary; skipped.\n'));
    assert.equal(
      github([configProblemResult()]),
      '::error file=.backlog-lint.json,title=backlog-lint::Unknown rule "nope". (.backlog-lint.json: rules.nope)\n',
    );
  });
});
