/**
 * "Disable <rule> for this file" (core/fixes.ts disableFileFix): the rule goes silent in the file, and
 * every other finding stays as it was, two lines lower, so the comment does not change how the
 * document is read (front matter intact, the title still the first heading).
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/config/defaults';
import { lintText } from '../helpers/lint';
import { applyFixes, disableFileFix } from '../../src/core/fixes';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(full) : e.name.endsWith('.md') && e.name !== 'README.md' ? [full] : [];
  });
}

const lint = (text: string, filePath: string) => lintText(text, { filePath, config: defaultConfig() });
const rows = (text: string, filePath: string) =>
  // Messages may point at another line ("repeats the one at line 18"): that moves too.
  lint(text, filePath).findings.map(
    (f) => `${f.ruleId}@${f.line}:${f.column} ${f.message.replace(/\bline \d+/g, 'line N')}`,
  );

describe('disable for this file', () => {
  it('silences exactly the rule in each example with findings, and nothing else moves but by its two lines', () => {
    let checked = 0;
    for (const file of markdownFiles(EXAMPLES)) {
      const text = fs.readFileSync(file, 'utf8');
      const ruleIds = [...new Set(lint(text, file).findings.map((f) => f.ruleId))];
      for (const ruleId of ruleIds) {
        const fixed = applyFixes(text, [disableFileFix(text, ruleId)]).text;
        const hasFrontMatter = /^---\r?\n/.test(text);
        const want = rows(text, file).filter((r) => !r.startsWith(`${ruleId}@`));
        const got = rows(fixed, file).map((r) => r.replace(/@(\d+)/, (_, l: string) => `@${Number(l) - 2}`));
        assert.deepStrictEqual(got, want, `${path.basename(file)} with ${ruleId} disabled`);
        if (hasFrontMatter) assert.ok(fixed.startsWith('---'), 'the front matter stays first');
        checked++;
      }
    }
    assert.ok(checked >= 3, `examples with findings: ${checked}`);
  });

  it('adds the rule to a disable-file comment that lists rules, and keeps CRLF', () => {
    const text = '# Doc\r\n\r\n<!-- backlog-lint-disable-file prd-metrics -->\r\n';
    const fixed = applyFixes(text, [disableFileFix(text, 'prd-problem')]).text;
    assert.strictEqual(fixed, '# Doc\r\n\r\n<!-- backlog-lint-disable-file prd-metrics prd-problem -->\r\n');
    const fresh = applyFixes('---\r\ntype: prd\r\n---\r\n# PRD\r\n', [
      disableFileFix('---\r\ntype: prd\r\n---\r\n# PRD\r\n', 'x'),
    ]).text;
    assert.strictEqual(fresh, '---\r\ntype: prd\r\n---\r\n<!-- backlog-lint-disable-file x -->\r\n\r\n# PRD\r\n');
  });
});
