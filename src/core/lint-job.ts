/**
 * Linting one file's text as one job, the only one: the CLI runs it on its thread and in its worker
 * threads, the editor in its lint worker (or in the extension host). What it returns is small and
 * cloneable (no tree), so it can cross threads and go into the CLI's cache; the shells only say how a
 * file that was not linted is named to their users (JobReporting). The prefilter reports ordinary
 * Markdown clean without parsing it.
 */
import type { Directives } from './cross-file';
import { lintDocument, type DocumentLint } from './engine';
import { fixAll } from './fix-all';
import type { IncrementalParser } from './incremental-parse';
import type { LintReuse } from './incremental-lint';
import { TooComplexError } from './limits';
import { cannotBeArtifact } from './prefilter';
import type { CrossFileItem, Rule } from './rule';
import { runWithin, TimeBudgetError } from './time-budget';
import type { EffectiveConfig, LintResult } from './types';

/** How a shell words a file that was not linted: plain data, so a job carries it into a worker thread. */
export interface JobReporting {
  /** Start the message with the file's path (and line): the CLI lists many files, the editor shows one. */
  namesFile: boolean;
  /** Where the user raises the time budget, said when the budget stopped the lint. */
  raiseBudget: string;
}

export interface LintJob {
  /** The file's text; leading BOMs are stripped by the engine, and offsets refer to the text as given. */
  text: string;
  filePath: string;
  config: EffectiveConfig;
  /** Apply every fix (the CLI's --fix, the editor's "fix all"): the output carries the fixed text. */
  fix: boolean;
  /** What is left of the file's time budget in ms when the job starts (0 or absent: none). */
  budgetMs?: number;
  /** False when nothing will check across files (the editor linting one open document). */
  crossFile?: boolean;
  reporting: JobReporting;
}

/** What the editor keeps per open document between its lints, so a keystroke re-parses only what it touched. */
export interface DocumentState {
  parser: IncrementalParser;
  reuse: LintReuse;
}

export interface LintJobOutput {
  /** The findings of the file's final text; `problem` says why it was not linted (too complex, over budget). */
  result: LintResult;
  /** The fixed text, when fixing changed it. */
  fixed?: string;
  /** Per rule id, what the file contributes to checks across files. */
  crossFile: [string, CrossFileItem[]][];
  /** Its suppression comments, which cross-file findings in it obey. */
  directives: Directives;
}

/** The output of a file that was not linted, with what stopped it (on its line, when it has one). */
export function problemOutput(filePath: string, message: string, line?: number): LintJobOutput {
  const problem = line === undefined ? { message } : { message, line };
  return { result: { filePath, artifact: null, findings: [], suppressed: [], problem }, crossFile: [], directives: [] };
}

function notLinted(
  job: Pick<LintJob, 'filePath' | 'reporting'>,
  message: string,
  budget: boolean,
  line?: number,
): LintJobOutput {
  const where = job.reporting.namesFile ? `${job.filePath}${line === undefined ? '' : `:${line}`}: ` : '';
  const hint = budget ? ` (raise the limit with ${job.reporting.raiseBudget})` : '';
  return problemOutput(job.filePath, `${where}${message}, not linted${hint}`, line);
}

/** What a file that ran out of its time budget of `ms` reports (stopped on this thread, or its worker stopped). */
export function overBudgetOutput(job: Pick<LintJob, 'filePath' | 'reporting'>, ms: number): LintJobOutput {
  return notLinted(job, new TimeBudgetError(ms).message, true);
}

/**
 * Lints (and fixes) one file with `rules`; a text over the structural limits, or sure to need more than
 * its budget, is reported as not linted. `state`: the document's parser and reuse across edits, if any.
 */
export function runLintJob(job: LintJob, rules: readonly Rule<any>[], state?: DocumentState): LintJobOutput {
  try {
    return lintJob(job, rules, state);
  } catch (err) {
    if (!(err instanceof TooComplexError)) throw err;
    return notLinted(job, err.message, err.overBudget, err.line);
  }
}

/** runLintJob on this thread, stopped after `ms` milliseconds (0: no limit); `budget` is the limit a report names. */
export function runLintJobWithin(
  job: LintJob,
  rules: readonly Rule<any>[],
  ms: number,
  budget = ms,
  state?: DocumentState,
): LintJobOutput {
  try {
    return runWithin(() => runLintJob({ ...job, budgetMs: ms }, rules, state), ms);
  } catch (err) {
    if (err instanceof TimeBudgetError) return overBudgetOutput(job, budget);
    throw err;
  }
}

function lintJob(job: LintJob, rules: readonly Rule<any>[], state: DocumentState | undefined): LintJobOutput {
  const { text, filePath, config, budgetMs, crossFile } = job;
  if (cannotBeArtifact(text, filePath, config)) {
    return { result: { filePath, artifact: null, findings: [], suppressed: [] }, crossFile: [], directives: [] };
  }
  const options = { filePath, config, rules, budgetMs, crossFile };
  let lint: DocumentLint;
  let fixed: string | undefined;
  if (job.fix) {
    // fixAll's last lint is of the text it returns: that is the result, not a lint of its text again.
    const out = fixAll(text, options);
    if (out.text !== text) fixed = out.text;
    lint = out.lint;
  } else {
    lint = lintDocument(text, { ...options, parser: state?.parser, reuse: state?.reuse });
  }
  const output: LintJobOutput = { result: lint.result, crossFile: [...lint.crossFile], directives: lint.directives };
  if (fixed !== undefined) output.fixed = fixed;
  return output;
}
