/**
 * The core work the editor asks for, kept apart from `vscode` so it can run in a worker thread
 * (lintWorker.ts) or, where threads are not available, in the extension host itself (lintClient.ts).
 * Each open document keeps its incremental parser, so a keystroke re-parses only what it touched.
 * Config resolution for `file:` workspaces runs here too (discovery, parsing, glob matching), so a
 * hostile config costs the worker's time budget, never the extension host's thread.
 */
import { builtinRules as allRules, rulesFor } from '../rule-set';
import { ConfigError, createConfigLoader, nodeFileSystem, type ConfigLoader, type FileConfig } from '../config';
import type { Directives } from '../core/cross-file';
import { lintDocument } from '../core/engine';
import { fixAll } from '../core/fix-all';
import { IncrementalParser } from '../core/incremental-parse';
import { LintReuse } from '../core/incremental-lint';
import { TooComplexError } from '../core/limits';
import type { CrossFileItem } from '../core/rule';
import type { EffectiveConfig, LintResult } from '../core/types';
import { configErrorData, type ConfigErrorData, type LoaderSpec } from './configRequest';

export type SessionRequest =
  | { op: 'lint'; key?: string; text: string; filePath: string; config: EffectiveConfig; crossFile: boolean }
  | { op: 'fixAll'; text: string; filePath: string; config: EffectiveConfig }
  | { op: 'forget'; key: string }
  /** `loader`: identifies the options, so each set keeps its own cache of parsed config files. */
  | { op: 'config'; loader: string; spec: LoaderSpec; filePath: string }
  | { op: 'clearConfigs' };

export interface LintOutput {
  result: LintResult;
  /** Per rule id, what the file contributes to checks across files (workspace lint). */
  crossFile: [string, CrossFileItem[]][];
  directives: Directives;
}

export type ConfigReply = { config: FileConfig } | { configError: ConfigErrorData };

export type SessionReply = LintOutput | { text: string } | ConfigReply | null;

/** The output for a document that was not linted, with what stopped it (shown on its line, or the first). */
export function problemOutput(filePath: string, message: string, line?: number): LintOutput {
  const problem = line === undefined ? { message } : { message, line };
  return { result: { filePath, artifact: null, findings: [], suppressed: [], problem }, crossFile: [], directives: [] };
}

/** Parsers (and lint reuse) of the documents linted most recently; an older one is dropped, and rebuilt by a full parse. */
const KEPT_PARSERS = 16;

/** A document's parse and lint across its edits: what a keystroke can reuse. */
interface DocumentState {
  parser: IncrementalParser;
  reuse: LintReuse;
}

/** Config loaders kept at most (one per folder and settings); past it they start over. */
const MAX_LOADERS = 64;

export class LintSession {
  private readonly parsers = new Map<string, DocumentState>();
  private readonly loaders = new Map<string, ConfigLoader>();

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
      case 'fixAll':
        // The CLI's --fix loop, so "fix all" here and `backlog-lint --fix` give the same text.
        return { text: fixAll(request.text, { filePath: request.filePath, config: request.config, rules: rulesFor(request.config) }).text };
      case 'forget':
        this.parsers.delete(request.key);
        return null;
    }
  }

  private lint({ key, text, filePath, config, crossFile }: Extract<SessionRequest, { op: 'lint' }>): LintOutput {
    try {
      const state = key === undefined ? undefined : this.stateFor(key);
      const lint = lintDocument(text, { filePath, config, rules: rulesFor(config), crossFile, parser: state?.parser, reuse: state?.reuse });
      return { result: lint.result, crossFile: [...lint.crossFile], directives: lint.directives };
    } catch (err) {
      if (!(err instanceof TooComplexError)) throw err;
      return problemOutput(filePath, `${err.message}, not linted`, err.line);
    }
  }

  /** Files are read with the CLI's node host: regular files only, size-capped, never blocking on a FIFO. */
  private async config({ loader: key, spec, filePath }: Extract<SessionRequest, { op: 'config' }>): Promise<ConfigReply> {
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
    this.parsers.set(key, state);   // most recent last
    if (this.parsers.size > KEPT_PARSERS) this.parsers.delete(this.parsers.keys().next().value as string);
    return state;
  }
}
