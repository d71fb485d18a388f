/**
 * What the editor's fixes are made of, without VS Code: "fix all" as edits of the changed lines only
 * (src/core/line-diff.ts), template placeholders as snippet tab stops (src/extension/snippet-text.ts),
 * and "disable for this line" on a table row (src/core/fixes.ts), checked against the suppression parser.
 */
import * as assert from 'node:assert';
import { defaultConfig } from '../../src/config/defaults';
import { fixAll, lintText } from '../helpers/lint';
import { disableNextLineFix, applyFixes } from '../../src/core/fixes';
import { lineEdits } from '../../src/core/line-diff';
import type { TextEdit } from '../../src/core/types';
import { snippetsOf } from '../../src/extension/snippet-text';

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0]))
    out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  return out;
}

/** A deterministic pseudo-random sequence, so a failure replays. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('editor edits', () => {
  describe('line edits (fix all)', () => {
    it('touch only the changed lines of a backlog that fix-all changed in many places', () => {
      const stories = Array.from(
        { length: 60 },
        (_, i) =>
          `## S-${i}: Export report ${i}\n\nAs an accountant, I want to export report ${i}${i % 3 ? ', so that I can file taxes' : ''}.\n`,
      );
      const before = `# Finance backlog\n\n${stories.join('\n')}`;
      const after = fixAll(before, { filePath: 'backlog.md', config: defaultConfig() }).text;
      assert.notStrictEqual(after, before);
      const edits = lineEdits(before, after);
      assert.strictEqual(apply(before, edits), after);
      assert.ok(edits.length > 10, `one edit per fixed place, got ${edits.length}`);
      // The first story's heading is before every fix: an edit spanning the file would cover it.
      const heading = before.indexOf('## S-1:');
      assert.ok(edits.every((e) => e.range[1] <= heading || e.range[0] > heading));
      for (let k = 1; k < edits.length; k++)
        assert.ok((edits[k - 1] as TextEdit).range[1] <= (edits[k] as TextEdit).range[0], 'in order, not overlapping');
    });

    it('give the new text on random line edits, with CRLF, lone CR and no final line break', () => {
      const next = random(42);
      const pool = ['', 'As a user, I want x.', '- Given a, when b, then c', '## Heading', '| a | b |', '   ', 'text'];
      for (let round = 0; round < 300; round++) {
        const eol = ['\n', '\r\n', '\r'][round % 3] as string;
        const lines = Array.from(
          { length: Math.floor(next() * 40) },
          () => pool[Math.floor(next() * pool.length)] as string,
        );
        const changed = [...lines];
        for (let n = Math.floor(next() * 6); n > 0; n--) {
          const at = Math.floor(next() * (changed.length + 1));
          if (next() < 0.5) changed.splice(at, 0, pool[Math.floor(next() * pool.length)] as string);
          else changed.splice(at, 1);
        }
        const final = next() < 0.5 ? eol : '';
        const a = lines.join(eol) + final;
        const b = changed.join(eol) + (next() < 0.8 ? final : '');
        assert.strictEqual(apply(a, lineEdits(a, b)), b, JSON.stringify({ a, b }));
      }
    });

    it('are none for equal texts', () => {
      assert.deepStrictEqual(lineEdits('a\nb\n', 'a\nb\n'), []);
    });
  });

  describe('snippet text (quick-fix tab stops)', () => {
    it('numbers the placeholders across the edits of one fix, in order', () => {
      assert.deepStrictEqual(snippetsOf(['As a <role>, I want <capability>', ', so that <benefit>']), [
        'As a ${1:<role>}, I want ${2:<capability>}',
        ', so that ${3:<benefit>}',
      ]);
    });

    it('escapes snippet syntax in the text and keeps placeholders with punctuation whole', () => {
      assert.deepStrictEqual(snippetsOf(['Cost: $5 {per} seat \\ <Who has the problem, what it is (today).>']), [
        'Cost: \\$5 {per\\} seat \\\\ ${1:<Who has the problem, what it is (today).>}',
      ]);
    });

    it('leaves text without placeholders, and generic types or HTML-like text after a word, to plain edits', () => {
      assert.strictEqual(snippetsOf([' <!-- backlog-lint-disable-line story-benefit -->']), undefined);
      assert.strictEqual(snippetsOf(['returns List<string> of ids']), undefined);
    });
  });

  describe('disable for this line on a table row', () => {
    const roadmap =
      '# Product roadmap\n\n| Item | Horizon | Why |\n| --- | --- | --- |\n' +
      '| Faster checkout for returning shoppers | Now | |\n| Bulk export of invoices | Next | Customers asked for monthly closing |\n';
    const config = defaultConfig();

    for (const [name, text] of [
      ['closing pipe', roadmap],
      ['no closing pipe', roadmap.replace('| Now | |', '| Now')],
      ['CRLF', roadmap.replace(/\n/g, '\r\n')],
    ] as const) {
      it(`puts the comment at the end of the row, inside its last cell (${name}), and silences the finding`, () => {
        const before = lintText(text, { filePath: 'roadmap.md', config });
        const finding = before.findings.find((f) => f.ruleId === 'roadmap-item-why');
        assert.ok(finding, JSON.stringify(before.findings.map((f) => f.ruleId)));
        const fixed = applyFixes(text, [disableNextLineFix(text, finding)]).text;
        const row = fixed.split(/\r?\n/)[finding.line - 1] as string;
        assert.match(
          row,
          /^\| Faster checkout for returning shoppers \| Now(?: \|)? <!-- backlog-lint-disable-line roadmap-item-why -->(?: \|)?$/,
        );
        // As many cells as the header: no extra cell after the closing pipe.
        assert.strictEqual(
          row.replace(/<!--.*?-->/, '').split('|').length,
          text.split(/\r?\n/)[finding.line - 1]?.split('|').length,
        );
        const after = lintText(fixed, { filePath: 'roadmap.md', config });
        assert.ok(!after.findings.some((f) => f.ruleId === 'roadmap-item-why' && f.line === finding.line));
        assert.strictEqual(after.findings.length, before.findings.length - 1);
      });
    }
  });
});
