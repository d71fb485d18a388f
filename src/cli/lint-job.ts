/**
 * Linting one file's text, as a self-contained job: the same function runs in the CLI's thread and in
 * worker threads, and what it returns is small and cloneable (no tree), so it can cross threads and go
 * into the cache. The prefilter reports ordinary Markdown clean without parsing it.
 */
import type { Directives } from '../core/cross-file';
import { lintDocument } from '../core/engine';
import { fixAll } from '../core/fix-all';
import { TooComplexError } from '../core/limits';
import { runWithin, TimeBudgetError } from '../core/time-budget';
import { cannotBeArtifact } from '../core/prefilter';
import type { CrossFileItem } from '../core/rule';
import type { EffectiveConfig, LintResult } from '../core/types';
import { rulesFor } from '../rule-set';

export interface LintJob {
  /** BOM-less text. */
  text: string;
  filePath: string;
  config: EffectiveConfig;
  fix: boolean;
  /** What is left of the file's time budget in ms when the job starts (0 or absent: none). */
  budgetMs?: number;
}

export interface LintJobOutput {
  result: LintResult;
  /** The fixed text, when --fix changed it. */
  fixed?: string;
  /** Per rule id, what the file contributes to checks across files. */
  crossFile: [string, CrossFileItem[]][];
  /** Its suppression comments, which cross-file findings in it obey. */
  directives: Directives;
}

/** The result of a file that was not linted, with what stopped it. */
export function problemOutput(filePath: string, message: string, line?: number): LintJobOutput {
  const problem = line === undefined ? { message } : { message, line };
  return { result: { filePath, artifact: null, findings: [], suppressed: [], problem }, crossFile: [], directives: [] };
}

export function runLintJob(job: LintJob): LintJobOutput {
  try {
    return lintJob(job);
  } catch (err) {
    if (!(err instanceof TooComplexError)) throw err;
    const hint = err.overBudget ? ` ${RAISE_BUDGET}` : '';
    return problemOutput(job.filePath, `${job.filePath}:${err.line}: ${err.message}, not linted${hint}`, err.line);
  }
}

const RAISE_BUDGET = '(raise the limit with --max-time-per-file)';

/** What a file that ran out of its time budget reports. */
export function overBudgetOutput(filePath: string, ms: number): LintJobOutput {
  return problemOutput(filePath, `${filePath}: ${new TimeBudgetError(ms).message}, not linted ${RAISE_BUDGET}`);
}

/** runLintJob on this thread, stopped after `ms` milliseconds (0: no limit); `budget` is the limit a report names. */
export function runLintJobWithin(job: LintJob, ms: number, budget = ms): LintJobOutput {
  try {
    return runWithin(() => runLintJob({ ...job, budgetMs: ms }), ms);
  } catch (err) {
    if (err instanceof TimeBudgetError) return overBudgetOutput(job.filePath, budget);
    throw err;
  }
}

function lintJob(job: LintJob): LintJobOutput {
  const { text, filePath, config, budgetMs } = job;
  if (cannotBeArtifact(text, filePath, config)) {
    return { result: { filePath, artifact: null, findings: [], suppressed: [] }, crossFile: [], directives: [] };
  }
  const rules = rulesFor(config);
  let fixed: string | undefined;
  let source = text;
  if (job.fix) {
    const out = fixAll(text, { filePath, config, rules, budgetMs });
    if (out.text !== text) fixed = out.text;
    source = out.text;
  }
  const lint = lintDocument(source, { filePath, config, rules, budgetMs });
  const output: LintJobOutput = { result: lint.result, crossFile: [...lint.crossFile], directives: lint.directives };
  if (fixed !== undefined) output.fixed = fixed;
  return output;
}
