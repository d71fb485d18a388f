/** The linter exactly as it ships: the engine, every built-in rule, the default config (no config files). */
import { defaultConfig } from '../../src/config/defaults';
import { lintText } from '../../src/core/engine';
import { builtinRules } from '../../src/rule-set';
import type { LintResult } from '../../src/core/types';

export function lint(text: string, filePath: string): LintResult {
  return lintText(text, { filePath, config: defaultConfig(), rules: builtinRules });
}

/** Findings per rule id. */
export function countByRule(results: readonly LintResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) for (const f of r.findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}
