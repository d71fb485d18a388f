/**
 * The one per-file job (src/core/lint-job.ts): how many lints a fix costs, rule options parsed once per
 * config, and the front matter's YAML read once per lint.
 */
import * as assert from 'node:assert/strict';
import { Composer } from 'yaml';
import { z } from 'zod';
import { defaultConfig } from '../../src/config';
import { runLintJob } from '../../src/core/lint-job';
import { defineRule } from '../../src/core/rule';
import { rulesFor } from '../../src/rule-set';

const DOCS = 'Example.\n\n```md\nbad\n```\n\n```md\ngood\n```\n';
const REPORTING = { namesFile: true, raiseBudget: '--max-time-per-file' };

describe('lint job', () => {
  let checks = 0;
  let parses = 0;
  const options = z.preprocess(
    (v) => {
      parses++;
      return v;
    },
    z.strictObject({ word: z.string().default('ASAP') }),
  );
  const rule = defineRule<{ word: string }>({
    meta: {
      id: 'no-asap',
      role: 'common',
      artifacts: ['story'],
      severity: 'warning',
      description: 'Flags ASAP in a story.',
      rationale: 'Because tests need a rule.',
      fixable: true,
    },
    docs: DOCS,
    options,
    check(ctx) {
      checks++;
      const at = ctx.doc.text.indexOf(ctx.options.word);
      if (at < 0) return;
      const span = { start: at, end: at + ctx.options.word.length };
      ctx.report({
        artifact: 'story',
        span,
        message: 'Say when.',
        fix: { title: 'soon', edits: [{ range: [span.start, span.end], text: 'soon' }] },
      });
    },
  });
  const text = 'As a user I want to export reports ASAP so that I can share them\n';

  it('lints twice for one fix pass (the fixed text is not linted a third time)', () => {
    checks = 0;
    const out = runLintJob({ text, filePath: 'x.story.md', config: defaultConfig(), fix: true, reporting: REPORTING }, [
      rule,
    ]);
    assert.equal(out.fixed, text.replace('ASAP', 'soon'));
    assert.deepEqual(out.result.findings, []);
    assert.equal(checks, 2);
  });

  it('lints once when nothing is fixable', () => {
    checks = 0;
    const out = runLintJob(
      {
        text: text.replace('ASAP', 'soon'),
        filePath: 'x.story.md',
        config: defaultConfig(),
        fix: true,
        reporting: REPORTING,
      },
      [rule],
    );
    assert.equal(out.fixed, undefined);
    assert.equal(checks, 1);
  });

  it('parses rule options once per resolved config', () => {
    const config = defaultConfig();
    parses = 0;
    for (let i = 0; i < 3; i++)
      runLintJob({ text, filePath: 'x.story.md', config, fix: false, reporting: REPORTING }, [rule]);
    assert.equal(parses, 1);
    runLintJob({ text, filePath: 'x.story.md', config: defaultConfig(), fix: false, reporting: REPORTING }, [rule]);
    assert.equal(parses, 2);
  });

  describe('front matter', () => {
    // Every YAML parse (parseDocument, parse, parseAllDocuments) composes its tokens once with a Composer.
    const compose = Composer.prototype.compose;
    let yamlParses = 0;
    before(() => {
      Composer.prototype.compose = function (...args) {
        yamlParses++;
        return compose.apply(this, args);
      };
    });
    after(() => {
      Composer.prototype.compose = compose;
    });

    // A misspelt type and role: the front-matter rule reports both, where they are written, with fixes.
    const story =
      '---\ntitle: Export\ntype: storyy\nrole: [po, pmm]\n---\n\nAs a user I want to export reports so that I can share them\n';

    it('reads the YAML once per lint, for every rule', () => {
      const config = defaultConfig();
      yamlParses = 0;
      const out = runLintJob(
        { text: story, filePath: 'export.md', config, fix: false, reporting: REPORTING },
        rulesFor(config),
      );
      assert.deepEqual(
        out.result.findings.filter((f) => f.ruleId === 'front-matter').map((f) => story.slice(...f.range)),
        ['type: storyy', 'role: [po, pmm]'],
      );
      assert.equal(yamlParses, 1);
    });

    it('reads it once per lint of a fix pass too (two lints)', () => {
      const config = defaultConfig();
      yamlParses = 0;
      const out = runLintJob(
        { text: story, filePath: 'export.md', config, fix: true, reporting: REPORTING },
        rulesFor(config),
      );
      assert.match(out.fixed ?? '', /^type: story$/m);
      assert.equal(yamlParses, 2);
    });
  });
});
