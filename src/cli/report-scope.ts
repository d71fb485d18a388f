/**
 * What a run reports, once everything is linted: the baseline (baseline.ts) holds back known findings,
 * then `--changed` (changed.ts) keeps only changed files and lines. Kept apart from run.ts so the run
 * needs three calls: open before linting, narrow the results, finish after the report.
 */
import type { LintResult } from '../core/types';
import type { CliOptions } from './args';
import { BaselineError, BaselineRun } from './baseline';
import { findChanged, GitError, onlyChanged, type ChangedSet } from './changed';

/** A baseline or git problem that stops the run before it lints (exit 2). */
export class ScopeError extends Error {}

export class ReportScope {
  private constructor(
    readonly baseline: BaselineRun | undefined,
    readonly changed: ChangedSet | undefined,
  ) {}

  static async open(opts: CliOptions, cwd: string, env: NodeJS.ProcessEnv): Promise<ReportScope> {
    try {
      const baseline = await BaselineRun.open(
        { file: opts.baseline, mode: opts.baselineMode, off: opts.noBaseline },
        cwd,
        opts.maxFileSize,
      );
      const changed =
        opts.changed === undefined ? undefined : await findChanged(cwd, opts.changed, opts.changedLines, env);
      return new ReportScope(baseline, changed);
    } catch (err) {
      if (err instanceof BaselineError || err instanceof GitError) throw new ScopeError(err.message);
      throw err;
    }
  }

  /** Whether the report needs narrowing at all (else the run skips a pass over its results). */
  get active(): boolean {
    return this.baseline !== undefined || this.changed !== undefined;
  }

  /**
   * One file's result, called for every file in order: the baseline sees every file (so updating it needs
   * no second run), --changed after it. Undefined when --changed leaves the file out of the report.
   */
  async narrow(result: LintResult): Promise<LintResult | undefined> {
    const kept = this.baseline ? await this.baseline.filter(result) : result;
    return this.changed ? onlyChanged([kept], this.changed)[0] : kept;
  }

  /** Writes an updated baseline; returns what to print on standard error. */
  async finish(cwd: string): Promise<string> {
    if (!this.baseline) return '';
    try {
      await this.baseline.save();
    } catch (err) {
      throw new ScopeError(`cannot write ${this.baseline.file}: ${(err as Error).message}`);
    }
    return this.baseline.notice(cwd);
  }

  get heldBack(): number {
    return this.baseline?.heldBack ?? 0;
  }
}
