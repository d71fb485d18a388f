/**
 * Entry point: wires the core (through the modules next to this file) to VS Code's events.
 * Everything that decides what a finding is lives in the core, shared with the CLI.
 */
import * as vscode from 'vscode';
import { builtinRules as allRules, rulesFor } from '../rule-set';
import { CodeActions } from './code-actions';
import { COMMANDS, SHOW_PROBLEMS } from './command-ids';
import { ConfigService } from './config-service';
import { LintClient } from './lint-client';
import type { EditedLines } from './focus-tracker';
import { Linter } from './linter';
import { lintWorkspace, summaryMessage, type WorkspaceLintSummary } from './lint-workspace';
import { watchDocsUrl } from './diagnostics';
import { DOCS_SCHEME, RuleDocsProvider, RuleDocsView } from './rule-docs';
import { readSettings } from './settings';
import { StatusBar } from './status-bar';
import { createFromTemplate } from './templates';

/** Returned from activate(): what the in-host tests read that the VS Code API cannot show them. */
export interface BacklogLintApi {
  readonly statusBarText: string;
  /** Config errors shown as notifications so far (each once). */
  readonly configNotifications: readonly string[];
  /** Where documents are linted: a worker thread, or the extension host when no worker could start. */
  readonly lintThread: 'worker' | 'extension host';
  /** The rule whose docs the docs panel shows, if it is open. */
  readonly docsRuleId: string | undefined;
}

export function activate(context: vscode.ExtensionContext): BacklogLintApi {
  const log = vscode.window.createOutputChannel('Backlog Lint', { log: true });
  const client = new LintClient(log);
  client.budgetMs = readSettings().maxTimePerFileMs;
  const configs = new ConfigService(allRules, client);
  const linter = new Linter(configs, log, client);
  const codeActions = new CodeActions(linter);
  const statusBar = new StatusBar(linter);
  const knownRules = () => {
    const active = vscode.window.activeTextEditor?.document;
    const snapshot = active && linter.snapshot(active.uri);
    return snapshot ? rulesFor(snapshot.config) : allRules;
  };
  const docsView = new RuleDocsView(knownRules);

  const lintOpenDocuments = () => {
    for (const doc of vscode.workspace.textDocuments) {
      if (linter.isLintable(doc)) void linter.lintDocument(doc);
    }
  };

  /** Set once the user ran "Lint workspace": from then on its results follow config changes. */
  let workspaceLinted = false;
  let relint: Promise<unknown> | undefined;
  let relintAgain = false;
  /** One re-lint at a time; changes during one get one more after it, not one each. */
  const relintWorkspace = () => {
    if (relint) {
      relintAgain = true;
      return;
    }
    relint = lintWorkspace(linter, log, vscode.ProgressLocation.Window).finally(() => {
      relint = undefined;
      if (relintAgain) {
        relintAgain = false;
        relintWorkspace();
      }
    });
  };

  /** `version`: the document version the "Fix all" code action was offered for. */
  const fixAll = async (uri?: vscode.Uri, version?: number) => {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc || !linter.isLintable(doc)) return false;
    return codeActions.applyFixAll(doc, typeof version === 'number' ? version : undefined);
  };

  context.subscriptions.push(
    log,
    configs,
    linter,
    statusBar,
    docsView,
    watchDocsUrl(),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (linter.isLintable(doc)) void linter.lintDocument(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !linter.isLintable(e.document)) return;
      const settings = readSettings(e.document.uri);
      linter.edited(e.document, e.contentChanges.map(editedLines));
      // onSave: the last published diagnostics stay until the next save, as with any on-save linter.
      if (settings.run === 'onType') linter.schedule(e.document, settings.debounceMs);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const cursor = e.selections[0]?.active.line;
      if (cursor !== undefined && linter.isLintable(e.textEditor.document))
        linter.cursorMoved(e.textEditor.document, cursor);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (linter.isLintable(doc) && readSettings(doc.uri).run === 'onSave') void linter.lintDocument(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => linter.clear(doc.uri)),
    // A document shown again before VS Code disposed it gets no open event, but may have been
    // cleared by a late close event: lint what is visible and has no current result.
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const { document: doc } of editors) {
        if (linter.isLintable(doc) && linter.snapshot(doc.uri)?.version !== doc.version) void linter.lintDocument(doc);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('backlogLint.maxTimePerFileMs')) client.budgetMs = readSettings().maxTimePerFileMs;
    }),
    configs.onDidChange(() => {
      // Results of files that are not open (workspace lint) were made with the old config: drop them,
      // and lint the workspace again so they come back under the new one (or the last valid one).
      linter.clearAll();
      lintOpenDocuments();
      if (workspaceLinted) relintWorkspace();
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, codeActions, CodeActions.metadata),
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new RuleDocsProvider(knownRules)),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, async (): Promise<WorkspaceLintSummary> => {
      workspaceLinted = true;
      const summary = await lintWorkspace(linter, log);
      await vscode.commands.executeCommand(SHOW_PROBLEMS);
      void vscode.window.showInformationMessage(summaryMessage(summary));
      return summary;
    }),
    vscode.commands.registerCommand(COMMANDS.fixAll, fixAll),
    vscode.commands.registerCommand(COMMANDS.showRuleDocs, (ruleId?: unknown) => docsView.show(ruleId)),
    vscode.commands.registerCommand(COMMANDS.createFromTemplate, createFromTemplate),
  );
  lintOpenDocuments();
  log.info(`activated: ${allRules.length} rules, workspace trusted: ${vscode.workspace.isTrusted}`);
  return {
    get statusBarText() {
      return statusBar.text;
    },
    get configNotifications() {
      return configs.notifications;
    },
    get lintThread() {
      return linter.lintThread;
    },
    get docsRuleId() {
      return docsView.ruleId;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** The lines a change wrote, in the document after it (focus mode). */
function editedLines(c: vscode.TextDocumentContentChangeEvent): EditedLines {
  return {
    startLine: c.range.start.line,
    oldLines: c.range.end.line - c.range.start.line,
    newLines: c.text.match(/\r\n|\r|\n/g)?.length ?? 0,
  };
}
