/**
 * The standard test suite of a rule, driven by the files beside it:
 * - `fixtures/pass*.md`: the rule reports nothing.
 * - `fixtures/fail*.md` with `fail*.expect.json` ({"findings": [{"line": 3, "column"?: 1, "message"?: "substring"}]}):
 *   the rule reports exactly those findings, in order.
 * - `fixtures/fail*.fixed.md`: applying the rule's fixes gives exactly that text, the re-lint no longer
 *   reports the fixed findings, and a second round of fixes changes nothing.
 * - The docs' "Failing example" block makes the rule report; its "Passing example" block does not.
 * - `meta.fixable` is true exactly when some failing fixture's finding carries a fix, and then a
 *   `fail*.fixed.md` shows it; the docs' header line is the one generated from meta.
 * - Every finding any of these produce has a one-line message of at most MAX_MESSAGE_LENGTH characters
 *   and a rationale, so no rule can grow its messages back into paragraphs.
 * A fixture's file name carries the kind suffix where detection by name is wanted (`pass.backlog.md`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from './lint';
import { applyFixes } from '../../src/core/fixes';
import type { Rule } from '../../src/core/rule';
import { ruleDocsHeader } from '../../src/docs/rule-header';
import { MAX_MESSAGE_LENGTH, type EffectiveConfig, type Finding } from '../../src/core/types';
import { testConfig } from './config';

export const REPO_ROOT = path.resolve(__dirname.split(`${path.sep}out${path.sep}`)[0] ?? process.cwd());

interface Expectation {
  line: number;
  column?: number;
  message?: string;
}

function exampleFileName(rule: Rule<any>): string {
  const kind = rule.meta.artifacts[0];
  if (kind === 'backlog') return 'backlog.md';
  if (kind === 'roadmap' || kind === 'roadmap-item') return 'roadmap.md';
  return `example.${kind}.md`;
}

/** Fenced examples under the docs' "Failing example" / "Passing example" headings. Info `file=NAME` sets the file name. */
export function docExamples(docs: string): {
  failing: { text: string; file?: string }[];
  passing: { text: string; file?: string }[];
} {
  const out = { failing: [] as { text: string; file?: string }[], passing: [] as { text: string; file?: string }[] };
  let current: 'failing' | 'passing' | null = null;
  const fence = /^(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  const headings = [...docs.matchAll(/^#{2,3}\s+(.+)$/gm)].map((m) => ({
    index: m.index ?? 0,
    title: (m[1] ?? '').toLowerCase(),
  }));
  for (const m of docs.matchAll(fence)) {
    const heading = headings.filter((h) => h.index < (m.index ?? 0)).pop();
    current = heading?.title.includes('failing') ? 'failing' : heading?.title.includes('passing') ? 'passing' : null;
    if (!current) continue;
    const file = /file=(\S+)/.exec(m[2] ?? '')?.[1];
    out[current].push({ text: m[3] ?? '', file });
  }
  return out;
}

/** The message is what Problems and the terminal show in one row; the reason belongs in the rationale. */
export function assertShortMessage(f: Finding): void {
  assert.ok(!/[\r\n]/.test(f.message), `${f.ruleId}: the message is one line: ${JSON.stringify(f.message)}`);
  assert.ok(
    f.message.length <= MAX_MESSAGE_LENGTH,
    `${f.ruleId}: message of ${f.message.length} characters (at most ${MAX_MESSAGE_LENGTH}): ${f.message}`,
  );
  assert.ok(f.rationale.length >= 10, `${f.ruleId}: a finding needs a rationale: ${JSON.stringify(f.rationale)}`);
}

function findingsOf(rule: Rule<any>, text: string, filePath: string, config: EffectiveConfig): Finding[] {
  const findings = lintText(text, { filePath, config }).findings.filter((f) => f.ruleId === rule.meta.id);
  findings.forEach(assertShortMessage);
  return findings;
}

export function describeRule(rule: Rule<any>, config: EffectiveConfig = testConfig()): void {
  const dir = path.join(REPO_ROOT, 'rules', rule.meta.role, rule.meta.id);
  const fixturesDir = path.join(dir, 'fixtures');
  const fixtures = fs.existsSync(fixturesDir)
    ? fs.readdirSync(fixturesDir).filter((f) => /\.md$/.test(f) && !f.includes('.fixed.'))
    : [];

  describe(`rule ${rule.meta.id}`, () => {
    it('has docs with a failing and a passing example', () => {
      const { failing, passing } = docExamples(rule.docs);
      assert.ok(failing.length > 0, 'docs need a "Failing example" fenced block');
      assert.ok(passing.length > 0, 'docs need a "Passing example" fenced block');
      for (const ex of failing) {
        assert.ok(
          findingsOf(rule, ex.text, ex.file ?? exampleFileName(rule), config).length > 0,
          `failing example reports nothing:\n${ex.text}`,
        );
      }
      for (const ex of passing) {
        assert.deepEqual(
          findingsOf(rule, ex.text, ex.file ?? exampleFileName(rule), config).map((f) => `${f.line}: ${f.message}`),
          [],
          `passing example:\n${ex.text}`,
        );
      }
    });

    it('has the docs header generated from its meta (npm run docs:rules)', () => {
      assert.ok(
        rule.docs.includes(`\n${ruleDocsHeader(rule.meta)}\n`),
        `docs header should read:\n${ruleDocsHeader(rule.meta)}`,
      );
    });

    it(`is ${rule.meta.fixable ? '' : 'not '}fixable, as its meta says`, () => {
      const failing = fixtures.filter((f) => f.startsWith('fail'));
      const fixes = failing.flatMap((name) =>
        findingsOf(
          rule,
          fs.readFileSync(path.join(fixturesDir, name), 'utf8'),
          path.join(fixturesDir, name),
          config,
        ).filter((f) => f.fix),
      );
      if (rule.meta.fixable) {
        assert.ok(fixes.length > 0, 'meta.fixable is true but no failing fixture gets a fix');
        assert.ok(
          failing.some((f) => fs.existsSync(path.join(fixturesDir, f.replace(/\.md$/, '.fixed.md')))),
          'a fixable rule needs a fail*.fixed.md fixture',
        );
      } else {
        assert.deepEqual(
          fixes.map((f) => `${f.line}: ${f.fix?.title}`),
          [],
          'meta.fixable is false but findings carry fixes',
        );
      }
    });

    it('has passing and failing fixtures', () => {
      assert.ok(
        fixtures.some((f) => f.startsWith('pass')),
        `${fixturesDir} needs a pass*.md fixture`,
      );
      assert.ok(
        fixtures.some((f) => f.startsWith('fail')),
        `${fixturesDir} needs a fail*.md fixture`,
      );
    });

    for (const name of fixtures) {
      const file = path.join(fixturesDir, name);
      if (name.startsWith('pass')) {
        it(`reports nothing on ${name}`, () => {
          const text = fs.readFileSync(file, 'utf8');
          assert.deepEqual(
            findingsOf(rule, text, file, config).map((f) => `${f.line}:${f.column} ${f.message}`),
            [],
          );
        });
      } else if (name.startsWith('fail')) {
        it(`reports the expected findings on ${name}`, () => {
          const text = fs.readFileSync(file, 'utf8');
          const expectFile = file.replace(/\.md$/, '.expect.json');
          assert.ok(fs.existsSync(expectFile), `missing ${path.basename(expectFile)}`);
          const expected = (JSON.parse(fs.readFileSync(expectFile, 'utf8')) as { findings: Expectation[] }).findings;
          const actual = findingsOf(rule, text, file, config);
          assert.deepEqual(
            actual.map((f) => f.line),
            expected.map((e) => e.line),
            `lines of ${rule.meta.id} findings; got:\n${actual.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n')}`,
          );
          expected.forEach((e, i) => {
            const f = actual[i] as Finding;
            if (e.column !== undefined) assert.equal(f.column, e.column, `column of finding ${i + 1}`);
            if (e.message !== undefined)
              assert.ok(f.message.includes(e.message), `message of finding ${i + 1}: ${f.message}`);
          });
        });
        const fixedFile = file.replace(/\.md$/, '.fixed.md');
        if (fs.existsSync(fixedFile)) {
          it(`fixes ${name} idempotently`, () => {
            const text = fs.readFileSync(file, 'utf8');
            const before = findingsOf(rule, text, file, config);
            const once = applyFixes(
              text,
              before.flatMap((f) => (f.fix ? [f.fix] : [])),
            ).text;
            assert.equal(once, fs.readFileSync(fixedFile, 'utf8'));
            const after = findingsOf(rule, once, file, config);
            assert.ok(after.length < before.length, 'the fix must remove findings');
            const twice = applyFixes(
              once,
              after.flatMap((f) => (f.fix ? [f.fix] : [])),
            ).text;
            assert.equal(twice, once, 'a second fix round must change nothing');
          });
        }
      }
    }
  });
}
