/**
 * Lints documents into the DiagnosticCollection. Edits are debounced; a lint whose document
 * changed (or was closed) while its config loaded is dropped, so fast typing never leaves stale
 * diagnostics. Keeps the last result per document for code actions and the status bar.
 */
import * as vscode from 'vscode';
import type { ConfigError, FileConfig } from '../config';
import type { CrossFileRun } from '../core/cross-file';
import type { Finding, LintResult } from '../core/types';
import type { ConfigService } from './configService';
import { LintClient } from './lintClient';
import { problemDiagnostic, SOURCE, toDiagnostic } from './diagnostics';
import { readSettings } from './settings';

export interface LintSnapshot {
  /** Document version the result is for (-1 for files that are not open). */
  version: number;
  text: string;
  result: LintResult;
  config: FileConfig;
}

/** Schemes that show Markdown which is not the user's document (diffs, output, our docs view). */
const SKIPPED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'backlog-lint-docs', 'review', 'pr']);

export class Linter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection(SOURCE);
  /** Broken config files, reported on the config file itself. */
  private readonly configProblems = vscode.languages.createDiagnosticCollection(`${SOURCE}-config`);
  private readonly snapshots = new Map<string, LintSnapshot>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Latest lint started per document: an older one finishing later must not publish. */
  private readonly latest = new Map<string, number>();
  private sequence = 0;
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.linted.event;

  private readonly client: LintClient;

  constructor(private readonly configs: ConfigService, private readonly log: vscode.LogOutputChannel) {
    this.client = new LintClient(log);
  }

  get lintThread(): 'worker' | 'extension host' {
    return this.client.thread;
  }

  isLintable(doc: vscode.TextDocument): boolean {
    return doc.languageId === 'markdown' && !SKIPPED_SCHEMES.has(doc.uri.scheme);
  }

  /** Lint after `delayMs` of quiet; each call restarts the wait. */
  schedule(doc: vscode.TextDocument, delayMs: number): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lintDocument(doc);
    }, delayMs));
  }

  /** Lints an open document now and publishes; undefined when it changed meanwhile or is not ours. */
  async lintDocument(doc: vscode.TextDocument, cross?: CrossFileRun): Promise<LintSnapshot | undefined> {
    if (!this.isLintable(doc) || !readSettings(doc.uri).enable) {
      this.clear(doc.uri);
      return undefined;
    }
    const version = doc.version;
    const snapshot = await this.lint(doc, doc.getText(), version, cross);
    if (doc.isClosed || doc.version !== version) return undefined;
    return snapshot;
  }

  /**
   * Lints a file that is not open (workspace lint), from text read through `workspace.fs`. With
   * `cross`, the file also contributes to the checks across files (duplicate stories, say).
   */
  async lintFile(uri: vscode.Uri, text: string, cross?: CrossFileRun): Promise<LintSnapshot | undefined> {
    if (!readSettings(uri).enable) return undefined;
    return this.lint({ uri, isUntitled: false }, text, -1, cross);
  }

  /** Adds findings of the checks across files to a file's published ones (until it is linted again). */
  addFindings(uri: vscode.Uri, findings: readonly Finding[]): void {
    const snapshot = this.snapshots.get(uri.toString());
    if (!snapshot || findings.length === 0) return;
    snapshot.result.findings = [...snapshot.result.findings, ...findings].sort((a, b) => a.range[0] - b.range[0]);
    this.diagnostics.set(uri, snapshot.result.findings.map((f) => toDiagnostic(f, uri)));
    this.linted.fire(uri);
  }

  /** The text `backlog-lint --fix` would make of the snapshot's text. */
  fixAll(snapshot: LintSnapshot): Promise<string> {
    return this.client.fixAll(snapshot.text, snapshot.result.filePath, snapshot.config);
  }

  /** The result for the document's current text: the published one when it is current, else a fresh lint. */
  async current(doc: vscode.TextDocument): Promise<LintSnapshot | undefined> {
    const s = this.snapshots.get(doc.uri.toString());
    return s && s.version === doc.version ? s : this.lintDocument(doc);
  }

  snapshot(uri: vscode.Uri): LintSnapshot | undefined {
    return this.snapshots.get(uri.toString());
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latest.set(key, ++this.sequence);
    this.snapshots.delete(key);
    this.diagnostics.delete(uri);
    this.client.forget(key);
    this.linted.fire(uri);
  }

  clearAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.latest.clear();
    this.snapshots.clear();
    this.diagnostics.clear();
    this.configProblems.clear();
  }

  dispose(): void {
    this.clearAll();
    this.client.dispose();
    this.diagnostics.dispose();
    this.configProblems.dispose();
    this.linted.dispose();
  }

  /** `parserKey`: set for open documents, whose parse is kept for their next version. */
  private async lint(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>, text: string, version: number,
    cross?: CrossFileRun, parserKey?: string): Promise<LintSnapshot | undefined> {
    const key = doc.uri.toString();
    const gen = ++this.sequence;
    this.latest.set(key, gen);
    try {
      return await this.lintAndPublish(doc, text, version, key, gen, cross, parserKey);
    } catch (err) {
      // An unreadable config or a crashing rule must not break the editor: log it, keep going.
      this.log.error(`linting ${doc.uri.toString(true)} failed:`, err instanceof Error ? err : String(err));
      return undefined;
    }
  }

  private async lintAndPublish(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>, text: string, version: number,
    key: string, gen: number, cross: CrossFileRun | undefined, parserKey: string | undefined): Promise<LintSnapshot | undefined> {
    const loaded = await this.configs.forDocument(doc);
    if (this.latest.get(key) !== gen) return undefined;   // a newer lint (or a close) won
    if (loaded.kind === 'error') this.reportConfigError(doc, loaded.error);
    // A broken config lints with the last good one (configService.ts); with none, nothing to lint with.
    const config = loaded.kind === 'ok' ? loaded.config : loaded.lastGood;
    if (!config) {
      this.diagnostics.delete(doc.uri);
      this.snapshots.delete(key);
      this.linted.fire(doc.uri);
      return undefined;
    }
    const { filePath } = loaded;
    let result: LintResult = { filePath, artifact: null, findings: [], suppressed: [] };
    if (!config.ignored) {
      const lint = await this.client.lint(parserKey, text, filePath, config, cross !== undefined);
      if (this.latest.get(key) !== gen) return undefined;
      cross?.addCollected(filePath, lint.crossFile, lint.directives, config);
      result = lint.result;
    }
    const snapshot: LintSnapshot = { version, text, result, config };
    this.snapshots.set(key, snapshot);
    this.diagnostics.set(doc.uri, result.problem ? [problemDiagnostic(result.problem)] : result.findings.map((f) => toDiagnostic(f, doc.uri)));
    this.linted.fire(doc.uri);
    return snapshot;
  }

  private reportConfigError(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>,
    error: ConfigError): void {
    const at = new vscode.Position(Math.max(0, (error.line ?? 1) - 1), Math.max(0, (error.column ?? 1) - 1));
    const d = new vscode.Diagnostic(new vscode.Range(at, at), error.message, vscode.DiagnosticSeverity.Error);
    d.source = SOURCE;
    this.configProblems.set(this.configs.uriOf(doc, error.file), [d]);
  }
}
