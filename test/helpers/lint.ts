/**
 * The engine's entry points with the rule set a real run assembles for the config (src/rule-set.ts), so
 * tests lint exactly as the CLI and the editor do unless they pass their own `rules`.
 */
import * as engine from '../../src/core/engine';
import * as fixes from '../../src/core/fix-all';
import type { LintResult } from '../../src/core/types';
import { rulesFor } from '../../src/rule-set';

export type TestLintOptions = Omit<engine.LintOptions, 'rules'> & Partial<Pick<engine.LintOptions, 'rules'>>;

const withRules = (options: TestLintOptions): engine.LintOptions => ({
  ...options,
  rules: options.rules ?? rulesFor(options.config),
});

export function lintText(text: string, options: TestLintOptions): LintResult {
  return engine.lintText(text, withRules(options));
}

export function lintDocument(text: string, options: TestLintOptions): engine.DocumentLint {
  return engine.lintDocument(text, withRules(options));
}

export function fixAll(text: string, options: TestLintOptions): fixes.FixAllResult {
  return fixes.fixAll(text, withRules(options));
}
export { CrossFileRun } from '../../src/core/cross-file';
