/**
 * The CLI's side of the per-file job (src/core/lint-job.ts), for its thread and its worker threads alike:
 * the rules come from the file's config where the job runs (rules do not cross threads), and a file that
 * was not linted is named with its path and told how to raise --max-time-per-file.
 */
import {
  overBudgetOutput,
  runLintJob,
  runLintJobWithin,
  type JobReporting,
  type LintJob,
  type LintJobOutput,
} from '../core/lint-job';
import { rulesFor } from '../rule-set';

export type { LintJobOutput } from '../core/lint-job';
export { problemOutput } from '../core/lint-job';

const CLI_REPORTING: JobReporting = { namesFile: true, raiseBudget: '--max-time-per-file' };

/** A CLI job: a file's text (BOM-less, as read.ts decodes it), its config, and --fix. */
export type FileJob = Omit<LintJob, 'reporting' | 'crossFile'>;

export function lintFile(job: FileJob): LintJobOutput {
  return runLintJob({ ...job, reporting: CLI_REPORTING }, rulesFor(job.config));
}

/** lintFile on this thread, stopped after `ms` milliseconds (0: no limit); `budget` is the limit a report names. */
export function lintFileWithin(job: FileJob, ms: number, budget = ms): LintJobOutput {
  return runLintJobWithin({ ...job, reporting: CLI_REPORTING }, rulesFor(job.config), ms, budget);
}

/** What a file reports whose worker ran out of its time budget of `ms`. */
export function fileOverBudget(filePath: string, ms: number): LintJobOutput {
  return overBudgetOutput({ filePath, reporting: CLI_REPORTING }, ms);
}
