/**
 * Rule packs as data: loading through `packs` and `extends`, running each rule kind, and refusing hostile
 * packs (huge lists, patterns that would backtrack, deep nesting, paths out of the config's tree) with
 * an error that names the file and the key.
 */
import * as assert from 'node:assert/strict';
import { createConfigLoader, memoryFileSystem } from '../../src/config';
import { applyFixes } from '../../src/core/fixes';
import { builtinRules, rulesFor } from '../../src/rule-set';
import { lintText } from '../helpers/lint';

const STORY_PACK = `
name: acme
role: po
rules:
  - id: story-estimate
    kind: require-field
    on: story
    field: Estimate
    value: { type: number }
    message: Add an "Estimate:" line.
    rationale: Sprints are planned from estimates.
  - id: no-asap
    kind: prefer-terms
    swap: { ASAP: by <date> }
    message: '"{term}" sets no deadline: write {preferred}.'
    rationale: A date can be planned against.
  - id: few-criteria
    kind: limit
    count: criteria-per-story
    max: 1
    message: Too many acceptance criteria; split the story.
    rationale: Small stories flow.
  - id: no-tbd
    kind: forbid-terms
    terms: [TBD, to be decided]
    scope: [criteria]
    message: '"{term}" in a criterion: decide it before the sprint.'
    rationale: A criterion nobody decided cannot be tested.
`;

const BACKLOG = `# Backlog

## US-1 Export invoices

As a finance clerk, I want to export invoices so that I can reconcile them ASAP.

Estimate: 3

**Acceptance criteria**
- Given an invoice list, when I click Export, then a CSV downloads.

## US-2 Import payments

As a finance clerk, I want to import bank payments so that invoices are matched automatically.

Estimate: lots

**Acceptance criteria**
- Given a bank file, when I upload it, then payments are matched.
- Given a broken file, then the error is TBD.
`;

async function configFor(files: Record<string, string>, file = '/w/docs/backlog.md') {
  return createConfigLoader({ fs: memoryFileSystem(files), rules: builtinRules }).forFile(file);
}

async function loadError(files: Record<string, string>): Promise<string> {
  try {
    await configFor(files);
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail('the config loaded');
}

const ids = (findings: { ruleId: string; line: number }[]) =>
  findings.filter((f) => f.ruleId.startsWith('acme/')).map((f) => `${f.ruleId}@${f.line}`);

describe('rule packs', () => {
  it('loads a pack named by `packs` and runs each rule kind on the document model', async () => {
    const config = await configFor({
      '/w/.backlog-lint.yaml': 'packs: [./.backlog-lint/dor.yaml]\nrules:\n  acme/no-asap: error',
      '/w/.backlog-lint/dor.yaml': STORY_PACK,
    });
    const result = lintText(BACKLOG, { filePath: '/w/docs/backlog.md', config });
    assert.deepEqual(ids(result.findings), [
      'acme/no-asap@5',
      'acme/story-estimate@12',
      'acme/few-criteria@18',
      'acme/no-tbd@20',
    ]);
    assert.equal(result.findings.find((f) => f.ruleId === 'acme/no-asap')?.severity, 'error');
    assert.match(result.findings.find((f) => f.ruleId === 'acme/story-estimate')?.message ?? '', /"lots".*number/);
    const fixed = applyFixes(
      BACKLOG,
      result.findings.flatMap((f) => (f.ruleId === 'acme/no-asap' && f.fix ? [f.fix] : [])),
    ).text;
    assert.match(fixed, /reconcile them by <date>\./);
  });

  it('cascades: a nearer config turns a pack rule off, an override by glob too', async () => {
    const files = {
      '/w/.backlog-lint.yaml':
        'packs: [./dor.yaml]\noverrides:\n  - files: "docs/**"\n    rules: { acme/few-criteria: off }',
      '/w/dor.yaml': STORY_PACK,
      '/w/docs/.backlog-lint.json': '{ "rules": { "acme/no-tbd": "off" } }',
    };
    const config = await configFor(files);
    assert.deepEqual(ids(lintText(BACKLOG, { filePath: '/w/docs/backlog.md', config }).findings), [
      'acme/no-asap@5',
      'acme/story-estimate@12',
    ]);
  });

  it('reads a shared config from node_modules as data (extends), with its packs inside the package', async () => {
    const config = await configFor({
      '/w/.backlog-lint.json': '{ "extends": ["@acme/backlog-lint-config"] }',
      '/w/node_modules/@acme/backlog-lint-config/package.json':
        '{ "name": "@acme/backlog-lint-config", "main": "index.js", "backlog-lint": "config.yaml" }',
      '/w/node_modules/@acme/backlog-lint-config/index.js': 'throw new Error("never run")',
      '/w/node_modules/@acme/backlog-lint-config/config.yaml':
        'packs: [./dor.yaml]\nrules: { acme/story-estimate: error }',
      '/w/node_modules/@acme/backlog-lint-config/dor.yaml': STORY_PACK,
    });
    const found = lintText(BACKLOG, { filePath: '/w/docs/backlog.md', config }).findings;
    assert.equal(found.find((f) => f.ruleId === 'acme/story-estimate')?.severity, 'error');
  });

  it('refuses a package config that is code, and names unknown presets', async () => {
    const js = await loadError({
      '/w/.backlog-lint.json': '{ "extends": "shared" }',
      '/w/node_modules/shared/package.json': '{ "backlog-lint": "index.js" }',
      '/w/node_modules/shared/index.js': 'module.exports = {}',
    });
    assert.match(js, /^\/w\/\.backlog-lint\.json: extends: .*only a \.json, \.yaml or \.yml/);
    assert.match(
      await loadError({ '/w/.backlog-lint.json': '{ "extends": ["backlog-lint:strcit"] }' }),
      /extends\[0\]: unknown preset 'backlog-lint:strcit'/,
    );
  });

  it('built-in presets: strict makes every rule an error', async () => {
    const config = await configFor({ '/w/.backlog-lint.json': '{ "extends": "backlog-lint:strict" }' });
    assert.ok(builtinRules.every((r) => config.rules[r.meta.id]?.severity === 'error'));
    const ready = await configFor({ '/w/.backlog-lint.json': '{ "extends": "backlog-lint:definition-of-ready" }' });
    assert.equal(ready.rules['story-acceptance-criteria']?.severity, 'error');
  });

  describe('hostile packs are refused or bounded, naming the file and key', () => {
    const withPack = (pack: string) => ({ '/w/.backlog-lint.yaml': 'packs: [p.yaml]', '/w/p.yaml': pack });
    const rule = (extra: string) =>
      `name: x\nrole: po\nrules:\n  - id: r\n    message: Say what is wrong.\n    rationale: Say why it matters.\n${extra}`;

    it('a pattern with a backreference (no linear-time match exists)', async () => {
      const msg = await loadError(withPack(rule('    kind: forbid-terms\n    terms: [a]\n    patterns: ["(a)\\\\1"]')));
      assert.match(msg, /^\/w\/p\.yaml: rules\[0\]\.patterns\[0\]: not a pattern backlog-lint can run in linear time/);
    });

    it('a catastrophic-backtracking pattern runs in linear time on RE2', async () => {
      const config = await configFor(
        withPack(rule('    kind: forbid-terms\n    terms: [zzz]\n    patterns: ["(a+)+$"]\n    scope: [document]')),
      );
      const text = `# Story\n\nAs a user, I want ${'a'.repeat(20000)}b so that it ends.\n`;
      const findings = lintText(text, { filePath: '/w/x.story.md', config }).findings.filter((f) => f.ruleId === 'x/r');
      assert.equal(findings.length, 0);
    });

    it('a huge word list', async () => {
      const terms = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(', ');
      assert.match(
        await loadError(withPack(rule(`    kind: forbid-terms\n    terms: [${terms}]`))),
        /^\/w\/p\.yaml: rules\[0\]\.terms: /,
      );
    });

    it('deep nesting and unknown keys', async () => {
      const deep = `${'['.repeat(500)}${']'.repeat(500)}`;
      assert.match(
        await loadError(withPack(rule(`    kind: forbid-terms\n    terms: ${deep}`))),
        /^\/w\/p\.yaml: rules\[0\]\.terms/,
      );
      assert.match(
        await loadError(withPack(rule('    kind: forbid-terms\n    terms: [a]\n    sevrity: error'))),
        /^\/w\/p\.yaml: rules\[0\]/,
      );
    });

    it('a pack outside the config folder tree, or too large', async () => {
      const out = await loadError({
        '/w/.backlog-lint.yaml': 'packs: [../p.yaml]',
        '/p.yaml': rule('    kind: forbid-terms\n    terms: [a]'),
      });
      assert.match(out, /^\/w\/\.backlog-lint\.yaml: packs\[0\]: a pack must be inside the folder of this config file/);
      const big = await loadError(
        withPack(rule(`    kind: forbid-terms\n    terms: [a]\n    description: ${'x'.repeat(300 * 1024)}`)),
      );
      assert.match(big, /\/w\/p\.yaml.*(larger than|at most)/);
    });
  });

  it('compiles a set of packs once, also for a clone of the config (worker threads)', async () => {
    const config = await configFor({ '/w/.backlog-lint.yaml': 'packs: [./dor.yaml]', '/w/dor.yaml': STORY_PACK });
    assert.equal(rulesFor(config), rulesFor(structuredClone(config)));
    assert.equal(rulesFor(config).length, builtinRules.length + 4);
  });
});
