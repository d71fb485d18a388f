/**
 * Lints documents into the DiagnosticCollection. Edits are debounced; a lint whose document
 * changed (or was closed) while its config loaded is dropped, so fast typing never leaves stale
 * diagnostics. Keeps the last result per document for code actions and the status bar.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigError, FileConfig } from '../config';
import type { CrossFileRun } from '../core/cross-file';
import type { Finding, LintResult } from '../core/types';
import type { ConfigService } from './config-service';
import { EditorBaseline } from './baseline';
import type { LintClient } from './lint-client';
import { MAX_CONFIG_BYTES } from '../config/discovery';
import { configErrorRange } from './config-range';
import { outsideFocus } from '../core/focus';
import { problemDiagnostic, SOURCE } from './diagnostics';
import { type EditedLines, FocusTracker } from './focus-tracker';
import { pathMappingFor, workspaceFsHost } from './fs-host';
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

const ms = (t: number) => `${t.toFixed(0)} ms`;

export class Linter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection(SOURCE);
  /** Broken config files, reported on the config file itself. */
  private readonly configProblems = vscode.languages.createDiagnosticCollection(`${SOURCE}-config`);
  private readonly snapshots = new Map<string, LintSnapshot>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Latest lint started per document: an older one finishing later must not publish. */
  private readonly latest = new Map<string, number>();
  private sequence = 0;
  /** Bumped by clearAll(): a config problem read before that belongs to a config since changed. */
  private configGeneration = 0;
  /** The lint running per open document and its version: asking again for that version joins it. */
  private readonly running = new Map<string, { version: number; done: Promise<LintSnapshot | undefined> }>();
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidLint = this.linted.event;

  private readonly baseline: EditorBaseline;
  /** Focus mode: the lines being edited, whose findings are held back when published. */
  private readonly focus = new FocusTracker();

  /** `client`: shared with the ConfigService, which resolves configs in the same worker. */
  constructor(
    private readonly configs: ConfigService,
    private readonly log: vscode.LogOutputChannel,
    private readonly client: LintClient,
  ) {
    this.baseline = new EditorBaseline(log);
    this.client.start();
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
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lintDocument(doc);
      }, delayMs),
    );
  }

  /** Lints an open document now and publishes; undefined when it changed meanwhile or is not ours. */
  async lintDocument(doc: vscode.TextDocument, cross?: CrossFileRun): Promise<LintSnapshot | undefined> {
    if (!this.isLintable(doc) || !readSettings(doc.uri).enable) {
      this.clear(doc.uri);
      return undefined;
    }
    const version = doc.version;
    const key = doc.uri.toString();
    // Code actions, a visible-editor change and the debounce often ask for the same version at once.
    const same = this.running.get(key);
    if (!cross && same?.version === version) return same.done;
    // The document's key keeps its parse in the worker, so the next keystroke re-parses only the
    // sections it touched (incremental-parse.ts) instead of the whole backlog.
    const done = this.lint(doc, doc.getText(), version, cross, key).then((snapshot) =>
      doc.isClosed || doc.version !== version ? undefined : snapshot,
    );
    this.running.set(key, { version, done });
    try {
      return await done;
    } finally {
      if (this.running.get(key)?.done === done) this.running.delete(key);
    }
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
  async addFindings(uri: vscode.Uri, findings: readonly Finding[]): Promise<void> {
    const snapshot = this.snapshots.get(uri.toString());
    if (!snapshot || findings.length === 0) return;
    snapshot.result.findings = [...snapshot.result.findings, ...findings].sort((a, b) => a.range[0] - b.range[0]);
    await this.republish(uri, snapshot);
  }

  /** Focus mode: the document was edited on these lines. */
  edited(doc: vscode.TextDocument, edits: readonly EditedLines[]): void {
    if (readSettings(doc.uri).focusMode !== undefined) this.focus.edited(doc.uri.toString(), edits);
  }

  /** Focus mode: the cursor is on `line`; when it left the lines being edited, their findings show again. */
  cursorMoved(doc: vscode.TextDocument, line: number): void {
    const around = readSettings(doc.uri).focusMode;
    if (around === undefined || !this.focus.moved(doc.uri.toString(), line, around)) return;
    const snapshot = this.snapshots.get(doc.uri.toString());
    // An older snapshot is about to be replaced by the lint the edit scheduled.
    if (snapshot && snapshot.version === doc.version) void this.republish(doc.uri, snapshot);
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
    this.running.delete(key);
    this.snapshots.delete(key);
    this.diagnostics.delete(uri);
    this.focus.forget(key);
    this.client.forget(key);
    this.linted.fire(uri);
  }

  clearAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.latest.clear();
    this.running.clear();
    this.snapshots.clear();
    this.diagnostics.clear();
    this.configProblems.clear();
    this.configGeneration++;
  }

  dispose(): void {
    this.clearAll();
    this.client.dispose();
    this.baseline.dispose();
    this.diagnostics.dispose();
    this.configProblems.dispose();
    this.linted.dispose();
  }

  /** `parserKey`: set for open documents, whose parse is kept for their next version. */
  private async lint(
    doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>,
    text: string,
    version: number,
    cross?: CrossFileRun,
    parserKey?: string,
  ): Promise<LintSnapshot | undefined> {
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

  private async lintAndPublish(
    doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>,
    text: string,
    version: number,
    key: string,
    gen: number,
    cross: CrossFileRun | undefined,
    parserKey: string | undefined,
  ): Promise<LintSnapshot | undefined> {
    const started = performance.now();
    const loaded = await this.configs.forDocument(doc);
    if (this.latest.get(key) !== gen) return undefined; // a newer lint (or a close) won
    if (loaded.kind === 'error') this.reportConfigError(doc, loaded.error);
    // A broken config lints with the last good one (config-service.ts); with none, nothing to lint with.
    const config = loaded.kind === 'ok' ? loaded.config : loaded.lastGood;
    if (!config) {
      this.diagnostics.delete(doc.uri);
      this.snapshots.delete(key);
      this.linted.fire(doc.uri);
      return undefined;
    }
    const { filePath } = loaded;
    let result: LintResult = { filePath, artifact: null, findings: [], suppressed: [] };
    const configured = performance.now();
    if (!config.ignored) {
      const budget = readSettings(doc.uri).maxTimePerFileMs;
      const lint = await this.client.lint(parserKey, text, filePath, config, cross !== undefined, budget);
      // Undefined: a newer version's lint took this one's place at the worker.
      if (!lint || this.latest.get(key) !== gen) return undefined;
      cross?.addCollected(filePath, lint.crossFile, lint.directives, config);
      result = lint.result;
    }
    const linted = performance.now();
    const snapshot: LintSnapshot = { version, text, result, config };
    const published = await this.published(doc.uri, snapshot);
    if (this.latest.get(key) !== gen) return undefined;
    this.snapshots.set(key, snapshot);
    this.diagnostics.set(doc.uri, published);
    this.linted.fire(doc.uri);
    // Where a slow update's time went (Developer: Set Log Level… → Debug); the UI bench reads this line.
    this.log.debug(
      `linted ${path.basename(filePath)} v${version}: config ${ms(configured - started)}, ` +
        `${this.client.thread} ${ms(linted - configured)}, diagnostics ${ms(performance.now() - linted)}, ${result.findings.length} findings`,
    );
    return snapshot;
  }

  /** The snapshot's diagnostics: findings the baseline holds back dimmed or hidden, those in focus held back. */
  private published(uri: vscode.Uri, snapshot: LintSnapshot): Promise<vscode.Diagnostic[]> | vscode.Diagnostic[] {
    const { result, text } = snapshot;
    if (result.problem) return [problemDiagnostic(result.problem)];
    const settings = readSettings(uri);
    const findings =
      settings.focusMode === undefined
        ? result.findings
        : outsideFocus(result.findings, this.focus.focus(uri.toString(), settings.focusMode));
    return this.baseline.diagnostics(uri, text, findings, settings.baseline);
  }

  /** Publishes the snapshot's findings again (focus or findings changed), unless a newer result replaced it. */
  private async republish(uri: vscode.Uri, snapshot: LintSnapshot): Promise<void> {
    const published = await this.published(uri, snapshot);
    if (this.snapshots.get(uri.toString()) !== snapshot) return;
    this.diagnostics.set(uri, published);
    this.linted.fire(uri);
  }

  /** On the config file, over the key at fault, with the message minus the file's name (it is on that file). */
  private reportConfigError(doc: Pick<vscode.TextDocument, 'uri' | 'isUntitled'>, error: ConfigError): void {
    const uri = this.configs.uriOf(doc, error.file);
    const message = withoutFile(error.message, error.file);
    const generation = this.configGeneration;
    void readConfigText(uri).then((text) => {
      if (generation !== this.configGeneration) return;
      const range = configErrorRange(error.file, text ?? '', error);
      const at = (offset: number) => positionAt(text ?? '', offset);
      const d = new vscode.Diagnostic(
        new vscode.Range(at(range.start), at(range.end)),
        message,
        vscode.DiagnosticSeverity.Error,
      );
      d.source = SOURCE;
      this.configProblems.set(uri, [d]);
    });
  }
}

/** `/w/.backlog-lint.json:3:7: rules.x: …` → `rules.x: …` */
export function withoutFile(message: string, file: string): string {
  return message.startsWith(file) ? message.slice(file.length).replace(/^(?::\d+:\d+)?:\s*/, '') : message;
}

/** The config file's text, read as the loader reads it (regular files only, capped); undefined if unreadable. */
async function readConfigText(uri: vscode.Uri): Promise<string | undefined> {
  const mapping = pathMappingFor(uri);
  return workspaceFsHost(mapping)
    .readFile(mapping.toPath(uri), MAX_CONFIG_BYTES)
    .catch(() => undefined);
}

function positionAt(text: string, offset: number): vscode.Position {
  let line = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', start)) {
    line++;
    start = nl + 1;
  }
  return new vscode.Position(line, offset - start);
}
