/** The README's generated parts are current, and the project's own prose gets no findings (it is no artifact). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { lintText } from '../helpers/lint';
import { rulesMarkdownTable } from '../../src/docs/rules-table';
import { testConfig } from '../helpers/config';
import { REPO_ROOT } from '../helpers/rule-suite';

describe('project docs', () => {
  it('README rule table matches the rules (regenerate with: npm run readme)', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const table = /<!-- rules:start[^>]*-->\n([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1];
    assert.equal(table, rulesMarkdownTable(allRules));
  });

  for (const file of ['README.md', 'examples/README.md', 'CHANGELOG.md']) {
    it(`${file} gets no findings`, function () {
      const full = path.join(REPO_ROOT, file);
      if (!fs.existsSync(full)) this.skip();
      const result = lintText(fs.readFileSync(full, 'utf8'), { filePath: full, config: testConfig() });
      assert.equal(result.artifact, null);
      assert.deepEqual(result.findings, []);
    });
  }
});
