/**
 * The core work the editor asks for, kept apart from `vscode` so it can run in a worker thread
 * (lint-worker.ts) or, where threads are not available, in the extension host itself (lint-client.ts).
 * Each open document keeps its incremental parser, so a keystroke re-parses only what it touched.
 * Config resolution for `file:` workspaces runs here too (discovery, parsing, glob matching), so a
 * hostile config costs the worker's time budget, never the extension host's thread.
 */
import { builtinRules as allRules, rulesFor } from '../rule-set';
import { ConfigError, createConfigLoader, nodeFileSystem, type ConfigLoader, type FileConfig } from '../config';
import { IncrementalParser } from '../core/incremental-parse';
import { LintReuse } from '../core/incremental-lint';
import { runLintJob, type DocumentState, type JobReporting, type LintJob, type LintJobOutput } from '../core/lint-job';
import type { EffectiveConfig } from '../core/types';
import { defaultConfig } from '../config/defaults';
import { configErrorData, type ConfigErrorData, type LoaderSpec } from './config-request';
import { warmUp } from './warm-up';

export type SessionRequest =
  /** `budgetMs`: the lint's time budget (0: none); text sure to need more is refused before its parse. */
  | {
      op: 'lint';
      key?: string;
      text: string;
      filePath: string;
      config: EffectiveConfig;
      crossFile: boolean;
      budgetMs: number;
    }
  | { op: 'fixAll'; text: string; filePath: string; config: EffectiveConfig }
  | { op: 'forget'; key: string }
  /** `loader`: identifies the options, so each set keeps its own cache of parsed config files. */
  | { op: 'config'; loader: string; spec: LoaderSpec; filePath: string }
  | { op: 'clearConfigs' }
  /** Lint small generated documents until the first real lint (warm-up.ts); in a worker only. */
  | { op: 'warmUp' };

export type ConfigReply = { config: FileConfig } | { configError: ConfigErrorData };

export type SessionReply = LintJobOutput | { text: string } | ConfigReply | null;

/** A document not linted is shown on its own line (or the first), so its message need not name it. */
export const EDITOR_REPORTING: JobReporting = {
  namesFile: false,
  raiseBudget: 'the backlogLint.maxTimePerFileMs setting',
};

/** Parsers (and lint reuse) of the documents linted most recently; an older one is dropped, and rebuilt by a full parse. */
const KEPT_PARSERS = 16;

/** Config loaders kept at most (one per folder and settings); past it they start over. */
const MAX_LOADERS = 64;

export class LintSession {
  private readonly parsers = new Map<string, DocumentState>();
  private readonly loaders = new Map<string, ConfigLoader>();
  /** A real lint has run (the warm-up stops). */
  private linted = false;

  /** Synchronous except for `config`, which reads files. */
  handle(request: SessionRequest): SessionReply | Promise<SessionReply> {
    switch (request.op) {
      case 'config':
        return this.config(request);
      case 'clearConfigs':
        this.loaders.clear();
        return null;
      case 'lint':
        return this.lint(request);
      case 'fixAll': {
        // The CLI's --fix job, so "fix all" here and `backlog-lint --fix` give the same text.
        const { text, filePath, config } = request;
        return { text: this.run({ text, filePath, config, fix: true }).fixed ?? text };
      }
      case 'forget':
        this.parsers.delete(request.key);
        return null;
      case 'warmUp': {
        const config = defaultConfig();
        const rules = rulesFor(config);
        return warmUp(
          (text) =>
            runLintJob({ text, filePath: 'warm-up.md', config, fix: false, reporting: EDITOR_REPORTING }, rules),
          () => this.linted,
        );
      }
    }
  }

  private lint({
    key,
    text,
    filePath,
    config,
    crossFile,
    budgetMs,
  }: Extract<SessionRequest, { op: 'lint' }>): LintJobOutput {
    return this.run(
      { text, filePath, config, crossFile, budgetMs, fix: false },
      key === undefined ? undefined : this.stateFor(key),
    );
  }

  private run(job: Omit<LintJob, 'reporting'>, state?: DocumentState): LintJobOutput {
    this.linted = true;
    return runLintJob({ ...job, reporting: EDITOR_REPORTING }, rulesFor(job.config), state);
  }

  /** Files are read with the CLI's node host: regular files only, size-capped, never blocking on a FIFO. */
  private async config({
    loader: key,
    spec,
    filePath,
  }: Extract<SessionRequest, { op: 'config' }>): Promise<ConfigReply> {
    let loader = this.loaders.get(key);
    if (!loader) {
      if (this.loaders.size >= MAX_LOADERS) this.loaders.clear();
      loader = createConfigLoader({ ...spec, fs: nodeFileSystem(), rules: allRules });
      this.loaders.set(key, loader);
    }
    try {
      return { config: await loader.forFile(filePath) };
    } catch (err) {
      if (err instanceof ConfigError) return { configError: configErrorData(err) };
      throw err;
    }
  }

  private stateFor(key: string): DocumentState {
    const state = this.parsers.get(key) ?? { parser: new IncrementalParser(), reuse: new LintReuse() };
    this.parsers.delete(key);
    this.parsers.set(key, state); // most recent last
    if (this.parsers.size > KEPT_PARSERS) this.parsers.delete(this.parsers.keys().next().value as string);
    return state;
  }
}
