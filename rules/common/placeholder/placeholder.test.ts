import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../test/helpers/lint';
import { testConfig } from '../../../test/helpers/config';
import { describeRule, REPO_ROOT } from '../../../test/helpers/rule-suite';
import rule from '.';

describeRule(rule);

/** The slots a fix template or a "Create from template" skeleton inserts: each must be reported until filled in. */
function templateFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : templateFiles(p);
    return /^template(?:\.[\w-]+)?\.md$/.test(e.name) ? [p] : [];
  });
}

describe("placeholder on the project's own templates", () => {
  const reported = (text: string, filePath: string): string[] =>
    lintText(text, { filePath, config: testConfig() })
      .findings.filter((f) => f.ruleId === rule.meta.id)
      .map((f) => text.slice(...f.range));
  const slots = (text: string): string[] => [...text.matchAll(/<[^<>\n]+>/g)].map((m) => m[0]);

  const files = templateFiles(path.join(REPO_ROOT, 'rules'));
  it('finds the fix templates', () => assert.ok(files.length >= 10, `only ${files.length} template files`));
  for (const file of files) {
    it(`reports every slot of ${path.relative(REPO_ROOT, file)} once inserted`, () => {
      const template = fs.readFileSync(file, 'utf8');
      // Inserted where a fix puts it: after a story statement, or as a section of a PRD.
      const text = `---\ntype: prd\n---\n\n# Offline notes\n\nAs a writer, I want to keep notes offline, ${template}\n`;
      const expected = slots(template);
      assert.ok(expected.length > 0, 'the template has no <slot>');
      assert.deepEqual(
        reported(text, 'notes.md').filter((t) => t.startsWith('<')),
        expected,
      );
    });
  }

  it('reports every slot of the "Create from template" skeletons', () => {
    // The skeletons are snippets (`${1:\\\\<role>}`, a snippet's escaped backslash) in the extension, which unit
    // tests cannot load: read the source. Each slot is inserted as `\<role>`, which the preview shows as `<role>`.
    const source = fs.readFileSync(path.join(REPO_ROOT, 'src/extension/templates.ts'), 'utf8');
    const expected = [...source.matchAll(/\$\{\d+:\\\\\\\\(<[^<>\n]+>)\}/g)].map((m) => m[1] as string);
    assert.ok(expected.length > 5);
    const text = `---\ntype: prd\n---\n\n# Skeleton\n\n${expected.map((s) => `- \\${s}`).join('\n')}\n`;
    assert.deepEqual(reported(text, 'skeleton.md'), expected);
  });

  it("reports a story's slots once, as placeholders, written bare or escaped", () => {
    for (const slot of ['<role>', '\\<role>']) {
      const text = `# Backlog\n\n- As a ${slot}, I want to export my notes, so that I can share them.\n- As a writer, I want to keep notes offline, so that I can write on a plane.\n`;
      const findings = lintText(text, { filePath: 'backlog.md', config: testConfig() }).findings.filter(
        (f) => ['placeholder', 'story-format'].includes(f.ruleId) && f.line === 3,
      );
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        ['placeholder'],
        slot,
      );
    }
  });
});
